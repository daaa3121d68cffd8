"""A colleague on the staff list named: "Mrs Kauser", "Naveed Hussain", "J. Halstead" (policy 4.1)."""
from nlp.cues import PUBLIC_FIGURE, TITLES, elsewhere
from nlp.draft import Draft, Hit
from nlp.rules.work_discussion import work_cues

CATEGORY = "staff-name"
CLAUSE = "4.1"
SEVERITY = "medium"
MESSAGE = ("This names a colleague. Policy 4.1 asks staff not to post about individual school matters "
           "or anything that could offend another member of staff.")
SUGGESTION = "Leave your colleague's name out, or ask them first and keep it off personal accounts."


class Detector:
    def __init__(self, resources):
        self.book = resources.staff

    def find(self, draft: Draft) -> list[Hit]:
        ws, book, hits = draft.words, self.book, []
        i = 0
        while i < len(ws):
            draft.deadline.check()
            end = self._match_at(draft, i)
            if end is None:
                i += 1
                continue
            last = ws[end]
            if not elsewhere(draft.lower[last.end:last.end + 60]) and not self._namesake(draft, i):
                hits.append(Hit(ws[i].start, last.end))
            i = end + 1
        return hits

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
                if j < len(ws) and _close(draft, i, j) and tuple(w.key for w in ws[i + 1:j + 1]) in book.last \
                        and (ws[i + 1].text[:1].isupper() or not ws[i].is_title):
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
        return None


def _close(draft: Draft, i: int, j: int) -> bool:
    """Title and surname written together: "Mr Pickles", "Mr. Pickles"."""
    gap = draft.text[draft.words[i].end:draft.words[i + 1].start]
    return gap.strip() in ("", ".") and len(gap) <= 3 and all(draft.words[k].gap_before for k in range(i + 2, j + 1))
