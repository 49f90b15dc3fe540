"""The reviewer's window, driven from the keyboard as a reviewer does: the password
(a wrong one first), scores typed with digits and Tab, Ctrl+Enter to go on, range
errors, the comment rule, a conflict, the working file after an abrupt end, and sending
the scores twice."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reviewer.exchange import packages
from reviewer.exchange.packages import read_score_file
from reviewer.services.reviewer_work import work_path
from reviewer.ui.main_window import MainWindow
from reviewer.ui.reviewer.dialogs import ConflictDialog, PasswordDialog
from reviewer.ui.reviewer.score_form import GradeBox
from reviewer.ui.reviewer.window import ReviewerWindow
from reviewer.ui.settings import Settings
from tests.reviewer_package import PACKAGE_ID, PASSWORD, SECRET, build_package

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "SCRYPT_N", 2**4)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def package_file(tmp_path: Path) -> Path:
    path = tmp_path / "R07.rvpkg"
    build_package(path)
    return path


@pytest.fixture
def windows(qtbot: QtBot, settings: Settings) -> Iterator[list[ReviewerWindow]]:
    made: list[ReviewerWindow] = []
    yield made
    for window in made:
        window.session.close()
        assert window.session.wait(10_000)


def new_window(qtbot: QtBot, settings: Settings, windows: list[ReviewerWindow]) -> ReviewerWindow:
    window = ReviewerWindow(settings, lang="en")
    qtbot.addWidget(window)
    windows.append(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def open_with_password(qtbot: QtBot, window: ReviewerWindow, path: Path) -> None:
    window.open_package(path)
    qtbot.waitUntil(lambda: isinstance(window.dialog, PasswordDialog), timeout=10_000)
    dialog = window.dialog
    assert isinstance(dialog, PasswordDialog)
    assert not dialog.ok_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(dialog.password, "not-it")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # each try derives the key with the real scrypt cost: seconds on a busy machine
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
    assert "not the package's password" in dialog.error.text()
    assert window.work is None and dialog.isVisible()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.work is not None and not dialog.isVisible(), timeout=30_000)
    activate(qtbot, window)


def activate(qtbot: QtBot, window: ReviewerWindow) -> None:
    """The window active again after a dialog (the offscreen platform does not do it)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_keys(qtbot: QtBot, *keys: str) -> None:
    """Type each text into the focused field, pressing Tab after each (ASCII only)."""
    for text in keys:
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def ctrl_enter(qtbot: QtBot) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)


def saved(qtbot: QtBot, window: ReviewerWindow) -> None:
    qtbot.waitUntil(lambda: not window.session.saving, timeout=10_000)


def stored(data: Path) -> dict[str, tuple[dict[str, str], str, int, str]]:
    """The working database as another program reads it, this moment."""
    with sqlite3.connect(work_path(PACKAGE_ID, data)) as db:
        rows = db.execute(
            "select application_id, scores, comment, conflict, conflict_reason from work_entry"
        ).fetchall()
    return {r[0]: (json.loads(r[1]), r[2], r[3], r[4]) for r in rows}


def status(window: ReviewerWindow, app_id: str) -> str:
    model = window.assigned.model
    row = next(i for i, r in enumerate(model.rows()) if r.app.id == app_id)
    return str(model.index(row, model.column_of("status")).data())


def total(window: ReviewerWindow, app_id: str) -> str:
    model = window.assigned.model
    row = next(i for i, r in enumerate(model.rows()) if r.app.id == app_id)
    return str(model.index(row, model.column_of("total")).data())


