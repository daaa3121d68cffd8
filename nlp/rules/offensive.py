"""Language that could offend a colleague, parent or pupil: profanity, insults, slurs, mockery (policy 4.1)."""
import bisect
import re
from collections import defaultdict
from pathlib import Path

import better_profanity

from nlp import classifier, vocab
from nlp.draft import Draft, Hit

CATEGORY = "offensive"
CLAUSE = "4.1"
SEVERITY = "medium"
MESSAGE = ("This language could offend a colleague, parent or pupil. Policy 4.1: staff should not post "
           "anything that could offend or be misinterpreted.")
SUGGESTION = "Reword it without the swearing or insult."
READS = ("pupil-name",)

# better-profanity's list mixes swearing with ordinary words ("three", "style", "dog"),
# so from it only words that are not ordinary English are taken, plus these.
_SWEARING = frozenset({
    "fuck", "fucker", "fuckers", "fucking", "fucked", "shit", "shite", "shits", "shitty", "bullshit", "cunt", "cunts",
    "twat", "twats", "wank", "wanker", "wankers", "tosser", "tossers", "prick", "pricks", "dickhead", "dickheads",
    "arse", "arsehole", "arseholes", "ass", "asshole", "assholes", "bastard", "bastards", "slut", "sluts", "whore",
    "slag", "skank", "jackass", "bollocks", "bollock", "fannies", "fanny", "dumbass", "turd", "motherfucker", "goddamn", "bitch", "bitches",
    "nigger", "nigga", "chink", "coon", "gook", "kike", "spic", "wetback", "faggot", "fagot", "polack", "kraut", "wop",
    "retard", "retarded", "spastic", "tranny", "paki", "pakis", "wog", "wogs", "golliwog", "poof", "poofs", "nonce", "nonces",
    "paedo", "mongoloid", "gobshite", "tosspot", "nobhead", "knobend", "wazzock", "twonk", "bawbag", "scrote", "scrotes",
    "toerag", "minger", "trollop", "pissed", "pisshead", "bugger", "wtf", "ffs", "stfu", "fk", "fkn", "fcuk", "effing",
})
# Insults staff use about people that the profanity list leaves out.
_INSULTS = frozenset({
    "idiot", "idiots", "idiotic", "moron", "morons", "muppet", "muppets", "imbecile", "imbeciles", "cretin", "cretins",
    "halfwit", "halfwits", "numpty", "numpties", "pillock", "pillocks", "plonker", "plonkers", "div", "divs", "dimwit",
    "dimwits", "nitwit", "nitwits", "retard", "retards", "retarded", "spastic", "spaz", "mong", "scum", "scumbag",
    "scumbags", "vermin", "feral", "lowlife", "lowlifes", "chav", "chavs", "gyppo", "pikey", "pikeys", "tramp",
    "slag", "slags", "slapper", "skank", "whore", "thick", "useless", "pathetic", "loser", "losers", "knobhead",
    "dickhead", "bellend", "tosser", "wanker", "twat", "prat", "prats", "git", "gits", "arsehole", "arseholes",
    "asshole", "assholes", "shithead", "fuckwit", "dipshit", "douche", "douchebag", "lunatic", "lunatics", "nutter",
    "nutters", "psycho", "psychos", "weirdo", "freak", "freaks", "fatso", "pig", "pigs", "cow", "cows", "bastard",
    "bastards", "brat", "brats", "oaf", "clown", "clowns", "plank", "planks", "dafty", "spanner", "dipstick", "dumbo",
    "dumb", "stupid", "thicko", "simpleton", "melt", "melts", "knob", "knobs", "dick", "dicks",
})
# Insults that are ordinary words elsewhere ("thick fog", "pig farm", "the cow", "circus clown"):
# only when said of a person ("a total muppet", "you absolute moron", "are useless").
_CONTEXTUAL = frozenset({"dick", "dicks", "knob", "knobs", "thick", "useless", "pathetic", "pig", "pigs", "cow", "cows", "clown", "clowns", "tramp", "plank",
                         "planks", "spanner", "melt", "melts", "dumb", "stupid", "dumbo", "pissed",
                         "freak", "freaks", "git", "div", "divs", "feral", "lunatic", "lunatics", "loser", "losers",
                         "brat", "brats", "oaf", "scum", "vermin", "psycho", "psychos"})
_PERSON_FRAME = re.compile(r"(?:\b(?:a|an|you|total|absolute|utter|complete|bunch of|pack of|such|like|proper|real|little|are|is|were|was|lot of|load of|"
                           r"stupid|silly|daft|fat|lazy|ugly|dumb|thick|useless|miserable|nosy|old)\s+(?:\w+\s+){0,2})$", re.I)
