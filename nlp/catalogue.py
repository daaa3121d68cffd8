"""The categories as one catalogue, built from the rule modules: what the service serves
(GET /api/v1/categories) and what the console and the LanguageTool API describe them with."""
from nlp.findings import CATEGORIES, HOLDING_SEVERITIES
from nlp.rules import RULES
from nlp.settings import Settings

# What each category covers, in a line an admin or a member of staff reads at a glance.
DESCRIPTIONS = {
    "pupil-name": "A pupil on the pupil list named or identifiable",
    "staff-name": "A colleague on the staff list named",
    "school-reference": "The school or trust identified: names, hashtags, places, form groups",
    "work-discussion": "Talking about work: lessons, marking, pupils, parents, meetings",
    "pupil-contact": "Inviting or engaging pupils or parents on a personal account",
    "contact-details": "A personal phone number or email address offered",
    "offensive": "Language that could offend a colleague, parent or pupil",
    "reputation": "Negative remarks about the school, its staff, governors, pupils or parents",
    "unsafe-link": "Link shorteners, plain http, raw IP addresses, blocked domains",
    "child-photo": "A photo or video that names or identifies a child",
    "direct-message": "A private message to a pupil",
    "working-hours": "A personal post during working hours",
}


def catalogue(settings: Settings = Settings()) -> list[dict]:
    """Every category in the contract's order, as a school's settings have it: its clause,
    severity, whether it is checked, and whether a finding of it holds the post back."""
    by_category = {rule.CATEGORY: rule for rule in RULES}
    entries = []
    for category in CATEGORIES:
        rule, setting = by_category[category], settings.categories.get(category)
        severity = (setting.severity if setting is not None else None) or rule.SEVERITY
        entries.append({
            "category": category,
            "description": DESCRIPTIONS[category],
            "clause": settings.clauses.get(category, rule.CLAUSE),
            "severity": severity,
            "enabled": setting is None or setting.enabled,
            "holds_post": severity in HOLDING_SEVERITIES,
        })
    return entries
