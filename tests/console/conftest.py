"""Fixtures for the console's Flask test-client tests: a fresh store and a signed-in admin."""
import re

import pytest

from backend.auth import hash_password

ADMIN_EMAIL = "office@thornbury.example"
ADMIN_PASSWORD = "correct horse battery staple"


@pytest.fixture
def app(app_factory):
    """The service's app (tests/conftest.py: SQLite, and PostgreSQL when available) with one admin."""
    app = app_factory()
    app.extensions["precheck"].store.upsert_admin(ADMIN_EMAIL, hash_password(ADMIN_PASSWORD), "test")
    return app


@pytest.fixture
def store(app):
    return app.extensions["precheck"].store


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "the page has no CSRF token field"
    return match[1]


def sign_in(client, email=ADMIN_EMAIL, password=ADMIN_PASSWORD):
    page = client.get("/admin/sign-in")
    return client.post("/admin/sign-in", data={"email": email, "password": password,
                                                "csrf_token": csrf_token(page.get_data(as_text=True))})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def admin_client(client):
    response = sign_in(client)
    assert response.status_code == 302, response.get_data(as_text=True)
    return client
