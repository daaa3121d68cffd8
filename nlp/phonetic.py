"""Sound-alike keys for names, so spellings and transliterations not on the list still meet.

Muhammad/Mohammed/Mohamed, Ayesha/Aisha, Yusuf/Yousef, Khadija/Khadijah and
Rayyan/Rayan share a key; a candidate that shares a key is then confirmed by
string similarity, so a shared key alone never makes a match.
"""
import re
from functools import lru_cache

import jellyfish
from rapidfuzz.distance import JaroWinkler

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


def similar(a: str, b: str, threshold: float) -> bool:
    return JaroWinkler.normalized_similarity(a, b) >= threshold
