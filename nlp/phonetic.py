"""Sound-alike keys for names, so spellings and transliterations not on the list still meet.

Muhammad/Mohammed/Mohamed, Ayesha/Aisha, Yusuf/Yousef, Khadija/Khadijah and
Rayyan/Rayan share a key; a candidate that shares a key is then confirmed by
string similarity, so a shared key alone never makes a match.
"""
import re
from functools import lru_cache

import jellyfish
from rapidfuzz.distance import JaroWinkler, Levenshtein

# Transliteration folds metaphone misses: doubled letters (Aaliyah/Aliyah,
# Rayyan/Rayan), "y" inside a name for the vowel "i" (Ayesha/Aisha,
# Maryam/Mariam, Zaynab/Zainab), and "th" for a plain "t" (Nusrath/Nusrat).
_DOUBLE = re.compile(r"(.)\1+")
_INNER_Y = re.compile(r"(?<=\w)y")


@lru_cache(maxsize=1 << 16)
def sound_key(folded: str) -> str:
    """Metaphone key of an already folded (ASCII, lower-case) name."""
    if not folded:
        return ""
    return jellyfish.metaphone(_INNER_Y.sub("i", _DOUBLE.sub(r"\1", folded)).replace("th", "t"))


# How English writers spell the sounds of Polish, Czech, German and Dutch names: Grzegorz as
# Gregor(y), Krzysztof as Kristof / Christopher, Wiśniewski as Visnievski, Jędrzej as Jedrej.
# Applied to both the list's name and the draft's word before they are compared by edit distance.
_ANGLICISE = [(re.compile(p), r) for p, r in (
    (r"szcz", "shch"), (r"rz", "r"), (r"sz", "s"), (r"cz", "ch"),
    (r"ch(?=[rlnmt])|^ch(?=[aou])", "k"), (r"ph", "f"), (r"th", "t"), (r"w", "v"), (r"ij", "y"),
    (r"(?<=[aeiou])j|^j(?=[aeiou])", "y"), (r"y", "i"), (r"c(?=[aou])|ck|q", "k"), (r"x", "ks"),
    (r"(.)\1+", r"\1"),
)]


@lru_cache(maxsize=1 << 16)
def anglicised(folded: str) -> str:
    """The spelling an English writer would give an already folded name, for edit-distance comparison."""
    for pattern, replacement in _ANGLICISE:
        folded = pattern.sub(replacement, folded)
    return folded


def allowed_edits(a: str, b: str) -> int:
    """Edits a variant may be from the listed name, scaled by length: none for short names
    (Sana/Sara, Adam/Aidan are different people), one from 5 letters, two from 8."""
    n = max(len(a), len(b))
    return 0 if n < 5 else 1 if n < 8 else 2


def deletions(word: str, depth: int) -> set[str]:
    """The word with up to `depth` letters deleted (the keys of a symmetric-deletion index)."""
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def similar(a: str, b: str, threshold: float) -> bool:
    return JaroWinkler.normalized_similarity(a, b) >= threshold


def near(a: str, b: str) -> bool:
    """Anglicised spellings within the edits their length allows, starting alike."""
    return a[:1] == b[:1] and Levenshtein.distance(a, b) <= allowed_edits(a, b)
