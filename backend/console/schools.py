"""The trust's schools: the trust's admin sees every school, switches between them, creates
schools and school admins. A school admin's console is their own school's alone."""
from flask import abort, flash, g, redirect, render_template, request, session, url_for

from backend.auth import hash_password
from backend.console import bp, data
from backend.store import SchoolError

MIN_PASSWORD = 10


def _trust_admin_only() -> None:
    if g.admin.school_id is not None:
        abort(403, "Only the trust's admin can see and manage the trust's schools.")


def _page(problem=None, status=200):
    _trust_admin_only()
    schools = data.store().schools()
    admins = {school.id: data.store().admins(school.id) for school in schools}
    return render_template("console/schools.html", schools=schools, admins=admins, problem=problem,
                           section="console.schools"), status


@bp.route("/schools", methods=("GET",))
def schools():
    return _page()


@bp.route("/schools", methods=("POST",))
def create_school():
    _trust_admin_only()
    try:
        school = data.store().create_school(request.form.get("slug", "").strip(), request.form.get("name", ""),
                                            data.actor(g.admin))
    except SchoolError as err:
        return _page(problem=str(err), status=400)
    flash(f"Created {school.name} ({school.slug}). Switch to it to load its lists.", "success")
    return redirect(url_for("console.schools"))


@bp.route("/schools/switch", methods=("POST",))
def switch_school():
    _trust_admin_only()
    school = data.store().school(request.form.get("school_id", type=int) or 0)
    if school is None:
        flash("There is no such school.", "error")
        return redirect(url_for("console.schools"))
    session["school_id"] = school.id
    flash(f"Now showing {school.name}.", "info")
    return redirect(url_for("console.overview"))


@bp.route("/schools/admins", methods=("POST",))
def create_school_admin():
    _trust_admin_only()
    school = data.store().school(request.form.get("school_id", type=int) or 0)
    email, password = request.form.get("email", "").strip().lower(), request.form.get("password", "")
    if school is None:
        return _page(problem="Choose the school the admin is for.", status=400)
    if "@" not in email or len(email) > 254:
        return _page(problem="Enter the admin's email address.", status=400)
    if len(password) < MIN_PASSWORD:
        return _page(problem=f"The password must be at least {MIN_PASSWORD} characters long.", status=400)
    if data.admin_exists(email):
        return _page(problem="There is already an account with that email.", status=400)
    data.store().upsert_admin(email, hash_password(password), data.actor(g.admin), school.id)
    flash(f"Created an admin account for {school.name}: {email}. They see that school alone.", "success")
    return redirect(url_for("console.schools"))
