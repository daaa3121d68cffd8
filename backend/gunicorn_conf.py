"""gunicorn settings: `gunicorn --config backend/gunicorn_conf.py backend.wsgi:app`.

Environment: PRECHECK_WORKERS (2), PRECHECK_THREADS (4 per worker),
PRECHECK_BIND (127.0.0.1:8000, overridden by --bind), PRECHECK_GRACEFUL_TIMEOUT (30 s),
PRECHECK_PRELOAD (1: load spaCy once in the master so workers share its memory).
"""
import gc
import os

from backend.logs import logging_config


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise SystemExit(f"precheck: configuration error: {name}: must be a whole number above 0, not {raw!r}")
    return int(raw)


bind = os.environ.get("PRECHECK_BIND", "127.0.0.1:8000")
workers = _int("PRECHECK_WORKERS", 2)
# Threads keep connections alive and let a request wait for a list reload without holding the worker.
worker_class = "gthread"
threads = _int("PRECHECK_THREADS", 4)
preload_app = os.environ.get("PRECHECK_PRELOAD", "1") != "0"
graceful_timeout = _int("PRECHECK_GRACEFUL_TIMEOUT", 30)
timeout = 60
keepalive = 5
# No runtime control socket: one fixed path per user would be shared by every instance on the host.
control_socket_disable = True
# Request line limits stay at gunicorn's defaults; bodies are the app's to limit (413).
forwarded_allow_ips = os.environ.get("PRECHECK_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Access log: method, path without the query string, status, size, duration. Never a body.
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
logconfig_dict = logging_config(os.environ.get("PRECHECK_LOG_LEVEL", "INFO").upper())


def _service(app):
    return app.extensions["precheck"]


def when_ready(server):
    # With preload_app the app exists in the master: load spaCy and build the first Engine
    # before forking, so every worker starts warm and shares those pages.
    if preload_app:
        _service(server.app.wsgi()).engines.warm_up()
        _service(server.app.wsgi()).store.dispose()
        # The model's millions of objects live as long as the process: moved out of the
        # collector's sight, a worker's full collection no longer walks them in the middle of
        # a check (it cost a check 0.5 s of CPU), and their pages stay shared after the fork.
        gc.freeze()


def post_worker_init(worker):
    service = _service(worker.wsgi)
    service.engines.warm_up()
    gc.freeze()  # as in when_ready, for a worker that loaded the model itself (PRECHECK_PRELOAD=0)
    service.engines.current()  # starts this worker's reload poller
