"""Correcting a review's score in the window, undoing and redoing it from the Edit menu,
and what the audit log shows of each step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from reviewer.domain.model import Review
from reviewer.services import listing, locking, rounds, selecting
from reviewer.services import score_corrections as sc
from reviewer.services.listing import AuditEntry
from reviewer.store import repository
from reviewer.store.engine import Database
from reviewer.ui.app import install_translator
from reviewer.ui.dialogs.score_correction import ScoreCorrectionDialog
from reviewer.ui.main_window import MainWindow
from reviewer.ui.models.audit import detail_text
from reviewer.ui.undo import CorrectScoreCommand, MarkConflictCommand, UndoStack
from reviewer.ui.views.applications import ApplicationsView
from reviewer.ui.views.audit import AuditView
from tests.gui.conftest import wait_for_load

T = TypeVar("T")


def _read(qtbot: QtBot, window: MainWindow, function: Callable[[Database], T]) -> T:
    """Read through the window's own session, as a view does."""
    box: list[T] = []
    window.session.read("test", lambda opened: function(opened.database), box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=15_000)
    return box[0]


def _change(qtbot: QtBot, window: MainWindow, function: Callable[[Database], T]) -> T:
    box: list[T] = []
    window.session.change("test", lambda opened, _: function(opened.database), box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=15_000)
    return box[0]


def _review(db: Database, app_id: str, reviewer_id: str) -> Review:
    with db.session() as session:
        data = repository.load_round(session)
    return next(
        r for r in data.reviews if (r.application_id, r.reviewer_id) == (app_id, reviewer_id)
    )


def _scored(qtbot: QtBot, window: MainWindow) -> Review:
    """A scored review of an application on the default rubric (tech 0–40)."""

    def find(db: Database) -> Review:
        with db.session() as session:
            data = repository.load_round(session)
        tracks = {a.id: a.track for a in data.applications}
        return next(
            r
            for r in data.reviews
            if not r.conflict and tracks[r.application_id] not in ("tips", "kibo")
        )

    return _read(qtbot, window, find)


def _stored(qtbot: QtBot, window: MainWindow, review: Review) -> Review:
    return _read(qtbot, window, lambda db: _review(db, review.application_id, review.reviewer_id))


def _audit(qtbot: QtBot, window: MainWindow) -> AuditEntry:
    return _read(qtbot, window, lambda db: listing.audit_log(db, limit=1)[0])


def _open(
    qtbot: QtBot, window: MainWindow, review: Review, conflict: bool = False
) -> ScoreCorrectionDialog:
    if conflict:
        window.mark_conflict(review.application_id, review.reviewer_id)
    else:
        window.correct_score(review.application_id, review.reviewer_id)
    dialog = window.dialog
    assert isinstance(dialog, ScoreCorrectionDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.loads == 1, timeout=15_000)
    return dialog


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def _settled(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.undo_stack.pending == 0 and not window.session.busy, timeout=15_000
    )


def _new_tech(review: Review) -> str:
    return "12" if review.scores["tech"] != 12 else "13"


