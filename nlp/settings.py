"""The admin's settings (contract, "Settings (admin)"): validated once, then read by rules."""
import re
from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from nlp.errors import FieldError
from nlp.findings import CATEGORIES, SEVERITIES

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
# A clause number as a school's policy writes it: "4.1", "5.3a", "B-2".
_CLAUSE = re.compile(r"^[0-9A-Za-z](?:[0-9A-Za-z.\-]{0,18}[0-9A-Za-z])?$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")
MAX_NOTE = 2000


class SettingsError(FieldError):
    """A settings field is unknown or has a bad value; `field` names it (dotted path)."""


@dataclass(frozen=True)
class CategorySetting:
    enabled: bool = True
    severity: str | None = None  # None: the rule's own default


@dataclass(frozen=True)
class Settings:
    timezone: str = "Europe/London"
    # weekday -> ((start_minute, end_minute), ...), minutes since midnight
    working_hours: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    blocked_domains: tuple[str, ...] = ()
    categories: dict[str, CategorySetting] = field(default_factory=dict)
    note: str = ""
    # category -> the clause of the school's own policy to cite instead of the rule's
    clauses: dict[str, str] = field(default_factory=dict)
    # Optional school terms, inclusive date ranges: when set, working hours apply
    # only on days inside a term (holidays are not working time).
    term_dates: tuple[tuple[date, date], ...] = ()
    # Whether the service may ask a link shortener where a flagged short link leads (its redirect
    # only), to offer the full address as the fix. Off unless the admin switches it on: the
    # shortener's owner then sees that the link is being written about.
    resolve_short_links: bool = False

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def to_json(self) -> dict:
        def hhmm(minutes: int) -> str:
            return f"{minutes // 60:02d}:{minutes % 60:02d}"
        return {
            "timezone": self.timezone,
            "working_hours": {day: [[hhmm(a), hhmm(b)] for a, b in self.working_hours.get(day, ())]
                              for day in WEEKDAYS},
            "blocked_domains": list(self.blocked_domains),
            "categories": {name: {"enabled": c.enabled, **({"severity": c.severity} if c.severity else {})}
                           for name, c in sorted(self.categories.items())},
            "note": self.note,
            "clauses": dict(sorted(self.clauses.items())),
            "term_dates": [[a.isoformat(), b.isoformat()] for a, b in self.term_dates],
            "resolve_short_links": self.resolve_short_links,
        }

    @classmethod
    def from_json(cls, data) -> "Settings":
        """Validate a whole settings document; keys left out take their defaults."""
        if not isinstance(data, dict):
            raise SettingsError("settings", "must be a JSON object")
        known = {"timezone", "working_hours", "blocked_domains", "categories", "note", "clauses", "term_dates",
                 "resolve_short_links"}
        for key in data:
            if key not in known:
                raise SettingsError(str(key), f"unknown setting (known: {', '.join(sorted(known))})")
        return cls(
            timezone=_timezone(data.get("timezone", "Europe/London")),
            working_hours=_working_hours(data.get("working_hours", {})),
            blocked_domains=_blocked_domains(data.get("blocked_domains", [])),
            categories=_categories(data.get("categories", {})),
            note=_note(data.get("note", "")),
            clauses=_clauses(data.get("clauses", {})),
            term_dates=_term_dates(data.get("term_dates", [])),
            resolve_short_links=_flag("resolve_short_links", data.get("resolve_short_links", False)),
        )

    def is_term_day(self, day: date) -> bool:
        """Whether working hours apply on this date: always, unless term dates are set."""
        return not self.term_dates or any(start <= day <= end for start, end in self.term_dates)


def _timezone(value) -> str:
    if not isinstance(value, str) or not value:
        raise SettingsError("timezone", "must be an IANA time zone name such as Europe/London")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError("timezone", f"unknown IANA time zone {value!r}") from None
    return value


def _minutes(value, where: str) -> int:
    match = _HHMM.match(value) if isinstance(value, str) else None
    if not match:
        raise SettingsError(where, f"{value!r} is not a time in HH:MM (24-hour) form")
    return int(match[1]) * 60 + int(match[2])


