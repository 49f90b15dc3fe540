"""The what-if view, driven as a chair would: change a setting, read who enters and who
leaves, save the scenario as a run, and change again while a slow recomputation runs."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reviewer.domain import whatif as engine
from reviewer.domain.config import RoundConfig
from reviewer.domain.evaluate import evaluate
from reviewer.domain.model import RoundData
from reviewer.domain.recorded import RecordedRun
from reviewer.domain.stopping import CancelToken
from reviewer.services import locking, rounds, selecting
from reviewer.services.whatif import Scenario
from reviewer.store import repository, runs
from reviewer.store.models import AuditRow
from reviewer.ui.dialogs.scenario import SaveScenarioDialog
from reviewer.ui.main_window import MainWindow
from reviewer.ui.models.table import ROW_ROLE
from reviewer.ui.models.whatif import ENTERS, LEAVES, MoveRow
from reviewer.ui.views.whatif import WhatIfView
from tests.gui.conftest import open_and_wait, wait_for_load

TRACK, CRITERION = "pre-rnd", "tech"


def _whatif(window: MainWindow, qtbot: QtBot) -> WhatIfView:
    view = window.view("whatif")
    assert isinstance(view, WhatIfView)
    before = view.loads
    window.go_to("whatif")
    wait_for_load(qtbot, view, before)
    qtbot.waitUntil(lambda: view.scenario is not None and not view.computing, timeout=15_000)
    return view


def _type(qtbot: QtBot, spin: QAbstractSpinBox, text: str) -> None:
    """Type a number into a spin box as a user does: select it, type, press Enter."""
    editor = spin.lineEdit()
    spin.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _round(path: Path) -> tuple[RoundData, RecordedRun]:
    with rounds.open_round(path) as db, db.session() as session:
        row = runs.latest_run(session)
        assert row is not None
        return repository.load_round(session), runs.recorded_run(row)


def _weighted(config: RoundConfig, weight: float) -> RoundConfig:
    tracks = tuple(
        replace(
            t,
            criteria=tuple(
                replace(c, weight=weight) if c.id == CRITERION else c for c in t.criteria
            ),
        )
        if t.id == TRACK
        else t
        for t in config.tracks
    )
    return replace(config, tracks=tracks)


def _expected_moves(data: RoundData, run: RecordedRun, weight: float) -> list[tuple[str, str]]:
    result = evaluate(replace(data, config=_weighted(data.config, weight)))
    before = {i for i, a in run.applications.items() if a.status.is_selected}
    after = set(result.selection.selected)
    return sorted([(ENTERS, i) for i in after - before] + [(LEAVES, i) for i in before - after])


def _shown_moves(view: WhatIfView) -> list[MoveRow]:
    return [
        view.move_table.model().index(r, 0).data(ROW_ROLE) for r in range(view.moves.rowCount())
    ]


def test_the_recorded_runs_settings_move_nobody(qtbot: QtBot, opened: MainWindow) -> None:
    view = _whatif(opened, qtbot)
    assert view.moves.rowCount() == 0
    assert "Compared with selection run #1" in view.state.text()
    assert "recorded run's settings" in view.summary.text()
    assert not view.save_button.isEnabled()
    assert view.editor.weight(TRACK, CRITERION).value() > 0
    assert view.fills.rowCount() == 7 and view.totals.rowCount() == 3


def test_a_weight_change_lists_exactly_who_enters_and_leaves(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _whatif(opened, qtbot)
    _type(qtbot, view.editor.weight(TRACK, CRITERION), "5")
    qtbot.waitUntil(lambda: not view.computing and bool(view.scenario and view.scenario.changes))
    data, run = _round(round_copy)
    expected = _expected_moves(data, run, 5)
    assert expected, "the weight change must move someone in the demo round"
    rows = _shown_moves(view)
    assert sorted((r.change, r.move.id) for r in rows) == expected
    result = evaluate(replace(data, config=_weighted(data.config, 5)))
    for row in rows:
        recorded = run.applications[row.move.id]
        assert (row.move.old_final, row.move.old_rank, row.move.old_status) == (
            recorded.final,
            recorded.rank,
            recorded.status,
        )
        assert row.move.new_final == result.scored[row.move.id].final
        assert row.move.new_rank == result.scored[row.move.id].rank
        assert row.move.new_status == result.status(row.move.id)
    entering = sum(1 for change, _ in expected if change == ENTERS)
    leaving = len(expected) - entering
    assert view.summary.text() == f"{entering} enter and {leaving} leave the selection."
    assert view.changes.toPlainText().startswith(f"tracks.{TRACK}.criteria.{CRITERION}.weight: ")
    assert view.editor.weight(TRACK, CRITERION).font().bold()
    assert view.save_button.isEnabled()


def test_reset_goes_back_to_the_runs_settings(qtbot: QtBot, opened: MainWindow) -> None:
    view = _whatif(opened, qtbot)
    start = view.editor.seats(TRACK).value()
    assert view.baseline is not None
    filled = view.baseline.recorded.track(TRACK)
    assert filled is not None and filled.selected > 5
    _type(qtbot, view.editor.seats(TRACK), str(filled.selected - 5))
    qtbot.waitUntil(lambda: not view.computing and view.moves.rowCount() == 5)
    assert all(r.change == LEAVES for r in _shown_moves(view))
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.computing and view.moves.rowCount() == 0)
    assert view.editor.seats(TRACK).value() == start
    assert not view.save_button.isEnabled()


def test_saving_the_scenario_records_a_new_run_with_the_reason(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _whatif(opened, qtbot)
    _type(qtbot, view.editor.weight(TRACK, CRITERION), "5")
    qtbot.waitUntil(lambda: not view.computing and bool(view.scenario and view.scenario.changes))
    scenario = view.scenario
    assert scenario is not None
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, SaveScenarioDialog) and dialog.isVisible()
    assert f"tracks.{TRACK}.criteria.{CRITERION}.weight" in dialog.changes.toPlainText()
    assert "+weight = 5" in dialog.diff.toPlainText()
    assert not dialog.ok_button.isEnabled()  # a reason is required
    qtbot.keyClicks(dialog.reason, "Committee adopted lower tech weight")
    assert dialog.ok_button.isEnabled()
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    before = view.loads
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_for_load(qtbot, view, before)
    qtbot.waitUntil(lambda: view.baseline is not None and view.baseline.run_id == 2)
    qtbot.waitUntil(lambda: closed == [1] and view.dialog is None)
    qtbot.waitUntil(lambda: not view.computing and view.scenario is not None)
    assert view.moves.rowCount() == 0  # the saved scenario is the new baseline
    assert view.editor.weight(TRACK, CRITERION).value() == 5
    opened.session.close()
    assert opened.session.wait(10_000)
    with rounds.open_round(round_copy) as db, db.session() as session:
        latest = runs.latest_run(session)
        assert latest is not None and latest.id == 2
        assert latest.config_toml == scenario.config.source
        assert repository.load_round(session).config == scenario.config
        entry = session.scalars(select(AuditRow).where(AuditRow.action == "scenario")).one()
        assert entry.target == "2"
        assert entry.detail["reason"] == "Committee adopted lower tech weight"
        assert entry.detail["changes"] == [str(c) for c in scenario.changes]
        recorded = runs.recorded_run(latest)
    assert {i for i, a in recorded.applications.items() if a.status.is_selected} == set(
        scenario.result.selection.selected
    )


def test_saving_is_disabled_in_a_locked_round(
    qtbot: QtBot, window: MainWindow, round_copy: Path
) -> None:
    with rounds.open_round(round_copy) as db:
        locking.lock_round(db)
    open_and_wait(qtbot, window, round_copy)
    view = _whatif(window, qtbot)
    _type(qtbot, view.editor.seats(TRACK), "3")
    qtbot.waitUntil(lambda: not view.computing and view.moves.rowCount() > 0)
    assert not view.save_button.isEnabled()
    assert "locked" in view.save_button.toolTip()
    view.save()
    assert view.dialog is None


class _Gate:
    """Makes the engine's selection step wait, once armed, until its token is cancelled
    (or ten seconds pass); records every token the step was given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.tokens: list[CancelToken | None] = []
        self.armed = False
        self.waiting = threading.Event()
        real = engine.select

        def gated(*args: Any, cancel: CancelToken | None = None, **kwargs: Any) -> Any:
            self.tokens.append(cancel)
            if self.armed:
                self.armed = False
                self.waiting.set()
                deadline = time.monotonic() + 10
                while cancel is not None and not cancel.cancelled:
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0.01)
            return real(*args, cancel=cancel, **kwargs)

        monkeypatch.setattr(engine, "select", gated)