def test_correct_a_score_with_a_reason_undo_and_redo_it_and_check_the_audit_log(
    qtbot: QtBot, opened: MainWindow
) -> None:
    review = _scored(qtbot, opened)
    target = f"{review.application_id}/{review.reviewer_id}"
    old, new = review.scores["tech"], _new_tech(review)
    dialog = _open(qtbot, opened, review)
    assert dialog.form is not None and dialog.form.reviewer_id == review.reviewer_id
    tech = dialog.editors["tech"]
    assert isinstance(tech, QLineEdit) and tech.text() == sc.value_text(old)
    assert dialog.comment.toPlainText() == review.comment
    _type(qtbot, tech, new)
    assert not dialog.ok_button.isEnabled()  # no reason yet
    qtbot.keyClicks(dialog.reason, "   ")
    assert not dialog.ok_button.isEnabled()  # a blank reason is none
    _type(qtbot, dialog.reason, "typed from the wrong row")
    assert dialog.ok_button.isEnabled()
    assert "1 score" in dialog.hint.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    _settled(qtbot, opened)

    assert _stored(qtbot, opened, review).scores["tech"] == float(new)
    entry = _audit(qtbot, opened)
    assert (entry.action, entry.target) == ("review.correct", target)
    assert (entry.detail["old"], entry.detail["new"]) == (old, float(new))
    assert entry.detail["reason"] == "typed from the wrong row"
    audit = opened.view("audit")
    assert isinstance(audit, AuditView)
    before = audit.loads
    opened.go_to("audit")
    wait_for_load(qtbot, audit, before)
    shown = audit.model.row_at(0)
    assert shown.action == "review.correct" and shown.target == target
    action = audit.model.index(0, audit.model.column_of("action"))
    assert audit.model.data(action) == "Score corrected"
    detail = str(audit.model.data(audit.model.index(0, audit.model.column_of("detail"))))
    assert f"old: {old}" in detail and f"new: {float(new)}" in detail
    assert "reason: typed from the wrong row" in detail

    # Undo from the Edit menu, as the user does: it says what it undoes
    step = f"correct score {target}: tech {sc.value_text(old)} → {new}"
    assert opened.undo_action.text() == f"&Undo {step}"
    assert opened.undo_action in opened.edit_menu.actions()
    assert opened.undo_action.isEnabled() and not opened.redo_action.isEnabled()
    before = audit.loads
    opened.undo_action.trigger()
    _settled(qtbot, opened)
    wait_for_load(qtbot, audit, before)
    assert _stored(qtbot, opened, review) == review
    undo = audit.model.row_at(0)
    assert (undo.action, undo.target, undo.detail["original_reason"]) == (
        "review.undo",
        target,
        "typed from the wrong row",
    )
    assert "reason" not in undo.detail
    detail = str(audit.model.data(audit.model.index(0, audit.model.column_of("detail"))))
    assert "undoes: Score corrected" in detail
    assert "reason of the correction undone or redone: typed from the wrong row" in detail
    assert undo.detail["old"]["scores"]["tech"] == float(new)
    assert undo.detail["new"]["scores"]["tech"] == old
    assert audit.model.data(audit.model.index(0, audit.model.column_of("action"))) == (
        "Correction undone"
    )
    assert opened.redo_action.text() == f"&Redo {step}"
    assert "Undone: " + step in opened.statusBar().currentMessage()

    # and Redo
    before = audit.loads
    opened.redo_action.trigger()
    _settled(qtbot, opened)
    wait_for_load(qtbot, audit, before)
    assert _stored(qtbot, opened, review).scores["tech"] == float(new)
    assert audit.model.row_at(0).action == "review.redo"
    assert opened.undo_stack.index() == 1 and opened.undo_stack.count() == 1


def test_the_edit_menu_has_the_standard_shortcuts(opened: MainWindow) -> None:
    assert opened.edit_menu.title() == "&Edit"
    assert QKeySequence(QKeySequence.StandardKey.Undo) in opened.undo_action.shortcuts()
    assert {QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")} <= set(
        opened.redo_action.shortcuts()
    )
    assert opened.undo_action.text() == "&Undo" and not opened.undo_action.isEnabled()


def test_marking_a_conflict_and_undoing_it_restores_the_exact_scores(
    qtbot: QtBot, opened: MainWindow
) -> None:
    review = _scored(qtbot, opened)
    dialog = _open(qtbot, opened, review, conflict=True)
    assert dialog.conflict.isChecked() and dialog.kind() == "conflict"
    assert not any(editor.isEnabled() for editor in dialog.editors.values())
    qtbot.keyClicks(dialog.reason, "declared after scoring")
    assert not dialog.ok_button.isEnabled()  # the conflict needs its own reason
    qtbot.keyClicks(dialog.conflict_reason, "same organisation")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    _settled(qtbot, opened)
    marked = _stored(qtbot, opened, review)
    assert marked.conflict and marked.scores == {}
    assert marked.conflict_reason == "same organisation"
    entry = _audit(qtbot, opened)
    assert entry.action == "review.conflict"
    assert entry.detail["old"]["scores"] == dict(review.scores)
    target = f"{review.application_id}/{review.reviewer_id}"
    assert opened.undo_action.text() == f"&Undo mark conflict {target}"

    opened.undo_action.trigger()
    _settled(qtbot, opened)
    assert _stored(qtbot, opened, review) == review  # every score exactly as it was
    assert _audit(qtbot, opened).detail["undoes"] == "review.conflict"


