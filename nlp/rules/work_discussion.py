"""Talking about one's work: lessons, marking, classes, pupils, parents, meetings, inspections (policy 4.1)."""
import re

from nlp import classifier
from nlp.draft import Draft, Hit
from nlp.resources import StatelessDetector

CATEGORY = "work-discussion"
CLAUSE = "4.1"
SEVERITY = "low"
MESSAGE = ("This talks about your work at school. Policy 4.1: staff should not discuss any aspect of "
           "their work online, even without names.")
SUGGESTION = "Keep work out of personal posts; share it in school channels instead."
READS = ("pupil-name", "staff-name", "reputation", "school-reference")

# Words and phrases that only come up when someone talks about working in a school.
_CUES = re.compile(r"""\b(?:
    lesson\s+plan\w*|lesson\s+planning|
    (?:our|the\s+new)\s+head\b(?!\s+of\b)|planning\s+(?:in\b|due|deadline|scrutiny|until|till|all\s+(?:night|weekend|evening|day)|lessons?|for\s+(?:tomorrow|monday|next\s+week|year\s?\d+|my\s+class))|
    scheme\s+of\s+work|curriculum|(?:ks|key\s+stage\s?)[1-5]|learners|cohort|
    marking|to\s+mark|mark(?:ed)?\s+(?:\d+|the|their|my|all|these|those|thirty|sixty)\s+(?:\w+\s+)?(?:books|essays|mocks|papers|tests|scripts|exams)|books\s+to\s+mark|green\s+pen|
    mocks\b|mock\s+(?:exams?|papers?|results|season|week|interviews?)|(?:the|my|his|her|their|every|a|each)\s+mock\b|gcses?|a[\s-]levels?|btecs?|\bnea\b|sats\b|invigilat\w+|supervis\w+\s+(?:the\s+)?(?:\w+\s+){0,2}exams?\b|revision\s+(?:session|class|club)\w*|predicted\s+grades?|coursework|assessments?|
    results\s+day|report\s+writing|reports?\s+(?:to\s+write|season)|(?:end\s+of\s+(?:year|term)|school|pupil|writing\s+\d+)\s+reports|data\s+drop|standardisation|
    (?:exercise|maths|english|science|topic|reading|homework|literacy|workbooks?)\s+books|moderation|book\s+(?:look|scrutiny)|work\s+scrutiny|deep\s+dive|
    (?:during|in|after|before|teaching|taught)\s+(?:maths|english|science|pe|re|history|geography|art|music|computing|phonics|french|spanish|german|drama|pshe|rse|dt|guided\s+reading)\b|
    guided\s+reading|golden\s+time|story\s+time|carpet\s+time|circle\s+time|tutor\s+time|form\s+time|homework\s+club|booster\s+(?:sessions?|classes)|
    (?:take|took|taking|do|did|doing|call|called|calling|the\s+(?:morning|afternoon))\s+(?:the\s+)?register|in\s+register|register\s+class|at\s+registration|registration\s+(?:time|period|group)|
    seating\s+plan|lanyard|photocopier|photocopying|reprographics|interactive\s+whiteboard|(?:on|at)\s+the\s+(?:white|smart)board|whiteboard\s+pens?|smartboard|display\s+boards?|worksheets|starter\s+activity|plenary|differentiat\w+|retrieval\s+practice|
    free\s+period|frees\b|twilight\s+(?:session|training)|(?:staff|morning)\s+briefing|(?:duty|cover)\s+rota|
    nativity(?:\s+(?:rehearsals?|play))?|sports\s+day|non-uniform|world\s+book\s+day|residential|class\s+trip|forest\s+school|dofe\b|duke\s+of\s+ed\w*|
    options\s+evening|transition\s+day|prize\s+giving|awards\s+evening|school\s+(?:play|production|show|concert|disco|council|uniform|photos?|gates?)|
    parent\s+consultations?|parents?\s+(?:meeting|consultations?|complain\w*)|ring\s+(?:a\s+)?parents?|rang\s+(?:a\s+)?parents?|
    (?:playground|dinner|corridor|lunchtime|lunch|break|bus|gate|exam|canteen|toilet)\s+duty|
    (?:\d+|twenty|thirty)\s+(?:\w+[\s-])?year[\s-]olds|reception\s+(?:class|life|kids|children|teacher)|in\s+reception|nursery\s+(?:class|kids|children)|
    primary\s+teach\w*|secondary\s+teach\w*|lsa\b|hlta\b|pupil\s+premium|(?:literacy|numeracy|maths|reading|phonics)\s+interventions?|interventions?\s+(?:group|session|class)|
    catch-up\s+sessions?|progress\s+(?:data|meetings?|checks?)|(?:before|after|when|till|until)\s+the\s+bell\b|the\s+bell\s+(?:went|goes|rang)|playtime|wet\s+play|
    prelims?\b|folios?|highers\b|national\s+[45]s?\b|sqa\b|hmie?\b|education\s+scotland|in-?service\s+days?|parents['’]?\s+night|
    guidance\s+(?:teacher|staff|base)|depute\b|smt\b|\d+\s+scripts|(?:marked|marking)\s+\d+|
    my\s+(?:[sp][1-7]|year\s?\d{1,2})s?\s+class|
    ofsted|observed\s+(?:today|this|by|again|lesson)|(?:got|being|was|been)\s+observed|lesson\s+observation|observation\s+(?:today|this|went|feedback)|
    learning\s+walk|drop-?ins?\s+(?:from|by)\s+slt|appraisal|performance\s+management|pay\s+progression|workload|
    teachers?['’]?\s+(?:strike|pay|workload|life|problems)|strike\s+day|\bneu\b|nasuwt|union\s+rep|\#?teacherlife|\#(?:edutwitter|teachertwitter|ukedchat)|
    detentions?(?!\s+cent(?:re|er))|exclusions?|(?:was|been|got|get|being)\s+(?:excluded|suspended)|(?:excluded|suspended)\s+(?:again|for)|(?:a|his|her|their|fixed-term|internal|external)\s+suspension|suspension\s+(?:meeting|letter|today|for)|
    isolation\s+(?:room|booth|unit)|internal\s+(?:isolation|exclusion)|behaviour\s+(?:policy|points?|system|management|log)|
    merits?\s+(?:today|award|certificate|points?)|(?:first|a|got\s+a|his|her|their)\s+merit|behaviour\s+sanctions?|
    safeguarding|ehcps?|senco|ppa|inset|cpd|ect\b|nqt\b|pgce|trainee\s+teachers?|teaching\s+assistant|
    supply\s+(?:teacher|teaching|cover|staff)|cover\s+(?:lessons?|supervisor|work)|covering\s+(?:period|lesson|for)|period\s+\d|
    parents['’]?\s+evening|open\s+evening|staff\s?room|staff\s+(?:meeting|training|briefing|panto|party|room|team|night\s+out|do\b)|department\s+meeting|
    \bhoy\b|\bhod\b|subject\s+lead|middle\s+lead\w*|
    classroom|my\s+class(?:es)?|the\s+(?:whole\s+)?class\b|in\s+class\b|after\s+class|the\s+kids\s+in\s+my|
    my\s+(?:form|tutor\s+group|tutees?|pupils|students|kids\s+at\s+school)|form\s+(?:group|tutor)|(?:at|in)\s+(?:my|our)\s+school|my\s+school\b|
    pupils?|my\s+(?:year\s?\d+|y\d+)s?|year\s?\d{1,2}s?\b(?!\s+of\b)|y\d{1,2}s\b|sixth\s+form|
    head\s?teacher|head\s+of\s+(?:year|department|dept|faculty|house|sixth|ks\d|maths|english|science|history|geography|pe|music|art|languages|mfl|re|computing|drama|dt)|
    (?:assistant\s+)?deputy\s+head\w*|(?:the|our|new|a)\s+deputy\b(?!\s+(?:manager|mayor|prime|editor|leader))|deputy\s+principal|slt\b|senior\s+leadership|governors\b|governing\s+body|the\s+trust\b(?!\s+fund)|academy\s+trust|
    times\s+tables|spelling\s+(?:test|bee)|show\s+and\s+tell|pe\s+kit|
    school\s+trip|trip\s+to\s+\w+\s+with\s+\d+|field\s+trip|\d+\s+teenagers|(?:class|room)\s+(?:full\s+)?of\s+teenagers|
    
    teaching(?!\s+(?:my|our|him|her|them|myself|me)\b)|
    quadratics|algebra|fractions|simultaneous\s+equations|photosynthesis|periodic\s+table|phonics|
    as\s+a\s+(?:teacher|ta|tutor|head|senco|dsl)|i'?m\s+a\s+teacher|glamour\s+of\s+teaching|
    (?<!as\s)\ba\s+parent\b|(?:teaching|classroom|lesson)\s+resources|(?:writing|making|planning|sharing)\s+(?:\w+\s+){0,2}resources|
    (?:reading|maths|spelling|science|french|spanish|phonics|end\s+of\s+unit|topic|weekly|mental\s+maths|arithmetic|sats)\s+(?:tests?|quiz|check|papers?)|
    sending\s+(?:your|their)\s+(?:kids?|child(?:ren)?)\s+in\b|(?:in|at)\s+school\s+today|
    (?:break|broke|breaking)\s+up\s+(?:a\s+)?fights?|fights?\s+(?:in|on)\s+the\s+(?:corridor|playground|yard|field|canteen)|corridors?\b|
    (?:triple|double)\s+(?:science|maths|english|history|geography|pe|art|music|french)|fire\s+drill|lockdown\s+drill|our\s+school\b|
    first\s+day\s+back\s+after\s+(?:half\s+term|the\s+holidays|christmas|easter|summer)|data\s+(?:deadline|entry|drop)|personal\s+statements|ucas\b|
    call(?:ed|ing)?\s+home|(?:my|a|our)\s+mentor\b|mentoring\s+(?:an?\s+)?(?:ect|nqt|trainee|student\s+teacher)|mentor\s+meeting|tutees?|stars?\s+of\s+the\s+week
)""", re.I | re.X)

