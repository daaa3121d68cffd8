"""POST /api/v1/false-alarms: a member of staff tells the school a warning was wrong.

Only the warning's category and its flagged words come in, and only they are kept (with the
month), so the admin sees which words staff find wrongly flagged ("Grace as a pupil's name:
dismissed by 14 staff this month") and can make a school-wide exception. Nothing of the draft
or its context is asked for, and anything else in the body is ignored, never stored. Staff are
counted once a month by a keyed hash of their token and the month: the school learns how many
reported the words, not who.
"""
import hashlib
import hmac

from flask import Blueprint, current_app, g, jsonify

from backend.api.bodies import json_object
from backend.api.check import utf16_length
from backend.auth import require_staff
from backend.errors import ApiError
from backend.ratelimit import charge_check
from backend.service import get_store
from backend.store import MAX_WORDS, utcnow
from nlp.excepted import words_key
from nlp.findings import CATEGORIES

bp = Blueprint("false_alarms", __name__, url_prefix="/api/v1")


def reporter_of(token_id: int, month: str) -> str:
    """The same for one token all month, unlinkable to it without the service's secret key."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"false-alarm|{token_id}|{month}".encode(), hashlib.sha256).hexdigest()


@bp.post("/false-alarms")
@require_staff
def report():
    charge_check()  # one budget with the token's checks
    data = json_object(4 * 1024)
    category, words = data.get("category"), data.get("words")
    if category not in CATEGORIES:
        raise ApiError(400, "bad_request", "'category' must be one of the check's categories.", field="category")
    if not isinstance(words, str) or not words_key(words) or utf16_length(words) > MAX_WORDS:
        raise ApiError(400, "bad_request", f"'words' must be the flagged words, at most {MAX_WORDS} characters.",
                       field="words")
    words = " ".join(words.split())
    month = utcnow().strftime("%Y-%m")
    token_id = int(g.actor.removeprefix("staff-token:"))
    counted = get_store().record_false_alarm(
        g.school_id, category, words, reporter_of(token_id, month), month)
    return jsonify({"counted": counted}), 202
