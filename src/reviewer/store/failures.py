"""Database failures as errors a person can act on, each in the category that is true.

- a constraint the data break (a duplicate key, a reference to nothing, a missing value)
  or a value the column cannot hold: invalid input (exit 3), naming what clashed;
- another program holding the round (SQLite ``database is locked``, a PostgreSQL lock
  timeout, deadlock or serialisation failure): refused by state (exit 4), try again;
- the computer refusing to store it (disk full, no permission, a read-only file, an I/O
  error, a damaged file, a lost server connection): a storage failure (exit 3, like every
  file the program cannot read or write).

SQLite's extended error names (Python 3.11+) and PostgreSQL's SQLSTATE codes decide; the
message text is the fallback for drivers that give neither.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from reviewer.errors import InvalidInput, RefusedByState, ReviewerError, StorageFailure

_BUSY_STATES = frozenset({"55P03", "40P01", "40001", "57014"})
_CONSTRAINT_KEYS = {
    "UNIQUE": "store.duplicate",
    "PRIMARYKEY": "store.duplicate",
    "FOREIGNKEY": "store.missing_reference",
    "NOTNULL": "store.missing_value",
}
_INTEGRITY_STATES = {
    "23505": "store.duplicate",
    "23503": "store.missing_reference",
    "23502": "store.missing_value",
}


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0].strip() if text.strip() else ""


def _sqlite_name(orig: Any) -> str:
    name = getattr(orig, "sqlite_errorname", None)
    return name if isinstance(name, str) else ""


def _sqlstate(orig: Any) -> str:
    for attribute in ("sqlstate", "pgcode"):
        value = getattr(orig, attribute, None)
        if isinstance(value, str) and value:
            return value
    return ""


def _what(orig: Any, text: str) -> str:
    """What clashed: SQLite's ``table.column`` list, or PostgreSQL's table and detail."""
    diag = getattr(orig, "diag", None)
    detail = getattr(diag, "message_detail", None) if diag is not None else None
    table = getattr(diag, "table_name", None) if diag is not None else None
    if isinstance(detail, str) and detail:
        return f"{table}: {_first_line(detail)}" if isinstance(table, str) and table else detail
    constraint = getattr(diag, "constraint_name", None) if diag is not None else None
    if isinstance(constraint, str) and constraint:
        return constraint
    first = _first_line(text)
    _, colon, rest = first.partition(" constraint failed: ")
    return rest if colon else first


def _integrity(orig: Any, text: str, sqlite_name: str, state: str) -> InvalidInput:
    key = _INTEGRITY_STATES.get(state, "")
    if not key and sqlite_name.startswith("SQLITE_CONSTRAINT_"):
        key = _CONSTRAINT_KEYS.get(sqlite_name.removeprefix("SQLITE_CONSTRAINT_"), "")
    if not key:
        lowered = text.lower()
        if "unique" in lowered or "duplicate key" in lowered:
            key = "store.duplicate"
        elif "foreign key" in lowered:
            key = "store.missing_reference"
        elif "not null" in lowered or "null value" in lowered:
            key = "store.missing_value"
        else:
            key = "store.broken_rule"
    return InvalidInput(key, what=_what(orig, text))


def database_error(exc: DBAPIError) -> ReviewerError:
    """The error to show for a failure the database reported (nothing was written: the
    unit of work it happened in is rolled back)."""
    orig = exc.orig
    text = str(orig) if orig is not None else str(exc)
    error = _first_line(text)
    lowered = text.lower()
    sqlite_name = _sqlite_name(orig)
    state = _sqlstate(orig)

    if (
        isinstance(exc, IntegrityError)
        or sqlite_name.startswith("SQLITE_CONSTRAINT")
        or state.startswith("23")
    ):
        return _integrity(orig, text, sqlite_name, state)
    if (
        isinstance(exc, DataError)
        or state.startswith("22")
        or sqlite_name in ("SQLITE_TOOBIG", "SQLITE_MISMATCH", "SQLITE_RANGE")
    ):
        return InvalidInput("store.bad_value", what=error)
    if (
        sqlite_name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
        or state in _BUSY_STATES
        or "database is locked" in lowered
        or "database table is locked" in lowered
        or "database is busy" in lowered
    ):
        return RefusedByState("store.busy")
    if (
        sqlite_name == "SQLITE_FULL"
        or state in ("53100", "53200")
        or "disk is full" in lowered
        or "no space left" in lowered
    ):
        return StorageFailure("store.disk_full", error=error)
    if (
        sqlite_name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH", "SQLITE_CANTOPEN"))
        or state in ("42501", "25006")
        or "readonly database" in lowered
        or "read-only" in lowered
        or "permission denied" in lowered
    ):
        return StorageFailure("store.read_only", error=error)
    if sqlite_name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or state == "XX001":
        return StorageFailure("store.corrupt", error=error)
    if sqlite_name.startswith("SQLITE_IOERR") or state.startswith("58") or "i/o error" in lowered:
        return StorageFailure("store.io_error", error=error)
    if state.startswith("08") or exc.connection_invalidated:
        return StorageFailure("store.connection", error=error)
    return StorageFailure("store.database_error", error=error)
