"""The export dialog, driven as the chair does: choose the reports and where they go,
export with progress, cancel, read why an export was refused, open what was written."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from reviewer.services import exporting, importing, listing, rounds
from reviewer.ui.dialogs.export import SCALE, ExportDialog
from reviewer.ui.main_window import MainWindow
from reviewer.ui.settings import Settings
from reviewer.ui.translation import Translations
from tests.gui.conftest import open_and_wait

TIMEOUT = 120_000  # the three reports of a 120-application round, on a shared machine


def open_export(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    """Round ▸ Export reports… with its shortcut."""
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.dialog, ExportDialog), timeout=5000)
    dialog = window.dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def type_path(qtbot: QtBot, edit: QLineEdit, path: Path) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, str(path))


def export_and_wait(qtbot: QtBot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.running
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT)


def listing_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def shown_files(dialog: ExportDialog) -> list[str]:
    return [dialog.files.item(i).text() for i in range(dialog.files.count())]


@pytest.fixture
def slow_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ranked PDF takes a while to write (so a cancel lands in the middle of it)."""
    real = exporting.write_ranked_pdf

    def slow(path: Path, context: object, lang: str, progress: Callable[[int, int], None]) -> None:
        def step(done: int, total: int) -> None:
            time.sleep(0.05)
            progress(done, total)

        real(path, context, lang, step)  # type: ignore[arg-type]

    monkeypatch.setattr(exporting, "write_ranked_pdf", slow)


