"""Admin: staff access tokens, shown once at issue, stored hashed, revoked at once."""
from flask import Blueprint, current_app, g, jsonify

from backend.api.bodies import json_object
from backend.auth import issue_token, require_admin
from backend.errors import ApiError

bp = Blueprint("admin_tokens", __name__, url_prefix="/api/v1/admin/tokens")
MAX_LABEL = 200


@bp.post("")
@require_admin
def create():
    data = json_object(64 * 1024)
    label = data.get("label", "")
    if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
        raise ApiError(400, "bad_request", f"'label' must be a non-empty string of at most {MAX_LABEL} "
                       "characters, e.g. the member of staff's name.", field="label")
    row, token = issue_token(current_app.extensions["precheck"].store, "staff", label.strip(), g.actor)
    return jsonify(id=row.id, token=token, label=row.label, created_at=row.created_at.isoformat()), 201


@bp.get("")
@require_admin
def listing():
    rows = current_app.extensions["precheck"].store.tokens("staff")
    return jsonify(tokens=[row.to_json() for row in rows])


@bp.delete("/<int:token_id>")
@require_admin
def revoke(token_id):
    row = current_app.extensions["precheck"].store.revoke_token(token_id, g.actor, kind="staff")
    if row is None:
        raise ApiError(404, "not_found", f"There is no staff token with id {token_id}.")
    return jsonify(id=row.id, revoked_at=row.revoked_at.isoformat())
