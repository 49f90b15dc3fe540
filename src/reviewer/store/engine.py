"""One engine factory for every database the program opens.

A round is addressed by a database URL. A plain file path means the embedded SQLite
file; ``postgresql://…`` (or ``postgres://…``) points at a shared server, reached through
psycopg 3, the driver ``reviewer[postgresql]`` installs (see :func:`normalise_url`).
SQLite connections get foreign keys on and a busy timeout, and every unit of work that
may write starts with ``BEGIN IMMEDIATE`` so two writers wait for each other instead of
failing half-way; a unit of work that only reads (:meth:`Database.reading`) starts with
a plain ``BEGIN`` and, the file being in WAL mode, reads the last committed state
without waiting for a writer. WAL journaling is switched on once, when a round is
created (it is a property of the file).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from reviewer.errors import InvalidInput
from reviewer.store.failures import database_error

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_WAIT_MS = 30_000  # how long a write waits for another program's write to end


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def normalise_url(url: str, importable: Callable[[str], bool] = _importable) -> str:
    """``url`` with a PostgreSQL driver named, so a plain URL reaches the installed driver.

    SQLAlchemy 2.0 reads ``postgresql://`` as psycopg2 (2.1 as psycopg 3), and no longer
    knows ``postgres://`` (the spelling of many hosting services). Both become
    ``postgresql+psycopg://`` — psycopg 3, the driver ``reviewer[postgresql]`` installs,
    also when it is missing, so the message then names what to install — except on a
    machine that has psycopg2 and not psycopg 3, where ``postgresql+psycopg2://`` is used.
    A URL that names its driver (``postgresql+pg8000://``) is kept as written, and so is
    every other database.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    backend, _, driver = parsed.drivername.partition("+")
    if backend not in ("postgresql", "postgres"):
        return url
    if not driver:
        driver = "psycopg2" if importable("psycopg2") and not importable("psycopg") else "psycopg"
    drivername = f"postgresql+{driver}"
    if drivername == parsed.drivername:
        return url
    return parsed.set(drivername=drivername).render_as_string(hide_password=False)


def database_url(target: str | Path) -> str:
    """The URL for ``target``: a URL (see :func:`normalise_url`), or a file path as an
    SQLite URL."""
    text = str(target)
    if "://" in text:
        return normalise_url(text)
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def display_name(target: str | Path) -> str:
    """``target`` as it may be shown to a person: a path, or a URL without password."""
    text = str(target)
    if "://" not in text:
        return text
    try:
        return make_url(text).render_as_string(hide_password=True)
    except Exception:
        return text.split("@")[-1]


def sqlite_path(url: str) -> Path | None:
    """The database file behind an SQLite URL, or None for other databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is turned off so that the BEGIN below covers
    # every statement of a unit of work (pysqlite's legacy behaviour would not).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_WAIT_MS}")
    cursor.close()


READ_ONLY = "reviewer_read_only"  # the execution option of units of work that only read


def _sqlite_begin(connection: Any) -> None:
    reading = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def _json_text(value: Any) -> str:
    return json.dumps(value, allow_nan=False)


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (see :func:`database_url`)."""
    try:
        # a mapping holding NaN or infinity is refused, never stored as invalid JSON
        engine = create_engine(normalise_url(url), json_serializer=_json_text)
    except ModuleNotFoundError as exc:
        raise InvalidInput(
            "store.no_driver", database=display_name(url), module=exc.name or ""
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


class Database:
    """An open round database: its engine and a session factory."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(
            self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except DBAPIError as exc:
            raise database_error(exc) from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads: it never waits for a writer (it sees the round
        as last committed) and must not write (a write may fail as busy)."""
        try:
            with self._readers() as session, session.begin():
                yield session
        except DBAPIError as exc:
            raise database_error(exc) from exc

    def close(self) -> None:
        self.engine.dispose()
