"""The store: name lists, settings, tokens, admin accounts and the audit log.

SQLAlchemy, so the same code runs on SQLite (default) and PostgreSQL. Every
change to the lists or settings bumps `lists_version` in the same transaction,
so a worker that sees a version sees exactly the lists and settings written
with it. Drafts are never stored; tokens only as hashes.
"""
import json
import os
import threading
import time
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from sqlalchemy import (JSON, Boolean, DateTime, Integer, String, create_engine, delete, event, func,
                        insert, select, update)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

from nlp.lists import NameLists, Pupil, SchoolTerm, StaffMember
from nlp.settings import Settings

LIST_KINDS = ("pupils", "staff", "school-terms")
# A token's last use is written at most this often: a date for the admin, not a write per check.
LAST_USED_RESOLUTION = timedelta(minutes=5)
MAX_ID = 2**31 - 1
_CHANGED = "precheck_lists_changed"  # session.info flag set by Store._bump  # INTEGER primary keys, in SQLite and PostgreSQL alike


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _create_private_file(path: str | None) -> None:
    """A new SQLite file readable by the service's user only (it holds pupils' names);
    SQLite gives its -wal and -shm files the same mode."""
    if path and path != ":memory:" and not path.startswith("file:"):
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass


class Base(DeclarativeBase):
    pass


class StoreState(Base):
    """The single row holding the version of lists+settings, and the settings themselves."""
    __tablename__ = "store_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lists_version: Mapped[int] = mapped_column(Integer, default=0)
    settings: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # None: the defaults
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class PupilRow(Base):
    __tablename__ = "pupils"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    preferred_name: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[str] = mapped_column(String(50), default="")
    form: Mapped[str] = mapped_column(String(50), default="")
    aliases: Mapped[list] = mapped_column(JSON, default=list)


class StaffRow(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(50), default="")
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200))


class SchoolTermRow(Base):
    __tablename__ = "school_terms"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(50), default="school")


class ApiToken(Base):
    """A bearer token: `staff` for checks, `admin` for the admin API. Only its SHA-256 is kept."""
    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    label: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    hint: Mapped[str] = mapped_column(String(12))  # the first characters, to tell tokens apart
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    def to_json(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"id": self.id, "kind": self.kind, "label": self.label, "hint": self.hint,
                "created_at": iso(self.created_at), "last_used_at": iso(self.last_used_at),
                "revoked_at": iso(self.revoked_at)}


class AdminUser(Base):
    """An admin console account; the password is kept as an argon2 hash (backend.auth)."""
    __tablename__ = "admin_users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True, index=True)  # lower-cased
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # Lock-out bookkeeping: failures counted since first_failed_at; refused until locked_until.
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    first_failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditLog(Base):
    """Who changed what, when, and how much; never list contents, never drafts."""
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(320))  # "admin-token:env", "admin-token:3", "admin:a@b", "cli"
    action: Mapped[str] = mapped_column(String(50))  # e.g. "lists.replace", "token.revoke"
    target: Mapped[str] = mapped_column(String(100), default="")  # e.g. "pupils", "token 7"
    count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lists_version: Mapped[int | None] = mapped_column(Integer, nullable=True)

    def to_json(self) -> dict:
        return {"id": self.id, "at": self.at.isoformat() if self.at else None, "actor": self.actor,
                "action": self.action, "target": self.target, "count": self.count,
                "lists_version": self.lists_version}


ROW_TYPES = {"pupils": PupilRow, "staff": StaffRow, "school-terms": SchoolTermRow}
ENTRY_TYPES = {"pupils": Pupil, "staff": StaffMember, "school-terms": SchoolTerm}


def entry_to_row(kind: str, entry) -> dict:
    # vars(), not dataclasses.asdict: asdict deep-copies, which dominated a 100,000-row upload.
    values = dict(vars(entry))
    if kind == "pupils":
        values["aliases"] = json.dumps(list(values["aliases"]))  # JSON column, given as its text
    return values


def _bulk_insert(session, table, rows: list[dict]) -> None:
    """One driver-level executemany for a whole list: SQLAlchemy's per-row parameter
    processing cost several times the insert itself (20,000 pupils: 0.85 s -> 0.2 s)."""
    conn = session.connection()
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(rows[0]))
    params = [tuple(row[key] for key in compiled.positiontup) for row in rows] if compiled.positional else rows
    conn.exec_driver_sql(str(compiled), params)


def row_to_entry(kind: str, row):
    if kind == "pupils":
        return Pupil(first_name=row.first_name, last_name=row.last_name, preferred_name=row.preferred_name,
                     year=row.year, form=row.form, aliases=tuple(row.aliases or ()))
    if kind == "staff":
        return StaffMember(first_name=row.first_name, last_name=row.last_name, title=row.title)
    return SchoolTerm(term=row.term, kind=row.kind)