# Swearing in phrases whose words alone are mild: "piss off", "sod off", "bugger off".
_PHRASES = re.compile(r"\b(?:piss(?:ed)?|sod|bugger|naff|clear|eff|f)\s+off\b|\bpissed\s+off\b|\bsod\s+(?:this|that|it|you)\b", re.I)
# Mockery of a pupil or their family with no rude word ("that boy is two sandwiches short of a
# picnic"): a sentence naming one, in a post the trained classifier reads as mockery.
_MOCKED = vocab.pattern("mocked-people")
MOCKERY_SCORE = 0.5
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9*@$!#]*[A-Za-z0-9*]|[A-Za-z]")
# Digits and symbols written for the letters they look like ("sh1t", "b1tch", "c0ck", "@rse").
_LOOKALIKE = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s", "!": "i"})
_LOOKALIKE_L = str.maketrans({"1": "l"})


def _wordlist() -> frozenset[str]:
    path = Path(better_profanity.__file__).with_name("profanity_wordlist.txt")
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip().isalpha())


_BETTER_PROFANITY = _wordlist()
# Any word built on these ("fuckin", "wankers") is swearing.
_STEMS = ("fuck", "wank", "cunt")


def _ordinary(word: str, dictionary: frozenset[str]) -> bool:
    """An English word, or an inflection of one ("girls", "assessed", "cocktails")."""
    if word in dictionary:
        return True
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("er", ""), ("ers", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in dictionary:
            return True
    return False


def offensive_words(dictionary: frozenset[str]) -> frozenset[str]:
    # without the pipeline's word index there is no telling "three" from slang: lists only
    slang = frozenset(w for w in _BETTER_PROFANITY if not _ordinary(w, dictionary) and len(w) > 3) if dictionary else frozenset()
    return slang | _SWEARING | (_INSULTS - _CONTEXTUAL)


def _offensive(word: str, before: str, next_is_name: bool, profanity, by_shape) -> bool:
    low = word.lower()
    if any(c.isdigit() for c in low):
        # a word of letters with a digit or two among them, read as the letters they stand for
        letters = sum(c.isalpha() for c in low)
        if letters < 2 or letters < len(low) - 2 or low.isdigit():
            return False
        return any(low.translate(_LOOKALIKE_L).translate(_LOOKALIKE) in words for words in (profanity, _BETTER_PROFANITY)) \
            or any(low.translate(_LOOKALIKE) in words for words in (profanity, _BETTER_PROFANITY))
    if "*" in low or "@" in low or "$" in low or "#" in low or "!" in low:
        if not low[0].isalpha() or len(low) < 3:
            return False
        pattern = re.compile("".join("." if c in "*@$#!" else re.escape(c) for c in low))
        return any(pattern.fullmatch(w) for w in by_shape.get((low[0], len(low)), ()))
    if low in _CONTEXTUAL:
        return bool(_PERSON_FRAME.search(before))
    if low in profanity:
        # "Dick Turpin", "Willy Wonka": a capitalised word followed by a name is a name
        return not (word[0].isupper() and next_is_name)
    return low.isalpha() and low.startswith(_STEMS)


class Detector:
    def __init__(self, resources):
        self.profanity = offensive_words(resources.words)
        # masked spellings ("f***", "sh*ts") are compared with words of the same first letter and length
        self.by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
        # (a word spelt with a mask, "c*ck", was meant as the rude one, even if it has an innocent sense)
        for word in self.profanity | _BETTER_PROFANITY:
            self.by_shape[(word[0], len(word))].append(word)

    def find(self, draft: Draft) -> list[Hit]:
        hits = []
        text = draft.text
        hits += [Hit(m.start(), m.end()) for m in _PHRASES.finditer(text)]
        for m in _WORD.finditer(text):
            draft.deadline.check()
            rest = text[m.end():m.end() + 20]
            next_is_name = bool(re.match(r"^\s+[A-Z][a-z]", rest))
            if _offensive(m.group(), text[max(0, m.start() - 40):m.start()], next_is_name, self.profanity, self.by_shape):
                hits.append(Hit(m.start(), m.end()))
        return hits or self._mockery(draft)

    def _mockery(self, draft: Draft) -> list[Hit]:
        # sorted starts, so that finding a pupil named in each sentence stays a bisection even on a
        # draft of thousands of names and sentences (a scan of every name per sentence took 0.3 s there)
        pupil_starts = sorted(h.start for h in draft.found("pupil-name"))
        for sentence in _SENTENCE.finditer(draft.text):
            draft.deadline.check()
            s, e = sentence.span()
            person = _MOCKED.search(sentence.group())
            first_after = bisect.bisect_left(pupil_starts, s)
            if not (person or (first_after < len(pupil_starts) and pupil_starts[first_after] < e)):
                continue
            score = classifier.scores(draft, s, e)[CATEGORY]
            draft.note(CATEGORY, mocked=person.group() if person else "a pupil named", classifier=score)
            if score < MOCKERY_SCORE:
                return []  # one post, one score: the first sentence about a person decides
            stripped = sentence.group().strip()
            start = s + sentence.group().index(stripped)
            return [Hit(start, start + len(stripped))]
        return []
