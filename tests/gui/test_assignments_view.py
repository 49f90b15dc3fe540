"""The assignments page: what it lists, adding and removing one pair through its
dialogs (audited by the service), and its edits disabled in a locked round."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from reviewer.services import assignments, listing, locking, rounds
from reviewer.store import repository
from reviewer.ui.dialogs.assignment import AddAssignmentDialog
from reviewer.ui.main_window import MainWindow
from reviewer.ui.views.assignments import AssignmentsView
from tests.gui.conftest import open_and_wait, wait_for_load


def _page(qtbot: QtBot, window: MainWindow) -> AssignmentsView:
    view = window.view("assignments")
    assert isinstance(view, AssignmentsView)
    before = view.loads
    qtbot.keyClick(
        window,
        Qt.Key.Key_G,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.current_view() is view
    wait_for_load(qtbot, view, before)
    return view


def _cells(view: AssignmentsView, column: str) -> list[str]:
    index = [c.key for c in view.model.columns].index(column)
    return [str(view.proxy.index(row, index).data() or "") for row in range(view.proxy.rowCount())]


def _select(view: AssignmentsView, application_id: str, reviewer_id: str) -> None:
    apps, reviewers = _cells(view, "application"), _cells(view, "reviewer")
    row = next(
        i
        for i, pair in enumerate(zip(apps, reviewers, strict=True))
        if pair == (application_id, reviewer_id)
    )
    view.table.selectRow(row)


def test_the_page_lists_the_rounds_conflicts(qtbot: QtBot, opened: MainWindow) -> None:
    view = _page(qtbot, opened)
    assert view.proxy.rowCount() > 0
    assert set(_cells(view, "status")) == {"Conflict of interest"}
    assert set(_cells(view, "source")) == {"Declared"}
    assert "0 assignments (0 scored)" in view.counts.text()
    assert view.add_button.isEnabled()
    assert not view.remove_button.isEnabled()


def _reviewed(round_copy: Path) -> set[tuple[str, str]]:
    with rounds.open_round(round_copy) as database, database.session() as session:
        return {(r.application_id, r.reviewer_id) for r in repository.load_round(session).reviews}


def _add(qtbot: QtBot, view: AssignmentsView, app_id: str, reviewer_id: str) -> None:
    """Add the pair through the dialog as a user does."""
    view.add_button.click()
    dialog = view.dialog
    assert isinstance(dialog, AddAssignmentDialog)
    dialog.application.setCurrentIndex(dialog.application.findData(app_id))
    index = dialog.reviewer.findData(reviewer_id)
    assert index >= 0, "the dialog offers the panel's reviewers"
    dialog.reviewer.setCurrentIndex(index)
    before = view.loads
    dialog.ok_button.click()
    wait_for_load(qtbot, view, before)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=5000)
    _select(view, app_id, reviewer_id)


def test_the_dialog_offers_the_panels_free_reviewers(qtbot: QtBot, opened: MainWindow) -> None:
    view = _page(qtbot, opened)
    assert view.board is not None
    app_id = view.board.applications[0].id
    view.add_button.click()
    dialog = view.dialog
    assert isinstance(dialog, AddAssignmentDialog)
    assert dialog.application_id() == app_id
    offered = [dialog.reviewer.itemData(i) for i in range(dialog.reviewer.count())]
    assert offered == [c.id for c in view.board.panel(app_id)]
    track = view.board.applications[0].tracks[0]
    assert all(track in r.tracks for r in view.board.reviewers if r.id in offered)
    dialog.reject()


def test_a_scored_pair_is_added_and_cannot_be_removed(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    reviewed = _reviewed(round_copy)
    view = _page(qtbot, opened)
    assert view.board is not None
    app_id, reviewer_id = next(
        (a.id, c.id)
        for a in view.board.applications
        for c in view.board.panel(a.id)
        if (a.id, c.id) in reviewed
    )
    _add(qtbot, view, app_id, reviewer_id)
    row = view.selected()
    assert row is not None and row.assigned and row.scored
    assert _cells(view, "scored")[view.table.currentIndex().row()] == "Scored"
    assert not view.remove_button.isEnabled()
    assert "has a review" in view.remove_button.toolTip()
    with rounds.open_round(round_copy) as database:
        audit = [(e.action, e.target) for e in listing.audit_log(database)]
    assert ("assignment.add", f"{app_id}/{reviewer_id}") in audit


def test_an_unscored_pair_is_removed_after_confirmation(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    reviewed = _reviewed(round_copy)
    view = _page(qtbot, opened)
    assert view.board is not None
    app_id, reviewer_id = next(
        (a.id, c.id)
        for a in view.board.applications
        for c in view.board.panel(a.id)
        if (a.id, c.id) not in reviewed
    )
    _add(qtbot, view, app_id, reviewer_id)
    row = view.selected()
    assert row is not None and row.assigned and not row.scored
    assert "1 assignments (0 scored)" in view.counts.text()
    view.remove_button.click()
    box = view.dialog
    assert isinstance(box, QMessageBox)
    assert reviewer_id in box.text() and app_id in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert view.selected() == row  # nothing happened
    view.remove_button.click()
    box = view.dialog
    assert isinstance(box, QMessageBox)
    before = view.loads
    box.button(QMessageBox.StandardButton.Yes).click()
    wait_for_load(qtbot, view, before)
    pairs = set(zip(_cells(view, "application"), _cells(view, "reviewer"), strict=True))
    assert (app_id, reviewer_id) not in pairs
    with rounds.open_round(round_copy) as database:
        audit = [(e.action, e.target) for e in listing.audit_log(database)]
    assert ("assignment.remove", f"{app_id}/{reviewer_id}") in audit


def test_a_locked_round_disables_the_edits(
    qtbot: QtBot, window: MainWindow, round_copy: Path
) -> None:
    with rounds.open_round(round_copy) as database:
        locking.lock_round(database)
    open_and_wait(qtbot, window, round_copy)
    view = _page(qtbot, window)
    assert not view.add_button.isEnabled()
    assert "locked" in view.add_button.toolTip()
    view.table.selectRow(0)
    assert not view.remove_button.isEnabled()
    assert "locked" in view.remove_button.toolTip()


def test_a_refused_addition_is_shown_in_the_dialog(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _page(qtbot, opened)
    view.add_button.click()
    dialog = view.dialog
    assert isinstance(dialog, AddAssignmentDialog)
    app_id, reviewer_id = dialog.application_id(), dialog.reviewer.currentData()
    assert app_id is not None
    with rounds.open_round(round_copy) as database:  # another program assigned it meanwhile
        assignments.add_assignment(database, app_id, reviewer_id)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "is already assigned" in dialog.error.text()
    assert dialog.isVisible()
    dialog.reject()


def test_conflict_sources_are_named_in_both_tables(qtbot: QtBot) -> None:
    from reviewer.domain.assignment import Conflict, PairRow
    from reviewer.services.listing import ConflictEntry
    from reviewer.ui.models.assignments import PairTable
    from reviewer.ui.models.people import ConflictTable

    people = ConflictTable()
    people.set_rows([ConflictEntry("A1", "같은 기관", "organisation")])
    assert people.index(0, 1).data() == "Same organisation"
    pairs = PairTable()
    found = Conflict("A1", "R1", "같은 기관: 기업 ㈜한빛 / 소속 한빛 연구소", "organisation")
    pairs.set_rows([PairRow("A1", "t", "㈜한빛", "R1", "김", "한빛 연구소", False, False, found)])
    keys = [c.key for c in pairs.columns]
    assert pairs.index(0, keys.index("source")).data() == "Same organisation"
    assert pairs.index(0, keys.index("status")).data() == "Conflict of interest"
    assert pairs.index(0, keys.index("reason")).data(Qt.ItemDataRole.ToolTipRole) == found.reason
