"""The three name lists: upload with a preview, search, add, edit and remove single entries."""
import re
from dataclasses import dataclass
from typing import Callable

from anyascii import anyascii
from flask import abort, flash, g, redirect, render_template, request, url_for

from backend.console import bp, data, uploads
from backend.console.forms import PupilForm, SchoolTermForm, StaffForm
from backend.store import entry_fingerprint
from backend.uploads import preview as preview_file
from nlp.lists import PARSERS, ListFormatError, Pupil, SchoolTerm, StaffMember

SHOW_AT_MOST = 100  # rows on one page; search finds the rest


@dataclass(frozen=True)
class ListSpec:
    kind: str
    endpoint: str
    title: str
    noun: str
    noun_plural: str
    article: str
    purpose: str
    file_hint: str
    search_hint: str
    columns: tuple[tuple[str, str], ...]  # (entry field, column heading)
    form: type
    to_entry: Callable  # form -> entry
    describe: Callable  # entry -> words for a button's accessible name
    sort_key: Callable  # entry -> the order the page lists entries in


def _aliases(text: str) -> tuple[str, ...]:
    seen = []
    for alias in re.split(r"[,\n]", text or ""):
        alias = " ".join(alias.split())
        if alias and alias.lower() not in (a.lower() for a in seen):
            seen.append(alias)
    return tuple(seen)


def _clean(value) -> str:
    return " ".join((value or "").split())


SPECS = {spec.kind: spec for spec in (
    ListSpec(
        kind="pupils", endpoint="console.pupils", title="Pupils", noun="pupil", noun_plural="pupils",
        article="a", purpose="Precheck warns staff who name a pupil on this list.",
        file_hint="The CSV export of your MIS (SIMS, Arbor…) with Forename and Surname columns; "
                  "Preferred Forename, Year and Reg Group are used when present.",
        search_hint="name, year or form",
        columns=(("first_name", "First name"), ("last_name", "Surname"), ("preferred_name", "Preferred name"),
                 ("year", "Year"), ("form", "Form"), ("aliases", "Nicknames")),
        form=PupilForm,
        to_entry=lambda f: Pupil(first_name=_clean(f.first_name.data), last_name=_clean(f.last_name.data),
                                 preferred_name=_clean(f.preferred_name.data), year=_clean(f.year.data),
                                 form=_clean(f.form.data), aliases=_aliases(f.aliases.data)),
        describe=lambda e: f"{e.first_name} {e.last_name}",
        sort_key=lambda e: (e.last_name.casefold(), e.first_name.casefold()),
    ),
    ListSpec(
        kind="staff", endpoint="console.staff", title="Staff", noun="member of staff",
        noun_plural="staff", article="a", purpose="Precheck warns staff who name a colleague on this list.",
        file_hint="A CSV file with Title, Forename and Surname columns (or title, first_name, last_name).",
        search_hint="name",
        columns=(("title", "Title"), ("first_name", "First name"), ("last_name", "Surname")),
        form=StaffForm,
        to_entry=lambda f: StaffMember(title=_clean(f.title.data), first_name=_clean(f.first_name.data),
                                       last_name=_clean(f.last_name.data)),
        describe=lambda e: " ".join(p for p in (e.title, e.first_name, e.last_name) if p),
        sort_key=lambda e: (e.last_name.casefold(), e.first_name.casefold()),
    ),
    ListSpec(
        kind="school-terms", endpoint="console.school_terms", title="School names", noun="school name",
        noun_plural="school names", article="a",
        purpose="Names that identify the school or trust: its name, nicknames, hashtags, sites and groups.",
        file_hint="A CSV file with term and kind columns; kind is a label such as school, alias, place, "
                  "hashtag or group.",
        search_hint="name or kind",
        columns=(("term", "Name"), ("kind", "Kind")),
        form=SchoolTermForm,
        to_entry=lambda f: SchoolTerm(term=_clean(f.term.data), kind=_clean(f.kind.data).lower() or "school"),
        describe=lambda e: e.term,
        sort_key=lambda e: (e.kind.casefold(), e.term.casefold()),
    ),
)}
FIELD_LABELS = {"first_name": "first name", "last_name": "surname", "preferred_name": "preferred first name",
                "preferred_surname": "preferred surname (kept as a nickname)", "year": "year", "form": "form",
                "title": "title", "term": "name", "kind": "kind"}


def _spec(kind: str) -> ListSpec:
    if kind not in SPECS:
        abort(404)
    return SPECS[kind]


def _fold(text: str) -> str:
    """Case and accents folded as names are (anyascii): "zoe" finds Zoë, "lukasz" Łukasz."""
    return anyascii(text).casefold()


def _matches(entry, words: list[str]) -> bool:
    values = [str(v) for v in vars(entry).values() if isinstance(v, str)]
    values += list(getattr(entry, "aliases", ()))
    haystack = _fold(" ".join(values))
    return all(word in haystack for word in words)


def _list_page(kind: str):
    # Searches are POSTed: a name typed here must not end up in a URL, and so in access logs.
    spec = _spec(kind)
    version, rows = data.list_rows(kind)
    rows.sort(key=lambda row: spec.sort_key(row[1]))
    q = request.form.get("q", "").strip() if request.method == "POST" else ""
    words = _fold(q).split()
    shown = [(row_id, entry) for row_id, entry in rows if _matches(entry, words)] if words else rows
    return render_template("console/list.html", spec=spec, rows=shown, fingerprint=entry_fingerprint, total=len(rows), q=q,
                           version=version, limit=SHOW_AT_MOST, section=spec.endpoint)


