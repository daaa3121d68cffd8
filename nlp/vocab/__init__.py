"""Cue vocabularies kept as data: one entry a line in nlp/vocab/<name>.txt, each with an example.

The format (nlp/vocab/README.md says the same for whoever edits the files):

    # a comment; blank lines are ignored
    phrase :: an example sentence in which the phrase is found and the rule fires

A phrase is words separated by spaces, matched case-insensitively as whole words with any
whitespace between them:
    a/b/c     one of these words ("our/my/the school")
    word*     the word with any ending ("micromanag*")
    ~         up to two other words ("this ~ school" finds "this sh*t school")
    ?word     an optional word ("what could ?possibly go wrong")
    a_b       words a and b, as one alternative ("!are_visiting/visiting")
    !a/b      not followed by these words ("the trust !fund")
    '         an apostrophe, straight or curly
A line starting with "=" is matched with its case as written ("=Trust !me" is the trust's name,
not "trust me"). A line starting with "re:" is a regular expression, for the few shapes words
cannot say; it must stay bounded (no nested repetition).

tests/nlp/test_vocabulary.py is generated from the files: every entry must find its example,
and the rule using the vocabulary must report its category on the example.
"""
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
_ANY = r"[\w*'’@#$!-]+"


@dataclass(frozen=True)
class Entry:
    phrase: str
    example: str
    line: int
    pattern: str  # a regular expression, for joining into one alternation


def _word(alternatives: str) -> str:
    """One slot: its alternatives, each a whole word (a boundary where it starts or ends in a letter)."""
    out = []
    for alt in alternatives.split("/"):
        any_ending = alt.endswith("*") and len(alt) > 1
        alt = alt[:-1] if any_ending else alt
        body = "".join("['’]" if c in "'’" else r"\s+" if c == "_" else re.escape(c) for c in alt)
        if re.match(r"\w", alt):
            body = r"\b" + body
        if any_ending:
            body += r"[\w'’-]*"
        elif re.search(r"\w$", alt):
            body += r"\b"
        out.append(body)
    return "(?:" + "|".join(out) + ")"


def compile_phrase(phrase: str) -> str:
    """The regular expression of one phrase (see the module's docstring)."""
    if phrase.startswith("re:"):
        return "(?:" + phrase[3:].strip() + ")"
    case = phrase.startswith("=")
    body = ""
    for token in (phrase[1:] if case else phrase).split():
        if token == "~":
            body += rf"(?:\s+{_ANY}){{0,2}}?"
        elif token.startswith("?") and len(token) > 1:
            body += (r"(?:\s+" + _word(token[1:]) + ")?") if body else ("(?:" + _word(token[1:]) + r"\s+)?")
        elif token.startswith("!"):
            body += r"(?!\s*" + _word(token[1:]) + ")"
        else:
            body += (r"\s+" if body else "") + _word(token)
    return f"(?-i:{body})" if case else body


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[Entry, ...]:
    """The entries of nlp/vocab/<name>.txt; a line without ' :: example' is an error."""
    found = []
    path = HERE / f"{name}.txt"
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        phrase, sep, example = line.partition(" :: ")
        if not sep or not example.strip():
            raise ValueError(f"{path.name}:{number}: an entry needs ' :: ' and an example")
        pattern = compile_phrase(phrase.strip())
        re.compile(pattern)
        found.append(Entry(phrase.strip(), example.strip(), number, pattern))
    return tuple(found)


def pattern(name: str) -> re.Pattern:
    """One case-insensitive regular expression finding any entry of nlp/vocab/<name>.txt."""
    return re.compile("|".join(e.pattern for e in entries(name)), re.I)