def test_a_value_the_import_would_refuse_is_shown_in_the_dialog(
    qtbot: QtBot, opened: MainWindow
) -> None:
    review = _scored(qtbot, opened)
    dialog = _open(qtbot, opened, review)
    tech = dialog.editors["tech"]
    assert isinstance(tech, QLineEdit)
    _type(qtbot, tech, "45")
    qtbot.keyClicks(dialog.reason, "typo")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15_000)
    assert "45 is above the maximum 40" in dialog.error.text()
    assert dialog.isVisible() and tech.text() == "45"  # what was typed is kept
    assert opened.undo_stack.count() == 0
    assert _stored(qtbot, opened, review) == review


def test_a_review_that_does_not_exist_says_so(qtbot: QtBot, opened: MainWindow) -> None:
    opened.correct_score("2025-0001", "NOBODY")
    dialog = opened.dialog
    assert isinstance(dialog, ScoreCorrectionDialog)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15_000)
    assert "reviewer NOBODY is not in the round" in dialog.error.text()
    assert not dialog.ok_button.isEnabled()


def test_commands_driven_directly_through_a_stack(qtbot: QtBot, opened: MainWindow) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    new = _new_tech(review)
    change = _change(
        qtbot, opened, lambda db: sc.correct_score(db, *key, "tech", new, "typo", expected=None)
    )
    stack = UndoStack(opened.session)
    command = CorrectScoreCommand(stack, change)
    stack.push(command)  # the change is made already: pushing it writes nothing
    _settled(qtbot, opened)
    assert stack.pending == 0 and _audit(qtbot, opened).action == "review.correct"
    assert (
        command.text()
        == f"correct score {key[0]}/{key[1]}: tech {sc.value_text(review.scores['tech'])} → {new}"
    )
    stack.undo()
    assert stack.pending == 1
    qtbot.waitUntil(lambda: stack.pending == 0, timeout=15_000)
    assert _stored(qtbot, opened, review) == review
    stack.redo()
    qtbot.waitUntil(lambda: stack.pending == 0, timeout=15_000)
    assert _stored(qtbot, opened, review).scores["tech"] == float(new)

    conflict = _change(
        qtbot,
        opened,
        lambda db: sc.mark_conflict(db, *key, "same organisation", "declared", expected=None),
    )
    stack.push(MarkConflictCommand(stack, conflict))
    assert stack.count() == 2 and stack.undoText() == f"mark conflict {key[0]}/{key[1]}"
    stack.setIndex(0)  # both undone, in order
    qtbot.waitUntil(lambda: stack.pending == 0, timeout=15_000)
    assert _stored(qtbot, opened, review) == review


def _lock_elsewhere(target: Path) -> None:
    """Another program locks the round (with a current run): the window does not know."""
    with rounds.open_round(target) as db:
        selecting.run_selection(db, "en")
        locking.lock_round(db)


