"""Offsets as the contract counts them: UTF-16 code units, as JavaScript strings do."""


def _units(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1  # astral characters are a surrogate pair


def utf16_length(text: str) -> int:
    """len(text) as JavaScript counts it."""
    return sum(_units(ch) for ch in text)


def utf16_offsets(text: str) -> list[int]:
    """Map each Python index of `text` (and len(text)) to its UTF-16 code-unit offset."""
    offsets, unit = [], 0
    for ch in text:
        offsets.append(unit)
        unit += _units(ch)
    offsets.append(unit)
    return offsets


def utf16_slice(text: str, start: int, end: int) -> str:
    """text[start:end] with start and end in UTF-16 code units, as JavaScript's slice; an end
    inside a surrogate pair leaves half of it, as there."""
    units = text.encode("utf-16-le", "surrogatepass")
    return units[2 * start:2 * end].decode("utf-16-le", "surrogatepass")
