"""Start the real service under gunicorn for a test, the way `make run` does.

    from tests.support.live_service import LiveService

    with LiveService(workers=2) as service:          # temp SQLite, known admin token
        token = service.staff_token()
        service.put_list("pupils", b"first_name,last_name\\nAisha,Khan\\n")
        answer = service.check("Well done Aisha Khan", token=token).json()
        service.output()                               # everything gunicorn printed so far

Or the pytest fixtures `live_service` (module-scoped, 2 workers) and
`live_service_factory` (call it with LiveService's arguments) from tests/conftest.py.
"""
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from bench.proc import children

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveService:
    """gunicorn serving backend.wsgi:app on a free loopback port; a context manager.

    database_url: None for a fresh SQLite file in a temp instance folder.
    env: extra/overriding environment variables (PRECHECK_* and others).
    The service is started with PRECHECK_FAULT_TRIGGER unset unless env sets it.
    """

    def __init__(self, workers: int = 2, database_url: str | None = None, env: dict | None = None,
                 admin_token: str | None = None, startup_timeout: float = 90.0, preload: bool = True):
        self.workers = workers
        self.admin_token = admin_token or "test-admin-" + secrets.token_urlsafe(24)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._tmp = tempfile.TemporaryDirectory(prefix="precheck-live-")
        self.instance_path = Path(self._tmp.name) / "instance"
        self.database_url = database_url or f"sqlite:///{self.instance_path / 'precheck.sqlite3'}"
        self.log_path = Path(self._tmp.name) / "gunicorn.log"
        self.startup_timeout = startup_timeout
        self.env = {
            "PRECHECK_DATABASE_URL": self.database_url,
            "PRECHECK_ADMIN_TOKEN": self.admin_token,
            "PRECHECK_INSTANCE_PATH": str(self.instance_path),
            "PRECHECK_WORKERS": str(workers),
            "PRECHECK_PRELOAD": "1" if preload else "0",
            # Tests and benchmarks send far more than a person types.
            "PRECHECK_RATE_LIMIT_CHECK": "1000000 per minute",
            "PRECHECK_RATE_LIMIT_ADMIN": "1000000 per minute",
            **(env or {}),
        }
        self.process: subprocess.Popen | None = None
        self.http = requests.Session()

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> "LiveService":
        env = {k: v for k, v in os.environ.items() if not k.startswith("PRECHECK_") or k.startswith("PRECHECK_TEST_")}
        env.update(self.env)
        env["PYTHONUNBUFFERED"] = "1"
        self.instance_path.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "backend/gunicorn_conf.py",
             "--bind", f"127.0.0.1:{self.port}", "backend.wsgi:app"],
            cwd=REPO, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self.output()}")
            try:
                if requests.get(self.url + "/healthz", timeout=10).status_code == 200:
                    return self
            except (requests.ConnectionError, requests.Timeout):  # not listening yet, or a busy machine
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the service did not become healthy in {self.startup_timeout}s:\n{self.output()}")

    def stop(self, timeout: float = 30.0) -> int | None:
        """Graceful stop (SIGTERM to the master), then SIGKILL to the group if it hangs."""
        if self.process is None:
            return None
        # Our own keep-alive connections would hold a gthread worker until the
        # graceful timeout, so they are closed before asking gunicorn to stop.
        self.http.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._log.close()
        return self.process.returncode

    def cleanup(self) -> None:
        self._tmp.cleanup()

    def __enter__(self) -> "LiveService":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
        self.cleanup()

    def worker_pids(self, timeout: float = 30.0) -> set[int]:
        """The pids of all `workers` of the master, once it has forked them all (the last may
        still be booting when the first answers)."""
        deadline = time.monotonic() + timeout
        while len(pids := set(children(self.process.pid))) < self.workers and time.monotonic() < deadline:
            time.sleep(0.1)
        return pids

    def output(self) -> str:
        """Everything gunicorn and the app wrote to stdout and stderr so far."""
        return self.log_path.read_bytes().decode("utf-8", "replace")

    # -- the API, for convenience ------------------------------------------------------

    def admin(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.admin_token}", **kwargs.pop("headers", {})}
        return self.http.request(method, self.url + path, headers=headers, timeout=60, **kwargs)

    def staff_token(self, label: str = "test") -> str:
        response = self.admin("POST", "/api/v1/admin/tokens", json={"label": label})
        response.raise_for_status()
        return response.json()["token"]

    def put_list(self, kind: str, csv: bytes | str) -> dict:
        body = csv.encode("utf-8") if isinstance(csv, str) else csv
        response = self.admin("PUT", f"/api/v1/admin/lists/{kind}", data=body,
                              headers={"Content-Type": "text/csv"})
        response.raise_for_status()
        return response.json()

    def put_settings(self, settings: dict) -> dict:
        response = self.admin("PUT", "/api/v1/admin/settings", json=settings)
        response.raise_for_status()
        return response.json()

    def check(self, text: str, context: dict | None = None, token: str | None = None,
              session: requests.Session | None = None) -> requests.Response:
        payload = {"text": text, **({"context": context} if context is not None else {})}
        return (session or self.http).post(self.url + "/api/v1/check", json=payload, timeout=60,
                                           headers={"Authorization": f"Bearer {token}"})

    def wait_for_version(self, version: int, token: str, timeout: float = 5.0) -> None:
        """Until a check answers with lists_version >= version (any worker)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.check("", token=token).json()["lists_version"] >= version:
                return
            time.sleep(0.05)
        raise TimeoutError(f"lists_version {version} not in force after {timeout}s")
