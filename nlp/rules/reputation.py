"""Negative remarks about the school, its staff, governors, pupils or parents (policy 4.1, 1.5).

A remark counts when, in one sentence, a school target (the school's listed
names, a named colleague, "SLT", "the trust", "governors", "parents", "Year 9",
"kids at my school") meets a negative judgement ("worst", "shambles", "no idea",
"idiots", an insult the offensive rule found).
"""
import re

from nlp.draft import Draft, Hit
from nlp.rules.work_discussion import about_own_child

CATEGORY = "reputation"
CLAUSE = "1.5"
SEVERITY = "medium"
MESSAGE = ("This reads as a negative remark about the school, its staff, pupils or parents. Policy 1.5 and "
           "4.1: consider the school's reputation in any post related to it.")
SUGGESTION = "Raise the concern in school (line manager, union rep or the head) rather than online."

_TARGET = re.compile(r"""\b(?:
    (?:our|my|the|this|their)\s+(?:school|academy|college|trust|head(?:teacher)?|head\s+teacher|deputy(?:\s+head)?|principal|slt|leadership(?:\s+team)?|
        management|governors?|governing\s+body|department|dept|staff|colleagues?|senior\s+team|new\s+head|new\s+deputy|business\s+manager)|
    slt\b|smt\b|senior\s+(?:leadership|management)|leadership|management|depute|principal\s+teachers?|governors|the\s+trust|the\s+head\b|headteacher|
    (?:the\s+|some\s+of\s+the\s+|these\s+)?parents|(?:kid|child|pupil|student)(?:'s|’s)\s+(?:mum|mom|dad|parents?)|
    (?:kids|pupils|students|children)\s+(?:at|in)\s+(?:my|our|this)\s+(?:school|class)|my\s+(?:class|form|year\s?\d+s?)|year\s?\d{1,2}s?\b|
    colleagues?|staff\s?room|co-?workers?
)""", re.I | re.X)
_NEGATIVE = re.compile(r"""\b(?:
    worst(?:-run)?|shambles|shambolic|disgrace(?:ful)?|joke|laughing\s*stock|useless|hopeless|clueless|incompetent|
    lazy|laziest|awful|terrible|appalling|rubbish|pathetic|shocking|dreadful|horrendous|toxic|nightmare|chaos|chaotic|
    idiots?|morons?|muppets?|spineless|lunatics?|feral|vile|hate|can'?t\s+stand|sick\s+of|fed\s+up\s+with|
    no\s+idea|haven'?t\s+got\s+a\s+clue|not\s+a\s+clue|couldn'?t\s+(?:organi[sz]e|run|manage)\s+a\b|don'?t\s+care|doesn'?t\s+care|
    cares?\s+more\s+about|only\s+care|(?:late|wrong|broken)\s+again|again!*$|a\s+mess|mess\b|failing|waste\s+of|
    falling\s+apart|(?:don'?t|doesn'?t|didn'?t|couldn'?t|never)\s+give\s+a\s+(?:toss|damn|monkey'?s|shit|fuck|crap|hoot)|(?:nobody|no\s+one|noone)\b.{0,30}\bcares?|sinking\s+ship|
    worse|bullies|bullying|liars?|lied|corrupt|stingy|tight-?fisted|no\s+support|unsupportive|out\s+of\s+touch
)""", re.I | re.X)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")


class Detector:
    def __init__(self, resources):
        pass

    def find(self, draft: Draft) -> list[Hit]:
        if about_own_child(draft):
            return []  # a parent's view of their own child's school is not about ours
        named = [(h.start, h.end) for cat in ("school-reference", "staff-name") for h in draft.found(cat)]
        insults = [(h.start, h.end) for h in draft.found("offensive")]
        for sentence in _SENTENCE.finditer(draft.text):
            s, e = sentence.span()
            text = sentence.group()
            has_target = _TARGET.search(text) or any(s <= a < e for a, _ in named)
            if not has_target:
                continue
            negative = _NEGATIVE.search(text)
            if negative:
                return [Hit(s + negative.start(), s + negative.end())]
            for a, b in insults:
                if s <= a < e:
                    return [Hit(a, b)]
        return []
