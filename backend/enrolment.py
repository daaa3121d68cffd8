"""Enrolment links: how a staff token reaches the member of staff without anyone copying it by hand.

The admin issues links for the staff list (console, CLI or API). Each link holds
a one-time code, `<server>/enrol#pce_…`, in its fragment, so opening it never
sends the code to the server's access log. The extension takes the link (from
the page it opens, or pasted in Options) and exchanges the code at
`POST /api/v1/enrol` for a new staff token. A code works once, expires after a
few days, can be revoked, and is stored only as its SHA-256, like tokens.
"""
import csv
import io
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import DateTime, Integer, String, select, update
from sqlalchemy.orm import Mapped, mapped_column

from backend.auth import new_token, token_hash, token_hint
from backend.store import (ANY_SCHOOL, DEFAULT_SCHOOL_ID, MAX_ID, ApiToken, AuditLog, Base, Store, as_utc, utcnow)

CODE_PREFIX = "pce_"
DEFAULT_LIFETIME = timedelta(days=5)  # a school week: long enough to get round to it, short if forwarded
MAX_LIFETIME_DAYS = 30
MAX_LABEL = 200
LINK_PATH = "/enrol"


class Enrolment(Base):
    """One member of staff's enrolment link: its code's hash, when it expires, and once used, the
    staff token it gave. On the store's Base, so create_schema makes its table with the others."""
    __tablename__ = "enrolments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_id: Mapped[int] = mapped_column(Integer, index=True)
    label: Mapped[str] = mapped_column(String(MAX_LABEL))  # who it is for, as on the staff list
    code_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    token_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the staff token it gave

    def state(self, now: datetime | None = None) -> str:
        """enrolled, revoked, expired or waiting (the link is out, not yet used)."""
        if self.used_at is not None:
            return "revoked" if self.revoked_at is not None else "enrolled"
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if as_utc(self.expires_at) <= (now or utcnow()) else "waiting"

    def to_json(self) -> dict:
        iso = lambda d: as_utc(d).isoformat() if d else None  # noqa: E731
        return {"id": self.id, "label": self.label, "state": self.state(), "created_at": iso(self.created_at),
                "expires_at": iso(self.expires_at), "enrolled_at": iso(self.used_at),
                "revoked_at": iso(self.revoked_at), "token_id": self.token_id}


@dataclass
class IssuedLink:
    """A link as issued: the only moment the code exists outside the member of staff's hands."""
    enrolment: Enrolment
    link: str


class EnrolmentError(ValueError):
    """Links cannot be issued as asked; `field` names what is wrong."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def link_for(base_url: str, code: str) -> str:
    return f"{base_url.rstrip('/')}{LINK_PATH}#{code}"


def staff_label(member) -> str:
    """How a member of staff on the list is named on their link, their token and the console."""
    return " ".join(part for part in (member.title, member.first_name, member.last_name) if part)


def _clean_labels(labels) -> list[str]:
    cleaned, seen = [], set()
    for label in labels:
        if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
            raise EnrolmentError("labels", f"each name must be a non-empty string of at most {MAX_LABEL} "
                                 "characters")
        label = " ".join(label.split())
        if label.casefold() not in seen:
            seen.add(label.casefold())
            cleaned.append(label)
    if not cleaned:
        raise EnrolmentError("labels", "name at least one member of staff")
    return cleaned


def issue(store: Store, labels, base_url: str, actor: str, school_id: int = DEFAULT_SCHOOL_ID,
          lifetime: timedelta = DEFAULT_LIFETIME) -> list[IssuedLink]:
    """One new link per name, in one transaction; the codes are returned, never stored."""
    labels = _clean_labels(labels)
    if not timedelta(hours=1) <= lifetime <= timedelta(days=MAX_LIFETIME_DAYS):
        raise EnrolmentError("days", f"a link lasts from 1 to {MAX_LIFETIME_DAYS} days")
    now = utcnow()
    issued = []
    with store.session() as s, s.begin():
        for label in labels:
            code = CODE_PREFIX + secrets.token_urlsafe(32)  # 256 bits, as tokens
            row = Enrolment(school_id=school_id, label=label, code_hash=token_hash(code), created_at=now,
                            expires_at=now + lifetime)
            s.add(row)
            issued.append(IssuedLink(row, link_for(base_url, code)))
        s.flush()
        s.add(AuditLog(actor=actor, action="enrolment.create", target="enrolment links", count=len(issued),
                       school_id=school_id))
    return issued


def links_csv(issued: list[IssuedLink]) -> str:
    """name,link,expires: for a mail merge (CLI and console alike)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "link", "expires"])
    for item in issued:
        writer.writerow([item.enrolment.label, item.link, f"{as_utc(item.enrolment.expires_at):%Y-%m-%d %H:%M} UTC"])
    return out.getvalue()


