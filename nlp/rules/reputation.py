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
READS = ("school-reference", "staff-name", "pupil-name", "offensive")

_TARGET = re.compile(r"""\b(?:
    (?:our|my|the|this|their)\s+(?:school|academy|college|trust|head(?:teacher)?|head\s+teacher|deputy(?:\s+head)?|principal|slt|leadership(?:\s+team)?|
        management|governors?|governing\s+body|department|dept|staff|colleagues?|senior\s+team|new\s+head|new\s+deputy|business\s+manager)|
    slt\b|smt\b|senior\s+(?:leadership|management)|leadership|management|depute|principal\s+teachers?|governors|the\s+trust\b(?!\s+fund)|the\s+head\b|headteacher|
    (?:some\s+(?:of\s+(?:the|these|those)\s+)?|these\s+|those\s+|the\s+|school\s+)parents\b(?!\s+(?:are\s+)?(?:visiting|coming|came))|parents\s+(?:at|in|round|from)\s+(?:this|our|my|the|here)|(?:kid|child|pupil|student)(?:'s|’s)\s+(?:mum|mom|dad|parents?)|
    (?:kids|pupils|students|children)\s+(?:at|in)\s+(?:my|our|this)\s+(?:school|class)|my\s+(?:class|form|year\s?\d+s?)|year\s?\d{1,2}s?\b|
    colleagues?|staff\s?room|co-?workers?|staff\s+morale|morale|(?:at|in)\s+my\s+(?:place|work|job)|the\s+grange|our\s+lot
)""", re.I | re.X)
_NEGATIVE = re.compile(r"""\b(?:
    worst(?:-run|-behaved)?|shambles|shambolic|disgrace(?:ful)?|shameful|ashamed|embarrass\w*|joke|laughable|laughing\s*stock|ridiculous|farc(?:e|ical)|circus|clowns?|
    useless|hopeless|clueless|no\s+clue|not\s+a\s+clue|haven'?t\s+got\s+a\s+clue|no\s+idea|incompetent|inept|unprofessional|disorgani[sz]ed|chaotic|chaos|
    out\s+of\s+control|a\s+mess\b|mess\b|sinking\s+ship|thugs?|hooligans?|
    lazy|laziest|rude|arrogant|condescending|patronising|snobby|stuck-up|entitled|spoilt|greedy|money-grabbing|penny-pinching|cheapskates?|stingy|tight-?fisted|
    two-faced|backstabbing|cliquey|favouritism|nepotism|unfair|unjust|sexist|racist|homophobic|discriminat\w+|harass\w*|victimi[sz]\w+|
    awful|terrible|appalling|atrocious|abysmal|diabolical|dreadful|horrendous|horrible|nasty|vile|cruel|heartless|rubbish|pathetic|shocking|outrageous|scandal\w*|
    toxic|nightmare|hell\s?hole|soul[\s-]destroying|miserable|demorali[sz]\w+|rotten|
    idiots?|morons?|muppets?|spineless|gutless|cowards?|lunatics?|feral|thick|stupid|dumb|rough|scroungers?|liars?|lied|lying|dishonest|corrupt|cover-?up|
    bull(?:y|ies|ied|ying)|micromanag\w+|
    hate|loathe|despise|can'?t\s+stand|sick\s+of|fed\s+up\s+with|disgust\w*|out\s+of\s+touch|
    couldn'?t\s+(?:organi[sz]e|run|manage)\s+a\b|(?:don'?t|doesn'?t|didn'?t|couldn'?t|never)\s+(?:care|listen|back\s+us|support\s+us)|
    (?:don'?t|doesn'?t|didn'?t|couldn'?t|never)\s+give\s+a\s+(?:toss|damn|monkey'?s|shit|fuck|crap|hoot)|
    cares?\s+more\s+about|only\s+cares?|(?:nobody|no\s+one|noone)\b.{0,30}\bcares?|falling\s+apart|
    (?:late|wrong|broken)\s+again|failing|poor(?:ly)?\s+(?:run|managed|led|leadership|management)|waste\s+of|worse|
    no\s+(?:support|discipline|backbone)|zero\s+support|unsupportive|overworked|underpaid|
    under\s+the\s+bus|hung\s+(?:us\s+)?out\s+to\s+dry|treat(?:s|ed|ing)?\s+(?:us|staff|teachers|people|everyone|them)\s+like|pay\s+(?:us\s+)?peanuts|morale\s+is\s+(?:low|dire|awful|terrible|non-existent|gone)|
    cutting\s+(?:jobs|staff|pay|budgets?|tas?|corners|posts)|(?:job|staff|budget|pay)\s+cuts|
    leaving\s+in\s+droves|lost\s+the\s+plot|
    abysmal|dire|woeful|dismal|pitiful|feeble|spineless|shameless|heartless|thoughtless|tactless|hypocrit\w*|
    incompeten\w+|ignorant|rubbish\s+at|terrible\s+at|awful\s+at|useless\s+at|can'?t\s+be\s+trusted|untrustworthy|
    cowardly|petty|vindictive|spiteful|nasty\s+piece|power-?mad|power\s+trip|control\s+freaks?|jobsworths?|
    a\s+shambles|a\s+disaster|disastrous|car\s+crash|train\s*wreck|dumpster\s+fire|omnishambles|fiasco|
    rip-?off|scam|fleec\w+|slave\s+drivers?|sweatshop|
    embarrassment|(?<!never\s)(?<!n't\s)(?<!not\s)let\s+(?:us|everyone|the\s+kids)\s+down|failed\s+(?:us|the\s+kids|our)|fail(?:s|ing)?\s+(?:our|the)\s+(?:kids|children|pupils|students|staff)|
    don'?t\s+deserve|shouldn'?t\s+be\s+(?:allowed|in\s+charge|teaching)|should\s+be\s+sacked|sack\s+(?:the|them|him|her)|
    no\s+manners|badly\s+behaved|out\s+of\s+hand|running\s+riot|rock\s+bottom|getting\s+worse|gutted\s+(?:our|the|my)|expects?\s+miracles|babysitters|
    couldn'?t\s+\w+\s+(?:a|an|their|his|her|its)\s+(?:way|conga|bath|piss-?up|school|department|raffle|bus|car\s+park)|no\s+respect|disrespect\w*|
    talk\s+down\s+to|looks?\s+down\s+on|walk(?:s|ed)?\s+all\s+over|nobody\s+wants\s+to\s+work|(?:going|gone|went)\s+downhill|(?:\w+\s+)?heads?\s+in\s+(?:\w+\s+)?years
)""", re.I | re.X)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")


class Detector:
    def __init__(self, resources):
        pass

    def find(self, draft: Draft) -> list[Hit]:
        if about_own_child(draft):
            return []  # a parent's view of their own child's school is not about ours
        named = [(h.start, h.end) for cat in ("school-reference", "staff-name", "pupil-name") for h in draft.found(cat)]
        insults = [(h.start, h.end) for h in draft.found("offensive")]
        for sentence in _SENTENCE.finditer(draft.text):
            draft.deadline.check()
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
