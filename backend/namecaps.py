"""Name findings a token may receive: the check must not answer, for any token holder, which of
a thousand candidate names are pupils (a 21 KB request listing 1,519 names did).

Two caps, each recorded in the audit log (at most once an hour per token and cap): one check
reports at most MAX_NAME_FINDINGS names, beyond which one whole-post finding says the post
names many people; and a token receives at most PRECHECK_NAME_FINDINGS_PER_HOUR name findings,
counted in the rate-limit storage (so across workers and hosts), beyond which names are
withheld behind one whole-post finding.
"""
from flask import current_app, g
from limits import parse, parse_many

from nlp.findings import Finding
from backend.service import get_service, get_store

NAME_CATEGORIES = ("pupil-name", "staff-name")
AUDIT_AT_MOST = parse("1 per hour")

MANY_NAMES = Finding(
    category="pupil-name", clause="4.2", severity="high", start=0, end=0, quote="",
    message="This post names many people; only the first ones are marked. Policy 4.2: children must not "
            "be identified by name on social media, and 4.1 asks staff not to post about school matters.",
    suggestion="Don't post a list of names; share pupils' news from the school account without surnames.")
NAMES_WITHHELD = Finding(
    category="pupil-name", clause="4.2", severity="high", start=0, end=0, quote="",
    message="This post may name pupils or colleagues. Your access token has had the most name warnings "
            "allowed in an hour, so the names are not marked for now.",
    suggestion="Read the post for names before posting; the names are marked again within the hour.")


def cap_name_findings(findings: list[Finding]) -> list[Finding]:
    """The findings to answer, with name findings held to both caps."""
    names = [f for f in findings if f.category in NAME_CATEGORIES and f.end > f.start]
    if not names:
        return findings
    cap = current_app.config["MAX_NAME_FINDINGS"]
    dropped = set()
    if len(names) > cap:
        dropped = {id(f) for f in names[cap:]}
        names = names[:cap]
        _audit("check.name-cap", len(names) + len(dropped))
    limiter = get_service().limiter.limiter
    within = all([limiter.hit(limit, "name-findings", g.actor, cost=len(names))
                  for limit in parse_many(current_app.config["NAME_FINDINGS_PER_HOUR"])])
    if not within:
        _audit("check.name-budget", len(names))
        return [NAMES_WITHHELD] + [f for f in findings if f.category not in NAME_CATEGORIES]
    kept = [f for f in findings if id(f) not in dropped]
    return [MANY_NAMES] + kept if dropped else kept


def _audit(action: str, count: int) -> None:
    """Record that this token reached a cap (who and how many, never the names), once an hour."""
    if get_service().limiter.limiter.hit(AUDIT_AT_MOST, "name-cap-audit", action, g.actor):
        get_store().audit(g.actor, action, target=g.actor, count=count,
                                                       school_id=g.school_id)
