"""Signing in and out, and the guard that sends anyone not signed in to the sign-in page."""
from urllib.parse import urlsplit

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from limits import parse_many

from backend.console import bp, data
from backend.console.forms import SignInForm
from backend.service import get_service

# Pages reachable without a session.
PUBLIC_ENDPOINTS = {"console.sign_in", "console.static"}


@bp.before_request
def require_admin():
    g.admin = data.admin_for_session(session.get("admin_id"), session.get("admin_key"), session.get("sid"))
    if g.admin is not None:
        chosen = session.get("school_id")
        g.school = data.school_for(g.admin, chosen)
        if chosen is not None and chosen != g.school.id:
            # The school this console was showing has been deleted (by another admin, in another
            # tab): say so, and never apply a form meant for it to the school shown instead.
            session.pop("school_id")
            flash(f"The school this console was showing has been deleted; it now shows {g.school.name}.", "error")
            if request.method != "GET" and request.endpoint != "console.sign_out":
                return redirect(url_for("console.overview"))
    if g.admin is None:
        session.pop("admin_id", None)
        session.pop("sid", None)
        if request.endpoint not in PUBLIC_ENDPOINTS:
            return redirect(url_for("console.sign_in", next=request.full_path if request.method == "GET" else None))


def _safe_next(target: str | None) -> str:
    """Only a path inside the console: never an open redirect to another site."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and parts.path.startswith(bp.url_prefix + "/"):
            return target.rstrip("?")
    return url_for("console.overview")


@bp.route("/sign-in", methods=("GET", "POST"))
def sign_in():
    form = SignInForm()
    next_url = request.args.get("next")
    problem = None
    if g.admin is not None and request.method == "GET":
        return redirect(_safe_next(next_url))
    status = 200
    if request.method == "POST" and not _sign_in_allowed_from_here():
        problem, status = ("Too many sign-in attempts from this computer. Wait a minute, then try again.", 429)
    elif form.validate_on_submit():
        try:
            outcome = data.sign_in(form.email.data, form.password.data)
        except data.HashingBusy:
            outcome = data.SignInOutcome(None, "The server is busy with other sign-ins. Try again in a moment.")
            status = 503
        if outcome.admin is not None:
            session.clear()  # a fresh session (and CSRF token) for the signed-in admin
            session.permanent = True
            session["admin_id"] = outcome.admin.id
            session["admin_key"] = data.session_key(outcome.admin)
            session["sid"] = data.open_session(outcome.admin)
            return redirect(_safe_next(next_url))
        problem = outcome.problem
        status = 401 if status == 200 else status
    return render_template("console/sign_in.html", form=form, problem=problem, next_url=next_url,
                           section=None), status


def _sign_in_allowed_from_here() -> bool:
    """Sign-in attempts per client address (PRECHECK_RATE_LIMIT_SIGN_IN), counted before any
    password is hashed: anyone can reach this page, and each attempt costs an argon2 hash."""
    limiter = get_service().limiter.limiter
    address = request.remote_addr or "unknown"
    return all(limiter.hit(limit, "console-sign-in", address)
               for limit in parse_many(current_app.config["RATE_LIMIT_SIGN_IN"]))


@bp.route("/sign-out", methods=("POST",))
def sign_out():
    data.end_session(session.get("sid"))  # a copy of the cookie opens nothing any more
    session.clear()
    flash("You have signed out.", "info")
    return redirect(url_for("console.sign_in"))
