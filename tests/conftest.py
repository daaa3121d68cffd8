"""Fixtures shared by every room: app/client on SQLite and PostgreSQL, the live gunicorn service."""
import pytest
from playwright.sync_api import sync_playwright

from tests.support.databases import empty_postgres_database, postgres_database, postgres_server_url
from tests.support.live_service import LiveService

ADMIN_TOKEN = "test-admin-token-0123456789abcdef"


@pytest.fixture(scope="module")
def postgres_module_database():
    """A PostgreSQL database for one test module, dropped after it."""
    with postgres_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """An empty database per test: a new SQLite file, and (when available) PostgreSQL —
    a database per test module, its tables emptied before each test."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'precheck.sqlite3'}"
    if not postgres_server_url():
        pytest.skip("PRECHECK_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)")
    url = request.getfixturevalue("postgres_module_database")
    empty_postgres_database(url)
    return url


@pytest.fixture
def app_factory(database_url, tmp_path):
    """Build apps on the test's database; the keyword arguments override config keys."""
    from backend import create_app
    apps = []

    def make(**config):
        app = create_app({
            "TESTING": True,
            "DATABASE_URL": database_url,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "SECRET_KEY": "test-secret-key",
            **config,
        })
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["precheck"].store.close()


@pytest.fixture
def app(app_factory):
    return app_factory()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def admin_headers():
    return {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@pytest.fixture
def staff_token(client, admin_headers):
    response = client.post("/api/v1/admin/tokens", json={"label": "test staff"}, headers=admin_headers)
    assert response.status_code == 201
    return response.get_json()["token"]


@pytest.fixture
def staff_headers(staff_token):
    return {"Authorization": f"Bearer {staff_token}"}


@pytest.fixture
def live_service_factory():
    """Start LiveService(...) instances (gunicorn on free ports); all stopped at the end."""
    started = []

    def start(**kwargs) -> LiveService:
        service = LiveService(**kwargs)
        started.append(service)
        return service.start()

    yield start
    for service in started:
        service.stop()
        service.cleanup()


@pytest.fixture(scope="module")
def live_service():
    """One gunicorn service (2 workers, temp SQLite) shared by a test module."""
    with LiveService(workers=2) as service:
        yield service


@pytest.fixture(scope="session")
def playwright_instance():
    """The one Playwright driver of the session: its sync API allows only one per process."""
    with sync_playwright() as playwright:
        yield playwright
