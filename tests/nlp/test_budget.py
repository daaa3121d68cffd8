"""Issue 12, item 1: no draft, whatever its shape, holds a worker. Every check of a 50,000-character
draft finishes within its budget; long whitespace runs are cut before the rules read them with
offsets that still slice the original; a rule that overruns is cut off and the check still answers.

The CPU-time bound below is the issue's requirement for adversarial input, not a speed target
(those are `make bench`'s): it is kept generous, a whole second against a budget of well under one."""
import gc
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.budget import DEFAULT_SECONDS
from nlp.context import Context
from nlp.draft import MAX_WHITESPACE_RUN, cut_whitespace_runs
from nlp.engine import Engine
from nlp.findings import INCOMPLETE

LARGEST = 50_000  # the service's MAX_TEXT_LENGTH
BOUND = 1.0  # seconds of CPU time a check may take, whatever the draft
CONTEXTS = [Context(), Context.from_json({"surface": "message"}),
            Context.from_json({"account": "school", "has_media": True, "surface": "reply"})]


def repeated(unit: str, prefix: str = "", suffix: str = "") -> str:
    body = LARGEST - len(prefix) - len(suffix)
    return prefix + (unit * (body // len(unit) + 1))[:body] + suffix


# The shapes the security review sent (issue 12), each of which took 2-48 s or never answered.
SHAPES = {
    "letter then spaces": "a" + " " * (LARGEST - 1),
    "letter then newlines": "a" + "\n" * (LARGEST - 1),
    "letter then tabs": "a" + "\t" * (LARGEST - 1),
    "letter then no-break spaces": "a" + "\u00a0" * (LARGEST - 1),
    "a+ repeated": repeated("a+"),
    "spaces then a name": " " * (LARGEST - 7) + "Lowenna",
    "a name then ' !' repeated": repeated(" !", prefix="Lowenna", suffix="a"),
    "a- repeated": repeated("a-"),
    "a. repeated": repeated("a."),
    "a@ repeated": repeated("a@"),
    "#a repeated": repeated("#a"),
    "digit groups": repeated("0123 "),
    "mobile-like digit groups": repeated("07700 9"),
    "f*ck repeated": repeated("f*ck "),
    "words": repeated("a "),
    "a first name that is an ordinary word": repeated("Faith "),
    "spelt address pieces": repeated("jess dot at "),
    # thousands of pupils named, each in a sentence of its own, read for mockery
    "a name and a phone number repeated": repeated("Lowenna07700 900,#,hi:*"),
}

# Pieces the slow patterns fed on, mixed at random into drafts of the largest size.
PIECES = ["a", "A", " ", "  ", "\n", "\t", "\u00a0", "!", "?", ".", "-", "+", "@", "#", "_", "*", "0", "07700 900",
          "123", "Lowenna", "Faith", "Trewin", "Mrs", "hi", "dot", "at", "gmail", "http://", "www.", "/", ":", ",",
          "x", "😀", "’", "f*ck", "in 5P", "homework"]


@pytest.fixture(autouse=True, scope="module")
def collector_as_in_a_worker(engine):
    """What lives for the whole process is frozen out of the collector's sight, as gunicorn's
    workers do after loading the model (backend/gunicorn_conf.py): otherwise a full collection of
    everything earlier tests built would be timed as part of a check."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


def cpu_seconds_of_check(engine: Engine, text: str, context: Context) -> float:
    started = time.thread_time()
    findings = engine.check(text, context)
    elapsed = time.thread_time() - started
    assert all(f.quote == "" or f.quote in text for f in findings)
    return elapsed


@pytest.mark.parametrize("shape", SHAPES)
def test_every_adversarial_shape_from_the_review_is_checked_within_the_bound(engine, shape):
    for context in CONTEXTS:
        assert cpu_seconds_of_check(engine, SHAPES[shape], context) <= BOUND, (shape, context)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow, HealthCheck.data_too_large])
@given(unit=st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join),
       noise=st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
       context=st.sampled_from(CONTEXTS))
def test_random_long_adversarial_drafts_are_checked_within_the_bound(engine, unit, noise, context):
    text = repeated(unit, prefix=noise)
    assert cpu_seconds_of_check(engine, text, context) <= BOUND


@given(st.lists(st.sampled_from(["a", "Bo", " ", "\n", "\t", "\u00a0", "\r\n", "😀"]), max_size=60).map("".join),
       st.integers(1, 40))
def test_cutting_whitespace_runs_keeps_where_each_character_came_from(pieces, run):
    text = pieces.replace(" ", " " * run)
    cut, origin = cut_whitespace_runs(text)
    if origin is None:
        assert cut == text
        return
    assert len(cut) == len(origin) < len(text)
    assert all(cut[i] == text[origin[i]] for i in range(len(cut)))
    assert origin == sorted(set(origin))
    assert max((len(r) for r in re.findall(r"\s+", cut)), default=0) <= MAX_WHITESPACE_RUN
    for long_run in re.finditer(r"\s{%d,}" % (MAX_WHITESPACE_RUN + 1), text):
        kept = [i for i in origin if long_run.start() <= i < long_run.end()]
        assert kept[0] == long_run.start()  # the run still separates what it separated
        if "\n" in long_run.group():
            assert any(text[i] == "\n" for i in kept)  # and a line still ends in it


def test_findings_after_a_long_whitespace_run_slice_the_original_draft_exactly(engine):
    text = ("😀 Text me on 07700 900123" + " " * 30_000 + "\n" + "\n" * 9_000
            + "Lowenna Trewin was brilliant in class today" + "\t" * 5_000 + " jess.tutor99@gmail.com")
    findings = engine.check(text)
    units = text.encode("utf-16-le")
    quotes = {(f.category, f.quote) for f in findings}
    assert {("contact-details", "07700 900123"), ("pupil-name", "Lowenna Trewin"),
            ("contact-details", "jess.tutor99@gmail.com")} <= quotes
    for f in findings:
        assert units[2 * f.start:2 * f.end].decode("utf-16-le") == f.quote
    # the same draft with the runs short reads the same
    short = "😀 Text me on 07700 900123 \nLowenna Trewin was brilliant in class today\t jess.tutor99@gmail.com"
    assert {(f.category, f.quote) for f in engine.check(short)} == quotes


def test_a_cut_run_keeps_its_first_character_and_its_line_break():
    text = "Lovely day." + " " * 20 + "\n" + " " * 20 + "summer fair"
    cut, _ = cut_whitespace_runs(text)
    assert cut == "Lovely day. \nsummer fair"


class Overrunning:
    """A rule that never finishes on its own: it only stops when the budget says so."""
    def __init__(self, calls):
        self.calls = calls

    def find(self, draft):
        while True:
            self.calls.append(1)
            draft.deadline.check()


def test_a_rule_that_overruns_is_cut_off_and_the_check_still_answers(nlp, lists):
    engine = Engine(nlp, lists)
    calls = []
    # contact-details runs after the name rules: what they found stands, the rest is not read
    engine._rules = [(rule, Overrunning(calls) if rule.CATEGORY == "contact-details" else detector)
                     for rule, detector in engine._rules]
    started = time.thread_time()
    findings = engine.check("Lowenna Trewin did well, text me on 07700 900123")
    assert time.thread_time() - started <= BOUND
    assert calls
    assert INCOMPLETE in findings
    assert INCOMPLETE.start == INCOMPLETE.end == 0 and INCOMPLETE.quote == ""  # never the draft
    assert ("pupil-name", "Lowenna Trewin") in {(f.category, f.quote) for f in findings}
    assert "contact-details" not in {f.category for f in findings}


def test_an_ordinary_check_is_complete(engine):
    assert INCOMPLETE not in engine.check("Lowenna Trewin did well in class, text me on 07700 900123")
    assert DEFAULT_SECONDS < BOUND


def test_the_classifier_is_loaded_with_the_engine_not_by_the_first_check(nlp, lists):
    from nlp import classifier
    classifier._model.cache_clear()
    Engine(nlp, lists)
    assert classifier._model.cache_info().currsize == 1
