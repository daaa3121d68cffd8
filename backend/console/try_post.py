""""Try a post": a check through the same engine as the API, shown as staff would see it.

The text lives only in this request: it is not stored, logged, flashed or put
in a URL, and the page is sent with Cache-Control: no-store.
"""
from flask import g, render_template

from backend.console import bp, data
from backend.console.forms import TryPostForm
from backend.service import get_service
from nlp.context import Context
from nlp.findings import SEVERITIES
from nlp.spans import utf16_length, utf16_slice


def utf16_pieces(text: str, findings) -> list[tuple[str, bool]]:
    """The text cut into (piece, flagged) runs; findings' offsets are in UTF-16 code units."""
    marked = [False] * utf16_length(text)
    for finding in findings:
        for unit in range(max(0, finding.start), min(len(marked), finding.end)):
            marked[unit] = True
    pieces, start = [], 0
    for unit in range(1, len(marked) + 1):
        if unit == len(marked) or marked[unit] != marked[start]:
            pieces.append((utf16_slice(text, start, unit), marked[start]))
            start = unit
    return pieces


def run_check(text: str, context: Context):
    """Exactly what POST /api/v1/check does with a draft, for the lists and settings in force now."""
    service = get_service()
    current = service.engines.current(g.school.id, at_least=service.store.lists_version(school_id=g.school.id))
    findings = current.engine.check(text, context)
    return findings, current.settings.note


@bp.route("/try", methods=("GET", "POST"))
def try_post():
    _, settings = data.settings()
    form = TryPostForm()
    result = None
    if form.validate_on_submit():
        local_time = form.local_time.data.replace(tzinfo=settings.zone) if form.local_time.data else None
        context = Context(surface=form.surface.data, account=form.account.data,
                          has_media=bool(form.has_media.data), local_time=local_time)
        findings, note = run_check(form.text.data, context)
        findings = sorted(findings, key=lambda f: (SEVERITIES.index(f.severity), f.start))  # most serious first
        result = {"findings": findings, "note": note, "pieces": utf16_pieces(form.text.data, findings)}
    html = render_template("console/try_post.html", form=form, result=result, timezone=settings.timezone,
                           section="console.try_post")
    return html, 200, {"Cache-Control": "no-store"}
