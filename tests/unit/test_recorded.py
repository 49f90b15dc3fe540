"""A recorded run reads back from its JSON exactly as it was recorded."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

from reviewer.domain.digest import inputs_digest
from reviewer.domain.evaluate import evaluate
from reviewer.domain.model import Status
from reviewer.domain.recorded import record, with_scoring
from reviewer.domain.recorded_json import read_run, record_document
from reviewer.domain.scoring import score_round
from reviewer.services.results import selection_json
from tests.integration.test_report_pdf import sample_data

AT = datetime(2025, 5, 20, 5, 30, tzinfo=UTC)


def test_a_record_reads_back_through_json_unchanged() -> None:
    data = sample_data()
    run = record(data, evaluate(data), digest=inputs_digest(data), created_at=AT)
    document = json.loads(json.dumps({"record": record_document(run)}, ensure_ascii=False))
    assert read_run(document, digest=run.digest, created_at=AT) == run
    assert any(app.explanation is not None for app in run.applications.values())
    assert {app.status for app in run.applications.values()} >= {
        Status.SELECTED_BY_QUOTA,
        Status.DISPLACED_BY_QUOTA,
        Status.INELIGIBLE,
        Status.INCOMPLETE,
    }
    assert set(run.applications["P07"].reasons) == {"ko", "en"}


def test_a_run_without_a_record_reads_from_its_json_object() -> None:
    """A run of an older program: the §6 object in the run's language, and no figures."""
    data = sample_data()
    result = evaluate(data)
    run = record(data, result, digest=inputs_digest(data), created_at=AT)
    legacy = read_run(
        json.loads(json.dumps(selection_json(data, result, "en"))), digest=run.digest, created_at=AT
    )
    assert not legacy.scoring
    assert legacy.total_score == run.total_score
    assert (legacy.selected, legacy.shortfall) == (run.selected, run.shortfall)
    assert legacy.tracks == run.tracks and legacy.boundary_ties == run.boundary_ties
    for app_id, app in run.applications.items():
        old = legacy.applications[app_id]
        shown = app.final if app.status not in (Status.INELIGIBLE, Status.INCOMPLETE) else None
        assert (old.final, old.rank, old.status) == (shown, app.rank if shown else None, app.status)
        assert old.reason("ko") == app.reason("en")  # the one language it kept
        assert old.explained == app.explained
        assert old.gap is None and not old.reviewer_totals
    filled = with_scoring(legacy, score_round(data))
    assert filled.scoring
    assert filled.applications["P01"].criterion_means == run.applications["P01"].criterion_means
    assert filled.applications["P01"].final == Decimal(str(run.applications["P01"].final))
