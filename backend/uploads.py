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

    A row the parser rejects fails the whole file (the list in force stays), and so
    does a cell spanning lines: a double quote that is never closed makes the CSV
    reader swallow every following row into one name, which would silently drop
    those pupils from the list.
    """
    parsed = PARSERS[kind](data)
    if parsed.rejected:
        raise UnusableRows(parsed.rejected)
    for number, entry in enumerate(parsed.entries, start=1):
        if any("\n" in value or "\r" in value for value in vars(entry).values() if isinstance(value, str)):
            raise ListFormatError(0, f"entry {number} runs over several lines: a double quote (\") in the "
                                     "file is probably never closed")
    return parsed
