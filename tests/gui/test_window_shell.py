"""The window's shell, driven as a user would: the start page, opening rounds, the
navigation, locking and unlocking, the language, what it remembers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.services import listing, rounds
from reviewer.ui.dialogs.lock import UnlockDialog
from reviewer.ui.main_window import MainWindow
from reviewer.ui.settings import Settings
from reviewer.ui.translation import Translations
from tests.gui.conftest import open_and_wait


def test_the_start_page_comes_first(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.start
    assert window.start.empty.isVisible()
    assert not window.start.recent.isVisible()
    assert not window.close_action.isEnabled()
    assert not window.select_action.isEnabled()
    assert "Open a round" in window.where.text()


def test_opening_a_round_shows_its_dashboard(
    qtbot: QtBot, window: MainWindow, round_copy: Path, settings: Settings
) -> None:
    open_and_wait(qtbot, window, round_copy)
    assert window.stack.currentIndex() == 1
    assert window.current_view().key == "dashboard"
    dashboard = window.view("dashboard")
    assert "120 applications" in dashboard.counts.text()  # type: ignore[attr-defined]
    assert window.windowTitle().endswith("— Reviewer")
    assert settings.recent_rounds() == [str(round_copy)]
    assert window.close_action.isEnabled() and window.select_action.isEnabled()
    assert window.lock_badge.text() == "Open for changes"


def test_a_recent_round_opens_from_the_start_page(
    qtbot: QtBot, settings: Settings, round_copy: Path
) -> None:
    settings.add_recent(str(round_copy))
    window = MainWindow(settings, lang="en")
    qtbot.addWidget(window)
    window.show()
    assert window.start.recent.count() == 1
    window.start.recent.setFocus()
    qtbot.keyClick(window.start.recent, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.is_open, timeout=15_000)
    assert window.stack.currentIndex() == 1
    window.session.close()


def test_a_file_that_is_no_round_is_reported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are not the droids", encoding="utf-8")
    window.open_round(bad)
    qtbot.waitUntil(lambda: window.error_box is not None, timeout=15_000)
    assert window.error_box is not None
    assert "notes.db" in window.error_box.text()
    assert window.stack.currentWidget() is window.start
    assert not window.session.is_open
    window.error_box.button(QMessageBox.StandardButton.Ok).click()


def test_a_failed_open_keeps_the_round_that_was_open(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    opened.open_round(tmp_path / "missing.db")
    qtbot.waitUntil(lambda: opened.error_box is not None, timeout=15_000)
    assert opened.error_box is not None and "missing.db" in opened.error_box.text()
    assert opened.session.is_open
    assert opened.stack.currentIndex() == 1


def _drop(window: MainWindow, path: Path) -> None:
    """Drop ``path`` on the window: Qt delivers drops only from a real drag, so the
    window's drag-enter and drop handlers get the events a drag would bring."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    position = QPoint(20, 20)
    enter = QDragEnterEvent(
        position,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    if not enter.isAccepted():
        return
    drop = QDropEvent(
        QPointF(position),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_dropping_a_round_database_opens_it(
    qtbot: QtBot, window: MainWindow, round_copy: Path
) -> None:
    _drop(window, round_copy)
    qtbot.waitUntil(lambda: window.session.is_open, timeout=15_000)
    assert window.session.target == str(round_copy)


def test_views_are_reached_by_shortcuts_and_the_navigation(
    qtbot: QtBot, opened: MainWindow
) -> None:
    qtbot.keyClick(opened, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert opened.current_view().key == "applications"
    qtbot.keyClick(opened, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert opened.current_view().key == "reviews"
    qtbot.keyClick(opened, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert opened.current_view().key == "whatif"
    digits = [view.key for view in opened.views if view.key != "assignments"]
    assert digits.index("audit") == 9  # the tenth: Ctrl+0
    qtbot.keyClick(opened, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert opened.current_view().key == "audit"
    qtbot.keyClick(opened, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert opened.current_view().key == "import"
    item = opened.navigation.item(3)
    rect = opened.navigation.visualItemRect(item)
    qtbot.mouseClick(opened.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.current_view().key == "reviewers"


def test_close_returns_to_the_start_page_with_the_round_in_recent(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    qtbot.keyClick(opened, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not opened.session.is_open
    assert opened.stack.currentWidget() is opened.start
    assert opened.start.recent.count() == 1
    assert str(round_copy) in opened.start.recent.item(0).text()


def _confirm_lock(qtbot: QtBot, window: MainWindow) -> None:
    window.lock_action.trigger()
    box = window.dialog
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: window.session.locked, timeout=15_000)


def test_lock_disables_every_edit_and_says_why(qtbot: QtBot, opened: MainWindow) -> None:
    _confirm_lock(qtbot, opened)
    assert "Locked" in opened.lock_badge.text()
    assert not opened.select_action.isEnabled()
    assert "locked" in opened.select_action.toolTip()
    assert not opened.lock_action.isEnabled() and opened.unlock_action.isEnabled()
    opened.go_to("selection")
    selection = opened.view("selection")
    assert not selection.run_button.isEnabled()  # type: ignore[attr-defined]
    assert "locked" in selection.run_button.toolTip()  # type: ignore[attr-defined]
    for action in opened.import_actions.values():
        assert not action.isEnabled() and "locked" in action.toolTip()
    importing = opened.view("import")
    opened.go_to("import")
    assert not importing.import_button.isEnabled()  # type: ignore[attr-defined]
    assert "locked" in importing.import_button.toolTip()  # type: ignore[attr-defined]
    applications = opened.view("applications")
    opened.go_to("applications")
    qtbot.waitUntil(lambda: applications.loads > 0, timeout=15_000)
    applications.table.selectRow(0)  # type: ignore[attr-defined]
    assert not applications.correct_button.isEnabled()  # type: ignore[attr-defined]
    assert opened.export_action.isEnabled()  # reading the locked result is allowed


def test_cancelling_the_lock_changes_nothing(qtbot: QtBot, opened: MainWindow) -> None:
    opened.lock_action.trigger()
    box = opened.dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(50)
    assert not opened.session.locked
    assert opened.lock_action.isEnabled()


def test_unlock_needs_a_reason_and_audits_it(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    _confirm_lock(qtbot, opened)
    opened.unlock_action.trigger()
    dialog = opened.dialog
    assert isinstance(dialog, UnlockDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "   ")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "Score")
    assert ok.isEnabled()
    dialog.reason.clear()
    assert not ok.isEnabled()
    dialog.reason.insertPlainText("심사위원 점수 입력 오류 정정")  # typed through the IME
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not opened.session.locked, timeout=15_000)
    assert opened.select_action.isEnabled()
    opened.session.close()
    with rounds.open_round(round_copy) as db:
        entries = listing.audit_log(db)
    assert entries[0].action == "unlock"
    assert entries[0].detail["reason"] == "심사위원 점수 입력 오류 정정"
    assert entries[1].action == "lock"


def test_a_refused_lock_is_shown(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """A round without a selection run cannot be locked: the reason is shown."""
    from reviewer.domain.config_toml import load_config
    from reviewer.resources import template_path

    target = tmp_path / "empty.db"
    rounds.create_round(target, load_config(str(template_path())))
    open_and_wait(qtbot, window, target)
    _before = window.error_box
    window.lock_action.trigger()
    box = window.dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: window.error_box is not _before, timeout=15_000)
    assert window.error_box is not None
    assert "selection" in window.error_box.text()
    assert not window.session.locked


def test_language_switch_takes_effect_at_once_and_is_remembered(
    qtbot: QtBot, qapp: QApplication, settings: Settings, round_copy: Path
) -> None:
    translations = Translations(qapp)
    translations.set_language("en")
    window = MainWindow(settings, translations)
    qtbot.addWidget(window)
    window.show()
    try:
        open_and_wait(qtbot, window, round_copy)
        assert window.file_menu.title() == "&File"
        window.korean_action.trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "파일(&F)", timeout=5000)
        assert window.navigation.item(0).text() == "대시보드"
        dashboard = window.view("dashboard")
        assert dashboard.track_box.title() == "트랙"  # type: ignore[attr-defined]
        assert settings.language() == "ko"
        window.english_action.trigger()
        qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Dashboard", timeout=5000)
        assert settings.language() == "en"
    finally:
        translations.set_language("en")
        window.session.close()


def test_geometry_is_remembered(qtbot: QtBot, settings: Settings) -> None:
    first = MainWindow(settings, lang="en")
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.close()
    second = MainWindow(settings, lang="en")
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_the_drop_is_ignored_for_other_files(window: MainWindow, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("x", encoding="utf-8")
    _drop(window, note)
    assert not window.session.is_open
    assert window.stack.currentWidget() is window.start


def test_a_refused_unlock_keeps_the_dialog_and_the_reason(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer.errors import RefusedByState

    _confirm_lock(qtbot, opened)

    def busy(database: object, reason: str) -> None:
        raise RefusedByState("store.busy")

    monkeypatch.setattr("reviewer.ui.main_window.locking.unlock_round", busy)
    opened.unlock_action.trigger()
    dialog = opened.dialog
    assert isinstance(dialog, UnlockDialog)
    dialog.reason.insertPlainText("점수 정정")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15_000)
    assert dialog.isVisible() and dialog.text() == "점수 정정"
    assert "another program" in dialog.error.text()
    assert opened.session.locked
