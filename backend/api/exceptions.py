"""Admin: what staff reported as false alarms this month, and the school-wide exceptions.

An exception is list data: adding or removing one bumps the school's lists_version, so it is in
force in every worker within 2 seconds, like a list upload (backend.engines)."""
from flask import Blueprint, g, jsonify

from backend.api.bodies import json_object
from backend.api.check import utf16_length
from backend.api.schools import school_route
from backend.auth import require_admin
from backend.errors import ApiError
from backend.service import get_store
from backend.store import MAX_WORDS, utcnow
from nlp.excepted import words_key
from nlp.findings import CATEGORIES

bp = Blueprint("admin_exceptions", __name__, url_prefix="/api/v1/admin")


def exception_json(row) -> dict:
    return {"id": row.id, "category": row.category, "words": row.words,
            "created_at": row.created_at.isoformat() if row.created_at else None}


@school_route(bp, "/false-alarms", methods=("GET",))
@require_admin
def false_alarms():
    month = utcnow().strftime("%Y-%m")
    return jsonify(month=month, false_alarms=[
        {"category": c.category, "words": c.words, "staff": c.staff, "exception_id": c.exception_id}
        for c in get_store().false_alarms(g.school_id, month)])


@school_route(bp, "/exceptions", methods=("GET",))
@require_admin
def listing():
    return jsonify(exceptions=[exception_json(row) for row in get_store().school_exceptions(g.school_id)])


@school_route(bp, "/exceptions", methods=("POST",))
@require_admin
def create():
    data = json_object(4 * 1024)
    category, words = data.get("category"), data.get("words")
    if category not in CATEGORIES:
        raise ApiError(400, "bad_request", "'category' must be one of the check's categories.", field="category")
    if not isinstance(words, str) or not words_key(words) or utf16_length(words) > MAX_WORDS:
        raise ApiError(400, "bad_request", f"'words' must be the words, at most {MAX_WORDS} characters.",
                       field="words")
    row, version = get_store().add_exception(g.school_id, category, " ".join(words.split()), g.actor)
    return jsonify({**exception_json(row), "lists_version": version}), 201


@school_route(bp, "/exceptions/<int:exception_id>", methods=("DELETE",))
@require_admin
def remove(exception_id):
    version = get_store().remove_exception(g.school_id, exception_id, g.actor)
    if version is None:
        raise ApiError(404, "not_found", f"There is no exception with id {exception_id}.")
    return jsonify(id=exception_id, lists_version=version)