def test_the_reports_go_beside_the_round_unless_told_otherwise(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    assert opened.export_action.isEnabled()
    assert opened.export_action.text() == "&Export reports…"
    dialog = open_export(qtbot, opened)
    assert dialog.windowTitle() == "Export reports"
    assert "selection run #1" in dialog.intro.text()
    folder = round_copy.parent
    assert dialog.pdf.path.text() == str(folder / "ranking.pdf")
    assert dialog.xlsx.path.text() == str(folder / "ranking.xlsx")
    assert dialog.sheets.path.text() == str(folder / "sheets")
    assert all(o.check.isChecked() for o in (dialog.pdf, dialog.xlsx, dialog.sheets))
    assert dialog.lang.currentText() == "한국어"
    assert not dialog.progress.isVisible() and not dialog.files.isVisible()
    for output in (dialog.pdf, dialog.xlsx, dialog.sheets):
        qtbot.mouseClick(output.check, Qt.MouseButton.LeftButton)
        assert not output.path.isEnabled() and not output.browse.isEnabled()
    assert not dialog.export_button.isEnabled()
    assert dialog.export_button.toolTip() == "Choose at least one report and where it goes"
    qtbot.mouseClick(dialog.xlsx.check, Qt.MouseButton.LeftButton)
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # "Close"
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert not (folder / "ranking.xlsx").exists()


def test_export_all_three_reports_with_progress(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    dialog = open_export(qtbot, opened)
    type_path(qtbot, dialog.pdf.path, out / "ranking.pdf")
    type_path(qtbot, dialog.xlsx.path, out / "ranking.xlsx")
    type_path(qtbot, dialog.sheets.path, out / "sheets")
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    values: list[int] = []
    steps: list[str] = []
    dialog.progress.valueChanged.connect(values.append)
    dialog.progress.valueChanged.connect(lambda _: steps.append(dialog.step.text()))
    export_and_wait(qtbot, dialog)

    assert (out / "ranking.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "ranking.xlsx").read_bytes().startswith(b"PK")
    sheets = sorted(p.name for p in (out / "sheets").iterdir())
    assert sheets and all(name.endswith(("_평가표.pdf", "_평가양식.xlsx")) for name in sheets)
    assert dialog.progress.maximum() == 3 * SCALE
    assert dialog.progress.value() == dialog.progress.maximum()
    assert any(0 < v < SCALE for v in values) and any(SCALE < v < 3 * SCALE for v in values)
    assert values == sorted(values)  # the bar only moves forward
    assert any(s == "Writing the ranked PDF (1 of 3)…" for s in steps)
    assert any(s == "Writing the score sheets (3 of 3)…" for s in steps)
    count = 2 + len(sheets)
    assert dialog.step.text() == f"Done: {count} files written."
    assert dialog.files.isVisible()
    assert dialog.files_label.text() == f"Files written in {out}"
    assert shown_files(dialog) == ["ranking.pdf", "ranking.xlsx", *(f"sheets/{n}" for n in sheets)]
    assert not dialog.message.isVisible()
    assert dialog.cancel_button.text() == "Close"

    audit = opened.view("audit")
    before = audit.loads
    opened.go_to("audit")  # the export is in the audit log, which reloaded
    qtbot.waitUntil(lambda: audit.loads > before, timeout=15_000)
    assert audit.model.rows()[0].action == "export"  # type: ignore[attr-defined]


def test_cancel_in_the_middle_writes_nothing(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path, slow_pdf: None
) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    (out / "ranking.pdf").write_bytes(b"last week's report")
    before = listing_of(out)
    dialog = open_export(qtbot, opened)
    type_path(qtbot, dialog.pdf.path, out / "ranking.pdf")
    type_path(qtbot, dialog.xlsx.path, out / "ranking.xlsx")
    type_path(qtbot, dialog.sheets.path, out / "sheets")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=TIMEOUT)
    assert dialog.cancel_button.text() == "Cancel"
    assert not dialog.export_button.isEnabled() and not dialog.pdf.path.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.step.text() == "Cancelling…"
    assert not dialog.cancel_button.isEnabled()
    assert dialog.isVisible()  # Cancel stops the export; the dialog stays to say so
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT)

    assert dialog.step.text() == "Export cancelled."
    assert dialog.message.text() == "No file was written; reports exported earlier are unchanged."
    assert listing_of(out) == before  # no new file, no temporary, the old report intact
    assert sorted(p.name for p in out.iterdir()) == ["ranking.pdf"]
    assert not dialog.files.isVisible()
    assert dialog.export_button.isEnabled() and dialog.cancel_button.text() == "Close"


def test_a_stale_run_is_refused_with_the_reason(
    qtbot: QtBot, window: MainWindow, round_copy: Path, selected_round: Path, tmp_path: Path
) -> None:
    """A score changes after the selection ran: the export says so and writes nothing."""
    wide = selected_round.parent / "점수_weak-tech.csv"
    header, first = list(csv.reader(io.StringIO(wide.read_text(encoding="cp949"))))[:2]
    first[4], first[8] = str(float(first[4]) + 1), str(float(first[8]) + 1)
    late = tmp_path / "late.csv"
    with late.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([header, first])
    with rounds.open_round(round_copy) as database:
        importing.import_scores(database, [late])
    open_and_wait(qtbot, window, round_copy)
    dialog = open_export(qtbot, window)
    type_path(qtbot, dialog.pdf.path, tmp_path / "ranking.pdf")
    export_and_wait(qtbot, dialog)

    assert dialog.message.isVisible()
    assert dialog.message.text().startswith(
        "Scores or applications changed after the newest selection run"
    )
    assert dialog.message.text().endswith(
        "\nIn this window: Round ▸ Run selection (Ctrl+R), then export again."
    )
    assert dialog.step.text() == "Nothing was exported."
    assert not (tmp_path / "ranking.pdf").exists() and not (tmp_path / "sheets").exists()
    assert window.error_box is None  # in the dialog, not a box of its own


def test_a_missing_folder_is_named(qtbot: QtBot, opened: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    dialog = open_export(qtbot, opened)
    type_path(qtbot, dialog.pdf.path, out / "nowhere" / "ranking.pdf")
    type_path(qtbot, dialog.xlsx.path, out / "ranking.xlsx")
    qtbot.mouseClick(dialog.sheets.check, Qt.MouseButton.LeftButton)
    export_and_wait(qtbot, dialog)
    assert dialog.message.text() == (
        f"The folder {out / 'nowhere'} does not exist (create it or choose another place)"
    )
    assert dialog.step.text() == "Nothing was exported."
    assert list(out.iterdir()) == []  # not the workbook either


def test_a_path_that_is_a_folder_is_refused(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "taken.xlsx").mkdir()
    dialog = open_export(qtbot, opened)
    qtbot.mouseClick(dialog.pdf.check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.sheets.check, Qt.MouseButton.LeftButton)
    type_path(qtbot, dialog.xlsx.path, tmp_path / "taken.xlsx")
    export_and_wait(qtbot, dialog)
    assert dialog.message.text().startswith(f"Cannot write {tmp_path / 'taken.xlsx'}")
    assert list((tmp_path / "taken.xlsx").iterdir()) == []


def test_open_shows_the_file_and_its_folder_with_the_system_viewer(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened_urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened_urls.append(url) or True)
    dialog = open_export(qtbot, opened)
    type_path(qtbot, dialog.pdf.path, tmp_path / "ranking.pdf")
    type_path(qtbot, dialog.xlsx.path, tmp_path / "ranking.xlsx")
    qtbot.mouseClick(dialog.sheets.check, Qt.MouseButton.LeftButton)
    assert not dialog.open_button.isVisible()
    export_and_wait(qtbot, dialog)

    assert shown_files(dialog) == ["ranking.pdf", "ranking.xlsx"]
    second = dialog.files.visualItemRect(dialog.files.item(1)).center()
    qtbot.mouseClick(dialog.files.viewport(), Qt.MouseButton.LeftButton, pos=second)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    first = dialog.files.visualItemRect(dialog.files.item(0)).center()
    qtbot.mouseClick(dialog.files.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseDClick(dialog.files.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert opened_urls == [
        QUrl.fromLocalFile(str(tmp_path / "ranking.xlsx")),
        QUrl.fromLocalFile(str(tmp_path)),
        QUrl.fromLocalFile(str(tmp_path / "ranking.pdf")),
    ]


def test_a_locked_round_can_be_exported(
    qtbot: QtBot, window: MainWindow, round_copy: Path, tmp_path: Path
) -> None:
    from reviewer.services import locking

    with rounds.open_round(round_copy) as database:
        locking.lock_round(database)
    open_and_wait(qtbot, window, round_copy)
    assert window.session.locked
    assert window.export_action.isEnabled() and not window.select_action.isEnabled()
    dialog = open_export(qtbot, window)
    type_path(qtbot, dialog.pdf.path, tmp_path / "ranking.pdf")
    qtbot.mouseClick(dialog.xlsx.check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.sheets.check, Qt.MouseButton.LeftButton)
    export_and_wait(qtbot, dialog)
    assert shown_files(dialog) == ["ranking.pdf"]
    assert (tmp_path / "ranking.pdf").read_bytes().startswith(b"%PDF")
    with rounds.open_round(round_copy) as database:
        assert listing.audit_log(database)[0].action == "export"


def test_the_dialog_speaks_korean_after_the_switch(
    qtbot: QtBot, qapp: QApplication, settings: Settings, round_copy: Path
) -> None:
    translations = Translations(qapp)
    translations.set_language("en")
    window = MainWindow(settings, translations)
    qtbot.addWidget(window)
    window.show()
    try:
        open_and_wait(qtbot, window, round_copy)
        dialog = open_export(qtbot, window)
        assert dialog.export_button.text() == "&Export"
        window.korean_action.trigger()
        qtbot.waitUntil(lambda: dialog.windowTitle() == "보고서 내보내기", timeout=5000)
        assert dialog.export_button.text() == "내보내기(&E)"
        assert dialog.cancel_button.text() == "닫기"
        assert dialog.pdf.check.text() == "순위 보고서 PDF(&P)"
        assert dialog.sheets.browse.text() == "찾아보기…"
        assert dialog.intro.text().startswith("기록된 선정 실행 #1의 결과로")
        assert window.export_action.text() == "보고서 내보내기(&E)…"
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        translations.set_language("en")
        window.session.close()


def test_browse_puts_the_chosen_place_in_the_path(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export(qtbot, opened)
    qtbot.mouseClick(dialog.xlsx.browse, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert chooser is not None and chooser.isVisible()
    assert chooser.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    chooser.selectFile(str(tmp_path / "결과.xlsx"))
    chooser.accept()
    assert dialog.xlsx.path.text() == str(tmp_path / "결과.xlsx")
    qtbot.mouseClick(dialog.sheets.browse, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert chooser is not None and chooser.fileMode() == QFileDialog.FileMode.Directory
    chooser.reject()
    assert dialog.sheets.path.text() == str(tmp_path / "sheets")  # unchanged
