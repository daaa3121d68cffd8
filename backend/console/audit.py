"""The audit log page: who changed what and when, with counts; never list contents or drafts."""
from flask import render_template

from backend.console import bp, data

# The store's action codes, in words.
ACTIONS = {
    "lists.replace": "replaced a list", "lists.add": "added an entry", "lists.edit": "edited an entry",
    "lists.remove": "removed an entry", "settings.replace": "changed the settings",
    "token.create": "issued a token", "token.revoke": "revoked a token", "admin.create": "created an admin",
    "admin.remove": "removed an admin",
    "admin.reset-password": "reset an admin's password", "admin.sign-in": "signed in",
    "admin.locked-out": "account locked after failed sign-ins", "school.create": "added a school",
    "school.rename": "renamed a school", "school.delete": "deleted a school and erased its data",
    "enrolment.create": "created enrolment links", "enrolment.revoke": "revoked an enrolment link",
    "enrolment.exchange": "enrolled with a link",
    "exception.add": "made a school-wide exception", "exception.remove": "removed a school-wide exception",
}


def _who(actor: str) -> str:
    kind, _, rest = actor.partition(":")
    if kind == "admin":
        return rest
    if actor == "admin-token:env":
        return "admin API (PRECHECK_ADMIN_TOKEN)"
    if kind == "admin-token":
        return f"admin API token {rest}"
    if actor == "cli":
        return "server command line"
    if kind == "enrolment":
        return f"enrolment link {rest}"
    return actor


def _details(row) -> str:
    parts = [row.target] if row.target else []
    if row.count is not None:
        parts.append(f"{row.count} entr{'y' if row.count == 1 else 'ies'}" if row.action.startswith("lists.")
                     else f"{row.count}")
    if row.lists_version is not None:
        parts.append(f"list version {row.lists_version}")
    return " · ".join(parts)


@bp.route("/audit")
def audit():
    events = [{"at": row.at, "actor": _who(row.actor),
               "action": ACTIONS.get(row.action, row.action), "details": _details(row)}
              for row in data.audit_log()]
    return render_template("console/audit.html", events=events, section="console.audit")
