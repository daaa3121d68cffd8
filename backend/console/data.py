"""What the console reads and changes, on top of the service's store (backend.store).

Every change to a list or the settings is the store's own (it bumps lists_version
in the same transaction, so every worker picks it up); here they are asked for
on behalf of the signed-in admin, for the school the page shows.
"""
import hashlib
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import g
from sqlalchemy import DateTime, Integer, String, case, delete, or_, select, update
from sqlalchemy.orm import Mapped, mapped_column

from backend.auth import hash_password, issue_token, verify_password
from backend.service import get_store
from backend.store import DEFAULT_SCHOOL_ID, AdminUser, AuditLog, Base, School, as_utc, utcnow

MAX_FAILED_SIGN_INS = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_OUT = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=8)  # a working day; Flask's default cookie lives 31 days
# argon2 takes tens of milliseconds of CPU: one hash at a time per worker, and a sign-in that
# cannot get the slot within HASHING_WAIT seconds is refused ("busy") rather than queued.
HASHING_SLOTS = 1
HASHING_WAIT = 2.0
_hashing = threading.BoundedSemaphore(HASHING_SLOTS)
# Hashed when the email is unknown, so a wrong email takes as long as a wrong password.
_DUMMY_HASH = hash_password("not a real password")


def actor(admin) -> str:
    return f"admin:{admin.email}"


def school_id() -> int:
    """The school the page shows and changes (g.school, set for the signed-in admin by auth)."""
    return g.school.id


# -- schools ----------------------------------------------------------------------------

def school_for(admin: AdminUser, chosen_id) -> School:
    """The school a signed-in admin works on: a school admin's own, always; for the trust's
    admin, the one they chose (session), else the default school."""
    if admin.school_id is not None:
        return get_store().school(admin.school_id)
    chosen = get_store().school(chosen_id) if isinstance(chosen_id, int) else None
    return chosen or get_store().school(DEFAULT_SCHOOL_ID)


# -- signing in -------------------------------------------------------------------------

@dataclass(frozen=True)
class SignInOutcome:
    admin: AdminUser | None
    problem: str | None


def session_key(admin: AdminUser) -> str:
    """Ties a session to the password it was opened with: a password reset ends other sessions."""
    return hashlib.sha256(admin.password_hash.encode()).hexdigest()[:32]


