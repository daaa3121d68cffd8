"""Credentials: bearer tokens for staff and admins, argon2 passwords for console accounts.

Tokens are 256 random bits, so a plain SHA-256 is enough to store them safely
(a slow password hash would only slow every check down); the database never
holds a token itself. Passwords, chosen by people, get argon2.
"""
import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections import OrderedDict
from datetime import timedelta
from functools import wraps

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, g, request
from sqlalchemy.exc import InterfaceError, OperationalError

from backend.errors import ApiError
from backend.service import get_store
from backend.store import DEFAULT_SCHOOL_ID

TOKEN_PREFIX = {"staff": "pcs_", "admin": "pca_"}
_passwords = PasswordHasher()
log = logging.getLogger("precheck.auth")


def new_token(kind: str) -> str:
    return TOKEN_PREFIX[kind] + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def token_hint(token: str) -> str:
    return token[:8]


def issue_token(store, kind: str, label: str, actor: str, school_id: int | None = None):
    """Create a token of a school (school_id None: a staff token of the default school, an admin
    token of the trust); returns (row, the token itself, which is shown once and never stored)."""
    token = new_token(kind)
    row = store.add_token(kind, label, token_hash(token), token_hint(token), actor, school_id)
    return row, token


def hash_password(password: str) -> str:
    return _passwords.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _passwords.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _unauthorized(what: str) -> ApiError:
    return ApiError(401, "unauthorized", f"A valid {what} is required: send it as 'Authorization: Bearer <token>'.")


class RecentStaffTokens:
    """The staff tokens this worker accepted lately, so that checks go on being answered, with the
    lists in force, while the database is unreachable for a while (a restart, a fail-over).
    Consulted only when the database cannot be asked: then no token can be issued or revoked
    either, and the first answer the database gives again is the one that counts. Bounded, and
    keyed on hashes, so it holds no token."""

    def __init__(self, grace: timedelta = timedelta(minutes=10), size: int = 20_000):
        self.grace, self.size = grace, size
        self._seen: OrderedDict[str, tuple[float, object, int | None]] = OrderedDict()
        self._lock = threading.Lock()

    def remember(self, hashed: str, row, version: int | None) -> None:
        with self._lock:
            self._seen[hashed] = (time.monotonic(), row, version)
            self._seen.move_to_end(hashed)
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)

    def recall(self, hashed: str):
        """(row, lists_version) as last accepted within the grace, or None."""
        with self._lock:
            seen = self._seen.get(hashed)
        if seen is None or time.monotonic() - seen[0] > self.grace.total_seconds():
            return None
        return seen[1], seen[2]


recent_staff_tokens = RecentStaffTokens()


def authenticate_staff(token: str | None) -> bool:
    """Whether `token` is a live staff token; if so sets g.actor, g.school_id (the token's own
    school: its lists, settings and engine) and g.lists_version (that school's, read in the same
    query as the token). Every way a staff token is presented
    (bearer header, LanguageTool path or apiKey) comes through here."""
    if not token:
        return False
    hashed = token_hash(token)
    try:
        row, g.lists_version = get_store().authenticate(hashed, "staff")
    except (OperationalError, InterfaceError):
        recalled = recent_staff_tokens.recall(hashed)
        if recalled is None:
            raise  # 503: the database is needed to know this token
        row, g.lists_version = recalled
        log.warning("database unreachable: a token accepted lately is checked with the lists in force")
    else:
        if row is not None:
            recent_staff_tokens.remember(hashed, row, g.lists_version)
    if row is None:
        return False
    g.actor = f"staff-token:{row.id}"
    g.school_id = row.school_id
    return True


def require_staff(view):
    """Only for a live staff bearer token. Runs before the body is read."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not authenticate_staff(bearer_token()):
            raise _unauthorized("staff access token")
        return view(*args, **kwargs)
    return wrapped


def _school_refused() -> ApiError:
    # The same answer whether or not another school by that slug exists: nothing about it leaks.
    return ApiError(403, "forbidden", "This admin token is for one school only: it cannot act on other "
                    "schools or on the trust's schools.")


def _authenticate_admin() -> None:
    """Sets g.actor and g.admin_school_id (None: the trust's admin) or raises 401."""
    token = bearer_token()
    if token is None:
        raise _unauthorized("admin token")
    given = token_hash(token)
    configured = current_app.config.get("ADMIN_TOKEN")
    if configured and hmac.compare_digest(given, token_hash(configured)):
        g.actor, g.admin_school_id = "admin-token:env", None
    else:
        row = get_store().find_token(given, "admin")
        if row is None:
            raise _unauthorized("admin token")
        g.actor, g.admin_school_id = f"admin-token:{row.id}", row.school_id


def require_admin(view):
    """Only for the bootstrap PRECHECK_ADMIN_TOKEN or a live stored admin token. Sets g.actor and
    g.school_id, the school the call acts on: the one named in the URL (/schools/<slug>/…), else
    a school admin's own school, else the default school. A school admin naming another school: 403."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        _authenticate_admin()
        slug = g.pop("school_slug", None)
        if slug is None:
            g.school_id = g.admin_school_id or DEFAULT_SCHOOL_ID
        else:
            school = get_store().school_by_slug(slug)
            if g.admin_school_id is not None and (school is None or school.id != g.admin_school_id):
                raise _school_refused()
            if school is None:
                raise ApiError(404, "not_found", f"There is no school with the slug {slug[:40]!r}.")
            g.school_id = school.id
        return view(*args, **kwargs)
    return wrapped


def require_trust_admin(view):
    """Only for the trust's admin tokens (not a school's); sets g.actor."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        _authenticate_admin()
        if g.admin_school_id is not None:
            raise _school_refused()
        return view(*args, **kwargs)
    return wrapped
