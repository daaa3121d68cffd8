"""The settings page: working hours, time zone, blocked domains, categories and the school's note."""
from zoneinfo import available_timezones

from flask import flash, g, redirect, render_template, request, url_for

from backend.console import bp, data
from backend.console.settings_form import (CATEGORY_DESCRIPTIONS, WEEKDAY_LABELS, SettingsErrors, describe_error,
                                           form_from_submission, settings_from_form, settings_to_form)
from nlp.rules import RULES

# Region/City names (and UTC), not the legacy aliases ("GB", "Etc/GMT+1") nobody picks.
_TIMEZONES = sorted(zone for zone in available_timezones()
                    if zone == "UTC" or ("/" in zone and not zone.startswith(("Etc/", "SystemV/"))))
PREFERRED_ZONES = ("Europe/London", "Europe/Dublin")


def _error_at(errors: list[dict]):
    """For the page: the first problem at a field or inside it ("working_hours.mon" finds
    "working_hours.mon[1]"), or None."""
    def at(prefix: str):
        for error in errors:
            field = error["field"]
            if field == prefix or field.startswith((prefix + ".", prefix + "[")):
                return error["message"]
        return None
    return at


def _timezones(chosen: str) -> list[str]:
    """The picker's zones: the UK's and Ireland's first, then every other; one typed that is no
    zone stays shown, to be corrected."""
    first = [zone for zone in PREFERRED_ZONES if zone in _TIMEZONES]
    rest = [zone for zone in _TIMEZONES if zone not in first]
    return ([chosen] if chosen and chosen not in _TIMEZONES else []) + first + rest


def _page(form: dict, errors=()):
    errors = list(errors)
    return render_template("console/settings.html", form=form, errors=errors, error_at=_error_at(errors),
                           timezones=_timezones(form["timezone"]),
                           weekdays=list(WEEKDAY_LABELS.items()),
                           categories=list(CATEGORY_DESCRIPTIONS.items()), section="console.settings",
                           standard_clauses={rule.CATEGORY: rule.CLAUSE for rule in RULES})


@bp.route("/settings", methods=("GET",))
def settings():
    _, current = data.settings()
    return _page(settings_to_form(current))


@bp.route("/settings", methods=("POST",))
def save_settings():
    try:
        new = settings_from_form(request.form)
    except SettingsErrors as err:
        # Show the page again with everything as typed, so nothing is lost, and every problem at once.
        return _page(form_from_submission(request.form),
                     [{"field": e.field, "message": describe_error(e)} for e in err.errors]), 400
    data.replace_settings(new, g.admin)
    flash("Settings saved. Staff get them with their next check.", "success")
    return redirect(url_for("console.settings"))
