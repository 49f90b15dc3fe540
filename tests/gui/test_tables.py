"""The generic table every view shows, driven through its header and filter menu: every
table sorts every column both ways (numbers before text, blanks last), keeps its sort
and the user's column widths across reloads, and filters by "(blank)"."""

from __future__ import annotations

import dataclasses
import importlib
import math
import pkgutil
import shutil
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from reviewer.domain.assignment import PairRow
from reviewer.domain.config_toml import load_config
from reviewer.domain.model import Review
from reviewer.i18n import Lang
from reviewer.resources import template_path
from reviewer.sample.round import write_demo_round
from reviewer.services import (
    assignments,
    dashboard,
    import_preview,
    importing,
    listing,
    review_matrix,
    review_statistics,
    rounds,
    run_view,
    whatif,
)
from reviewer.services.import_preview import ImportPreview
from reviewer.services.review_matrix import Mark, ReviewMatrix
from reviewer.services.session import OpenRound
from reviewer.ui.models.applications import ApplicationTable
from reviewer.ui.models.assignments import PairTable
from reviewer.ui.models.audit import AuditTable
from reviewer.ui.models.dashboard import ReviewerProgressTable, TrackTable, WarningTable
from reviewer.ui.models.import_preview import ErrorTable, MatchTable, PreviewRows
from reviewer.ui.models.people import ConflictTable, ReviewerTable
from reviewer.ui.models.reviewer_statistics import AgreementTable, ReviewerStatisticsTable
from reviewer.ui.models.reviews import CriterionTable, MatrixTable
from reviewer.ui.models.run import QuotaTable, RunFilter, RunTable, TrackFiguresTable
from reviewer.ui.models.table import Column, RowFilter, RowTableModel, header
from reviewer.ui.models.whatif import (
    MovesTable,
    QuotaFillTable,
    TotalsTable,
    TrackFillTable,
    move_rows,
    total_rows,
)
from reviewer.ui.views.filters import FilterBar
from reviewer.ui.views.widgets import data_table
from tests.gui.test_run_model import ROWS

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def _english() -> Lang:
    return "en"


# -- real data, read through the services ---------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Data:
    board: dashboard.Dashboard
    applications: listing.ApplicationList
    reviewers: tuple[listing.ReviewerEntry, ...]
    audit: tuple[listing.AuditEntry, ...]
    run: run_view.RunView
    previews: dict[str, ImportPreview]
    matrix: ReviewMatrix
    statistics: review_statistics.StatisticsView
    scenario: whatif.Scenario
    pairs: tuple[PairRow, ...]


@pytest.fixture(scope="module")
def data(selected_round: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Data]:
    directory = tmp_path_factory.mktemp("tables")
    copy = directory / "round.db"
    shutil.copy(selected_round, copy)
    config = load_config(str(template_path()))
    files = write_demo_round(directory / "files", config, applications=30, seed=3)
    fresh = directory / "fresh.db"  # the previews: each kind read before it is imported
    rounds.create_round(fresh, config)
    opened, reading = OpenRound(copy), OpenRound(fresh)
    try:
        db, new = opened.database, reading.database
        run = run_view.newest_run(db, "en")
        assert run is not None
        applications = list(files.applications)
        previews = {
            "applications": import_preview.preview_import(new, "applications", applications)
        }
        importing.import_applications(new, applications)
        previews["reviewers"] = import_preview.preview_import(new, "reviewers", [files.reviewers])
        importing.import_reviewers(new, [files.reviewers])
        previews["scores"] = import_preview.preview_import(new, "scores", list(files.scores))
        assignments.assign(new, 2)  # assigned pairs here, conflicts in the selected round
        pairs = assignments.assignment_board(new).rows + assignments.assignment_board(db).rows
        baseline = whatif.load_baseline(db)
        tracks = tuple(
            dataclasses.replace(t, seats=max(0, t.seats - 12)) for t in baseline.config.tracks
        )
        scenario = baseline.compute(dataclasses.replace(baseline.config, tracks=tracks))
        yield Data(
            scenario=scenario,
            board=dashboard.dashboard(db),
            applications=listing.applications(db),
            reviewers=listing.reviewers(db),
            audit=listing.audit_log(db),
            run=run,
            previews=previews,
            matrix=review_matrix.review_matrix(db),
            statistics=review_statistics.review_statistics(db),
            pairs=pairs,
        )
    finally:
        opened.close()
        reading.close()


