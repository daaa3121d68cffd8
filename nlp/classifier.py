"""The trained text classifier (nlp/textcat/model, built by `python -m nlp.train`): how much a draft
reads as work talk, as a remark on the school, as contact with pupils or parents and as mockery, learned from labelled posts rather than listed.

It is spaCy's bag-of-words classifier over the tokenizer alone (no tagger, no vectors), loaded once
per process and shared read-only by every Engine, so a score costs well under a millisecond.
"""
from functools import lru_cache
from pathlib import Path

import spacy

MODEL = Path(__file__).resolve().parent / "textcat" / "model"


@lru_cache(maxsize=1)
def _model():
    return spacy.load(MODEL)


def load() -> None:
    """Load the model now (once per process): the first check must not pay for it, neither in
    time nor against its budget."""
    _model()


def normalise(text: str) -> str:
    """What the model reads, in training and in a check: lower case, so "SLT", "Slt" and "slt" are
    one word to a bag-of-words model that has seen each only a few times."""
    return text.lower()


# The model reads this many characters either side of the words in question: a post's worth,
# so a 50,000-character draft costs what a long post does.
WINDOW = 600


def scores(draft, start: int = 0, end: int = 0) -> dict[str, float]:
    """{"work-discussion": p, "reputation": p, "pupil-contact": p, "offensive": p} for the text around draft.text[start:end]
    (the whole of a post up to WINDOW characters either side), computed once per window."""
    window = (max(0, start - WINDOW), end + WINDOW)
    cache = draft.memo.setdefault("textcat", {})
    if window not in cache:
        cache[window] = dict(_model()(normalise(draft.text[window[0]:window[1]])).cats)
    return cache[window]
