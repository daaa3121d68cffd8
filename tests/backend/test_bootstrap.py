"""`python -m backend.bootstrap` (run by `make run`): instance/, schema, an admin token printed once."""
import hashlib
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

from backend.store import Store

REPO = Path(__file__).resolve().parents[2]


def bootstrap(instance, host=None, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PRECHECK_")}
    clean.update(PRECHECK_INSTANCE_PATH=str(instance), PRECHECK_SECRET_KEY="test", **env)
    args = ["--port", "8123"] + (["--host", host] if host else [])
    return subprocess.run([sys.executable, "-m", "backend.bootstrap", *args], cwd=REPO, env=clean,
                          capture_output=True, text=True, timeout=120)


def test_first_run_issues_an_admin_token_once_and_says_what_to_do(tmp_path):
    instance = tmp_path / "instance"
    first = bootstrap(instance)
    assert first.returncode == 0, first.stderr
    tokens = re.findall(r"\bpca_[A-Za-z0-9_-]{30,}", first.stdout)
    assert len(tokens) == 1
    assert "http://127.0.0.1:8123" in first.stdout
    assert "create-staff-token" in first.stdout and "create-admin" in first.stdout
    store = Store(f"sqlite:///{instance / 'precheck.sqlite3'}")
    try:
        [row] = store.tokens("admin")
        assert row.token_hash == hashlib.sha256(tokens[0].encode()).hexdigest()
    finally:
        store.close()
    second = bootstrap(instance)
    assert second.returncode == 0 and not re.findall(r"\bpca_[A-Za-z0-9_-]{30,}", second.stdout)


def test_no_token_is_issued_when_the_environment_has_one(tmp_path):
    result = bootstrap(tmp_path / "instance", PRECHECK_ADMIN_TOKEN="an-admin-token-long-enough-to-use")
    assert result.returncode == 0
    assert "pca_" not in result.stdout and "PRECHECK_ADMIN_TOKEN" in result.stdout


def test_bad_configuration_is_one_clear_line(tmp_path):
    result = bootstrap(tmp_path / "instance", PRECHECK_DATABASE_URL="nonsense://")
    assert result.returncode == 3
    assert result.stderr.startswith("precheck: configuration error: PRECHECK_DATABASE_URL")


def test_listening_everywhere_prints_the_hosts_name_not_0_0_0_0(tmp_path):
    result = bootstrap(tmp_path / "instance", host="0.0.0.0")
    assert result.returncode == 0, result.stderr
    assert "http://0.0.0.0" not in result.stdout
    assert f"http://{socket.getfqdn()}:8123/admin/" in result.stdout


def test_the_public_url_is_what_staff_are_told(tmp_path):
    result = bootstrap(tmp_path / "instance", host="0.0.0.0", PRECHECK_PUBLIC_URL="https://precheck.school.example/")
    assert result.returncode == 0, result.stderr
    assert "https://precheck.school.example/admin/" in result.stdout
    assert "(Server URL: https://precheck.school.example)" in result.stdout
    assert "http://0.0.0.0" not in result.stdout and f"http://{socket.getfqdn()}" not in result.stdout
