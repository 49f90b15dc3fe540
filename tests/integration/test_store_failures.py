"""Database failures reach the user in the category that is true (DESIGN §6 exit codes)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from reviewer.domain.model import Application
from reviewer.errors import InvalidInput, RefusedByState, ReviewerError, StorageFailure
from reviewer.services import rounds
from reviewer.store import repository
from reviewer.store.engine import Database
from reviewer.store.failures import database_error


def _app(app_id: str) -> Application:
    return Application(
        id=app_id, track="challenge", title="제목", company="(주)테스트", ai_category="AI"
    )


def _failure(database: Database, *statements: str) -> ReviewerError:
    with pytest.raises(ReviewerError) as info, database.session() as session:
        for statement in statements:
            session.execute(text(statement))
    return info.value


def _with_pragma(database: Database, pragma: str) -> None:
    """Every new connection of ``database`` runs ``pragma`` after the program's own."""
    database.engine.dispose()

    def apply(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(pragma)

    event.listen(database.engine, "connect", apply)


def test_a_duplicate_key_is_invalid_input_naming_the_column(database: Database) -> None:
    with pytest.raises(InvalidInput) as info, database.session() as session:
        repository.add_applications(session, [_app("A-1")], source="t")
        repository.add_applications(session, [_app("A-1")], source="t")
    assert info.value.exit_code == 3
    assert info.value.message("en") == (
        "nothing was written: a value clashes with one already in the round (application.id)"
    )
    assert (
        info.value.message("ko") == "이미 있는 값과 겹쳐 아무것도 쓰지 않았습니다: application.id"
    )
    with database.session() as session:  # rolled back
        assert repository.application_tracks(session) == {}


def test_a_reference_to_nothing_is_invalid_input(database: Database) -> None:
    error = _failure(
        database, "INSERT INTO reviewer_track (reviewer_id, track_id) VALUES ('nobody', 'tips')"
    )
    assert isinstance(error, InvalidInput) and error.exit_code == 3
    assert "refers to something the round does not have" in error.message("en")


def test_a_missing_required_value_is_invalid_input_naming_it(database: Database) -> None:
    error = _failure(database, "INSERT INTO reviewer (id, affiliation) VALUES ('R9', '')")
    assert isinstance(error, InvalidInput) and error.exit_code == 3
    assert error.message("en") == (
        "nothing was written: a required value is missing (reviewer.name)"
    )


def test_a_locked_database_is_refused_by_state(database: Database, round_db: Path) -> None:
    _with_pragma(database, "PRAGMA busy_timeout=0")
    other = sqlite3.connect(round_db, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        error = _failure(database, "UPDATE round_info SET name = name")
    finally:
        other.rollback()
        other.close()
    assert isinstance(error, RefusedByState) and error.exit_code == 4
    assert error.message("en") == "another program is writing this round; try again in a moment"
    assert "다른 프로그램이 이 평가 회차를 쓰고 있습니다" in error.message("ko")


def test_a_full_disk_is_a_storage_failure(database: Database) -> None:
    with database.session() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar_one()
    _with_pragma(database, f"PRAGMA max_page_count={pages}")
    error = _failure(
        database,
        "CREATE TABLE filler (x TEXT)",
        "INSERT INTO filler SELECT hex(randomblob(5000)) FROM "
        "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
        "SELECT i FROM n)",
    )
    assert isinstance(error, StorageFailure) and error.exit_code == 3
    assert error.message("en").startswith("the disk is full, so the database cannot be written")
    assert "디스크가 가득 차" in error.message("ko")


def test_a_read_only_database_is_a_storage_failure(round_db: Path) -> None:
    database = Database(f"sqlite:///file:{round_db}?mode=ro&uri=true")
    try:
        error = _failure(database, "UPDATE round_info SET name = 'x'")
    finally:
        database.close()
    assert isinstance(error, StorageFailure) and error.exit_code == 3
    assert error.message("en").startswith("the database cannot be written: no permission")


def test_init_onto_a_full_disk_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: Any
) -> None:
    from reviewer.store import repository as repo

    def full(*_args: Any, **_kwargs: Any) -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(repo, "create_round", full)
    with pytest.raises(StorageFailure, match="disk is full"):
        rounds.create_round(tmp_path / "r.db", template)
    assert not (tmp_path / "r.db").exists()


class _PgError(Exception):
    """What psycopg raises: a SQLSTATE and diagnostics."""

    def __init__(self, message: str, sqlstate: str, **diag: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate
        self.diag = type("Diag", (), diag)()


@pytest.mark.parametrize(
    ("error", "kind", "exit_code", "needle"),
    [
        (
            IntegrityError(
                "INSERT",
                {},
                _PgError(
                    'duplicate key value violates unique constraint "pk_application"',
                    "23505",
                    table_name="application",
                    message_detail="Key (id)=(A-1) already exists.",
                ),
            ),
            InvalidInput,
            3,
            "clashes with one already in the round (application: Key (id)=(A-1) already exists.)",
        ),
        (
            IntegrityError(
                "INSERT",
                {},
                _PgError("insert violates foreign key", "23503", constraint_name="fk_review"),
            ),
            InvalidInput,
            3,
            "refers to something the round does not have (fk_review)",
        ),
        (
            DataError(
                "INSERT", {}, _PgError("value too long for type character varying(64)", "22001")
            ),
            InvalidInput,
            3,
            "a value does not fit the database (value too long for type character varying(64))",
        ),
        (
            OperationalError("UPDATE", {}, _PgError("canceling statement: lock timeout", "55P03")),
            RefusedByState,
            4,
            "another program is writing this round",
        ),
        (
            OperationalError("UPDATE", {}, _PgError("deadlock detected", "40P01")),
            RefusedByState,
            4,
            "another program is writing this round",
        ),
        (
            OperationalError("INSERT", {}, _PgError("could not extend file", "53100")),
            StorageFailure,
            3,
            "the disk is full",
        ),
        (
            OperationalError("INSERT", {}, _PgError("permission denied for table review", "42501")),
            StorageFailure,
            3,
            "no permission",
        ),
        (
            OperationalError("SELECT", {}, _PgError("server closed the connection", "08006")),
            StorageFailure,
            3,
            "connection to the database server failed or was lost",
        ),
        (
            OperationalError("INSERT", {}, sqlite3.OperationalError("disk I/O error")),
            StorageFailure,
            3,
            "a disk or network error",
        ),
        (
            OperationalError(
                "INSERT", {}, sqlite3.OperationalError("database disk image is malformed")
            ),
            StorageFailure,
            3,
            "nothing was written: the database could not complete the request",
        ),
    ],
)
def test_each_failure_maps_to_its_category(
    error: Any, kind: type[ReviewerError], exit_code: int, needle: str
) -> None:
    mapped = database_error(error)
    assert type(mapped) is kind
    assert mapped.exit_code == exit_code
    assert needle in mapped.message("en")
    assert mapped.message("ko")
