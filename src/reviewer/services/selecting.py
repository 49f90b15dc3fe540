"""Running the selection: score, select, record the run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from reviewer.domain.digest import inputs_digest
from reviewer.domain.evaluate import evaluate
from reviewer.domain.model import RoundData, RoundResult
from reviewer.domain.recorded import record
from reviewer.domain.recorded_json import record_document
from reviewer.domain.stopping import CancelToken
from reviewer.errors import InvalidInput
from reviewer.i18n import LANGS, Lang
from reviewer.services.results import selection_json, stored_json
from reviewer.store import audit as audit_log
from reviewer.store import repository, runs
from reviewer.store.engine import Database


@dataclass(frozen=True)
class SelectionRun:
    run_id: int
    digest: str
    created_at: datetime
    data: RoundData
    result: RoundResult | None  # None for a locked round's recorded run (not computed again)
    document: dict[str, Any]
    recorded: bool = True


def compute(
    data: RoundData,
    lang: Lang | None = None,
    *,
    time_limit: float | None = None,
    cancel: CancelToken | None = None,
) -> tuple[RoundResult, dict[str, Any]]:
    """Score and select; a selection stopped (``time_limit`` seconds, ``cancel``) or failed
    raises a :class:`~reviewer.errors.SolverError`."""
    if not data.applications:
        raise InvalidInput("select.no_applications")
    result = evaluate(data, time_limit=time_limit, cancel=cancel)
    return result, selection_json(data, result, lang)


def run_selection(
    database: Database,
    lang: Lang | None = None,
    *,
    time_limit: float | None = None,
    cancel: CancelToken | None = None,
) -> SelectionRun:
    """Compute scores and the selection from the round's data and record the run. A
    selection that is stopped or fails records nothing (see :func:`compute`)."""
    with database.reading() as session:
        data = repository.load_round(session)
        digest = inputs_digest(data)
        latest = runs.latest_run(session)
        if (
            repository.round_info(session).status == "locked"
            and latest is not None
            and latest.digest == digest
        ):
            # A locked round keeps its final run: what it recorded is the answer, also
            # after an upgrade of the program; nothing is computed again.
            return SelectionRun(
                latest.id,
                digest,
                latest.created_at,
                data,
                None,
                stored_json(latest.result, lang),
                recorded=False,
            )
        repository.require_open(session)
    # computed without holding the round: another program may import meanwhile, and
    # the run records the digest of the data it was computed from (a change since
    # shows it out of date, as any later change does)
    result, document = compute(data, lang, time_limit=time_limit, cancel=cancel)
    with database.session() as session:
        repository.require_open(session)  # not locked meanwhile
        run_id, created = store_run(session, data, result, document, digest=digest)
    return SelectionRun(run_id, digest, created, data, result, document)


def store_run(
    session: Session, data: RoundData, result: RoundResult, document: dict[str, Any], *, digest: str
) -> tuple[int, datetime]:
    """Record ``result`` of ``data`` as a new run: its configuration's round.toml, the
    digest, the JSON ``document`` with the reasons in both languages and the typed
    record the reports print. Returns the run's id and time."""
    created = audit_log.now()
    recorded = record(data, result, digest=digest, created_at=created)
    stored = {
        **document,
        "reasons": {
            language: {
                app_id: app.reason(language) for app_id, app in recorded.applications.items()
            }
            for language in LANGS
        },
        "record": record_document(recorded),
    }
    run_id = runs.record_run(
        session,
        digest=digest,
        config_toml=data.config.source,
        result=result,
        document=stored,
        created_at=created,
    )
    return run_id, created
