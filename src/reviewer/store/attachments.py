"""Reading and writing an application's attachments and their contents.

An attachment row names a file of an application; its content is the blob of its
SHA-256, stored once however many attachments share it. Contents are read in chunks
(``iter_content``) so a large file never has to be held whole by the reader.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from reviewer.store.models import AttachmentBlobRow, AttachmentRow

#: How much of a content one read takes (``iter_content``).
CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredAttachment:
    """An attachment as the round holds it."""

    id: int
    application_id: str
    name: str
    kind: str
    sha256: str | None
    size: int | None
    path: str
    imported_at: datetime | None


def _stored(row: AttachmentRow) -> StoredAttachment:
    return StoredAttachment(
        id=row.id,
        application_id=row.application_id,
        name=row.name,
        kind=row.kind,
        sha256=row.sha256,
        size=row.size,
        path=row.path,
        imported_at=row.imported_at,
    )


_ORDER = (AttachmentRow.application_id, AttachmentRow.kind != "proposal", AttachmentRow.name)


def attachments_of(session: Session, application_id: str) -> tuple[StoredAttachment, ...]:
    """The attachments of one application: the proposal first, then by name."""
    rows = session.scalars(
        select(AttachmentRow)
        .where(AttachmentRow.application_id == application_id)
        .order_by(*_ORDER)
    )
    return tuple(_stored(row) for row in rows)


def all_attachments(session: Session) -> tuple[StoredAttachment, ...]:
    """Every attachment of the round, by application, the proposal first."""
    return tuple(_stored(row) for row in session.scalars(select(AttachmentRow).order_by(*_ORDER)))


def attachment(session: Session, attachment_id: int) -> StoredAttachment | None:
    row = session.get(AttachmentRow, attachment_id)
    return None if row is None else _stored(row)


def attachment_counts(session: Session) -> dict[str, int]:
    """Application id → how many attachments it has (applications without none)."""
    rows = session.execute(
        select(AttachmentRow.application_id, func.count()).group_by(AttachmentRow.application_id)
    )
    return {app_id: int(count) for app_id, count in rows}


def has_content(session: Session, sha256: str) -> bool:
    return (
        session.scalar(
            select(func.count())
            .select_from(AttachmentBlobRow)
            .where(AttachmentBlobRow.sha256 == sha256)
        )
        == 1
    )


def content_size(session: Session, sha256: str) -> int | None:
    return session.scalar(select(AttachmentBlobRow.size).where(AttachmentBlobRow.sha256 == sha256))


def iter_content(session: Session, sha256: str, chunk: int = CHUNK) -> Iterator[bytes]:
    """The content of ``sha256`` in pieces of at most ``chunk`` bytes (nothing when the
    round does not hold it): each piece is read by its own query, so a large file is
    never read whole."""
    size = content_size(session, sha256)
    if size is None:
        return
    offset = 0
    while offset < size:
        piece = session.scalar(
            select(func.substr(AttachmentBlobRow.content, offset + 1, chunk)).where(
                AttachmentBlobRow.sha256 == sha256
            )
        )
        if not piece:
            return
        data = bytes(piece)
        yield data
        offset += len(data)


def content(session: Session, sha256: str) -> bytes | None:
    """The whole content of ``sha256``, or None when the round does not hold it."""
    value = session.scalar(
        select(AttachmentBlobRow.content).where(AttachmentBlobRow.sha256 == sha256)
    )
    return None if value is None else bytes(value)


# -- writing ---------------------------------------------------------------------------


def add_content(session: Session, sha256: str, data: bytes) -> bool:
    """Store ``data`` under its digest unless the round holds it; True when added."""
    if has_content(session, sha256):
        return False
    session.add(AttachmentBlobRow(sha256=sha256, size=len(data), content=data))
    session.flush()
    return True


def drop_unused_contents(session: Session, digests: Iterable[str]) -> int:
    """Delete the contents among ``digests`` that no attachment refers to any more."""
    candidates = set(digests)
    if not candidates:
        return 0
    session.flush()
    used = set(
        session.scalars(
            select(AttachmentRow.sha256).where(AttachmentRow.sha256.in_(candidates)).distinct()
        )
    )
    unused = sorted(candidates - used)
    if unused:
        session.execute(delete(AttachmentBlobRow).where(AttachmentBlobRow.sha256.in_(unused)))
    return len(unused)
