"""WSGI entry point: `gunicorn backend.wsgi:app`, `flask --app backend.wsgi <command>`."""
import sys

from backend import ConfigError, create_app

try:
    app = create_app()
except ConfigError as err:
    # One plain line for the operator instead of a traceback.
    print(f"precheck: configuration error: {err}", file=sys.stderr)
    sys.exit(3)