# Work words that have everyday senses too ("where he taught", "the annual apt inspection",
# "do homework", "DSL modem", "Assembly Required"): they count only when the trained
# classifier also reads the post as work talk, or with a second cue.
_WEAK_CUES = re.compile(r"""\b(?:
    (?<!life\s)(?<!driving\s)lessons?(?!\s+(?:learned|learnt|of\s+the\s+day|for\s+life|in\s+humility))|(?<!eye\s)exams?\b|
    dsl\b|inspection|inspectors?|students?(?!\s+(?:loans?|finance|discount|days|union|card|flat|house|life|nurse|doctor))|
    homework|handwriting|essay|(?<!furniture\s)(?<!flat-pack\s)(?<!welsh\s)(?<!national\s)assembly|
    taught(?!\s+(?:me|myself|us)\b)|ta\b
)""", re.I | re.X)

# Someone talking about their own children's school or their own classes as a learner.
# In capitals only: SEND/SEN (special educational needs; "send help" is not work) and the
# Scottish S1-S6 / P1-P7 year groups ("S4s haven't started"; not "p2" of a document).
_CAPITAL_CUES = re.compile(r"\bSEND?\b|\b[SP][1-7]s?\b")

# ("my kids" alone is how teachers speak of their class, so only a school of their own counts here.)
_FAMILY = (r"(?:my|our)\s+(?:(?:little|wee|baby|big|eldest|youngest|older|younger|twin)\s+)?(?:son|daughter|child|children|kids|boy|girl|"
           r"little\s+one|baby|eldest|youngest|step-?son|step-?daughter|niece|nephew|brother|sister|cousin|grandson|granddaughter|"
           r"grandchild|husband|wife|partner|mum|mom|dad)s?(?:'s|’s|s'|s’|')?")