class ConsoleSession(Base):
    """A signed-in console session, held server-side: the cookie only names it, so signing out
    ends it for every copy of the cookie. On the store's Base, so create_schema makes the table."""
    __tablename__ = "console_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the cookie's random id
    admin_id: Mapped[int] = mapped_column(Integer, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def _session_row_id(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8", "surrogatepass")).hexdigest()


def open_session(admin: AdminUser) -> str:
    """A new server-side session for the admin; returns the id the cookie carries."""
    session_id = secrets.token_urlsafe(32)
    with get_store().session() as s, s.begin():
        # sessions past their lifetime are gone for good
        s.execute(delete(ConsoleSession).where(ConsoleSession.created_at < utcnow() - SESSION_LIFETIME))
        s.add(ConsoleSession(id=_session_row_id(session_id), admin_id=admin.id, created_at=utcnow()))
    return session_id


def end_session(session_id: str | None) -> None:
    if session_id:
        with get_store().session() as s, s.begin():
            s.execute(delete(ConsoleSession).where(ConsoleSession.id == _session_row_id(session_id)))


def admin_for_session(admin_id, key, session_id=None) -> AdminUser | None:
    if admin_id is None or key is None or not isinstance(session_id, str):
        return None
    with get_store().session() as s:
        row = s.get(ConsoleSession, _session_row_id(session_id))
        admin = s.get(AdminUser, admin_id)
    if row is None or row.admin_id != admin_id or utcnow() - as_utc(row.created_at) > SESSION_LIFETIME:
        return None
    if admin is None or admin.disabled or session_key(admin) != key:
        return None
    return admin


def _lock_message(until: datetime, now: datetime) -> str:
    minutes = max(1, round((until - now).total_seconds() / 60))
    return (f"This account is locked after {MAX_FAILED_SIGN_INS} failed sign-ins. "
            f"Try again in {minutes} minute{'s' if minutes != 1 else ''}, or ask whoever runs the server "
            "to reset the password.")


class HashingBusy(Exception):
    """Every password-hashing slot stayed taken: the sign-in is refused rather than queued."""


def _verify(password_hash: str, password: str) -> bool:
    """argon2 with at most HASHING_SLOTS hashes at once in this worker: sign-in, which anyone can
    reach, must not take the CPU that checks need."""
    if not _hashing.acquire(timeout=HASHING_WAIT):
        raise HashingBusy
    try:
        return verify_password(password_hash, password)
    finally:
        _hashing.release()


def sign_in(email: str, password: str) -> SignInOutcome:
    """Check a password, counting failures; after 5 in 15 minutes the account is locked for 15.

    The attempt is counted before argon2 runs, in one conditional UPDATE: parallel attempts
    each take one of the 5, and none is verified once they are gone (a read, verify, write
    let 40 parallel guesses through 27 times)."""
    email = (email or "").strip().lower()
    wrong = SignInOutcome(None, "The email or password is not right.")
    now = utcnow()
    fresh = or_(AdminUser.first_failed_at.is_(None), AdminUser.first_failed_at < now - FAILURE_WINDOW)
    with get_store().session() as s, s.begin():
        counted = s.execute(
            update(AdminUser)
            .where(AdminUser.email == email, AdminUser.disabled.is_(False),
                   or_(AdminUser.locked_until.is_(None), AdminUser.locked_until <= now),
                   or_(fresh, AdminUser.failed_sign_ins < MAX_FAILED_SIGN_INS))
            .values(failed_sign_ins=case((fresh, 1), else_=AdminUser.failed_sign_ins + 1),
                    first_failed_at=case((fresh, now), else_=AdminUser.first_failed_at))
            .returning(AdminUser.id, AdminUser.failed_sign_ins)).first()
        if counted is None:
            admin = s.execute(select(AdminUser).where(AdminUser.email == email)).scalar_one_or_none()
    if counted is None:
        if admin is None or admin.disabled:
            _verify(_DUMMY_HASH, password)  # a wrong email takes as long as a wrong password
            return wrong
        locked_until = as_utc(admin.locked_until)
        return SignInOutcome(None, _lock_message(locked_until if locked_until and locked_until > now
                                                 else now + LOCK_OUT, now))
    with get_store().session() as s, s.begin():
        admin = s.get(AdminUser, counted.id)
        password_hash = admin.password_hash
    if _verify(password_hash, password):
        with get_store().session() as s, s.begin():
            admin = s.get(AdminUser, counted.id)
            admin.failed_sign_ins, admin.first_failed_at, admin.locked_until = 0, None, None
            admin.last_sign_in_at = utcnow()
            s.add(AuditLog(actor=actor(admin), action="admin.sign-in", target="", school_id=admin.school_id))
        return SignInOutcome(admin, None)
    if counted.failed_sign_ins >= MAX_FAILED_SIGN_INS:
        with get_store().session() as s, s.begin():
            admin = s.get(AdminUser, counted.id)
            admin.locked_until = utcnow() + LOCK_OUT
            admin.failed_sign_ins, admin.first_failed_at = 0, None
            s.add(AuditLog(actor=actor(admin), action="admin.locked-out", target="", count=MAX_FAILED_SIGN_INS,
                           school_id=admin.school_id))
            return SignInOutcome(None, _lock_message(admin.locked_until, utcnow()))
    return wrong


def admin_exists(email: str) -> bool:
    with get_store().session() as s:
        return s.execute(select(AdminUser.id).where(AdminUser.email == email.strip().lower())).first() is not None


# -- lists ------------------------------------------------------------------------------

def list_rows(kind: str) -> tuple[int, list[tuple[int, object]]]:
    """(lists_version, [(row id, entry)]) of one list, in upload order."""
    return get_store().rows(kind, school_id())


def list_entry(kind: str, row_id: int):
    """One entry of the school's list; None if there is none by that id in this school."""
    return get_store().entry(kind, row_id, school_id())


def add_entry(kind: str, entry, admin) -> int:
    return get_store().add_entry(kind, entry, actor(admin), school_id())


def update_entry(kind: str, row_id: int, seen: str, entry, admin) -> int | None:
    """Replace one entry as it was when the admin opened it (`seen`, its fingerprint);
    None if it is gone or was changed meanwhile."""
    return get_store().update_entry(kind, row_id, seen, entry, actor(admin), school_id())


def remove_entry(kind: str, row_id: int, seen: str, admin) -> int | None:
    return get_store().remove_entry(kind, row_id, seen, actor(admin), school_id())


def replace_list(kind: str, entries: list, admin) -> int:
    return get_store().replace_list(kind, entries, actor(admin), school_id())


# -- tokens, settings, audit -----------------------------------------------------------

def staff_tokens() -> list:
    return [t for t in get_store().tokens("staff", school_id()) if t.revoked_at is None]


def new_staff_token(label: str, admin):
    return issue_token(get_store(), "staff", label, actor(admin), school_id())


def revoke_staff_token(token_id: int, admin):
    return get_store().revoke_token(token_id, actor(admin), kind="staff", school_id=school_id())


def settings():
    return get_store().settings(school_id())


def replace_settings(new_settings, admin) -> int:
    return get_store().replace_settings(new_settings, actor(admin), school_id())


def audit_log(limit: int = 300) -> list[AuditLog]:
    """The school's events; the trust's admin also sees the trust's own (sign-ins, new schools)."""
    return get_store().audit_log(limit, school_id(), with_trust_events=g.admin.school_id is None)
