"""Admin: staff access tokens, shown once at issue, stored hashed, revoked at once."""
from flask import Blueprint, g, jsonify

from backend.api.bodies import json_object
from backend.api.schools import school_route
from backend.auth import issue_token, require_admin
from backend.errors import ApiError
from backend.service import get_store

bp = Blueprint("admin_tokens", __name__, url_prefix="/api/v1/admin")
MAX_LABEL = 200


@school_route(bp, "/tokens", methods=("POST",))
@require_admin
def create():
    data = json_object(64 * 1024)
    label = data.get("label", "")
    if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
        raise ApiError(400, "bad_request", f"'label' must be a non-empty string of at most {MAX_LABEL} "
                       "characters, e.g. the member of staff's name.", field="label")
    store = get_store()
    row, token = issue_token(store, "staff", label.strip(), g.actor, g.school_id)
    return jsonify(id=row.id, token=token, label=row.label, created_at=row.created_at.isoformat()), 201


@school_route(bp, "/tokens", methods=("GET",))
@require_admin
def listing():
    rows = get_store().tokens("staff", g.school_id)
    return jsonify(tokens=[row.to_json() for row in rows])


@school_route(bp, "/tokens/<int:token_id>", methods=("DELETE",))
@require_admin
def revoke(token_id):
    store = get_store()
    row = store.revoke_token(token_id, g.actor, kind="staff", school_id=g.school_id)
    if row is None:
        raise ApiError(404, "not_found", f"There is no staff token with id {token_id}.")
    return jsonify(id=row.id, revoked_at=row.revoked_at.isoformat())
