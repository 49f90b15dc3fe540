"""Locking a round: once locked, nothing that changes its results is accepted."""

from __future__ import annotations

from reviewer.domain.digest import inputs_digest
from reviewer.errors import InvalidInput, RefusedByState
from reviewer.store import audit as audit_log
from reviewer.store import repository, runs
from reviewer.store.engine import Database


def lock_round(database: Database) -> None:
    """Lock the round. Only a round whose newest selection run matches its data can be
    locked: a locked round's final result must be exportable."""
    with database.session() as session:
        info = repository.round_info(session, for_update=True)
        if info.status == "locked":
            raise RefusedByState("lock.already")
        run = runs.latest_run(session)
        if run is None:
            raise RefusedByState("lock.no_run")
        if run.digest != inputs_digest(repository.load_round(session)):
            raise RefusedByState("lock.stale")
        try:  # what is locked must print: the run's record has to be readable
            runs.recorded_run(run)
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise RefusedByState("export.unreadable_run", run=str(run.id)) from exc
        info.status = "locked"
        audit_log.audit(session, "lock", info.name)


def unlock_round(database: Database, reason: str) -> None:
    """Unlock the round; the reason is required and goes to the audit log."""
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput("lock.reason_required")
    with database.session() as session:
        info = repository.round_info(session, for_update=True)
        if info.status != "locked":
            raise RefusedByState("lock.not_locked")
        info.status = "open"
        audit_log.audit(session, "unlock", info.name, reason=reason)


def is_locked(database: Database) -> bool:
    with database.session() as session:
        return repository.round_info(session).status == "locked"
