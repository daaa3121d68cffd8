"""A private message to a pupil (policy 4.2, 4.1)."""
import re

from nlp import vocab
from nlp.cues import TITLES
from nlp.draft import Draft, Hit

CATEGORY = "direct-message"
CLAUSE = "4.2"
SEVERITY = "high"
MESSAGE = ("This looks like a private message to a pupil. Policy 4.2: staff should not direct-message "
           "students where the message is not public; 4.1: no contact with pupils from personal accounts.")
SUGGESTION = "Don't send it; contact the pupil through the school's official channels (school email or learning platform)."
READS = ("pupil-name",)

# "Hi Mrs Shah," - a message that opens by addressing an adult is to a parent, not a pupil.
_TO_ADULT = re.compile(r"^\W*(?:(?:hi|hey|hello|dear|good\s+(?:morning|afternoon|evening))\W+)?(?:" +
                       "|".join(sorted(TITLES, key=len, reverse=True)) + r")\b\.?\s+[A-Z][\w'’-]*", re.I)
_OPENING = re.compile(r"^\W*(?:(?:hi+|hey+|hiya|hello|dear|morning|afternoon|ok|okay|right|so|well\s+done|congrats|"
                      r"congratulations|good\s+luck|thanks|thank\s+you|sorry)\W+)?$", re.I)
_CLOSING = re.compile(r"^[\s!?.,:;)\]x]{0,40}\W{0,40}$", re.I)
# Openings and closings are read from short slices next to the name: a name with 49,999
# characters of " !" after it does not close the message, and reading them cost seconds.
OPENING_SPAN = 40
CLOSING_SPAN = 40
_GREETED = re.compile(r"^\W*(?:hi+|hey+|hiya|hello|dear|morning)\W+([A-Z][\w'’-]*)", re.I)
# Talking to a pupil about school, name or no name.
_TO_A_PUPIL = re.compile(
    r"\bit'?s\s+(?:miss|sir|mr\s+\w+|mrs\s+\w+|ms\s+\w+)\s+from\s+(?:school|class|form)"
    r"|\byour\s+(?:homework|coursework|essay|detention|reading\s+book|pe\s+kit|lab\s+book|exercise\s+book|project|folio|revision|mock)"
    r"|\bsee\s+you\s+in\s+(?:form|class|registration|period\s+\d|the\s+lesson|lesson|school|my\s+room)"
    r"|\b(?:bring|hand|send)\s+(?:me\s+)?(?:it|that|them|your\s+\w+)\s+(?:in\s+)?(?:to\s+)?(?:class|school|my\s+room|tomorrow)", re.I)
# A pupil addressed with no name: the boundary staff hold, or the reader's school and age as theirs.
_PUPIL_ADDRESSED = vocab.pattern("pupil-addressed")
_TO_A_PARENT = re.compile(r"\byour\s+(?:child|son|daughter|kids?|children)\b", re.I)


class Detector:
    def __init__(self, resources):
        self.staff_firsts = resources.staff.first

    def find(self, draft: Draft) -> list[Hit]:
        text = draft.text
        if draft.context.surface != "message" or _TO_ADULT.match(text) or _TO_A_PARENT.search(text):
            return []
        greeted = _GREETED.match(text)
        names = draft.found("pupil-name")
        if greeted and (greeted.group(1).lower(),) in self.staff_firsts and not any(h.start == greeted.start(1) for h in names):
            return []  # "Hi Kamran, ..." to a colleague
        for hit in names:
            opens = hit.start <= OPENING_SPAN and _OPENING.match(text[:hit.start])
            closes = len(text) - hit.end <= CLOSING_SPAN and _CLOSING.match(text[hit.end:])
            if opens or closes:
                return [Hit(hit.start, hit.end)]  # the pupil is the one addressed
        cue = _TO_A_PUPIL.search(text) or _PUPIL_ADDRESSED.search(text)
        if cue:
            return [Hit(names[0].start, names[0].end)] if names else [Hit(cue.start(), cue.end())]
        return []
