"""A pupil on the list named or identifiable (policy 4.1, 4.2).

Evidence decides. Strong on their own: a full name (spelling variants, shortened
first names and surname-first order included), initial forms ("Sana R.",
"J. Holroyd"), a hashtag or handle built from a full name, a first name or
surname placed in a form or class ("Ibrahim in 7G", "Kowalczyk in 10MP"). Only
kinship ("my son Ibrahim Qureshi") or a famous namesake's context with nothing
about school cancels them. A first name alone is a pupil only when the post is
about school (work words, a form group, the school account, a private message
that is not about brunch) or names another pupil, and nothing says it is
someone else: kinship, a place outside school ("from the gym", "from work"), a
surname that is not the pupil's ("Haris Rauf"), a colleague with that first
name. A first name that is also an ordinary English word (Faith, Summer, Will)
must in addition read as a name: a proper noun or person to spaCy, and at the
start of a sentence the subject of something done ("Grace was amazing", "Hope
smashed her test"), unless it is joined to another pupil's name ("Lan and Minh").
"""
import re

from nlp import vocab
from nlp.cues import KIN_BEFORE, PUBLIC_FIGURE, TITLES, YOUTH, elsewhere
from nlp.draft import Draft, Hit
from nlp.rules.work_discussion import work_cues
from nlp.textnorm import key, split_handle

CATEGORY = "pupil-name"
CLAUSE = "4.2"
SEVERITY = "high"
MESSAGE = ("This names a pupil. Policy 4.2: children must not be identified by name on social media, "
           "and 4.1 asks staff not to post about individual school matters.")
SUGGESTION = "Remove the name, or use initials only; post pupils' news from the school account without surnames."
READS = ("staff-name", "school-reference")

_HANDLE = re.compile(r"(?<![\w@#./])([#@]?)([^\W_](?:[\w.]{0,60}\w)?)(?![\w@]|\.\w)")
# Bounded repeats throughout: drafts can be 50,000 characters of anything, and an unbounded
# "\S+@" would rescan a long run of non-spaces from every position.
_URL_OR_EMAIL = re.compile(r"[^\s@]{1,64}@\S{1,255}|(?:https?://|www\.)\S{1,2000}|\b[\w-]{1,63}(?:\.[\w-]{1,63}){1,10}/\S{0,2000}")
# "Ibrahim in 7G", "Callum in my form group", "Chi and Precious from 8W", "Zuzana (Year 7)"
_PINNED = re.compile(r"^(?:\s*(?:and|&)\s+[^\W\d_]+)?\s*[,(]?\s*(?:(?:in|from|of)\s+(?:my\s+|our\s+|the\s+)?"
                     r"(?:form|class|tutor|register|registration|reg\b|year\s?\d|y\d|[sp][1-7]\b|\d{1,2}\s?[a-z]{1,3}\d?\b|set\s?\d|reception|nursery)"
                     r"|(?:year\s?\d{1,2}|y\d{1,2}|[sp][1-7]|\d{1,2}\s?[a-z]{1,3}\d?)\s*[),])", re.I)
_PLACED_IN = re.compile(r"(?:\s{0,3}(?:and|&)\s{1,3}[^\W\d_]{1,30})?\s{0,3}[,(]?\s{0,3}(?:in|from|of)\s{1,3}(?:my\s{1,3}|our\s{1,3}|the\s{1,3})?", re.I)
# A private message about brunch, drinks or a night out is between adults, whatever the name.
_ADULT_SOCIAL = re.compile(r"\b(?:brunch|drinks?|pub|pint|wine|prosecco|beer|cocktails?|date\s+night|night\s+out|babe|hun|hubby|"
                           r"love\s+you|miss\s+you|fancy\s+(?:a|going|coming)|girls'?\s+night|lads'?\s+night|hen\s+do|stag\s+do|gym\s+later)\b", re.I)
# words that show a message is to a pupil outweigh its friendly ones ("hun, you shouldn't be messaging me")
_PUPIL_ADDRESSED = vocab.pattern("pupil-addressed")
# words before a common noun, never before a name: "all hope in year 11", "the summer in year 6"
_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "all", "no", "some",
                          "any", "this", "that", "lost", "much", "more", "less"})
