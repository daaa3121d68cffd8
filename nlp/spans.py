"""Offsets as the contract counts them: UTF-16 code units, as JavaScript strings do."""


def utf16_offsets(text: str) -> list[int]:
    """Map each Python index of `text` (and len(text)) to its UTF-16 code-unit offset."""
    offsets, unit = [], 0
    for ch in text:
        offsets.append(unit)
        unit += 2 if ord(ch) > 0xFFFF else 1
    offsets.append(unit)
    return offsets
