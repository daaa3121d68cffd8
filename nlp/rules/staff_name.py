"""A colleague on the staff list named: "Mrs Kauser", "Naveed Hussain", "J. Halstead", a handle
built from title and surname ("@MrsOkaforPE"), a first name with a role in school ("Bev in the
office", "our caretaker Dave") (policy 4.1)."""
import re

from nlp.cues import PUBLIC_FIGURE, TITLES, elsewhere
from nlp.draft import Draft, Hit
from nlp.rules.work_discussion import work_cues
from nlp.textnorm import key, split_handle

CATEGORY = "staff-name"
CLAUSE = "4.1"
SEVERITY = "medium"
MESSAGE = ("This names a colleague. Policy 4.1 asks staff not to post about individual school matters "
           "or anything that could offend another member of staff.")
SUGGESTION = "Leave your colleague's name out, or ask them first and keep it off personal accounts."
READS = ("school-reference",)


_HANDLE = re.compile(r"(?<![\w@#])[@#]([^\W_][\w]{2,60})")
# where and as what a colleague works: "Bev in the office", "Dave from IT", "our caretaker Dave"
_ROLE_AFTER = re.compile(r"^\s{1,3}(?:(?:in|from|on|at)\s+(?:the\s+)?(?:school\s+)?(?:office|reception|finance|admin|IT|HR|"
                         r"staffroom|staff\s+room|canteen|kitchen|library|site\s+team|exams\s+office|SEN(?:D|CO)?\s+(?:base|office|team))\b"
                         r"|,?\s*(?:our|the)\s+(?:caretaker|site\s+manager|receptionist|business\s+manager|office\s+manager|bursar|"
                         r"librarian|technician|TA|teaching\s+assistant|SENCO|cover\s+supervisor|exams\s+officer|head|deputy\s+head)\b)")
_ROLE_BEFORE = re.compile(r"\b(?:our|the)\s+(?:caretaker|site\s+manager|receptionist|business\s+manager|office\s+manager|bursar|"
                          r"librarian|technician|TA|teaching\s+assistant|SENCO|cover\s+supervisor|exams\s+officer)\s*,?\s*$")
# titles that are also ordinary words when written in lower case: "I miss Rich Tea biscuits"
_WORD_TITLES = frozenset({"miss", "sir", "dame", "madam", "uncle"})


