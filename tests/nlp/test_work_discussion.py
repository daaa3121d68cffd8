"""Work talk: strong cues count alone; words with an everyday sense need the classifier or the school beside them."""
import pytest

from nlp import classifier
from nlp.context import Context
from nlp.draft import Draft
from nlp.rules.work_discussion import WEAK_CUE_SCORE, _WEAK_CUES

WORK = "work-discussion"


def categories(engine, text):
    return {f.category for f in engine.check(text)}


@pytest.mark.parametrize("text", [
    "the cute maintenance guy did the annual apt inspection this morning",
    "Just set up the DSL modem, easiest router ever",
    "Flat-pack wardrobe, Assembly Required, send wine",
    "Or the theatre where he taught, that could work",
    "Up at 9am to do homework, that's not like me",
    "Best new manga of the year, ta-da!",
])
def test_an_everyday_sense_of_a_school_word_is_not_work(engine, text):
    assert _WEAK_CUES.search(text)  # the word is there...
    assert WORK not in categories(engine, text)  # ...but nothing else says school


@pytest.mark.parametrize("text", [
    "Mrs Tremayne's assembly today was brilliant",  # a named colleague
    "Lesson observation at 9 and the lesson before it has no plan",  # a strong cue beside it
    "Exam season: invigilating three exams a day",
])
def test_a_weak_cue_with_school_beside_it_is_work(engine, text):
    assert WORK in categories(engine, text)


def test_the_classifier_is_what_lifts_a_lone_weak_cue(engine):
    text = "Long day, four lessons and a meeting after"  # one weak cue ("lessons") and nothing else
    draft = Draft(text, Context())
    assert [m.group() for m in _WEAK_CUES.finditer(text)] == ["lessons"]
    assert classifier.scores(draft)[WORK] >= WEAK_CUE_SCORE
    assert WORK in categories(engine, text)


def test_the_evidence_names_the_weak_cue_and_the_score(engine):
    [(_, evidence)] = engine.explain_many([("he did the annual boiler inspection", Context())])
    assert evidence[WORK]["weak_cues"] == ["inspection"] and evidence[WORK]["classifier"] < WEAK_CUE_SCORE


def test_the_trained_model_knows_its_labels():
    draft = Draft("Marking again", Context())
    assert set(classifier.scores(draft)) == {"work-discussion", "reputation", "pupil-contact", "offensive"}
