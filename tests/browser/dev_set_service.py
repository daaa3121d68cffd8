"""The real Precheck service for the browser tests: the Service room's LiveService
(gunicorn on loopback, throw-away SQLite), loaded with the development set's name lists
through the admin API."""

from __future__ import annotations

import json
import socket
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # for measure_latency.py run as a script
    sys.path.insert(0, str(ROOT))

from tests.support.live_service import LiveService  # noqa: E402

DEV_SET = ROOT / "tests" / "data" / "thornbury"
LISTS = {"pupils": "pupils.csv", "staff": "staff.csv", "school-terms": "school-terms.csv"}


def dev_set_settings() -> dict:
    """The development set's settings without its working hours, so that what the
    tests see does not depend on the time of day they run at."""
    settings = json.loads((DEV_SET / "settings.json").read_text(encoding="utf-8"))
    settings.pop("working_hours", None)
    return settings


@contextmanager
def running_service():
    """The service with the development set's pupil, staff and school-term lists, and
    its settings (blocked domains, the school's note) but no working hours."""
    with LiveService(workers=2) as service:
        for kind, filename in LISTS.items():
            service.put_list(kind, (DEV_SET / filename).read_bytes())
        service.put_settings(dev_set_settings())
        yield service


def closed_port_url() -> str:
    """A loopback URL nothing listens on (the port is free once the probe closes)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"
