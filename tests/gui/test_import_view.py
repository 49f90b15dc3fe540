"""The import view, driven as a user does: choosing or dropping workbooks, reading the
preview (problems, column matching, rows), importing, the correction mode, a locked
round, files that change after the preview, and the Korean texts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QTableView
from pytestqt.qtbot import QtBot

from reviewer.domain.config_toml import load_config
from reviewer.resources import template_path
from reviewer.sample.round import DemoFiles, write_demo_round
from reviewer.services import importing, listing, locking, rounds
from reviewer.ui.main_window import MainWindow
from reviewer.ui.settings import Settings
from reviewer.ui.translation import Translations
from reviewer.ui.views.import_view import ImportView
from tests.gui.conftest import open_and_wait
from tests.gui.test_window_shell import _drop

pytestmark = pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    directory = tmp_path_factory.mktemp("import-view-demo")
    return write_demo_round(directory, load_config(str(template_path())), applications=40, seed=11)


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A new round made from the template, with nothing imported."""
    path = tmp_path / "fresh.db"
    rounds.create_round(path, load_config(str(template_path())))
    return path


@pytest.fixture
def importer(qtbot: QtBot, window: MainWindow, fresh: Path) -> ImportView:
    """The import view of a window with the fresh round open."""
    open_and_wait(qtbot, window, fresh)
    view = window.view("import")
    assert isinstance(view, ImportView)
    return view


def workbook(path: Path, rows: list[list[object]], sheet: str = "Sheet1") -> Path:
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def wait_preview(qtbot: QtBot, view: ImportView, before: int) -> None:
    qtbot.waitUntil(lambda: view.loads > before and view.preview is not None, timeout=15_000)


def cells_titles(table: QTableView) -> list[str]:
    model = table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def cells(table: QTableView, column: str) -> list[str]:
    model = table.model()
    index = cells_titles(table).index(column)
    return [str(model.index(r, index).data() or "") for r in range(model.rowCount())]


def press_import(qtbot: QtBot, window: MainWindow, view: ImportView) -> None:
    assert view.import_button.isEnabled(), view.import_button.toolTip()
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.summary is not None and not window.session.busy, timeout=15_000)


def choose_in_dialog(window: MainWindow, paths: list[Path]) -> None:
    dialog = window.dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    dialog.filesSelected.emit([str(p) for p in paths])
    dialog.close()


def test_the_demo_workbooks_are_imported_through_the_view(
    qtbot: QtBot, window: MainWindow, importer: ImportView, demo: DemoFiles
) -> None:
    before = importer.loads
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.current_view() is importer
    choose_in_dialog(window, list(demo.applications))
    wait_preview(qtbot, importer, before)
    assert "Rows checked: 40" in importer.banner.text()
    assert importer.tabs.tabText(2) == "Rows (40)"
    assert cells(importer.table("rows"), "Application")[0] == "2025-0001"
    press_import(qtbot, window, importer)
    assert importer.banner.text() == "imported 40 applications (신청과제.xlsx)"
    assert not importer.import_button.isEnabled()

    for kind, files in (("reviewers", [demo.reviewers]), ("scores", list(demo.scores))):
        before = importer.loads
        window.import_actions[kind].trigger()
        choose_in_dialog(window, files)
        wait_preview(qtbot, importer, before)
        assert importer.preview is not None and importer.preview.errors == ()
        press_import(qtbot, window, importer)
    assert importer.banner.text().startswith("added ") and "reviews" in importer.banner.text()

    applications = window.view("applications")
    loads = applications.loads
    window.go_to("applications")
    qtbot.waitUntil(lambda: applications.loads > loads, timeout=15_000)
    assert applications.model.rowCount() == 40  # type: ignore[attr-defined]


def test_a_workbook_with_errors_shows_them_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, importer: ImportView, fresh: Path, tmp_path: Path
) -> None:
    path = workbook(
        tmp_path / "신청과제.xlsx",
        [
            ["과제번호", "트랙", "과제명", "기업명", "신청금액"],
            ["E-1", "tips", "AI 신약 탐색", "가나바이오", "4억"],
            ["E-2", "space", "소형 위성", "다라항공", "3억"],
            ["E-3", "challenge", "", "마바", "2억"],
        ],
    )
    before_bytes = fresh.read_bytes()
    before = importer.loads
    _drop(window, path)
    wait_preview(qtbot, importer, before)
    assert importer.kind.currentText() == "Applications"  # told by its headers
    assert importer.tabs.currentIndex() == 0 and importer.tabs.tabText(0) == "Problems (2)"
    errors = importer.table("errors")
    assert cells(errors, "Row") == ["3", "4"]
    assert cells(errors, "Column") == ["트랙", "과제명"]
    assert cells(errors, "File") == ["신청과제.xlsx"] * 2
    assert "unknown track space" in cells(errors, "Problem")[0]
    assert not importer.import_button.isEnabled()
    assert "Problems found: 2" in importer.import_button.toolTip()
    assert "Problems found: 2" in importer.banner.text()
    qtbot.mouseClick(importer.import_button, Qt.MouseButton.LeftButton)
    qtbot.wait(100)
    assert not window.session.busy
    window.session.close()
    assert fresh.read_bytes() == before_bytes


