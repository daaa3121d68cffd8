"""Reading an uploaded list file (API and CLI alike): nlp.lists parses, this decides what is usable."""
from nlp.lists import PARSERS, ListFormatError, ParsedList


class UnusableRows(ListFormatError):
    """Rows the parser could not use; `rejected` lists (line, problem) for each."""

    def __init__(self, rejected: list[tuple[int, str]]):
        line, problem = rejected[0]
        more = len(rejected) - 1
        super().__init__(line, problem + (f" (and {more} more rows cannot be used)" if more else ""))
        self.rejected = rejected


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
        raise ListFormatError(2, "the file has a header line and no entries; to empty the list, "
                                 "delete it deliberately (DELETE /api/v1/admin/lists/<kind>)")
    return parsed
