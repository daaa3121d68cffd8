"""The school or trust identified: listed names, aliases, hashtags, places, groups; form groups (policy 4.1, 1.5)."""
import re

from nlp.draft import Draft, Hit
from nlp.textnorm import key, phrase_keys

CATEGORY = "school-reference"
CLAUSE = "4.1"
SEVERITY = "medium"
MESSAGE = ("This identifies the school or trust. Policy 4.1 asks staff to avoid posts about specific "
           "school matters, and 1.5 to protect the school's reputation.")
SUGGESTION = "Leave out the school's name, hashtags and form groups, or post it from the school account."
READS = ()

# Between the words of one term: spaces or a hyphen, after a possessive ("St Piran's Primary").
_TERM_GAP = re.compile(r"^(?:['’]s)?[ \t\u00a0]*-?[ \t\u00a0]*$")
_HASHTAG = re.compile(r"(?<![\w#])#(\w+)")
# "Year 9 set 2", "Y10 group 3", "year 8 band 1"
_YEAR_SET = re.compile(r"\b(?:year|yr|y)\s?(?:[1-9]|1[0-3])\s+(?:set|group|band|class)\s+\d{1,2}\b", re.I)
# "7B", "10 T", "4B1", "3K2" (Scottish register classes)
_FORM = re.compile(r"(?<![\w£$€.,:/-])((?:[1-9]|1[0-3])\s?[A-Z]{1,3}\d?)(?![\w%£$€'’:/-])")
# Secondary form groups when the pupil list names none: 7B ... 13Z (not 10K runs, 4G, 3D).
_GENERIC_FORM = re.compile(r"^(?:[7-9]|1[0-3])[A-JL-Z]$")


class Detector:
    def __init__(self, resources):
        self.phrases: dict[tuple, bool] = {}  # words -> must be written in capitals (short acronyms)
        self.hashtags: set[str] = set()
        for term in resources.lists.school_terms:
            text = term.term.strip()
            words = phrase_keys(text)
            if not words:
                continue
            # "St Piran's" is also written "St Pirans"
            plain = phrase_keys(re.sub(r"['’]", "", text))
            self.hashtags.update(("".join(words), "".join(plain)))
            if not text.startswith("#"):
                acronym = len(words) == 1 and text.isupper() and len(text) <= 5
                self.phrases[words] = self.phrases[plain] = acronym
        self.longest = max((len(p) for p in self.phrases), default=0)
        self.forms = {f.form.replace(" ", "").upper() for f in resources.lists.pupils if f.form}

    def find(self, draft: Draft) -> list[Hit]:
        hits = []
        for match in _HASHTAG.finditer(draft.text):
            if key(match.group(1)) in self.hashtags:
                hits.append(Hit(match.start(), match.end()))
        ws = draft.words
        i = 0
        while i < len(ws):
            draft.deadline.check()
            matched = 0
            for n in range(min(self.longest, len(ws) - i), 0, -1):
                if n > 1 and not all(_TERM_GAP.match(draft.text[ws[j - 1].end:ws[j].start]) for j in range(i + 1, i + n)):
                    continue
                words = tuple(w.key for w in ws[i:i + n])
                acronym = self.phrases.get(words)
                if acronym is None or (acronym and not ws[i].text.isupper()):
                    continue
                if draft.text[ws[i].start - 1:ws[i].start] == "#" and any(h.start == ws[i].start - 1 for h in hits):
                    break
                if draft.text[ws[i].start - 1:ws[i].start] in ("@", ".") or draft.text[ws[i + n - 1].end:ws[i + n - 1].end + 1] in ("@",):
                    break  # part of a handle or an address, not a mention
                hits.append(Hit(ws[i].start, ws[i + n - 1].end))
                matched = n
                break
            i += matched or 1
        forms = [Hit(m.start(), m.end()) for m in _YEAR_SET.finditer(draft.text)]
        for match in _FORM.finditer(draft.text):
            form = match.group(1).replace(" ", "")
            if form in self.forms or (not self.forms and _GENERIC_FORM.match(form)):
                forms.append(Hit(match.start(1), match.end(1)))
        draft.memo["form_groups"] = forms
        return hits + forms
