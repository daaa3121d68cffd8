"""One draft being checked: its text, spaCy doc, context, words, and what rules found so far."""
import bisect
import re
from dataclasses import dataclass

from nlp.budget import UNLIMITED, BudgetExceeded, Deadline
from nlp.context import Context
from nlp.textnorm import Word, words

_SENTENCE_END = re.compile(r"[.!?:;\n…]|^$")
WINDOW_WORDS = 4
# Longer whitespace runs are cut before rules run: no rule reads more than a few spaces, and
# a run of 49,999 spaces is where patterns with neighbouring \s repeats spend their time.
MAX_WHITESPACE_RUN = 8
_LONG_WHITESPACE = re.compile(r"\s{%d,}" % (MAX_WHITESPACE_RUN + 1))


def cut_whitespace_runs(text: str) -> tuple[str, list[int] | None]:
    """The text with each long whitespace run cut to its first character and its first line break
    (so a line still ends where it did), and where each character of the cut text stood in the
    original (None when nothing was cut)."""
    kept, origin, last = [], [], 0
    for run in _LONG_WHITESPACE.finditer(text):
        start, end = run.span()
        positions = [start]
        newline = text.find("\n", start + 1, end)
        if newline != -1 and text[start] != "\n":
            positions.append(newline)
        kept.append(text[last:start])
        kept.extend(text[i] for i in positions)
        origin.extend(range(last, start))
        origin.extend(positions)
        last = end
    if not origin:
        return text, None
    kept.append(text[last:])
    origin.extend(range(last, len(text)))
    return "".join(kept), origin


@dataclass(frozen=True)
class Hit:
    """What a rule found, in Python string indices; message replaces the rule's default when set."""
    start: int
    end: int
    message: str | None = None


