"""The policy rules, one module per category of the contract, in the order they run.

Each module declares CATEGORY, CLAUSE, SEVERITY, MESSAGE and SUGGESTION and a
Detector(resources) whose find(draft) returns Hits. Later rules may read what
earlier ones found (draft.found(category)): child-photo and direct-message
build on pupil-name, pupil-contact on contact-details and direct-message, so the
order below matters.
"""
from nlp.rules import (
    child_photo, contact_details, direct_message, offensive, pupil_contact, pupil_name, reputation,
    school_reference, staff_name, unsafe_link, work_discussion, working_hours,
)

RULES = (
    school_reference, staff_name, pupil_name, offensive, reputation, work_discussion, contact_details,
    direct_message, pupil_contact, unsafe_link, child_photo, working_hours,
)
