"""Words of a draft and the keys names are compared by.

A key folds what people vary when they write a name: case, accents and letters
such as ı, ł, ś (anyascii), straight or curly apostrophes, and possessive 's.
Hyphens separate words, so "Abdul-Basit", "Abdul Basit" and #AbdulBasit meet.
"""
import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from nlp.budget import UNLIMITED, Deadline

# A run of letters, with apostrophes inside (O’Neill, D'Souza, Kacper’s).
_WORD = re.compile(r"[^\W\d_]+(?:['’‘ʼ][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’‘ʼ][sS]$")
_NON_KEY = re.compile(r"[^a-z0-9]")
# Characters allowed between the words of one name: spaces or a hyphen.
_NAME_GAP = re.compile(r"^(?:[ \t\u00a0]+|[ \t\u00a0]*-[ \t\u00a0]*)$")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def key(word: str) -> str:
    """Case-, accent- and apostrophe-folded form of one word ("" for none)."""
    return _NON_KEY.sub("", anyascii(word).lower())


@lru_cache(maxsize=1 << 16)  # lists repeat first names and surnames; rebuilding an Engine reuses them
def phrase_keys(phrase: str) -> tuple[str, ...]:
    """Keys of the words of a name or term as written on a list, read as a draft's words are."""
    return tuple(w.key for w in words(phrase))


@dataclass(frozen=True)
class Word:
    start: int  # Python indices into the draft
    end: int  # end of the name part, a possessive 's excluded
    text: str
    key: str
    gap_before: bool  # joined to the previous word only by spaces or a hyphen

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        return self.text.isupper() and len(self.text) > 1


def words(text: str, deadline: Deadline = UNLIMITED) -> list[Word]:
    """The draft's words; raises BudgetExceeded once the check's budget is spent, since on a
    draft of tens of thousands of tiny words reading them is the costliest single step."""
    result: list[Word] = []
    prev_end = None
    for count, match in enumerate(_WORD.finditer(text)):
        if count % 512 == 511:
            deadline.check()
        raw = match.group()
        end = match.end()
        possessive = _POSSESSIVE.search(raw)
        if possessive and len(raw) > 2:
            raw = raw[: possessive.start()]
            end = match.start() + len(raw)
        k = key(raw)
        if not k:
            prev_end = None
            continue
        joined = prev_end is not None and bool(_NAME_GAP.match(text[prev_end:match.start()]))
        result.append(Word(match.start(), end, raw, k, joined))
        prev_end = match.end() if not possessive else None
    return result


def split_handle(body: str) -> list[tuple[int, int]]:
    """Where the name parts of a hashtag or handle body lie: #AishaKhan, aisha_khan07, ibrahim.qureshi."""
    parts = []
    for chunk in re.finditer(r"[^\W\d_]+", body):
        piece = chunk.group()
        if piece.islower() or piece.isupper():
            parts.append((chunk.start(), chunk.end()))
        else:
            parts.extend((chunk.start() + m.start(), chunk.start() + m.end()) for m in _CAMEL.finditer(piece))
    return parts