def _working_hours(value) -> dict:
    if not isinstance(value, dict):
        raise SettingsError("working_hours", "must be an object keyed by weekday (mon … sun)")
    result = {}
    for day, intervals in value.items():
        where = f"working_hours.{day}"
        if day not in WEEKDAYS:
            raise SettingsError(where, "weekday must be one of mon, tue, wed, thu, fri, sat, sun")
        if not isinstance(intervals, list):
            raise SettingsError(where, 'must be a list of ["HH:MM", "HH:MM"] intervals')
        parsed = []
        for i, interval in enumerate(intervals):
            if not isinstance(interval, list) or len(interval) != 2:
                raise SettingsError(f"{where}[{i}]", 'must be a pair ["HH:MM", "HH:MM"]')
            start, end = _minutes(interval[0], f"{where}[{i}]"), _minutes(interval[1], f"{where}[{i}]")
            if end <= start:
                raise SettingsError(f"{where}[{i}]", f"ends ({interval[1]}) before it starts ({interval[0]})")
            parsed.append((start, end))
        parsed.sort()
        for (_, end), (start, _) in zip(parsed, parsed[1:]):
            if start < end:
                raise SettingsError(where, "intervals overlap")
        result[day] = tuple(parsed)
    return result


def _blocked_domains(value) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise SettingsError("blocked_domains", "must be a list of domain names")
    domains = []
    for i, item in enumerate(value):
        domain = item.strip().lower().rstrip(".") if isinstance(item, str) else None
        if domain and domain.startswith("*."):
            domain = domain[2:]
        if not domain or not _DOMAIN.match(domain):
            raise SettingsError(f"blocked_domains[{i}]", f"{item!r} is not a domain name such as example.com")
        if domain not in domains:
            domains.append(domain)
    return tuple(domains)


def _categories(value) -> dict:
    if not isinstance(value, dict):
        raise SettingsError("categories", "must be an object keyed by category")
    result = {}
    for name, conf in value.items():
        where = f"categories.{name}"
        if name not in CATEGORIES:
            raise SettingsError(where, "unknown category")
        if not isinstance(conf, dict):
            raise SettingsError(where, 'must be an object such as {"enabled": true, "severity": "low"}')
        for key in conf:
            if key not in ("enabled", "severity"):
                raise SettingsError(f"{where}.{key}", "unknown key (known: enabled, severity)")
        enabled = conf.get("enabled", True)
        if not isinstance(enabled, bool):
            raise SettingsError(f"{where}.enabled", "must be true or false")
        severity = conf.get("severity")
        if severity is not None and severity not in SEVERITIES:
            raise SettingsError(f"{where}.severity", "must be high, medium or low")
        result[name] = CategorySetting(enabled=enabled, severity=severity)
    return result


def _note(value) -> str:
    if not isinstance(value, str):
        raise SettingsError("note", "must be a string")
    if len(value) > MAX_NOTE:
        raise SettingsError("note", f"is longer than {MAX_NOTE} characters")
    return value.strip()


def _clauses(value) -> dict:
    if not isinstance(value, dict):
        raise SettingsError("clauses", 'must be an object keyed by category, such as {"pupil-name": "5.3"}')
    result = {}
    for name, clause in value.items():
        where = f"clauses.{name}"
        if name not in CATEGORIES:
            raise SettingsError(where, "unknown category")
        if not isinstance(clause, str) or not _CLAUSE.match(clause.strip()):
            raise SettingsError(where, "must be a clause number such as 5.3 (letters, digits, '.' and '-')")
        result[name] = clause.strip()
    return result


def _flag(name: str, value) -> bool:
    if not isinstance(value, bool):
        raise SettingsError(name, "must be true or false")
    return value


def _term_dates(value) -> tuple[tuple[date, date], ...]:
    if not isinstance(value, list):
        raise SettingsError("term_dates", 'must be a list of ["YYYY-MM-DD", "YYYY-MM-DD"] ranges')
    terms = []
    for i, term in enumerate(value):
        where = f"term_dates[{i}]"
        if not isinstance(term, list) or len(term) != 2:
            raise SettingsError(where, 'must be a pair ["YYYY-MM-DD", "YYYY-MM-DD"] (first and last day)')
        try:
            start, end = (date.fromisoformat(d) if isinstance(d, str) and len(d) == 10 else None for d in term)
        except ValueError:
            start = end = None
        if start is None or end is None:
            raise SettingsError(where, f"{term!r} is not two dates in YYYY-MM-DD form")
        if end < start:
            raise SettingsError(where, f"ends ({term[1]}) before it starts ({term[0]})")
        terms.append((start, end))
    return tuple(sorted(terms))
