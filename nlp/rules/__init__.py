"""The policy rules, one module per category of the contract.

Each module declares CATEGORY, CLAUSE, SEVERITY, MESSAGE and SUGGESTION, READS
(the categories whose findings it builds on, read with draft.found) and a
Detector(resources) whose find(draft) returns Hits, and which may offer fixes(draft, hit): the texts
that could replace a hit's words where the fix is obvious (a finding's `replacements`). A Detector that
keeps nothing of the resources derives from nlp.resources.StatelessDetector. The engine runs the rules in
an order computed from READS (`ordered`), so a rule always runs after the rules
it reads, and reading a category not declared in READS raises UndeclaredRead.
"""
from nlp.rules import (
    child_photo, contact_details, direct_message, offensive, pupil_contact, pupil_name, reputation,
    school_reference, staff_name, unsafe_link, work_discussion, working_hours,
)

RULES = (
    school_reference, staff_name, pupil_name, offensive, reputation, work_discussion, contact_details,
    direct_message, pupil_contact, unsafe_link, child_photo, working_hours,
)


def ordered(rules) -> tuple:
    """The rules in an order where each runs after every rule named in its READS, otherwise
    in the order listed (so the listing can put cheap rules first).

    Raises ValueError on a READS naming no rule, or rules reading each other in a circle."""
    known = {rule.CATEGORY for rule in rules}
    for rule in rules:
        unknown = set(rule.READS) - known
        if unknown:
            raise ValueError(f"rule {rule.CATEGORY!r} reads {sorted(unknown)}, which no rule finds")
    done, order, waiting = set(), [], list(rules)
    while waiting:
        ready = next((rule for rule in waiting if set(rule.READS) <= done), None)
        if ready is None:
            raise ValueError(f"rules read each other in a circle: {sorted(rule.CATEGORY for rule in waiting)}")
        waiting.remove(ready)
        order.append(ready)
        done.add(ready.CATEGORY)
    return tuple(order)
