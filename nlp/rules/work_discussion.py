"""Talking about one's work: lessons, marking, classes, pupils, parents, meetings, inspections (policy 4.1)."""
import re

from nlp.draft import Draft, Hit

CATEGORY = "work-discussion"
CLAUSE = "4.1"
SEVERITY = "low"
MESSAGE = ("This talks about your work at school. Policy 4.1: staff should not discuss any aspect of "
           "their work online, even without names.")
SUGGESTION = "Keep work out of personal posts; share it in school channels instead."

# Words and phrases that only come up when someone talks about working in a school.
_CUES = re.compile(r"""\b(?:
    (?<!life\s)lessons?(?!\s+(?:learned|learnt|of\s+the\s+day|for\s+life|in\s+humility))|lesson\s+plan\w*|planning|scheme\s+of\s+work|curriculum|(?:ks|key\s+stage\s?)[1-5]|
    marking|to\s+mark|mark(?:ed)?\s+(?:\d+|the|their|my|all|these|those|thirty|sixty)\s+(?:\w+\s+)?(?:books|essays|mocks|papers|tests|scripts|exams)|books\s+to\s+mark|
    mocks?\b|mock\s+exams?|gcses?|a[\s-]levels?|sats\b|exams?\b|invigilat\w+|revision\s+session\w*|predicted\s+grades?|coursework|assessments?|
    results\s+day|report\s+writing|reports?\s+(?:to\s+write|season)|(?:end\s+of\s+(?:year|term)|school|pupil|writing\s+\d+)\s+reports|
    (?:exercise|maths|english|science|topic|reading|homework|literacy|workbooks?)\s+books|moderation|book\s+(?:look|scrutiny)|work\s+scrutiny|deep\s+dive|
    (?:during|in|after|before|teaching|taught)\s+(?:maths|english|science|pe|re|history|geography|art|music|computing|phonics|french|spanish|german|drama|pshe|rse|dt|guided\s+reading)\b|
    guided\s+reading|golden\s+time|story\s+time|carpet\s+time|circle\s+time|register|registration|seating\s+plan|lanyard|photocopier|reprographics|
    whiteboard|display\s+boards?|worksheets|timetable|free\s+period|frees\b|twilight\s+(?:session|training)|briefing|rota\b|
    nativity(?:\s+(?:rehearsals?|play))?|sports\s+day|non-uniform|world\s+book\s+day|residential|class\s+trip|forest\s+school|
    parent\s+consultations?|parents?\s+(?:meeting|consultations?|complain\w*)|ring\s+(?:a\s+)?parents?|rang\s+(?:a\s+)?parents?|
    (?:playground|dinner|corridor|lunchtime|break|bus|gate|exam)\s+duty|on\s+duty|
    (?:\d+|twenty|thirty)\s+(?:\w+[\s-])?year[\s-]olds|reception\s+(?:class|life|kids|children|teacher)|in\s+reception|nursery\s+(?:class|kids|children)|
    primary\s+teach\w*|secondary\s+teach\w*|key\s+worker|lsa\b|hlta\b|\bdsl\b|pupil\s+premium|interventions?|catch-up\s+sessions?|progress\s+(?:data|meetings?|checks?)|
    the\s+bell\b|playtime|wet\s+play|
    prelims?|folios?|highers\b|national\s+[45]s?\b|sqa\b|hmie\b|education\s+scotland|in-?service\s+days?|parents['’]?\s+night|
    guidance\s+(?:teacher|staff|base)|referrals?|depute\b|smt\b|register\s+class|\d+\s+scripts|(?:marked|marking)\s+\d+|
    my\s+(?:[sp][1-7]|year\s?\d{1,2})s?\s+class|
    ofsted|inspection|inspectors?|observed|observation|learning\s+walk|
    detentions?|exclusions?|excluded|suspended|suspension|isolation|behaviour\s+(?:policy|points?|system)|merits?|sanctions?|
    safeguarding|ehcps?|senco|ppa|inset|cpd|ect\b|nqt\b|pgce|teaching\s+assistant|\bta\b|supply\s+(?:teacher|teaching|cover|staff)|cover\s+(?:lessons?|supervisor|work)|covering\s+(?:period|lesson|for)|period\s+\d|
    lunch\s+duty|break\s+duty|bus\s+duty|gate\s+duty|duty\s+(?:all|this|today)|
    parents['’]?\s+evening|open\s+(?:evening|day)|staff\s?room|staff\s+(?:meeting|training|briefing|panto|party|room|team)|department\s+meeting|
    classroom|my\s+class(?:es)?|the\s+(?:whole\s+)?class\b|in\s+class\b|after\s+class|the\s+kids\s+in\s+my|my\s+(?:form|tutor\s+group|tutees?|pupils|students|kids\s+at\s+school)|form\s+(?:group|tutor|time)|
    pupils?|students?(?!\s+(?:loans?|finance|discount|days|union|card|flat|house|life|nurse|doctor))|my\s+(?:year\s?\d+|y\d+)s?|year\s?\d{1,2}s?\b|y\d{1,2}s\b|sixth\s+form|
    head\s?teacher|head\s+of\s+\w+|deputy(?:\s+head)?|slt\b|senior\s+leadership|governors?|the\s+trust\b|academy\s+trust|payslips?|restructur\w+|
    homework|handwriting|essay|times\s+tables|spelling\s+test|assembly|show\s+and\s+tell|pe\s+kit|school\s+trip|trip\s+to\s+\w+\s+with\s+\d+|field\s+trip|
    teenagers|teaching|taught|
    quadratics|algebra|fractions|simultaneous\s+equations|photosynthesis|periodic\s+table|phonics|times\s+tables|
as\s+a\s+(?:teacher|ta|tutor|head)|glamour\s+of\s+teaching|
    call(?:ed|ing)?\s+home|mentor|tutees?|stars?\s+of\s+the\s+week
)""", re.I | re.X)

