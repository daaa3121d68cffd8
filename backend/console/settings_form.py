"""The settings page's plain form fields, to and from the contract's settings document.

The form is deliberately plain text ("08:30-10:40, 11:00-12:20") so an office
manager can type it; validation is left to nlp.settings.Settings.from_json, the
same code the API uses, so the console can never store what the API would refuse.
"""
import re

from nlp.catalogue import DESCRIPTIONS as CATEGORY_DESCRIPTIONS
from nlp.findings import CATEGORIES
from nlp.settings import WEEKDAYS, Settings, SettingsError

WEEKDAY_LABELS = dict(zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                     "Saturday", "Sunday")))
# An interval as typed: "8:30-15:30", "08:30 – 15:30", "08.30 to 15.30".
_INTERVAL = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*(?:-|–|—|to)\s*(\d{1,2})[:.](\d{2})\s*$", re.IGNORECASE)
# A date as typed: ISO ("2026-09-03") or day first, as UK schools write it ("3/9/2026", "03.09.2026").
_DATE = r"(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})"
# A term as typed: "2026-09-03 to 2026-12-18", "3/9/2026 – 18/12/2026".
_TERM = re.compile(rf"^{_DATE}\s*(?:to|–|—|-)\s*{_DATE}$", re.IGNORECASE)
_UK_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def _iso_date(typed: str) -> str:
    """A date as the settings document holds it (YYYY-MM-DD); a day-first date is turned round,
    and one that is no date stays as typed for the settings' own check to name."""
    match = _UK_DATE.match(typed)
    return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}" if match else typed


class SettingsErrors(SettingsError):
    """Every problem of a submitted form at once; the first is the error's own field and message."""

    def __init__(self, errors: list[SettingsError]):
        first = errors[0]
        super().__init__(first.field, str(first).split(": ", 1)[-1])
        self.errors = errors


def settings_to_form(settings: Settings) -> dict:
    """The values the settings page shows for the settings in force."""
    data = settings.to_json()
    return {
        "timezone": data["timezone"],
        "hours": {day: ", ".join(f"{a}-{b}" for a, b in data["working_hours"].get(day, []))
                  for day in WEEKDAYS},
        "blocked_domains": "\n".join(data["blocked_domains"]),
        "enabled": {name: settings.categories.get(name).enabled if name in settings.categories else True
                    for name in CATEGORIES},
        "severity": {name: (settings.categories[name].severity or "") if name in settings.categories else ""
                     for name in CATEGORIES},
        "note": data["note"],
        "clauses": {name: settings.clauses.get(name, "") for name in CATEGORIES},
        "term_dates": "\n".join(f"{a} to {b}" for a, b in data["term_dates"]),
        "resolve_short_links": settings.resolve_short_links,
    }


def _read_form(form) -> tuple[dict, list[SettingsError]]:
    """The settings document a submitted form describes (not yet validated), and what of it could
    not be read at all (an interval that is not two times, a term that is not two dates)."""
    errors = []
    hours = {}
    for day in WEEKDAYS:
        intervals = []
        for i, part in enumerate(p for p in re.split(r"[,;\n]", form.get(f"hours-{day}", "")) if p.strip()):
            match = _INTERVAL.match(part)
            if not match:
                errors.append(SettingsError(f"working_hours.{day}[{i}]", f"{WEEKDAY_LABELS[day]}: “{part.strip()}” "
                                            "is not a time range such as 08:30-15:30"))
                continue
            h1, m1, h2, m2 = match.groups()
            intervals.append([f"{int(h1):02d}:{m1}", f"{int(h2):02d}:{m2}"])
        if intervals:  # a weekday left out has no working hours
            hours[day] = intervals
    categories = {}
    for name in CATEGORIES:
        enabled = form.get(f"enabled-{name}") is not None
        severity = form.get(f"severity-{name}", "")
        if not enabled or severity:
            categories[name] = {"enabled": enabled, **({"severity": severity} if severity else {})}
    term_dates = []
    for i, line in enumerate(p.strip() for p in form.get("term_dates", "").splitlines() if p.strip()):
        match = _TERM.match(line)
        if not match:
            errors.append(SettingsError(f"term_dates[{i}]", f"“{line}” is not a term such as 3/9/2026 to 18/12/2026"))
            continue
        term_dates.append([_iso_date(match[1]), _iso_date(match[2])])
    document = {
        "timezone": form.get("timezone", "").strip(),
        "working_hours": hours,
        "blocked_domains": [line.strip() for line in form.get("blocked_domains", "").splitlines() if line.strip()],
        "categories": categories,
        "note": form.get("note", ""),
        "clauses": {name: form.get(f"clause-{name}", "").strip() for name in CATEGORIES
                    if form.get(f"clause-{name}", "").strip()},
        "term_dates": term_dates,
        "resolve_short_links": form.get("resolve_short_links") is not None,
    }
    return document, errors


