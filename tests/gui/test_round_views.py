"""The applications, reviewers, audit and dashboard views, driven through their widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.services import dashboard as dashboard_service
from reviewer.services import listing, rounds
from reviewer.ui.dialogs.correct import CorrectDialog
from reviewer.ui.main_window import MainWindow
from reviewer.ui.views.applications import ApplicationsView
from reviewer.ui.views.audit import AuditView
from reviewer.ui.views.dashboard import DashboardView
from reviewer.ui.views.reviewers import ReviewersView
from tests.gui.conftest import open_and_wait, wait_for_load


def _applications(window: MainWindow, qtbot: QtBot) -> ApplicationsView:
    view = window.view("applications")
    assert isinstance(view, ApplicationsView)
    before = view.loads
    window.go_to("applications")
    if before == 0:
        wait_for_load(qtbot, view, before)
    return view


def test_the_dashboard_counts_and_gauges(opened: MainWindow) -> None:
    view = opened.view("dashboard")
    assert isinstance(view, DashboardView)
    assert view.board is not None
    assert view.tracks.rowCount() == 7
    assert sum(t.applications for t in view.tracks.rows()) == 120
    assert len(view.gauges) == len(view.board.quotas) > 0
    gauge = view.gauges[0]
    quota = view.board.quotas[0]
    assert gauge.bar.value() == quota.achieved
    assert f"{quota.achieved} achieved of {quota.required} required" == gauge.bar.text()
    assert view.reviewers.rowCount() == view.board.reviewers


def test_opening_or_changing_a_round_reads_the_dashboard_once(
    qtbot: QtBot, window: MainWindow, round_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dashboard is shown by the window and told of the new round: one read, not
    one for each (at ten thousand applications a read takes seconds)."""
    reads: list[int] = []
    real = dashboard_service.dashboard
    monkeypatch.setattr(
        dashboard_service, "dashboard", lambda *a, **k: reads.append(1) or real(*a, **k)
    )
    open_and_wait(qtbot, window, round_copy)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=15_000)
    qtbot.wait(200)
    assert len(reads) == 1
    view = window.view("dashboard")
    before = view.loads
    window.session.refresh_overview()  # another program changed the round
    wait_for_load(qtbot, view, before)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=15_000)
    qtbot.wait(200)
    assert len(reads) == 2


def test_applications_show_every_field_and_search_narrows_them(
    qtbot: QtBot, opened: MainWindow
) -> None:
    view = _applications(opened, qtbot)
    assert view.model.rowCount() == 120
    headers = [
        view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())
    ]
    assert headers[:4] == ["Application", "Track", "Title", "Company"]
    assert "Amount (KRW)" in headers
    assert len(headers) >= 14 + len(view.listed.attributes)  # type: ignore[union-attr]
    target = view.model.row_at(5)
    qtbot.keyClicks(view.filters.search, target.id)
    assert [a.id for a in view.proxy.source_rows()] == [target.id]
    assert view.filters.shown.text() == "1 of 120"
    qtbot.mouseClick(view.filters.clear_button, Qt.MouseButton.LeftButton)
    assert view.proxy.rowCount() == 120
    assert view.filters.search.text() == ""


def test_a_column_is_filtered_from_its_header_menu(qtbot: QtBot, opened: MainWindow) -> None:
    view = _applications(opened, qtbot)
    column = view.model.column_of("ai_category")
    menu = view.filters.column_menu(column)
    action = next(a for a in menu.actions() if a.text() == "AI")
    action.trigger()
    rows = view.proxy.source_rows()
    assert rows and all(a.ai_category == "AI" for a in rows)
    assert "AI = AI" in view.filters.active.text()
    menu = view.filters.column_menu(column)
    show_all = next(a for a in menu.actions() if a.text().startswith("Show all"))
    show_all.trigger()
    assert view.proxy.rowCount() == 120


def test_choosing_an_application_shows_its_details(qtbot: QtBot, opened: MainWindow) -> None:
    view = _applications(opened, qtbot)
    assert not view.correct_button.isEnabled()
    view.table.selectRow(0)
    app = view.selected()
    assert app is not None
    text = view.details.toPlainText()
    assert app.id in text and app.title in text and app.company in text
    assert view.correct_button.isEnabled()


def _open_correction(qtbot: QtBot, view: ApplicationsView) -> CorrectDialog:
    view.table.selectRow(0)
    qtbot.mouseClick(view.correct_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, CorrectDialog) and dialog.isVisible()
    return dialog


