"""Admin: the school's settings (working hours, blocked domains, categories, note)."""
from flask import Blueprint, g, jsonify

from backend.api.bodies import json_body
from backend.api.schools import school_route
from backend.auth import require_admin
from backend.errors import ApiError
from backend.service import get_store
from nlp import Settings, SettingsError

bp = Blueprint("admin_settings", __name__, url_prefix="/api/v1/admin")


@school_route(bp, "/settings", methods=("GET",))
@require_admin
def read():
    _, settings = get_store().settings(g.school_id)
    return jsonify(settings.to_json())


@school_route(bp, "/settings", methods=("PUT",))
@require_admin
def replace():
    data = json_body(256 * 1024)
    try:
        settings = Settings.from_json(data)
    except SettingsError as err:
        raise ApiError(400, "bad_setting", f"The settings were not changed: {err}", field=err.field) from None
    version = get_store().replace_settings(settings, g.actor, g.school_id)
    return jsonify({**settings.to_json(), "lists_version": version})
