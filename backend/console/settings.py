"""The settings page: working hours, time zone, blocked domains, categories and the school's note."""
from zoneinfo import available_timezones

from flask import flash, g, redirect, render_template, request, url_for

from backend.console import bp, data
from backend.console.settings_form import (CATEGORY_DESCRIPTIONS, WEEKDAY_LABELS, describe_error,
                                           form_from_submission, settings_from_form, settings_to_form)
from nlp.rules import RULES
from nlp.settings import SettingsError

_TIMEZONES = sorted(available_timezones())


def _page(form: dict, error=None):
    return render_template("console/settings.html", form=form, error=error, timezones=_TIMEZONES,
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
    except SettingsError as err:
        # Show the page again with everything as typed, so nothing is lost.
        return _page(form_from_submission(request.form),
                     error={"field": err.field, "message": describe_error(err)}), 400
    data.replace_settings(new, g.admin)
    flash("Settings saved. Staff get them with their next check.", "success")
    return redirect(url_for("console.settings"))