@bp.route("/pupils", methods=("GET", "POST"))
def pupils():
    return _list_page("pupils")


@bp.route("/staff", methods=("GET", "POST"))
def staff():
    return _list_page("staff")


@bp.route("/school-terms", methods=("GET", "POST"))
def school_terms():
    return _list_page("school-terms")


def _entry_form_page(spec: ListSpec, form, heading: str, seen: str | None = None):
    hints = {"aliases": "Other names this pupil is known by, one per line or separated by commas.",
             "preferred_name": "The name the pupil goes by, if it differs from the first name.",
             "kind": "What the term is: " + ", ".join(SchoolTermForm.KIND_SUGGESTIONS) + ", or a word of your own."}
    return render_template("console/entry_form.html", spec=spec, form=form, heading=heading, hints=hints,
                           seen=seen, section=spec.endpoint)


@bp.route("/<kind>/new", methods=("GET", "POST"))
def add_entry(kind):
    spec = _spec(kind)
    form = spec.form()
    if form.validate_on_submit():
        entry = spec.to_entry(form)
        data.add_entry(kind, entry, g.admin)
        flash(f"Added {spec.describe(entry)}.", "success")
        return redirect(url_for(spec.endpoint))
    return _entry_form_page(spec, form, f"Add {spec.article} {spec.noun}")


def _gone(spec: ListSpec, outcome: str) -> str:
    return (f"That {spec.noun} was changed or removed meanwhile (perhaps by a list upload), so {outcome}. "
            "Find them in the list again.")


@bp.route("/<kind>/<int:row_id>/edit", methods=("GET", "POST"))
def edit_entry(kind, row_id):
    spec = _spec(kind)
    entry = data.list_entry(kind, row_id)
    if entry is None:
        flash(_gone(spec, "nothing was saved"), "error")
        return redirect(url_for(spec.endpoint))
    form = spec.form(data=vars(entry) | ({"aliases": "\n".join(entry.aliases)} if kind == "pupils" else {}))
    if form.validate_on_submit():
        changed = spec.to_entry(form)
        if data.update_entry(kind, row_id, request.form.get("seen", ""), changed, g.admin) is None:
            flash(_gone(spec, "nothing was saved"), "error")
        else:
            flash(f"Saved {spec.describe(changed)}.", "success")
        return redirect(url_for(spec.endpoint))
    return _entry_form_page(spec, form, f"Edit {spec.describe(entry)}",
                            seen=request.form.get("seen") or entry_fingerprint(entry))


@bp.route("/<kind>/<int:row_id>/remove", methods=("POST",))
def remove_entry(kind, row_id):
    spec = _spec(kind)
    entry = data.list_entry(kind, row_id)
    if entry is None or data.remove_entry(kind, row_id, request.form.get("seen", ""), g.admin) is None:
        flash(_gone(spec, "nothing was removed"), "error")
    else:
        flash(f"Removed {spec.describe(entry)}.", "success")
    return redirect(url_for(spec.endpoint))


@bp.route("/<kind>/upload", methods=("POST",))
def upload(kind):
    spec = _spec(kind)
    file = request.files.get("file")  # an oversized body was refused already (413, see too_large)
    if file is None or not file.filename:
        flash("Choose a CSV file to upload. Nothing was changed.", "error")
        return redirect(url_for(spec.endpoint))
    raw = file.read()
    try:
        PARSERS[kind](raw)
    except ListFormatError as err:
        # the message names the line and the problem, never the file's contents: a flash lives in the cookie
        where = f"line {err.line}: " if err.line else ""
        name = file.filename if len(file.filename) <= 80 else file.filename[:79] + "…"
        flash(f"“{name}” cannot be used, so nothing was changed: {where}{err.summary}", "error")
        return redirect(url_for(spec.endpoint))
    upload_id = uploads.keep(g.admin.id, g.school.id, kind, file.filename, raw)
    return redirect(url_for("console.preview_upload", kind=kind, upload_id=upload_id))


def _pending(kind: str, upload_id: int):
    pending = uploads.fetch(upload_id, g.admin.id, g.school.id, kind)
    if pending is None:
        flash("That upload has expired or was already used. Upload the file again.", "error")
    return pending


@bp.route("/<kind>/upload/<int:upload_id>", methods=("GET",))
def preview_upload(kind, upload_id):
    spec = _spec(kind)
    pending = _pending(kind, upload_id)
    if pending is None:
        return redirect(url_for(spec.endpoint))
    _, current = data.list_rows(kind)
    change = preview_file(kind, pending.data, [entry for _, entry in current])
    return render_template("console/preview.html", spec=spec, change=change, parsed=change.parsed,
                           filename=pending.filename, upload_id=upload_id, field_labels=FIELD_LABELS,
                           section=spec.endpoint)


@bp.route("/<kind>/upload/<int:upload_id>", methods=("POST",))
def confirm_upload(kind, upload_id):
    spec = _spec(kind)
    pending = _pending(kind, upload_id)
    if pending is None:
        return redirect(url_for(spec.endpoint))
    uploads.discard(upload_id)
    if request.form.get("decision") != "replace":
        flash("Upload cancelled. The list was not changed.", "info")
        return redirect(url_for(spec.endpoint))
    parsed = PARSERS[kind](pending.data)
    if not parsed.entries:
        flash("The file has no usable rows, so the list was not changed.", "error")
        return redirect(url_for(spec.endpoint))
    data.replace_list(kind, parsed.entries, g.admin)
    flash(f"The {spec.noun} list now has {len(parsed.entries)} entries from “{pending.filename}”.", "success")
    return redirect(url_for(spec.endpoint))
