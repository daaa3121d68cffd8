"""docs/service.md documents every PRECHECK_* variable the service reads."""
from pathlib import Path

from backend.config import VARIABLES


def test_every_variable_is_documented():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "service.md").read_text()
    gunicorn_conf = (Path(__file__).resolve().parents[2] / "backend" / "gunicorn_conf.py").read_text()
    names = [v.name for v in VARIABLES] + [n for n in ("PRECHECK_WORKERS", "PRECHECK_THREADS", "PRECHECK_PRELOAD",
                                                       "PRECHECK_GRACEFUL_TIMEOUT", "PRECHECK_FORWARDED_ALLOW_IPS")
                                           if n in gunicorn_conf]
    assert len(names) == len(VARIABLES) + 5
    missing = [name for name in names if f"`{name}`" not in doc]
    assert not missing
