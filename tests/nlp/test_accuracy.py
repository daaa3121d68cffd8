"""Accuracy on the labelled sets, scored in-process with shared/eval/score.py's semantics.

Thresholds sit a little under what the engine reaches (README table), so a
change that costs accuracy fails here. Reproduce the figures with
`.venv/bin/python -m nlp.evaluate tests/data/thornbury tests/data/eastbrook --verbose`.
"""
from pathlib import Path

import pytest

from nlp.engine import Engine
from nlp.evaluate import load_folder, score
from nlp.findings import CATEGORIES

DATA = Path(__file__).resolve().parents[1] / "data"

# folder: (least recall in any category, least share of cases with no forbidden finding)
TARGETS = {
    "everyday": (1.0, 0.95),  # hard negatives only: nothing expected, everything forbidden
    "thornbury": (0.97, 0.99),  # the development set (shared/eval/dev)
    "eastbrook": (0.97, 0.99),  # our own corpus, written unlike the development set
    "abbeymead": (0.95, 0.99),  # own corpora written before tuning and scored blind first
    "kelvinbank": (0.90, 0.98),
    "riverside": (0.90, 0.99),
    "categories": (0.95, 0.97),
    "glantaf": (0.95, 0.95),
    "staffroom": (0.93, 0.98),
    "oakfield": (0.85, 0.98),
    "hengrove": (0.95, 0.97),
    "stbrendans": (0.80, 1.0),
    "judgements": (0.95, 1.0),
    # written blind by other hands and never trained on: gates at today's figures (README), far under
    # the goals, so they only stop things getting worse (reputation 13/26 and 5/19 is the floor)
    "millbrook": (0.50, 0.94),
    "kingsmead": (0.25, 0.93),
    # written blind by three more hands (2026-12-02), scored before anyone here read them (first scores
    # in their READMEs) and not tuned on; gates at today's figures, so that nothing gets worse unnoticed
    "ashfield": (0.30, 0.96),  # direct messages 0/7 at first contact, 7/7 since; reputation 10/32 the floor
    "harbourside": (0.12, 0.95),
    "fenwick": (0.28, 0.96),
}


PARTIAL = {"everyday", "categories", "glantaf", "staffroom", "hengrove", "stbrendans", "judgements"}


@pytest.fixture(scope="module", params=sorted(TARGETS))
def result(request, nlp):
    lists, settings, cases = load_folder(DATA / request.param)
    return request.param, score(Engine(nlp, lists, settings), cases)


def test_recall_in_every_category(result):
    name, scored = result
    least, _ = TARGETS[name]
    low = {cat: round(scored.recall(cat), 3) for cat in CATEGORIES if scored.recall(cat) < least}
    assert not low, f"{name}: recall under {least}: {low}\n" + "\n".join(
        row for cat in low for row in scored.misses[cat])


def test_every_category_is_exercised(result):
    name, scored = result
    if name in PARTIAL:
        pytest.skip("a set aimed at some categories only")
    assert set(CATEGORIES) <= set(scored.expected), f"{name} lacks cases for {set(CATEGORIES) - set(scored.expected)}"


def test_forbidden_findings_are_rare(result):
    name, scored = result
    _, least_clean = TARGETS[name]
    wrong = [row for key, rows in scored.misses.items() if key.startswith("forbidden") for row in rows]
    assert scored.clean_rate >= least_clean, f"{name}: clean {scored.clean_rate:.3f}\n" + "\n".join(wrong)


def test_benign_posts_are_clean_and_spans_are_exact(result):
    name, scored = result
    assert scored.benign_rate >= TARGETS[name][1], "\n".join(row for key, rows in scored.misses.items() if key.startswith("forbidden") for row in rows)
    assert scored.span_rate == 1.0


# Real tweets nobody here wrote (shared/eval/real-tweets beside the repository): the false-alarm
# target is at most 1 tweet in 1,000; 0 of 2,100 today. Never trained on.
REAL_TWEETS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "real-tweets"


@pytest.mark.skipif(not (REAL_TWEETS / "cases.jsonl").exists(), reason="shared/eval/real-tweets is not beside the repository")
def test_real_tweets_almost_never_get_a_false_alarm(nlp):
    lists, settings, cases = load_folder(REAL_TWEETS)
    scored = score(Engine(nlp, lists, settings), cases)
    wrong = [row for key, rows in scored.misses.items() if key.startswith("forbidden") for row in rows]
    assert scored.clean_rate >= 0.999, f"clean {scored.clean_rate:.4f}\n" + "\n".join(wrong)