_AND = re.compile(r"[ \t]{0,3}(?:,|,?[ \t]{1,3}and|&|\+)[ \t]{0,3}", re.I)
_AND_BEFORE = re.compile(r"[ \t]{0,3}(?:,|,?[ \t]{1,3}and|&|\+)[ \t]{0,3}$", re.I)
_FAMILY_AFTER = re.compile(r"^\s+(?:twins|brothers|sisters|siblings|boys|girls|kids|cousins|family)\b", re.I)
# ORG is left out: the small model often tags a lone first name as one.
_PROPER = ("NNP", "NNPS")
_OTHER_ENTITY = {"GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LANGUAGE", "DATE", "TIME", "MONEY", "LAW"}
# "my old school friend Jade", "my uni mate Will", "a friend of mine, Grace"
_FRIEND_BEFORE = re.compile(r"\b(?:my|our|his|her)\s+(?:[a-z]+\s+){0,2}(?:friend|mate|pal|bestie|bff)s?\s*,?\s*$"
                            r"|\bfriend\s+of\s+(?:mine|ours)\s*,?\s*$")
_OUR_BEFORE = re.compile(r"(?:^|[^\w\s]\s*|\s)our\s+$")
# gossip about an adult's life: "Jade's new boyfriend", "Grace's wedding", "Will's divorce"
_ADULT_LIFE_AFTER = re.compile(r"^(?:'s|’s|s)\s+(?:new\s+|ex[- ]?|latest\s+)?(?:boyfriend|girlfriend|husband|wife|fianc[eé]e?|"
                               r"partner|bf|gf|ex\b|wedding|divorce|hen\s+do|stag\s+do|baby\s+shower|mortgage)", re.I)
# "Mary J. Blige": a middle initial and a surname make someone else's full name
_MIDDLE_INITIAL_AFTER = re.compile(r"^\s[A-Z]\.?\s+[A-Z][^\W\d_]{1,}")
# "Well done Daisy on the poetry prize": praise for school work needs no other school word
_PRAISE_BEFORE = re.compile(r"\b(?:well\s+done|congratulations|congrats|so\s+proud\s+of|proud\s+of|shout[- ]?out|bravo)"
                            r"(?:\s+to)?[\s,!]*$", re.I)
_SCHOOLWORK_AFTER = re.compile(r"^[\s,!]*(?:on|for|with)\b[^.!?\n]{0,40}?\b(?:prizes?|awards?|certificates?|merits?|results|grades|"
                               r"exams?|tests?|mocks?|gcses?|a[- ]?levels?|sats|poems?|poetry|essays?|spelling|reading|house\s+points?|"
                               r"star\s+of\s+the\s+week|badges?|prefect|head\s+(?:girl|boy)|part\s+in\s+the\s+(?:play|show|nativity))\b", re.I)
_ADDRESSED_AFTER = re.compile(r"^\s{0,2},\s{0,2}(?:you|your|u|ur|thanks|thank\s+you)\b", re.I)
_NAME_LIKE = re.compile(r"[A-Z][^\W\d_A-Z][^\W\d_]*")  # "Rauf", "Mir"; not "I", "I've", "PE"
_GREETING = re.compile(r"^\s{0,8}(?:(?:hi|hey|hello|dear|morning|afternoon|evening|hiya|yo)\s{0,8})?$", re.I)
GREETING_SPAN = 24  # a greeting is read from the draft's first characters, never from a long slice
LONE_VARIANT_SIMILARITY = 0.88
MAX_HANDLE_PARTS = 5
MAX_HANDLE_NAME = 48


