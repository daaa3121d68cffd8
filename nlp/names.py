"""Name dictionaries built once from the lists, so a lookup costs the same for 100 or 100,000 names.

Every name is stored as a tuple of word keys (see nlp.textnorm). Lookups are
dictionary hits on the words of the draft; spelling variants go through a
sound-key dictionary and are confirmed by similarity.
"""
import math
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from nlp.lists import NameLists
from nlp.phonetic import anglicised, deletions, near, similar, sound_key
from nlp.textnorm import phrase_keys

FIRST_VARIANT_SIMILARITY = 0.8
LAST_VARIANT_SIMILARITY = 0.85
MIN_VARIANT_LENGTH = 3
MIN_SHORT_NAME = 3
MIN_NEAR_LENGTH = 5  # shorter names have no edit-distance variants (see phonetic.allowed_edits)
# A longer word is no name; its deletions would grow with the square of its length (a draft
# may hold a 50,000-letter "word").
MAX_NEAR_LENGTH = 24
# Particles of a surname that never stand for it alone: "de la Cruz" is not "Cruz" or "de".
_PARTICLES = frozenset("de la le da di du del della des van von der den ter ten dos das bin binti ibn al el abu bint st".split())
_NEAR_CACHE_SIZE = 4096


class NameBook:
    """First names, surnames and the people they belong to, for one list (pupils or staff)."""

    def __init__(self):
        self.full: dict[tuple, set[int]] = defaultdict(set)  # (first, last) -> people
        self.first: dict[tuple, set[int]] = defaultdict(set)
        self.last: dict[tuple, set[int]] = defaultdict(set)
        self.first_initial_last: dict[tuple, set[int]] = defaultdict(set)  # (initial, last)
        self.first_last_initial: dict[tuple, set[int]] = defaultdict(set)  # (first, initial)
        self.firsts_by_last: dict[tuple, set[str]] = defaultdict(set)  # surname -> joined first names
        self.joined_first: dict[str, tuple] = {}  # "abdulbasit" -> ("abdul", "basit")
        self.joined_last: dict[str, tuple] = {}
        self._first_sounds: dict[str, set[tuple]] = defaultdict(set)
        self._last_sounds: dict[str, set[tuple]] = defaultdict(set)
        # anglicised spelling with one letter deleted -> names (a symmetric-deletion index)
        self._first_near: dict[str, set[tuple]] = defaultdict(set)
        self._last_near: dict[str, set[tuple]] = defaultdict(set)
        self._near_cache: dict[tuple, tuple] = {}
        self.by_nickname: dict[tuple, set[tuple]] = defaultdict(set)  # ("kit",) -> {("christopher",)}
        self.max_first_words = 1
        self.max_last_words = 1

    def add(self, person: int, first: str, last: str) -> None:
        f, l = phrase_keys(first), phrase_keys(last)
        if not l:
            return
        # one part of a two-part surname stands for it: "Hodan Farah" or "Hodan Ali" for Hodan
        # Farah Ali. Not half of a double-barrelled one: Marcus Rashford is not Marcus Rashford-Lee.
        spaced = last.split()
        parts = [phrase_keys(p) for p in spaced if len(spaced) > 1 and p.lower() not in _PARTICLES and len(p) >= 3]
        for surname in [l] + parts:
            self._add(person, f, surname)

    def _add(self, person: int, f: tuple, l: tuple) -> None:
        if l not in self.last:  # names repeat: index each spelling once
            self.joined_last["".join(l)] = l
            self._last_sounds[sound_key("".join(l))].add(l)
            _index_near(self._last_near, l)
        self.last[l].add(person)
        self.max_last_words = max(self.max_last_words, len(l))
        if not f:
            return
        self.full[(f, l)].add(person)
        self.firsts_by_last[l].add("".join(f))
        if f not in self.first:
            self.joined_first["".join(f)] = f
            self._first_sounds[sound_key("".join(f))].add(f)
            _index_near(self._first_near, f)
        self.first[f].add(person)
        self.max_first_words = max(self.max_first_words, len(f))
        self.first_initial_last[(f[0][0], l)].add(person)
        self.first_last_initial[(f, l[0][0])].add(person)

    def freeze(self) -> "NameBook":
        """Drop the per-key sets once the book is built: about half the memory for 100,000 names.

        full keeps who is named (one person as an int, several as a tuple); the other
        books answer only "is this a name" and become sets of keys.
        """
        self.full = {k: next(iter(v)) if len(v) == 1 else tuple(v) for k, v in self.full.items()}
        self.first = frozenset(self.first)
        self.last = frozenset(self.last)
        self.first_initial_last = frozenset(self.first_initial_last)
        self.first_last_initial = frozenset(self.first_last_initial)
        self.firsts_by_last = {k: tuple(v) for k, v in self.firsts_by_last.items()}
        self._first_sounds = {k: tuple(v) for k, v in self._first_sounds.items()}
        self._last_sounds = {k: tuple(v) for k, v in self._last_sounds.items()}
        self._first_near = {k: tuple(v) for k, v in self._first_near.items()}
        self._index_nicknames()
        self.by_nickname = {k: tuple(v) for k, v in self.by_nickname.items()}
        self._last_near = {k: tuple(v) for k, v in self._last_near.items()}
        return self

    def first_forms(self, words: tuple) -> set[tuple]:
        """List first names these words are, exactly, as a spelling variant or anglicised
        ("Lukas" for Łukasz, "Christopher" for Krzysztof): for a first name beside a surname."""
        found = self._forms(words, self.first, self._first_sounds, FIRST_VARIANT_SIMILARITY)
        return found or self._near(words, self._first_near)

    def close_first_forms(self, words: tuple, threshold: float) -> set[tuple]:
        """Like first_forms, with a stricter similarity (a first name written alone needs to be closer)."""
        return self._forms(words, self.first, self._first_sounds, threshold)

    def last_forms(self, words: tuple) -> set[tuple]:
        found = self._forms(words, self.last, self._last_sounds, LAST_VARIANT_SIMILARITY)
        return found or self._near(words, self._last_near)

    def _near(self, words: tuple, index: dict) -> set[tuple]:
        """Names whose anglicised spelling is within the edits its length allows (phonetic.near).

        The index holds each name with up to one letter deleted, and the draft's word is looked
        up with up to one (two from 8 letters) deleted, so the cost does not grow with the list.
        """
        joined = "".join(words)
        if not MIN_NEAR_LENGTH <= len(joined) <= MAX_NEAR_LENGTH:
            return set()
        cache_key = (index is self._first_near, words)
        cached = self._near_cache.get(cache_key)
        if cached is None:
            folded = anglicised(joined)
            candidates = {c for d in deletions(folded, 2 if len(folded) >= 8 else 1) for c in index.get(d, ())}
            cached = tuple(c for c in candidates if c != words and len(c) == len(words)
                           and near(folded, anglicised("".join(c))))
            if len(self._near_cache) >= _NEAR_CACHE_SIZE:
                self._near_cache.clear()
            self._near_cache[cache_key] = cached
        return set(cached)

    @staticmethod
    def _forms(words, exact, sounds, threshold) -> set[tuple]:
        found = {words} if words in exact else set()
        joined = "".join(words)
        if len(joined) >= MIN_VARIANT_LENGTH:
            for candidate in sounds.get(sound_key(joined), ()):
                # same number of words: "Trewin you" is not a variant of "Trewin"
                if candidate != words and len(candidate) == len(words) and similar(joined, "".join(candidate), threshold):
                    found.add(candidate)
        return found

    def _index_nicknames(self) -> None:
        """Everyday forms of the list's first names: English diminutives from the `nicknames` table
        ("Kit" or "Chris" for Christopher, "Peggy" for Margaret), and the forms of other languages'
        names and the English names their children go by, from first_name_forms.tsv ("Kasia" or
        "Kate" for Katarzyna, "Chris" for Krzysztof, "Wojciech" for a Voytek on the list)."""
        namer, forms = _nicknamer(), first_name_forms()
        for first in self.first:
            if len(first) == 1:
                written = {phrase_keys(n) for n in namer.nicknames_of(first[0])} | forms.get(first, set())
                for nickname in written:
                    if len("".join(nickname)) >= MIN_SHORT_NAME:  # "Al" alone is too little to stand for Alexander
                        self.by_nickname[nickname].add(first)

    def nicknamed(self, words: tuple) -> set[tuple]:
        """List first names these words are a diminutive of (to be confirmed by the surname)."""
        return set(self.by_nickname.get(words, ()))

    def shortened_first(self, words: tuple, last: tuple) -> set[tuple]:
        """List first names these words shorten, among people with this exact surname:
        "Alex" for Alexander, "Sam" for Samuel, "Dan" for Daniel (a diminutive, not a variant)."""
        short = "".join(words)
        if len(short) < MIN_SHORT_NAME:
            return set()
        return {self.joined_first[full] for full in self.firsts_by_last.get(last, ())
                if full != short and full.startswith(short)}

    def people_named(self, firsts: set[tuple], lasts: set[tuple]) -> set[int]:
        people: set[int] = set()
        for f in firsts:
            for l in lasts:
                named = self.full.get((f, l))
                if isinstance(named, int):
                    people.add(named)
                elif named:
                    people.update(named)
        return people