def enrolments(store: Store, school_id: int = DEFAULT_SCHOOL_ID) -> list[Enrolment]:
    with store.session() as s:
        return list(s.execute(select(Enrolment).where(Enrolment.school_id == school_id)
                              .order_by(Enrolment.label, Enrolment.id)).scalars())


def staff_without_link(store: Store, school_id: int = DEFAULT_SCHOOL_ID) -> list[str]:
    """Names on the staff list with no enrolment under way or done (none, or only expired or
    revoked links): whom "links for the staff list" issues to."""
    _, staff = store.entries("staff", school_id)
    now = utcnow()
    covered = {row.label.casefold() for row in enrolments(store, school_id)
               if row.state(now) in ("waiting", "enrolled")}
    return [label for label in dict.fromkeys(staff_label(m) for m in staff) if label.casefold() not in covered]


def revoke(store: Store, enrolment_id: int, actor: str, school_id: "int | object" = ANY_SCHOOL) -> Enrolment | None:
    """The link stops working at once; if it was used, so does the token it gave. None: no such link."""
    if not 0 < enrolment_id <= MAX_ID:
        return None
    now = utcnow()
    with store.session() as s, s.begin():
        row = s.get(Enrolment, enrolment_id)
        if row is None or (school_id is not ANY_SCHOOL and row.school_id != school_id):
            return None
        if row.revoked_at is None:
            row.revoked_at = now
            if row.token_id is not None:
                s.execute(update(ApiToken).where(ApiToken.id == row.token_id, ApiToken.revoked_at.is_(None))
                          .values(revoked_at=now))
            s.add(AuditLog(actor=actor, action="enrolment.revoke", target=f"enrolment {row.id}",
                           school_id=row.school_id))
        return row


def exchange(store: Store, code: str) -> tuple[Enrolment, str] | None:
    """(the enrolment, a new staff token of its school) for a live code, once; None for a code that
    is unknown, used, expired or revoked (all alike, so an answer tells a guesser nothing)."""
    if not isinstance(code, str) or not code.startswith(CODE_PREFIX) or len(code) > 100:
        return None
    now = utcnow()
    with store.session() as s, s.begin():
        # One UPDATE takes the code: of two exchanges at once, only one sees a row changed.
        taken = s.execute(update(Enrolment).where(
            Enrolment.code_hash == token_hash(code), Enrolment.used_at.is_(None),
            Enrolment.revoked_at.is_(None), Enrolment.expires_at > now).values(used_at=now))
        if taken.rowcount != 1:
            return None
        row = s.execute(select(Enrolment).where(Enrolment.code_hash == token_hash(code))).scalar_one()
        token = new_token("staff")
        api_token = ApiToken(kind="staff", label=row.label, token_hash=token_hash(token), hint=token_hint(token),
                             created_at=now, school_id=row.school_id)
        s.add(api_token)
        s.flush()
        row.token_id = api_token.id
        s.add(AuditLog(actor=f"enrolment:{row.id}", action="enrolment.exchange",
                       target=f"staff token {api_token.id}", school_id=row.school_id))
        return row, token