def score_by_keyboard(qtbot: QtBot, window: ReviewerWindow, data: Path) -> None:
    form = window.form
    # 2025-0001: four criteria, the grade chosen by its number (2 = 우수)
    assert window.current == "2025-0001"
    assert focused() is form.editors["tech"]
    type_keys(qtbot, "30")
    assert form.total.text() == "Total so far 30.00 (3 to go)"
    type_keys(qtbot, "20", "15", "2")
    assert isinstance(form.editors["policy"], QComboBox)
    assert form.editors["policy"].currentText() == "2 · 우수"
    assert form.total.text() == "Total 73.00 / 100"
    assert focused() is form.comment
    saved(qtbot, window)
    assert stored(data)["2025-0001"] == (
        {"tech": "30", "biz": "20", "capability": "15", "policy": "우수"},
        "",
        0,
        "",
    )
    assert status(window, "2025-0001") == "Complete" and total(window, "2025-0001") == "73.00"
    assert window.assigned.progress.text() == "1 / 5 scored"
    ctrl_enter(qtbot)
    assert window.current == "2025-0002"
    assert focused() is form.editors["tech"]

    # 2025-0002: 45 is out of range — shown at once, and Ctrl+Enter does not go on
    qtbot.keyClicks(focused(), "45")
    error = form.errors["tech"]
    assert error.isVisible() and error.text() == "Out of range: enter 0 to 40"
    ctrl_enter(qtbot)
    assert window.current == "2025-0002"
    assert form.message.text() == "Correct the value of 기술성 first."
    saved(qtbot, window)
    assert stored(data)["2025-0002"][0] == {}  # the wrong value is never kept
    assert focused() is form.editors["tech"]
    editor = form.editors["tech"]
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_keys(qtbot, "40", "30", "20", "1")
    assert not error.isVisible()
    assert form.total.text() == "Total 100.00 / 100"
    # above 95: a comment is required, and Ctrl+Enter says so
    assert form.comment_note.text() == "A comment is required: the total is above 95."
    assert status(window, "2025-0002") == "In progress"
    ctrl_enter(qtbot)
    assert window.current == "2025-0002"
    assert form.message.text() == "Write a comment first: the total needs one."
    qtbot.keyClicks(form.comment, "Outstanding plan")
    assert status(window, "2025-0002") == "Complete"
    saved(qtbot, window)
    assert stored(data)["2025-0002"][:2] == (
        {"tech": "40", "biz": "30", "capability": "20", "policy": "탁월"},
        "Outstanding plan",
    )
    ctrl_enter(qtbot)
    assert window.current == "2025-0003"


def declare_conflict(qtbot: QtBot, window: ReviewerWindow, data: Path) -> None:
    form = window.form
    qtbot.mouseClick(form.conflict_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, ConflictDialog)
    assert not dialog.ok_button.isEnabled()  # a reason is required
    qtbot.keyClicks(dialog.reason, "Former employer")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert form.conflict_banner.isVisible()
    assert "Former employer" in form.conflict_banner.text()
    assert not any(e.isEnabled() for e in form.editors.values())
    assert not form.comment.isEnabled()
    assert form.withdraw_button.isVisible() and not form.conflict_button.isVisible()
    assert status(window, "2025-0003") == "Conflict"
    saved(qtbot, window)
    assert stored(data)["2025-0003"][2:] == (1, "Former employer")


def test_a_package_is_scored_from_the_keyboard_and_kept_at_every_step(
    qtbot: QtBot,
    settings: Settings,
    windows: list[ReviewerWindow],
    data: Path,
    package_file: Path,
) -> None:
    window = new_window(qtbot, settings, windows)
    open_with_password(qtbot, window, package_file)
    assert window.assigned.model.rowCount() == 5
    assert window.assigned.progress.text() == "0 / 5 scored"
    qtbot.waitUntil(lambda: window.proposal.shown is not None, timeout=10_000)
    assert window.proposal.document.pageCount() == 2
    score_by_keyboard(qtbot, window, data)
    declare_conflict(qtbot, window, data)
    assert window.assigned.progress.text() == "3 / 5 scored"
    assert window.assigned.progress.value() == 3


