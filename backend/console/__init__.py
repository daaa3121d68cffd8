"""The admin console: server-rendered pages at /admin/ for the school's office staff.

One blueprint, with its views split by concern (auth, lists, tokens, settings,
audit, try a post). Forms are protected against cross-site request forgery by
Flask-WTF; the protection is scoped to this blueprint, because the JSON API
authenticates with bearer tokens that a browser never attaches on its own.
"""
from flask import Blueprint, g, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect

from backend.console.data import SESSION_LIFETIME
from backend.store import as_utc

bp = Blueprint("console", __name__, url_prefix="/admin",
               template_folder="templates", static_folder="static")
csrf = CSRFProtect()


# Flashed messages wait in the (signed, readable) session cookie until shown: a few short ones
# at most, so nothing can grow the cookie past what browsers and servers accept (a 62 KB
# cookie answered 431 on every page, locking the admin out).
MAX_FLASHES = 5
MAX_FLASH_LENGTH = 300


class ConsoleSessionInterface(SecureCookieSessionInterface):
    """Marks the session cookie Secure whenever the console is reached over https, and bounds
    the flashed messages it carries."""

    def get_cookie_secure(self, app) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or request.is_secure

    def save_session(self, app, session, response) -> None:
        flashes = session.get("_flashes")
        if flashes:
            session["_flashes"] = [(category, message if len(message) <= MAX_FLASH_LENGTH
                                    else message[:MAX_FLASH_LENGTH - 1] + "…")
                                   for category, message in flashes[-MAX_FLASHES:]]
        super().save_session(app, session, response)


def init_app(app) -> None:
    """Register the console on the service's app (called by the app factory)."""
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)  # only the console's forms: see bp.before_request
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # a token lives as long as the signed-in session
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["PERMANENT_SESSION_LIFETIME"] = SESSION_LIFETIME
    app.session_interface = ConsoleSessionInterface()
    csrf.init_app(app)
    app.register_blueprint(bp)


@bp.before_request
def refuse_forged_forms():
    csrf.protect()


# Scripts and styles come only from the console's own static files; no other site may frame it.
CONTENT_SECURITY_POLICY = ("default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; "
                           "object-src 'none'")


@bp.after_request
def protective_headers(response):
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Frame-Options"] = "DENY"  # frame-ancestors for browsers that predate it
    # pages list pupils and tokens: nothing is kept for the next person at a shared office PC
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


@bp.app_template_filter("when")
def when(moment) -> str:
    """A stored UTC time as the school reads it: in its time zone, day first."""
    if moment is None:
        return ""
    moment = as_utc(moment)
    if "school_zone" not in g:
        g.school_zone = data.settings()[1].zone
    return moment.astimezone(g.school_zone).strftime("%-d %b %Y, %H:%M")


# The views register themselves on `bp`; imported last so `bp` exists when they run.
from backend.console import (data, errors, auth, lists, tokens, enrolment, settings, audit, try_post,  # noqa: E402,F401
                             overview, schools, false_alarms, help)
