"""What the console reads and changes, on top of the service's store (backend.store).

The whole-list operations are the store's own; single-entry edits live here,
written on the store's models, and bump lists_version in the same transaction
exactly as a list upload does, so every worker picks them up the same way.
"""
import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from flask import current_app
from sqlalchemy import select

from backend.auth import hash_password, issue_token, verify_password
from backend.store import ROW_TYPES, AdminUser, AuditLog, Store, row_to_entry, utcnow

MAX_FAILED_SIGN_INS = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_OUT = timedelta(minutes=15)
# Hashed when the email is unknown, so a wrong email takes as long as a wrong password.
_DUMMY_HASH = hash_password("not a real password")


def store() -> Store:
    return current_app.extensions["precheck"].store


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; they were written in UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


def actor(admin) -> str:
    return f"admin:{admin.email}"


# -- signing in -------------------------------------------------------------------------

@dataclass(frozen=True)
class SignInOutcome:
    admin: AdminUser | None
    problem: str | None


def session_key(admin: AdminUser) -> str:
    """Ties a session to the password it was opened with: a password reset ends other sessions."""
    return hashlib.sha256(admin.password_hash.encode()).hexdigest()[:32]


def admin_for_session(admin_id, key) -> AdminUser | None:
    if admin_id is None or key is None:
        return None
    with store().session() as s:
        admin = s.get(AdminUser, admin_id)
    if admin is None or admin.disabled or session_key(admin) != key:
        return None
    return admin


def _lock_message(until: datetime, now: datetime) -> str:
    minutes = max(1, round((until - now).total_seconds() / 60))
    return (f"This account is locked after {MAX_FAILED_SIGN_INS} failed sign-ins. "
            f"Try again in {minutes} minute{'s' if minutes != 1 else ''}, or ask whoever runs the server "
            "to reset the password.")


def sign_in(email: str, password: str) -> SignInOutcome:
    """Check a password, counting failures; after 5 in 15 minutes the account is locked for 15."""
    email = (email or "").strip().lower()
    wrong = SignInOutcome(None, "The email or password is not right.")
    now = utcnow()
    with store().session() as s, s.begin():
        admin = s.execute(select(AdminUser).where(AdminUser.email == email).with_for_update()).scalar_one_or_none()
        if admin is None or admin.disabled:
            verify_password(_DUMMY_HASH, password)
            return wrong
        locked_until = _aware(admin.locked_until)
        if locked_until and locked_until > now:
            return SignInOutcome(None, _lock_message(locked_until, now))
        if verify_password(admin.password_hash, password):
            admin.failed_sign_ins, admin.first_failed_at, admin.locked_until = 0, None, None
            admin.last_sign_in_at = now
            s.add(AuditLog(actor=actor(admin), action="admin.sign-in", target=""))
            return SignInOutcome(admin, None)
        first = _aware(admin.first_failed_at)
        if first is None or now - first > FAILURE_WINDOW:
            admin.failed_sign_ins, admin.first_failed_at = 0, now
        admin.failed_sign_ins += 1
        if admin.failed_sign_ins >= MAX_FAILED_SIGN_INS:
            admin.locked_until = now + LOCK_OUT
            admin.failed_sign_ins, admin.first_failed_at = 0, None
            s.add(AuditLog(actor=actor(admin), action="admin.locked-out", target="",
                           count=MAX_FAILED_SIGN_INS))
            return SignInOutcome(None, _lock_message(admin.locked_until, now))
        return wrong


# -- lists ------------------------------------------------------------------------------

def list_rows(kind: str) -> tuple[int, list[tuple[int, object]]]:
    """(lists_version, [(row id, entry)]) of one list, in upload order."""
    row_type = ROW_TYPES[kind]
    st = store()
    with st.session() as s:
        while True:
            before = st.lists_version(s)
            rows = [(row.id, row_to_entry(kind, row))
                    for row in s.execute(select(row_type).order_by(row_type.id)).scalars()]
            if st.lists_version(s) == before:
                return before, rows


def list_entry(kind: str, row_id: int):
    with store().session() as s:
        row = s.get(ROW_TYPES[kind], row_id)
        return None if row is None else row_to_entry(kind, row)


def fingerprint(entry) -> str:
    """Identifies an entry's values. Row ids alone are not enough: a database may reuse them after a
    list is replaced, and an edit must never land on someone else who took the number."""
    return hashlib.sha256(repr(entry).encode()).hexdigest()[:16]


def _orm_values(entry) -> dict:
    """An entry as ORM column values (aliases as a list for the JSON column)."""
    values = dict(vars(entry))
    if "aliases" in values:
        values["aliases"] = list(values["aliases"])
    return values


def add_entry(kind: str, entry, admin) -> int:
    return _change(kind, admin, "lists.add", lambda s, row_type: s.add(row_type(**_orm_values(entry))))


def _row_as_seen(s, kind, row_type, row_id: int, seen: str):
    row = s.get(row_type, row_id)
    if row is None or fingerprint(row_to_entry(kind, row)) != seen:
        raise _Gone
    return row


def update_entry(kind: str, row_id: int, seen: str, entry, admin) -> int | None:
    """Replace one entry as it was when the admin opened it (`seen`, its fingerprint);
    None if it is gone or was changed meanwhile."""
    def apply(s, row_type):
        row = _row_as_seen(s, kind, row_type, row_id, seen)
        for name, value in _orm_values(entry).items():
            setattr(row, name, value)
    return _change(kind, admin, "lists.edit", apply)


def remove_entry(kind: str, row_id: int, seen: str, admin) -> int | None:
    def apply(s, row_type):
        s.delete(_row_as_seen(s, kind, row_type, row_id, seen))
    return _change(kind, admin, "lists.remove", apply)


class _Gone(Exception):
    pass


def _change(kind: str, admin, action: str, apply) -> int | None:
    """Apply one change and bump lists_version in the same transaction; audit kind and count only."""
    row_type = ROW_TYPES[kind]
    st = store()
    try:
        with st.session() as s, s.begin():
            version = Store._bump(s)
            apply(s, row_type)
            s.add(AuditLog(actor=actor(admin), action=action, target=kind, count=1, lists_version=version))
    except _Gone:
        return None
    return version


def replace_list(kind: str, entries: list, admin) -> int:
    return store().replace_list(kind, entries, actor(admin))


# -- tokens, settings, audit -----------------------------------------------------------

def staff_tokens() -> list:
    return [t for t in store().tokens("staff") if t.revoked_at is None]


def new_staff_token(label: str, admin):
    return issue_token(store(), "staff", label, actor(admin))


def revoke_staff_token(token_id: int, admin):
    return store().revoke_token(token_id, actor(admin), kind="staff")


def settings():
    return store().settings()


def replace_settings(new_settings, admin) -> int:
    return store().replace_settings(new_settings, actor(admin))


def audit_log(limit: int = 300) -> list[AuditLog]:
    return store().audit_log(limit)
