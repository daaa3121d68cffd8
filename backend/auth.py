"""Credentials: bearer tokens for staff and admins, argon2 passwords for console accounts.

Tokens are 256 random bits, so a plain SHA-256 is enough to store them safely
(a slow password hash would only slow every check down); the database never
holds a token itself. Passwords, chosen by people, get argon2.
"""
import hashlib
import hmac
import secrets
from functools import wraps

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, g, request

from backend.errors import ApiError

TOKEN_PREFIX = {"staff": "pcs_", "admin": "pca_"}
_passwords = PasswordHasher()


def new_token(kind: str) -> str:
    return TOKEN_PREFIX[kind] + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def token_hint(token: str) -> str:
    return token[:8]


def issue_token(store, kind: str, label: str, actor: str):
    """Create a token; returns (row, the token itself, which is shown once and never stored)."""
    token = new_token(kind)
    row = store.add_token(kind, label, token_hash(token), token_hint(token), actor)
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


def authenticate_staff(token: str | None) -> bool:
    """Whether `token` is a live staff token; if so sets g.actor and g.lists_version (the
    store's, read in the same query as the token). Every way a staff token is presented
    (bearer header, LanguageTool path or apiKey) comes through here."""
    if not token:
        return False
    row, g.lists_version = current_app.extensions["precheck"].store.authenticate(token_hash(token), "staff")
    if row is None:
        return False
    g.actor = f"staff-token:{row.id}"
    return True


def require_staff(view):
    """Only for a live staff bearer token. Runs before the body is read."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not authenticate_staff(bearer_token()):
            raise _unauthorized("staff access token")
        return view(*args, **kwargs)
    return wrapped


def require_admin(view):
    """Only for the bootstrap PRECHECK_ADMIN_TOKEN or a live stored admin token; sets g.actor."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        token = bearer_token()
        if token is None:
            raise _unauthorized("admin token")
        given = token_hash(token)
        configured = current_app.config.get("ADMIN_TOKEN")
        if configured and hmac.compare_digest(given, token_hash(configured)):
            g.actor = "admin-token:env"
        else:
            row = current_app.extensions["precheck"].store.find_token(given, "admin")
            if row is None:
                raise _unauthorized("admin token")
            g.actor = f"admin-token:{row.id}"
        return view(*args, **kwargs)
    return wrapped
