"""The selection view, driven as a chair would: run, cancel, filter, read the reasons."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reviewer.domain.model import Review
from reviewer.domain.stopping import CancelToken
from reviewer.errors import SolverCancelled
from reviewer.services import listing, rounds
from reviewer.store import repository
from reviewer.ui.main_window import MainWindow
from reviewer.ui.models.run import CUTOFF_ROLE
from reviewer.ui.views.selection import SelectionView
from tests.gui.conftest import wait_for_load


def _slow_selection(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Make the selection run until it is cancelled, as a long budgeted solve does; the
    list it returns gets an entry once the run has started."""
    started: list[bool] = []

    def slow(database: Any, lang: Any = None, *, cancel: CancelToken, **_: Any) -> None:
        started.append(True)
        deadline = time.monotonic() + 10
        while not cancel.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        raise SolverCancelled()

    monkeypatch.setattr("reviewer.ui.views.selection.selecting.run_selection", slow)
    return started


def _selection(window: MainWindow, qtbot: QtBot) -> SelectionView:
    view = window.view("selection")
    assert isinstance(view, SelectionView)
    before = view.loads
    window.go_to("selection")
    if before == 0:
        wait_for_load(qtbot, view, before)
    return view


def test_the_newest_run_is_shown_with_its_quotas_and_tracks(
    qtbot: QtBot, opened: MainWindow
) -> None:
    view = _selection(opened, qtbot)
    assert view.run is not None and view.run.run_id == 1
    assert view.model.rowCount() == 120
    assert "Selection run #1" in view.state.text()
    assert not view.stale.isVisible()
    assert view.quotas.rowCount() == len(view.run.quotas) > 0
    assert view.figures.rowCount() == 7
    selected = sum(1 for r in view.run.rows if r.status in ("selected", "selected_by_quota"))
    assert view.counts.text() == f"120 shown · {selected} selected"