class Detector:
    def __init__(self, resources):
        self.book = resources.pupils
        self.staff = resources.staff
        self.words = resources.ordinary
        self.common = resources.common

    def find(self, draft: Draft) -> list[Hit]:
        taken = [(h.start, h.end) for h in draft.found("staff-name")]
        hits = self._handles(draft, taken)
        taken += [(h.start, h.end) for h in hits]
        strong, weak, unread = self._words(draft, taken)
        hits += strong
        school = self._school_context(draft)
        if (weak or unread) and (school or hits):  # another pupil named in full makes the post about pupils
            # the pipeline runs only now, for the names that count only if they read as names
            weak += [Hit(draft.words[i].start, draft.words[j].end) for i, j in unread if self._reads_as_name(draft, i)]
            self._coordinated(draft, weak, taken)
            hits += weak
        return _public_figure_filter(draft, hits, school)

    # hashtags and handles: #AishaKhan, #ayeshaakhtar, @ibrahim.qureshi, maryam_javed07
    def fixes(self, draft: Draft, hit: Hit) -> tuple[str, ...]:
        return _name_fixes(self.book, draft, hit)

    def _handles(self, draft: Draft, taken) -> list[Hit]:
        hits = []
        blocked = [m.span() for m in _URL_OR_EMAIL.finditer(draft.text)]
        for m in _HANDLE.finditer(draft.text):
            draft.deadline.check()
            prefix, body = m.group(1), m.group(2)
            if not prefix and not re.search(r"[_.\d]|[a-z][A-Z]", body):
                continue
            if any(a < m.end() and m.start() < b for a, b in blocked + taken):
                continue
            parts = [key(body[s:e]) for s, e in split_handle(body)]
            if self._handle_names_pupil(parts):
                hits.append(Hit(m.start(), m.end()))
        return hits

    def _handle_names_pupil(self, parts: list[str]) -> bool:
        """Whether some run of the parts, joined, is a first name followed by that pupil's surname.

        Joining lets "EilidhMacLeod" (Eilidh|Mac|Leod) and "ayeshaakhtar" (one part) meet the list.
        """
        book = self.book
        bounds = [0]
        for part in parts:
            bounds.append(bounds[-1] + len(part))
        joined = "".join(parts)
        for n, a in enumerate(bounds[:-1]):
            for b in bounds[n + 1:n + 1 + MAX_HANDLE_PARTS]:  # a name is a few parts, not the whole of a long token
                if b - a < 4 or b - a > MAX_HANDLE_NAME:
                    continue
                run = joined[a:b]
                for cut in range(2, len(run) - 1):
                    head, tail = run[:cut], run[cut:]
                    firsts = book.first_forms((head,)) | ({book.joined_first[head]} if head in book.joined_first else set())
                    if not firsts:
                        continue
                    lasts = book.last_forms((tail,)) | ({book.joined_last[tail]} if tail in book.joined_last else set())
                    if book.people_named(firsts, lasts):
                        return True
        return False

    def _words(self, draft: Draft, taken) -> tuple[list[Hit], list[Hit], list[tuple[int, int]]]:
        """Names found on strong evidence, on weak evidence (they count in a post about school), and
        the word spans of lone first names that count as weak ones only if they read as names."""
        ws, book = draft.words, self.book
        strong: list[Hit] = []
        weak: list[Hit] = []
        unread: list[tuple[int, int]] = []
        # first words of pupils named in full so far: "Ruby Wilkinson read a poem ... Well done Ruby!"
        named_in_full = draft.memo.setdefault("pupil_named_in_full", set())
        i = 0
        while i < len(ws):
            draft.deadline.check()
            w = ws[i]
            if any(a < w.end and w.start < b for a, b in taken):
                i += 1
                continue
            after_title = i > 0 and ws[i - 1].key in TITLES and ws[i - 1].is_title and not ws[i - 1].text.isupper()
            if after_title:  # "Mrs Akhtar", "Mr Hussain": an adult, never a pupil
                i += 1
                continue
            end = self._full_name(draft, i)
            if end is not None:
                # a full name is cancelled by kinship ("my son Ibrahim Qureshi") but not by a place:
                # "met Zainab Hussain at the shop" is still the pupil
                if not _kin_before(draft, i):
                    strong.append(Hit(w.start, _end_with_initial(draft, end)))
                    named_in_full.add(w.key)
                i = end + 1
                continue
            end = self._register_order(draft, i)
            if end is not None:
                strong.append(Hit(w.start, ws[end].end))
                i = end + 1
                continue
            end = self._initial_surname(draft, i)
            if end is not None:
                strong.append(Hit(w.start, ws[end].end))
                i = end + 1
                continue
            end = self._lone_first(draft, i)
            if end is not None:
                if self._pinned(draft, end) or _praised_for_schoolwork(draft, i, end):
                    strong.append(Hit(w.start, ws[end].end))
                elif self._must_read(draft, i, end):
                    unread.append((i, end))
                else:
                    weak.append(Hit(w.start, ws[end].end))
                i = end + 1
                continue
            if self._family_surname(draft, i):
                weak.append(Hit(w.start, w.end))
            elif self._pinned_surname(draft, i):
                strong.append(Hit(w.start, w.end))
            i += 1
        self._coordinated(draft, strong, taken)
        return strong, weak, unread

    def _coordinated(self, draft: Draft, hits: list[Hit], taken) -> None:
        """A list first name joined by "and", "&" or a comma to a name already taken for a pupil is one too:
        "Lan and Minh", "Pearl, Angel and Ivy" - whatever ordinary words the names are."""
        starts = {h.start for h in hits}
        ends = {h.end for h in hits}
        for n, w in enumerate(draft.words):
            draft.deadline.check()
            if w.start in starts or not (w.is_title or w.is_upper) or (w.key,) not in self.book.first:
                continue
            if any(a < w.end and w.start < b for a, b in taken) or any(a < w.end and w.start < b for a, b in ((h.start, h.end) for h in hits)):
                continue
            after = _AND.match(draft.text, w.end)
            before = _AND_BEFORE.search(draft.text[max(0, w.start - 12):w.start])
            before_start = before.start() + max(0, w.start - 12) if before else None
            joined = (after and after.end() in starts) or (before_start is not None and before_start in ends)
            if joined and not _someone_else(draft, n, n):
                hits.append(Hit(w.start, w.end))
                starts.add(w.start)
                ends.add(w.end)

    def _full_name(self, draft: Draft, i: int) -> int | None:
        """Last word index of a pupil's full name (or first name and surname initial) at word i."""
        ws, book = draft.words, self.book
        for a in range(min(book.max_first_words, len(ws) - i), 0, -1):
            if not all(ws[k].gap_before for k in range(i + 1, i + a)):
                continue
            first = tuple(x.key for x in ws[i:i + a])
            firsts = book.first_forms(first)
            for b in range(min(book.max_last_words, len(ws) - i - a), 0, -1):
                j = i + a + b - 1
                if not all(ws[k].gap_before for k in range(i + a, j + 1)):
                    continue
                last = tuple(x.key for x in ws[i + a:j + 1])
                if j + 1 < len(ws) and draft.text[ws[j].end:ws[j + 1].start] == "-":
                    continue  # "Jessica Ennis-Hill" is not Jessica Ennis: the surname goes on
                if firsts and book.people_named(firsts, book.last_forms(last)):
                    return j
                # "Aisha Khans essay": a possessive written without its apostrophe
                if firsts and last[-1].endswith("s") and len(last[-1]) > 3 and ws[j].text[-1:] in "sS" \
                        and book.people_named(firsts, {last[:-1] + (last[-1][:-1],)} & book.last):
                    return j
                # "Alex Turner" for Alexander Turner: a shortened first name and the exact surname, capitalised;
                # "Kit Turner" for Christopher Turner: a diminutive from the nicknames table
                if last in book.last and ws[i].is_title and (book.shortened_first(first, last)
                                                             or book.people_named(book.nicknamed(first), {last})):
                    return j
                # "Wang Yuxuan" for Yuxuan Wang: surname first, as many families write it
                if a == 1 and b == 1 and ws[i].is_title and ws[j].is_title and \
                        book.people_named(book.first_forms(last), {first} if first in book.last else set()):
                    return j
            if not firsts:
                continue
            # "Sana R.", "Mohammad I.": a first name and the initial of the pupil's surname
            k = i + a
            if k < len(ws) and ws[k].gap_before and _initial(draft, k) and not _middle_initial(draft, k) \
                    and any((f, ws[k].key) in book.first_last_initial for f in firsts):
                return k
        return None

    def _register_order(self, draft: Draft, i: int) -> int | None:
        """"Khan, Aisha": surname, comma, first name, as registers and mark books list pupils."""
        ws, book = draft.words, self.book
        if i + 1 >= len(ws) or not ws[i].is_title or (ws[i].key,) not in book.last:
            return None
        if draft.text[ws[i].end:ws[i + 1].start].strip() != "," or not ws[i + 1].is_title:
            return None
        return i + 1 if book.people_named(book.first_forms((ws[i + 1].key,)), {(ws[i].key,)}) else None

    def _initial_surname(self, draft: Draft, i: int) -> int | None:
        """"J. Holroyd", "J Mensah-Bonsu": an initial (a full stop after it, or a bare capital that is
        not "I" or "A") and a pupil's surname that goes with it; not the last of several initials
        ("J. K. Rowling")."""
        ws, book = draft.words, self.book
        w = ws[i]
        if len(w.text) != 1 or not w.text.isupper() or i + 1 >= len(ws):
            return None
        gap = draft.text[w.end:ws[i + 1].start]
        if gap.strip() != "." and not (gap == " " and w.text not in "IA"):
            return None
        if i > 0 and len(ws[i - 1].text) == 1 and draft.text[ws[i - 1].end:w.start].strip() == ".":
            return None
        for b in range(min(book.max_last_words, len(ws) - i - 1), 0, -1):
            j = i + b
            if not ws[i + 1].is_title or not all(ws[k].gap_before for k in range(i + 2, j + 1)):
                continue
            if (w.key, tuple(x.key for x in ws[i + 1:j + 1])) in book.first_initial_last:
                return j
        return None

    def _lone_first(self, draft: Draft, i: int) -> int | None:
        ws, book = draft.words, self.book
        for a in range(min(book.max_first_words, len(ws) - i), 0, -1):
            j = i + a - 1
            if not all(ws[k].gap_before for k in range(i + 1, j + 1)):
                continue
            words = tuple(x.key for x in ws[i:j + 1])
            if words in book.first:
                exact = True
            elif a == 1 and ws[i].key not in self.words and ws[i].key not in self.common and len(ws[i].key) >= 4 \
                    and ws[i].is_title and \
                    book.close_first_forms(words, LONE_VARIANT_SIMILARITY):
                exact = False
            else:
                continue
            if self._lone_first_is_pupil(draft, i, j, exact):
                return j
            return None
        return None

    def _lone_first_is_pupil(self, draft: Draft, i: int, j: int, exact: bool) -> bool:
        ws = draft.words
        w = ws[i]
        surface_message = draft.context.surface == "message"
        ordinary = all(x.key in self.words for x in ws[i:j + 1])
        vocative = _vocative(draft, w)
        pinned = self._pinned(draft, j)
        if not (w.is_title or w.is_upper):
            # people write names in lower case in private messages ("ok jakub,", "hey destiny,"), or placed
            # in a class ("abdi in year 9 is hilarious", "grace in 8T" even when the name is a word, but not
            # "all hope in year 11"); elsewhere lower case reads as an ordinary word
            if not ((surface_message and (vocative or not ordinary))
                    or (pinned and not (ordinary and i > 0 and ws[i - 1].key in _DETERMINERS))):
                return False
        if _someone_else(draft, i, j):
            return False
        # followed by a surname that is not this pupil's: another person ("Haris Rauf", "Sana Mir")
        if j + 1 < len(ws) and ws[j + 1].gap_before and _NAME_LIKE.fullmatch(ws[j + 1].text):
            nxt = ws[j + 1].key
            if (nxt,) in self.book.last or (nxt,) in self.staff.last or nxt not in self.words:
                return False
        # a colleague shares this first name: without a form or class beside it, take it for the adult
        if (tuple(x.key for x in ws[i:j + 1]) in self.staff.first) and not pinned:
            return False
        return True

    def _must_read(self, draft: Draft, i: int, j: int) -> bool:
        """Whether a lone first name the cheap evidence took for a pupil must still be read as a name
        (_reads_as_name): one that is also an ordinary word, not already named in full earlier in the
        draft (then it is that pupil again) nor placed in a form, nor praised for school work ("Well
        done Summer on your results": only a person is praised so) nor addressed at the start of a
        message ("Summer, you left your planner")."""
        ws = draft.words
        return (all(x.key in self.words for x in ws[i:j + 1]) and not self._pinned(draft, j)
                and ws[i].key not in draft.memo.get("pupil_named_in_full", ())
                and not _praised_for_schoolwork(draft, i, j)
                and not (_vocative(draft, ws[i]) and _ADDRESSED_AFTER.match(draft.text[ws[j].end:ws[j].end + 12])))

    def _reads_as_name(self, draft: Draft, i: int) -> bool:
        """Whether an ordinary word that is a pupil's first name reads as a name here: a proper noun or
        a person to spaCy, and at the start of a sentence the subject of something done ("Grace was
        amazing", "Hope smashed her test"; not "Hope everyone had a good break").

        Only here does a rule need the pipeline, and it asks for the cheaper half first: at the start
        of a sentence the tags decide (the entity recogniser only when they leave it open); elsewhere
        a PERSON entity decides alone, and the tags are read only when it is not one."""
        w = draft.words[i]
        vocative = _vocative(draft, w)
        if draft.starts_sentence(i) and not vocative:
            token = draft.token_at(w.start)
            if not _subject_of_action(token):
                return False
            return token.tag_ in _PROPER or _told_or_did(token) or draft.entity_type(w.start) == "PERSON"
        entity = draft.entity_type(w.start)
        if entity == "PERSON":
            return True
        token = draft.token_at(w.start)
        if token is None:  # no pipeline: the cheap evidence stands
            return True
        # the small model's entity labels on rare names are unreliable, so they only
        # count against names that are ordinary words ("Jordan", "Chelsea")
        if entity in _OTHER_ENTITY and not _subject_of_action(token):
            return False
        return vocative or token.tag_ in _PROPER or _told_or_did(token)

    def _pinned(self, draft: Draft, j: int) -> bool:
        """The name is placed in a form, class or year: "Ibrahim in 7G", "Ivy and Arlo in Acorn Nursery"."""
        end = draft.words[j].end
        after = draft.text[end:end + 60]
        if _PINNED.match(after):
            return True
        lead = _PLACED_IN.match(after)
        return bool(lead) and any(h.start == end + lead.end() for h in draft.found("school-reference"))

    def _pinned_surname(self, draft: Draft, i: int) -> bool:
        """"Kowalczyk in 10MP needs to stop talking": a pupil surname alone, placed in a form or class."""
        w = draft.words[i]
        return (w.is_title and (w.key,) in self.book.last and (w.key,) not in self.staff.last
                and w.key not in self.words and self._pinned(draft, i))

    def _family_surname(self, draft: Draft, i: int) -> bool:
        """"the Akhtar twins": a pupil surname naming a family of pupils."""
        w = draft.words[i]
        return (w.is_title and (w.key,) in self.book.last and w.key not in self.words
                and draft.lower[max(0, w.start - 4):w.start] == "the "
                and bool(_FAMILY_AFTER.match(draft.text[w.end:w.end + 20])))

    def _school_context(self, draft: Draft) -> bool:
        if "school_context" not in draft.memo:
            ctx = draft.context
            draft.memo["school_context"] = bool(
                ctx.account == "school"
                or (ctx.surface == "message" and (not _ADULT_SOCIAL.search(draft.text) or _PUPIL_ADDRESSED.search(draft.text)))
                or work_cues(draft)
                or draft.found("school-reference") or draft.found("staff-name"))
        return draft.memo["school_context"]