class Detector:
    def __init__(self, resources):
        self.book = resources.staff
        self.ordinary = resources.ordinary

    def find(self, draft: Draft) -> list[Hit]:
        ws, book = draft.words, self.book
        hits = self._handles(draft)
        i = 0
        while i < len(ws):
            draft.deadline.check()
            if any(h.start <= ws[i].start < h.end for h in hits):
                i += 1
                continue
            end = self._match_at(draft, i)
            if end is None:
                end = self._first_with_role(draft, i)
            if end is None:
                i += 1
                continue
            last = ws[end]
            if not elsewhere(draft.lower[last.end:last.end + 60]) and not self._namesake(draft, i):
                hits.append(Hit(ws[i].start, last.end))
            i = end + 1
        return hits

    def _handles(self, draft: Draft) -> list[Hit]:
        """"@MrsOkaforPE", "#MrBright": a title followed by a colleague's surname, anything after."""
        hits = []
        for m in _HANDLE.finditer(draft.text):
            parts = [key(m.group(1)[a:b]) for a, b in split_handle(m.group(1))]
            for n, part in enumerate(parts[:-1]):
                if part in TITLES and any(tuple(parts[n + 1:n + 1 + k]) in self.book.last or
                                          "".join(parts[n + 1:n + 1 + k]) in self.book.joined_last
                                          for k in range(1, self.book.max_last_words + 1)):
                    hits.append(Hit(m.start(), m.end()))
                    break
        return hits

    def _first_with_role(self, draft: Draft, i: int) -> int | None:
        """A colleague's first name, its short form ("Bev" for Beverley) or diminutive ("Peggy" for Margaret),
        with their role or place in school."""
        w = draft.words[i]
        if not w.is_title or w.key in self.ordinary or len(w.key) < 3:
            return None
        if not (_ROLE_AFTER.match(draft.text[w.end:w.end + 60]) or _ROLE_BEFORE.search(draft.text[max(0, w.start - 40):w.start])):
            return None
        if (w.key,) in self.book.first or self.book.nicknamed((w.key,)) \
                or any(full.startswith(w.key) for full in self.book.joined_first):
            return i
        return None

    @staticmethod
    def _namesake(draft: Draft, i: int) -> bool:
        """A full name (no title) in a post about a public figure with nothing about school: "Chris Evans on the radio"."""
        if draft.words[i].key in TITLES or not PUBLIC_FIGURE.search(draft.lower):
            return False
        return not (work_cues(draft) or draft.found("school-reference"))

    def _match_at(self, draft: Draft, i: int) -> int | None:
        """Index of the last word of a staff name starting at word i, or None."""
        ws, book = draft.words, self.book
        if ws[i].key in TITLES:
            for n in range(book.max_last_words, 0, -1):
                j = i + n
                # "Mr Pickles", "mr mistry" - but not "Mr pickles"
                surname = tuple(w.key for w in ws[i + 1:j + 1])
                if j < len(ws) and _close(draft, i, j) and surname in book.last \
                        and (ws[i + 1].text[:1].isupper() or not ws[i].is_title):
                    if ws[i].key in _WORD_TITLES and not ws[i].is_title and all(k in self.ordinary for k in surname):
                        return None  # "I miss Rich Tea", but "Miss Rich", "mr bright"
                    return j
            return None
        # initial and surname: "J. Halstead"
        if len(ws[i].text) == 1 and ws[i].text.isupper() and i + 1 < len(ws) and draft.text[ws[i].end:ws[i].end + 1] == ".":
            for n in range(book.max_last_words, 0, -1):
                j = i + n
                if j < len(ws) and (ws[i].key, tuple(w.key for w in ws[i + 1:j + 1])) in book.first_initial_last:
                    return j
        for a in range(book.max_first_words, 0, -1):
            if i + a > len(ws) or not all(ws[k].gap_before for k in range(i + 1, i + a)):
                continue
            firsts = book.first_forms(tuple(w.key for w in ws[i:i + a]))
            if not firsts:
                continue
            for b in range(book.max_last_words, 0, -1):
                j = i + a + b - 1
                if j >= len(ws) or not all(ws[k].gap_before for k in range(i + 1, j + 1)):
                    continue
                if book.people_named(firsts, book.last_forms(tuple(w.key for w in ws[i + a:j + 1]))):
                    return j
        return self._short_form_and_surname(draft, i)

    def _short_form_and_surname(self, draft: Draft, i: int) -> int | None:
        """"Bob Fenwick" for Robert Fenwick, "Ros Haigh" for Rosalind Haigh, "Gosia Dudek" for Małgorzata
        Dudek: a shortened or everyday form of a colleague's first name, capitalised, and their exact
        surname (not the start of a longer, double-barrelled one)."""
        ws, book = draft.words, self.book
        if not ws[i].is_title:
            return None
        first = (ws[i].key,)
        for b in range(book.max_last_words, 0, -1):
            j = i + b
            if j >= len(ws) or not all(ws[k].gap_before for k in range(i + 1, j + 1)):
                continue
            if j + 1 < len(ws) and draft.text[ws[j].end:ws[j + 1].start] == "-":
                continue
            last = tuple(w.key for w in ws[i + 1:j + 1])
            if last in book.last and (book.shortened_first(first, last) or book.people_named(book.nicknamed(first), {last})):
                return j
        return None


def _close(draft: Draft, i: int, j: int) -> bool:
    """Title and surname written together: "Mr Pickles", "Mr. Pickles"."""
    gap = draft.text[draft.words[i].end:draft.words[i + 1].start]
    return gap.strip() in ("", ".") and len(gap) <= 3 and all(draft.words[k].gap_before for k in range(i + 2, j + 1))
