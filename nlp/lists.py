"""The school's name lists, and reading them from the CSV files of the contract.

Pupil lists come from MIS exports (SIMS, Arbor): headers vary in case and wording,
files may carry a byte-order mark, CRLF line ends, or Windows-1252 text.
"""
import csv
import io
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Pupil:
    first_name: str
    last_name: str
    preferred_name: str = ""
    year: str = ""
    form: str = ""
    aliases: tuple[str, ...] = ()  # nicknames the admin adds by hand


@dataclass(frozen=True)
class StaffMember:
    first_name: str
    last_name: str
    title: str = ""


@dataclass(frozen=True)
class SchoolTerm:
    term: str
    kind: str = "school"


@dataclass(frozen=True)
class NameLists:
    pupils: tuple[Pupil, ...] = ()
    staff: tuple[StaffMember, ...] = ()
    school_terms: tuple[SchoolTerm, ...] = ()


class ListFormatError(ValueError):
    """The file cannot be used; `line` is its 1-based line number (0: the file as a whole).
    `quoted` is what the message shows of the file itself (names, headers): `problem` includes it,
    for the admin who sent the file; `summary` leaves it out, for the console's session cookie."""

    def __init__(self, line: int, problem: str, quoted: str = ""):
        self.line = line
        self.problem = problem + quoted
        self.summary = problem
        super().__init__(f"line {line}: {self.problem}" if line else self.problem)


@dataclass
class ParsedList:
    """What a CSV file held: the usable entries, the rows left out and why, the columns read."""
    entries: list = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # our field -> header as written
    ignored_columns: list[str] = field(default_factory=list)


# Header spellings accepted for each field, compared case- and space-insensitively.
PUPIL_COLUMNS = {
    "first_name": ("first_name", "forename", "legal forename", "first name", "firstname", "given name"),
    "last_name": ("last_name", "surname", "legal surname", "last name", "lastname", "family name"),
    "preferred_name": ("preferred_name", "preferred forename", "preferred name", "known as"),
    "preferred_surname": ("preferred surname", "preferred_surname"),
    "year": ("year", "year group", "yeargroup", "nc year"),
    "form": ("form", "reg group", "registration group", "reg", "form group", "tutor group"),
}
STAFF_COLUMNS = {
    "title": ("title",),
    "first_name": ("first_name", "forename", "first name", "legal forename", "firstname"),
    "last_name": ("last_name", "surname", "last name", "legal surname", "lastname"),
}
TERM_COLUMNS = {
    "term": ("term", "name"),
    "kind": ("kind", "type"),
}


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, which MIS exports often use."""
    if b"\x00" in data:
        raise ListFormatError(0, "this is not a text CSV file (it contains NUL bytes; UTF-16 exports are not supported, save as CSV UTF-8)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ListFormatError(line, "the file is neither UTF-8 nor Windows-1252 text") from None


def _norm_header(header: str) -> str:
    return " ".join(header.replace("_", " ").strip().lower().split())


def _read(data: bytes, columns: dict, required: tuple[str, ...]):
    text = decode_csv(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ListFormatError(1, "the file is empty; the first line must name the columns") from None
    except csv.Error as err:
        raise ListFormatError(1, f"the header line is not valid CSV ({err})") from None
    wanted = {_norm_header(alias): name for name, aliases in columns.items() for alias in aliases}
    index: dict[str, int] = {}
    parsed = ParsedList()
    for i, raw in enumerate(header):
        name = wanted.get(_norm_header(raw))
        if name and name not in index:
            index[name] = i
            parsed.columns[name] = raw.strip()
        elif raw.strip():
            parsed.ignored_columns.append(raw.strip())
    missing = [name for name in required if name not in index]
    if missing:
        expected = " or ".join(f'"{columns[m][0]}"/"{columns[m][1]}"' if len(columns[m]) > 1 else f'"{columns[m][0]}"' for m in missing)
        raise ListFormatError(1, f"missing required column {expected}",
                              f"; the header line was: {', '.join(h.strip() for h in header) or '(blank)'}")
    rows = []
    line = 1
    try:
        for row in reader:
            first_line, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if line != first_line and any("\n" in cell or "\r" in cell for cell in row):
                # An unclosed double quote swallows every following row into one cell,
                # which would silently drop those people from the list.
                raise ListFormatError(first_line, "a double quote (\") opened on this line is not closed, "
                                                  "so the rows after it run together")
            rows.append((first_line, {name: (row[i].strip() if i < len(row) else "") for name, i in index.items()}))
    except csv.Error as err:
        raise ListFormatError(line + 1, f"not valid CSV ({err})") from None
    return parsed, rows


def parse_pupils_csv(data: bytes) -> ParsedList:
    parsed, rows = _read(data, PUPIL_COLUMNS, ("first_name", "last_name"))
    for line, row in rows:
        if not row["first_name"] or not row["last_name"]:
            parsed.rejected.append((line, "a pupil needs both a first name and a surname"))
            continue
        last = row.get("preferred_surname") or ""
        aliases = (f"{row['first_name']} {last}",) if last and last != row["last_name"] else ()
        parsed.entries.append(Pupil(
            first_name=row["first_name"], last_name=row["last_name"],
            preferred_name=row.get("preferred_name", ""), year=row.get("year", ""),
            form=row.get("form", ""), aliases=aliases))
    return parsed


def parse_staff_csv(data: bytes) -> ParsedList:
    parsed, rows = _read(data, STAFF_COLUMNS, ("first_name", "last_name"))
    for line, row in rows:
        if not row["last_name"]:
            parsed.rejected.append((line, "a member of staff needs a surname"))
            continue
        parsed.entries.append(StaffMember(first_name=row["first_name"], last_name=row["last_name"],
                                          title=row.get("title", "")))
    return parsed


def parse_school_terms_csv(data: bytes) -> ParsedList:
    parsed, rows = _read(data, TERM_COLUMNS, ("term",))
    for line, row in rows:
        if not row["term"]:
            parsed.rejected.append((line, "the term is blank"))
            continue
        parsed.entries.append(SchoolTerm(term=row["term"], kind=row.get("kind") or "school"))
    return parsed


PARSERS = {"pupils": parse_pupils_csv, "staff": parse_staff_csv, "school-terms": parse_school_terms_csv}
