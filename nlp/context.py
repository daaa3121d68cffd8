"""Where and how a draft is being posted: the `context` object of a check request."""
from dataclasses import dataclass
from datetime import datetime

from nlp.errors import FieldError

SURFACES = ("post", "reply", "comment", "message")
ACCOUNTS = ("personal", "school")
MIN_YEAR, MAX_YEAR = 1900, 2999


class ContextError(FieldError):
    """A context field has the wrong type or value; `field` names it (context.surface)."""

    def __init__(self, field: str, message: str):
        super().__init__(f"context.{field}", message)


@dataclass(frozen=True)
class Context:
    site: str | None = None
    surface: str = "post"
    account: str = "personal"
    has_media: bool = False
    local_time: datetime | None = None  # always timezone-aware when set

    @classmethod
    def from_json(cls, data) -> "Context":
        """Validate the request's `context` (None or a dict); unknown keys are ignored."""
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise ContextError("", "must be an object")
        site = data.get("site")
        if site is not None and not isinstance(site, str):
            raise ContextError("site", "must be a string")
        surface = data.get("surface") or "post"
        if surface not in SURFACES:
            raise ContextError("surface", f"must be one of {', '.join(SURFACES)}")
        account = data.get("account") or "personal"
        if account not in ACCOUNTS:
            raise ContextError("account", f"must be one of {', '.join(ACCOUNTS)}")
        has_media = data.get("has_media", False)
        if not isinstance(has_media, bool):
            raise ContextError("has_media", "must be true or false")
        local_time = data.get("local_time")
        if local_time is not None:
            local_time = _parse_time(local_time)
        return cls(site=site, surface=surface, account=account, has_media=has_media,
                   local_time=local_time)


def _parse_time(value) -> datetime:
    if not isinstance(value, str):
        raise ContextError("local_time", "must be an ISO 8601 string")
    try:
        parsed = datetime.fromisoformat(value.strip().replace("z", "Z"))
    except ValueError:
        raise ContextError("local_time", "is not an ISO 8601 date and time") from None
    if parsed.tzinfo is None:
        raise ContextError("local_time", "needs a UTC offset, e.g. +00:00")
    # The contract's years: within them, moving to the school's time zone cannot leave the
    # calendar (9999-12-31T23:59:59-14:00 is in the year 10000 in London).
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise ContextError("local_time", f"must lie in the years {MIN_YEAR}-{MAX_YEAR}")
    return parsed
