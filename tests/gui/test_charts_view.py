"""The charts view on the demo round: the bins hold the track's ranked applications, the
cutoff and selection lines stand where the service puts them, the severity, quota and
gap charts have one point or bar per figure, and the track selector switches them all."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis
from pytestqt.qtbot import QtBot

from reviewer.services import rounds
from reviewer.services.charts import ChartsView as Figures
from reviewer.services.charts import charts
from reviewer.ui.main_window import MainWindow
from reviewer.ui.views.charts import ChartsPage
from tests.gui.conftest import wait_for_load


def _figures(path: Path) -> Figures:
    with rounds.open_round(path) as database:
        figures = charts(database)
    assert figures is not None
    return figures


def _view(window: MainWindow, qtbot: QtBot) -> ChartsPage:
    view = window.view("charts")
    assert isinstance(view, ChartsPage)
    before = view.loads
    window.go_to("charts")
    wait_for_load(qtbot, view, before)
    return view


def _check_track(view: ChartsPage, figures: Figures, track: str) -> None:
    data = figures.charts
    distribution = data.distribution(track)
    assert distribution is not None and distribution.ranked > 0
    assert view.bins is not None
    sets = view.bins.barSets()
    assert [s.label() for s in sets] == ["Selected", "Passed, not selected", "Below the cutoff"]
    counts = [sum(s.at(i) for s in sets) for i in range(sets[0].count())]
    assert counts == [b.count for b in distribution.bins]
    assert sum(counts) == distribution.ranked  # every ranked application of the track
    low, size = float(distribution.bins[0].low), float(distribution.bin_size)
    assert view.cutoff_line is not None
    x = view.cutoff_line.at(0).x()
    assert low + (x + 0.5) * size == float(data.cutoff) == 70.0  # the configured cutoff
    assert view.cutoff_line.name() == "Cutoff 70.00"
    assert distribution.selection_line is not None and view.selection_line is not None
    x = view.selection_line.at(0).x()
    assert abs(low + (x + 0.5) * size - float(distribution.selection_line)) < 1e-9
    severity = data.severity(track)
    assert sum(s.count() for s in view.dots.values()) == len(severity)
    assert len(view.intervals) == sum(1 for r in severity if r.low is not None)
    axis = next(a for a in view.severity.axes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories()[-1] == severity[0].reviewer_id  # the harshest on top
    assert view.quota_bars is not None
    required, achieved = view.quota_bars.barSets()
    quotas = data.quotas_of(track)
    assert [required.at(i) for i in range(required.count())] == [q.required for q in quotas]
    assert [achieved.at(i) for i in range(achieved.count())] == [q.achieved for q in quotas]
    assert view.gap_bars is not None
    (gap_set,) = view.gap_bars.barSets()
    gaps = data.gaps_of(track)
    shown = [gap_set.at(i) for i in range(gap_set.count())]
    assert shown == [float(g.gap) for g in reversed(gaps)]  # drawn bottom-up


def test_the_charts_show_the_services_figures(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _view(opened, qtbot)
    figures = _figures(round_copy)
    assert view.track_filter.count() == len(figures.tracks)
    first = figures.tracks[0][0]
    assert view.track_filter.currentData() == first
    _check_track(view, figures, first)
    assert "Selection run 1." in view.state.text()


def test_the_track_selector_switches_every_chart(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _view(opened, qtbot)
    figures = _figures(round_copy)
    before = view.distribution.title()
    for track, _name in figures.tracks[1:]:
        view.track_filter.setCurrentIndex(view.track_filter.findData(track))
        _check_track(view, figures, track)
    assert view.distribution.title() != before


def test_before_any_run_the_charts_say_so_and_statistics_use_the_scores(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.demo_round import build_demo_round
    from tests.gui.conftest import open_and_wait

    path = build_demo_round(tmp_path, 40, seed=3, select=False)
    open_and_wait(qtbot, window, path)
    view = _view(window, qtbot)
    assert view.track_filter.count() == 0
    assert view.bins is None and view.cutoff_line is None
    assert view.state.text() == "No selection has run yet: the charts show a run's results."
    statistics = window.view("statistics")
    before = statistics.loads
    window.go_to("statistics")
    wait_for_load(qtbot, statistics, before)
    assert statistics.source.text() == "From the scores now: no selection has run yet."  # type: ignore[attr-defined]
    assert statistics.model.rowCount() > 0  # type: ignore[attr-defined]


def test_a_selection_line_on_the_cutoff_and_a_floor_segment(
    qtbot: QtBot, opened: MainWindow, round_copy: Path
) -> None:
    view = _view(opened, qtbot)
    figures = _figures(round_copy)
    distribution = figures.charts.distribution(figures.tracks[0][0])
    assert distribution is not None
    # the selection line the very value (the same object) as the cutoff, and a bin with
    # a criterion-floor failure
    bins = (dataclasses.replace(distribution.bins[0], floor=2), *distribution.bins[1:])
    view._distribution(
        dataclasses.replace(distribution, selection_line=distribution.cutoff, bins=bins)
    )
    assert view.cutoff_line is not None and view.selection_line is not None
    assert view.cutoff_line.name() == "Cutoff 70.00"
    assert view.selection_line.name() == "Lowest selected 70.00"
    assert view.bins is not None
    sets = view.bins.barSets()
    assert sets[-1].label() == "Criterion floor (fails a criterion)"
    assert sets[-1].at(0) == 2
