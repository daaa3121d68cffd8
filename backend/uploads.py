"""Reading an uploaded list file (API, CLI and console alike): nlp.lists parses, this decides what is usable.

The API is all or nothing (a row it cannot read fails the file, CONTRACT.md). The
CLI and the console show a preview first and follow one rule: rows that cannot be
read are listed by line and left out only once the person has seen the list and
confirmed; so is a file that would take more than half of a list away.
"""
from dataclasses import dataclass
from typing import Callable

from nlp.lists import PARSERS, ListFormatError, ParsedList


class UnusableRows(ListFormatError):
    """Rows the parser could not use; `rejected` lists (line, problem) for each."""

    def __init__(self, rejected: list[tuple[int, str]]):
        line, problem = rejected[0]
        more = len(rejected) - 1
        super().__init__(line, problem + (f" (and {more} more rows cannot be used)" if more else ""))
        self.rejected = rejected


NO_ENTRIES = ("the file has a header line and no entries; to empty the list, "
              "delete it deliberately (DELETE /api/v1/admin/lists/<kind>)")


def parse_list(kind: str, data: bytes) -> ParsedList:
    """The parsed file, or ListFormatError when any of it cannot be used as it stands.

    A row the parser rejects fails the whole file, so the list in force stays. So does a file
    with a header and no entries: an export cut short must not wipe a list, and emptying one
    is a deliberate act (DELETE /api/v1/admin/lists/<kind>).
    """
    parsed = PARSERS[kind](data)
    if parsed.rejected:
        raise UnusableRows(parsed.rejected)
    if not parsed.entries:
        raise ListFormatError(2, NO_ENTRIES)
    return parsed


# Who an entry is, to count who joins and who leaves a list with an upload.
IDENTITY: dict[str, Callable] = {
    "pupils": lambda e: (e.first_name.casefold(), e.last_name.casefold()),
    "staff": lambda e: (e.first_name.casefold(), e.last_name.casefold()),
    "school-terms": lambda e: e.term.casefold(),
}


@dataclass
class Preview:
    """What replacing a list with a file would do (nothing has changed yet)."""
    parsed: ParsedList
    current: int  # entries on the list now
    joining: int
    leaving: int

    @property
    def drops_most(self) -> bool:
        """The file would take more than half of the list away (a year group's file, or the wrong list)."""
        return bool(self.current) and self.leaving * 2 > self.current

    @property
    def usable(self) -> bool:
        return bool(self.parsed.entries)

    @property
    def needs_confirmation(self) -> bool:
        return self.drops_most or bool(self.parsed.rejected)

    def warnings(self, noun_plural: str) -> list[str]:
        """The same plain words for the CLI and the console."""
        said = []
        if self.drops_most:
            said.append(f"This file would take {self.leaving} of the {self.current} {noun_plural} off the list. "
                        "Is it the whole school's export, not one year group or class, and the right list?")
        rejected = len(self.parsed.rejected)
        if rejected and not self.parsed.entries:
            said.append("No row of the file can be read (see why below), so the list cannot be replaced with it.")
        elif rejected:
            said.append(f"{rejected} row{'s' if rejected != 1 else ''} of the file cannot be read and will be "
                        "left out: until they are fixed, Precheck cannot warn about those names.")
        return said


def preview(kind: str, data: bytes, current_entries) -> Preview:
    """Parse the file and compare it with the list in force; ListFormatError (from the parser) when
    the file has no header Precheck knows."""
    parsed = PARSERS[kind](data)
    identity = IDENTITY[kind]
    now = {identity(e) for e in current_entries}
    incoming = {identity(e) for e in parsed.entries}
    return Preview(parsed, len(current_entries), len(incoming - now), len(now - incoming))
