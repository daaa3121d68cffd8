"""The shapes of issue 14: how pupils and staff are really named, and who is someone else.

Each positive has its hard negative beside it. The roster is our own (a fictional
Leeds secondary), unlike the shared fixtures and the labelled sets.
"""
import pytest

from nlp.context import Context
from nlp.engine import Engine
from nlp.lists import NameLists, parse_pupils_csv, parse_staff_csv
from nlp.names import ordinary_words
from nlp.resources import dictionary_words
from nlp.settings import Settings

PUPILS = """first_name,last_name,preferred_name,year,form
Tolu,Adeyemi,,8,8M
Sana,Qadri,,9,9R
Faith,Lumley,,7,7C
Blessing,Ogunbiyi,,10,10P
""".encode()
STAFF = b"""title,first_name,last_name
Mrs,Ngozi,Okafor
Mr,Tom,Bright
"""


@pytest.fixture(scope="module")
def found(nlp):
    lists = NameLists(pupils=tuple(parse_pupils_csv(PUPILS).entries), staff=tuple(parse_staff_csv(STAFF).entries))
    engine = Engine(nlp, lists, Settings())

    def check(text, **context):
        return [(f.category, f.quote) for f in engine.check(text, Context.from_json(context))]
    return check


def test_ordinary_words_come_from_english_frequencies(nlp):
    ordinary = ordinary_words(dictionary_words(nlp))
    assert {"faith", "summer", "will", "hope", "bright"} <= ordinary
    # dictionary entries, but names far more than English words
    assert not {"tolu", "sana", "daniel", "ibrahim"} & ordinary


@pytest.mark.parametrize("text", [
    "did tolu get her homework in?",
    "sana left her planner on my desk",
])
def test_a_name_that_is_no_word_counts_in_lower_case_in_a_message(found, text):
    assert any(c == "pupil-name" for c, _ in found(text, surface="message"))


def test_a_word_name_in_lower_case_stays_a_word_in_a_message(found):
    assert not any(c == "pupil-name" for c, _ in found("keep the faith, the homework is nearly done", surface="message"))


def test_a_word_is_tagged_in_its_window_as_in_the_whole_draft(nlp):
    from nlp.draft import Draft
    text = ("What a week it has been for the whole department. Parents' evening ran late on Tuesday, "
            "and on Thursday Faith read her poem to the year group while the rest of us tidied up.")
    draft = Draft(text, Context(), nlp)
    whole = nlp(text)
    for word in draft.words:
        token = draft.token_at(word.start)
        expected = next(t for t in whole if t.idx <= word.start < t.idx + len(t))
        assert (token.text, token.tag_, token.ent_type_) == (expected.text, expected.tag_, expected.ent_type_)


def test_a_word_name_named_in_full_earlier_is_that_pupil_again(found):
    result = found("Faith Lumley read a poem to the whole year group. Well done Faith!")
    assert ("pupil-name", "Faith Lumley") in result
    assert [q for c, q in result if c == "pupil-name"].count("Faith") == 1
