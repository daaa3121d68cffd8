"""Running the school down without a listed word: sarcasm, and a negative tone (VADER) aimed at a school target."""
import pytest

from nlp.context import Context
from nlp.rules.reputation import _NEGATIVE, VADER_NEGATIVE

REP = "reputation"


def reputation(engine, text):
    [(findings, evidence)] = engine.explain_many([(text, Context())])
    return [f.quote for f in findings if f.category == REP], evidence.get(REP, {})


@pytest.mark.parametrize("text, quote", [
    ("SLT have sent yet another 'workload charter' 🙄", "yet another"),
    ("The governors sadly seem to have given up on the staff", "The governors sadly seem to have given up on the staff"),
    ("Our headteacher's plan has hurt every single department", "Our headteacher's plan has hurt every single department"),
])
def test_a_negative_remark_on_the_school_without_a_listed_word_is_found(engine, text, quote):
    quotes, evidence = reputation(engine, text)
    assert quotes == [quote]
    assert evidence["target"]


def test_the_tone_path_is_what_finds_it_and_says_so(engine):
    text = "The governors sadly seem to have given up on the staff"
    assert not _NEGATIVE.search(text)
    _, evidence = reputation(engine, text)
    assert evidence["sentiment"] <= VADER_NEGATIVE


@pytest.mark.parametrize("text", [
    "My head is killing me, the tablets are not working",  # a head that is not the school's
    "Our school won the regional quiz, so proud",  # praise
    "The trust has been fantastic this year, proper support",
    "Management at the depot sadly gave up on the night shift",  # someone else's workplace
])
def test_a_negative_tone_without_the_school_as_target_is_not_reputation(engine, text):
    quotes, _ = reputation(engine, text)
    assert quotes == []


@pytest.mark.parametrize("serious, judged", [
    ("Leadership is no joke, respect to anyone who takes it on", "Leadership here is a joke, nobody takes it on"),
    ("Being one of our governors is no joke, hours of reading every week", "Our governors are a joke, hours of waffle every week"),
])
def test_no_joke_says_a_thing_is_serious_not_that_the_school_is_laughable(engine, serious, judged):
    assert reputation(engine, serious)[0] == []
    assert reputation(engine, judged)[0] != []
