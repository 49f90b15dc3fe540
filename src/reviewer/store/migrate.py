"""Schema migrations (Alembic, shipped inside the package), run when a round is opened.

Before an SQLite file is migrated a copy is taken beside it. A database whose revision
this program does not know was written by a newer program and is refused.

Alembic loads only when a database is not at :data:`SCHEMA_REVISION` (this program's
newest migration; a test holds the two equal): opening a current round reads its
revision with one query, and a command starts without Alembic's import.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from reviewer.errors import InvalidInput, RefusedByState
from reviewer.store.engine import READ_ONLY, sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

SCHEMA_REVISION = "0002"  # the head of migrations/versions


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("reviewer.store") / "migrations"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with _reader(engine).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _reader(engine: Engine) -> Engine:
    """``engine`` for reading only: it never waits for another program's write."""
    return engine.execution_options(**{READ_ONLY: True})


def _recorded_revision(engine: Engine) -> str | None:
    """The revision in Alembic's version table, read with one query; None when there is
    no single one (no table, no row, several heads): the full check decides then."""
    try:
        with _reader(engine).connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def upgrade_on(connection: Connection, revision: str = "head") -> None:
    """Bring the schema to ``revision`` inside the connection's transaction."""
    from alembic import command

    command.upgrade(_config(connection), revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` in one transaction.

    On SQLite, foreign keys are off while Alembic rebuilds tables (a batch rebuild drops
    and re-creates a table, which with foreign keys on would cascade deletes into the
    rows that refer to it) and every reference is checked before the transaction ends.
    """
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.connection.dbapi_connection.execute(  # type: ignore[union-attr]
                "PRAGMA foreign_keys=OFF"
            )
        try:
            with connection.begin():
                upgrade_on(connection, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RefusedByState("store.migration_broken", count=len(broken))
        finally:
            if sqlite:
                connection.connection.dbapi_connection.execute(  # type: ignore[union-attr]
                    "PRAGMA foreign_keys=ON"
                )


def backup_file(database: Path, revision: str) -> Path:
    """Copy the database file (and its WAL) beside it before a migration."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = database.with_name(f"{database.name}.bak-{revision}-{stamp}")
    shutil.copy2(database, target)
    wal = database.with_name(database.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return target


def ensure_current(engine: Engine, name: str = "") -> Path | None:
    """Migrate an existing round database to this program's schema.

    Returns the backup taken, if a migration ran. Raises ``RefusedByState`` for a
    database of a newer program, or a file that is not a round database.
    """
    if _recorded_revision(engine) == SCHEMA_REVISION:
        return None  # current: nothing to migrate, and no need of Alembic
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    if current is None:
        raise InvalidInput("store.not_a_round", database=name or engine.url.database or "")
    if current not in known_revisions():
        raise RefusedByState("store.newer_database", revision=current)
    backup = None
    database = sqlite_path(str(engine.url))
    if database is not None and database.exists():
        backup = backup_file(database, current)
    upgrade(engine)
    return backup
