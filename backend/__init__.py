"""The Precheck service: a Flask application factory (see the Flask tutorial's layout).

    create_app()                     # configuration from PRECHECK_* variables (and .env)
    create_app({"DATABASE_URL": …})  # tests override any key
"""
import logging.config
import os
import secrets
from dataclasses import dataclass, field

from dotenv import load_dotenv
from flask import Flask, request
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from sqlalchemy.exc import SQLAlchemyError

from backend import cli, console, errors, home, ratelimit  # noqa: F401  (registers worker-memory:// and precheck-file://)
from backend.auth import bearer_token, token_hash
from backend.api import check, exceptions, false_alarms, health, languagetool, lists, schools, settings, tokens
from backend.api import enrolment as enrolment_api
from backend.config import ConfigError, database_url, load_config
from backend.engines import EngineHolder
from backend.logs import logging_config
from backend.service import EXTENSION
from backend.shortlinks import ShortLinks
from backend.store import Store

__all__ = ["ConfigError", "create_app"]


@dataclass
class Service:
    """What the blueprints share: backend.service.get_service() (get_store() for its store)."""
    store: Store
    engines: EngineHolder
    limiter: Limiter
    short_links: ShortLinks = field(default_factory=ShortLinks)


class PrecheckFlask(Flask):
    def log_exception(self, exc_info) -> None:
        # Flask's default names the request and formats the message; ours does neither.
        logging.getLogger("precheck.errors").error("unhandled error", exc_info=exc_info)


def _secret_key(instance_path: str) -> str:
    """A random key kept in instance/secret_key (mode 0600), made once, shared by all workers."""
    path = os.path.join(instance_path, "secret_key")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        with open(path, encoding="ascii") as f:
            return f.read().strip()
    key = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key + "\n")
    return key


def _credential_key() -> str:
    """Admin rate limits count per bearer credential (its hash, however the header is
    written), or per address without one."""
    token = bearer_token()
    if token:
        return "token:" + token_hash(token)
    return "addr:" + (get_remote_address() or "unknown")


def _rate_limit_storage(config: dict, instance_path: str) -> str:
    """Redis when configured (several hosts), else the limits storage URL given, else a
    counters file every worker on this machine shares (backend.ratelimit.SharedFileStorage)."""
    if config["REDIS_URL"]:
        return config["REDIS_URL"]
    return config["RATE_LIMIT_STORAGE"] or "precheck-file://" + os.path.join(instance_path, "ratelimits.sqlite3")


def _cors_origins(extension_ids) -> list:
    if extension_ids:
        return [f"chrome-extension://{i}" if len(i) == 32 else f"moz-extension://{i.lower()}" for i in extension_ids]
    return [r"^chrome-extension://[a-p]{32}$", r"^moz-extension://[0-9a-f-]{36}$"]


def _no_store_api_answers(response):
    # Check answers quote pupils' names and admin answers hold lists and tokens: no cache keeps them.
    if request.path.startswith("/api/"):
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app; raises ConfigError naming the variable when the configuration is unusable."""
    load_dotenv()
    config = load_config()
    if test_config:
        config.update(test_config)
    instance_path = config["INSTANCE_PATH"]
    app = PrecheckFlask(__name__, instance_path=os.path.abspath(instance_path) if instance_path else None)
    logging.config.dictConfig(logging_config(config["LOG_LEVEL"]))
    os.makedirs(app.instance_path, exist_ok=True)
    config["DATABASE_URL"] = database_url(config["DATABASE_URL"], app.instance_path)
    config["SECRET_KEY"] = config["SECRET_KEY"] or _secret_key(app.instance_path)
    config["MAX_CONTENT_LENGTH"] = config["MAX_UPLOAD_MB"] * 1024 * 1024
    app.config.update(config)
    app.json.sort_keys = False

    try:
        store = Store(app.config["DATABASE_URL"])
        store.create_schema()
    except (SQLAlchemyError, ImportError) as exc:  # unknown dialect, missing driver, unreachable server
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0] or type(exc).__name__
        raise ConfigError("PRECHECK_DATABASE_URL", f"cannot open the database: {reason}") from None
    engines = EngineHolder(store, app.config["SPACY_MODEL"], app.config["RELOAD_INTERVAL"],
                           app.config["RELOAD_WAIT"], app.config["FAULT_TRIGGER"])
    # A Redis that stops answering must not hold requests up for long (charge_check then counts
    # per worker); one that is down answers "refused" at once.
    storage_options = {"socket_connect_timeout": 1, "socket_timeout": 1} if app.config["REDIS_URL"] else {}
    limiter = Limiter(_credential_key, app=app, storage_uri=_rate_limit_storage(app.config, app.instance_path),
                      storage_options=storage_options, in_memory_fallback_enabled=True, headers_enabled=True,
                      default_limits=[])
    app.extensions[EXTENSION] = Service(store, engines, limiter)

    CORS(app, resources={r"/api/*": {"origins": _cors_origins(app.config["EXTENSION_IDS"])},
                         r"/healthz": {"origins": _cors_origins(app.config["EXTENSION_IDS"])}},
         allow_headers=["Authorization", "Content-Type"], methods=["GET", "POST", "PUT", "DELETE"],
         max_age=600)
    # checks are counted per token id once authenticated (backend.ratelimit.charge_check)
    for admin_bp in (lists.bp, tokens.bp, settings.bp, schools.bp, enrolment_api.bp, exceptions.bp):
        limiter.limit(lambda: app.config["RATE_LIMIT_ADMIN"])(admin_bp)
    # a code is 256 random bits: this only keeps a client that loops on a dead link from costing much
    limiter.limit(lambda: app.config["RATE_LIMIT_SIGN_IN"], key_func=get_remote_address)(enrolment_api.exchange_bp)
    app.url_value_preprocessor(schools.pop_school_slug)
    for blueprint in (home.bp, health.bp, check.bp, false_alarms.bp, languagetool.bp, lists.bp, tokens.bp,
                      settings.bp, schools.bp, enrolment_api.bp, enrolment_api.exchange_bp, exceptions.bp):
        app.register_blueprint(blueprint)
    errors.register(app)
    app.after_request(_no_store_api_answers)
    console.init_app(app)  # the admin console at /admin/ (backend/console/)
    cli.register(app)
    return app
