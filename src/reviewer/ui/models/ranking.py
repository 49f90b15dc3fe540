"""The ranking table: a Qt model over the rows of a selection run, and its filter."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from reviewer.services.browse import RankingRow
from reviewer.ui import palette
from reviewer.ui.models.table import (
    CENTER,
    SORT_ROLE,
    Column,
    Index,
    RowFilter,
    RowTableModel,
    header,
)

STATUS_ROLE = Qt.ItemDataRole.UserRole + 10

SELECTED_STATUSES = ("selected", "selected_by_quota")

__all__ = ["SELECTED_STATUSES", "SORT_ROLE", "STATUS_ROLE", "RankingFilter", "RankingModel"]


def status_label(status: str) -> str:
    labels = {
        "selected": QCoreApplication.translate("Status", "Selected"),
        "selected_by_quota": QCoreApplication.translate("Status", "Selected by quota"),
        "displaced_by_quota": QCoreApplication.translate("Status", "Displaced by quota"),
        "not_selected": QCoreApplication.translate("Status", "Not selected"),
        "below_cutoff": QCoreApplication.translate("Status", "Below cutoff"),
        "ineligible": QCoreApplication.translate("Status", "Ineligible"),
        "incomplete": QCoreApplication.translate("Status", "Incomplete"),
    }
    return labels.get(status, status)


def _fill(row: RankingRow) -> str | None:
    return palette.STATUS_FILL.get(row.status)


def ranking_columns() -> list[Column[RankingRow]]:
    def reason(row: RankingRow) -> str | None:
        return row.reason or None

    def column(
        key: str, title: Callable[[], str], value: Callable[[RankingRow], Any], **extra: Any
    ) -> Column[RankingRow]:
        return Column(key, title, value, tooltip=reason, background=_fill, **extra)

    return [
        column("track", header("RankingModel", "Track"), lambda r: r.track),
        column("rank", header("RankingModel", "Rank"), lambda r: r.rank, number=True),
        column("id", header("RankingModel", "Application"), lambda r: r.id),
        column("company", header("RankingModel", "Company"), lambda r: r.company),
        column("title", header("RankingModel", "Title"), lambda r: r.title),
        column(
            "ai_category",
            header("RankingModel", "AI"),
            lambda r: r.ai_category,
            display=lambda r: (
                QCoreApplication.translate("Status", "None")
                if r.ai_category == "none"
                else r.ai_category
            ),
            align=CENTER,
        ),
        column("reviews", header("RankingModel", "Reviews"), lambda r: r.reviews, number=True),
        column(
            "final_score",
            header("RankingModel", "Final score"),
            lambda r: r.final_score,
            display=lambda r: "" if r.final_score is None else f"{r.final_score:.2f}",
            number=True,
        ),
        column(
            "status",
            header("RankingModel", "Status"),
            lambda r: r.status,
            display=lambda r: status_label(r.status),
        ),
    ]


class RankingModel(RowTableModel[RankingRow]):
    """Rows of a run: track, rank, id, company, title, AI, reviews, final, status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(ranking_columns(), parent)

    def set_rows(self, rows: Sequence[RankingRow]) -> None:
        super().set_rows(sorted(rows, key=lambda r: (r.track, r.rank is None, r.rank or 0, r.id)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == STATUS_ROLE and index.isValid():
            return self.row_at(index.row()).status
        return super().data(index, role)


class RankingFilter(RowFilter):
    """Filters the ranking by track and by text in the id, company or title."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.set_search_columns(["id", "company", "title"])

    def set_track(self, track: str) -> None:
        self.set_filter("track", track or None)
