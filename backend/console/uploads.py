"""Uploaded list files waiting for the admin to confirm the preview.

Gunicorn runs several workers and the preview and the confirmation may reach
different ones, so the file waits in a database row (not in a worker's memory,
not in the cookie, never in a log). It is deleted when confirmed or cancelled,
and any left behind are deleted after an hour.
"""
from datetime import datetime, timedelta

from sqlalchemy import DateTime, Integer, LargeBinary, String, delete
from sqlalchemy.orm import Mapped, mapped_column

from backend.service import get_store
from backend.store import Base, utcnow

KEEP_FOR = timedelta(hours=1)


class PendingUpload(Base):
    """On the store's Base, so the store's create_schema makes its table with the others."""
    __tablename__ = "console_pending_uploads"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    admin_id: Mapped[int] = mapped_column(Integer)
    school_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)  # the list's school
    kind: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(255))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def _session():
    return get_store().session()


def _purge_expired(s) -> None:
    s.execute(delete(PendingUpload).where(PendingUpload.created_at < utcnow() - KEEP_FOR))


def keep(admin_id: int, school_id: int, kind: str, filename: str, data: bytes) -> int:
    with _session() as s, s.begin():
        _purge_expired(s)
        upload = PendingUpload(admin_id=admin_id, school_id=school_id, kind=kind, filename=filename[:255], data=data,
                               created_at=utcnow())
        s.add(upload)
        s.flush()
        return upload.id


def fetch(upload_id: int, admin_id: int, school_id: int, kind: str) -> PendingUpload | None:
    """The admin's own pending upload of this kind for this school, if it has not expired (the
    trust's admin may have switched school since uploading: it is not applied to another)."""
    with _session() as s, s.begin():
        _purge_expired(s)
        upload = s.get(PendingUpload, upload_id)
        if upload is None or upload.admin_id != admin_id or upload.school_id != school_id or upload.kind != kind:
            return None
        created = upload.created_at if upload.created_at.tzinfo else upload.created_at.replace(tzinfo=utcnow().tzinfo)
        return upload if utcnow() - created <= KEEP_FOR else None


def discard(upload_id: int) -> None:
    with _session() as s, s.begin():
        s.execute(delete(PendingUpload).where(PendingUpload.id == upload_id))
