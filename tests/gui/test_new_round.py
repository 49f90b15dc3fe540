"""The new-round form, driven through its widgets as a secretariat would use it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from reviewer.domain.config_toml import load_config, parse_config
from reviewer.resources import template_path
from reviewer.ui.dialogs.new_round import (
    PREVIEW_PAGE,
    QUOTAS_PAGE,
    RUBRICS_PAGE,
    SETTINGS_PAGE,
    TRACKS_PAGE,
    NewRoundDialog,
)
from reviewer.ui.main_window import MainWindow
from reviewer.ui.models.config_tables import PROBLEM_ROLE
from reviewer.ui.translation import Translations

TEMPLATE = load_config(str(template_path()))


def open_form(qtbot: QtBot, window: MainWindow) -> NewRoundDialog:
    """Click "New round from the template" and wait until the template is in the form."""
    qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, NewRoundDialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    assert dialog.isVisible()
    return dialog


def go_to_page(qtbot: QtBot, dialog: NewRoundDialog, page: int) -> None:
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page).center())
    assert dialog.tabs.currentIndex() == page


def open_editors(table: QTableView) -> list[QLineEdit]:
    return [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]


def edit_cell(qtbot: QtBot, table: QTableView, row: int, key: str, text: str) -> None:
    """Double-click the cell, type ``text`` over it and press Enter."""
    model = table.model()
    column = model.column_of(key)  # type: ignore[attr-defined]
    index = model.index(row, column)
    table.scrollTo(index)
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    editors = open_editors(table)
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # QTest cannot type Hangul
        editor.insert(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not open_editors(table))


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    assert isinstance(widget, QLineEdit)
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def cell(table: QTableView, row: int, key: str) -> QModelIndex:
    model = table.model()
    return model.index(row, model.column_of(key))  # type: ignore[attr-defined]


def test_a_round_is_created_from_the_template_with_a_changed_seat_count(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_form(qtbot, window)
    go_to_page(qtbot, dialog, TRACKS_PAGE)
    table = dialog.tracks_pane.table
    assert table.model().data(cell(table, 2, "seats")) == "30"
    edit_cell(qtbot, table, 2, "seats", "33")
    assert table.model().data(cell(table, 2, "seats")) == "33"
    assert not dialog.create_button.isEnabled()  # no path yet
    assert "where to save" in dialog.create_button.toolTip()
    target = tmp_path / "2025-1.db"
    type_into(qtbot, dialog.path, str(target))
    assert dialog.create_button.isEnabled()
    dashboard = window.view("dashboard")
    loads = dashboard.loads
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.is_open and dashboard.loads > loads, timeout=20_000)
    assert target.exists()
    assert window.session.target == str(target)
    assert window.stack.currentIndex() == 1
    assert window.windowTitle().startswith("2025 서울형 R&D 1차 평가")
    tracks = dashboard.tracks  # type: ignore[attr-defined]
    names = [tracks.data(tracks.index(r, 0)) for r in range(tracks.rowCount())]
    tips = names.index("민간투자연계 R&D (서울형 TIPS)")
    assert tracks.data(tracks.index(tips, tracks.column_of("seats"))) == "33"


def test_a_weight_of_zero_is_shown_at_its_cell_and_create_is_disabled(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_form(qtbot, window)
    type_into(qtbot, dialog.path, str(tmp_path / "r.db"))
    assert dialog.create_button.isEnabled()
    go_to_page(qtbot, dialog, RUBRICS_PAGE)
    table = dialog.rubric.pane.table
    edit_cell(qtbot, table, 1, "weight", "0")
    assert not dialog.create_button.isEnabled()
    assert not dialog.export_button.isEnabled()
    message = "criterion biz: weight must be above 0 (got 0.0)"
    assert dialog.problem_label.text() == f"Default rubric, row 2: {message}"
    assert table.model().data(cell(table, 1, "weight"), PROBLEM_ROLE) == message
    assert table.model().data(cell(table, 1, "name"), PROBLEM_ROLE) is None
    assert dialog.tabs.tabText(RUBRICS_PAGE).endswith("⚠")
    edit_cell(qtbot, table, 1, "weight", "30")
    assert dialog.problem_label.text() == ""
    assert not dialog.tabs.tabText(RUBRICS_PAGE).endswith("⚠")
    assert dialog.create_button.isEnabled()


def test_a_misspelt_aggregation_method_is_shown_at_its_field(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_form(qtbot, window)
    type_into(qtbot, dialog.path, str(tmp_path / "r.db"))
    method = dialog.fields.field("aggregation", "method")
    editor = method.lineEdit()  # type: ignore[union-attr]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "trimed")
    assert not dialog.create_button.isEnabled()
    assert dialog.problem_label.text() == (
        "Aggregation: method cannot be 'trimed'; choose one of: trimmed, mean, median"
    )
    assert dialog.fields.problem_fields() == ["aggregation.method"]
    assert "trimed" in method.toolTip()
    assert dialog.tabs.tabText(SETTINGS_PAGE).endswith("⚠")
    editor.selectAll()
    qtbot.keyClicks(editor, "median")
    assert dialog.fields.problem_fields() == []
    assert dialog.create_button.isEnabled()
    assert 'method = "median"' in dialog.toml_text()


def test_a_quota_naming_an_unknown_track_is_shown_at_its_cell(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_form(qtbot, window)
    go_to_page(qtbot, dialog, QUOTAS_PAGE)
    table = dialog.quotas_pane.table
    edit_cell(qtbot, table, 1, "tracks", "tips, kibbo")
    assert not dialog.create_button.isEnabled()
    assert dialog.problem_label.text().startswith(
        "Quotas, row 2: quota 전체 선정 AI 과반: unknown track kibbo (tracks: challenge,"
    )
    assert table.model().data(cell(table, 1, "tracks"), PROBLEM_ROLE) is not None
    # "Show" brings the user to the cell from another page
    go_to_page(qtbot, dialog, SETTINGS_PAGE)
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.tabs.currentIndex() == QUOTAS_PAGE
    assert table.currentIndex() == cell(table, 1, "tracks")


def test_a_budget_in_eok_is_read_in_won_and_the_preview_shows_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_form(qtbot, window)
    go_to_page(qtbot, dialog, TRACKS_PAGE)
    table = dialog.tracks_pane.table
    edit_cell(qtbot, table, 1, "budget", "80억")
    assert table.model().data(cell(table, 1, "budget")) == "8,000,000,000"
    assert dialog.config is not None
    assert dialog.config.tracks[1].budget == 8_000_000_000
    go_to_page(qtbot, dialog, PREVIEW_PAGE)
    assert dialog.preview.isVisible() and dialog.preview.isReadOnly()
    text = dialog.preview.toPlainText()
    assert 'id = "challenge"\nname = "서울혁신챌린지"\nseats = 20\nbudget = 8000000000\n' in text
    go_to_page(qtbot, dialog, TRACKS_PAGE)
    edit_cell(qtbot, table, 0, "budget", "45,000만원")
    assert "budget = 450000000\n" in dialog.preview.toPlainText()


def test_the_preview_shows_a_change_of_the_settings(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    assert "cutoff = 70\n" in dialog.preview.toPlainText()
    type_into(qtbot, dialog.fields.field("round", "cutoff"), "72.5")
    qtbot.mouseClick(dialog.fields.field("selection", "seat_transfer"), Qt.MouseButton.LeftButton)
    go_to_page(qtbot, dialog, PREVIEW_PAGE)
    text = dialog.preview.toPlainText()
    assert "cutoff = 72.5\n" in text
    assert "seat_transfer = true\n" in text
    assert parse_config(text).selection.seat_transfer


def test_importing_a_round_toml_with_an_error_shows_it_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_form(qtbot, window)
    type_into(qtbot, dialog.fields.field("round", "name"), "My round")
    before = dialog.toml_text()
    bad = tmp_path / "round.toml"
    text = template_path().read_text(encoding="utf-8")
    bad.write_text(text.replace("seats = 25", "seats = -1", 1), encoding="utf-8")
    dialog.import_file(bad)
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=10_000)
    box = dialog.error_box
    assert box is not None and box.isVisible()
    assert "round.toml" in box.text()
    assert "[[tracks]] (kibo): seats must be at least 0 (got -1)" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert dialog.toml_text() == before
    assert dialog.fields.field("round", "name").text() == "My round"  # type: ignore[union-attr]


def test_importing_a_round_toml_fills_every_field(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_form(qtbot, window)
    good = tmp_path / "round.toml"
    text = template_path().read_text(encoding="utf-8")
    text = text.replace('name = "2025 서울형 R&D 1차 평가"', 'name = "2026 본평가"')
    text = text.replace('method = "trimmed"', 'method = "median"')
    text = text.replace('normalize = "none"', 'normalize = "zscore"')
    good.write_text(text, encoding="utf-8")
    dialog.import_file(good)
    qtbot.waitUntil(lambda: "Imported" in dialog.notice.text(), timeout=10_000)
    assert dialog.fields.field("round", "name").text() == "2026 본평가"  # type: ignore[union-attr]
    assert dialog.fields.field("aggregation", "method").currentText() == "median"  # type: ignore[union-attr]
    assert dialog.fields.field("aggregation", "normalize").isChecked()  # type: ignore[union-attr]
    assert dialog.config is not None
    assert replace(dialog.config, source="") == replace(parse_config(text), source="")


def test_exporting_writes_a_round_toml_that_reads_back_equal(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_form(qtbot, window)
    go_to_page(qtbot, dialog, TRACKS_PAGE)
    edit_cell(qtbot, dialog.tracks_pane.table, 0, "name", "초기 기술개발")
    target = tmp_path / "exported.toml"
    dialog.export_file(target)
    qtbot.waitUntil(lambda: "Saved" in dialog.notice.text(), timeout=10_000)
    assert str(target) in dialog.notice.text()
    written = load_config(str(target))
    assert dialog.config is not None
    assert replace(written, source="") == replace(dialog.config, source="")
    assert written.tracks[0].name == "초기 기술개발"
    assert target.read_text(encoding="utf-8") == dialog.toml_text()
    assert replace(written, source="", tracks=TEMPLATE.tracks) == replace(TEMPLATE, source="")


def test_tracks_and_quotas_are_added_and_removed(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    go_to_page(qtbot, dialog, TRACKS_PAGE)
    pane = dialog.tracks_pane
    assert not pane.remove_button.isEnabled()
    qtbot.mouseClick(pane.add_button, Qt.MouseButton.LeftButton)
    assert pane.model.rowCount() == 8
    assert "Tracks, row 8: id is missing" in dialog.problem_label.text()
    assert not dialog.create_button.isEnabled()
    edit_cell(qtbot, pane.table, 7, "id", "green")
    assert "seats is missing" in dialog.problem_label.text()
    edit_cell(qtbot, pane.table, 7, "seats", "10")
    assert dialog.problem_label.text() == ""
    assert dialog.config is not None and dialog.config.track_ids[-1] == "green"
    assert dialog.rubric.choice.findText("Track: green") >= 0

    go_to_page(qtbot, dialog, QUOTAS_PAGE)
    quotas = dialog.quotas_pane
    qtbot.mouseClick(quotas.add_button, Qt.MouseButton.LeftButton)
    assert "Quotas, row 3: name is missing" in dialog.problem_label.text()
    edit_cell(qtbot, quotas.table, 2, "name", "green AI")
    edit_cell(qtbot, quotas.table, 2, "tracks", "green")
    edit_cell(qtbot, quotas.table, 2, "min_share", "1/3")
    assert dialog.problem_label.text() == ""
    assert 'min_share = "1/3"' in dialog.toml_text()
    assert [q.name for q in dialog.config.quotas][-1] == "green AI"

    quotas.table.setCurrentIndex(cell(quotas.table, 0, "name"))
    qtbot.mouseClick(quotas.remove_button, Qt.MouseButton.LeftButton)
    assert [q.name for q in dialog.config.quotas] == ["전체 선정 AI 과반", "green AI"]
    go_to_page(qtbot, dialog, TRACKS_PAGE)
    pane.table.setCurrentIndex(cell(pane.table, 7, "id"))
    qtbot.mouseClick(pane.remove_button, Qt.MouseButton.LeftButton)
    assert "unknown track green" in dialog.problem_label.text()  # the quota names it
    assert dialog.config is None


def test_a_track_gets_its_own_rubric(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    go_to_page(qtbot, dialog, RUBRICS_PAGE)
    rubric = dialog.rubric
    rubric.choose(0)  # pre-rnd: the default rubric, read-only here
    assert rubric.own.isVisible() and not rubric.own.isChecked()
    assert not rubric.pane.add_button.isEnabled()
    assert "default rubric" in rubric.note.text()
    qtbot.mouseClick(rubric.own, Qt.MouseButton.LeftButton)
    assert rubric.own.isChecked() and rubric.pane.add_button.isEnabled()
    edit_cell(qtbot, rubric.pane.table, 3, "grades", "A=1, B=0.5")
    assert dialog.config is not None
    policy = dialog.config.tracks[0].criteria[3]
    assert policy.grades == {"A": 1.0, "B": 0.5}
    assert dialog.config.criteria[3].grades is None
    tracks = dialog.tracks
    assert tracks.data(tracks.index(0, tracks.column_of("own_rubric"))) == "Own (4 criteria)"
    edit_cell(qtbot, rubric.pane.table, 3, "grades", "A=1, B=x")
    assert dialog.problem_label.text().startswith(
        "Rubric of 초기 기술개발 (Pre-R&D), row 4: criterion policy: grade B"
    )


def test_creating_over_an_existing_round_is_refused_and_the_form_stays(
    qtbot: QtBot, window: MainWindow, round_copy: Path
) -> None:
    dialog = open_form(qtbot, window)
    type_into(qtbot, dialog.path, str(round_copy))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not created" in dialog.notice.text(), timeout=10_000)
    assert "already exists" in dialog.notice.text() or str(round_copy) in dialog.notice.text()
    assert dialog.isVisible() and dialog.create_button.isEnabled()
    assert not window.session.is_open


def test_the_file_menu_opens_the_form_with_ctrl_n(qtbot: QtBot, window: MainWindow) -> None:
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.new_action in window.file_menu.actions()
    window.new_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, NewRoundDialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    assert dialog.windowTitle() == "New round from the Seoul 2025 template"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_form_speaks_korean_after_switching_language(
    qtbot: QtBot, qapp: object, window: MainWindow
) -> None:
    translations = Translations(qapp)  # type: ignore[arg-type]
    window.translations = translations
    dialog = open_form(qtbot, window)
    go_to_page(qtbot, dialog, RUBRICS_PAGE)
    edit_cell(qtbot, dialog.rubric.pane.table, 0, "weight", "-5")
    try:
        window.korean_action.trigger()
        qtbot.waitUntil(lambda: dialog.create_button.text() == "만들기(&C)")
        assert dialog.windowTitle() == "서울 2025 양식으로 새 회차 만들기"
        assert dialog.tabs.tabText(TRACKS_PAGE) == "트랙"
        assert dialog.problem_label.text() == (
            "기본 평가표, 1행: 평가항목 tech의 배점(weight)은 0보다 커야 합니다 (값: -5.0)"
        )
        tracks = dialog.tracks
        assert tracks.headerData(2, Qt.Orientation.Horizontal) == "선정 정원"
        assert dialog.fields.labels[("round", "cutoff")].text() == "과락 기준 점수"
    finally:
        window.english_action.trigger()
        translations.uninstall()
    qtbot.waitUntil(lambda: dialog.create_button.text() == "&Create")
    assert dialog.problem_label.text().startswith("Default rubric, row 1: criterion tech")


def test_a_tick_in_the_tracks_table_links_a_track(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    go_to_page(qtbot, dialog, TRACKS_PAGE)
    table = dialog.tracks_pane.table
    index = cell(table, 1, "linked")
    assert table.model().data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert table.model().data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert dialog.config is not None
    assert dialog.config.quotas[0].tracks == ("challenge", "tips", "kibo")
    assert 'id = "challenge"\nname = "서울혁신챌린지"\nseats = 20\nlinked = true\n' in (
        dialog.toml_text()
    )
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert table.model().data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_the_template_in_the_form_is_the_template(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_form(qtbot, window)
    assert dialog.config is not None
    assert replace(dialog.config, source="") == replace(TEMPLATE, source="")
    assert replace(parse_config(dialog.toml_text()), source="") == replace(TEMPLATE, source="")
    assert dialog.fields.field("round", "region").text() == "서울"  # type: ignore[union-attr]
    assert dialog.tracks.rowCount() == 7 and dialog.quotas.rowCount() == 2
    # Enter in a field does not create the round
    type_into(qtbot, dialog.path, str(tmp_path / "r.db"))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert dialog.isVisible() and not (tmp_path / "r.db").exists()


def test_a_name_longer_than_the_database_holds_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    name = dialog.fields.field("round", "name")
    assert isinstance(name, QLineEdit)
    name.selectAll()
    name.insert("가" * 1000)  # as typed (QTest cannot type Hangul)
    assert dialog.problem_label.text().startswith("Round: name is longer than")
    assert dialog.fields.problem_fields() == ["round.name"]
    assert not dialog.create_button.isEnabled()
