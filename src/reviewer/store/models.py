"""Typed SQLAlchemy 2 models of a round database.

One database holds one round. The configuration (round.toml) is kept verbatim in
``round_info.config_toml``; tracks and criteria are mirrored into tables so the rows that
refer to them are checked by foreign keys. Only portable SQL types are used: the same
schema runs on the embedded SQLite file and on a shared PostgreSQL server.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class RoundInfo(Base):
    """The round itself: one row."""

    __tablename__ = "round_info"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    config_toml: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | locked
    # the round's own id (32 hex digits): reviewer packages and score files name it
    uid: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class TrackRow(Base):
    __tablename__ = "track"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    seats: Mapped[int] = mapped_column(Integer)
    budget: Mapped[int | None] = mapped_column(BigInteger)
    linked: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer)


class CriterionRow(Base):
    __tablename__ = "criterion"

    track_id: Mapped[str] = mapped_column(ForeignKey("track.id"), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    weight: Mapped[float] = mapped_column(Float)
    min: Mapped[float] = mapped_column(Float)
    max: Mapped[float] = mapped_column(Float)
    grades: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer)


class ApplicationRow(Base):
    __tablename__ = "application"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    track_id: Mapped[str] = mapped_column(ForeignKey("track.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    company: Mapped[str] = mapped_column(String(300))
    business_no: Mapped[str | None] = mapped_column(String(16))
    ai_category: Mapped[str] = mapped_column(String(8))
    field: Mapped[str | None] = mapped_column(String(100))
    amount: Mapped[int] = mapped_column(BigInteger, default=0)
    region: Mapped[str | None] = mapped_column(String(200))
    bonus: Mapped[float] = mapped_column(Float, default=0.0)
    penalty: Mapped[float] = mapped_column(Float, default=0.0)
    investment_commitment: Mapped[bool | None] = mapped_column(Boolean)
    guarantee: Mapped[bool | None] = mapped_column(Boolean)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source: Mapped[str | None] = mapped_column(String(300))


class AttachmentRow(Base):
    """A file of an application (the proposal and others). ``name`` is the file's name as
    imported, ``path`` where it was imported from; the content is the blob of ``sha256``
    (kept in the database, so the round is one database wherever it is served from)."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    path: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32), default="proposal")
    sha256: Mapped[str | None] = mapped_column(ForeignKey("attachment_blob.sha256"), index=True)
    size: Mapped[int | None] = mapped_column(BigInteger)
    imported_at: Mapped[datetime | None] = mapped_column(DateTime)


class AttachmentBlobRow(Base):
    """An attachment's content, stored once per distinct content (by its SHA-256)."""

    __tablename__ = "attachment_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class ReviewerRow(Base):
    __tablename__ = "reviewer"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    affiliation: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str | None] = mapped_column(String(300))


class ReviewerTrackRow(Base):
    __tablename__ = "reviewer_track"

    reviewer_id: Mapped[str] = mapped_column(ForeignKey("reviewer.id"), primary_key=True)
    track_id: Mapped[str] = mapped_column(ForeignKey("track.id"), primary_key=True)


class AssignmentRow(Base):
    __tablename__ = "assignment"

    application_id: Mapped[str] = mapped_column(ForeignKey("application.id"), primary_key=True)
    reviewer_id: Mapped[str] = mapped_column(ForeignKey("reviewer.id"), primary_key=True)


class PackageRow(Base):
    """A reviewer package written for a reviewer, and what came back from it.

    ``secret`` (hex) is the key the package's score files are signed with (HMAC-SHA256);
    ``applications`` the ids the package holds; ``returned_version`` the version of the
    newest score file imported from it (None before the first)."""

    __tablename__ = "package"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    reviewer_id: Mapped[str] = mapped_column(ForeignKey("reviewer.id"), index=True)
    secret: Mapped[str] = mapped_column(String(128))
    applications: Mapped[list[Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    returned_version: Mapped[int | None] = mapped_column(Integer)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)


class ConflictRow(Base):
    """A declared or detected conflict of interest: the reviewer may not score it."""

    __tablename__ = "conflict"

    application_id: Mapped[str] = mapped_column(ForeignKey("application.id"), primary_key=True)
    reviewer_id: Mapped[str] = mapped_column(ForeignKey("reviewer.id"), primary_key=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(32), default="declared")


class ReviewRow(Base):
    """One reviewer's review of one application. ``scores`` maps criterion id to the raw
    score: a number, or a grade name for a graded criterion; a conflict has none."""

    __tablename__ = "review"

    application_id: Mapped[str] = mapped_column(ForeignKey("application.id"), primary_key=True)
    reviewer_id: Mapped[str] = mapped_column(
        ForeignKey("reviewer.id"), primary_key=True, index=True
    )
    scores: Mapped[dict[str, Any]] = mapped_column(JSON)
    comment: Mapped[str] = mapped_column(Text, default="")
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    conflict_reason: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class SelectionRunRow(Base):
    __tablename__ = "selection_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    digest: Mapped[str] = mapped_column(String(64), index=True)
    config_toml: Mapped[str] = mapped_column(Text)
    program_version: Mapped[str] = mapped_column(String(32))
    solver: Mapped[str] = mapped_column(String(16))
    selected: Mapped[int] = mapped_column(Integer)
    shortfall: Mapped[int] = mapped_column(Integer)
    total_score: Mapped[str] = mapped_column(String(32))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)


class RunResultRow(Base):
    __tablename__ = "run_result"

    run_id: Mapped[int] = mapped_column(
        ForeignKey("selection_run.id", ondelete="CASCADE"), primary_key=True
    )
    application_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    track_id: Mapped[str] = mapped_column(String(64))
    final_score: Mapped[str | None] = mapped_column(String(32))
    rank: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")


class AuditRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(300))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
