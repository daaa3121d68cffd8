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
    """A draft and what is known about it. The spaCy doc is made only when a rule asks for a
    token (most drafts are decided by the name books and patterns alone), unless the engine
    has already made it in a batch."""

    def __init__(self, text: str, context: Context, nlp=None, doc=None):
        self.text = text
        self.lower = text.lower()
        self.context = context
        self.words: list[Word] = words(text)
        self.hits: dict[str, list[Hit]] = {}
        self.memo: dict = {}  # per-draft results rules share (e.g. work cues)
        self._nlp = nlp
        self._doc = doc
        self._token_starts: list[int] | None = None

    @property
    def doc(self):
        if self._doc is None and self._nlp is not None:
            self._doc = self._nlp(self.text)
        return self._doc

    @doc.setter
    def doc(self, doc) -> None:
        self._doc = doc
        self._token_starts = None

    def token_at(self, index: int):
        """The spaCy token covering Python index `index` (None without a pipeline)."""
        doc = self.doc
        if doc is None or not len(doc):
            return None
        if self._token_starts is None:
            self._token_starts = [t.idx for t in doc]
        return doc[max(0, bisect.bisect_right(self._token_starts, index) - 1)]

    def starts_sentence(self, word_index: int) -> bool:
        """True when only punctuation, emoji or nothing comes between the last sentence end and this word."""
        start = self.words[word_index].start
        before = self.text[:start].rstrip()
        tail = re.sub(r"[^\w.!?:;\n…]+$", "", before)  # skip emoji, quotes, dashes
        return not tail or bool(_SENTENCE_END.search(tail[-1:]))

    def found(self, category: str) -> list[Hit]:
        return self.hits.get(category, [])
