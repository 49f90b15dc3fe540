"""The reviewer statistics view on the demo round: the table shows the service's figures,
a click on the severity header puts the harshest reviewer first, and the track filter
switches to that track's figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from reviewer.services import rounds
from reviewer.services.review_statistics import StatisticsView as Figures
from reviewer.services.review_statistics import review_statistics
from reviewer.ui.main_window import MainWindow
from reviewer.ui.models.table import ROW_ROLE
from reviewer.ui.views.statistics import StatisticsView
from tests.gui.conftest import wait_for_load


def _figures(path: Path) -> Figures:
    with rounds.open_round(path) as database:
        return review_statistics(database)


def _view(window: MainWindow, qtbot: QtBot) -> StatisticsView:
    view = window.view("statistics")
    assert isinstance(view, StatisticsView)
    before = view.loads
    window.go_to("statistics")
    wait_for_load(qtbot, view, before)
    return view


def _shown(view: StatisticsView) -> list[object]:
    return [view.proxy.index(r, 0).data(ROW_ROLE) for r in range(view.proxy.rowCount())]


def test_the_table_shows_the_services_figures(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _view(opened, qtbot)
    figures = _figures(round_copy)
    assert figures.source.run_id == 1 and not figures.source.stale
    assert "selection run 1" in view.source.text()
    overall = figures.statistics.rows(None)
    assert _shown(view) == list(overall)
    first = overall[0]
    column = view.model.column_of("severity")
    text = view.proxy.index(0, column).data()
    assert first.low is not None and first.high is not None
    assert text == f"{first.severity:+.1f} ({first.low:+.1f} … {first.high:+.1f})".replace(
        "-", "\u2212"
    )
    rate = view.proxy.index(0, view.model.column_of("outlier_rate")).data()
    assert rate == f"{first.outlier_rate:.1%}"
    assert "exceeds 3.5 and that is at least 10 points" in view.note.text()
    eligible = view.proxy.index(0, view.model.column_of("outlier_eligible")).data()
    assert eligible == str(first.outlier_eligible)
    assert first.outlier_eligible <= first.reviews
    if first.outlier_eligible:
        assert first.outlier_rate == pytest.approx(first.outliers / first.outlier_eligible)
    assert view.agreement.rowCount() == len(figures.tracks)
    entry = figures.statistics.agreement[0]
    covers = view.agreement.index(0, view.agreement.column_of("icc_covers")).data()
    assert covers == (
        f"over {entry.icc_applications} of {entry.track_applications} applications, "
        f"{entry.icc_reviewers} reviewers"
    )
    covers = view.agreement.index(0, view.agreement.column_of("w_covers")).data()
    assert covers == f"over {entry.w_applications} applications, {entry.w_reviewers} reviewers"
    icc = view.agreement.index(0, view.agreement.column_of("icc")).data()
    assert entry.icc is not None and icc == f"{entry.icc:.3f}"


def test_a_header_click_sorts_by_severity_harshest_first(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _view(opened, qtbot)
    overall = _figures(round_copy).statistics.rows(None)
    header = view.table.horizontalHeader()
    column = view.model.column_of("severity")
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    shown = _shown(view)
    harshest = min(overall, key=lambda r: r.severity)
    assert shown[0] == harshest
    assert [r.severity for r in shown] == sorted(r.severity for r in overall)  # type: ignore[attr-defined]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert _shown(view)[0] == max(overall, key=lambda r: r.severity)


def test_the_track_filter_shows_that_tracks_figures(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _view(opened, qtbot)
    figures = _figures(round_copy)
    track_id, name = figures.tracks[2]
    view.track_filter.setCurrentIndex(view.track_filter.findData(track_id))
    assert view.track_filter.currentText() == name
    rows = figures.statistics.rows(track_id)
    assert rows and {r.track for r in rows} == {track_id}
    assert sorted(_shown(view), key=lambda r: r.reviewer_id) == sorted(  # type: ignore[attr-defined]
        rows, key=lambda r: r.reviewer_id
    )
    view.track_filter.setCurrentIndex(0)
    assert view.track_filter.currentText() == "All tracks"
    assert len(_shown(view)) == len(figures.statistics.rows(None))
