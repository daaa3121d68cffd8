"""The finding a rule reports, in the shape of the contract's check answer."""
from dataclasses import asdict, dataclass

CATEGORIES = (
    "pupil-name", "staff-name", "school-reference", "work-discussion", "pupil-contact",
    "contact-details", "offensive", "reputation", "unsafe-link", "child-photo",
    "direct-message", "working-hours",
)
SEVERITIES = ("high", "medium", "low")
# A finding of these holds the post back at the pause on Post; a low one is only listed.
HOLDING_SEVERITIES = ("high", "medium")


@dataclass(frozen=True)
class Finding:
    category: str
    clause: str
    severity: str
    start: int  # UTF-16 code units into the draft once the engine returns it
    end: int
    quote: str
    message: str
    suggestion: str
    # Texts that could stand in [start, end) instead, best first ("" removes the words); a rule
    # offers them only where the fix is obvious, and the answer carries them only when there are some.
    replacements: tuple[str, ...] = ()

    def to_json(self) -> dict:
        answer = asdict(self)
        if self.replacements:
            answer["replacements"] = list(self.replacements)
        else:
            del answer["replacements"]
        return answer


# Said about the whole post when a check spent its time budget (nlp.budget) before every rule had
# read the draft. Not a policy category, so settings cannot switch it off; medium, so the pause
# dialog shows it before posting.
INCOMPLETE = Finding(
    category="not-fully-checked", clause="", severity="medium", start=0, end=0, quote="",
    message="Precheck could not read all of this draft in the time a check may take, so some of it "
            "was not checked against the policy; only what was found in time is listed.",
    suggestion="Read the draft through yourself before posting, or check it in shorter parts.")
