"""The store: schools, their name lists, settings, tokens, admin accounts and the audit log.

SQLAlchemy, so the same code runs on SQLite (default) and PostgreSQL. One
service can hold every school of a trust: each list row, staff token, school
admin and audit event carries its school's id, and each school has its own
`lists_version`. Every change to a school's lists or settings bumps that
school's version in the same transaction, so a worker that sees a version sees
exactly the lists and settings written with it. The default school (id 1)
always exists; everything that predates schools acts on it. Drafts are never
stored; tokens only as hashes.
"""
import hashlib
import json
import logging
import os
import re
import threading
import time
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from sqlalchemy import (JSON, Boolean, DateTime, Integer, String, UniqueConstraint, create_engine, delete, event,
                        func, insert, inspect, select, text, update)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

from nlp.excepted import ExceptedWords, words_key
from nlp.lists import NameLists, Pupil, SchoolTerm, StaffMember
from nlp.settings import Settings

LIST_KINDS = ("pupils", "staff", "school-terms")
# A token's last use is written at most this often: a date for the admin, not a write per check.
LAST_USED_RESOLUTION = timedelta(minutes=5)
MAX_ID = 2**31 - 1  # INTEGER primary keys, in SQLite and PostgreSQL alike
_CHANGED = "precheck_lists_changed"  # session.info flag set by Store._bump
DEFAULT_SCHOOL_ID = 1
DEFAULT_SCHOOL_SLUG = "default"
SLUG = re.compile(r"^[a-z0-9-]{2,40}$")
MAX_SCHOOL_NAME = 200
MAX_WORDS = 100  # a false-alarm report or exception: the flagged words, never more (UTF-16 units)
log = logging.getLogger("precheck.store")
ANY_SCHOOL = object()  # tokens/revoke_token: whichever school (the server's command line)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: datetime | None) -> datetime | None:
    """A stored time, timezone-aware: SQLite hands back naive datetimes; they were written in UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


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


class RetiredSchoolId(Base):
    """The id of a deleted school, never given to another: nothing keyed by that id (a worker's
    engine, a console session's choice of school) may ever be taken for a new school's."""
    __tablename__ = "retired_school_ids"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class School(Base):
    """A school of the trust: its version of lists+settings, and the settings themselves."""
    __tablename__ = "schools"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # given by create_school
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(MAX_SCHOOL_NAME))
    lists_version: Mapped[int] = mapped_column(Integer, default=0)
    settings: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # None: the defaults
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    def to_json(self) -> dict:
        return {"id": self.id, "slug": self.slug, "name": self.name, "lists_version": self.lists_version,
                "created_at": self.created_at.isoformat() if self.created_at else None}


def _school_of_row():
    """The school a list row belongs to. The server default is what the in-place upgrade gives
    the rows that predate schools; the store always writes the school explicitly."""
    return mapped_column(Integer, server_default=str(DEFAULT_SCHOOL_ID), index=True)


def _school_or_trust():
    """NULL: the trust's own (its admin tokens and accounts, events not about one school)."""
    return mapped_column(Integer, nullable=True, index=True)


class PupilRow(Base):
    __tablename__ = "pupils"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_id: Mapped[int] = _school_of_row()
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    preferred_name: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[str] = mapped_column(String(50), default="")
    form: Mapped[str] = mapped_column(String(50), default="")
    aliases: Mapped[list] = mapped_column(JSON, default=list)


class StaffRow(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_id: Mapped[int] = _school_of_row()
    title: Mapped[str] = mapped_column(String(50), default="")
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200))


class SchoolTermRow(Base):
    __tablename__ = "school_terms"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_id: Mapped[int] = _school_of_row()
    term: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(50), default="school")


class ApiToken(Base):
    """A bearer token: `staff` for checks, `admin` for the admin API. Only its SHA-256 is kept."""
    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    # A staff token's school; an admin token's school, or NULL for the trust's admin tokens.
    school_id: Mapped[int | None] = _school_or_trust()
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
    school_id: Mapped[int | None] = _school_or_trust()  # a school admin's school; NULL: the trust's admin
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
    school_id: Mapped[int | None] = _school_or_trust()  # the school the event is about
    actor: Mapped[str] = mapped_column(String(320))  # "admin-token:env", "admin-token:3", "admin:a@b", "cli"
    action: Mapped[str] = mapped_column(String(50))  # e.g. "lists.replace", "token.revoke"
    target: Mapped[str] = mapped_column(String(100), default="")  # e.g. "pupils", "token 7"
    count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lists_version: Mapped[int | None] = mapped_column(Integer, nullable=True)

    def to_json(self) -> dict:
        return {"id": self.id, "at": self.at.isoformat() if self.at else None, "actor": self.actor,
                "action": self.action, "target": self.target, "count": self.count,
                "lists_version": self.lists_version}


