"""Selection runs: recorded with their digest, configuration and every result."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import reviewer
from reviewer.domain.model import RoundResult
from reviewer.domain.recorded import RecordedRun
from reviewer.domain.recorded_json import read_run
from reviewer.store.audit import audit
from reviewer.store.bulk import bulk_insert
from reviewer.store.models import RunResultRow, SelectionRunRow


def record_run(
    session: Session,
    *,
    digest: str,
    config_toml: str,
    result: RoundResult,
    document: dict[str, Any],
    created_at: datetime,
) -> int:
    """Store a run and return its id."""
    selection = result.selection
    run = SelectionRunRow(
        created_at=created_at,
        digest=digest,
        config_toml=config_toml,
        program_version=reviewer.__version__,
        solver=selection.method or "",
        selected=len(selection.selected),
        shortfall=selection.shortfall,
        total_score=str(selection.total_score),
        result=document,
    )
    session.add(run)
    session.flush()
    reasons = {entry["id"]: entry["reason"] for entry in document["applications"]}
    bulk_insert(
        session,
        RunResultRow,
        [
            {
                "run_id": run.id,
                "application_id": scored.id,
                "track_id": scored.track,
                "final_score": None if scored.final is None else str(scored.final),
                "rank": scored.rank,
                "status": selection.decisions[scored.id].status.value,
                "reason": reasons.get(scored.id, ""),
            }
            for scored in result.scored.values()
        ],
    )
    audit(
        session,
        "select",
        str(run.id),
        digest=digest,
        selected=run.selected,
        shortfall=run.shortfall,
        total_score=run.total_score,
    )
    return run.id


def latest_run(session: Session) -> SelectionRunRow | None:
    return session.scalars(
        select(SelectionRunRow).order_by(SelectionRunRow.id.desc()).limit(1)
    ).first()


def latest_run_stamp(session: Session) -> tuple[int, datetime, str] | None:
    """The newest run's id, time and digest, without loading what it recorded."""
    row = session.execute(
        select(SelectionRunRow.id, SelectionRunRow.created_at, SelectionRunRow.digest)
        .order_by(SelectionRunRow.id.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1], row[2])


def recorded_run(run: SelectionRunRow) -> RecordedRun:
    """What ``run`` recorded, as the reports print it."""
    return read_run(run.result, digest=run.digest, created_at=run.created_at)
