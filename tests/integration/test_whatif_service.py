"""The what-if service: scenarios against the newest run, and saving one as a new run."""

from __future__ import annotations

import shutil
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import parse_config
from reviewer.domain.digest import inputs_digest
from reviewer.domain.evaluate import evaluate
from reviewer.domain.model import Decision, RoundResult, Status
from reviewer.domain.recorded import record
from reviewer.domain.stopping import CancelToken
from reviewer.errors import ConfigError, InvalidInput, RefusedByState, SolverCancelled
from reviewer.i18n import render
from reviewer.services import corrections, exporting, locking, rounds, run_view, selecting
from reviewer.services.whatif import Baseline, load_baseline, save_scenario
from reviewer.store import repository, runs
from reviewer.store.models import AuditRow, CriterionRow, TrackRow
from tests.demo_round import build_demo_round


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo round of 150 applications with one selection run."""
    return build_demo_round(tmp_path_factory.mktemp("whatif"), 150, seed=11, select=True)


@pytest.fixture
def round_copy(demo: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "round.db"
    shutil.copy(demo, copy)
    return copy


def with_weight(config: RoundConfig, track_id: str, criterion: str, weight: float) -> RoundConfig:
    tracks = tuple(
        replace(
            t,
            criteria=tuple(
                replace(c, weight=weight) if c.id == criterion else c for c in t.criteria
            ),
        )
        if t.id == track_id
        else t
        for t in config.tracks
    )
    return replace(config, tracks=tracks)


def preview(result: RoundResult) -> RoundResult:
    """``result`` as a scenario shows it: the same, without the explanations."""
    decisions = {k: Decision(k, d.status) for k, d in result.selection.decisions.items()}
    selection = replace(result.selection, decisions=decisions, explained=False)
    return replace(result, selection=selection)


def with_seats(config: RoundConfig, track_id: str, seats: int) -> RoundConfig:
    tracks = tuple(replace(t, seats=seats) if t.id == track_id else t for t in config.tracks)
    return replace(config, tracks=tracks)


def busy_track(base: Baseline) -> tuple[str, int, int]:
    """A track that filled at least three seats: its id, seats and selections."""
    outcome = next(t for t in base.recorded.tracks if t.selected >= 3)
    return outcome.id, outcome.seats, outcome.selected


def baseline(path: Path) -> Baseline:
    with rounds.open_round(path) as db:
        return load_baseline(db)


def test_no_change_is_the_recorded_run(demo: Path) -> None:
    base = baseline(demo)
    scenario = base.compute(base.config)
    assert scenario.entering == () and scenario.leaving == ()
    assert scenario.changes == () and scenario.toml_diff == ""
    assert scenario.new_total == scenario.old_total == base.recorded.total_score
    assert scenario.new_selected == scenario.old_selected == base.recorded.selected
    assert all(t.old_selected == t.new_selected for t in scenario.tracks)
    assert all(
        (q.old_required, q.old_achieved) == (q.new_required, q.new_achieved)
        for q in scenario.quotas
    )
    assert not base.stale and not base.locked


def test_fewer_seats_lists_who_leaves_with_old_and_new_figures(demo: Path) -> None:
    base = baseline(demo)
    track_id, seats, selected = busy_track(base)
    scenario = base.compute(with_seats(base.config, track_id, selected - 2))
    expected = evaluate(replace(base.data, config=scenario.config))
    old = {i for i, a in base.recorded.applications.items() if a.status.is_selected}
    assert {m.id for m in scenario.entering} == expected.selection.selected - old
    assert {m.id for m in scenario.leaving} == old - expected.selection.selected
    assert scenario.leaving, "two seats fewer must leave someone out"
    for move in scenario.leaving:
        recorded = base.recorded.applications[move.id]
        assert (move.old_final, move.old_rank, move.old_status) == (
            recorded.final,
            recorded.rank,
            recorded.status,
        )
        assert move.new_status == expected.status(move.id)
        assert move.new_final == expected.scored[move.id].final
        assert move.title and move.track_name
    fill = next(t for t in scenario.tracks if t.id == track_id)
    assert (fill.old_seats, fill.new_seats) == (seats, selected - 2)
    assert (fill.old_selected, fill.new_selected) == (selected, selected - 2)
    assert scenario.new_total == expected.selection.total_score < scenario.old_total
    assert [str(c) for c in scenario.changes] == [
        f"tracks.{track_id}.seats: {seats} → {selected - 2}"
    ]
    assert f"-seats = {seats}" in scenario.toml_diff
    assert f"+seats = {selected - 2}" in scenario.toml_diff


def test_weight_change_is_named_by_its_path(demo: Path) -> None:
    base = baseline(demo)
    track = next(t for t in base.config.tracks if t.id == "tips")
    criterion = track.criteria[0]
    scenario = base.compute(with_weight(base.config, "tips", criterion.id, criterion.weight + 10))
    assert [str(c) for c in scenario.changes] == [
        f"tracks.tips.criteria.{criterion.id}.weight: "
        f"{criterion.weight:g} → {criterion.weight + 10:g}"
    ]
    expected = evaluate(replace(base.data, config=scenario.config))
    assert scenario.result == preview(expected)
    assert not scenario.result.selection.explained
    assert all(d.explanation is None for d in scenario.result.selection.decisions.values())


def test_quota_share_change_reports_required_counts(demo: Path) -> None:
    base = baseline(demo)
    quota = base.config.quotas[-1]
    changed = replace(
        base.config, quotas=(*base.config.quotas[:-1], replace(quota, share=Fraction(7, 10)))
    )
    scenario = base.compute(changed)
    line = next(q for q in scenario.quotas if q.name == quota.name)
    assert line.new_required > line.old_required
    assert line.new_achieved == next(
        q.achieved for q in scenario.result.selection.quotas if q.name == quota.name
    )
    assert any(c.key == f"quotas.{quota.name}.min_share" for c in scenario.changes)


def test_invalid_settings_are_refused_with_the_key(demo: Path) -> None:
    base = baseline(demo)
    with pytest.raises(ConfigError) as error:
        base.compute(with_seats(base.config, "tips", -1))
    assert "seats" in str(error.value)
    tips = next(t for t in base.config.tracks if t.id == "tips")
    kept = tuple(c for c in tips.criteria if c.id != tips.criteria[-1].id)
    tracks = tuple(replace(t, criteria=kept) if t.id == "tips" else t for t in base.config.tracks)
    with pytest.raises(InvalidInput) as removed:
        base.compute(replace(base.config, tracks=tracks))
    assert removed.value.key == "whatif.tracks_changed"
    # a setting the panel does not edit is refused too: saving it would store it half
    unrequired = tuple(replace(t, requires=()) for t in base.config.tracks)
    for changed in (
        replace(base.config, tracks=unrequired),
        replace(base.config, region=None if base.config.region else "서울"),
        replace(base.config, decimals=base.config.decimals + 1),
    ):
        with pytest.raises(InvalidInput) as refused:
            base.compute(changed)
        assert refused.value.key == "whatif.tracks_changed"


def test_cancelled_compute_raises(demo: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(SolverCancelled):
        baseline(demo).compute(baseline(demo).config, token)


def test_no_run_is_refused(tmp_path: Path) -> None:
    path = build_demo_round(tmp_path, 30, seed=2, select=False)
    with rounds.open_round(path) as db, pytest.raises(RefusedByState) as error:
        load_baseline(db)
    assert error.value.key == "whatif.no_run"


def test_save_records_a_run_that_is_the_rounds_current_run(round_copy: Path) -> None:
    base = baseline(round_copy)
    track_id, _, selected = busy_track(base)
    scenario = base.compute(with_seats(base.config, track_id, selected - 2))
    assert scenario.leaving
    with rounds.open_round(round_copy) as db:
        saved = save_scenario(db, scenario, "  committee decision  of 3 March ")
        with db.session() as session:
            latest = runs.latest_run(session)
            assert latest is not None and latest.id == saved.run_id > base.run_id
            assert latest.config_toml == scenario.config.source
            assert parse_config(latest.config_toml) == scenario.config
            data = repository.load_round(session)
            assert data.config == scenario.config  # the scenario is the round's config now
            assert latest.digest == saved.digest == inputs_digest(data)
            seats = session.get(TrackRow, track_id)
            assert seats is not None and seats.seats == selected - 2
            entry = session.scalars(
                select(AuditRow).where(AuditRow.action == "scenario").order_by(AuditRow.id)
            ).all()[-1]
            assert entry.target == str(saved.run_id)
            assert entry.detail["reason"] == "committee decision of 3 March"
            assert entry.detail["baseline_run"] == base.run_id
            assert entry.detail["changes"] == [str(c) for c in scenario.changes]
            assert entry.detail["diff"] == scenario.toml_diff
            recorded = runs.recorded_run(latest)
        view = run_view.newest_run(db, "en")
    assert view is not None and not view.stale and view.run_id == saved.run_id
    for move in scenario.leaving:
        assert recorded.applications[move.id].status == move.new_status
        assert recorded.applications[move.id].reason("ko") is not None
    assert recorded.total_score == scenario.new_total
    # the next run of the round computes the same selection from the saved config
    with rounds.open_round(round_copy) as db:
        again = selecting.run_selection(db, "en")
    assert again.result is not None
    assert again.result.selection.selected == scenario.result.selection.selected


def test_saved_scenario_records_what_a_selection_run_records(round_copy: Path) -> None:
    """A scenario leaves the explanations out; the saved run has them, exactly as
    ``evaluate`` gives them, in both languages."""
    base = baseline(round_copy)
    track_id, _, selected = busy_track(base)
    scenario = base.compute(with_seats(base.config, track_id, selected - 2))
    assert not scenario.result.selection.explained
    data = replace(base.data, config=scenario.config)
    expected = evaluate(data)
    assert any(d.explanation is not None for d in expected.selection.decisions.values())
    with rounds.open_round(round_copy) as db:
        saved = save_scenario(db, scenario, "adopted")
        with db.session() as session:
            latest = runs.latest_run(session)
            assert latest is not None and latest.id == saved.run_id
            recorded = runs.recorded_run(latest)
    wanted = record(data, expected, digest=saved.digest, created_at=recorded.created_at)
    assert recorded == wanted
    for app_id, app in wanted.applications.items():
        for lang in ("ko", "en"):
            assert recorded.applications[app_id].reason(lang) == app.reason(lang)


def test_export_prints_the_saved_scenario_and_goes_stale_after_a_correction(
    round_copy: Path, tmp_path: Path
) -> None:
    base = baseline(round_copy)
    track = next(t for t in base.config.tracks if t.id == "tips")
    criterion = track.criteria[0]
    scenario = base.compute(with_weight(base.config, "tips", criterion.id, criterion.weight * 3))
    changed = next(
        app
        for app in scenario.result.scored.values()
        if app.track == "tips"
        and app.final is not None
        and app.final != base.recorded.applications[app.id].final
    )
    workbook = tmp_path / "out.xlsx"
    with rounds.open_round(round_copy) as db:
        save_scenario(db, scenario, "weights adopted")
        exporting.export_reports(db, xlsx=workbook, lang="en")
        book = openpyxl.load_workbook(workbook, read_only=True)
        sheet = book[render("report.sheet.ranking", "en")]
        row = next(r for r in sheet.iter_rows(values_only=True) if changed.id in r)
        assert float(changed.final) in row  # type: ignore[arg-type]
        assert float(base.recorded.applications[changed.id].final or 0) not in row
        corrections.correct_application(db, changed.id, {"bonus": "1"}, "typo")
        view = run_view.newest_run(db, "en")
        assert view is not None and view.stale
        with pytest.raises(RefusedByState) as stale:
            exporting.export_reports(db, xlsx=workbook, lang="en")
    assert stale.value.key == "export.stale"


def test_save_needs_a_reason(round_copy: Path) -> None:
    base = baseline(round_copy)
    scenario = base.compute(with_seats(base.config, "tips", 3))
    with rounds.open_round(round_copy) as db, pytest.raises(InvalidInput) as error:
        save_scenario(db, scenario, "   ")
    assert error.value.key == "whatif.reason_required"


def test_save_refused_in_a_locked_round(round_copy: Path) -> None:
    base = baseline(round_copy)
    scenario = base.compute(with_seats(base.config, "tips", 3))
    with rounds.open_round(round_copy) as db:
        locking.lock_round(db)
        with pytest.raises(RefusedByState) as error:
            save_scenario(db, scenario, "reason")
        assert error.value.key == "store.locked"
        assert load_baseline(db).locked


def test_save_refused_when_the_data_changed_since_the_baseline(round_copy: Path) -> None:
    base = baseline(round_copy)
    scenario = base.compute(with_seats(base.config, "tips", 3))
    some = next(iter(base.recorded.applications))
    with rounds.open_round(round_copy) as db:
        corrections.correct_application(db, some, {"bonus": "2"}, "typo")
        with pytest.raises(RefusedByState) as error:
            save_scenario(db, scenario, "reason")
        assert error.value.key == "whatif.round_changed"
        with db.session() as session:
            assert runs.latest_run_stamp(session)[0] == base.run_id  # type: ignore[index]


def test_save_refused_after_a_newer_run(round_copy: Path) -> None:
    base = baseline(round_copy)
    scenario = base.compute(with_seats(base.config, "tips", 3))
    with rounds.open_round(round_copy) as db:
        selecting.run_selection(db, "en")
        with pytest.raises(RefusedByState) as error:
            save_scenario(db, scenario, "reason")
    assert error.value.key == "whatif.newer_run"


def test_weights_are_mirrored_in_the_criterion_table(round_copy: Path) -> None:
    base = baseline(round_copy)
    track = next(t for t in base.config.tracks if t.id == "tips")
    criterion = track.criteria[0]
    scenario = base.compute(with_weight(base.config, "tips", criterion.id, 33))
    with rounds.open_round(round_copy) as db:
        save_scenario(db, scenario, "reason")
        with db.session() as session:
            row = session.get(CriterionRow, ("tips", criterion.id))
            assert row is not None and row.weight == 33
    assert Decimal(33) == Decimal(row.weight)


def test_a_changed_list_reads_on_one_line() -> None:
    from reviewer.services.whatif import _value

    assert (
        _value(["guarantee", "investment_commitment"]) == '["guarantee", "investment_commitment"]'
    )
    assert _value([]) == "[]"
    assert _value(40) == "40" and _value("trimmed") == '"trimmed"'


def test_the_charts_of_a_run_use_its_own_configuration(round_copy: Path) -> None:
    from reviewer.services.charts import charts

    with rounds.open_round(round_copy) as db:
        with db.session() as session:
            latest = runs.latest_run(session)
            assert latest is not None
            current = repository.load_round(session).config
            # the run recorded under another cutoff than the round's configuration now
            latest.config_toml = current.source.replace("cutoff = 70", "cutoff = 65", 1)
        assert "cutoff = 65" in latest.config_toml
        figures = charts(db)
    assert figures is not None and current.cutoff == 70
    assert figures.charts.cutoff == Decimal(65)
    assert {d.cutoff for d in figures.charts.distributions} == {Decimal(65)}


def test_a_preview_that_disagrees_with_the_full_evaluation_is_not_saved(
    round_copy: Path,
) -> None:
    from reviewer.errors import SolverFailed

    base = baseline(round_copy)
    track_id, _, selected = busy_track(base)
    scenario = base.compute(with_seats(base.config, track_id, selected - 2))
    assert not scenario.result.selection.explained
    moved = scenario.leaving[0].id
    decisions = dict(scenario.result.selection.decisions)
    decisions[moved] = Decision(moved, Status.SELECTED)  # shown as staying in
    wrong = replace(
        scenario,
        result=replace(
            scenario.result, selection=replace(scenario.result.selection, decisions=decisions)
        ),
    )
    with rounds.open_round(round_copy) as db:
        with pytest.raises(SolverFailed) as refused:
            save_scenario(db, wrong, "committee decision")
        with db.session() as session:
            latest = runs.latest_run(session)
            assert latest is not None and latest.id == base.run_id  # nothing recorded
            assert repository.load_round(session).config == base.config
    assert "preview" in refused.value.message("en")


def test_compute_leaves_the_cycle_collector_as_it_was(demo: Path) -> None:
    import gc

    base = baseline(demo)
    assert gc.isenabled()
    base.compute(with_seats(base.config, busy_track(base)[0], 1))
    assert gc.isenabled()
    gc.disable()
    try:
        base.compute(with_seats(base.config, busy_track(base)[0], 2))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_charts_of_a_run_whose_configuration_no_longer_reads(round_copy: Path) -> None:
    """A run recorded under rules since tightened still shows, as stale, against the
    round's configuration (it is never a reason for the view to fail)."""
    from reviewer.services.charts import charts
    from reviewer.services.review_statistics import review_statistics

    with rounds.open_round(round_copy) as db:
        with db.session() as session:
            latest = runs.latest_run(session)
            assert latest is not None
            current = repository.load_round(session).config
            latest.config_toml = current.source + "\n[selection]\nseat_tranfer = true\n"
        figures = charts(db)
        statistics = review_statistics(db)
    assert figures is not None and figures.source.stale
    assert figures.charts.cutoff == Decimal(str(current.cutoff))
    assert statistics.source.stale
