"""Creating and opening round databases."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import DatabaseError, OperationalError

from reviewer.domain.config import RoundConfig, load_config
from reviewer.errors import InvalidInput, Location, RefusedByState
from reviewer.store import repository
from reviewer.store.engine import Database, database_url, sqlite_path
from reviewer.store.migrate import ensure_current, upgrade


def create_round(target: str | Path, config: RoundConfig) -> None:
    """Create a new round database at ``target`` (a file path or URL) from ``config``."""
    url = database_url(target)
    path = sqlite_path(url)
    if path is not None and path.exists() and path.stat().st_size > 0:
        raise RefusedByState("store.exists", path=str(target))
    database = Database(url)
    try:
        if inspect(database.engine).get_table_names():
            raise RefusedByState("store.exists", path=str(target))
        upgrade(database.engine)
        with database.session() as session:
            repository.create_round(session, config)
    except BaseException:
        database.close()
        if path is not None and path.exists():
            for leftover in (
                path,
                path.with_name(path.name + "-wal"),
                path.with_name(path.name + "-shm"),
            ):
                leftover.unlink(missing_ok=True)
        raise
    database.close()


def init_round(target: str | Path, config_path: str | Path) -> RoundConfig:
    config = load_config(str(config_path))
    create_round(target, config)
    return config


@contextmanager
def open_round(target: str | Path) -> Iterator[Database]:
    """Open an existing round database, migrating it to this program's schema."""
    url = database_url(target)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise InvalidInput("store.missing", Location(file=str(target)), path=str(target))
    database = Database(url)
    try:
        try:
            ensure_current(database.engine)
        except (DatabaseError, OperationalError) as exc:
            raise InvalidInput("store.unopenable", path=str(target), error=str(exc.orig)) from exc
        yield database
    finally:
        database.close()