_BELONGINGS = frozenset({
    "mum", "mom", "dad", "nan", "nana", "gran", "grandma", "grandad", "parents", "brother", "sister", "family", "homework",
    "essay", "work", "story", "book", "books", "project", "drawing", "painting", "poem", "speech", "answer", "question",
    "coursework", "model", "presentation", "writing", "handwriting", "spelling", "behaviour", "excuse", "face", "birthday",
})


def _vocative(draft: Draft, w) -> bool:
    """The word addresses someone at the start of a private message: "Summer,", "hi Summer"."""
    return (draft.context.surface == "message" and w.start <= GREETING_SPAN
            and _GREETING.match(draft.text[:w.start]) is not None)


def _told_or_did(token) -> bool:
    """Followed by a verb in the past tense: "Destiny told me", "Hunter asked" (not "Hope springs")."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].tag_ == "VBD"


def _subject_of_action(token) -> bool:
    """A name doing or owning something a person does or owns: "Reuben handed in his coursework",
    "Hunter wouldn't stop", "Biddy's been", "Rama's mum" - not "Summer in Lisbon", "Hope everyone", "Summer's here"."""
    if token is None or token.i + 1 >= len(token.doc):
        return False
    doc, i = token.doc, token.i
    nxt = doc[i + 1]
    after = doc[i + 2] if i + 2 < len(doc) else None
    if nxt.tag_ == "VBD" or (nxt.tag_ == "VBZ" and nxt.lower_ not in ("is", "'s", "’s", "has")):
        return True
    if nxt.tag_ == "MD" and after is not None and (after.lower_ in ("n't", "not") or after.tag_ == "VB"):
        return True
    if nxt.lower_ in ("'s", "’s") and after is not None:
        return after.lower_ in _BELONGINGS or after.tag_ == "VBN"
    return False


def _initial(draft: Draft, k: int) -> bool:
    """A surname initial: "R." anywhere, or a bare capital that is not "I" or "A" ("Mason W in 8PW")."""
    w = draft.words[k]
    if len(w.text) != 1:
        return False
    nxt = draft.text[w.end:w.end + 1]
    if w.text.islower():
        # "well done kwame a,", "hodan f." - but not text-speak ("r u ok", "c u", "i")
        return w.text not in "iurcyx" and (nxt in ("", ".", ",", "!", "?") or nxt == "\n")
    return nxt == "." or (w.text not in "IA" and (nxt == "" or not nxt.isalnum()))


def _middle_initial(draft: Draft, k: int) -> bool:
    """The initial after a first name is followed by a capitalised surname: "Mary J. Blige"."""
    return bool(_MIDDLE_INITIAL_AFTER.match(draft.text[draft.words[k - 1].end:draft.words[k - 1].end + 40]))


def _praised_for_schoolwork(draft: Draft, i: int, j: int) -> bool:
    start, end = draft.words[i].start, draft.words[j].end
    return bool(_PRAISE_BEFORE.search(draft.text[max(0, start - 30):start])
                and _SCHOOLWORK_AFTER.match(draft.text[end:end + 80]))


def _end_with_initial(draft: Draft, j: int) -> int:
    w = draft.words[j]
    if len(w.text) == 1 and draft.text[w.end:w.end + 1] == ".":
        return w.end + 1
    return w.end


def _kin_before(draft: Draft, i: int) -> bool:
    start = draft.words[i].start
    return bool(KIN_BEFORE.search(draft.lower[max(0, start - 60):start]))


def _someone_else(draft: Draft, i: int, j: int) -> bool:
    """Cues that the person named is the author's family or someone met outside school."""
    ws = draft.words
    if _kin_before(draft, i):
        return True
    before = draft.lower[max(0, ws[i].start - 40):ws[i].start]
    if _FRIEND_BEFORE.search(before):
        return True
    # "our Poppy got her results": the author's own family, as Northern English says it
    if draft.context.account != "school" and _OUR_BEFORE.search(before) and ws[i].is_title:
        return True
    after = draft.text[ws[j].end:ws[j].end + 40]
    if _ADULT_LIFE_AFTER.match(after) or _MIDDLE_INITIAL_AFTER.match(after):
        return True
    return elsewhere(draft.lower[ws[j].end:ws[j].end + 60])