def _mixed_scores(preview: ImportPreview) -> ImportPreview:
    """The scores preview with every kind of raw value a workbook can give: numbers,
    grade names, blanks (None and ''), a NaN, and conflicts (a bool column)."""
    rows: list[Review] = list(preview.rows)
    criteria = [c for c, _ in preview.criteria]
    odd: list[Any] = [None, "A", 7.5, "", float("nan"), "b", 3.0, None, 10.0, "우수"]
    for index, value in enumerate(odd):
        scores = {c: value for c in criteria}
        rows.append(
            Review(f"X-{index}", "R-x", scores, conflict=index % 3 == 0, comment=str(value))
        )
    return dataclasses.replace(preview, rows=tuple(rows))


def _tables(
    data: Data,
) -> dict[str, tuple[RowTableModel[Any], Callable[[RowTableModel[Any]], None]]]:
    """Every RowTableModel of the window with a way to fill it as its view does."""
    conflicts = [c for r in data.reviewers for c in r.conflicts]  # a view shows one's
    conflicts.append(dataclasses.replace(conflicts[0], reason=""))

    def applications(m: Any) -> None:
        a = data.applications
        m.set_applications(a.applications, a.track_names, a.reviews, a.attributes)

    def reviewer_progress(m: Any) -> None:
        m.names = dict(data.board.reviewer_names)
        m.set_rows(data.board.reviewer_progress)

    def warnings(m: Any) -> None:
        m.track_names = {t.id: t.name for t in data.board.tracks}
        m.set_rows(data.board.warnings)

    def reviewer_statistics(m: Any) -> None:
        m.set_rows(data.statistics.statistics.reviewers)  # every track's rows together

    def agreement(m: Any) -> None:
        m.track_names = dict(data.statistics.tracks)
        m.set_rows(data.statistics.statistics.agreement)

    def preview(kind: str, mixed: bool = False) -> Callable[[Any], None]:
        def fill(m: Any) -> None:
            found = data.previews[kind]
            m.set_preview(_mixed_scores(found) if mixed else found)

        return fill

    def errors(m: Any) -> None:
        found = [e for p in data.previews.values() for e in p.errors]
        extra = import_preview.PreviewError("", "", None, "", ("빈칸", "blank"))
        m.set_rows([*found, extra, dataclasses.replace(extra, file="b.xlsx", row=4)])

    def matrix(m: Any) -> None:
        one = data.matrix.restrict(data.matrix.tracks[0][0])  # a track's panel, as shown
        m.set_matrix(one, dict(data.matrix.tracks))

    def criteria(m: Any) -> None:
        scored = next(
            (row.application_id, r)
            for row in data.matrix.rows
            for r, c in row.cells.items()
            if c.mark is Mark.SCORED
        )
        recused = next(
            (row.application_id, r)
            for row in data.matrix.rows
            for r, c in row.cells.items()
            if c.mark is Mark.CONFLICT
        )
        m.set_rows([*data.matrix.detail(*scored).criteria, *data.matrix.detail(*recused).criteria])

    return {
        "applications": (ApplicationTable(), applications),
        "tracks": (TrackTable(), lambda m: m.set_rows(data.board.tracks)),
        "reviewer progress": (ReviewerProgressTable(), reviewer_progress),
        "warnings": (WarningTable(), warnings),
        "run": (RunTable(), lambda m: m.set_rows([*data.run.rows, *ROWS])),
        "quotas": (QuotaTable(), lambda m: m.set_rows(data.run.quotas)),
        "track figures": (TrackFiguresTable(), lambda m: m.set_rows(data.run.tracks)),
        "reviewers": (ReviewerTable(), lambda m: m.set_rows(data.reviewers)),
        "conflicts": (ConflictTable(), lambda m: m.set_rows(conflicts)),
        "assignments": (PairTable(), lambda m: m.set_rows(data.pairs)),
        "audit": (AuditTable(), lambda m: m.set_rows(data.audit)),
        "matches": (MatchTable(_english), preview("scores")),
        "errors": (ErrorTable(_english), errors),
        "preview applications": (PreviewRows(), preview("applications")),
        "preview reviewers": (PreviewRows(), preview("reviewers")),
        "preview scores": (PreviewRows(), preview("scores", mixed=True)),
        "reviews matrix": (MatrixTable(), matrix),
        "criterion scores": (CriterionTable(), criteria),
        "reviewer statistics": (ReviewerStatisticsTable(), reviewer_statistics),
        "agreement": (AgreementTable(), agreement),
        "what-if moves": (MovesTable(), lambda m: m.set_rows(move_rows(data.scenario))),
        "what-if totals": (TotalsTable(), lambda m: m.set_rows(total_rows(data.scenario))),
        "what-if tracks": (TrackFillTable(), lambda m: m.set_rows(data.scenario.tracks)),
        "what-if quotas": (QuotaFillTable(), lambda m: m.set_rows(data.scenario.quotas)),
    }


