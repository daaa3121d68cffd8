"""Words a school says are no finding of one category (the admin's school-wide exceptions).

A warning is excepted when its category and its flagged words match an exception, compared
by `words_key`: case, accents' composed forms, spacing, a leading # or @ and a possessive
ending do not matter, so an exception for "Grace" covers "grace", "#Grace" and "Grace's".
The extension keys a person's own allow-list the same way (extension/src/shared/findings.js).
"""
import re
import unicodedata
from typing import NamedTuple

_POSSESSIVE = re.compile(r"['’]s?$")
_EDGE = re.compile(r"^[\s#@\"'“”‘’]+|[\s\"'“”‘’.,;:!?]+$")


class ExceptedWords(NamedTuple):
    category: str
    key: str  # words_key of the words


def words_key(words: str) -> str:
    """The form two quotes of the same words share."""
    key = " ".join(unicodedata.normalize("NFC", words).casefold().split())
    key = _EDGE.sub("", key)
    return _EDGE.sub("", _POSSESSIVE.sub("", key))


def without_excepted(findings: list, excepted: frozenset) -> list:
    """The findings no exception covers (findings about the whole post quote nothing: kept)."""
    if not excepted:
        return findings
    return [f for f in findings if not (f.quote and ExceptedWords(f.category, words_key(f.quote)) in excepted)]
