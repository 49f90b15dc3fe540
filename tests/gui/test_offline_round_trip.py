"""The whole offline loop, as the secretariat and a reviewer go through it: assign, create
every package with its password, open one in the reviewer's window, score from the
keyboard only, end the program abruptly, reopen and find everything, send, drop the
score file on the chair's window, and select — with the typed scores in the run."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reviewer.domain.package import ScoreEntry, ScoreReturn
from reviewer.exchange import packages
from reviewer.services import locking, rounds, selecting
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


def _score_file(path: Path, round_id: str) -> Path:
    """A signed score file of ``round_id`` from a package the round never made."""
    scores = ScoreReturn(
        format=1,
        round_id=round_id,
        package_id="a" * 32,
        reviewer_id="R01",
        version=1,
        created_at=datetime(2026, 12, 2, 9, 30),
        sent_at=datetime(2026, 12, 3, 18, 0),
        entries=(ScoreEntry("2025-0001", {}, conflict=True, conflict_reason="동일 기관"),),
    )
    packages.write_score_file(path, scores, bytes(32))
    return path


def test_a_score_file_opened_from_the_file_manager_goes_into_its_recent_round(
    qtbot: QtBot, window: MainWindow, settings: Settings, round_copy: Path, tmp_path: Path
) -> None:
    # reviewer-gui R01.rvscore (a double-click): of the recent rounds, the one the file
    # was made for (by the round's uid) opens, and the file is checked and imported
    # into it (here refused: no package of this round made it)
    other = tmp_path / "other.db"
    other.write_bytes(b"not a round")
    settings.add_recent(str(round_copy))
    settings.add_recent(str(other))  # the most recent one: not the file's round
    uid = rounds.round_uid(round_copy)
    assert uid is not None and rounds.round_uid(other) is None
    returned = _score_file(tmp_path / "R01.rvscore", uid)
    window.open_score_files([str(returned)])
    qtbot.waitUntil(lambda: isinstance(window.dialog, ScoreFilesDialog), timeout=10_000)
    assert window.session.is_open and window.session.target == str(round_copy)
    dialog = window.dialog
    assert isinstance(dialog, ScoreFilesDialog)
    qtbot.waitUntil(lambda: dialog.details.isVisible(), timeout=10_000)
    assert dialog.message.text() == "Nothing was imported:"
    assert "R01.rvscore" in dialog.details.toPlainText()


def test_a_score_file_of_no_recent_round_is_not_imported(
    qtbot: QtBot, window: MainWindow, settings: Settings, round_copy: Path, tmp_path: Path
) -> None:
    settings.add_recent(str(round_copy))
    returned = _score_file(tmp_path / "R01.rvscore", "c" * 32)
    window.open_score_files([str(returned)])
    qtbot.waitUntil(lambda: window.error_box is not None, timeout=10_000)
    box = window.error_box
    assert box is not None and box.windowTitle() == "The score files were not imported"
    assert box.text().startswith("None of the recently opened rounds is the round of R01.rvscore.")
    assert "Open the round these scores belong to" in box.text()
    assert not window.session.is_open


def test_a_score_file_opened_without_a_recent_round_says_what_to_do(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.open_score_files([str(tmp_path / "R01.rvscore")])
    box = window.error_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "The score files were not imported"
    assert box.text().startswith("Open the round these scores belong to")
    assert not window.session.is_open


def test_a_score_file_opened_into_a_locked_round_is_refused(
    qtbot: QtBot, window: MainWindow, settings: Settings, round_copy: Path, tmp_path: Path
) -> None:
    with rounds.open_round(round_copy) as database:
        locking.lock_round(database)
    settings.add_recent(str(round_copy))
    uid = rounds.round_uid(round_copy)
    assert uid is not None
    window.open_score_files([str(_score_file(tmp_path / "R01.rvscore", uid))])
    qtbot.waitUntil(lambda: window.error_box is not None, timeout=10_000)
    assert window.session.is_open and window.session.locked
    box = window.error_box
    assert box is not None and box.windowTitle() == "The score files were not imported"
    assert box.text() == "The round is locked: unlock it to import scores."
    assert not isinstance(window.dialog, ScoreFilesDialog)


def test_the_window_started_with_a_score_file_imports_it_and_with_a_round_opens_it(
    qtbot: QtBot, window: MainWindow, settings: Settings, round_copy: Path, tmp_path: Path
) -> None:
    # reviewer-gui TARGET: the target decides between importing and opening
    from reviewer.ui.app import open_target

    open_target(window, str(tmp_path / "R01.RVSCORE"))  # no recent round: told what to do
    box = window.error_box
    assert box is not None and box.windowTitle() == "The score files were not imported"
    assert not window.session.is_open
    with qtbot.waitSignal(window.session.opened, timeout=10_000):
        open_target(window, str(round_copy))
    assert window.session.target == str(round_copy)