def test_running_the_selection_records_a_new_run(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _selection(opened, qtbot)
    before = view.loads
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    wait_for_load(qtbot, view, before)
    qtbot.waitUntil(lambda: not view.running, timeout=15_000)
    assert view.run is not None and view.run.run_id == 2
    assert "Selection run #2" in view.state.text()
    assert view.run_button.isEnabled()
    opened.session.close()
    with rounds.open_round(round_copy) as db:
        assert listing.audit_log(db)[0].action == "select"


def test_ctrl_r_runs_the_selection_from_anywhere(qtbot: QtBot, opened: MainWindow) -> None:
    view = opened.view("selection")
    assert isinstance(view, SelectionView)
    qtbot.keyClick(opened, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert opened.current_view() is view
    qtbot.waitUntil(lambda: view.run is not None and view.run.run_id == 2, timeout=15_000)


def test_a_running_selection_can_be_cancelled_and_records_nothing(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _slow_selection(monkeypatch)
    view = _selection(opened, qtbot)
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    assert view.cancel_button.isVisible() and view.progress.isVisible()
    assert not view.run_button.isEnabled()
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.running, timeout=10_000)
    assert "cancelled" in view.state.text()
    assert not view.cancel_button.isVisible()
    assert view.run_button.isEnabled()
    assert view.run is not None and view.run.run_id == 1  # nothing new recorded
    assert opened.error_box is None


def test_filter_the_ranking_by_track_and_search(qtbot: QtBot, opened: MainWindow) -> None:
    view = _selection(opened, qtbot)
    view.track_filter.setCurrentIndex(view.track_filter.findData("tips"))
    rows = view.proxy.source_rows()
    assert rows and {r.track for r in rows} == {"tips"}
    assert view.counts.text().startswith(f"{len(rows)} shown")
    target = rows[0]
    qtbot.keyClicks(view.search, target.id)
    assert [r.id for r in view.proxy.source_rows()] == [target.id]
    view.search.clear()
    view.track_filter.setCurrentIndex(0)
    assert view.proxy.rowCount() == 120


def test_a_row_shows_why_it_has_its_status(qtbot: QtBot, opened: MainWindow) -> None:
    view = _selection(opened, qtbot)
    assert view.run is not None
    explained = next(r for r in view.run.rows if r.reason)
    for index in range(view.proxy.rowCount()):
        if view.proxy.source_rows()[index].id == explained.id:
            view.table.selectRow(index)
            break
    text = view.details.toPlainText()
    assert explained.id in text
    assert explained.reason in text


def test_the_cutoff_line_sits_under_the_last_passing_row(qtbot: QtBot, opened: MainWindow) -> None:
    view = _selection(opened, qtbot)
    assert view.run is not None
    marked = [
        view.proxy.source_rows()[r]
        for r in range(view.proxy.rowCount())
        if view.proxy.index(r, 0).data(CUTOFF_ROLE)
    ]
    assert marked, "the demo round has applications below the cutoff"
    cutoff = view.run.cutoff
    for row in marked:
        assert row.final is not None and float(row.final) < cutoff
        above = [
            r
            for r in view.run.rows
            if r.track == row.track
            and r.rank is not None
            and row.rank is not None
            and r.rank < row.rank
        ]
        assert all(r.final is not None and float(r.final) >= cutoff for r in above)


def test_a_run_older_than_the_data_says_so(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _selection(opened, qtbot)
    before = view.loads

    def change_a_comment(r: Any, control: Any) -> None:
        with r.database.session() as session:
            review = repository.load_round(session).reviews[0]
            changed = Review(review.application_id, review.reviewer_id, review.scores, "수정")
            repository.replace_reviews(session, [changed], "test")

    opened.session.change("edit", change_a_comment)
    wait_for_load(qtbot, view, before)
    assert view.stale.isVisible()
    assert "changed after this run" in view.stale.text()


def test_dashboard_warnings_lead_to_the_rows_behind_them(qtbot: QtBot, opened: MainWindow) -> None:
    dashboard = opened.view("dashboard")
    table = dashboard.warnings  # type: ignore[attr-defined]
    rows = table.rows()
    short = next((i for i, w in enumerate(rows) if w.kind == "short"), None)
    assert short is not None, "the demo round has applications short of reviews"
    warning_table = dashboard.warning_table  # type: ignore[attr-defined]
    warning_table.setFocus()
    warning_table.setCurrentIndex(table.index(short, 0))
    qtbot.keyClick(warning_table, Qt.Key.Key_Return)
    assert opened.current_view().key == "applications"
    applications = opened.view("applications")
    qtbot.waitUntil(lambda: applications.loads > 0, timeout=15_000)
    shown = {a.id for a in applications.proxy.source_rows()}  # type: ignore[attr-defined]
    assert shown == set(rows[short].ids)


def test_closing_the_round_during_a_run_stops_it_at_once(
    qtbot: QtBot, opened: MainWindow, round_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing never waits for the solver: the run's token is cancelled with the task,
    nothing is recorded, and the view can run again after the round is reopened."""
    started = _slow_selection(monkeypatch)
    view = _selection(opened, qtbot)
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    begun = time.monotonic()
    qtbot.keyClick(opened, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert time.monotonic() - begun < 1.0  # the window did not wait for the run
    assert not opened.session.is_open and not view.running
    assert opened.session.wait(10_000)
    monkeypatch.undo()
    before = view.loads
    opened.open_round(round_copy)
    qtbot.waitUntil(lambda: opened.session.is_open and view.loads > before, timeout=15_000)
    assert opened.current_view() is view
    assert view.run_button.isEnabled()
    with rounds.open_round(round_copy) as db:
        selects = [e for e in listing.audit_log(db) if e.action == "select"]
    assert len(selects) == 1  # the fixture's own run only: nothing was recorded


def test_the_details_follow_their_row_after_a_reload(qtbot: QtBot, opened: MainWindow) -> None:
    view = _selection(opened, qtbot)
    view.table.selectRow(3)
    chosen = view.selected()
    assert chosen is not None
    before = view.loads
    opened.session.change("edit", lambda r, control: None)
    wait_for_load(qtbot, view, before)
    assert view.selected() is not None and view.selected().id == chosen.id  # type: ignore[union-attr]
    assert chosen.id in view.details.toPlainText()


def test_rows_chosen_by_a_warning_can_be_shown_all_again(qtbot: QtBot, opened: MainWindow) -> None:
    view = _selection(opened, qtbot)
    assert view.run is not None
    ids = [row.id for row in view.run.rows[:3]]
    opened.go_to("selection", ids)
    assert {r.id for r in view.proxy.source_rows()} == set(ids)
    assert view.all_button.isVisible() and "3" in view.all_button.text()
    qtbot.mouseClick(view.all_button, Qt.MouseButton.LeftButton)
    assert view.proxy.rowCount() == 120 and not view.all_button.isVisible()
    opened.go_to("selection", ids)
    opened.go_to("selection", ())  # a warning without rows shows every row
    assert view.proxy.rowCount() == 120


def test_the_cutoff_line_is_drawn_only_in_rank_order(qtbot: QtBot, opened: MainWindow) -> None:
    from reviewer.ui.views.ranking_table import cutoff_line_above

    view = _selection(opened, qtbot)
    lines = [r for r in range(view.proxy.rowCount()) if cutoff_line_above(view.proxy, r)]
    flagged = [r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data(CUTOFF_ROLE)]
    assert lines and lines == flagged  # in the report's order every flagged row gets its line
    view.proxy.sort(view.model.column_of("company"), Qt.SortOrder.AscendingOrder)
    lines = [r for r in range(view.proxy.rowCount()) if cutoff_line_above(view.proxy, r)]
    assert len(lines) < len(flagged)  # sorted by company, no line lands between strangers
    for r in lines:
        above = view.proxy.source_rows()[r - 1]
        here = view.proxy.source_rows()[r]
        assert above.track == here.track and above.rank == here.rank - 1