class Draft:
    """A draft and what is known about it. Most drafts are decided by the name books and
    patterns alone; when a rule needs a word's tag or entity, only a window of words around it
    goes through the pipeline, never the whole draft: the tagger's tok2vec sees four tokens each
    side, so the middle of a window of four words each side is tagged as in the whole draft
    (on every labelled set the findings are the same), and a long draft costs no more than a short one."""

    def __init__(self, text: str, context: Context, nlp=None, deadline: Deadline = UNLIMITED):
        self.original = text
        # what rules read; Hits are indices into it, and span() maps them back to the original
        self.text, self._origin = cut_whitespace_runs(text)
        self.deadline = deadline
        self.lower = self.text.lower()
        self.context = context
        try:
            self.words: list[Word] = words(self.text, deadline)
        except BudgetExceeded:
            self.words = []  # the budget went on reading the words: the engine's first deadline check ends the check
        self.hits: dict[str, list[Hit]] = {}
        self.memo: dict = {}  # per-draft results rules share (e.g. work cues)
        # what each rule weighed before deciding (cues, targets, scores), for `nlp.evaluate --verbose`
        self.evidence: dict[str, dict] = {}
        # the running rule and the categories it declared it reads (set by the engine)
        self.reader: str | None = None
        self.readable: frozenset[str] | None = None
        self._nlp = nlp
        self._word_starts = [w.start for w in self.words]
        self._windows: dict[tuple[int, int], _Window] = {}

    def span(self, hit: Hit) -> tuple[int, int]:
        """A Hit's start and end as indices into the original text (whitespace runs restored)."""
        if self._origin is None:
            return hit.start, hit.end
        origin, length = self._origin, len(self.original)
        start = origin[hit.start] if hit.start < len(origin) else length
        end = origin[hit.end - 1] + 1 if hit.end > hit.start else start
        return start, end

    def token_at(self, index: int):
        """The spaCy token covering Python index `index`, with its tags, read within WINDOW_WORDS
        words each side of it (None without a pipeline). Its entity label is entity_type's."""
        window = self._window(index)
        if window is None:
            return None
        self._run(window, self._tagging())
        return window.token(index)

    def entity_type(self, index: int) -> str:
        """The entity label ("PERSON", "GPE"... or "") of the token covering `index`, from the same window.

        The entity recogniser is the dearer half of the pipeline (en_core_web_sm's NER has its own
        tok2vec: ~3 ms of a short window's ~5 ms), so it runs only when a rule asks for an entity."""
        window = self._window(index)
        if window is None:
            return ""
        self._run(window, self._recognising())
        token = window.token(index)
        return token.ent_type_ if token is not None else ""

    def _window(self, index: int) -> "_Window | None":
        if self._nlp is None or not self.words:
            return None
        n = max(0, bisect.bisect_right(self._word_starts, index) - 1)
        first, last = max(0, n - WINDOW_WORDS), min(len(self.words) - 1, n + WINDOW_WORDS)
        start = self.words[first].start
        # the window runs on to the next word, so the punctuation after its last word is read too
        end = self.words[last + 1].start if last + 1 < len(self.words) else len(self.text)
        window = self._windows.get((start, end))
        if window is None:
            self.deadline.check()
            window = self._windows[(start, end)] = _Window(self._nlp.make_doc(self.text[start:end]), start)
        return window

    def _run(self, window: "_Window", names: tuple[str, ...]) -> None:
        """Run the named components (in pipeline order) that have not yet run on the window."""
        todo = [n for n in names if n not in window.ran]
        if todo:
            self.deadline.check()
            for name in todo:
                window.doc = self._nlp.get_pipe(name)(window.doc)
                window.ran.add(name)

    def _tagging(self) -> tuple[str, ...]:
        return _components(self._nlp)[0]

    def _recognising(self) -> tuple[str, ...]:
        return _components(self._nlp)[1]

    def starts_sentence(self, word_index: int) -> bool:
        """True when only punctuation, emoji or nothing comes between the last sentence end and this word."""
        start = self.words[word_index].start
        # a short look back: what separates a sentence's end from its first word is short
        before = self.text[max(0, start - 40):start].rstrip()
        tail = re.sub(r"[^\w.!?:;\n…]+$", "", before)  # skip emoji, quotes, dashes
        return not tail or bool(_SENTENCE_END.search(tail[-1:]))

    def found(self, category: str) -> list[Hit]:
        """What the rule for `category` found; the running rule must have declared it in READS."""
        if self.readable is not None and category not in self.readable:
            raise UndeclaredRead(f"rule {self.reader!r} reads {category!r} without declaring it in READS")
        return self.hits.get(category, [])

    def note(self, category: str, **evidence) -> None:
        """Record what a rule weighed (shown by `nlp.evaluate --verbose`; never logged)."""
        self.evidence.setdefault(category, {}).update(evidence)


class _Window:
    """The words around a word in question as a spaCy doc, and which components have run on it."""

    def __init__(self, doc, start: int):
        self.doc = doc
        self.ran: set[str] = set()
        self.starts = [start + t.idx for t in doc]

    def token(self, index: int):
        if not len(self.doc):
            return None
        return self.doc[max(0, bisect.bisect_right(self.starts, index) - 1)]


_COMPONENTS: dict[int, tuple[object, tuple[tuple[str, ...], tuple[str, ...]]]] = {}


def _components(nlp) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The pipeline's enabled components split into what tags need (all but the entity recogniser)
    and what entities need (the recogniser and any component it listens to, such as a shared
    tok2vec), each in pipeline order."""
    cached = _COMPONENTS.get(id(nlp))
    if cached is not None and cached[0] is nlp:
        return cached[1]
    names = list(nlp.pipe_names)
    recognisers = {n for n in names if "doc.ents" in nlp.get_pipe_meta(n).assigns}
    listeners = {n: set(getattr(nlp.get_pipe(n), "listening_components", None) or ()) for n in names}
    entity = recognisers | {n for n in names if listeners[n] & recognisers}
    tagging = tuple(n for n in names if n not in recognisers and not (listeners[n] and listeners[n] <= recognisers))
    split = (tagging, tuple(n for n in names if n in entity))
    _COMPONENTS[id(nlp)] = (nlp, split)
    return split


class UndeclaredRead(RuntimeError):
    """A rule read another rule's findings without naming it in its READS."""
