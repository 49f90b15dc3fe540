"""Corrections, undo and redo that overlap: a correction saved while a step is pending,
a save still running, another reviewer chosen while its review loads, a form that is
stale, and the round closed with a step pending."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from reviewer.services import rounds
from reviewer.services import score_corrections as sc
from reviewer.store import repository
from reviewer.ui.main_window import MainWindow
from tests.gui.test_score_corrections import (
    _audit,
    _change,
    _lock_elsewhere,
    _new_tech,
    _open,
    _scored,
    _settled,
    _stored,
    _type,
)


def test_a_correction_pushed_while_an_undo_is_pending_still_reports_its_failure(
    qtbot: QtBot, opened: MainWindow
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    stack = opened.undo_stack
    a = _change(
        qtbot,
        opened,
        lambda db: sc.correct_score(db, *key, "tech", _new_tech(review), "A", expected=None),
    )
    stack.push_change(a)
    label = stack.undoText()
    biz = "1" if review.scores["biz"] != 1 else "2"
    # B changes the same review before the undo of A runs: the undo will be refused
    b = _change(
        qtbot, opened, lambda db: sc.correct_score(db, *key, "biz", biz, "B", expected=None)
    )
    stack.undo()
    assert stack.pending == 1
    assert not opened.undo_action.isEnabled() and not opened.redo_action.isEnabled()
    stack.push_change(b)  # the command of A is deleted with the history
    _settled(qtbot, opened)
    box = opened.error_box
    assert box is not None and box.isVisible()
    assert f"“{label}” was not undone" in box.text() and "changed meanwhile" in box.text()
    assert (
        stack.count() == 1
        and stack.index() == 1
        and stack.command(0).text().endswith(f"biz {sc.value_text(review.scores['biz'])} → {biz}")
    )
    stored = _stored(qtbot, opened, review)
    assert stored.scores["tech"] == float(_new_tech(review)) and stored.scores["biz"] == float(biz)
    assert opened.undo_action.isEnabled()


def test_while_a_save_runs_nothing_can_be_edited_cancelled_or_undone(
    qtbot: QtBot, opened: MainWindow
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    a = _change(
        qtbot,
        opened,
        lambda db: sc.correct_score(db, *key, "tech", _new_tech(review), "A", expected=None),
    )
    opened.undo_stack.push_change(a)
    after_a = _stored(qtbot, opened, review)
    dialog = _open(qtbot, opened, after_a)
    biz = "1" if review.scores["biz"] != 1 else "2"
    _type(qtbot, dialog.editors["biz"], biz)
    _type(qtbot, dialog.reason, "B")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.saving
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert not dialog.ok_button.isEnabled() and not cancel.isEnabled()
    assert not any(editor.isEnabled() for editor in dialog.editors.values())
    assert not opened.undo_action.isEnabled()  # Ctrl+Z meant for A waits for the save
    tech = dialog.editors["tech"]
    assert isinstance(tech, QLineEdit)
    tech.setText("14")  # an edit while saving (as a script could) re-enables nothing
    assert not dialog.ok_button.isEnabled()
    dialog.reject()  # Esc while saving: the save answers first
    assert dialog.isVisible()
    opened.undo_stack.undo()
    assert opened.undo_stack.pending == 0
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    _settled(qtbot, opened)
    assert opened.undo_stack.count() == 2 and opened.undo_action.isEnabled()
    stored = _stored(qtbot, opened, review)
    assert stored.scores["biz"] == float(biz) and stored.scores["tech"] == float(_new_tech(review))


def test_saving_right_after_choosing_another_reviewer_waits_for_its_review(
    qtbot: QtBot, opened: MainWindow
) -> None:
    review = _scored(qtbot, opened)
    dialog = _open(qtbot, opened, review)
    assert dialog.form is not None and len(dialog.form.reviewers) > 1
    first = dialog.form.reviewer_id
    _type(qtbot, dialog.editors["tech"], _new_tech(review))
    _type(qtbot, dialog.reason, "typo")
    assert dialog.ok_button.isEnabled()
    other = next(i for i in range(dialog.reviewer.count()) if dialog.reviewer.itemData(i) != first)
    dialog.reviewer.setCurrentIndex(other)
    dialog.reviewer.activated.emit(other)
    chosen = dialog.reviewer.currentData()
    # the previous reviewer's scores are gone and nothing can be saved until it loads
    assert dialog.form is None and not dialog.editors and not dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.saving
    qtbot.waitUntil(lambda: dialog.loads == 2, timeout=15_000)
    assert dialog.form is not None and dialog.form.reviewer_id == chosen
    assert dialog.text() == "typo"  # the reason typed is kept
    criterion = dialog.form.criteria[0]
    editor = dialog.editors[criterion.id]
    if isinstance(editor, QLineEdit):
        _type(
            qtbot,
            editor,
            sc.value_text(criterion.low if criterion.value != criterion.low else criterion.high),
        )
    else:
        editor.setCurrentIndex(1 if editor.currentIndex() != 1 else 2)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    _settled(qtbot, opened)
    assert f"/{chosen}:" in opened.undo_stack.undoText()
    assert _stored(qtbot, opened, review) == review  # the first reviewer's is untouched


def test_the_same_number_written_otherwise_is_no_change(qtbot: QtBot, opened: MainWindow) -> None:
    review = _scored(qtbot, opened)
    dialog = _open(qtbot, opened, review)
    tech = dialog.editors["tech"]
    assert isinstance(tech, QLineEdit)
    _type(qtbot, tech, f"{float(review.scores['tech']):.1f}")  # "28.0" for 28
    _type(qtbot, dialog.reason, "typo")
    assert dialog.changes() == {} and not dialog.ok_button.isEnabled()
    biz = "1" if review.scores["biz"] != 1 else "2"
    _type(qtbot, dialog.editors["biz"], biz)
    assert dialog.changes() == {"biz": biz}
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    _settled(qtbot, opened)
    assert _audit(qtbot, opened).detail["criterion"] == "biz"


def test_reasons_are_limited_in_the_dialog(qtbot: QtBot, opened: MainWindow) -> None:
    dialog = _open(qtbot, opened, _scored(qtbot, opened))
    assert dialog.reason.maxLength() == sc.MAX_REASON == 1000
    assert dialog.conflict_reason.maxLength() == sc.MAX_REASON


def test_a_stale_form_is_refused_and_shown_again(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    dialog = _open(qtbot, opened, review)
    _type(qtbot, dialog.editors["tech"], _new_tech(review))
    _type(qtbot, dialog.reason, "chair 1")
    # meanwhile another chair corrects the same score on the shared round
    other = "30" if review.scores["tech"] != 30 else "31"
    with rounds.open_round(round_copy) as db:
        sc.correct_score(db, *key, "tech", other, "chair 2", expected=None)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.loads == 2, timeout=15_000)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "changed meanwhile" in dialog.error.text()
    assert dialog.form is not None and dialog.form.review.scores["tech"] == float(other)
    assert dialog.text() == "chair 1"
    assert _stored(qtbot, opened, review).scores["tech"] == float(other)
    assert opened.undo_stack.count() == 0


def _stored_now(target: Path, key: tuple[str, str]) -> dict[str, object]:
    with rounds.open_round(target) as db, db.session() as session:
        data = repository.load_round(session)
    found = next(r for r in data.reviews if (r.application_id, r.reviewer_id) == key)
    return dict(found.scores)


def test_closing_the_round_waits_for_a_pending_undo_and_shows_it(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    a = _change(
        qtbot,
        opened,
        lambda db: sc.correct_score(db, *key, "tech", _new_tech(review), "A", expected=None),
    )
    opened.undo_stack.push_change(a)
    label = opened.undo_stack.undoText()
    opened.undo_action.trigger()
    opened.close_round()
    assert opened.session.is_open  # not before the undo has answered
    with qtbot.waitSignal(opened.session.closed, timeout=15_000):
        pass
    assert opened.statusBar().currentMessage() == f"Undone: {label}"
    assert opened.session.wait(10_000)
    assert _stored_now(round_copy, key) == dict(review.scores)


def test_closing_the_round_waits_for_a_failing_undo_and_shows_why(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    a = _change(
        qtbot,
        opened,
        lambda db: sc.correct_score(db, *key, "tech", _new_tech(review), "A", expected=None),
    )
    opened.undo_stack.push_change(a)
    _lock_elsewhere(round_copy)
    opened.undo_action.trigger()
    opened.close_round()
    with qtbot.waitSignal(opened.session.closed, timeout=15_000):
        pass
    box = opened.error_box
    assert box is not None and box.isVisible() and "was not undone" in box.text()
    assert opened.session.wait(10_000)
    assert _stored_now(round_copy, key)["tech"] == float(_new_tech(review))


def test_opening_another_round_waits_for_a_pending_undo(
    qtbot: QtBot, opened: MainWindow, round_copy: Path, tmp_path: Path
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    a = _change(
        qtbot,
        opened,
        lambda db: sc.correct_score(db, *key, "tech", _new_tech(review), "A", expected=None),
    )
    opened.undo_stack.push_change(a)
    label = opened.undo_stack.undoText()
    opened.undo_action.trigger()
    with qtbot.waitSignal(opened.session.opened, timeout=15_000):
        opened.open_round(round_copy)
        assert opened.undo_stack.pending == 1  # the open waits for it
        assert opened.where.text() == "Waiting for the undo to finish…"
    assert opened.undo_stack.count() == 0
    assert opened.statusBar().currentMessage() == f"Undone: {label}"
    assert _stored_now(round_copy, key) == dict(review.scores)
