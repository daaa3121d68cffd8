"""POST /api/v1/check: the draft in, findings citing the policy out. The draft is never kept."""
from flask import Blueprint, current_app, g, jsonify

from backend.api.bodies import json_object
from backend.auth import require_staff
from backend.errors import ApiError
from backend.namecaps import cap_name_findings
from backend.ratelimit import charge_check
from backend.service import get_service
from nlp import Context, ContextError
from nlp.catalogue import catalogue
from nlp.spans import utf16_length

bp = Blueprint("check", __name__, url_prefix="/api/v1")

# JSON escapes can make a body up to 6 bytes per UTF-16 unit of text ("\ud83d").
BYTES_PER_UNIT = 6
CONTEXT_ALLOWANCE = 16 * 1024


def check_draft(text: str, context: Context):
    """(findings, the engine version in force) for a draft of the staff member authenticated
    in this request; every check endpoint goes through here."""
    # The store may already hold a version this worker has not built yet (an upload a moment
    # ago, through another worker): wait briefly for it rather than answer from stale lists.
    service = get_service()
    current = service.engines.current(g.school_id, at_least=g.lists_version)
    findings = cap_name_findings(current.engine.check(text, context))
    return service.short_links.with_targets(findings, current.settings), current


@bp.post("/check")
@require_staff  # 401 before the body is read, so no one without a token learns anything
def check():
    charge_check()
    max_units = current_app.config["MAX_TEXT_LENGTH"]
    # A draft cut mid-emoji by the page carries a lone surrogate: repaired to U+FFFD, not refused.
    data = json_object(max_units * BYTES_PER_UNIT + CONTEXT_ALLOWANCE, repair_lone_surrogates=True)
    text = data.get("text")
    if not isinstance(text, str):
        raise ApiError(400, "bad_request", "'text' is required and must be a string.", field="text")
    if utf16_length(text) > max_units:
        raise ApiError(413, "too_large", f"The text is over the limit of {max_units} characters.", field="text")
    try:
        context = Context.from_json(data.get("context"))
    except ContextError as err:
        raise ApiError(400, "bad_request", str(err), field=err.field) from None
    findings, current = check_draft(text, context)
    answer = {
        "findings": [f.to_json() for f in findings],
        "lists_version": current.version,
    }
    if current.settings.note:
        answer["note"] = current.settings.note
    return jsonify(answer)


@bp.get("/categories")
@require_staff
def categories():
    """The categories as the token's school has them (clause, severity, checked, holds the post),
    so a client keeps no copy of its own."""
    current = get_service().engines.current(g.school_id, at_least=g.lists_version)
    return jsonify(categories=catalogue(current.settings), lists_version=current.version)
