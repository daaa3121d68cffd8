"""Throw-away databases: a SQLite file, or a PostgreSQL database made for one test and dropped after.

PostgreSQL runs when PRECHECK_TEST_POSTGRES_URL names a server (scripts/test.sh
starts one on 127.0.0.1:54329 and sets it); without it the postgres variants skip.
"""
import os
import secrets
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_ENV = "PRECHECK_TEST_POSTGRES_URL"


def postgres_server_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


@contextmanager
def postgres_database():
    """Yield the URL of a new, empty PostgreSQL database; drop it afterwards."""
    server = make_url(postgres_server_url())
    name = "precheck_test_" + secrets.token_hex(6)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def empty_postgres_database(url: str) -> None:
    """Empty every table of a test database (ids restart), much faster than a new database."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
            if tables:
                conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()
