"""The engine: state built once per list/settings version, reused for every draft."""
from nlp.context import Context
from nlp.findings import Finding
from nlp.lists import NameLists
from nlp.settings import Settings


def utf16_offsets(text: str) -> list[int]:
    """Map each Python index of `text` (and len(text)) to its UTF-16 code-unit offset."""
    offsets, unit = [], 0
    for ch in text:
        offsets.append(unit)
        unit += 2 if ord(ch) > 0xFFFF else 1
    offsets.append(unit)
    return offsets


class Engine:
    """Checks drafts against the policy for one version of the lists and settings.

    Build a new Engine when the lists or settings change and swap it in whole;
    an Engine is never mutated after construction, so checks in flight are
    never half-updated.
    """

    def __init__(self, nlp, lists: NameLists = NameLists(), settings: Settings = Settings()):
        self.nlp = nlp
        self.lists = lists
        self.settings = settings

    def check(self, text: str, context: Context = Context()) -> list[Finding]:
        """Findings for one draft, with start/end in UTF-16 code units."""
        return self.check_many([(text, context)])[0]

    def check_many(self, drafts: list[tuple[str, Context]]) -> list[list[Finding]]:
        return [[] for _ in drafts]