def test_the_error_table_sorts_by_a_clicked_column(
    qtbot: QtBot, window: MainWindow, importer: ImportView, tmp_path: Path
) -> None:
    rows: list[list[object]] = [["과제번호", "가점", "트랙", "과제명", "기업명", "신청금액"]]
    rows += [[f"B-{n}", "많이", "tips", f"과제 {n}", "회사", "1억"] for n in range(1, 12)]
    rows[5][2] = "nowhere"
    rows[3][0] = ""
    path = workbook(tmp_path / "apps.xlsx", rows)
    before = importer.loads
    window.import_files("applications", [str(path)])
    wait_preview(qtbot, importer, before)
    errors = importer.table("errors")
    found = cells(errors, "Column")  # as found: row by row, then column by column
    assert found[:2] == ["가점", "가점"]
    header = errors.horizontalHeader()

    def click(title: str) -> None:
        section = cells_titles(errors).index(title)
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    click("Column")
    assert cells(errors, "Column") == sorted(found)
    assert cells(errors, "Column") != found
    click("Row")
    numbers = [int(n) for n in cells(errors, "Row")]
    assert numbers == sorted(numbers)
    click("Row")
    numbers = [int(n) for n in cells(errors, "Row")]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] == 12
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_the_column_table_says_how_each_header_is_read(
    qtbot: QtBot, window: MainWindow, importer: ImportView, demo: DemoFiles
) -> None:
    before = importer.loads
    window.import_files(None, [str(p) for p in demo.applications])
    wait_preview(qtbot, importer, before)
    bar = importer.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    columns = importer.table("columns")
    assert columns.isVisible()
    headers = cells(columns, "Header in the file")
    read_as = dict(zip(headers, cells(columns, "Read as"), strict=True))
    outcome = dict(zip(headers, cells(columns, "Outcome"), strict=True))
    letters = dict(zip(headers, cells(columns, "Column"), strict=True))
    assert read_as["사업유형"] == "track" and outcome["사업유형"] == "Read"
    assert letters["과제번호"] == "A" and letters["사업유형"] == "B"
    assert set(cells(columns, "Header row")) == {"3"}  # below the title and a blank row
    assert outcome["담당자 연락처"] == "Kept as an extra column"
    assert importer.tabs.tabText(1) == f"Columns ({len(headers)})"


def test_dropping_a_workbook_opens_its_preview(
    qtbot: QtBot, window: MainWindow, importer: ImportView, demo: DemoFiles
) -> None:
    window.go_to("dashboard")
    before = importer.loads
    _drop(window, demo.reviewers)
    assert window.current_view() is importer
    wait_preview(qtbot, importer, before)
    assert importer.kind.currentText() == "Reviewers"
    assert importer.files_label.text() == "Files: 심사위원.xlsx"
    assert importer.tabs.currentIndex() == 2
    assert cells(importer.table("rows"), "Reviewer")[0].startswith("R")
    assert importer.import_button.isEnabled()


def test_files_the_headers_do_not_tell_are_asked_about(
    qtbot: QtBot, window: MainWindow, importer: ImportView, tmp_path: Path
) -> None:
    path = tmp_path / "목록.csv"
    path.write_text("번호,이름\n1,김\n", encoding="utf-8")
    before = importer.loads
    _drop(window, path)
    qtbot.waitUntil(lambda: importer.loads > before and importer.asking, timeout=15_000)
    assert importer.kind.currentIndex() == -1
    assert "choose applications, reviewers or scores" in importer.banner.text()
    assert "Choose what the files hold" in importer.import_button.toolTip()
    before = importer.loads
    importer.kind.setCurrentIndex(1)
    importer.kind.activated.emit(1)  # as a choice in the list does
    wait_preview(qtbot, importer, before)
    assert "성명/name" in cells(importer.table("errors"), "Problem")[0]


def test_a_locked_round_refuses_to_import(
    qtbot: QtBot, window: MainWindow, round_copy: Path, demo: DemoFiles
) -> None:
    with rounds.open_round(round_copy) as database:
        locking.lock_round(database)
    open_and_wait(qtbot, window, round_copy)
    assert all(not a.isEnabled() for a in window.import_actions.values())
    assert "locked" in window.import_actions["scores"].toolTip()
    view = window.view("import")
    assert isinstance(view, ImportView)
    before = view.loads
    _drop(window, demo.reviewers)
    wait_preview(qtbot, view, before)
    assert not view.import_button.isEnabled()
    assert view.import_button.toolTip() == "The round is locked: unlock it to import"
    assert "nothing is imported until it is unlocked" in view.banner.text()