def _spy_shown(view: WhatIfView, monkeypatch: pytest.MonkeyPatch) -> list[Scenario | None]:
    shown: list[Scenario | None] = []
    original = view._show_scenario

    def spy(scenario: Scenario | None) -> None:
        shown.append(scenario)
        original(scenario)

    monkeypatch.setattr(view, "_show_scenario", spy)
    return shown


def _weight_of(scenario: Scenario | None) -> float:
    assert scenario is not None
    track = next(t for t in scenario.config.tracks if t.id == TRACK)
    return next(c.weight for c in track.criteria if c.id == CRITERION)


def test_a_newer_change_cancels_a_slow_recomputation(
    qtbot: QtBot, opened: MainWindow, round_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _Gate(monkeypatch)
    view = _whatif(opened, qtbot)
    shown = _spy_shown(view, monkeypatch)
    gate.tokens.clear()
    gate.armed = True
    spin = view.editor.weight(TRACK, CRITERION)
    _type(qtbot, spin, "5")
    assert gate.waiting.wait(10), "the first recomputation must reach the slow step"
    assert view.computing and view.stop_button.isVisible()
    first = view.token
    _type(qtbot, spin, "6")
    qtbot.waitUntil(lambda: not view.computing, timeout=15_000)
    assert first is not None and first.cancelled
    assert gate.tokens[0] is first
    assert gate.tokens[-1] is not first and not gate.tokens[-1].cancelled  # type: ignore[union-attr]
    assert [_weight_of(s) for s in shown if s is not None] == [6]
    assert _weight_of(view.scenario) == 6
    data, run = _round(round_copy)
    rows = _shown_moves(view)
    assert sorted((r.change, r.move.id) for r in rows) == _expected_moves(data, run, 6)


def test_stop_cancels_the_recomputation_and_keeps_the_last_figures(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _Gate(monkeypatch)
    view = _whatif(opened, qtbot)
    _type(qtbot, view.editor.seats(TRACK), "3")  # a scenario that could be saved
    qtbot.waitUntil(lambda: not view.computing and view.save_button.isEnabled())
    shown = _spy_shown(view, monkeypatch)
    before = view.scenario
    gate.armed = True
    _type(qtbot, view.editor.weight(TRACK, CRITERION), "5")
    assert gate.waiting.wait(10)
    token = view.token
    qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    assert token is not None and token.cancelled
    assert not view.computing and not view.stop_button.isVisible()
    assert view.notice.isVisible() and "Stopped" in view.notice.text()
    assert opened.session.wait(10_000)
    qtbot.wait(50)  # anything still on its way from the worker arrives now
    assert shown == [] and view.scenario is before
    assert not view.save_button.isEnabled()  # the figures are not the form's settings
    view.save()
    assert view.dialog is None


def test_a_refused_save_is_shown_in_the_dialog_with_the_reason_kept(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _whatif(opened, qtbot)
    _type(qtbot, view.editor.weight(TRACK, CRITERION), "5")
    qtbot.waitUntil(lambda: not view.computing and bool(view.scenario and view.scenario.changes))
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, SaveScenarioDialog)
    qtbot.keyClicks(dialog.reason, "adopted")
    with rounds.open_round(round_copy) as db:  # another chair runs the selection meanwhile
        selecting.run_selection(db, "en")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15_000)
    assert "newer run (2)" in dialog.error.text()
    assert dialog.isVisible() and dialog.text() == "adopted"
    assert dialog.ok_button.isEnabled()


def test_a_round_without_a_run_says_to_run_the_selection(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.demo_round import build_demo_round

    open_and_wait(qtbot, window, build_demo_round(tmp_path, 30, seed=4, select=False))
    view = window.view("whatif")
    assert isinstance(view, WhatIfView)
    before = view.loads
    window.go_to("whatif")
    wait_for_load(qtbot, view, before)
    assert view.baseline is None and view.pages.currentWidget() is view.empty
    assert view.empty.text().startswith("No selection has run yet.")
    assert not view.save_button.isEnabled() and not view.reset_button.isEnabled()


def test_the_form_offers_only_values_round_toml_accepts(qtbot: QtBot, opened: MainWindow) -> None:
    view = _whatif(opened, qtbot)
    editor = view.editor
    assert editor.trim.minimum() == 3  # trim_min_reviews must be at least 3
    assert editor.zscore_min.minimum() == 2  # zscore_min_reviews at least 2
    quota = editor.quotas[0]
    quota.strict.setChecked(False)
    quota.share.setValue(100)
    assert quota.share.value() == 100
    quota.strict.setChecked(True)  # more than 100 % can never be met
    assert quota.share.value() < 100 and quota.share.maximum() < 100
    quota.strict.setChecked(False)
    assert quota.share.maximum() == 100


def test_finals_are_shown_with_the_rounds_decimals() -> None:
    from decimal import Decimal

    from reviewer.ui.models.whatif import _final

    assert _final(Decimal("84.167")) == "84.167"  # decimals = 3: two finals never look equal
    assert _final(Decimal("84.10")) == "84.10"
    assert _final(Decimal("84")) == "84"
    assert _final(None) == ""
