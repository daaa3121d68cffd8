"""Sound-alike keys for names, so spellings and transliterations not on the list still meet.

Muhammad/Mohammed/Mohamed, Ayesha/Aisha, Yusuf/Yousef, Khadija/Khadijah and
Rayyan/Rayan share a key; a candidate that shares a key is then confirmed by
string similarity, so a shared key alone never makes a match.
"""
import re

import jellyfish
from rapidfuzz.distance import JaroWinkler

# Transliteration folds a phonetic algorithm misses: "y" after a vowel is the
# vowel glide of "ai" (Ayesha/Aisha, Rayyan/Rayan, Zaynab/Zainab).
_GLIDE = re.compile(r"(?<=[aeiouy])y")


def sound_key(folded: str) -> str:
    """Metaphone key of an already folded (ASCII, lower-case) name."""
    return jellyfish.metaphone(_GLIDE.sub("i", folded)) if folded else ""


def similar(a: str, b: str, threshold: float) -> bool:
    return JaroWinkler.normalized_similarity(a, b) >= threshold
