"""The whole offline loop, as the secretariat and a reviewer go through it: assign, create
every package with its password, open one in the reviewer's window, score from the
keyboard only, end the program abruptly, reopen and find everything, send, drop the
score file on the chair's window, and select — with the typed scores in the run."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reviewer.exchange import packages
from reviewer.services import rounds, selecting
from reviewer.services.assignments import assign
from reviewer.services.packages import create_all
from reviewer.store import repository
from reviewer.ui.dialogs.score_files import ScoreFilesDialog
from reviewer.ui.main_window import MainWindow
from reviewer.ui.reviewer.dialogs import PasswordDialog
from reviewer.ui.reviewer.score_form import GradeBox
from reviewer.ui.reviewer.window import ReviewerWindow
from reviewer.ui.settings import Settings
from tests.gui.conftest import open_and_wait

CTRL = Qt.KeyboardModifier.ControlModifier
SCORED = 2  # applications the reviewer scores in the window


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "SCRYPT_N", 2**4)


@pytest.fixture
def reviewer_windows(qtbot: QtBot) -> Iterator[list[ReviewerWindow]]:
    made: list[ReviewerWindow] = []
    yield made
    for window in made:
        window.session.close()
        assert window.session.wait(10_000)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def open_reviewer(
    qtbot: QtBot, settings: Settings, made: list[ReviewerWindow], path: Path, password: str
) -> ReviewerWindow:
    window = ReviewerWindow(settings, lang="en")
    qtbot.addWidget(window)
    made.append(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_package(path)
    qtbot.waitUntil(lambda: isinstance(window.dialog, PasswordDialog), timeout=10_000)
    dialog = window.dialog
    assert isinstance(dialog, PasswordDialog)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.work is not None and not dialog.isVisible(), timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def score_current(qtbot: QtBot, window: ReviewerWindow) -> dict[str, str]:
    """Score the open application from the keyboard: each numeric criterion at 80% of its
    range, each graded one with its second grade, a comment; then Ctrl+Enter."""
    work = window.work
    assert work is not None and window.current is not None
    app = next(a for a in work.package.applications if a.id == window.current)
    typed: dict[str, str] = {}
    for criterion in work.package.track(app.track).criteria:
        editor = window.form.editors[criterion.id]
        assert focused() is editor
        if isinstance(editor, GradeBox):
            qtbot.keyClicks(editor, "2")
            typed[criterion.id] = editor.currentText()
        else:
            assert isinstance(editor, QLineEdit)
            value = str(round(criterion.min + 0.8 * (criterion.max - criterion.min)))
            qtbot.keyClicks(editor, value)
            typed[criterion.id] = value
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.form.comment
    qtbot.keyClicks(window.form.comment, "Checked offline")
    qtbot.waitUntil(lambda: not window.session.saving, timeout=10_000)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    return typed


def test_assign_package_score_offline_return_and_select(
    qtbot: QtBot,
    settings: Settings,
    window: MainWindow,
    round_copy: Path,
    reviewer_windows: list[ReviewerWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "laptop"))
    # 1–2: the secretariat assigns and writes every package with its password
    with rounds.open_round(round_copy) as database:
        assign(database, 3)
        made = create_all(database, tmp_path / "packages")
    with made.passwords.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    passwords = {row[0]: row[-1] for row in rows[1:]}
    package = max(made.packages, key=lambda p: p.applications)
    assert package.applications >= SCORED and passwords[package.reviewer_id]

    # 3–4: the reviewer opens it and scores two applications from the keyboard only
    reviewer = open_reviewer(
        qtbot, settings, reviewer_windows, package.path, passwords[package.reviewer_id]
    )
    typed: dict[str, dict[str, str]] = {}
    for _ in range(SCORED):
        current = reviewer.current
        assert current is not None
        typed[current] = score_current(qtbot, reviewer)
    totals = {
        row.app.id: row.total for row in reviewer.assigned.model.rows() if row.app.id in typed
    }
    assert reviewer.assigned.progress.text().startswith(f"{SCORED} / ")

    # 5: the program ends abruptly (no close, no last save); reopened, nothing is lost
    reviewer_windows.remove(reviewer)
    reviewer.hide()
    reviewer.deleteLater()
    del reviewer
    again = open_reviewer(
        qtbot, settings, reviewer_windows, package.path, passwords[package.reviewer_id]
    )
    assert again.assigned.progress.text().startswith(f"{SCORED} / ")
    for app_id, values in typed.items():
        again.choose(app_id)
        for criterion_id, text in values.items():
            editor = again.form.editors[criterion_id]
            shown = editor.currentText() if isinstance(editor, GradeBox) else editor.text()  # type: ignore[attr-defined]
            assert shown == text
        assert again.form.comment.toPlainText() == "Checked offline"

    # 6: send
    target = tmp_path / "returned.rvscore"
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    if isinstance(again.dialog, QMessageBox):  # some applications are not scored yet
        qtbot.mouseClick(
            again.dialog.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton
        )
    chooser = again.dialog
    assert isinstance(chooser, QFileDialog)
    chooser.selectFile(str(target))
    chooser.accept()
    qtbot.waitUntil(lambda: target.exists(), timeout=10_000)

    # 7: the chair drops the returned file on the round's window
    open_and_wait(qtbot, window, round_copy)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(target))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    dialog = window.dialog
    assert isinstance(dialog, ScoreFilesDialog)
    qtbot.waitUntil(
        lambda: dialog.outcome is not None or dialog.details.isVisible(), timeout=20_000
    )
    assert dialog.outcome is not None, dialog.details.toPlainText()
    assert dialog.outcome.replaced + dialog.outcome.added == SCORED

    # 8: the selection uses the reviewer's new scores
    with rounds.open_round(round_copy) as database:
        run = selecting.run_selection(database, "en")
    assert run.recorded and run.result is not None
    reviews = {
        r.application_id: r for r in run.data.reviews if r.reviewer_id == package.reviewer_id
    }
    for app_id, values in typed.items():
        assert dict(reviews[app_id].scores) == {key: _value(text) for key, text in values.items()}
        assert reviews[app_id].comment == "Checked offline"
        scored = run.result.scored[app_id]
        shown = totals[app_id]  # the total the reviewer's window showed, computed alike
        assert shown is not None
        assert scored.reviewer_totals[package.reviewer_id] == pytest.approx(shown, abs=1e-9)


def _value(text: str) -> float | str:
    """A score as the round stores it: a number, or the grade's name ("2 · 우수")."""
    try:
        return float(text)
    except ValueError:
        return text.split(" · ")[-1]


