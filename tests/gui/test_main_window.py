"""The window, driven through its real widgets and signals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reviewer.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_opening_a_round_shows_its_ranking(window: MainWindow, selected_round: Path) -> None:
    assert window.open_round(selected_round)
    assert window.model.rowCount() == 120
    assert "120 applications" in window.summary.text()
    assert "Selection run #1" in window.summary.text()
    assert window.track_filter.count() == 8  # all tracks + seven
    assert "selected" in window.counts.text()


def test_search_and_track_filter_through_the_widgets(
    qtbot: QtBot, window: MainWindow, selected_round: Path
) -> None:
    window.open_round(selected_round)
    first_id = window.model.row_at(0).id
    qtbot.keyClicks(window.search, first_id)
    assert window.proxy.rowCount() == 1
    assert window.counts.text().startswith("1 shown")
    window.search.clear()
    tips = window.track_filter.findData("tips")
    window.track_filter.setCurrentIndex(tips)
    shown = window.proxy.rowCount()
    assert 0 < shown < 120
    tracks = {
        window.model.row_at(window.proxy.mapToSource(window.proxy.index(r, 0)).row()).track
        for r in range(shown)
    }
    assert tracks == {"tips"}


def test_clicking_the_final_score_header_sorts(
    qtbot: QtBot, window: MainWindow, selected_round: Path
) -> None:
    window.open_round(selected_round)
    window.table.horizontalHeader().sectionClicked.emit(7)
    window.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)
    values = [window.proxy.data(window.proxy.index(r, 7)) for r in range(5)]
    assert values == sorted(values, reverse=True)


def test_a_bad_file_is_reported_and_the_open_round_kept(
    window: MainWindow, selected_round: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_round(selected_round)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert not window.open_round(tmp_path / "missing.db")
    assert shown and "missing.db" in shown[0]
    assert window.model.rowCount() == 120


def test_reasons_follow_the_window_language(qtbot: QtBot, selected_round: Path) -> None:
    english, korean = MainWindow("en"), MainWindow("ko")
    qtbot.addWidget(english)
    qtbot.addWidget(korean)
    english.open_round(selected_round)
    korean.open_round(selected_round)
    pairs = [
        (english.model.row_at(r).reason, korean.model.row_at(r).reason)
        for r in range(english.model.rowCount())
        if english.model.row_at(r).reason
    ]
    assert pairs
    assert all(en != ko for en, ko in pairs)
    assert any("below the cutoff" in en or "cutoff" in en for en, _ in pairs)
    assert any("기준 점수" in ko for _, ko in pairs)