class FalseAlarmReport(Base):
    """One member of staff telling the school that a warning was wrong: the category and the
    flagged words, nothing of the draft. `reporter` is a keyed hash of the staff token and the
    month (backend.api.false_alarms), so the same person counts once a month without being named."""
    __tablename__ = "false_alarm_reports"
    __table_args__ = (UniqueConstraint("school_id", "month", "category", "words_key", "reporter"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_id: Mapped[int] = _school_of_row()
    month: Mapped[str] = mapped_column(String(7))  # "2026-12", UTC
    category: Mapped[str] = mapped_column(String(40))
    words_key: Mapped[str] = mapped_column(String(MAX_WORDS * 2))  # nlp.excepted.words_key
    words: Mapped[str] = mapped_column(String(MAX_WORDS * 2))  # as the warning quoted them
    reporter: Mapped[str] = mapped_column(String(64))


class SchoolException(Base):
    """Words the school's admin says are not a finding of one category (list data: bumps lists_version)."""
    __tablename__ = "school_exceptions"
    __table_args__ = (UniqueConstraint("school_id", "category", "words_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_id: Mapped[int] = _school_of_row()
    category: Mapped[str] = mapped_column(String(40))
    words_key: Mapped[str] = mapped_column(String(MAX_WORDS * 2))
    words: Mapped[str] = mapped_column(String(MAX_WORDS * 2))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FalseAlarmCount(NamedTuple):
    """Words of one category that staff said were flagged wrongly, this month."""
    category: str
    words_key: str
    words: str
    staff: int  # how many staff tokens reported them
    exception_id: int | None  # the school-wide exception made for them, if any


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


def entry_fingerprint(entry) -> str:
    """Identifies an entry's values. Row ids alone are not enough: a database may reuse them after a
    list is replaced, and an edit must never land on someone else who took the number."""
    return hashlib.sha256(repr(entry).encode()).hexdigest()[:16]


def _orm_values(entry) -> dict:
    """An entry as ORM column values (aliases as a list for the JSON column)."""
    values = dict(vars(entry))
    if "aliases" in values:
        values["aliases"] = list(values["aliases"])
    return values


class _Gone(Exception):
    """The row a single-entry change was for is gone or no longer as the admin saw it."""


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
    school_id: int | None  # None: a trust admin token


class Snapshot(NamedTuple):
    """One school's lists, settings and exceptions as of one lists_version."""
    version: int
    lists: NameLists
    settings: Settings
    exceptions: frozenset = frozenset()  # of nlp.excepted.ExceptedWords


class SchoolError(ValueError):
    """A school cannot be created, renamed or deleted as asked; `field` names what is wrong."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class SchoolGone(LookupError):
    """The school was deleted while a change to it was under way; nothing was written."""


def _check_slug(slug) -> None:
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise SchoolError("slug", "'slug' must be 2 to 40 of a-z, 0-9 and '-', e.g. \"northfield\".")


def _check_name(name) -> str:
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_SCHOOL_NAME:
        raise SchoolError("name", f"'name' must be a non-empty string of at most {MAX_SCHOOL_NAME} characters.")
    return " ".join(name.split())


# The columns the in-place upgrade from the schema before schools adds: (table, column DDL, backfill).
# Rows that predate schools belong to the default school; admin tokens and accounts of that time
# administered everything, so they stay the trust's (NULL).
_SCHOOL_COLUMNS = (
    ("pupils", f"school_id INTEGER NOT NULL DEFAULT {DEFAULT_SCHOOL_ID}", None),
    ("staff", f"school_id INTEGER NOT NULL DEFAULT {DEFAULT_SCHOOL_ID}", None),
    ("school_terms", f"school_id INTEGER NOT NULL DEFAULT {DEFAULT_SCHOOL_ID}", None),
    ("api_tokens", "school_id INTEGER", f"UPDATE api_tokens SET school_id = {DEFAULT_SCHOOL_ID} WHERE kind = 'staff'"),
    ("admin_users", "school_id INTEGER", None),
    ("audit_log", "school_id INTEGER", f"UPDATE audit_log SET school_id = {DEFAULT_SCHOOL_ID}"),
    ("console_pending_uploads", "school_id INTEGER", None),
)


def _upgrade_in_place(conn) -> None:
    """From the schema before schools: the single store_state row becomes the default school,
    and every table gains its school_id column. Each step looks before it acts, so running it
    again (or in several processes at once, the losers retrying) is harmless."""
    tables = set(inspect(conn).get_table_names())
    if "store_state" in tables:
        old = conn.execute(text("SELECT lists_version, settings, updated_at FROM store_state WHERE id = 1")).first()
        if old is not None and conn.execute(select(School.id).where(School.id == DEFAULT_SCHOOL_ID)).first() is None:
            settings = json.loads(old.settings) if isinstance(old.settings, str) else old.settings
            conn.execute(insert(School).values(id=DEFAULT_SCHOOL_ID, slug=DEFAULT_SCHOOL_SLUG, name="Default school",
                                               lists_version=old.lists_version, settings=settings,
                                               updated_at=old.updated_at, created_at=utcnow()))
        conn.execute(text("DROP TABLE store_state"))
    for table, column, backfill in _SCHOOL_COLUMNS:
        if table not in tables:
            continue
        if "school_id" not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column}"))
            if backfill:
                conn.execute(text(backfill))
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_{table}_school_id ON {table} (school_id)"))


class Store:
    """Access to the database; safe to share between threads, re-connects after a fork."""

    def __init__(self, url: str):
        self.url = url
        self.closed = False  # set by close(): background users (the reload poller) stop
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self.engine = self._create_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Called after a transaction that bumped a lists_version commits (this process only;
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
                # Deleted rows (a replaced pupil list, a deleted school) are overwritten with zeros,
                # not left readable in the file's free pages.
                cursor.execute("PRAGMA secure_delete=ON")
                cursor.close()
            return engine
        # A database that stops answering fails a request in seconds (503, or a check answered from
        # the lists in force: backend.auth.RecentStaffTokens), not after TCP's minutes.
        connect_args = {"connect_timeout": 3} if make_url(url).get_backend_name() == "postgresql" else {}
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args=connect_args)

    def session(self):
        """A new ORM session; after a fork (gunicorn workers) the inherited pool is dropped first."""
        if os.getpid() != self._pid:
            with self._lock:
                if os.getpid() != self._pid:
                    self.engine.dispose(close=False)
                    self._pid = os.getpid()
        return self.sessions()

    def create_schema(self, attempts: int = 5) -> None:
        """Create missing tables, upgrade a database from before schools in place, and make the
        default school. Safe to run from several processes at once (gunicorn workers without
        preload): whoever loses a race to create a table, a column or the row finds it made on
        the next attempt."""
        for attempt in range(attempts):
            try:
                Base.metadata.create_all(self.engine)
                with self.engine.begin() as conn:
                    _upgrade_in_place(conn)
                with self.session() as s, s.begin():
                    if s.get(School, DEFAULT_SCHOOL_ID) is None:
                        s.add(School(id=DEFAULT_SCHOOL_ID, slug=DEFAULT_SCHOOL_SLUG, name="Default school",
                                     lists_version=1, settings=None, created_at=utcnow()))
                return
            except (OperationalError, ProgrammingError, IntegrityError):
                if attempt == attempts - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def ping(self) -> bool:
        with self.session() as s:
            return s.execute(select(School.id).where(School.id == DEFAULT_SCHOOL_ID)).scalar() is not None

    def dispose(self) -> None:
        """Drop pooled connections (e.g. in the gunicorn master before forking); usable after."""
        self.engine.dispose()

    def close(self) -> None:
        """For good: pollers stop and connections are dropped."""
        self.closed = True
        self.engine.dispose()

    # -- schools ---------------------------------------------------------------------

    def schools(self) -> list[School]:
        with self.session() as s:
            return list(s.execute(select(School).order_by(School.id)).scalars())

    def school(self, school_id: int) -> School | None:
        with self.session() as s:
            return s.get(School, school_id)

    def school_by_slug(self, slug: str) -> School | None:
        if not isinstance(slug, str) or not SLUG.match(slug):
            return None
        with self.session() as s:
            return s.execute(select(School).where(School.slug == slug)).scalar_one_or_none()

    def create_school(self, slug, name, actor: str) -> School:
        """A new school with empty lists and default settings; SchoolError if the slug is bad or taken."""
        _check_slug(slug)
        name = _check_name(name)
        try:
            with self.session() as s, s.begin():
                self._refuse_taken(s, slug)
                # Ids given here, not by a sequence: the default school's id 1 is written explicitly,
                # and a deleted school's id is never given again.
                new_id = max(s.execute(select(func.max(School.id))).scalar() or 0,
                             s.execute(select(func.max(RetiredSchoolId.id))).scalar() or 0) + 1
                school = School(id=new_id, slug=slug, name=name, lists_version=1, settings=None, created_at=utcnow())
                s.add(school)
                s.flush()
                s.add(AuditLog(actor=actor, action="school.create", target=slug, school_id=new_id))
        except IntegrityError:  # another request took the slug (or the id) at the same moment
            if self.school_by_slug(slug) is not None:
                raise self._taken(slug) from None
            raise
        return school

    @staticmethod
    def _taken(slug: str) -> SchoolError:
        return SchoolError("slug", f"The slug {slug!r} is taken: every school needs its own.")

    def _refuse_taken(self, session, slug: str, school_id: int | None = None) -> None:
        taken = session.execute(select(School.id).where(School.slug == slug)).scalar()
        if taken is not None and taken != school_id:
            raise self._taken(slug)

    def rename_school(self, school_id: int, actor: str, slug=None, name=None) -> School:
        """A new slug and/or name for a school; its lists, settings, tokens, admins and audit log
        stay as they are (all hold the school's id, not its slug). SchoolError if either is bad,
        the slug is taken, or the school is gone."""
        if slug is not None:
            _check_slug(slug)
        if name is not None:
            name = _check_name(name)
        try:
            with self.session() as s, s.begin():
                school = s.get(School, school_id)
                if school is None:
                    raise SchoolError("slug", "There is no such school.")
                if slug is not None and school_id == DEFAULT_SCHOOL_ID and slug != DEFAULT_SCHOOL_SLUG:
                    raise SchoolError("slug", f"The default school keeps the slug {DEFAULT_SCHOOL_SLUG!r}; "
                                      "its name can change.")
                if slug is not None:
                    self._refuse_taken(s, slug, school_id)
                changes = [f"{school.slug} -> {slug}"] if slug is not None and slug != school.slug else []
                if name is not None and name != school.name:
                    changes.append("name")
                school.slug = slug if slug is not None else school.slug
                school.name = name if name is not None else school.name
                if changes:
                    s.add(AuditLog(actor=actor, action="school.rename", target="; ".join(changes)[:100],
                                   school_id=school_id))
        except IntegrityError:
            raise self._taken(slug) from None
        return school

    def delete_school(self, school_id: int, actor: str) -> dict[str, int]:
        """Erase a school and everything that is its: pupils, staff, school terms, settings,
        staff and admin tokens, school admin accounts (and their console sessions), its audit
        events and every other row that carries its id (pending uploads, enrolment links), in one
        transaction. The trust's audit log keeps one event: who deleted which school, when, and
        how many pupils went. Returns the counts erased.
        The default school cannot be deleted (its lists can be emptied)."""
        if school_id == DEFAULT_SCHOOL_ID:
            raise SchoolError("slug", "The default school always exists: empty its lists instead.")
        with self.session() as s, s.begin():
            # The school's row first, as a list change takes it: a change under way finishes first,
            # and one that comes after finds the school gone (SchoolGone).
            self._bump(s, school_id)
            school = s.get(School, school_id)
            tables = Base.metadata.tables
            erased = {kind: s.execute(delete(ROW_TYPES[kind]).where(ROW_TYPES[kind].school_id == school_id)).rowcount
                      for kind in LIST_KINDS}
            erased["tokens"] = s.execute(delete(ApiToken).where(ApiToken.school_id == school_id)).rowcount
            admin_ids = select(AdminUser.id).where(AdminUser.school_id == school_id)
            if "console_sessions" in tables:
                sessions = tables["console_sessions"]
                s.execute(delete(sessions).where(sessions.c.admin_id.in_(admin_ids)))
            erased["admins"] = s.execute(delete(AdminUser).where(AdminUser.school_id == school_id)).rowcount
            erased["audit_events"] = s.execute(delete(AuditLog).where(AuditLog.school_id == school_id)).rowcount
            # And whatever else carries the school's id: pending console uploads, enrolment links
            # (they name its staff), and any table added later, without a line here for each.
            for table in tables.values():
                if "school_id" in table.c:
                    s.execute(delete(table).where(table.c.school_id == school_id))
            slug = school.slug
            s.delete(school)
            s.add(RetiredSchoolId(id=school_id))
            s.add(AuditLog(actor=actor, action="school.delete", target=slug, count=erased["pupils"], school_id=None))
        self._scrub_erased()
        return erased

    def _scrub_erased(self) -> None:
        """Leave no readable copy of erased rows in the database's own files: SQLite has zeroed
        them in its pages (secure_delete) and here empties its write-ahead log, which still holds
        the pages as they were; PostgreSQL rewrites every table with schools' rows (VACUUM FULL), which
        drops the dead row versions a DELETE leaves. What backups and the server's own logs hold is
        theirs to expire. Best effort: the rows are already gone from every table."""
        try:
            if self.engine.dialect.name == "sqlite":
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            elif self.engine.dialect.name == "postgresql":
                schools_rows = [table.name for table in Base.metadata.tables.values() if "school_id" in table.c]
                with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.exec_driver_sql("VACUUM FULL " + ", ".join(f'"{name}"' for name in schools_rows))
        except (OperationalError, ProgrammingError) as exc:
            log.warning("could not scrub the erased rows from the database files", exc_info=exc)

    def school_versions(self) -> dict[int, int]:
        """Every school's lists_version, in one query (the reload poller's look)."""
        with self.session() as s:
            return dict(s.execute(select(School.id, School.lists_version)).all())

    # -- versions, lists and settings ------------------------------------------------

    def lists_version(self, session=None, school_id: int = DEFAULT_SCHOOL_ID) -> int:
        if session is None:
            with self.session() as s:
                return self.lists_version(s, school_id)
        return session.execute(select(School.lists_version).where(School.id == school_id)).scalar_one()

    def _after_commit(self, session) -> None:
        if session.info.pop(_CHANGED, False):
            for listener in self.change_listeners:
                listener()

    @staticmethod
    def _bump(session, school_id: int = DEFAULT_SCHOOL_ID) -> int:
        """Take the school's version row first (serialising its writers) and return the new version."""
        session.info[_CHANGED] = True
        session.execute(update(School).where(School.id == school_id).values(
            lists_version=School.lists_version + 1, updated_at=utcnow()))
        version = session.execute(select(School.lists_version).where(School.id == school_id)).scalar()
        if version is None:
            raise SchoolGone(school_id)
        return version

    def _consistent(self, school_id: int, read):
        """(lists_version, read(session)) as of one version of a school, consistent even without
        snapshot isolation: writers bump the version in the same transaction as their change, so
        if the version read before and after is the same, no change committed in between."""
        while True:
            with self.session() as s:
                before = self.lists_version(s, school_id)
                value = read(s)
                if self.lists_version(s, school_id) == before:
                    return before, value

    def snapshot(self, school_id: int = DEFAULT_SCHOOL_ID) -> Snapshot:
        """One school's lists, settings and exceptions of one version."""
        def read(s):
            lists = NameLists(**{kind.replace("-", "_"): tuple(entry for _, entry in self._rows(s, kind, school_id))
                                 for kind in LIST_KINDS})
            exceptions = frozenset(ExceptedWords(row.category, row.words_key) for row in s.execute(
                select(SchoolException.category, SchoolException.words_key)
                .where(SchoolException.school_id == school_id)))
            return lists, self._settings(s, school_id), exceptions
        version, (lists, settings, exceptions) = self._consistent(school_id, read)
        return Snapshot(version, lists, settings, exceptions)

    @staticmethod
    def _rows(session, kind: str, school_id: int) -> list[tuple[int, object]]:
        # Core rows, not ORM objects: a 100,000-pupil list loads several times faster.
        table = ROW_TYPES[kind].__table__
        query = select(table).where(table.c.school_id == school_id).order_by(table.c.id)
        return [(row.id, row_to_entry(kind, row)) for row in session.execute(query)]

    def entries(self, kind: str, school_id: int = DEFAULT_SCHOOL_ID) -> tuple[int, list]:
        """(lists_version, entries) of one of a school's lists, in upload order."""
        return self._consistent(school_id, lambda s: [entry for _, entry in self._rows(s, kind, school_id)])

    def rows(self, kind: str, school_id: int = DEFAULT_SCHOOL_ID) -> tuple[int, list[tuple[int, object]]]:
        """(lists_version, [(row id, entry)]) of one of a school's lists, in upload order."""
        return self._consistent(school_id, lambda s: self._rows(s, kind, school_id))

    def entry(self, kind: str, row_id: int, school_id: int = DEFAULT_SCHOOL_ID):
        """One entry of a school's list; None if there is none by that id in that school."""
        with self.session() as s:
            row = s.get(ROW_TYPES[kind], row_id)
            return None if row is None or row.school_id != school_id else row_to_entry(kind, row)

    def add_entry(self, kind: str, entry, actor: str, school_id: int = DEFAULT_SCHOOL_ID) -> int:
        """Add one entry to a school's list; returns the school's new lists_version."""
        return self._change_entry(kind, actor, "lists.add", school_id,
                                  lambda s, row_type: s.add(row_type(**_orm_values(entry), school_id=school_id)))

    def update_entry(self, kind: str, row_id: int, seen: str, entry, actor: str,
                     school_id: int = DEFAULT_SCHOOL_ID) -> int | None:
        """Replace one entry as it was when the admin opened it (`seen`: its entry_fingerprint);
        None if it is gone or was changed meanwhile."""
        def apply(s, row_type):
            row = self._row_as_seen(s, kind, row_id, seen, school_id)
            for name, value in _orm_values(entry).items():
                setattr(row, name, value)
        return self._change_entry(kind, actor, "lists.edit", school_id, apply)

    def remove_entry(self, kind: str, row_id: int, seen: str, actor: str,
                     school_id: int = DEFAULT_SCHOOL_ID) -> int | None:
        """Remove one entry as the admin saw it (as update_entry); None if it is gone or was changed."""
        return self._change_entry(kind, actor, "lists.remove", school_id,
                                  lambda s, row_type: s.delete(self._row_as_seen(s, kind, row_id, seen, school_id)))

    @staticmethod
    def _row_as_seen(session, kind: str, row_id: int, seen: str, school_id: int):
        row = session.get(ROW_TYPES[kind], row_id)
        if row is None or row.school_id != school_id or entry_fingerprint(row_to_entry(kind, row)) != seen:
            raise _Gone
        return row

    def _change_entry(self, kind: str, actor: str, action: str, school_id: int, apply) -> int | None:
        """Apply one change and bump lists_version in the same transaction; audit kind and count only."""
        try:
            with self.session() as s, s.begin():
                version = self._bump(s, school_id)
                apply(s, ROW_TYPES[kind])
                s.add(AuditLog(actor=actor, action=action, target=kind, count=1, lists_version=version,
                               school_id=school_id))
        except _Gone:
            return None
        return version

    def replace_list(self, kind: str, entries: list, actor: str, school_id: int = DEFAULT_SCHOOL_ID) -> int:
        """Replace one of a school's lists whole, atomically; returns the school's new lists_version."""
        table = ROW_TYPES[kind].__table__
        with self.session() as s, s.begin():
            version = self._bump(s, school_id)
            s.execute(delete(table).where(table.c.school_id == school_id))
            if entries:
                _bulk_insert(s, table, [{**entry_to_row(kind, e), "school_id": school_id} for e in entries])
            s.add(AuditLog(actor=actor, action="lists.replace", target=kind, count=len(entries),
                           lists_version=version, school_id=school_id))
        return version

    @staticmethod
    def _settings(session, school_id: int) -> Settings:
        stored = session.execute(select(School.settings).where(School.id == school_id)).scalar_one()
        return Settings.from_json(stored) if stored else Settings()

    def settings(self, school_id: int = DEFAULT_SCHOOL_ID) -> tuple[int, Settings]:
        """(lists_version, settings) of a school."""
        return self._consistent(school_id, lambda s: self._settings(s, school_id))

    def replace_settings(self, settings: Settings, actor: str, school_id: int = DEFAULT_SCHOOL_ID) -> int:
        with self.session() as s, s.begin():
            version = self._bump(s, school_id)
            s.execute(update(School).where(School.id == school_id).values(settings=settings.to_json()))
            s.add(AuditLog(actor=actor, action="settings.replace", target="settings", lists_version=version,
                           school_id=school_id))
        return version

    # -- false alarms and school-wide exceptions ---------------------------------------

    def record_false_alarm(self, school_id: int, category: str, words: str, reporter: str, month: str) -> bool:
        """Count one report; False if this reporter already reported these words this month."""
        try:
            with self.session() as s, s.begin():
                s.add(FalseAlarmReport(school_id=school_id, month=month, category=category,
                                       words_key=words_key(words), words=words, reporter=reporter))
        except IntegrityError:
            return False
        return True

    def false_alarms(self, school_id: int, month: str) -> list[FalseAlarmCount]:
        """A school's reports of one month, by category and words, most reported first."""
        with self.session() as s:
            exceptions = {(row.category, row.words_key): row.id for row in s.execute(
                select(SchoolException.id, SchoolException.category, SchoolException.words_key)
                .where(SchoolException.school_id == school_id))}
            rows = s.execute(
                select(FalseAlarmReport.category, FalseAlarmReport.words_key,
                       func.min(FalseAlarmReport.words).label("words"), func.count().label("staff"))
                .where(FalseAlarmReport.school_id == school_id, FalseAlarmReport.month == month)
                .group_by(FalseAlarmReport.category, FalseAlarmReport.words_key)).all()
        counts = [FalseAlarmCount(r.category, r.words_key, r.words, r.staff,
                                  exceptions.get((r.category, r.words_key))) for r in rows]
        return sorted(counts, key=lambda c: (-c.staff, c.category, c.words_key))

    def school_exceptions(self, school_id: int) -> list[SchoolException]:
        with self.session() as s:
            return list(s.execute(select(SchoolException).where(SchoolException.school_id == school_id)
                                  .order_by(SchoolException.category, SchoolException.words_key)).scalars())

    def add_exception(self, school_id: int, category: str, words: str, actor: str) -> tuple[SchoolException, int]:
        """A school-wide exception: these words are no finding of this category for the school's
        staff. Returns (the exception, the new lists_version); adding it again changes nothing."""
        key = words_key(words)
        with self.session() as s, s.begin():
            version = self._bump(s, school_id)
            exception = s.execute(select(SchoolException).where(
                SchoolException.school_id == school_id, SchoolException.category == category,
                SchoolException.words_key == key)).scalar_one_or_none()
            if exception is None:
                exception = SchoolException(school_id=school_id, category=category, words_key=key, words=words,
                                            created_at=utcnow())
                s.add(exception)
                s.flush()
                # The audit names the exception by id and category; the words stay in the exceptions table.
                s.add(AuditLog(actor=actor, action="exception.add", target=f"{category} exception {exception.id}",
                               lists_version=version, school_id=school_id))
        return exception, version

    def remove_exception(self, school_id: int, exception_id: int, actor: str) -> int | None:
        """The new lists_version, or None if the school has no such exception."""
        if not 0 < exception_id <= MAX_ID:
            return None
        with self.session() as s, s.begin():
            exception = s.get(SchoolException, exception_id)
            if exception is None or exception.school_id != school_id:
                return None
            version = self._bump(s, school_id)
            s.delete(exception)
            s.add(AuditLog(actor=actor, action="exception.remove",
                           target=f"{exception.category} exception {exception.id}",
                           lists_version=version, school_id=school_id))
        return version

    # -- tokens ------------------------------------------------------------------------

    def add_token(self, kind: str, label: str, token_hash: str, hint: str, actor: str,
                  school_id: int | None = None) -> ApiToken:
        """A staff token of a school (None: the default school), or an admin token of a school
        (None: of the trust, for every school)."""
        if kind == "staff" and school_id is None:
            school_id = DEFAULT_SCHOOL_ID
        with self.session() as s, s.begin():
            token = ApiToken(kind=kind, label=label, token_hash=token_hash, hint=hint, created_at=utcnow(),
                             school_id=school_id)
            s.add(token)
            s.flush()
            s.add(AuditLog(actor=actor, action="token.create", target=f"{kind} token {token.id}",
                           school_id=school_id))
        return token

    def find_token(self, token_hash: str, kind: str) -> TokenUse | None:
        """The live (unrevoked) token of this kind with this hash; records its use now and then."""
        return self.authenticate(token_hash, kind)[0]

    def authenticate(self, token_hash: str, kind: str) -> tuple["TokenUse | None", int | None]:
        """(the live token of this kind with this hash, or None; its school's lists_version), in one
        query: every check needs both, and revocation must count from the very next request."""
        version = select(School.lists_version).where(School.id == ApiToken.school_id).scalar_subquery()
        with self.session() as s:
            row = s.execute(select(ApiToken.id, ApiToken.kind, ApiToken.school_id, ApiToken.revoked_at,
                                   ApiToken.last_used_at, version.label("lists_version"))
                            .where(ApiToken.token_hash == token_hash)).first()
            if row is None or row.kind != kind or row.revoked_at is not None:
                return None, None
            now, last = utcnow(), as_utc(row.last_used_at)
            if last is None or now - last > LAST_USED_RESOLUTION:
                s.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now))
                s.commit()
            return TokenUse(row.id, row.kind, row.school_id), row.lists_version

    def tokens(self, kind: str | None = None, school_id: "int | None | object" = ANY_SCHOOL) -> list[ApiToken]:
        """Tokens of a school (school_id None: the trust's admin tokens), or of every school."""
        with self.session() as s:
            query = select(ApiToken).order_by(ApiToken.id)
            if school_id is not ANY_SCHOOL:
                query = query.where(ApiToken.school_id.is_(None) if school_id is None
                                    else ApiToken.school_id == school_id)
            if kind:
                query = query.where(ApiToken.kind == kind)
            return list(s.execute(query).scalars())

    def count_tokens(self, kind: str, live_only: bool = True) -> int:
        """Tokens of this kind in the whole service (bootstrap: is there any admin credential yet?)."""
        with self.session() as s:
            query = select(func.count()).select_from(ApiToken).where(ApiToken.kind == kind)
            if live_only:
                query = query.where(ApiToken.revoked_at.is_(None))
            return s.execute(query).scalar_one()

    def revoke_token(self, token_id: int, actor: str, kind: str | None = None,
                     school_id: "int | None | object" = ANY_SCHOOL) -> ApiToken | None:
        """Revoke at once; None if there is no such token (of this school, if one is given; None:
        of the trust). Revoking twice is harmless."""
        if not 0 < token_id <= MAX_ID:  # beyond the column's range: no such token, not a DB error
            return None
        with self.session() as s, s.begin():
            token = s.get(ApiToken, token_id)
            if token is None or (kind and token.kind != kind) or (school_id is not ANY_SCHOOL and token.school_id != school_id):
                return None
            if token.revoked_at is None:
                token.revoked_at = utcnow()
                s.add(AuditLog(actor=actor, action="token.revoke", target=f"{token.kind} token {token.id}",
                               school_id=token.school_id))
            return token

    # -- admin accounts and audit ----------------------------------------------------

    def upsert_admin(self, email: str, password_hash: str, actor: str,
                     school_id: int | None = None) -> tuple[AdminUser, bool]:
        """Create the account (school_id None: the trust's admin, else that school's), or reset its
        password (and lock-out); returns (user, created). A reset keeps the account's school."""
        email = email.strip().lower()
        with self.session() as s, s.begin():
            user = s.execute(select(AdminUser).where(AdminUser.email == email)).scalar_one_or_none()
            created = user is None
            if created:
                user = AdminUser(email=email, password_hash=password_hash, created_at=utcnow(), school_id=school_id)
                s.add(user)
            else:
                user.password_hash = password_hash
                user.failed_sign_ins, user.first_failed_at, user.locked_until = 0, None, None
            s.add(AuditLog(actor=actor, action="admin.create" if created else "admin.reset-password",
                           target=email, school_id=user.school_id))
        return user, created

    def remove_admin(self, admin_id: int, school_id: int, actor: str) -> AdminUser | None:
        """Remove a school's admin account (and end its console sessions at once); None if the
        school has no such account. The trust's accounts are not removed here."""
        with self.session() as s, s.begin():
            admin = s.get(AdminUser, admin_id) if 0 < admin_id <= MAX_ID else None
            if admin is None or admin.school_id is None or admin.school_id != school_id:
                return None
            sessions = Base.metadata.tables.get("console_sessions")
            if sessions is not None:
                s.execute(delete(sessions).where(sessions.c.admin_id == admin.id))
            s.delete(admin)
            s.add(AuditLog(actor=actor, action="admin.remove", target=admin.email, school_id=school_id))
        return admin

    def admins(self, school_id: int) -> list[AdminUser]:
        """A school's own admin accounts."""
        with self.session() as s:
            return list(s.execute(select(AdminUser).where(AdminUser.school_id == school_id)
                                  .order_by(AdminUser.email)).scalars())

    def audit(self, actor: str, action: str, target: str = "", count: int | None = None,
              lists_version: int | None = None, school_id: int | None = DEFAULT_SCHOOL_ID) -> None:
        with self.session() as s, s.begin():
            s.add(AuditLog(actor=actor, action=action, target=target, count=count, lists_version=lists_version,
                           school_id=school_id))

    def audit_log(self, limit: int = 200, school_id: int | None = DEFAULT_SCHOOL_ID,
                  with_trust_events: bool = False) -> list[AuditLog]:
        """A school's events, newest first; with_trust_events adds those about no one school."""
        with self.session() as s:
            mine = AuditLog.school_id == school_id
            query = select(AuditLog).where(mine | AuditLog.school_id.is_(None) if with_trust_events else mine)
            return list(s.execute(query.order_by(AuditLog.id.desc()).limit(limit)).scalars())
