"""GET /healthz: 200 once the NLP pipeline is loaded and the store answers, 503 otherwise."""
import logging

from flask import Blueprint, jsonify
from backend.service import get_service

bp = Blueprint("health", __name__)
log = logging.getLogger("precheck.health")


@bp.get("/healthz")
def healthz():
    service = get_service()
    try:
        store_ok = service.store.ping()
    except Exception as exc:
        log.warning("store unreachable", exc_info=exc)
        store_ok = False
    engines = service.engines
    if store_ok and not engines.ready:
        try:
            engines.warm_up()  # normally done before gunicorn forks; here for other servers
        except Exception as exc:
            log.error("loading the NLP pipeline failed", exc_info=exc)
    if not store_ok or not engines.ready:
        return jsonify(status="unavailable", store="ok" if store_ok else "unreachable",
                       pipeline="loaded" if engines.ready else "loading"), 503
    current = engines.current()
    return jsonify(status="ok", store="ok", pipeline=engines.model_name, lists_version=current.version)
