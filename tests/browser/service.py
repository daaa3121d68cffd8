"""The real Precheck service for the browser tests, loaded with the development
set's name lists through the admin API.

Temporary starter: switch to the Service room's tests/support/live_service.py
once it lands (see docs/TEAM-NOTES.md)."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT / "tests" / "data" / "thornbury"


@dataclass(frozen=True)
class Service:
    url: str
    admin_token: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_service(workdir: Path):
    """gunicorn backend.wsgi:app on loopback with a throw-away SQLite store."""
    port = _free_port()
    admin_token = secrets.token_urlsafe(24)
    env = dict(os.environ,
               PRECHECK_DATABASE_URL=f"sqlite:///{workdir / 'precheck.db'}",
               PRECHECK_ADMIN_TOKEN=admin_token)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = open(workdir / "gunicorn.log", "wb")
    process = subprocess.Popen(
        [str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", "1", "backend.wsgi:app"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the service exited; see {workdir / 'gunicorn.log'}")
            try:
                if requests.get(f"{url}/healthz", timeout=2).json().get("status") == "ok":
                    break
            except (requests.ConnectionError, ValueError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the service did not become healthy within 120 s")
            time.sleep(0.3)
        yield Service(url, admin_token)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def load_dev_lists(service: Service) -> None:
    """Uploads the development set's pupil, staff and school-term lists."""
    headers = {"Authorization": f"Bearer {service.admin_token}", "Content-Type": "text/csv"}
    for kind, filename in [("pupils", "pupils.csv"), ("staff", "staff.csv"), ("school-terms", "school-terms.csv")]:
        answer = requests.put(f"{service.url}/api/v1/admin/lists/{kind}", headers=headers,
                              data=(DEV_SET / filename).read_bytes(), timeout=30)
        answer.raise_for_status()


def issue_staff_token(service: Service, label: str) -> str:
    answer = requests.post(f"{service.url}/api/v1/admin/tokens", json={"label": label},
                           headers={"Authorization": f"Bearer {service.admin_token}"}, timeout=10)
    answer.raise_for_status()
    return answer.json()["token"]
