"""A private message to a pupil (policy 4.2, 4.1)."""
import re

from nlp.cues import TITLES
from nlp.draft import Draft, Hit

CATEGORY = "direct-message"
CLAUSE = "4.2"
SEVERITY = "high"
MESSAGE = ("This looks like a private message to a pupil. Policy 4.2: staff should not direct-message "
           "students where the message is not public; 4.1: no contact with pupils from personal accounts.")
SUGGESTION = "Don't send it; contact the pupil through the school's official channels (school email or learning platform)."

# "Hi Mrs Shah," - a message that opens by addressing an adult is to a parent, not a pupil.
_TO_ADULT = re.compile(r"^\W*(?:(?:hi|hey|hello|dear|good\s+(?:morning|afternoon|evening))\W+)?(?:" +
                       "|".join(sorted(TITLES, key=len, reverse=True)) + r")\b\.?\s+[A-Z][\w'’-]*", re.I)


class Detector:
    def __init__(self, resources):
        pass

    def find(self, draft: Draft) -> list[Hit]:
        if draft.context.surface != "message" or _TO_ADULT.match(draft.text):
            return []
        names = draft.found("pupil-name")
        return [Hit(names[0].start, names[0].end)] if names else []
