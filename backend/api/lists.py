"""Admin: the name lists (pupils, staff, school terms), replaced whole from CSV."""
from dataclasses import asdict

from flask import Blueprint, current_app, g, jsonify, request

from backend.api.bodies import limit_body, require_content_type
from backend.api.schools import school_route
from backend.auth import require_admin
from backend.errors import ApiError
from backend.service import get_store
from backend.uploads import UnusableRows, parse_list
from nlp.lists import PARSERS, ListFormatError

bp = Blueprint("admin_lists", __name__, url_prefix="/api/v1/admin")

# Browsers and MIS tools label CSV files in several ways; Excel on Windows says vnd.ms-excel.
CSV_TYPES = ("text/csv", "application/csv", "text/plain", "application/vnd.ms-excel")
MAX_REJECTED_SHOWN = 20


def _kind(kind: str) -> str:
    if kind not in PARSERS:
        raise ApiError(404, "not_found", f"There is no list called {kind[:40]!r}; the lists are "
                       f"{', '.join(PARSERS)}.")
    return kind


@school_route(bp, "/lists/<kind>", methods=("PUT",))
@require_admin
def replace(kind):
    kind = _kind(kind)
    require_content_type(*CSV_TYPES)
    limit_body(current_app.config["MAX_CONTENT_LENGTH"])
    data = request.get_data(cache=False)
    try:
        parsed = parse_list(kind, data)
    except ListFormatError as err:
        rows = {"rejected": [{"line": n, "problem": p} for n, p in err.rejected[:MAX_REJECTED_SHOWN]]
                } if isinstance(err, UnusableRows) else {}
        raise ApiError(400, "bad_list", f"The {kind} list was not changed: {err}", line=err.line,
                       problem=err.problem, **rows) from None
    store = get_store()
    version = store.replace_list(kind, parsed.entries, g.actor, g.school_id)
    return jsonify(count=len(parsed.entries), lists_version=version, columns=parsed.columns,
                   ignored_columns=parsed.ignored_columns)


@school_route(bp, "/lists/<kind>", methods=("DELETE",))
@require_admin
def empty(kind):
    """Empty a list on purpose (an upload never does: a file with no entries is refused)."""
    kind = _kind(kind)
    version = get_store().replace_list(kind, [], g.actor, g.school_id)
    return jsonify(count=0, lists_version=version)


@school_route(bp, "/lists/<kind>", methods=("GET",))
@require_admin
def entries(kind):
    kind = _kind(kind)
    version, rows = get_store().entries(kind, g.school_id)
    return jsonify(kind=kind, count=len(rows), lists_version=version, entries=[asdict(e) for e in rows])