def test_a_correction_needs_a_change_and_a_reason_and_is_audited(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _applications(opened, qtbot)
    dialog = _open_correction(qtbot, view)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    title = dialog.edits["title"]
    assert isinstance(title, QLineEdit)
    title.setText("고친 과제명")
    assert not save.isEnabled()  # still no reason
    dialog.reason.setText("오탈자 정정")
    assert save.isEnabled()
    app_id = dialog.app.id
    before = view.loads
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    wait_for_load(qtbot, view, before)
    assert not dialog.isVisible()
    assert view.selected() is not None and view.selected().id == app_id  # type: ignore[union-attr]
    assert "고친 과제명" in view.details.toPlainText()
    opened.session.close()
    with rounds.open_round(round_copy) as db:
        entry = listing.audit_log(db)[0]
    assert (entry.action, entry.target, entry.detail["reason"]) == (
        "application.update",
        app_id,
        "오탈자 정정",
    )
    assert entry.detail["new"] == {"title": "고친 과제명"}


def test_a_refused_correction_keeps_the_dialog_and_says_why(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _applications(opened, qtbot)
    dialog = _open_correction(qtbot, view)
    amount = dialog.edits["amount"]
    assert isinstance(amount, QLineEdit)
    amount.setText("사억 원")
    dialog.reason.setText("금액 정정")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15_000)
    assert dialog.isVisible()
    assert "form" in dialog.error.text() and "사억" in dialog.error.text()
    assert amount.text() == "사억 원"  # what was typed is kept


def test_a_locked_round_disables_corrections_and_says_why(qtbot: QtBot, opened: MainWindow) -> None:
    opened.lock_action.trigger()
    box = opened.dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: opened.session.locked, timeout=15_000)
    view = _applications(opened, qtbot)
    view.table.selectRow(0)
    assert not view.correct_button.isEnabled()
    assert "locked" in view.correct_button.toolTip()


def test_reviewers_list_their_conflicts(qtbot: QtBot, opened: MainWindow) -> None:
    view = opened.view("reviewers")
    assert isinstance(view, ReviewersView)
    before = view.loads
    opened.go_to("reviewers")
    wait_for_load(qtbot, view, before)
    with_conflict = next(
        r for r in range(view.proxy.rowCount()) if view.proxy.source_rows()[r].conflicts
    )
    view.table.selectRow(with_conflict)
    entry = view.selected()
    assert entry is not None
    assert view.conflicts.rowCount() == len(entry.conflicts)
    assert entry.name in view.conflict_box.title()
    qtbot.keyClicks(view.filters.search, entry.id)
    assert [r.id for r in view.proxy.source_rows()] == [entry.id]


def test_the_audit_log_is_filtered_by_action(qtbot: QtBot, opened: MainWindow) -> None:
    view = opened.view("audit")
    assert isinstance(view, AuditView)
    before = view.loads
    opened.go_to("audit")
    wait_for_load(qtbot, view, before)
    total = view.model.rowCount()
    assert total > 3
    view.action.setCurrentIndex(view.action.findData("select"))
    rows = view.proxy.source_rows()
    assert rows and all(e.action == "select" for e in rows)
    view.action.setCurrentIndex(0)
    assert view.proxy.rowCount() == total
    first = view.model.row_at(0)
    detail = view.model.columns[view.model.column_of("detail")]
    assert view.model.data(view.model.index(0, view.model.column_of("detail"))) == detail.text(
        first
    )


def test_the_audit_log_shows_a_new_entry_after_a_change(qtbot: QtBot, opened: MainWindow) -> None:
    view = opened.view("audit")
    assert isinstance(view, AuditView)
    opened.go_to("audit")
    qtbot.waitUntil(lambda: view.loads > 0, timeout=15_000)
    total = view.model.rowCount()
    opened.run_selection()
    selection = opened.view("selection")
    qtbot.waitUntil(
        lambda: selection.run is not None and selection.run.run_id == 2,  # type: ignore[attr-defined]
        timeout=15_000,
    )
    opened.go_to("audit")
    qtbot.waitUntil(lambda: view.model.rowCount() == total + 1, timeout=15_000)
    assert view.model.row_at(0).action == "select"


def test_audited_actions_are_shown_in_words(qtbot: QtBot, opened: MainWindow) -> None:
    view = opened.view("audit")
    assert isinstance(view, AuditView)
    before = view.loads
    opened.go_to("audit")
    wait_for_load(qtbot, view, before)
    column = view.model.column_of("action")
    shown = {view.model.data(view.model.index(r, column)) for r in range(view.model.rowCount())}
    assert "Selection run" in shown and "Scores imported" in shown
    assert "select" not in shown
    items = [view.action.itemText(i) for i in range(view.action.count())]
    assert "Selection run" in items
