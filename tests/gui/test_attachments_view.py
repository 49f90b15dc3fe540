"""Attachments in the window: importing a folder, listing and opening an application's
files, and the packages on the dashboard."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from reviewer.services import rounds
from reviewer.store.models import PackageRow
from reviewer.ui.dialogs.attachments import AttachmentsDialog
from reviewer.ui.main_window import MainWindow
from reviewer.ui.views.applications import ApplicationsView
from reviewer.ui.views.dashboard import DashboardView
from tests.gui.conftest import open_and_wait, wait_for_load

PDF = b"%PDF-1.4\n% a proposal\n%%EOF\n"


def folder_of_files(tmp_path: Path) -> Path:
    folder = tmp_path / "첨부"
    (folder / "2025-0002").mkdir(parents=True)
    (folder / "2025-0001_사업계획서.pdf").write_bytes(PDF)
    (folder / "2025-0001_재무제표.xlsx").write_bytes(b"PK\x03\x04 sheet")
    (folder / "2025-0002" / "계획서.pdf").write_bytes(PDF + b"2")
    (folder / "안내문.pdf").write_bytes(PDF)
    (folder / "메모.txt").write_text("memo")
    return folder


def run_import(qtbot: QtBot, window: MainWindow, folder: Path) -> AttachmentsDialog:
    window.import_attachments(str(folder))
    dialog = window.dialog
    assert isinstance(dialog, AttachmentsDialog)
    qtbot.waitUntil(lambda: not dialog.running, timeout=15_000)
    return dialog


def applications(qtbot: QtBot, window: MainWindow) -> ApplicationsView:
    view = window.view("applications")
    assert isinstance(view, ApplicationsView)
    before = view.loads
    window.go_to("applications")
    if before == 0:
        wait_for_load(qtbot, view, before)
    return view


def choose(qtbot: QtBot, view: ApplicationsView, app_id: str) -> None:
    shown = view.attachments_shown
    view.select_id(app_id)
    qtbot.waitUntil(lambda: view.attachments_shown > shown, timeout=15_000)


def test_a_folder_is_imported_with_a_summary_and_shown_in_the_details(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    dialog = run_import(qtbot, opened, folder_of_files(tmp_path))
    assert dialog.outcome is not None
    assert dialog.message.text() == (
        "3 files of 2 applications: 3 added, 0 replaced, 0 unchanged. "
        "Not imported: 1 matching no application, 1 of a type not taken."
    )
    details = dialog.details.toPlainText()
    assert "안내문.pdf" in details and "메모.txt" in details
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None and close.isEnabled()

    view = applications(qtbot, opened)
    choose(qtbot, view, "2025-0001")
    text = view.details.toPlainText()
    assert "2025-0001_사업계획서.pdf" in text and "2025-0001_재무제표.xlsx" in text
    assert text.index("사업계획서.pdf") < text.index("재무제표.xlsx")  # the proposal first
    assert "Proposal · 28 B · SHA-256 " in text
    choose(qtbot, view, "2025-0003")
    assert "No attachments" in view.details.toPlainText()


def test_importing_the_same_folder_again_leaves_everything_unchanged(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    folder = folder_of_files(tmp_path)
    run_import(qtbot, opened, folder).accept()
    again = run_import(qtbot, opened, folder)
    assert again.outcome is not None and len(again.outcome.unchanged) == 3
    assert "0 added, 0 replaced, 3 unchanged" in again.message.text()


def test_a_bad_file_is_refused_and_nothing_is_imported(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path, round_copy: Path
) -> None:
    folder = folder_of_files(tmp_path)
    (folder / "2025-0003.pdf").write_bytes(b"<html>not a pdf</html>")
    dialog = run_import(qtbot, opened, folder)
    assert dialog.outcome is None
    assert dialog.message.text() == "Nothing was imported:"
    assert "2025-0003.pdf: not a PDF file" in dialog.details.toPlainText()
    with sqlite3.connect(round_copy) as connection:
        assert connection.execute("SELECT count(*) FROM attachment").fetchone() == (0,)


def test_an_attachment_opens_from_a_temporary_file(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_import(qtbot, opened, folder_of_files(tmp_path)).accept()
    urls: list[QUrl] = []
    monkeypatch.setattr(
        "reviewer.ui.views.applications.QDesktopServices.openUrl",
        lambda url: urls.append(url) or True,
    )
    view = applications(qtbot, opened)
    choose(qtbot, view, "2025-0002")
    assert view.attachments is not None
    (item,) = view.attachments
    view.details.anchorClicked.emit(QUrl(f"attachment:{item.id}"))  # the link clicked
    qtbot.waitUntil(lambda: bool(urls), timeout=15_000)
    opened_path = Path(urls[0].toLocalFile())
    assert opened_path.name == "계획서.pdf"
    assert opened_path.read_bytes() == PDF + b"2"
    assert view.opened_files == [opened_path]


def test_the_menu_action_asks_for_a_folder_and_is_off_when_locked(
    qtbot: QtBot, opened: MainWindow
) -> None:
    action = opened.attachments_action
    assert action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+Shift+T"
    action.trigger()
    chooser = opened.dialog
    assert isinstance(chooser, QFileDialog)
    assert chooser.fileMode() == QFileDialog.FileMode.Directory
    chooser.reject()


def test_the_action_is_off_for_a_locked_round(
    qtbot: QtBot, window: MainWindow, round_copy: Path
) -> None:
    with rounds.open_round(round_copy) as db, db.session() as session:
        from reviewer.store import repository

        repository.round_info(session).status = "locked"
    open_and_wait(qtbot, window, round_copy)
    assert not window.attachments_action.isEnabled()
    assert "locked" in window.attachments_action.toolTip()


def test_the_dashboard_shows_each_reviewers_package(
    qtbot: QtBot, window: MainWindow, round_copy: Path
) -> None:
    with sqlite3.connect(round_copy) as connection:
        reviewers = [r[0] for r in connection.execute("SELECT id FROM reviewer ORDER BY id")]
        scored = [
            r[0]
            for r in connection.execute(
                "SELECT application_id FROM review WHERE reviewer_id = ? ORDER BY 1",
                (reviewers[0],),
            )
        ]
    with rounds.open_round(round_copy) as db, db.session() as session:
        session.add(
            PackageRow(
                id="a" * 32,
                reviewer_id=reviewers[0],
                secret="00" * 32,
                applications=[*scored[:2], "2025-0119", "2025-0120"],
                created_at=datetime(2025, 5, 2, 9, 30),
                returned_version=3,
                returned_at=datetime(2025, 5, 4, 17, 5),
            )
        )
        session.add(
            PackageRow(
                id="b" * 32,
                reviewer_id=reviewers[1],
                secret="00" * 32,
                applications=[],
                created_at=datetime(2025, 5, 3, 8, 0),
            )
        )
    open_and_wait(qtbot, window, round_copy)
    view = window.view("dashboard")
    assert isinstance(view, DashboardView)
    model = view.reviewers
    columns = {model.columns[c].key: c for c in range(model.columnCount())}
    rows = {model.row_at(r).reviewer: r for r in range(model.rowCount())}

    def cell(reviewer: str, key: str) -> str:
        return str(model.index(rows[reviewer], columns[key]).data())

    first, second, third = reviewers[:3]
    assert cell(first, "package") == "05-02 09:30"
    assert cell(first, "returned") == "v3 · 05-04 17:05"
    outstanding = sum(1 for a in ("2025-0119", "2025-0120") if a not in scored)
    assert cell(first, "package_missing") == str(outstanding)
    assert cell(second, "returned") == "not yet"
    assert cell(second, "package_missing") == "0"
    assert cell(third, "package") == cell(third, "returned") == "—"
    assert cell(third, "package_missing") == "—"


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_a_folder_dropped_on_the_window_is_imported(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    from tests.gui.test_window_shell import _drop

    _drop(opened, folder_of_files(tmp_path))
    dialog = opened.dialog
    assert isinstance(dialog, AttachmentsDialog)
    qtbot.waitUntil(lambda: not dialog.running, timeout=15_000)
    assert dialog.outcome is not None and len(dialog.outcome.added) == 3
