"""Negative remarks about the school, its staff, governors, pupils or parents (policy 4.1, 1.5).

A remark counts when, in one sentence, a school target (the school's listed
names, a named colleague, "SLT", "the trust", "governors", "parents", "Year 9",
"kids at my school") meets a negative judgement ("worst", "shambles", "no idea",
"idiots", an insult the offensive rule found).
"""
import re

from nlp import classifier, vocab
from nlp.draft import Draft, Hit
from nlp.resources import StatelessDetector
from nlp.rules.work_discussion import about_own_child, work_cues

try:  # vaderSentiment: a sentiment lexicon built and validated on social-media text
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    _VADER = SentimentIntensityAnalyzer()
except ImportError:  # pragma: no cover - installed from requirements.txt
    _VADER = None

CATEGORY = "reputation"
CLAUSE = "1.5"
SEVERITY = "medium"
MESSAGE = ("This reads as a negative remark about the school, its staff, pupils or parents. Policy 1.5 and "
           "4.1: consider the school's reputation in any post related to it.")
SUGGESTION = "Raise the concern in school (line manager, union rep or the head) rather than online."
READS = ("school-reference", "staff-name", "pupil-name", "offensive")

# Who a remark is about, and sarcasm that judges it: data files, one entry a line with an example
# (nlp/vocab/README.md).
_TARGET = vocab.pattern("reputation-targets")
_SARCASM = vocab.pattern("sarcasm")
# Targets that name the school itself; others ("my head", "management", "colleagues") are the
# school only in a post that is otherwise about school work, when read by tone alone.
_SCHOOL_TARGET = re.compile(r"school|academy|college|trust|slt|smt|governor|head\s?teacher|principal|parents", re.I)
# Tone alone never judges pupils or a year group: VADER reads school words such as "mock" or
# "detention" as negative, and a teacher's post about their class is mostly that.
_PUPIL_TARGET = re.compile(r"year|kids|pupils|students|children|class|form", re.I)
# The sentence reads negative to VADER at or under this compound score.
VADER_NEGATIVE = -0.35
# the classifier's reputation score that counts beside a school target, alone or with a negative tone
CLASSIFIER_SCORE = 0.65
TONE_CLASSIFIER_SCORE = 0.15
_NEGATIVE = re.compile(r"""\b(?:
    worst(?:-run|-behaved)?|shambles|shambolic|disgrace(?:ful)?|shameful|ashamed|embarrass\w*|(?<!\bno\s)(?<!\bnot\sa\s)joke|laughable|laughing\s*stock|ridiculous|farc(?:e|ical)|circus|clowns?|
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
# sarcasm with no target of its own judges the target this many sentences before it
SARCASM_REACH = 2
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")


class Detector(StatelessDetector):
    def find(self, draft: Draft) -> list[Hit]:
        if about_own_child(draft):
            return []  # a parent's view of their own child's school is not about ours
        forms = {(h.start, h.end) for h in draft.memo.get("form_groups", ())}
        pupils = [(h.start, h.end) for h in draft.found("pupil-name")] + sorted(forms)
        named = [(h.start, h.end) for cat in ("school-reference", "staff-name") for h in draft.found(cat)
                 if (h.start, h.end) not in forms]
        insults = [(h.start, h.end) for h in draft.found("offensive")]
        recent = None  # (the target, its sentence's number) of the last sentence that had one
        for number, sentence in enumerate(_SENTENCE.finditer(draft.text)):
            draft.deadline.check()
            s, e = sentence.span()
            text = sentence.group()
            listed = _TARGET.search(text)
            if listed:
                target = listed.group()
            elif any(s <= a < e for a, _ in named):
                target = "a name"
            elif any(s <= a < e for a, _ in pupils):
                target = "a pupil or form group"
            else:
                # sarcasm often follows what it mocks: "Shout out to Mr X for the warm welcome. Oh wait 🙃"
                irony = _SARCASM.search(text)
                if irony and recent and number - recent[1] <= SARCASM_REACH:
                    draft.note(CATEGORY, target=recent[0], negative=irony.group(), sentences_after=number - recent[1])
                    return [Hit(s + irony.start(), s + irony.end())]
                continue
            recent = (target, number)
            negative = _NEGATIVE.search(text) or _SARCASM.search(text)
            if negative:
                draft.note(CATEGORY, target=target, negative=negative.group())
                return [Hit(s + negative.start(), s + negative.end())]
            for a, b in insults:
                if s <= a < e:
                    draft.note(CATEGORY, target=target, insult=draft.text[a:b])
                    return [Hit(a, b)]
            # no listed judgement: the sentence's tone (VADER) or the classifier decides, on a target
            # that is surely the school's
            if _PUPIL_TARGET.search(target) or target.startswith("a pupil") or not (
                    target == "a name" or _SCHOOL_TARGET.search(target) or work_cues(draft)):
                continue
            # (a sentence's first 600 characters: VADER's cost grows with length, a post's sentence is shorter)
            sentiment = _VADER.polarity_scores(text[:600])["compound"] if _VADER else 0.0
            score = classifier.scores(draft, s, e)[CATEGORY]
            draft.note(CATEGORY, target=target, sentiment=sentiment, classifier=score)
            # (a sad sentence, "gonna miss my little Hazels 😢", is negative too: tone needs the
            # classifier's agreement that the post is a remark on the school)
            if (sentiment <= VADER_NEGATIVE and score >= TONE_CLASSIFIER_SCORE) or score >= CLASSIFIER_SCORE:
                stripped = text.strip()
                start = s + text.index(stripped)
                return [Hit(start, start + len(stripped))]
        return []
