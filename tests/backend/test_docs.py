"""docs/service.md documents every PRECHECK_* variable the service reads."""
from pathlib import Path

from backend.config import VARIABLES


def test_every_variable_is_documented():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "service.md").read_text()
    # gunicorn's variables are in the table too (backend/gunicorn_conf.py reads them through it)
    missing = [v.name for v in VARIABLES if f"`{v.name}`" not in doc]
    assert not missing
