"""Enrolment links (backend.enrolment): the admin issues, lists and revokes them; the extension
exchanges one for its staff token at POST /api/v1/enrol."""
from datetime import timedelta

from flask import Blueprint, current_app, g, jsonify, request

from backend import enrolment
from backend.api.bodies import json_object
from backend.api.schools import school_route
from backend.auth import require_admin
from backend.errors import ApiError
from backend.service import get_store

bp = Blueprint("admin_enrolments", __name__, url_prefix="/api/v1/admin")
exchange_bp = Blueprint("enrol", __name__, url_prefix="/api/v1")
MAX_LINKS = 5000  # one request; a trust's largest school has a few hundred staff


def base_url() -> str:
    """Where links send staff: PRECHECK_PUBLIC_URL, else the address this request came to."""
    return current_app.config.get("PUBLIC_URL") or request.url_root


@school_route(bp, "/enrolments", methods=("POST",))
@require_admin
def create():
    """`{"labels": ["Mrs A Example", …]}`, or `{"staff_list": true}` for everyone on the staff list
    without a link under way or used; optional `"days"` (default 5). 201 with each link, shown once."""
    data = json_object(1024 * 1024)
    days = data.get("days", enrolment.DEFAULT_LIFETIME.days)
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= enrolment.MAX_LIFETIME_DAYS:
        raise ApiError(400, "bad_request", f"'days' must be a whole number from 1 to {enrolment.MAX_LIFETIME_DAYS}.",
                       field="days")
    if data.get("staff_list") is True:
        labels = enrolment.staff_without_link(get_store(), g.school_id)
        if not labels:
            return jsonify(enrolments=[]), 200
    else:
        labels = data.get("labels")
        if not isinstance(labels, list) or not 0 < len(labels) <= MAX_LINKS:
            raise ApiError(400, "bad_request", "Send 'labels', a list of 1 to 5000 names, or \"staff_list\": true.",
                           field="labels")
    try:
        issued = enrolment.issue(get_store(), labels, base_url(), g.actor, g.school_id, timedelta(days=days))
    except enrolment.EnrolmentError as err:
        raise ApiError(400, "bad_request", str(err), field=err.field) from None
    return jsonify(enrolments=[{**i.enrolment.to_json(), "link": i.link} for i in issued]), 201


@school_route(bp, "/enrolments", methods=("GET",))
@require_admin
def listing():
    return jsonify(enrolments=[row.to_json() for row in enrolment.enrolments(get_store(), g.school_id)])


@school_route(bp, "/enrolments/<int:enrolment_id>", methods=("DELETE",))
@require_admin
def revoke(enrolment_id):
    row = enrolment.revoke(get_store(), enrolment_id, g.actor, g.school_id)
    if row is None:
        raise ApiError(404, "not_found", f"There is no enrolment link with id {enrolment_id}.")
    return jsonify(row.to_json())


@exchange_bp.post("/enrol")
def exchange():
    """`{"code": "pce_…"}` (what follows # in the link) -> 200 `{"token", "label"}`, once."""
    data = json_object(4 * 1024)
    result = enrolment.exchange(get_store(), data.get("code"))
    if result is None:
        raise ApiError(400, "enrolment_refused", "This enrolment link does not work: it was used already, has "
                       "expired or was revoked. Ask your Precheck admin for a new one.", field="code")
    row, token = result
    return jsonify(token=token, label=row.label), 200
