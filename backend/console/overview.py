"""The landing page: how many names are on each list, how many tokens are in use."""
from flask import render_template

from backend.console import bp, data
from backend.store import LIST_KINDS


@bp.route("/")
def overview():
    counts, version = {}, None
    for kind in LIST_KINDS:
        version, rows = data.list_rows(kind)
        counts[kind] = len(rows)
    return render_template("console/overview.html", counts=counts, version=version,
                           token_count=len(data.staff_tokens()), section="console.overview")