_NICKNAMER = None
FORMS_FILE = Path(__file__).with_name("first_name_forms.tsv")


@lru_cache(maxsize=1)
def first_name_forms() -> dict[tuple, frozenset[tuple]]:
    """first_name_forms.tsv as first name -> the forms it may be written in, both ways between a
    name and each of its forms (Katarzyna -> Kasia, Kate...; Kasia -> Katarzyna), as word keys."""
    forms: dict[tuple, set[tuple]] = defaultdict(set)
    for line in FORMS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, written = line.split("\t")[:2]
        name_key = phrase_keys(name)
        for form in written.split(","):
            form_key = phrase_keys(form)
            if form_key and form_key != name_key:
                forms[name_key].add(form_key)
                forms[form_key].add(name_key)
    return {name: frozenset(written) for name, written in forms.items()}


def _nicknamer():
    global _NICKNAMER
    if _NICKNAMER is None:
        from nicknames import NickNamer
        _NICKNAMER = NickNamer()
    return _NICKNAMER


def _index_near(index: dict, name: tuple) -> None:
    joined = "".join(name)
    if MIN_NEAR_LENGTH <= len(joined) <= MAX_NEAR_LENGTH:
        for deleted in deletions(anglicised(joined), 1):
            index[deleted].add(name)


def pupil_book(lists: NameLists) -> NameBook:
    book = NameBook()
    for i, pupil in enumerate(lists.pupils):
        book.add(i, pupil.first_name, pupil.last_name)
        if pupil.preferred_name:
            book.add(i, pupil.preferred_name, pupil.last_name)
        for alias in pupil.aliases:
            parts = alias.split()
            if len(parts) >= 2:
                book.add(i, " ".join(parts[:-1]), parts[-1])
                if pupil.preferred_name:  # a preferred surname with the preferred first name: "Ola Brennan"
                    book.add(i, pupil.preferred_name, parts[-1])
            elif parts:
                book.add(i, parts[0], pupil.last_name)
    return book.freeze()