def test_the_correction_mode_corrects_existing_applications(
    qtbot: QtBot, window: MainWindow, fresh: Path, demo: DemoFiles, tmp_path: Path
) -> None:
    with rounds.open_round(fresh) as database:
        importing.import_applications(database, list(demo.applications))
        first = listing.applications(database).applications[0]
    path = workbook(
        tmp_path / "보완.xlsx",
        [["과제번호", "신청금액(천원)", "비고"], [first.id, 123_000, "보완"]],
    )
    open_and_wait(qtbot, window, fresh)
    view = window.view("import")
    assert isinstance(view, ImportView)
    before = view.loads
    _drop(window, path)
    wait_preview(qtbot, view, before)
    assert view.correcting.isChecked()  # only the id column: a correction
    assert cells(view.table("rows"), "Amount (KRW)") == ["123,000,000"]
    view.correcting.setChecked(False)  # as new applications: the id is taken
    qtbot.waitUntil(
        lambda: view.preview is not None and view.preview.kind == "applications", timeout=15_000
    )
    assert not view.import_button.isEnabled()
    before = view.loads
    qtbot.mouseClick(view.correcting, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, view, before)
    assert view.preview is not None and view.preview.kind == "corrections"
    press_import(qtbot, window, view)
    assert view.banner.text().startswith("corrected 1 applications")
    window.session.close()
    with rounds.open_round(fresh) as database:
        stored = {a.id: a for a in listing.applications(database).applications}
    assert stored[first.id].amount == 123_000_000


def test_a_file_changed_after_the_preview_is_checked_again(
    qtbot: QtBot, window: MainWindow, importer: ImportView, demo: DemoFiles, tmp_path: Path
) -> None:
    path = tmp_path / "신청과제.xlsx"
    shutil.copy(demo.applications[0], path)
    before = importer.loads
    window.import_files(None, [str(path)])
    wait_preview(qtbot, importer, before)
    workbook(
        path,
        [
            ["과제번호", "트랙", "과제명", "기업명", "신청금액"],
            ["Z-1", "space", "새 과제", "가", "1억"],
        ],
    )
    before = importer.loads
    qtbot.mouseClick(importer.import_button, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, importer, before)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=15_000)
    assert importer.summary is None
    assert "the files changed after the preview (신청과제.xlsx)" in importer.banner.text()
    assert cells(importer.table("errors"), "Row") == ["2"]  # the file as it is now
    assert not importer.import_button.isEnabled()


def test_the_view_speaks_korean_after_the_switch(
    qtbot: QtBot, qapp: QApplication, settings: Settings, fresh: Path, tmp_path: Path
) -> None:
    translations = Translations(qapp)
    translations.set_language("en")
    window = MainWindow(settings, translations)
    qtbot.addWidget(window)
    window.show()
    try:
        open_and_wait(qtbot, window, fresh)
        view = window.view("import")
        assert isinstance(view, ImportView)
        path = workbook(
            tmp_path / "apps.xlsx",
            [
                ["과제번호", "트랙", "과제명", "기업명", "신청금액"],
                ["K-1", "space", "과제", "회사", 1],
            ],
        )
        before = view.loads
        window.import_files("applications", [str(path)])
        wait_preview(qtbot, view, before)
        window.korean_action.trigger()
        qtbot.waitUntil(lambda: view.import_button.text() == "가져오기", timeout=5000)
        # the switch reads the round again, and the files with it
        qtbot.waitUntil(lambda: not window.session.busy and not view.checking, timeout=15_000)
        assert window.navigation.item(window.views.index(view)).text() == "가져오기"
        assert window.import_actions["scores"].text().startswith("평가 점수 가져오기")
        assert view.tabs.tabText(0) == "문제 (1)"
        assert view.kind.currentText() == "신청과제"
        assert view.correcting.text() == "기존 신청과제 수정"
        assert cells(view.table("errors"), "행") == ["2"]
        assert cells(view.table("errors"), "문제")[0].startswith("알 수 없는 트랙 space")
        assert "문제 1건" in view.banner.text()
        assert "문제 1건" in view.import_button.toolTip()
    finally:
        translations.set_language("en")
        window.session.close()


def test_a_preview_is_checked_again_when_another_change_lands(
    qtbot: QtBot, window: MainWindow, importer: ImportView, demo: DemoFiles
) -> None:
    """The files previewed are imported meanwhile (by another view, say): the preview
    is checked again and now shows every row as already in the round."""
    from reviewer.services import importing

    before = importer.loads
    window.import_actions["applications"].trigger()
    choose_in_dialog(window, list(demo.applications))
    wait_preview(qtbot, importer, before)
    assert importer.preview is not None and importer.preview.errors == ()
    before = importer.loads
    files = list(demo.applications)
    window.session.change("import", lambda r, _: importing.import_applications(r.database, files))
    qtbot.waitUntil(
        lambda: importer.loads > before and importer.preview is not None, timeout=15_000
    )
    assert importer.preview.errors != ()
    assert not importer.import_button.isEnabled()
