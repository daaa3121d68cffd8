"""Every error as the contract's JSON, `{"error": {"code", "message"}}`, and none of them quoting a body."""
import logging

from flask import jsonify
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from backend.store import SchoolGone

log = logging.getLogger("precheck.errors")

CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type",
    429: "rate_limited", 500: "internal_error", 503: "unavailable",
}


class ApiError(Exception):
    """An error answered as JSON; `field` names the offending input where there is one."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None, **extra):
        super().__init__(message)
        self.status, self.code, self.message, self.field, self.extra = status, code, message, field, extra
        self.headers: dict[str, str] = {}  # sent with the answer (Retry-After)

    def response(self):
        body = {"code": self.code, "message": self.message}
        if self.field:
            body["field"] = self.field
        body.update(self.extra)
        response = jsonify(error=body)
        response.status_code = self.status
        response.headers.update(self.headers)
        if self.status == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="precheck"'
        return response


def _http_error(exc: HTTPException):
    status = exc.code or 500
    if status == 429:
        message = f"Too many requests: the limit is {exc.description}. Try again shortly."
    elif status == 413:
        message = "The request body is larger than this service accepts."
    else:
        message = exc.description or exc.name  # werkzeug's fixed texts; never request content
    response = ApiError(status, CODES.get(status, exc.name.lower().replace(" ", "_")), message).response()
    if getattr(exc, "valid_methods", None):
        response.headers["Allow"] = ", ".join(exc.valid_methods)
    return response


def _unexpected(exc: Exception):
    # exc_info goes through backend.logs.JsonFormatter, which logs type and code locations only.
    log.error("unhandled error", exc_info=exc)
    return ApiError(500, "internal_error", "The service hit an internal error; nothing was stored. "
                    "The error has been logged (without the request's content).").response()


def _store_unreachable(exc: Exception):
    log.error("the store did not answer", exc_info=exc)
    response = ApiError(503, "unavailable", "The service cannot reach its database just now; "
                        "nothing was checked or stored. Try again shortly.").response()
    response.headers["Retry-After"] = "5"
    return response


def response_for(exc: Exception):
    """The JSON error answer the app gives for `exc` (logging it as the handlers below do), for
    endpoints that answer errors in another shape (backend/api/languagetool.py)."""
    if isinstance(exc, ApiError):
        return exc.response()
    if isinstance(exc, (OperationalError, InterfaceError)):
        return _store_unreachable(exc)
    if isinstance(exc, HTTPException):
        return _http_error(exc)
    return _unexpected(exc)


def _school_gone(_exc):
    return ApiError(404, "not_found", "This school has been deleted; nothing was changed.").response()


def register(app) -> None:
    app.register_error_handler(ApiError, lambda exc: exc.response())
    app.register_error_handler(SchoolGone, _school_gone)  # deleted while the change was under way
    # A lost database connection is an outage to report as such, not a bug.
    app.register_error_handler(OperationalError, _store_unreachable)
    app.register_error_handler(InterfaceError, _store_unreachable)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
