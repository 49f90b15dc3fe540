"""Creating and opening round databases."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from reviewer.domain.config import RoundConfig, TextLimits
from reviewer.domain.config_toml import load_config
from reviewer.errors import InvalidInput, Location, RefusedByState
from reviewer.store import repository
from reviewer.store.engine import (
    SQLITE_HEADER,
    Database,
    database_url,
    display_name,
    sqlite_path,
)
from reviewer.store.failures import database_error
from reviewer.store.limits import config_limits
from reviewer.store.migrate import ensure_current, upgrade_on


def _remove_sqlite(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def create_round(target: str | Path, config: RoundConfig) -> None:
    """Create a new round database at ``target`` (a file path or URL) from ``config``.

    The schema and the round's rows are written in one transaction, so a failure leaves
    no half-built round behind (on PostgreSQL too, whose DDL is transactional).
    """
    url = database_url(target)
    path = sqlite_path(url)
    name = display_name(target)
    if path is not None:
        if path.exists() and (not path.is_file() or path.stat().st_size > 0):
            raise RefusedByState(_occupied_key(url, path), path=name)
        if not path.parent.is_dir():
            raise InvalidInput("store.no_folder", Location(file=name), path=str(path.parent))
    database = Database(url)
    created = False
    try:
        with database.engine.connect() as connection:
            existing = inspect(connection).get_table_names()
            connection.rollback()
            if existing:
                raise RefusedByState("store.exists", path=name)
            if path is not None:
                connection.connection.dbapi_connection.execute(  # type: ignore[union-attr]
                    "PRAGMA journal_mode=WAL"
                )
            created = True
            with connection.begin():
                upgrade_on(connection)
                with Session(bind=connection) as session:
                    repository.create_round(session, config)
                    session.flush()
    except DBAPIError as exc:
        database.close()
        if path is not None and created:
            _remove_sqlite(path)
        raise database_error(exc) from exc
    except BaseException:
        database.close()
        if path is not None and created:
            _remove_sqlite(path)
        raise
    database.close()


def text_limits() -> TextLimits:
    """The longest names a round database holds (``parse_config`` refuses longer ones)."""
    return config_limits()


def read_config(path: str | Path) -> RoundConfig:
    """Read and validate a round.toml file as ``init`` does, names checked against the
    database's columns."""
    return load_config(str(path), limits=config_limits())


def init_round(target: str | Path, config_path: str | Path) -> RoundConfig:
    """Create a round from a round.toml file; names too long for the database's columns
    are refused here, naming the key."""
    config = load_config(str(config_path), limits=config_limits())
    create_round(target, config)
    return config


def _occupied_key(url: str, path: Path) -> str:
    """What is already at ``path``, where a new round was asked for: a round, another
    program's SQLite database, a folder or another file (the message key)."""
    if path.is_dir():
        return "store.exists_folder"
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return "store.exists_file"
    if header != SQLITE_HEADER:
        return "store.exists_file"
    return "store.exists" if repository.is_round(url) else "store.exists_other"


def _check_sqlite_file(path: Path, name: str) -> None:
    if not path.exists():
        raise InvalidInput("store.missing", Location(file=name))
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise InvalidInput(
            "store.unopenable", Location(file=name), error=exc.strerror or str(exc)
        ) from exc
    if header != SQLITE_HEADER:
        raise InvalidInput("store.not_a_database", Location(file=name))


@contextmanager
def open_round(target: str | Path) -> Iterator[Database]:
    """Open an existing round database, migrating it to this program's schema."""
    url = database_url(target)
    path = sqlite_path(url)
    name = display_name(target)
    if path is not None:
        _check_sqlite_file(path, name)
    database = Database(url)
    try:
        try:
            ensure_current(database.engine, name)
        except DBAPIError as exc:
            failure = database_error(exc)
            if isinstance(failure, RefusedByState):  # another program is writing
                raise failure from exc
            raise InvalidInput(
                "store.unopenable", Location(file=name), error=str(exc.orig).splitlines()[0]
            ) from exc
        yield database
    finally:
        database.close()


def round_uid(target: str | Path) -> str | None:
    """The round's uid, read without opening it (no migration, nothing written); None
    when ``target`` is no round database, or one written before rounds had uids."""
    url = database_url(target)
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        return None  # SQLite would make an empty database of a missing file
    return repository.peek_round_uid(url)