def drop_on(window: MainWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(
        QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )


def test_a_bad_score_file_dropped_on_the_chairs_window_imports_nothing(
    qtbot: QtBot, opened: MainWindow, round_copy: Path, tmp_path: Path
) -> None:
    def reviews() -> list[tuple[str, str, str]]:
        with rounds.open_round(round_copy) as database, database.session() as session:
            data = repository.load_round(session)
        return sorted((r.application_id, r.reviewer_id, repr(r.scores)) for r in data.reviews)

    before = reviews()
    bad = tmp_path / "R01.rvscore"
    bad.write_text("{}\n", encoding="utf-8")
    drop_on(opened, bad)
    dialog = opened.dialog
    assert isinstance(dialog, ScoreFilesDialog)
    qtbot.waitUntil(lambda: dialog.details.isVisible(), timeout=10_000)
    assert dialog.outcome is None
    assert dialog.message.text() == "Nothing was imported:"
    assert "R01.rvscore: this is not a reviewer score file (.rvscore)" in (
        dialog.details.toPlainText()
    )
    assert dialog.buttons.isEnabled()
    assert reviews() == before


def test_score_files_are_chosen_from_the_round_menu(qtbot: QtBot, opened: MainWindow) -> None:
    action = opened.score_files_action
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+V"
    action.trigger()
    chooser = opened.dialog
    assert isinstance(chooser, QFileDialog) and chooser.objectName() == "scoreFiles"
    assert chooser.fileMode() == QFileDialog.FileMode.ExistingFiles
    chooser.reject()


def test_a_score_file_opened_from_the_file_manager_goes_into_the_recent_round(
    qtbot: QtBot, window: MainWindow, settings: Settings, round_copy: Path, tmp_path: Path
) -> None:
    # reviewer-gui R01.rvscore (a double-click): the most recent round opens, and the
    # file is checked and imported into it (here refused, with the reason)
    settings.add_recent(str(round_copy))
    bad = tmp_path / "R01.rvscore"
    bad.write_text("{}\n", encoding="utf-8")
    window.open_score_files([str(bad)])
    qtbot.waitUntil(lambda: isinstance(window.dialog, ScoreFilesDialog), timeout=10_000)
    assert window.session.is_open and window.session.target == str(round_copy)
    dialog = window.dialog
    assert isinstance(dialog, ScoreFilesDialog)
    qtbot.waitUntil(lambda: dialog.details.isVisible(), timeout=10_000)
    assert "R01.rvscore: this is not a reviewer score file (.rvscore)" in (
        dialog.details.toPlainText()
    )


def test_a_score_file_opened_without_a_recent_round_says_what_to_do(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.open_score_files([str(tmp_path / "R01.rvscore")])
    box = window.error_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "No round to import the scores into"
    assert box.text().startswith("Open the round these scores belong to")
    assert not window.session.is_open
