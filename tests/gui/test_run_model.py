"""The selection view's models without a window: order, roles, colours, filters."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from reviewer.services.run_view import QuotaLine, RunRow, TrackFigures
from reviewer.ui import palette
from reviewer.ui.models.run import (
    CUTOFF_ROLE,
    TIE_MARK,
    QuotaTable,
    RunFilter,
    RunTable,
    TrackFiguresTable,
)
from reviewer.ui.models.table import ROW_ROLE, SORT_ROLE


def row(
    app: str, track: str, rank: int | None, final: str | None, status: str, **extra: object
) -> RunRow:
    values: dict[str, object] = {
        "company": f"(주){app}",
        "title": f"{app} 과제",
        "ai_category": "none",
        "reviews": 5,
        "reason": "",
        "tie": False,
        "first_below_cutoff": False,
        "gap": None,
    }
    values.update(extra)
    return RunRow(
        id=app,
        track=track,
        rank=rank,
        final=None if final is None else Decimal(final),
        status=status,
        **values,  # type: ignore[arg-type]
    )


ROWS = [
    row("A-2", "tips", 2, "81.50", "not_selected", title="양자 센서"),
    row("A-1", "tips", 1, "90.25", "selected", ai_category="AI"),
    row(
        "B-1", "kibo", 1, "77.00", "selected_by_quota", reason="quota: over B-2", gap=Decimal("1.5")
    ),
    row("B-2", "kibo", 2, "78.50", "displaced_by_quota", tie=True),
    row("B-3", "kibo", 3, "65.00", "below_cutoff", first_below_cutoff=True),
    row("B-9", "kibo", None, None, "incomplete"),
]


def model() -> RunTable:
    table = RunTable()
    table.set_rows(ROWS)
    return table


def test_rows_in_track_then_rank_order_with_readable_cells(qtbot: object) -> None:
    table = model()
    ids = [table.data(table.index(r, table.column_of("id"))) for r in range(table.rowCount())]
    assert ids == ["B-1", "B-2", "B-3", "B-9", "A-1", "A-2"]
    final = table.column_of("final")
    assert table.data(table.index(0, final)) == "77.00"
    assert table.data(table.index(3, final)) == ""  # no final for an incomplete application
    status = table.column_of("status")
    assert table.data(table.index(0, status)) == "Selected by quota"
    assert table.data(table.index(0, table.column_of("gap"))) == "1.50"
    assert table.data(table.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "quota: over B-2"
    assert table.headerData(final, Qt.Orientation.Horizontal) == "Final score"
    assert table.data(table.index(0, 0), ROW_ROLE) is table.row_at(0)


def test_status_colours_are_the_reports(qtbot: object) -> None:
    table = model()
    colours = [
        table.data(table.index(r, 0), Qt.ItemDataRole.BackgroundRole)
        for r in range(table.rowCount())
    ]
    assert colours[0].color().name() == palette.STATUS_FILL["selected_by_quota"]
    assert colours[1].color().name() == palette.STATUS_FILL["displaced_by_quota"]
    assert colours[2] is None  # below the cutoff: plain, under the cutoff line
    assert colours[4].color().name() == palette.STATUS_FILL["selected"]


def test_the_cutoff_line_and_ties_are_marked(qtbot: object) -> None:
    table = model()
    cut = [table.data(table.index(r, 0), CUTOFF_ROLE) for r in range(table.rowCount())]
    assert cut == [False, False, True, False, False, False]
    tie = table.column_of("tie")
    assert table.data(table.index(1, tie)) == TIE_MARK
    assert table.data(table.index(0, tie)) == ""
    assert "Boundary tie" in table.data(table.index(1, 0), Qt.ItemDataRole.ToolTipRole)


def test_filter_by_track_text_and_chosen_ids(qtbot: object) -> None:
    table = model()
    proxy = RunFilter()
    proxy.setSourceModel(table)
    proxy.set_track("tips")
    assert [r.id for r in proxy.source_rows()] == ["A-1", "A-2"]
    proxy.set_text("양자")
    assert [r.id for r in proxy.source_rows()] == ["A-2"]
    proxy.set_track("")
    proxy.set_text("(주)")
    assert len(proxy.source_rows()) == 6
    proxy.set_only(["B-2", "A-1"])
    assert {r.id for r in proxy.source_rows()} == {"B-2", "A-1"}
    proxy.set_only(None)
    assert len(proxy.source_rows()) == 6


def test_sorting_by_final_score_is_numeric_with_blanks_last(qtbot: object) -> None:
    table = model()
    proxy = RunFilter()
    proxy.setSourceModel(table)
    final = table.column_of("final")
    proxy.sort(final, Qt.SortOrder.DescendingOrder)
    finals = [proxy.data(proxy.index(r, final)) for r in range(proxy.rowCount())]
    assert finals == ["90.25", "81.50", "78.50", "77.00", "65.00", ""]
    assert proxy.data(proxy.index(0, final), SORT_ROLE) == (0, 90.25)
    assert proxy.data(proxy.index(5, final), SORT_ROLE) is None  # a blank has no key


def test_quota_and_track_tables(qtbot: object) -> None:
    quotas = QuotaTable()
    quotas.track_names = {"tips": "민간투자연계", "kibo": "기보"}
    quotas.set_rows(
        [
            QuotaLine("연계 30%", "tips", ("tips",), 6, 6, 0, ""),
            QuotaLine("과반", None, ("tips", "kibo"), 20, 18, 2, "AI 과제가 부족합니다"),
        ]
    )
    where = quotas.column_of("where")
    assert quotas.data(quotas.index(0, where)) == "민간투자연계"
    assert quotas.data(quotas.index(1, where)) == "민간투자연계, 기보"
    assert quotas.data(quotas.index(1, quotas.column_of("why"))) == "AI 과제가 부족합니다"
    short = quotas.data(quotas.index(1, 0), Qt.ItemDataRole.BackgroundRole)
    assert short.color().name() == palette.CUTOFF_FILL
    figures = TrackFiguresTable()
    figures.set_rows([TrackFigures("tips", "민간투자연계", 20, 18, 8_000_000_000, 7_600_000_000)])
    assert figures.data(figures.index(0, figures.column_of("budget_used"))) == "7,600,000,000"
    warn = figures.data(
        figures.index(0, figures.column_of("selected")), Qt.ItemDataRole.BackgroundRole
    )
    assert warn.color().name() == palette.WARNING  # seats left empty