TABLES = [
    "applications",
    "tracks",
    "reviewer progress",
    "warnings",
    "run",
    "quotas",
    "track figures",
    "reviewers",
    "conflicts",
    "assignments",
    "audit",
    "matches",
    "errors",
    "preview applications",
    "preview reviewers",
    "preview scores",
    "reviews matrix",
    "criterion scores",
    "reviewer statistics",
    "agreement",
    "what-if moves",
    "what-if totals",
    "what-if tracks",
    "what-if quotas",
]


def test_the_sort_test_covers_every_table_of_the_window(data: Data) -> None:
    import reviewer.ui.models as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    found: set[str] = set()
    classes: list[type] = [RowTableModel]
    while classes:
        for subclass in classes.pop().__subclasses__():
            classes.append(subclass)
            if subclass.__module__.startswith(package.__name__):
                found.add(subclass.__name__)
    tables = _tables(data)
    assert set(TABLES) == set(tables)
    assert found == {type(model).__name__ for model, _ in tables.values()}


# -- sorting ----------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _rank(value: Any) -> tuple[int, float | str]:
    if isinstance(value, bool | int | float | Decimal):
        return (0, float(value))
    return (1, str(value).casefold())


def _assert_sorted(model: RowTableModel[Any], proxy: RowFilter, column: int, order: Any) -> None:
    spec = model.columns[column]
    values = [spec.value(row) for row in proxy.source_rows()]
    assert len(values) == model.rowCount()
    blanks = [_blank(v) for v in values]
    first_blank = blanks.index(True) if True in blanks else len(values)
    where = f"{spec.key} {order}: {values}"
    assert all(blanks[first_blank:]), f"blanks last, {where}"
    ranks = [_rank(v) for v in values[:first_blank]]
    expected = sorted(ranks, reverse=order == DESC)
    assert ranks == expected, where


def _table(model: RowTableModel[Any], qtbot: QtBot) -> tuple[RowFilter, QTableView]:
    proxy = RowFilter()
    proxy.setSourceModel(model)
    table = data_table(proxy)
    qtbot.addWidget(table)
    table.resize(900, 400)
    table.show()
    return proxy, table


