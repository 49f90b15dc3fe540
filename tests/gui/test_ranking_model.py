"""The ranking model and its filter, without a window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.services.browse import RankingRow
from reviewer.ui.models.ranking import SORT_ROLE, STATUS_ROLE, RankingFilter, RankingModel

ROWS = [
    RankingRow("tips", 2, "A-2", "(주)나", "양자 센서", "none", 5, 81.5, "not_selected", ""),
    RankingRow("tips", 1, "A-1", "(주)가", "AI 플랫폼", "AI", 5, 90.25, "selected", ""),
    RankingRow(
        "kibo",
        1,
        "B-1",
        "(주)다",
        "로봇 팔",
        "AI+X",
        4,
        77.0,
        "selected_by_quota",
        "quota: selected over B-2 (78.00)",
    ),
    RankingRow("kibo", None, "B-9", "(주)라", "바이오", "none", 2, None, "incomplete", ""),
]


def test_model_shows_rows_sorted_by_track_and_rank(qtbot: object) -> None:
    model = RankingModel()
    model.set_rows(ROWS)
    assert model.rowCount() == 4
    assert model.columnCount() == 9
    ids = [model.data(model.index(r, 2)) for r in range(4)]
    assert ids == ["B-1", "B-9", "A-1", "A-2"]
    assert model.data(model.index(2, 7)) == "90.25"
    assert model.data(model.index(1, 7)) == ""  # no final for an incomplete application
    assert model.data(model.index(0, 8)) == "Selected by quota"
    assert model.data(model.index(0, 8), STATUS_ROLE) == "selected_by_quota"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole).startswith("quota")
    assert model.data(model.index(1, 7), SORT_ROLE) == float("-inf")
    assert model.headerData(7, Qt.Orientation.Horizontal) == "Final score"


def test_filter_by_track_and_text(qtbot: object) -> None:
    model = RankingModel()
    model.set_rows(ROWS)
    proxy = RankingFilter()
    proxy.setSourceModel(model)
    proxy.set_track("tips")
    assert proxy.rowCount() == 2
    proxy.set_text("양자")
    assert proxy.rowCount() == 1
    assert proxy.data(proxy.index(0, 2)) == "A-2"
    proxy.set_track("")
    proxy.set_text("(주)")
    assert proxy.rowCount() == 4


def test_sorting_by_final_score_is_numeric(qtbot: object) -> None:
    model = RankingModel()
    model.set_rows(ROWS)
    proxy = RankingFilter()
    proxy.setSourceModel(model)
    proxy.sort(7, Qt.SortOrder.DescendingOrder)
    finals = [proxy.data(proxy.index(r, 7)) for r in range(4)]
    assert finals == ["90.25", "81.50", "77.00", ""]
