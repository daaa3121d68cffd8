"""One draft being checked: its text, spaCy doc, context, words, and what rules found so far."""
import bisect
import re
from dataclasses import dataclass

from nlp.context import Context
from nlp.textnorm import Word, words

_SENTENCE_END = re.compile(r"[.!?:;\n…]|^$")


@dataclass(frozen=True)
class Hit:
    """What a rule found, in Python string indices; message replaces the rule's default when set."""
    start: int
    end: int
    message: str | None = None


class Draft:
    def __init__(self, text: str, doc, context: Context):
        self.text = text
        self.lower = text.lower()
        self.doc = doc
        self.context = context
        self.words: list[Word] = words(text)
        self.hits: dict[str, list[Hit]] = {}
        self.memo: dict = {}  # per-draft results rules share (e.g. work cues)
        self._token_starts = [t.idx for t in doc] if doc is not None else []

    def token_at(self, index: int):
        """The spaCy token covering Python index `index` (None without a doc)."""
        if not self._token_starts:
            return None
        return self.doc[max(0, bisect.bisect_right(self._token_starts, index) - 1)]

    def starts_sentence(self, word_index: int) -> bool:
        """True when only punctuation, emoji or nothing comes between the last sentence end and this word."""
        start = self.words[word_index].start
        before = self.text[:start].rstrip()
        tail = re.sub(r"[^\w.!?:;\n…]+$", "", before)  # skip emoji, quotes, dashes
        return not tail or bool(_SENTENCE_END.search(tail[-1:]))

    def found(self, category: str) -> list[Hit]:
        return self.hits.get(category, [])

    def after(self, index: int, length: int = 40) -> str:
        return self.lower[index:index + length]

    def before(self, index: int, length: int = 40) -> str:
        return self.lower[max(0, index - length):index]