def _public_figure_filter(draft: Draft, hits: list[Hit], school_context: bool) -> list[Hit]:
    """A famous namesake: sport for a national side, a hall of fame, films, with nothing about school."""
    if hits and not school_context and PUBLIC_FIGURE.search(draft.lower) and not YOUTH.search(draft.lower):
        return []
    return hits


def _name_fixes(book, draft: Draft, hit: Hit) -> tuple[str, ...]:
    """For a name of two words or more ("Aisha Begum", "Sana R.", "Wang Yuxuan"): the initials
    ("A.B."), then the first name alone as written ("Aisha"), when its words are a list first name.
    A lone first name or a handle has no obvious fix: what stands in for it depends on the post."""
    ws = [w for w in draft.words if hit.start <= w.start and w.end <= hit.end]
    if len(ws) < 2 or draft.text[hit.start] in "#@":
        return ()
    fixes = ["".join(w.text[0].upper() + "." for w in ws)]
    keys = tuple(w.key for w in ws)
    for a in range(min(book.max_first_words, len(ws) - 1), 0, -1):
        if book.first_forms(keys[:a]):  # first name first: "Aisha Begum", "Lily-Mae Carne"
            fixes.append(draft.text[ws[0].start:ws[a - 1].end])
            break
        if book.first_forms(keys[-a:]):  # surname first: "Wang Yuxuan", "Khan, Aisha"
            fixes.append(draft.text[ws[-a].start:ws[-1].end])
            break
    return tuple(fixes)
