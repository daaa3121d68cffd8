"""Errors on console pages, as pages a person can act on (the API keeps its JSON errors).

Nothing here repeats request content: an exception is logged through the
service's "precheck.errors" logger, whose formatter keeps only its type and
code locations, so a draft typed into "Try a post" cannot reach the log.
"""
import logging

from flask import current_app, g, render_template, session
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from backend.console import bp, data
from backend.store import SchoolGone

log = logging.getLogger("precheck.errors")


def _refused(reason: str, status: int):
    if "admin" not in g:  # refused before the sign-in guard ran (a forged form): still offer Sign out
        g.admin = data.admin_for_session(session.get("admin_id"), session.get("admin_key"), session.get("sid"))
        if g.admin is not None:
            g.school = data.school_for(g.admin, session.get("school_id"))
    return render_template("console/refused.html", section=None, reason=reason), status


@bp.errorhandler(CSRFError)
def forged_form(error):
    return _refused("This form did not come from a page of this console, or your session ended. "
                    "Nothing was changed. Go back, reload the page and try again.", 400)


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error):
    limit = current_app.config.get("MAX_UPLOAD_MB")
    return _refused(f"That was more than this service accepts ({limit} MB). Nothing was changed.", 413)


@bp.errorhandler(SchoolGone)
def school_gone(error):
    return _refused("This school has just been deleted, so this was not done.", 404)


@bp.errorhandler(HTTPException)
def http_error(error):
    return _refused(f"{error.name}: {error.description}", error.code or 500)  # werkzeug's fixed texts


@bp.errorhandler(Exception)
def unexpected(error):
    log.error("unhandled error in the admin console", exc_info=error)
    return _refused("Something went wrong on the server, and this was not done. The error has been logged "
                    "(without anything you typed). Try again; if it keeps happening, tell whoever runs "
                    "the server.", 500)
