"""How code reaches the app's shared service (store, engines, limiter, short links): get_service()
and get_store() inside a request or app context, as the Flask tutorial's get_db(); service_of(app)
where there is an app but no context (gunicorn's hooks, start-up). create_app puts it in place."""
from typing import TYPE_CHECKING

from flask import Flask, current_app

if TYPE_CHECKING:  # backend/__init__ imports the modules that import this one
    from backend import Service
    from backend.store import Store

EXTENSION = "precheck"  # the service's key in app.extensions


def service_of(app: Flask) -> "Service":
    return app.extensions[EXTENSION]


def get_service() -> "Service":
    return service_of(current_app)


def get_store() -> "Store":
    return get_service().store