# School words near a family member are about the family's school: "my son's teacher",
# "my daughter's GCSE results", "my brother just passed his A levels", "my son has so much homework".
_NOT_MY_WORK = re.compile(
    r"\b" + _FAMILY + r"\s+(?:[\w'’]+\s+){0,4}?(?:school|teacher|class|nursery|homework|exams?|tests?|gcses?|a\s+levels?|results|nativity|"
    r"sports\s+day|parents['’]?\s+(?:evening|night)|reports?|sats|lessons?|swimming|driving|head\s?teacher|sixth\s+form|uni|college|"
    r"mocks?|coursework|options|ofsted|year\s?\d+|reception|secondary|primary|graduat\w+|exam\s+season)\b"
    r"|\b(?:exams?|exam\s+season|results|homework|revision|mocks?|gcses?|sats|school\s+run|parents['’]?\s+evening)\s+(?:[\w'’]+\s+){0,3}?(?:for|of|with)\s+" + _FAMILY +
    r"|\bmy\s+(?:\w+\s+){0,2}(?:course|degree|masters|ma|msc|phd|dissertation|module|uni|university|night\s+school)\b"
    r"|\b(?:evening|night|spin|yoga|pilates|gym|dance|cooking|driving|swimming|pottery|language)\s+class(?:es)?\b"
    r"|\b(?:driving|swimming|piano|guitar|violin|drum|dance|riding|golf|tennis|singing|ski|surf|cookery)\s+(?:theory\s+)?(?:test|lessons?)", re.I)


