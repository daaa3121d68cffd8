"""The trust's schools: the trust's admin sees every school, switches between them, creates
schools and school admins. A school admin's console is their own school's alone."""
from flask import abort, flash, g, redirect, render_template, request, session, url_for

from backend.auth import hash_password
from backend.console import bp, data
from backend.service import get_store
from backend.store import DEFAULT_SCHOOL_ID, LIST_KINDS, SchoolError

MIN_PASSWORD = 10


def _trust_admin_only() -> None:
    if g.admin.school_id is not None:
        abort(403, "Only the trust's admin can see and manage the trust's schools.")


def _page(problem=None, status=200):
    _trust_admin_only()
    schools = get_store().schools()
    admins = {school.id: get_store().admins(school.id) for school in schools}
    return render_template("console/schools.html", schools=schools, admins=admins, problem=problem,
                           section="console.schools"), status


@bp.route("/schools", methods=("GET",))
def schools():
    return _page()


@bp.route("/schools", methods=("POST",))
def create_school():
    _trust_admin_only()
    try:
        school = get_store().create_school(request.form.get("slug", "").strip(), request.form.get("name", ""),
                                            data.actor(g.admin))
    except SchoolError as err:
        return _page(problem=str(err), status=400)
    flash(f"Created {school.name} ({school.slug}). Switch to it to load its lists.", "success")
    return redirect(url_for("console.schools"))


@bp.route("/schools/switch", methods=("POST",))
def switch_school():
    _trust_admin_only()
    school = get_store().school(request.form.get("school_id", type=int) or 0)
    if school is None:
        flash("There is no such school.", "error")
        return redirect(url_for("console.schools"))
    session["school_id"] = school.id
    flash(f"Now showing {school.name}.", "info")
    return redirect(url_for("console.overview"))


@bp.route("/schools/admins", methods=("POST",))
def create_school_admin():
    _trust_admin_only()
    school = get_store().school(request.form.get("school_id", type=int) or 0)
    email, password = request.form.get("email", "").strip().lower(), request.form.get("password", "")
    if school is None:
        return _page(problem="Choose the school the admin is for.", status=400)
    if "@" not in email or len(email) > 254:
        return _page(problem="Enter the admin's email address.", status=400)
    if len(password) < MIN_PASSWORD:
        return _page(problem=f"The password must be at least {MIN_PASSWORD} characters long.", status=400)
    if data.admin_exists(email):
        return _page(problem="There is already an account with that email.", status=400)
    get_store().upsert_admin(email, hash_password(password), data.actor(g.admin), school.id)
    flash(f"Created an admin account for {school.name}: {email}. They see that school alone.", "success")
    return redirect(url_for("console.schools"))


def _school(school_id: int):
    _trust_admin_only()
    school = get_store().school(school_id)
    if school is None:
        abort(404, "There is no such school: it may have been deleted.")
    return school


def _school_page(school, problem=None, status=200, form=None):
    store = get_store()
    counts = {kind: len(store.entries(kind, school.id)[1]) for kind in LIST_KINDS}
    staff_tokens = [t for t in store.tokens("staff", school.id) if t.revoked_at is None]
    return render_template("console/school.html", school=school, counts=counts, staff_tokens=len(staff_tokens),
                           admins=store.admins(school.id), admin_tokens=store.tokens("admin", school.id),
                           deletable=school.id != DEFAULT_SCHOOL_ID, problem=problem, form=form or {},
                           section="console.schools"), status


@bp.route("/schools/<int:school_id>", methods=("GET",))
def manage_school(school_id):
    return _school_page(_school(school_id))


@bp.route("/schools/<int:school_id>/rename", methods=("POST",))
def rename_school(school_id):
    school = _school(school_id)
    name, slug = request.form.get("name", ""), request.form.get("slug", "").strip()
    try:
        renamed = get_store().rename_school(school.id, data.actor(g.admin), slug=slug, name=name)
    except SchoolError as err:
        return _school_page(school, problem=str(err), status=400, form={"name": name, "slug": slug})
    flash(f"Saved: {renamed.name} ({renamed.slug}). Its lists, tokens and admins are unchanged.", "success")
    return redirect(url_for("console.manage_school", school_id=school.id))


@bp.route("/schools/<int:school_id>/admin-tokens/<int:token_id>/revoke", methods=("POST",))
def revoke_school_admin_token(school_id, token_id):
    school = _school(school_id)
    row = get_store().revoke_token(token_id, data.actor(g.admin), kind="admin", school_id=school.id)
    if row is None:
        flash("There is no such admin token for this school.", "error")
    else:
        flash(f"Revoked the admin token “{row.label}” of {school.name}. It stopped working at once.", "success")
    return redirect(url_for("console.manage_school", school_id=school.id))


@bp.route("/schools/<int:school_id>/admins/<int:admin_id>/remove", methods=("POST",))
def remove_school_admin(school_id, admin_id):
    school = _school(school_id)
    removed = get_store().remove_admin(admin_id, school.id, data.actor(g.admin))
    if removed is None:
        flash("There is no such admin account for this school.", "error")
    else:
        flash(f"Removed {removed.email}: they can no longer sign in to {school.name}.", "success")
    return redirect(url_for("console.manage_school", school_id=school.id))


@bp.route("/schools/<int:school_id>/delete", methods=("POST",))
def delete_school(school_id):
    school = _school(school_id)
    if request.form.get("confirm_slug", "").strip() != school.slug:
        return _school_page(school, problem=f"Nothing was deleted: type the slug {school.slug} to confirm.",
                            status=400)
    try:
        erased = get_store().delete_school(school.id, data.actor(g.admin))
    except SchoolError as err:
        return _school_page(school, problem=str(err), status=400)
    if session.get("school_id") == school.id:
        session.pop("school_id")
    flash(f"Deleted {school.name}: {erased['pupils']} pupils, {erased['staff']} staff and "
          f"{erased['school-terms']} school names erased, {erased['tokens']} tokens and "
          f"{erased['admins']} admin accounts removed.", "success")
    return redirect(url_for("console.schools"))
