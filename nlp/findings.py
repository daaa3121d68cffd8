"""The finding a rule reports, in the shape of the contract's check answer."""
from dataclasses import asdict, dataclass

CATEGORIES = (
    "pupil-name", "staff-name", "school-reference", "work-discussion", "pupil-contact",
    "contact-details", "offensive", "reputation", "unsafe-link", "child-photo",
    "direct-message", "working-hours",
)
SEVERITIES = ("high", "medium", "low")


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

    def to_json(self) -> dict:
        return asdict(self)
