"""A reviewer's working database: what the reviewer has typed for one package, kept on
the reviewer's own computer so nothing is lost when the program ends unexpectedly.

One small SQLite file per package. It has a schema of its own (not the round's): the
package it belongs to, when it was first opened, the application last shown and how
many times scores were sent, and one row per application the reviewer has touched. The
tables are created when the file is new; every change is its own committed transaction.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, DateTime, Integer, MetaData, String, Text, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from reviewer.store.engine import Database, database_url
from reviewer.store.failures import database_error
from reviewer.store.models import NAMING

#: the schema of the working database; a newer file than this program is refused
WORK_SCHEMA = 1


class WorkBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON}


class WorkInfo(WorkBase):
    """The package this file belongs to: one row."""

    __tablename__ = "work_info"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    schema: Mapped[int] = mapped_column(Integer)
    package_id: Mapped[str] = mapped_column(String(64))
    round_id: Mapped[str] = mapped_column(String(64))
    reviewer_id: Mapped[str] = mapped_column(String(200))
    first_opened_at: Mapped[datetime] = mapped_column(DateTime)
    current_application: Mapped[str | None] = mapped_column(String(200))
    sent_version: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    sent_to: Mapped[str | None] = mapped_column(Text)


class WorkEntry(WorkBase):
    """One application as the reviewer left it: each criterion's text as typed."""

    __tablename__ = "work_entry"

    application_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON)
    comment: Mapped[str] = mapped_column(Text, default="")
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    conflict_reason: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime)


def open_work_database(path: Path) -> Database:
    """The working database at ``path``, its tables created when it is new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    database = Database(database_url(path))
    try:
        WorkBase.metadata.create_all(database.engine)
    except DBAPIError as exc:
        database.close()
        raise database_error(exc) from exc
    return database


def work_info(session: Session) -> WorkInfo | None:
    return session.scalars(select(WorkInfo)).first()


class WorkLock:
    """The one program that may use a working database: an exclusive lock on a file
    beside it, which the operating system lets go of when the program ends, however it
    ends (a crash or a kill never leaves it held)."""

    def __init__(self, work_file: Path) -> None:
        self.path = work_file.with_name(work_file.name + ".lock")
        self._handle: Any = None

    def acquire(self) -> bool:
        """Take the lock; False when another window or program holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+b")
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file lets go of its lock
            self._handle = None
