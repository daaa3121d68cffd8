"""Reading request bodies: content type, size and JSON, with errors that never quote the body."""
import json
import re

from flask import current_app, request

from backend.errors import ApiError

# Half of a UTF-16 surrogate pair, which json.loads lets through from a "\\udxxx" escape.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def limit_body(max_bytes: int) -> None:
    """Refuse (413) a body over max_bytes before reading it, declared length or not."""
    if request.content_length is not None and request.content_length > max_bytes:
        raise ApiError(413, "too_large", f"The request body is over the limit of {max_bytes} bytes.")
    request.max_content_length = max_bytes


def require_content_type(*accepted: str) -> None:
    if request.mimetype not in accepted:
        raise ApiError(415, "unsupported_media_type",
                       f"Send the body as {' or '.join(accepted)} (got {request.mimetype or 'no Content-Type'}).")


def _has_lone_surrogate(value) -> bool:
    if isinstance(value, str):
        return bool(LONE_SURROGATE.search(value))
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def _repair_lone_surrogates(value):
    # U+FFFD is one UTF-16 unit, as the surrogate was, so offsets into the text still hold.
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_repair_lone_surrogates(k): _repair_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_repair_lone_surrogates(v) for v in value]
    return value


def json_body(max_bytes: int | None = None, repair_lone_surrogates: bool = False):
    """The request's JSON document (any JSON value); 415/413/400 otherwise.

    JSON may escape half of a UTF-16 surrogate pair ("\\ud83d"), as JavaScript strings
    cut mid-emoji do; such strings cannot be stored (PostgreSQL refuses them) or encoded,
    so they are refused, or, for drafts, repaired.
    """
    require_content_type("application/json")
    limit_body(max_bytes or current_app.config["MAX_CONTENT_LENGTH"])
    raw = request.get_data(cache=False)
    try:
        # The decode error's own message quotes the body, so it is dropped, not logged or sent.
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise ApiError(400, "malformed_json", "The body is not valid JSON (UTF-8).") from None
    if repair_lone_surrogates:
        return _repair_lone_surrogates(data)
    if _has_lone_surrogate(data):
        raise ApiError(400, "bad_request", "The body contains half of a UTF-16 surrogate pair, "
                       "which is not a character.")
    return data


def json_object(max_bytes: int | None = None, repair_lone_surrogates: bool = False) -> dict:
    data = json_body(max_bytes, repair_lone_surrogates)
    if not isinstance(data, dict):
        raise ApiError(400, "bad_request", "The body must be a JSON object.")
    return data