def test_an_abrupt_end_loses_nothing(
    qtbot: QtBot,
    settings: Settings,
    windows: list[ReviewerWindow],
    data: Path,
    package_file: Path,
) -> None:
    window = new_window(qtbot, settings, windows)
    open_with_password(qtbot, window, package_file)
    score_by_keyboard(qtbot, window, data)
    declare_conflict(qtbot, window, data)
    qtbot.keyClicks(window.form.editors["tech"], "")  # nothing more: the last state stays
    saved(qtbot, window)
    # the program ends without closing anything: no close event, no last save
    windows.remove(window)
    window.hide()
    window.deleteLater()
    del window

    again = new_window(qtbot, settings, windows)
    open_with_password(qtbot, again, package_file)
    assert again.current == "2025-0003"  # the application that was open
    assert again.form.conflict_banner.isVisible()
    assert again.assigned.progress.text() == "3 / 5 scored"
    assert status(again, "2025-0001") == "Complete" and total(again, "2025-0001") == "73.00"
    assert status(again, "2025-0002") == "Complete" and total(again, "2025-0002") == "100.00"
    again.choose("2025-0002")
    assert again.form.comment.toPlainText() == "Outstanding plan"
    tech = again.form.editors["tech"]
    assert isinstance(tech, QLineEdit) and tech.text() == "40"