def form_to_document(form) -> dict:
    """The settings document a submitted form describes (not yet validated); SettingsErrors for
    what cannot be read at all."""
    document, errors = _read_form(form)
    if errors:
        raise SettingsErrors(errors)
    return document


def _part_errors(document: dict) -> list[SettingsError]:
    """Each setting, each weekday, each listed value checked on its own (a key left out takes its
    default), so one form's every problem is found in one go, not one per save."""
    errors = []
    for key, value in document.items():
        if isinstance(value, dict) and value:
            parts = [({key: {k: v}}, None) for k, v in value.items()]
        elif isinstance(value, list) and value:
            parts = [({key: [v]}, i) for i, v in enumerate(value)]
        else:
            parts = [({key: value}, None)]
        for part, index in parts:
            try:
                Settings.from_json(part)
            except SettingsError as err:
                field = err.field.replace(f"{key}[0]", f"{key}[{index}]", 1) if index is not None else err.field
                errors.append(SettingsError(field, str(err).split(": ", 1)[-1]))
    return errors


def _page_order(err: SettingsError) -> tuple:
    """Where a problem is on the page: the card, then the weekday or the line."""
    parts = re.split(r"[.\[\]]+", err.field)
    card = FORM_ORDER.index(parts[0]) if parts[0] in FORM_ORDER else len(FORM_ORDER)
    within = parts[1] if len(parts) > 1 else ""
    if within in WEEKDAYS:
        return card, WEEKDAYS.index(within), ""
    return card, int(within) if within.isdigit() else 0, within


def settings_from_form(form) -> Settings:
    """Validate a submitted settings form; SettingsErrors lists every field at fault."""
    document, errors = _read_form(form)
    errors += _part_errors(document)
    if errors:
        raise SettingsErrors(sorted(errors, key=_page_order))
    try:
        return Settings.from_json(document)
    except SettingsError as err:  # what only the whole document shows (terms that overlap, say)
        raise SettingsErrors([err]) from None


# The page's order, so the list of problems reads top to bottom.
FORM_ORDER = ("timezone", "working_hours", "term_dates", "blocked_domains", "resolve_short_links", "categories",
              "note", "clauses")
_FIELD_WORDS = {"timezone": "Time zone", "note": "Your school's note", "resolve_short_links": "Shortened links"}


def _field_words(field: str) -> str:
    """Where on the page a problem is, in the page's own words (not the settings' keys)."""
    line = re.search(r"\[(\d+)\]", field)
    line_words = f", line {int(line[1]) + 1}" if line else ""
    parts = re.split(r"[.\[]", field)
    if parts[0] == "working_hours" and len(parts) > 1 and parts[1] in WEEKDAY_LABELS:
        return WEEKDAY_LABELS[parts[1]]
    if parts[0] in ("categories", "clauses") and len(parts) > 1 and parts[1] in CATEGORY_DESCRIPTIONS:
        what = f"“{CATEGORY_DESCRIPTIONS[parts[1]]}”"
        return f"Clause cited for {what}" if parts[0] == "clauses" else f"Check {what}"
    if parts[0] == "term_dates":
        return "Term dates" + line_words
    if parts[0] == "blocked_domains":
        return "Blocked link domains" + line_words
    return _FIELD_WORDS.get(parts[0], parts[0].replace("_", " ").capitalize())


def _plain(message: str) -> str:
    message = re.sub(r"unknown IANA time zone '([^']*)'", r"“\1” is not a time zone: choose one from the list", message)
    message = message.replace("an IANA time zone name", "a time zone")
    message = re.sub(r"'([^']*)'", r"“\1”", message)
    return message.replace("YYYY-MM-DD form", "day/month/year form")


def describe_error(err: SettingsError) -> str:
    """The error in words for the page: where on the page, then what is wrong."""
    message = _plain(str(err).split(": ", 1)[1] if ": " in str(err) else str(err))
    where = _field_words(err.field)
    return message if message.startswith(where) else f"{where}: {message}"


def form_from_submission(form) -> dict:
    """Echo what was typed back into the page after an error, so nothing typed is lost."""
    return {
        "timezone": form.get("timezone", ""),
        "hours": {day: form.get(f"hours-{day}", "") for day in WEEKDAYS},
        "blocked_domains": form.get("blocked_domains", ""),
        "enabled": {name: form.get(f"enabled-{name}") is not None for name in CATEGORIES},
        "severity": {name: form.get(f"severity-{name}", "") for name in CATEGORIES},
        "note": form.get("note", ""),
        "clauses": {name: form.get(f"clause-{name}", "") for name in CATEGORIES},
        "term_dates": form.get("term_dates", ""),
        "resolve_short_links": form.get("resolve_short_links") is not None,
    }
