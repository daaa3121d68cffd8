"""Enrolment links for the staff list (backend.enrolment): issue them all at once, see who has
enrolled, revoke a link."""
from flask import current_app, flash, g, redirect, render_template, request, url_for

from backend import enrolment
from backend.console import bp, data
from backend.service import get_store


def _page(issued=None):
    store = get_store()
    return render_template("console/enrolment.html", rows=enrolment.enrolments(store, g.school.id),
                           without=enrolment.staff_without_link(store, g.school.id), issued=issued,
                           days=enrolment.DEFAULT_LIFETIME.days, section="console.enrolment_page")


@bp.route("/enrolment", methods=("GET",))
def enrolment_page():
    return _page()


@bp.route("/enrolment", methods=("POST",))
def issue_enrolment_links():
    store = get_store()
    labels = enrolment.staff_without_link(store, g.school.id)
    if not labels:
        flash("Everyone on the staff list has a link on its way or has enrolled. Nothing was created.", "info")
        return redirect(url_for("console.enrolment_page"))
    base = current_app.config.get("PUBLIC_URL") or request.url_root
    issued = enrolment.issue(store, labels, base, data.actor(g.admin), g.school.id)
    # The links exist only in this response: never stored, flashed or logged.
    if request.form.get("as") == "csv":
        return enrolment.links_csv(issued), 201, {
            "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-store",
            "Content-Disposition": f'attachment; filename="precheck-enrolment-{g.school.slug}.csv"'}
    return _page(issued), 201, {"Cache-Control": "no-store"}


@bp.route("/enrolment/<int:enrolment_id>/revoke", methods=("POST",))
def revoke_enrolment(enrolment_id):
    row = enrolment.revoke(get_store(), enrolment_id, data.actor(g.admin), g.school.id)
    if row is None:
        flash("There is no such enrolment link.", "error")
    else:
        flash(f"Revoked the link for “{row.label}”" + (" and the token it gave." if row.token_id else ".")
              + " It stopped working at once.", "success")
    return redirect(url_for("console.enrolment_page"))
