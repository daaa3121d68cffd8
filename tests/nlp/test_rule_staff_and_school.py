"""staff-name and school-reference."""
import pytest


@pytest.mark.parametrize("text, quote", [
    ("Mrs Tremayne's assembly was brilliant", "Mrs Tremayne"),
    ("Mr. Polglase fell asleep in the staff meeting", "Mr. Polglase"),
    ("mr polglase's flapjacks are back", "mr polglase"),
    ("Jenna Tremayne is retiring after 30 years", "Jenna Tremayne"),
    ("K. Polglase ran the training", "K. Polglase"),
    ("Dr Pascoe covered my class", "Dr Pascoe"),
])
def test_staff_names(found, text, quote):
    assert ("staff-name", quote) in found(text)


@pytest.mark.parametrize("text", [
    "Mr Polglase from the corner shop gave me free pasties",
    "Polglase the cat knocked the tree over",
    "Reading Jenna Smith's new novel",
])
def test_not_staff(categories, text):
    assert "staff-name" not in categories(text)


def test_a_staff_title_keeps_a_shared_surname_off_the_pupil_list(found):
    # Pascoe is a pupil's surname (Kerensa Pascoe) and a teacher's (Dr Pascoe)
    result = found("Dr Pascoe ran the Year 6 residential")
    assert ("staff-name", "Dr Pascoe") in result
    assert not [q for c, q in result if c == "pupil-name"]


@pytest.mark.parametrize("text, quote", [
    ("St Piran's Primary School won the cup", "St Piran's Primary School"),
    ("st pirans primary school won the cup", "st pirans primary school"),
    ("Proud of #StPiransFamily", "#StPiransFamily"),
    ("SPPS sports day is on Friday", "SPPS"),
    ("Kernow Coast Learning Trust announced a restructure", "Kernow Coast Learning Trust"),
    ("6K are the chattiest class", "6K"),
    ("Year 5 set 2 smashed their test", "Year 5 set 2"),
])
def test_school_references(found, text, quote):
    assert ("school-reference", quote) in found(text)


@pytest.mark.parametrize("text", [
    "spps is not an acronym I know",  # a short all-caps alias must be written in capitals
    "Ran a 10K on Sunday",
    "St Ives was lovely today",
    "Kernow cider is the best",
])
def test_not_school_references(categories, text):
    assert "school-reference" not in categories(text)