def test_a_conflict_is_withdrawn_after_confirmation(
    qtbot: QtBot,
    settings: Settings,
    windows: list[ReviewerWindow],
    data: Path,
    package_file: Path,
) -> None:
    window = new_window(qtbot, settings, windows)
    open_with_password(qtbot, window, package_file)
    window.choose("2025-0003")
    declare_conflict(qtbot, window, data)
    qtbot.mouseClick(window.form.withdraw_button, Qt.MouseButton.LeftButton)
    box = window.dialog
    assert isinstance(box, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert window.form.conflict_banner.isVisible()  # cancelled: still declared
    qtbot.mouseClick(window.form.withdraw_button, Qt.MouseButton.LeftButton)
    box = window.dialog
    assert isinstance(box, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert not window.form.conflict_banner.isVisible()
    assert all(e.isEnabled() for e in window.form.editors.values())
    assert status(window, "2025-0003") == "Not scored"
    saved(qtbot, window)
    assert stored(data)["2025-0003"][2:] == (0, "")


def send(qtbot: QtBot, window: ReviewerWindow, target: Path, warned: bool) -> QMessageBox:
    activate(qtbot, window)
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    if warned:
        box = window.dialog
        assert isinstance(box, QMessageBox) and box.objectName() == "incompleteWarning"
        assert "2 of 5 applications are not complete (2025-0004, 2025-0005)" in box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    chooser = window.dialog
    assert isinstance(chooser, QFileDialog)
    assert chooser.selectedFiles()[0].endswith(
        f"R07_3f9c2a7b_v{window.work.sent_version + 1}.rvscore"
    )  # type: ignore[union-attr]
    chooser.selectFile(str(target))
    chooser.accept()
    qtbot.waitUntil(
        lambda: (
            isinstance(window.dialog, QMessageBox) and window.dialog.objectName() == "sentMessage"
        ),
        timeout=10_000,
    )
    assert isinstance(window.dialog, QMessageBox)
    return window.dialog


def test_send_writes_the_scores_typed_and_counts_the_version(
    qtbot: QtBot,
    settings: Settings,
    windows: list[ReviewerWindow],
    data: Path,
    package_file: Path,
    tmp_path: Path,
) -> None:
    window = new_window(qtbot, settings, windows)
    open_with_password(qtbot, window, package_file)
    score_by_keyboard(qtbot, window, data)
    declare_conflict(qtbot, window, data)

    first = send(qtbot, window, tmp_path / "first.rvscore", warned=True)
    assert "Version 1 of your scores was written to" in first.text()
    assert "(3 applications)" in first.text()
    signed = read_score_file(tmp_path / "first.rvscore")
    signed.verify(SECRET)
    scores = signed.scores
    assert (scores.version, scores.reviewer_id, scores.package_id) == (1, "R07", PACKAGE_ID)
    entries = {e.application_id: e for e in scores.entries}
    assert set(entries) == {"2025-0001", "2025-0002", "2025-0003"}
    assert dict(entries["2025-0001"].scores) == {
        "tech": 30.0,
        "biz": 20.0,
        "capability": 15.0,
        "policy": "우수",
    }
    assert entries["2025-0002"].comment == "Outstanding plan"
    assert entries["2025-0003"].conflict
    assert entries["2025-0003"].conflict_reason == "Former employer"
    qtbot.mouseClick(first.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "version 1 sent" in window.where.text()

    second = send(qtbot, window, tmp_path / "second.rvscore", warned=True)
    assert "Version 2 of your scores" in second.text()
    assert read_score_file(tmp_path / "second.rvscore").scores.version == 2
    assert read_score_file(tmp_path / "first.rvscore").scores.version == 1


def _drop(target: QWidget, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)  # type: ignore[attr-defined]


def test_a_package_without_password_dropped_on_the_window_opens_at_once(
    qtbot: QtBot,
    settings: Settings,
    windows: list[ReviewerWindow],
    data: Path,
    tmp_path: Path,
) -> None:
    path = tmp_path / "open.rvpkg"
    build_package(path, password=None)
    window = new_window(qtbot, settings, windows)
    assert "Open the reviewer package" in window.placeholder.text()
    _drop(window, path)
    qtbot.waitUntil(lambda: window.work is not None, timeout=10_000)
    assert window.dialog is None  # no password asked
    assert window.assigned.model.rowCount() == 5
    window.choose("2025-0005")
    assert window.proposal.stack.currentWidget() is window.proposal.empty
    assert window.proposal.empty.text() == "This application has no proposal PDF."


def test_a_package_dropped_on_the_chairs_window_opens_the_reviewers(
    qtbot: QtBot, window: MainWindow, data: Path, package_file: Path
) -> None:
    _drop(window, package_file)
    assert len(window.reviewer_windows) == 1
    reviewer = window.reviewer_windows[0]
    qtbot.waitUntil(lambda: isinstance(reviewer.dialog, PasswordDialog), timeout=10_000)
    reviewer.close()


def test_another_file_opens_outside_from_a_temporary_copy(
    qtbot: QtBot,
    settings: Settings,
    windows: list[ReviewerWindow],
    data: Path,
    package_file: Path,
) -> None:
    window = new_window(qtbot, settings, windows)
    opened: list[str] = []
    window.opener = lambda path: opened.append(path) or True
    open_with_password(qtbot, window, package_file)
    assert window.proposal.files.rowCount() == 1
    qtbot.mouseClick(window.proposal.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert Path(opened[0]).name == "2025-0001_부속서류.hwpx"
    assert Path(opened[0]).read_bytes() == "2025-0001 부속서류".encode()


def test_a_file_of_a_kind_the_round_never_takes_is_not_opened(
    qtbot: QtBot,
    settings: Settings,
    windows: list[ReviewerWindow],
    data: Path,
    package_file: Path,
) -> None:
    from reviewer.domain.package import PackageAttachment

    window = new_window(qtbot, settings, windows)
    opened: list[str] = []
    window.opener = lambda path: opened.append(path) or True
    open_with_password(qtbot, window, package_file)
    program = PackageAttachment("2025-0001_설명.bat", "other", "0" * 64, 10)
    window.open_attachment(program)
    box = window.error_box
    assert isinstance(box, QMessageBox)
    assert "is not opened" in box.text()
    qtbot.wait(200)
    assert opened == []


def test_a_grade_is_chosen_by_its_number_or_its_letter(qtbot: QtBot) -> None:
    box = GradeBox(("A", "B", "C"))
    qtbot.addWidget(box)
    qtbot.keyClicks(box, "2")
    assert box.currentText() == "2 · B"
    qtbot.keyClicks(box, "31")  # keys in quick succession: each one decides
    assert box.currentText() == "1 · A"
    qtbot.keyClicks(box, "c")
    assert box.currentText() == "3 · C"
    qtbot.keyClicks(box, "9")  # no grade 9: unchanged
    assert box.currentText() == "3 · C"
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert box.currentIndex() == 0
