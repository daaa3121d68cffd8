"""A personal phone number or personal email address offered in a post (policy 4.1)."""
import re

import phonenumbers

from nlp.draft import Draft, Hit
from nlp.resources import StatelessDetector

CATEGORY = "contact-details"
CLAUSE = "4.1"
SEVERITY = "high"
MESSAGE = ("This shares a personal phone number or email address. Policy 4.1: staff should not use "
           "personal email or mobile phones to contact parents or children.")
SUGGESTION = "Remove the number or address; point people to the school office or your school email instead."
READS = ()

# An address is read from its "@": the domain after it, then the local part in the 64 characters
# before it. Searching for the local part first would scan up to 64 characters from every word of
# a long draft with no address in it.
_AT_DOMAIN = re.compile(r"@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})\b")
_LOCAL_PART = re.compile(r"\b[\w.+-]{1,64}$")
# Addresses of an organisation, not a person: school, university, government, health service.
_ORG_DOMAIN = re.compile(r"\.(?:sch|ac|gov|nhs|police|mod|parliament)\.uk$|\.(?:edu|gov)(?:\.\w\w)?$|\.org\.uk$|\.org$", re.I)
_ROLE_MAILBOX = re.compile(r"^(?:office|admin|info|enquir(?:y|ies)|reception|contact|head|headteacher|admissions|"
                           r"finance|hr|attendance|absence|safeguarding|dsl|sendco|senco|support|hello|bursar|clerk|governors)\b", re.I)
# "jess dot tutor at gmail dot com", "jess.tutor[at]gmail.com": spelt out to dodge filters, only for
# personal mail providers (otherwise "meet at the park" would be an address).
# Spaces are bounded ({0,3}), and a separator is either punctuation or a spaced word, never both
# with spaces on either side: nested unbounded \s runs made this pattern quadratic on long blanks.
_DOT = r"(?:\s{0,3}(?:\.|\[dot\]|\(dot\))\s{0,3}|\s{1,3}dot\s{1,3})"
_AT = r"(?:\s{0,3}(?:@|\[at\]|\(at\))\s{0,3}|\s{1,3}at\s{1,3})"
_SPELT_EMAIL = re.compile(
    r"\b[\w+-]{1,64}(?:" + _DOT + r"[\w+-]{1,64}){0,3}" + _AT +
    r"(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|live|aol|btinternet|protonmail|proton|msn|sky|virginmedia|talktalk)"
    + _DOT + r"(?:com|co" + _DOT + r"uk|me|net|org|uk)\b", re.I)
_PROVIDER = re.compile(r"gmail|googlemail|hotmail|outlook|yahoo|icloud|live|aol|btinternet|proton|msn|sky|virginmedia|talktalk", re.I)
_MOBILE_TYPES = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.PERSONAL_NUMBER,
                 phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE, phonenumbers.PhoneNumberType.PAGER}


def _is_mobile(number) -> bool:
    national = str(number.national_number)
    if number.country_code == 44:
        # UK mobiles are 07xxx xxxxxx; the 07700 900xxx range reserved for drama is unassigned yet reads as one.
        return len(national) == 10 and national.startswith("7") and not national.startswith("70") and not national.startswith("76")
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in _MOBILE_TYPES


# The phone matcher reads the draft a window at a time, the budget looked at between windows: over
# a long stretch with thousands of candidates and no number (" 123+" repeated) a single step of the
# matcher ran 0.6 s. A window overlaps the next by more than the longest number, so a number that
# starts in one window is read whole there.
PHONE_WINDOW = 2_000
PHONE_OVERLAP = 40


def _phone_numbers(text: str, deadline):
    """(start, end, number) of each phone number in text, in order."""
    covered_until = 0  # a match starting before this is the tail of one already read
    for window_start in range(0, len(text), PHONE_WINDOW):
        deadline.check()
        window = text[window_start:window_start + PHONE_WINDOW + PHONE_OVERLAP]
        for m in phonenumbers.PhoneNumberMatcher(window, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
            deadline.check()  # a draft of digit groups yields thousands of candidates
            if m.start >= PHONE_WINDOW:
                break  # the next window reads it
            start, end = window_start + m.start, window_start + m.end
            if start < covered_until:
                continue
            covered_until = end
            yield start, end, m.number


class Detector(StatelessDetector):
    def find(self, draft: Draft) -> list[Hit]:
        hits = []
        text = draft.text
        for start, end, number in _phone_numbers(text, draft.deadline):
            if _is_mobile(number):
                hits.append(Hit(start, end))
        end = 0  # addresses do not overlap
        for m in _AT_DOMAIN.finditer(text):
            draft.deadline.check()
            local = _LOCAL_PART.search(text, max(end, m.start() - 64), m.start())
            if local is None:
                continue
            end = m.end()
            if _ORG_DOMAIN.search(m.group(1)) or _ROLE_MAILBOX.match(local.group()):
                continue
            hits.append(Hit(local.start(), m.end()))
        if not _PROVIDER.search(text):
            return hits
        for m in _SPELT_EMAIL.finditer(text):
            draft.deadline.check()
            if not any(h.start <= m.start() < h.end for h in hits):
                hits.append(Hit(m.start(), m.end()))
        return hits

    def fixes(self, draft: Draft, hit: Hit) -> tuple[str, ...]:
        """A personal number or address is simply taken out."""
        return ("",)
