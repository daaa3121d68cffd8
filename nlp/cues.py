"""Words around a name that say whose name it is, shared by the name rules.

These are cues about how people write, not about particular names: a kinship
word before a first name makes it the author's own family; "from the gym" places
a person outside school; a national side or a hall of fame makes a full name a
public figure's.
"""
import re

TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "professor", "mister", "madam", "auntie", "aunty", "uncle"})

# "my son Ibrahim", "to my brother Hamza", "our neighbour Jack", "my friend's daughter Zara"
KIN_BEFORE = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:(?:little|wee|baby|big|older|younger|eldest|youngest|twin|new|best|old|lovely|gorgeous|beautiful|wonderful|grand|step)\s+)*"
    r"(?:son|daughter|boy|girl|kid|child|baby|brother|sister|bro|sis|niece|nephew|cousin|husband|wife|partner|hubby|mum|mom|dad|father|mother|"
    r"grandson|granddaughter|grandchild|friend|mate|pal|neighbour|neighbor|colleague|godson|goddaughter|boyfriend|girlfriend|fiance|fiancee|"
    r"grandma|grandad|nan|nana|aunt|uncle|dog|cat|puppy|kitten|horse|hamster|rabbit)(?:'s|’s)?\s*,?\s*$")

# "Dominik from the gym", "Mr Hussain from the corner shop", "Jack at the garage"
ELSEWHERE_AFTER = re.compile(r"^\s*,?\s*(?:(?:from|at|down|over|of|who runs|who works at)\s+(?:the|my|our)\s+([a-z][a-z' -]{1,30})|(?:from\s+)?(next\s+door|over\s+the\s+road|across\s+the\s+road|upstairs|downstairs)|from\s+(work|uni|church|mosque|temple|gurdwara|synagogue|yoga|zumba|pilates|spin|crossfit|parkrun|book\s+club|choir|the\s+pub|football|netball|rugby|five-a-side)\b)")
SCHOOL_PLACES = re.compile(r"school|academy|college|class|form|year|staff|office|department|dept|reception|sixth|unit|base|library|hall|playground|canteen")

PUBLIC_FIGURE = re.compile(
    r"\b(?:(?:for|against|v|vs) (?:england|scotland|wales|ireland|pakistan|india|bangladesh|nigeria|poland|great britain|team gb|the lions)\b(?! (?:u|under)[- ]?\d)"
    r"|wickets?|hall of fame|\bicc\b|fifa|premier league|champions league|world cup|olympi(?:c|cs|an|ans)\b|grand slam|memoir|autobiography|biography"
    r"|\bfilms?\b|\bmovies?\b|\balbum\b|box office|\bmp\b|member of parliament|barrister|\bk\.?c\.?\b|\bq\.?c\.?\b|celebrity|\bactor\b|\bactress\b|rapper|singer"
    r"|\b(?:in|since|from|of)\s+1\d{3}\b|episode|simpsons|\bsitcom|winger|striker|midfielder|centre-back|goalkeeper|defending|signing|hat-trick\s+for\s+(?!the\s+(?:u|under))|wimbledon|six\s+nations|\bthe\s+ashes\b|\beuros\b|grand\s+prix|documentary|podcast|\bstrictly\b|bake\s+off|britain'?s\s+got\s+talent|eastenders|coronation\s+street|\bcorrie\b|i'?m\s+a\s+celebrity|dancing\s+on\s+ice|lawyer|judge\b|politician|senator"
    r"|united\s+nations|\bthe\s+un\b|nobel|oscars?\b|grammys?\b|baftas?\b|knighted|comedian|celebrity\s+chef|youtuber|influencer|love\s+island|x\s+factor"
    r"|on\s+the\s+radio|on\s+(?:the\s+)?(?:telly|tv)\b|presenter|newsreader|transfer|signed\s+for|on\s+loan|man\s+(?:united|utd|city)|premiership|la\s+liga|game\s+of\s+thrones|box\s+set|novelist|greatest of all time|the greatest\b|boxer|heavyweight|float like|yorker|\bballon d'or|\bnetflix\b|\bbbc one\b|tour de france|\bf1\b|formula 1)")
YOUTH = re.compile(r"\b(?:u|under)[- ]?\d{1,2}s?\b|\bjunior|\byouth\b|\bschool|\bacademy|\bcounty\b|\bdistrict\b|\bregional\b")


def elsewhere(after: str) -> bool:
    """The words after a name place the person outside school ("from the gym", "next door")."""
    place = ELSEWHERE_AFTER.match(after)
    if not place:
        return False
    return place.group(1) is None or not SCHOOL_PLACES.search(place.group(1))  # groups 2, 3: never school