def _click_header(qtbot: QtBot, table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    table.scrollTo(table.model().index(0, column))
    qtbot.waitUntil(lambda: header.sectionViewportPosition(column) >= 0 or column == 0)
    x = header.sectionViewportPosition(column) + min(header.sectionSize(column) // 2, 20)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


@pytest.mark.parametrize("name", TABLES)
def test_every_column_sorts_both_ways_with_blanks_last(qtbot: QtBot, data: Data, name: str) -> None:
    model, fill = _tables(data)[name]
    proxy, table = _table(model, qtbot)
    fill(model)
    assert model.rowCount() > 1
    assert model.columnCount() > 0
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        for order in (ASC, DESC):
            proxy.sort(column, order)
            _assert_sorted(model, proxy, column, order)
            table.sortByColumn(column, order)
            _assert_sorted(model, proxy, column, order)
            assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, order)
        seen = set()
        for _ in range(2):  # a user clicks the header, then clicks it again
            _click_header(qtbot, table, column)
            assert header.sortIndicatorSection() == column
            seen.add(header.sortIndicatorOrder())
            _assert_sorted(model, proxy, column, header.sortIndicatorOrder())
        assert seen == {ASC, DESC}


def test_mixed_values_sort_numbers_then_text_then_blanks(qtbot: QtBot, data: Data) -> None:
    scores = _mixed_scores(data.previews["scores"])
    odd = tuple(r for r in scores.rows if r.application_id.startswith("X-"))
    model = PreviewRows()
    proxy, table = _table(model, qtbot)
    model.set_preview(dataclasses.replace(scores, rows=odd))
    criterion = next(i for i, c in enumerate(model.columns) if c.key.startswith("criterion:"))

    def shown() -> list[str]:
        return [proxy.index(r, criterion).data() for r in range(proxy.rowCount())]

    _click_header(qtbot, table, criterion)
    if table.horizontalHeader().sortIndicatorOrder() != ASC:
        _click_header(qtbot, table, criterion)
    assert shown()[:6] == ["3", "7.5", "10", "A", "b", "우수"]
    assert set(shown()[6:]) == {"", "nan"}
    _click_header(qtbot, table, criterion)
    assert table.horizontalHeader().sortIndicatorOrder() == DESC
    assert shown()[:6] == ["우수", "b", "A", "10", "7.5", "3"]
    assert set(shown()[6:]) == {"", "nan"}


def test_ascending_and_descending_both_put_blanks_last(qtbot: QtBot) -> None:
    model = RunTable()
    proxy, table = _table(model, qtbot)
    model.set_rows(ROWS)
    final, tie = model.column_of("final"), model.column_of("tie")
    table.sortByColumn(final, ASC)
    assert [proxy.index(r, final).data() for r in range(6)] == [
        "65.00",
        "77.00",
        "78.50",
        "81.50",
        "90.25",
        "",
    ]
    table.sortByColumn(final, DESC)
    assert [proxy.index(r, final).data() for r in range(6)][-1] == ""
    table.sortByColumn(tie, ASC)  # a text column: one tie mark, five blanks
    assert proxy.index(0, tie).data() == "⚖"
    table.sortByColumn(tie, DESC)
    assert proxy.index(0, tie).data() == "⚖"


def test_a_failing_sort_leaves_the_model_usable(qtbot: QtBot) -> None:
    """A sort that raises must not leave the views between layout signals."""
    failing: list[int] = []

    def value(row: int) -> int:
        if failing:
            raise ValueError(row)
        return row

    model: RowTableModel[int] = RowTableModel([Column("n", header("T", "N"), value)])
    proxy, table = _table(model, qtbot)
    model.set_rows([3, 1, 2])
    about: list[int] = []
    done: list[int] = []
    model.layoutAboutToBeChanged.connect(lambda *_: about.append(1))
    model.layoutChanged.connect(lambda *_: done.append(1))
    failing.append(1)
    with pytest.raises(ValueError):
        model.sort(0, ASC)
    assert len(about) == len(done)
    failing.clear()
    table.sortByColumn(0, ASC)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["1", "2", "3"]
    assert len(about) == len(done) >= 1


# -- the sort survives a reload ---------------------------------------------------------------


def test_a_reload_keeps_the_users_sort_and_its_arrow(qtbot: QtBot) -> None:
    model = RunTable()
    proxy, table = _table(model, qtbot)
    model.set_rows(ROWS)
    final = model.column_of("final")
    _click_header(qtbot, table, final)
    if table.horizontalHeader().sortIndicatorOrder() != DESC:
        _click_header(qtbot, table, final)
    ranked = ["A-1", "A-2", "B-2", "B-1", "B-3", "B-9"]
    assert [r.id for r in proxy.source_rows()] == ranked
    model.set_rows(list(reversed(ROWS)))  # the view reloads after a change
    header = table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (final, DESC)
    assert [r.id for r in proxy.source_rows()] == ranked
    table.sortByColumn(-1, ASC)  # no sort: the rows come as the model orders them
    model.set_rows(ROWS)
    assert [r.id for r in proxy.source_rows()] == ["B-1", "B-2", "B-3", "B-9", "A-1", "A-2"]


def test_new_columns_keep_the_sort_by_a_column_still_there(qtbot: QtBot, data: Data) -> None:
    model = PreviewRows()
    proxy, table = _table(model, qtbot)
    header = table.horizontalHeader()
    scores = data.previews["scores"]
    model.set_preview(scores)
    reviewer = next(i for i, c in enumerate(model.columns) if c.key == "reviewer")
    table.sortByColumn(reviewer, DESC)
    again = dataclasses.replace(scores, rows=tuple(reversed(scores.rows)))
    model.set_preview(again)  # the same kind read again: the sort stays
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (reviewer, DESC)
    _assert_sorted(model, proxy, reviewer, DESC)
    model.set_preview(data.previews["reviewers"])  # no "reviewer" column: the sort goes
    assert header.sortIndicatorSection() == -1
    ids = [r.id for r in data.previews["reviewers"].rows]
    assert [r.id for r in proxy.source_rows()] == ids


def test_the_applications_view_keeps_its_sort_after_a_reload(qtbot: QtBot, opened: Any) -> None:
    from tests.gui.conftest import wait_for_load
    from tests.gui.test_round_views import _applications

    view = _applications(opened, qtbot)
    model, proxy, table = view.model, view.proxy, view.table
    amount = model.column_of("amount")
    table.sortByColumn(amount, DESC)
    before = [r.id for r in proxy.source_rows()]
    loads = view.loads
    view.load()
    wait_for_load(qtbot, view, loads)
    header = table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (amount, DESC)
    assert [r.id for r in proxy.source_rows()] == before
    _assert_sorted(model, proxy, amount, DESC)


# -- "(blank)" in a column's filter menu ---------------------------------------------------


def test_the_blank_filter_shows_only_blank_cells(qtbot: QtBot) -> None:
    model = RunTable()
    proxy = RunFilter()
    proxy.setSourceModel(model)
    table = data_table(proxy)
    bar = FilterBar(model, proxy, table)
    qtbot.addWidget(table)
    qtbot.addWidget(bar)
    model.set_rows(ROWS)
    final = model.column_of("final")
    menu = bar.column_menu(final)
    blank = next(a for a in menu.actions() if a.text() == "(blank)")
    assert not blank.isChecked()
    blank.trigger()
    assert [r.id for r in proxy.source_rows()] == ["B-9"]
    assert bar.active.text() == "Final score = (blank)"
    assert bar.shown.text() == "1 of 6"
    menu = bar.column_menu(final)
    assert next(a for a in menu.actions() if a.text() == "(blank)").isChecked()
    assert not next(a for a in menu.actions() if a.text() == "77.00").isChecked()
    show_all = next(a for a in menu.actions() if a.text() == "Show all of Final score")
    assert show_all.isEnabled()
    show_all.trigger()
    assert len(proxy.source_rows()) == 6
    assert bar.active.text() == ""
    tie = model.column_of("tie")
    next(a for a in bar.column_menu(tie).actions() if a.text() == "(blank)").trigger()
    assert {r.id for r in proxy.source_rows()} == {"A-1", "A-2", "B-1", "B-3", "B-9"}


# -- the user's column widths ---------------------------------------------------------------


def test_column_widths_are_fitted_once_and_then_kept(qtbot: QtBot, data: Data) -> None:
    model = PreviewRows()
    _, table = _table(model, qtbot)
    header = table.horizontalHeader()
    model.set_preview(None)  # empty first: the columns are sized when rows come
    model.set_preview(data.previews["applications"])
    title = model.column_of("title")
    fitted = header.sectionSize(title)
    longest = max(len(str(r.title)) for r in data.previews["applications"].rows)
    assert fitted > table.fontMetrics().horizontalAdvance("x" * min(longest, 10))
    header.resizeSection(title, 333)  # the user drags the column's edge
    model.set_preview(data.previews["applications"])  # a reload
    assert header.sectionSize(title) == 333
    model.set_rows([])  # a round closed, then opened again
    model.set_preview(data.previews["applications"])
    assert header.sectionSize(title) == 333
    model.set_preview(data.previews["reviewers"])  # other columns: fitted anew
    model.set_preview(data.previews["applications"])
    assert header.sectionSize(title) == fitted


def test_a_filter_on_a_column_that_is_gone_is_ignored(qtbot: object) -> None:
    from reviewer.ui.models.table import Column, RowFilter, RowTableModel, header

    model: RowTableModel[dict[str, str]] = RowTableModel(
        [
            Column("a", header("T", "A"), lambda r: r["a"]),
            Column("id", header("T", "Id"), lambda r: r["id"]),
        ]
    )
    model.set_rows([{"a": "x", "id": "1"}, {"a": "y", "id": "2"}])
    proxy = RowFilter()
    proxy.setSourceModel(model)
    proxy.set_filter("a", "x")
    proxy.set_only(["1"])
    assert proxy.rowCount() == 1
    model.set_columns([Column("b", header("T", "B"), lambda r: r["a"])])  # no 'a', no 'id'
    assert proxy.rowCount() == 2


def test_set_row_replaces_one_row_in_place() -> None:
    model: RowTableModel[int] = RowTableModel([Column("v", header("T", "V"), lambda r: r)])
    model.set_rows([1, 2, 3])
    changed: list[tuple[int, int]] = []
    resets: list[int] = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    model.modelReset.connect(lambda: resets.append(1))
    model.set_row(1, 20)
    assert model.rows() == [1, 20, 3]
    assert model.index(1, 0).data() == "20"
    assert changed == [(1, 1)] and resets == []
