"""Locking a round: once locked, nothing that changes its results is accepted."""

from __future__ import annotations

from reviewer.errors import RefusedByState
from reviewer.store import repository
from reviewer.store.engine import Database


def lock_round(database: Database) -> None:
    with database.session() as session:
        info = repository.round_info(session)
        if info.status == "locked":
            raise RefusedByState("lock.already")
        info.status = "locked"
        repository.audit(session, "lock", info.name)


def unlock_round(database: Database) -> None:
    with database.session() as session:
        info = repository.round_info(session)
        if info.status != "locked":
            raise RefusedByState("lock.not_locked")
        info.status = "open"
        repository.audit(session, "unlock", info.name)


def is_locked(database: Database) -> bool:
    with database.session() as session:
        return repository.round_info(session).status == "locked"
