import pytest

from nlp.names import NameBook
from nlp.textnorm import phrase_keys

VARIANTS = [
    ("Muhammad", "Mohammed"), ("Muhammad", "Mohamed"), ("Muhammad", "Muhammed"), ("Muhammad", "Mohammad"),
    ("Ayesha", "Aisha"), ("Yusuf", "Yousef"), ("Khadija", "Khadijah"), ("Rayyan", "Rayan"),
    ("Maryam", "Mariam"), ("Aaliyah", "Aliyah"), ("Nusrat", "Nusrath"), ("Zainab", "Zaynab"),
]


@pytest.mark.parametrize("listed, written", VARIANTS + [(b, a) for a, b in VARIANTS])
def test_spelling_variants_reach_the_listed_name(listed, written):
    book = NameBook()
    book.add(0, listed, "Khan")
    assert book.first_forms(phrase_keys(written)) == {phrase_keys(listed)}
    assert book.people_named(book.first_forms(phrase_keys(written)), book.last_forms(("khan",))) == {0}


@pytest.mark.parametrize("listed, written", [
    ("Sana", "Sarah"), ("Adam", "Aidan"), ("Ali", "Alex"), ("Mohammad", "Mahmood"), ("Jago", "Jake"), ("Will", "Wilma"),
])
def test_different_names_do_not_meet(listed, written):
    book = NameBook()
    book.add(0, listed, "Khan")
    assert book.first_forms(phrase_keys(written)) == set()


def test_a_surname_variant_needs_to_be_closer_than_a_first_name_variant():
    book = NameBook()
    book.add(0, "Aisha", "Akhtar")
    assert book.last_forms(("akhter",)) == {("akhtar",)}
    assert book.last_forms(("acton",)) == set()
