"""The False alarms page: the words staff told the school were flagged wrongly this month, each
with a one-click school-wide exception, and the exceptions in force (removable)."""
from flask import abort, flash, g, redirect, render_template, request, url_for

from backend.console import bp, data
from backend.service import get_store
from backend.store import MAX_WORDS, utcnow
from nlp.excepted import words_key
from nlp.findings import CATEGORIES

# "Grace" + these words: what staff said the warning took the words for.
AS_WHAT = {
    "pupil-name": "as a pupil's name", "staff-name": "as a colleague's name",
    "school-reference": "as naming the school", "work-discussion": "as talk about work",
    "pupil-contact": "as contact with pupils or parents", "contact-details": "as personal contact details",
    "offensive": "as offensive", "reputation": "as harming the school's reputation",
    "unsafe-link": "as an unsafe link", "child-photo": "as a child in a photo",
    "direct-message": "as a private message to a pupil", "working-hours": "as during working hours",
}


def staff_count(n: int) -> str:
    return "1 member of staff" if n == 1 else f"{n} staff"


@bp.route("/false-alarms")
def false_alarms():
    store = get_store()
    month = utcnow()
    reports = [{"category": c.category, "words": c.words, "as_what": AS_WHAT[c.category],
                "staff": staff_count(c.staff), "exception_id": c.exception_id}
               for c in store.false_alarms(data.school_id(), month.strftime("%Y-%m"))]
    exceptions = [{"id": row.id, "words": row.words, "as_what": AS_WHAT.get(row.category, row.category),
                   "created_at": row.created_at} for row in store.school_exceptions(data.school_id())]
    return render_template("console/false_alarms.html", reports=reports, exceptions=exceptions,
                           month=month.strftime("%B %Y"), section="console.false_alarms")


@bp.route("/false-alarms/exceptions", methods=("POST",))
def make_exception():
    category, words = request.form.get("category", ""), " ".join(request.form.get("words", "").split())
    if category not in CATEGORIES or not words_key(words) or len(words) > MAX_WORDS:
        abort(400)
    get_store().add_exception(data.school_id(), category, words, data.actor(g.admin))
    flash(f"“{words}” is no longer flagged {AS_WHAT[category]} for anyone at {g.school.name}.", "success")
    return redirect(url_for("console.false_alarms"))


@bp.route("/false-alarms/exceptions/<int:exception_id>/remove", methods=("POST",))
def remove_exception(exception_id):
    if get_store().remove_exception(data.school_id(), exception_id, data.actor(g.admin)) is None:
        flash("There is no such exception.", "error")
    else:
        flash("The exception is removed: those words are flagged again.", "success")
    return redirect(url_for("console.false_alarms"))