# Someone talking about their own children's school or their own classes as a learner.
# In capitals only: SEND/SEN (special educational needs; "send help" is not work) and the
# Scottish S1-S6 / P1-P7 year groups ("S4s haven't started"; not "p2" of a document).
_CAPITAL_CUES = re.compile(r"\bSEND?\b|\b[SP][1-7]s?\b")

# ("my kids" alone is how teachers speak of their class, so only a school of their own counts here.)
_NOT_MY_WORK = re.compile(
    r"\b(?:my|our)\s+(?:son|daughter|child|boy|girl|little\s+one|eldest|youngest|step-?son|step-?daughter|niece|nephew)(?:'s|’s|s'|s’)?\b"
    r"|\b(?:my|our)\s+(?:kids|children)(?:'|’|'s|’s)?\s+(?:school|teacher|class|nursery|homework|nativity|sports\s+day|parents['’]?\s+evening)"
    r"|\b(?:evening|night|spin|yoga|pilates|gym|dance|cooking|driving|swimming|pottery|language)\s+class(?:es)?\b"
    r"|\b(?:driving|swimming|piano|guitar|violin|drum|dance|riding|golf|tennis|singing|ski|surf|cookery)\s+(?:test|lessons?)", re.I)


def about_own_child(draft: Draft) -> bool:
    """The post is about the author's own children, classes or lessons, not their work."""
    return bool(_NOT_MY_WORK.search(draft.text))


def work_cues(draft: Draft) -> list[Hit]:
    """Work words in the draft, shared with the name rules as school context."""
    if "work_cues" not in draft.memo:
        cues = []
        if not about_own_child(draft):
            cues = [Hit(m.start(), m.end()) for m in _CUES.finditer(draft.text)]
            cues += [Hit(m.start(), m.end()) for m in _CAPITAL_CUES.finditer(draft.text)]
        draft.memo["work_cues"] = cues
    return draft.memo["work_cues"]


class Detector:
    def __init__(self, resources):
        pass

    def find(self, draft: Draft) -> list[Hit]:
        if draft.context.account == "school":
            return []
        cues = work_cues(draft)
        if cues:
            return [cues[0]]
        # Naming a pupil, the school or a form group, or judging the school's parents
        # or pupils, is itself talking about your work.
        for category in ("pupil-name", "reputation", "school-reference"):
            if draft.found(category):
                return [draft.found(category)[0]]
        forms = draft.memo.get("form_groups")
        return [forms[0]] if forms else []