def test_undo_is_disabled_in_a_round_the_window_knows_is_locked(
    qtbot: QtBot, opened: MainWindow
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    stack = opened.undo_stack
    change = _change(
        qtbot,
        opened,
        lambda db: sc.correct_score(db, *key, "tech", _new_tech(review), "typo", expected=None),
    )
    stack.push_change(change)
    corrected = _stored(qtbot, opened, review)

    def lock(db: Database) -> None:
        selecting.run_selection(db, "en")
        locking.lock_round(db)

    _change(qtbot, opened, lock)
    assert opened.session.locked
    assert not opened.undo_action.isEnabled() and stack.canUndo()
    dialog = _open(qtbot, opened, review)  # a locked round shows the review, read-only
    assert "locked" in dialog.hint.text() and not dialog.ok_button.isEnabled()
    assert not any(editor.isEnabled() for editor in dialog.editors.values())
    assert not dialog.conflict.isEnabled()
    dialog.reject()
    stack.undo()  # as a shortcut would: nothing is sent
    assert stack.pending == 0 and stack.index() == 1
    assert _stored(qtbot, opened, review) == corrected

    _change(qtbot, opened, lambda db: locking.unlock_round(db, "one more correction"))
    assert opened.undo_action.isEnabled()
    opened.undo_action.trigger()
    _settled(qtbot, opened)
    assert _stored(qtbot, opened, review) == review and stack.index() == 0


def test_a_failed_undo_shows_the_error_and_keeps_the_stack_true(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    stack = opened.undo_stack
    change = _change(
        qtbot,
        opened,
        lambda db: sc.correct_score(db, *key, "tech", _new_tech(review), "typo", expected=None),
    )
    stack.push_change(change)
    corrected = _stored(qtbot, opened, review)
    label = stack.undoText()
    _lock_elsewhere(round_copy)
    assert opened.undo_action.isEnabled()  # the window has not seen the lock
    opened.undo_action.trigger()
    assert not opened.undo_action.isEnabled() and not opened.redo_action.isEnabled()
    _settled(qtbot, opened)
    box = opened.error_box
    assert box is not None and box.isVisible()
    assert f"“{label}” was not undone" in box.text() and "locked" in box.text()
    assert "as it was" in box.text()
    assert stack.index() == 1 and stack.canUndo() and not stack.canRedo()
    assert _stored(qtbot, opened, review) == corrected

    # unlocked again, the same undo works
    _change(qtbot, opened, lambda db: locking.unlock_round(db, "one more correction"))
    opened.undo_action.trigger()
    _settled(qtbot, opened)
    assert _stored(qtbot, opened, review) == review and stack.index() == 0


def test_failed_steps_with_others_waiting_clear_the_history(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    stack = opened.undo_stack
    first = _change(
        qtbot,
        opened,
        lambda db: sc.correct_score(db, *key, "tech", _new_tech(review), "a", expected=None),
    )
    stack.push_change(first)
    biz = "1" if review.scores["biz"] != 1 else "2"
    stack.push_change(
        _change(
            qtbot, opened, lambda db: sc.correct_score(db, *key, "biz", biz, "b", expected=None)
        )
    )
    _lock_elsewhere(round_copy)
    stack.setIndex(0)  # both sent before the first has failed
    assert stack.pending == 2
    stack.undo()  # a third is not sent while they are pending
    assert stack.pending == 2
    _settled(qtbot, opened)
    assert stack.count() == 0
    box = opened.error_box
    assert box is not None and "cleared" in box.text()


def test_closing_the_round_clears_the_history(qtbot: QtBot, opened: MainWindow) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    change = _change(
        qtbot,
        opened,
        lambda db: sc.correct_score(db, *key, "tech", _new_tech(review), "a", expected=None),
    )
    opened.undo_stack.push_change(change)
    assert opened.undo_action.isEnabled()
    opened.close_round()
    assert opened.undo_stack.count() == 0 and not opened.undo_action.isEnabled()


def test_the_applications_view_opens_the_correction_and_a_reviewer_is_chosen(
    qtbot: QtBot, opened: MainWindow
) -> None:
    view = opened.view("applications")
    assert isinstance(view, ApplicationsView)
    before = view.loads
    opened.go_to("applications")
    wait_for_load(qtbot, view, before)
    assert not view.score_button.isEnabled()
    view.table.selectRow(0)
    app = view.selected()
    assert app is not None and view.score_button.isEnabled()
    qtbot.mouseClick(view.score_button, Qt.MouseButton.LeftButton)
    dialog = opened.dialog
    assert isinstance(dialog, ScoreCorrectionDialog)
    qtbot.waitUntil(lambda: dialog.loads == 1, timeout=15_000)
    form = dialog.form
    assert form is not None and form.application_id == app.id
    assert dialog.reviewer.count() == len(form.reviewers) > 1
    assert form.reviewer_id == form.reviewers[0].id
    second = form.reviewers[1].id
    dialog.reviewer.setCurrentIndex(1)
    dialog.reviewer.activated.emit(1)  # as a click on the item does
    qtbot.waitUntil(lambda: dialog.loads == 2, timeout=15_000)
    assert dialog.form is not None and dialog.form.reviewer_id == second


def test_clearing_a_conflict_in_the_dialog_needs_every_score(
    qtbot: QtBot, opened: MainWindow
) -> None:
    def find(db: Database) -> Review:
        with db.session() as session:
            data = repository.load_round(session)
        tracks = {a.id: a.track for a in data.applications}
        return next(
            r
            for r in data.reviews
            if r.conflict and tracks[r.application_id] not in ("tips", "kibo")
        )

    review = _read(qtbot, opened, find)
    dialog = _open(qtbot, opened, review)
    assert dialog.conflict.isChecked() and dialog.kind() == ""
    assert not any(editor.isEnabled() for editor in dialog.editors.values())
    dialog.conflict.setChecked(False)
    assert dialog.kind() == "clear"
    qtbot.keyClicks(dialog.reason, "declared by mistake")
    assert not dialog.ok_button.isEnabled()  # no score yet
    assert dialog.form is not None
    for criterion in dialog.form.criteria:
        editor = dialog.editors[criterion.id]
        assert isinstance(editor, QLineEdit) and editor.isEnabled() and editor.text() == ""
        qtbot.keyClicks(editor, sc.value_text(criterion.high))
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    _settled(qtbot, opened)
    stored = _stored(qtbot, opened, review)
    assert not stored.conflict
    assert stored.scores == {c.id: c.high for c in dialog.form.criteria}
    target = f"{review.application_id}/{review.reviewer_id}"
    assert opened.undo_action.text() == f"&Undo clear conflict {target}"
    opened.undo_action.trigger()
    _settled(qtbot, opened)
    assert _stored(qtbot, opened, review) == review


def test_opening_another_round_clears_the_history(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    change = _change(
        qtbot,
        opened,
        lambda db: sc.correct_score(db, *key, "tech", _new_tech(review), "a", expected=None),
    )
    opened.undo_stack.push_change(change)
    assert opened.undo_stack.count() == 1
    with qtbot.waitSignal(opened.session.opened, timeout=15_000):
        opened.open_round(round_copy)
    assert opened.undo_stack.count() == 0


def test_undo_entries_and_labels_in_both_languages(
    qtbot: QtBot, opened: MainWindow, qapp: QApplication
) -> None:
    detail = {"undoes": "review.correct", "original_reason": "오기", "criteria": ["tech"]}
    assert detail_text(detail) == (
        "undoes: Score corrected · reason of the correction undone or redone: 오기"
        ' · criteria: ["tech"]'
    )
    assert detail_text({"redoes": "review.conflict"}) == (
        "redoes: Review marked as a conflict of interest"
    )
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    new = _new_tech(review)
    change = _change(
        qtbot, opened, lambda db: sc.correct_score(db, *key, "tech", new, "오기", expected=None)
    )
    opened.undo_stack.push_change(change)
    old = sc.value_text(review.scores["tech"])
    target = f"{key[0]}/{key[1]}"
    translator = install_translator(qapp, "ko")
    assert translator is not None
    try:
        assert detail_text(detail).startswith("실행 취소한 작업: 점수 정정 · 원래 정정 사유: 오기")
        assert detail_text({"redoes": "review.correct"}) == "다시 실행한 작업: 점수 정정"
        opened.undo_stack.retranslate()
        assert opened.undo_action.text() == f"{target} 점수 정정 tech {old} → {new} 실행 취소(&U)"
    finally:
        qapp.removeTranslator(translator)
        opened.undo_stack.retranslate()
    assert opened.undo_action.text() == f"&Undo correct score {target}: tech {old} → {new}"
