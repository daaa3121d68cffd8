"""Admin: the schools of a trust (contract, "Schools of one trust"), and the school-scoped URLs.

Every admin endpoint that acts on one school answers both at its own path
(`/api/v1/admin/lists/pupils`: the caller's school, or the default one) and under
`/api/v1/admin/schools/<slug>/` (that school); `school_route` registers both.
"""
from flask import Blueprint, g, jsonify

from backend.api.bodies import json_object
from backend.auth import issue_token, require_trust_admin
from backend.errors import ApiError
from backend.service import get_store
from backend.store import SchoolError

bp = Blueprint("admin_schools", __name__, url_prefix="/api/v1/admin/schools")
SCOPED_PREFIX = "/schools/<school_slug>"
MAX_LABEL = 200


def school_route(blueprint: Blueprint, rule: str, **options):
    """Route a view at `rule` and at `/schools/<slug>` + `rule` (the blueprint's prefix first).
    The slug reaches require_admin through g.school_slug (see pop_school_slug), not the view."""
    def register(view):
        blueprint.add_url_rule(rule, view_func=view, **options)
        blueprint.add_url_rule(SCOPED_PREFIX + rule, view_func=view, **options)
        return view
    return register


def pop_school_slug(_endpoint, values) -> None:
    """App-wide url_value_preprocessor: the slug is for require_admin, not for the views."""
    if values and "school_slug" in values:
        g.school_slug = values.pop("school_slug")


@bp.post("")
@require_trust_admin
def create():
    data = json_object(64 * 1024)
    try:
        school = get_store().create_school(data.get("slug"), data.get("name"), g.actor)
    except SchoolError as err:
        raise ApiError(400, "bad_school", str(err), field=err.field) from None
    return jsonify(school.to_json()), 201


@bp.get("")
@require_trust_admin
def listing():
    return jsonify(schools=[school.to_json() for school in get_store().schools()])


def _school_named():
    """The school of the URL's slug (taken from the URL by pop_school_slug), or 404."""
    slug = g.pop("school_slug")
    school = get_store().school_by_slug(slug)
    if school is None:
        raise ApiError(404, "not_found", f"There is no school with the slug {slug[:40]!r}.")
    return school


@bp.patch("/<school_slug>")
@require_trust_admin
def rename():
    """A new name and/or slug; everything of the school stays with it (its tokens keep working,
    its URLs take the new slug)."""
    school = _school_named()
    data = json_object(64 * 1024)
    if not {"slug", "name"} & set(data):
        raise ApiError(400, "bad_request", "Send the school's new 'name', 'slug' or both.", field="name")
    try:
        school = get_store().rename_school(school.id, g.actor, slug=data.get("slug"), name=data.get("name"))
    except SchoolError as err:
        raise ApiError(400, "bad_school", str(err), field=err.field) from None
    return jsonify(school.to_json())


@bp.delete("/<school_slug>")
@require_trust_admin
def delete():
    """Erase the school and everything that is its (lists, settings, tokens, admins, audit events)."""
    school = _school_named()
    try:
        erased = get_store().delete_school(school.id, g.actor)
    except SchoolError as err:
        raise ApiError(400, "bad_school", str(err), field=err.field) from None
    return jsonify(deleted=school.slug, erased=erased)


@bp.post("/<school_slug>/admin-tokens")
@require_trust_admin
def create_admin_token():
    school = _school_named()
    data = json_object(64 * 1024)
    label = data.get("label", f"{school.name} admin")
    if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
        raise ApiError(400, "bad_request", f"'label' must be a non-empty string of at most {MAX_LABEL} "
                       "characters.", field="label")
    row, token = issue_token(get_store(), "admin", label.strip(), g.actor, school_id=school.id)
    return jsonify(id=row.id, token=token, label=row.label, school=school.slug,
                   created_at=row.created_at.isoformat()), 201


@bp.get("/<school_slug>/admin-tokens")
@require_trust_admin
def admin_tokens():
    school = _school_named()
    return jsonify(tokens=[row.to_json() for row in get_store().tokens("admin", school.id)])


@bp.delete("/<school_slug>/admin-tokens/<int:token_id>")
@require_trust_admin
def revoke_admin_token(token_id):
    school = _school_named()
    row = get_store().revoke_token(token_id, g.actor, kind="admin", school_id=school.id)
    if row is None:
        raise ApiError(404, "not_found", f"{school.slug} has no admin token with id {token_id}.")
    return jsonify(id=row.id, revoked_at=row.revoked_at.isoformat())