def staff_book(lists: NameLists) -> NameBook:
    book = NameBook()
    for i, member in enumerate(lists.staff):
        book.add(i, member.first_name, member.last_name)
    return book.freeze()



# A first name is read as an ordinary word (Faith, Summer, Will, Bright) when it is both a
# dictionary word and common in English text - and clearly commoner in English than in the
# languages whose speakers share given names with English ones. The dictionary alone is too
# broad (it holds "tolu", "sana", "joshua"); frequencies alone cannot tell a name from a word
# (William and Kyle are as common as Faith), but a name used worldwide (Daniel, Sofia, Ibrahim)
# is as common in German, French or Turkish text as in English, while an English word is not.
# The thresholds were chosen by their measured effect on the labelled sets (README, Accuracy).
ORDINARY_ZIPF = 3.3  # wordfreq's Zipf scale: about 2 uses per million words
ENGLISH_LEAD = 0.2  # Zipf in English over the mean of its three commonest other languages
_OTHER_LANGUAGES = ("de", "fr", "es", "it", "nl", "pt", "pl", "sv", "tr", "id")
_ORDINARY_BY_DICTIONARY: dict[int, tuple[frozenset, frozenset]] = {}


COMMON_ZIPF = 4.0  # about 10 uses per million words: the 7,000 commonest English words
_COMMON: frozenset[str] | None = None


def common_english_words() -> frozenset[str]:
    """The commonest words of English text (wordfreq, Zipf >= COMMON_ZIPF), names among them: a word
    this common is what it says, never a misspelling of a pupil's name written alone ("Email" is not
    Emily, "Mason" not Mayson). Built once per process, from the table ordinary_words reads."""
    global _COMMON
    if _COMMON is None:
        import wordfreq
        _COMMON = _common(wordfreq.get_frequency_dict("en", "small"))
        wordfreq.get_frequency_dict.cache_clear()
        wordfreq.get_frequency_list.cache_clear()
    return _COMMON


def _common(english: dict) -> frozenset[str]:
    least = 10 ** (COMMON_ZIPF - 9)
    return frozenset(w for w, frequency in english.items() if frequency >= least and w.isalpha())


def ordinary_words(dictionary: frozenset[str]) -> frozenset[str]:
    """The dictionary's words that read as words before names; built once per process (~0.6 s)."""
    if not dictionary:  # no pipeline, no dictionary: every list name is read as a name
        return frozenset()
    cached = _ORDINARY_BY_DICTIONARY.get(id(dictionary))
    if cached is not None and cached[0] is dictionary:
        return cached[1]
    import wordfreq  # its tables load on first use: only engines built on a pipeline need them

    def zipf(table: dict, word: str) -> float:
        frequency = table.get(word, 0.0)
        return math.log10(frequency) + 9 if frequency > 0 else 0.0

    english = wordfreq.get_frequency_dict("en", "small")
    others = [wordfreq.get_frequency_dict(lang, "small") for lang in _OTHER_LANGUAGES]
    found = set()
    for word in dictionary:
        z = zipf(english, word)
        if z < ORDINARY_ZIPF:
            continue
        commonest = sorted((zipf(table, word) for table in others), reverse=True)[:3]
        if z - sum(commonest) / 3 >= ENGLISH_LEAD:
            found.add(word)
    global _COMMON
    if _COMMON is None:  # while the English table is loaded (common_english_words)
        _COMMON = _common(english)
    wordfreq.get_frequency_dict.cache_clear()  # ~60 MB of tables, not needed again
    wordfreq.get_frequency_list.cache_clear()
    ordinary = frozenset(found)
    _ORDINARY_BY_DICTIONARY[id(dictionary)] = (dictionary, ordinary)
    return ordinary
