"""The settings page's plain form fields, to and from the contract's settings document.

The form is deliberately plain text ("08:30-10:40, 11:00-12:20") so an office
manager can type it; validation is left to nlp.settings.Settings.from_json, the
same code the API uses, so the console can never store what the API would refuse.
"""
import re

from nlp.findings import CATEGORIES
from nlp.settings import WEEKDAYS, Settings, SettingsError

WEEKDAY_LABELS = dict(zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                     "Saturday", "Sunday")))
CATEGORY_DESCRIPTIONS = {
    "pupil-name": "A pupil on the pupil list named or identifiable",
    "staff-name": "A colleague on the staff list named",
    "school-reference": "The school or trust identified: names, hashtags, places, form groups",
    "work-discussion": "Talking about work: lessons, marking, pupils, parents, meetings",
    "pupil-contact": "Inviting or engaging pupils or parents on a personal account",
    "contact-details": "A personal phone number or email address offered",
    "offensive": "Language that could offend a colleague, parent or pupil",
    "reputation": "Negative remarks about the school, its staff, governors, pupils or parents",
    "unsafe-link": "Link shorteners, plain http, raw IP addresses, blocked domains",
    "child-photo": "A photo or video that names or identifies a child",
    "direct-message": "A private message to a pupil",
    "working-hours": "A personal post during working hours",
}
# An interval as typed: "8:30-15:30", "08:30 – 15:30", "08.30 to 15.30".
_INTERVAL = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*(?:-|–|—|to)\s*(\d{1,2})[:.](\d{2})\s*$", re.IGNORECASE)
# A term as typed: "2026-09-03 to 2026-12-18", "2026-09-03 – 2026-12-18".
_TERM = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:to|–|—|-)\s*(\d{4}-\d{2}-\d{2})$", re.IGNORECASE)


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


def form_to_document(form) -> dict:
    """The settings document a submitted form describes (not yet validated).

    `form` is a mapping of field name to string (request.form). Raises
    SettingsError for an interval that cannot be read as two times.
    """
    hours = {}
    for day in WEEKDAYS:
        intervals = []
        for i, part in enumerate(p for p in re.split(r"[,;\n]", form.get(f"hours-{day}", "")) if p.strip()):
            match = _INTERVAL.match(part)
            if not match:
                raise SettingsError(f"working_hours.{day}[{i}]",
                                    f"{WEEKDAY_LABELS[day]}: “{part.strip()}” is not a time range such as 08:30-15:30")
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
            raise SettingsError(f"term_dates[{i}]", f"“{line}” is not a term such as 2026-09-03 to 2026-12-18")
        term_dates.append([match[1], match[2]])
    return {
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


def settings_from_form(form) -> Settings:
    """Validate a submitted settings form; SettingsError names the field at fault."""
    return Settings.from_json(form_to_document(form))


def describe_error(err: SettingsError) -> str:
    """The error in words for the page: which day or field, then what is wrong."""
    message = str(err).split(": ", 1)[1] if ": " in str(err) else str(err)
    day = re.match(r"working_hours\.(\w+)", err.field)
    if day and day[1] in WEEKDAY_LABELS and not message.startswith(WEEKDAY_LABELS[day[1]]):
        return f"{WEEKDAY_LABELS[day[1]]}: {message}"
    field = err.field.split("[")[0].replace("_", " ").replace(".", " ")
    return message if message.startswith(field) else f"{field}: {message}"


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
