"""The engine: state built once per list/settings version, reused for every draft."""
import gc
import re
from contextlib import contextmanager

from nlp import budget, classifier
from nlp.budget import BudgetExceeded, Deadline
from nlp.context import Context
from nlp.draft import Draft
from nlp.findings import INCOMPLETE, Finding
from nlp.lists import NameLists
from nlp.resources import Resources
from nlp.rules import RULES, ordered
from nlp.settings import Settings
from nlp.spans import utf16_offsets

# How the rules' messages cite the trust's policy: "Policy 4.1", "Policy 1.5 and 4.1".
POLICY_CITATION = re.compile(r"\bPolicy \d+(?:\.\d+)*(?: and \d+(?:\.\d+)*)*")


@contextmanager
def _cyclic_collector_paused():
    """Building the name books allocates hundreds of thousands of small sets, tuples and dict
    entries and no reference cycles; the cyclic collector would meanwhile sweep the whole growing
    heap (the pipeline's objects too) again and again, a third of the build's CPU for 20,000
    pupils. Reference counting still frees everything; the collector's state is restored after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Engine:
    """Checks drafts against the policy for one version of the lists and settings.

    Build a new Engine when the lists or settings change and swap it in whole;
    an Engine is never mutated after construction, so checks in flight are
    never half-updated. Building one costs dictionary inserts per name and no
    pipeline calls, so it stays well under a second for 20,000 pupils.
    """

    def __init__(self, nlp, lists: NameLists = NameLists(), settings: Settings = Settings(),
                 budget_seconds: float | None = budget.DEFAULT_SECONDS):
        self.nlp = nlp
        self.budget_seconds = budget_seconds
        self.lists = lists
        self.settings = settings
        classifier.load()
        with _cyclic_collector_paused():
            resources = Resources(nlp, lists, settings)
            self._rules = [(rule, rule.Detector(resources)) for rule in ordered(RULES)]

    def check(self, text: str, context: Context = Context()) -> list[Finding]:
        """Findings for one draft, with start/end in UTF-16 code units."""
        return self.check_many([(text, context)])[0]

    def check_many(self, drafts: list[tuple[str, Context]]) -> list[list[Finding]]:
        """Findings for each draft, as check gives them one by one."""
        return [findings for findings, _ in self.explain_many(drafts)]

    def explain_many(self, drafts: list[tuple[str, Context]]) -> list[tuple[list[Finding], dict[str, dict]]]:
        """Findings for each draft, with the evidence each rule weighed (by category)."""
        results = []
        for text, context in drafts:
            draft = Draft(text, context or Context(), self.nlp, Deadline(self.budget_seconds))
            results.append((self._findings(draft), draft.evidence))
        return results

    def _cite(self, category: str, message: str) -> str:
        """The message citing the school's own clause (settings.clauses) where it set one."""
        clause = self.settings.clauses.get(category)
        return message if clause is None else POLICY_CITATION.sub(f"Policy {clause}", message)

    def _findings(self, draft: Draft) -> list[Finding]:
        complete = True
        for rule, detector in self._rules:
            try:
                draft.deadline.check()
                draft.reader, draft.readable = rule.CATEGORY, frozenset(rule.READS)
                draft.hits[rule.CATEGORY] = detector.find(draft)
            except BudgetExceeded:
                complete = False  # the rules that ran stand; the person is told the rest was not read
                break
        draft.reader = draft.readable = None
        units = utf16_offsets(draft.original)
        findings = [] if complete else [INCOMPLETE]
        for rule, detector in self._rules:
            setting = self.settings.categories.get(rule.CATEGORY)
            if setting is not None and not setting.enabled:
                continue
            severity = (setting.severity if setting is not None else None) or rule.SEVERITY
            fixes = getattr(detector, "fixes", None)
            seen = set()
            for hit in draft.found(rule.CATEGORY):
                start, end = draft.span(hit)
                if (start, end) in seen:
                    continue
                seen.add((start, end))
                findings.append(Finding(
                    category=rule.CATEGORY, clause=self.settings.clauses.get(rule.CATEGORY, rule.CLAUSE),
                    severity=severity,
                    start=units[start], end=units[end], quote=draft.original[start:end],
                    message=self._cite(rule.CATEGORY, hit.message or rule.MESSAGE), suggestion=rule.SUGGESTION,
                    # a fix is an offer: once the budget is spent (thousands of hits) findings come without
                    replacements=tuple(fixes(draft, hit)) if fixes is not None and not draft.deadline.spent() else ()))
        findings.sort(key=lambda f: (f.start, f.end, f.category))
        return findings
