"""gunicorn settings: `gunicorn --config backend/gunicorn_conf.py backend.wsgi:app`.

Its PRECHECK_* variables (PRECHECK_BIND, _WORKERS, _THREADS, _PRELOAD, _GRACEFUL_TIMEOUT,
_FORWARDED_ALLOW_IPS, _LOG_LEVEL) are in backend/config.py's table with the service's own.
"""
import gc

from backend.config import ConfigError, value
from backend.logs import logging_config
from backend.service import service_of

try:
    bind = value("PRECHECK_BIND")
    workers = value("PRECHECK_WORKERS")
    # Threads keep connections alive and let a request wait for a list reload without holding the worker.
    threads = value("PRECHECK_THREADS")
    # Load spaCy once in the master so the workers share its memory.
    preload_app = value("PRECHECK_PRELOAD")
    graceful_timeout = value("PRECHECK_GRACEFUL_TIMEOUT")
    forwarded_allow_ips = value("PRECHECK_FORWARDED_ALLOW_IPS")
    logconfig_dict = logging_config(value("PRECHECK_LOG_LEVEL"))
except ConfigError as err:
    # gunicorn prints a SystemExit's message as it is: one line, no traceback.
    raise SystemExit(f"precheck: configuration error: {err}") from None
worker_class = "gthread"
timeout = 60
keepalive = 5
# No runtime control socket: one fixed path per user would be shared by every instance on the host.
control_socket_disable = True
# Request line limits stay at gunicorn's defaults; bodies are the app's to limit (413).

# Access log: method, path without the query string, status, size, duration. Never a body.
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"


def when_ready(server):
    # With preload_app the app exists in the master: load spaCy and build the first Engine
    # before forking, so every worker starts warm and shares those pages.
    if preload_app:
        service_of(server.app.wsgi()).engines.warm_up()
        service_of(server.app.wsgi()).store.dispose()
        # The model's millions of objects live as long as the process: moved out of the
        # collector's sight, a worker's full collection no longer walks them in the middle of
        # a check (it cost a check 0.5 s of CPU), and their pages stay shared after the fork.
        gc.freeze()


def post_worker_init(worker):
    service = service_of(worker.wsgi)
    service.engines.warm_up()
    gc.freeze()  # as in when_ready, for a worker that loaded the model itself (PRECHECK_PRELOAD=0)
    service.engines.current()  # starts this worker's reload poller
