"""The tables of the selection view: the ranking of a run (status colours, the cutoff
line, boundary ties), the quota report and the tracks' seats and budgets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt

from reviewer.services.run_view import QuotaLine, RunRow, TrackFigures
from reviewer.ui import palette
from reviewer.ui.models.status import status_label
from reviewer.ui.models.table import CENTER, Column, Index, RowFilter, RowTableModel, header

CUTOFF_ROLE = Qt.ItemDataRole.UserRole + 20
TIE_MARK = "⚖"


def _ai(category: str) -> str:
    return QCoreApplication.translate("Status", "None") if category == "none" else category


def _money(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


class RunTable(RowTableModel[RunRow]):
    """A run's rows, in track and rank order."""

    def __init__(self, parent: Any = None) -> None:
        def fill(row: RunRow) -> str | None:
            return palette.STATUS_FILL.get(row.status)

        def tip(row: RunRow) -> str | None:
            if row.tie:
                return QCoreApplication.translate(
                    "RunTable", "Boundary tie: only the tie-break order decided this row"
                ) + (f"\n{row.reason}" if row.reason else "")
            return row.reason or None

        def column(key: str, title: Any, value: Any, **extra: Any) -> Column[RunRow]:
            return Column(key, title, value, tooltip=tip, background=fill, **extra)

        super().__init__(
            [
                column(
                    "track",
                    header("RunTable", "Track"),
                    lambda r: self.track_order.get(r.track, len(self.track_order)),
                    display=lambda r: self.track_names.get(r.track, r.track),
                ),
                column("rank", header("RunTable", "Rank"), lambda r: r.rank, number=True),
                column(
                    "tie",
                    header("RunTable", "Tie"),
                    lambda r: TIE_MARK if r.tie else "",
                    align=CENTER,
                ),
                column("id", header("RunTable", "Application"), lambda r: r.id),
                column(
                    "ai_category",
                    header("RunTable", "AI"),
                    lambda r: r.ai_category,
                    display=lambda r: _ai(r.ai_category),
                    align=CENTER,
                ),
                column("reviews", header("RunTable", "Reviews"), lambda r: r.reviews, number=True),
                column(
                    "final",
                    header("RunTable", "Final score"),
                    lambda r: r.final_score,
                    display=lambda r: "" if r.final is None else f"{r.final:.2f}",
                    number=True,
                ),
                column(
                    "status",
                    header("RunTable", "Status"),
                    lambda r: r.status,
                    display=lambda r: status_label(r.status),
                ),
                column(
                    "gap",
                    header("RunTable", "Gap"),
                    lambda r: None if r.gap is None else float(r.gap),
                    display=lambda r: "" if r.gap is None else f"{r.gap:.2f}",
                    number=True,
                ),
                column("company", header("RunTable", "Company"), lambda r: r.company),
                column("title", header("RunTable", "Title"), lambda r: r.title),
            ],
            parent,
        )
        self.track_names: dict[str, str] = {}
        self.track_order: dict[str, int] = {}

    def set_rows(self, rows: Any) -> None:
        order = self.track_order
        super().set_rows(
            sorted(
                rows,
                key=lambda r: (
                    order.get(r.track, len(order)),
                    r.track,
                    r.rank is None,
                    r.rank or 0,
                    r.id,
                ),
            )
        )

    def set_tracks(self, tracks: Sequence[tuple[str, str]]) -> None:
        """The round's tracks (id, name) in configuration order: rows show the name and
        come in that order, as in the printed report."""
        self.track_names = dict(tracks)
        self.track_order = {track_id: index for index, (track_id, _) in enumerate(tracks)}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == CUTOFF_ROLE and index.isValid():
            return self.row_at(index.row()).first_below_cutoff
        return super().data(index, role)


class RunFilter(RowFilter):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.set_search_columns(["id", "company", "title"])
        self._track = ""

    def set_track(self, track: str) -> None:
        """Show one track's rows (by its id), or every track's ('')."""
        self.beginFilterChange()
        self._track = track
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if (
            self._track
            and isinstance(model, RunTable)
            and model.row_at(source_row).track != self._track
        ):
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class QuotaTable(RowTableModel[QuotaLine]):
    def __init__(self, parent: Any = None) -> None:
        def short(row: QuotaLine) -> str | None:
            return palette.CUTOFF_FILL if row.shortfall else palette.SELECTED

        super().__init__(
            [
                Column("name", header("QuotaTable", "Quota"), lambda q: q.name, background=short),
                Column(
                    "required", header("QuotaTable", "Required"), lambda q: q.required, number=True
                ),
                Column(
                    "achieved", header("QuotaTable", "Achieved"), lambda q: q.achieved, number=True
                ),
                Column(
                    "shortfall",
                    header("QuotaTable", "Short"),
                    lambda q: q.shortfall,
                    number=True,
                    background=short,
                ),
                Column("why", header("QuotaTable", "Why short"), lambda q: q.why),
                Column(
                    "where",
                    header("QuotaTable", "Tracks"),
                    lambda q: (
                        self.track_names.get(q.track, q.track)
                        if q.track
                        else ", ".join(self.track_names.get(t, t) for t in q.tracks)
                    ),
                ),
            ],
            parent,
        )
        self.track_names: dict[str, str] = {}


class TrackFiguresTable(RowTableModel[TrackFigures]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("name", header("TrackFiguresTable", "Track"), lambda t: t.name),
                Column(
                    "seats", header("TrackFiguresTable", "Seats"), lambda t: t.seats, number=True
                ),
                Column(
                    "selected",
                    header("TrackFiguresTable", "Selected"),
                    lambda t: t.selected,
                    number=True,
                    background=lambda t: palette.WARNING if t.selected < t.seats else None,
                ),
                Column(
                    "budget",
                    header("TrackFiguresTable", "Budget (KRW)"),
                    lambda t: t.budget,
                    display=lambda t: _money(t.budget),
                    number=True,
                ),
                Column(
                    "budget_used",
                    header("TrackFiguresTable", "Budget used (KRW)"),
                    lambda t: t.budget_used,
                    display=lambda t: _money(t.budget_used),
                    number=True,
                ),
            ],
            parent,
        )