class TokenUse(NamedTuple):
    """A token that has just been accepted."""
    id: int
    kind: str


class Snapshot(NamedTuple):
    """Lists and settings as of one lists_version."""
    version: int
    lists: NameLists
    settings: Settings


class Store:
    """Access to the database; safe to share between threads, re-connects after a fork."""

    def __init__(self, url: str):
        self.url = url
        self.closed = False  # set by close(): background users (the reload poller) stop
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self.engine = self._create_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Called after a transaction that bumped lists_version commits (this process only;
        # other processes notice by polling). The engine holder wakes its reload thread.
        self.change_listeners: list = []
        event.listen(self.sessions, "after_commit", self._after_commit)
        event.listen(self.sessions, "after_rollback", lambda session: session.info.pop(_CHANGED, None))

    @staticmethod
    def _create_engine(url: str):
        if url.startswith("sqlite"):
            _create_private_file(make_url(url).database)
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

            @event.listens_for(engine, "connect")
            def _sqlite_pragmas(dbapi_connection, _record):
                # WAL lets workers read while an upload writes; readers never wait.
                cursor = dbapi_connection.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA busy_timeout=30000")
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.close()
            return engine
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)

    def session(self):
        """A new ORM session; after a fork (gunicorn workers) the inherited pool is dropped first."""
        if os.getpid() != self._pid:
            with self._lock:
                if os.getpid() != self._pid:
                    self.engine.dispose(close=False)
                    self._pid = os.getpid()
        return self.sessions()

    def create_schema(self, attempts: int = 5) -> None:
        """Create missing tables and the version row. Safe to run from several processes at
        once (gunicorn workers without preload): whoever loses a race to create a table
        or the row finds it made on the next attempt."""
        for attempt in range(attempts):
            try:
                Base.metadata.create_all(self.engine)
                with self.session() as s, s.begin():
                    if s.get(StoreState, 1) is None:
                        s.add(StoreState(id=1, lists_version=1, settings=None))
                return
            except (OperationalError, ProgrammingError, IntegrityError):
                if attempt == attempts - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def ping(self) -> bool:
        with self.session() as s:
            return s.execute(select(StoreState.lists_version).where(StoreState.id == 1)).scalar() is not None

    def dispose(self) -> None:
        """Drop pooled connections (e.g. in the gunicorn master before forking); usable after."""
        self.engine.dispose()

    def close(self) -> None:
        """For good: pollers stop and connections are dropped."""
        self.closed = True
        self.engine.dispose()

    # -- versions, lists and settings ------------------------------------------------

    def lists_version(self, session=None) -> int:
        if session is None:
            with self.session() as s:
                return self.lists_version(s)
        return session.execute(select(StoreState.lists_version).where(StoreState.id == 1)).scalar_one()

    def _after_commit(self, session) -> None:
        if session.info.pop(_CHANGED, False):
            for listener in self.change_listeners:
                listener()

    @staticmethod
    def _bump(session) -> int:
        """Take the version row first (serialising writers) and return the new version."""
        session.info[_CHANGED] = True
        session.execute(update(StoreState).where(StoreState.id == 1).values(
            lists_version=StoreState.lists_version + 1, updated_at=utcnow()))
        return session.execute(select(StoreState.lists_version).where(StoreState.id == 1)).scalar_one()

    def snapshot(self) -> Snapshot:
        """Lists and settings of one version, consistent even without snapshot isolation.

        Writers bump the version in the same transaction as their change, so if
        the version read before and after the lists is the same, no change
        committed in between.
        """
        while True:
            with self.session() as s:
                before = self.lists_version(s)
                lists = NameLists(**{kind.replace("-", "_"): tuple(self._entries(s, kind)) for kind in LIST_KINDS})
                settings = self._settings(s)
                after = self.lists_version(s)
            if before == after:
                return Snapshot(before, lists, settings)

    @staticmethod
    def _entries(session, kind: str) -> list:
        # Core rows, not ORM objects: a 100,000-pupil list loads several times faster.
        table = ROW_TYPES[kind].__table__
        return [row_to_entry(kind, row) for row in session.execute(select(table).order_by(table.c.id))]

    def entries(self, kind: str) -> tuple[int, list]:
        """(lists_version, entries) of one list."""
        with self.session() as s:
            while True:
                before = self.lists_version(s)
                rows = self._entries(s, kind)
                if self.lists_version(s) == before:
                    return before, rows

    def replace_list(self, kind: str, entries: list, actor: str) -> int:
        """Replace a whole list atomically; returns the new lists_version."""
        row_type = ROW_TYPES[kind]
        with self.session() as s, s.begin():
            version = self._bump(s)
            s.execute(delete(row_type.__table__))
            if entries:
                _bulk_insert(s, row_type.__table__, [entry_to_row(kind, e) for e in entries])
            s.add(AuditLog(actor=actor, action="lists.replace", target=kind, count=len(entries),
                           lists_version=version))
        return version

    @staticmethod
    def _settings(session) -> Settings:
        stored = session.execute(select(StoreState.settings).where(StoreState.id == 1)).scalar_one()
        return Settings.from_json(stored) if stored else Settings()

    def settings(self) -> tuple[int, Settings]:
        with self.session() as s:
            while True:
                before = self.lists_version(s)
                settings = self._settings(s)
                if self.lists_version(s) == before:
                    return before, settings

    def replace_settings(self, settings: Settings, actor: str) -> int:
        with self.session() as s, s.begin():
            version = self._bump(s)
            s.execute(update(StoreState).where(StoreState.id == 1).values(settings=settings.to_json()))
            s.add(AuditLog(actor=actor, action="settings.replace", target="settings", lists_version=version))
        return version

    # -- tokens ------------------------------------------------------------------------

    def add_token(self, kind: str, label: str, token_hash: str, hint: str, actor: str) -> ApiToken:
        with self.session() as s, s.begin():
            token = ApiToken(kind=kind, label=label, token_hash=token_hash, hint=hint, created_at=utcnow())
            s.add(token)
            s.flush()
            s.add(AuditLog(actor=actor, action="token.create", target=f"{kind} token {token.id}"))
        return token

    def find_token(self, token_hash: str, kind: str) -> TokenUse | None:
        """The live (unrevoked) token of this kind with this hash; records its use now and then."""
        return self.authenticate(token_hash, kind)[0]

    def authenticate(self, token_hash: str, kind: str) -> tuple["TokenUse | None", int]:
        """(the live token of this kind with this hash, or None; lists_version), in one query:
        every check needs both, and revocation must count from the very next request."""
        version = select(StoreState.lists_version).where(StoreState.id == 1).scalar_subquery()
        with self.session() as s:
            row = s.execute(select(ApiToken.id, ApiToken.kind, ApiToken.revoked_at, ApiToken.last_used_at,
                                   version.label("lists_version"))
                            .where(ApiToken.token_hash == token_hash)).first()
            if row is None:
                return None, self.lists_version(s)
            if row.kind != kind or row.revoked_at is not None:
                return None, row.lists_version
            now, last = utcnow(), row.last_used_at
            if last is not None and last.tzinfo is None:  # SQLite hands back naive datetimes
                last = last.replace(tzinfo=timezone.utc)
            if last is None or now - last > LAST_USED_RESOLUTION:
                s.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now))
                s.commit()
            return TokenUse(row.id, row.kind), row.lists_version

    def tokens(self, kind: str | None = None) -> list[ApiToken]:
        with self.session() as s:
            query = select(ApiToken).order_by(ApiToken.id)
            if kind:
                query = query.where(ApiToken.kind == kind)
            return list(s.execute(query).scalars())

    def count_tokens(self, kind: str, live_only: bool = True) -> int:
        with self.session() as s:
            query = select(func.count()).select_from(ApiToken).where(ApiToken.kind == kind)
            if live_only:
                query = query.where(ApiToken.revoked_at.is_(None))
            return s.execute(query).scalar_one()

    def revoke_token(self, token_id: int, actor: str, kind: str | None = None) -> ApiToken | None:
        """Revoke at once; None if there is no such token. Revoking twice is harmless."""
        if not 0 < token_id <= MAX_ID:  # beyond the column's range: no such token, not a DB error
            return None
        with self.session() as s, s.begin():
            token = s.get(ApiToken, token_id)
            if token is None or (kind and token.kind != kind):
                return None
            if token.revoked_at is None:
                token.revoked_at = utcnow()
                s.add(AuditLog(actor=actor, action="token.revoke", target=f"{token.kind} token {token.id}"))
            return token

    # -- admin accounts and audit ----------------------------------------------------

    def upsert_admin(self, email: str, password_hash: str, actor: str) -> tuple[AdminUser, bool]:
        """Create the account, or reset its password (and lock-out); returns (user, created)."""
        email = email.strip().lower()
        with self.session() as s, s.begin():
            user = s.execute(select(AdminUser).where(AdminUser.email == email)).scalar_one_or_none()
            created = user is None
            if created:
                user = AdminUser(email=email, password_hash=password_hash, created_at=utcnow())
                s.add(user)
            else:
                user.password_hash = password_hash
                user.failed_sign_ins, user.first_failed_at, user.locked_until = 0, None, None
            s.add(AuditLog(actor=actor, action="admin.create" if created else "admin.reset-password",
                           target=email))
        return user, created

    def audit(self, actor: str, action: str, target: str = "", count: int | None = None,
              lists_version: int | None = None) -> None:
        with self.session() as s, s.begin():
            s.add(AuditLog(actor=actor, action=action, target=target, count=count, lists_version=lists_version))

    def audit_log(self, limit: int = 200) -> list[AuditLog]:
        with self.session() as s:
            return list(s.execute(select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)).scalars())