def about_own_child(draft: Draft) -> bool:
    """The post is about the author's own children, classes or lessons, not their work."""
    return bool(_NOT_MY_WORK.search(draft.text))


# A weak cue counts when the classifier gives the post at least this (scores of posts by
# other hands: real tweets that merely use the word sit far below, see README "Accuracy").
WEAK_CUE_SCORE = 0.5


def _cues(draft: Draft) -> tuple[list[Hit], list[Hit]]:
    """(strong, weak) work words in the draft, in text order."""
    if "work_cues" not in draft.memo:
        strong, weak = [], []
        if not about_own_child(draft):
            strong = [Hit(m.start(), m.end()) for m in _CUES.finditer(draft.text)]
            strong += [Hit(m.start(), m.end()) for m in _CAPITAL_CUES.finditer(draft.text)]
            weak = [Hit(m.start(), m.end()) for m in _WEAK_CUES.finditer(draft.text)]
        draft.memo["work_cues"] = (sorted(strong, key=lambda h: h.start), weak)
    return draft.memo["work_cues"]


def work_cues(draft: Draft) -> list[Hit]:
    """Work words in the draft, strong and weak, shared with the name rules as school context."""
    strong, weak = _cues(draft)
    return sorted(strong + weak, key=lambda h: h.start)


class Detector(StatelessDetector):
    def find(self, draft: Draft) -> list[Hit]:
        if draft.context.account == "school":
            return []
        strong, weak = _cues(draft)
        score = classifier.scores(draft, weak[0].start, weak[0].end)[CATEGORY] if weak and not strong else None
        draft.note(CATEGORY, cues=[draft.text[c.start:c.end] for c in strong],
                   weak_cues=[draft.text[c.start:c.end] for c in weak], classifier=score, own_child=about_own_child(draft))
        if strong:
            return [strong[0]]
        # a weak cue beside a named pupil or colleague, the school or a form group is about school
        named = any(draft.found(category) for category in ("pupil-name", "staff-name", "school-reference"))
        if weak and (named or score >= WEAK_CUE_SCORE or len({draft.text[c.start:c.end].lower() for c in weak}) > 1):
            return [weak[0]]
        # Naming a pupil, the school or a form group, or judging the school's parents
        # or pupils, is itself talking about your work.
        for category in ("pupil-name", "reputation", "school-reference"):
            if draft.found(category):
                return [draft.found(category)[0]]
        forms = draft.memo.get("form_groups")
        return [forms[0]] if forms else []
