"""Signing in and out, and the guard that sends anyone not signed in to the sign-in page."""
from urllib.parse import urlsplit

from flask import flash, g, redirect, render_template, request, session, url_for

from backend.console import bp, data
from backend.console.forms import SignInForm

# Pages reachable without a session.
PUBLIC_ENDPOINTS = {"console.sign_in", "console.static"}


@bp.before_request
def require_admin():
    g.admin = data.admin_for_session(session.get("admin_id"), session.get("admin_key"))
    if g.admin is None:
        session.pop("admin_id", None)
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
    if form.validate_on_submit():
        outcome = data.sign_in(form.email.data, form.password.data)
        if outcome.admin is not None:
            session.clear()  # a fresh session (and CSRF token) for the signed-in admin
            session.permanent = True
            session["admin_id"] = outcome.admin.id
            session["admin_key"] = data.session_key(outcome.admin)
            return redirect(_safe_next(next_url))
        problem = outcome.problem
    return render_template("console/sign_in.html", form=form, problem=problem, next_url=next_url,
                           section=None), (401 if problem else 200)


@bp.route("/sign-out", methods=("POST",))
def sign_out():
    session.clear()
    flash("You have signed out.", "info")
    return redirect(url_for("console.sign_in"))
