"""The reviews matrix as a table: one row per application, a column per reviewer.

The reviewer columns change with the track and reviewer chosen (``set_matrix``). A
scored cell shows the reviewer's total, an outlier with an arrow (▼ below the median, ▲
above) on a red fill; a conflict and a missing review show a word on their own fill, so
no mark is told by its colour alone. The criterion table of one cell is here too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer.domain.robust import OUTLIER_MIN_POINTS
from reviewer.services.review_matrix import (
    TRIMMED_HIGH,
    TRIMMED_LOW,
    CriterionLine,
    Mark,
    MatrixCell,
    MatrixReviewer,
    MatrixRow,
    ReviewMatrix,
)
from reviewer.ui import palette
from reviewer.ui.models.table import CENTER, RIGHT, Column, Index, RowFilter, RowTableModel, header

OUTLIER_FILL = palette.PROBLEM_FILL
OUTLIER_INK = "#8a1c1c"
CONFLICT_FILL = palette.LOCKED
MISSING_FILL = palette.WARNING
NOT_ASSIGNED_FILL = "#f7f8f9"
REVIEWER_PREFIX = "reviewer:"  # the key of a reviewer's column: the prefix and the id


def conflict_text() -> str:
    return QCoreApplication.translate("ReviewsMatrix", "COI")


def missing_text() -> str:
    return QCoreApplication.translate("ReviewsMatrix", "Missing")


def cell_text(cell: MatrixCell) -> str:
    """What a cell shows: the total (with ▼/▲ when an outlier; in parentheses when the
    trimmed mean drops it) or the mark's word."""
    if cell.mark is Mark.SCORED and cell.total is not None:
        total = f"({cell.total:.2f})" if cell.trimmed else f"{cell.total:.2f}"
        if cell.outlier:
            arrow = "▼" if (cell.deviation or 0) < 0 else "▲"
            return f"{arrow} {total}"
        return total
    if cell.mark is Mark.CONFLICT:
        return conflict_text()
    if cell.mark is Mark.MISSING:
        return missing_text()
    return ""


def cell_fill(cell: MatrixCell) -> str | None:
    if cell.outlier:
        return OUTLIER_FILL
    if cell.mark is Mark.CONFLICT:
        return CONFLICT_FILL
    if cell.mark is Mark.MISSING:
        return MISSING_FILL
    if cell.mark is Mark.NOT_ASSIGNED:
        return NOT_ASSIGNED_FILL
    return None


def cell_tooltip(cell: MatrixCell, row: MatrixRow, threshold: float) -> str:
    if cell.mark is Mark.SCORED and cell.total is not None:
        text = QCoreApplication.translate(
            "ReviewsMatrix", "Total {total} · median {median} ({gap:+.2f}) · robust z {z:+.2f}"
        ).format(
            total=f"{cell.total:.2f}",
            median=f"{row.median or 0:.2f}",
            gap=cell.deviation or 0.0,
            z=cell.z or 0.0,
        )
        if cell.outlier:
            text += "\n" + QCoreApplication.translate(
                "ReviewsMatrix",
                "Outlier: |z| is above {threshold} and the total is at least {points} points "
                "from the median",
            ).format(threshold=f"{threshold:g}", points=f"{OUTLIER_MIN_POINTS:g}")
        if cell.trimmed == TRIMMED_HIGH:
            text += "\n" + QCoreApplication.translate(
                "ReviewsMatrix", "Trimmed: the trimmed mean drops this total (the highest)"
            )
        elif cell.trimmed == TRIMMED_LOW:
            text += "\n" + QCoreApplication.translate(
                "ReviewsMatrix", "Trimmed: the trimmed mean drops this total (the lowest)"
            )
        return text
    if cell.mark is Mark.CONFLICT:
        text = QCoreApplication.translate("ReviewsMatrix", "Conflict of interest: not counted")
        return f"{text}\n{cell.reason}" if cell.reason else text
    if cell.mark is Mark.MISSING:
        return QCoreApplication.translate("ReviewsMatrix", "Assigned, but no scores yet")
    return QCoreApplication.translate("ReviewsMatrix", "Not assigned")


def reviewer_key(reviewer_id: str) -> str:
    return REVIEWER_PREFIX + reviewer_id


def reviewer_of(key: str) -> str | None:
    """The reviewer id of a column key, or None for a fixed column."""
    return key[len(REVIEWER_PREFIX) :] if key.startswith(REVIEWER_PREFIX) else None


class MatrixTable(RowTableModel[MatrixRow]):
    """Rows of the matrix under the fixed columns and one column per shown reviewer."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(self._fixed(), parent)
        self.track_names: dict[str, str] = {}
        self.threshold = 0.0
        self._bold = QFont()
        self._bold.setBold(True)
        self._outlier_ink = QBrush(QColor(OUTLIER_INK))
        self._muted_ink = QBrush(QColor(palette.MUTED))

    def _fixed(self) -> list[Column[MatrixRow]]:
        return [
            Column("id", header("ReviewsMatrix", "Application"), lambda r: r.application_id),
            Column(
                "track",
                header("ReviewsMatrix", "Track"),
                lambda r: self.track_names.get(r.track, r.track),
            ),
            Column("title", header("ReviewsMatrix", "Title"), lambda r: r.title),
            Column("company", header("ReviewsMatrix", "Company"), lambda r: r.company),
            Column(
                "median",
                header("ReviewsMatrix", "Median"),
                lambda r: r.median,
                number=True,
            ),
            Column(
                "gap",
                header("ReviewsMatrix", "Max gap"),
                lambda r: r.largest_gap,
                tooltip=lambda r: QCoreApplication.translate(
                    "ReviewsMatrix", "The largest distance of a total from the median, in points"
                ),
                number=True,
            ),
            Column(
                "outliers",
                header("ReviewsMatrix", "Outliers"),
                lambda r: len(r.outliers),
                display=lambda r: str(len(r.outliers)) if r.outliers else "",
                background=lambda r: OUTLIER_FILL if r.outliers else None,
                align=CENTER,
            ),
        ]

    def set_matrix(self, matrix: ReviewMatrix, track_names: dict[str, str]) -> None:
        self.track_names = track_names
        self.threshold = matrix.threshold
        columns = self._fixed() + [self._reviewer_column(r) for r in matrix.reviewers]
        self.replace(columns, matrix.rows)

    def _reviewer_column(self, reviewer: MatrixReviewer) -> Column[MatrixRow]:
        rid = reviewer.id
        title = f"{reviewer.name}\n{rid}" if reviewer.name and reviewer.name != rid else rid
        return Column(
            reviewer_key(rid),
            lambda: title,
            lambda r: r.cell(rid).total,
            display=lambda r: cell_text(r.cell(rid)),
            tooltip=lambda r: cell_tooltip(r.cell(rid), r, self.threshold),
            background=lambda r: cell_fill(r.cell(rid)),
            align=RIGHT,
        )

    def reviewer_columns(self) -> list[str]:
        """The reviewer ids of the columns, in order."""
        return [rid for c in self.columns if (rid := reviewer_of(c.key)) is not None]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role in (_FOREGROUND, _FONT) and index.isValid():
            rid = reviewer_of(self.columns[index.column()].key)
            if rid is None or index.row() >= self.rowCount():
                return None
            cell = self.row_at(index.row()).cell(rid)
            if role == _FONT:
                return self._bold if cell.outlier else None
            if cell.outlier:
                return self._outlier_ink
            if cell.mark in (Mark.CONFLICT, Mark.MISSING):
                return self._muted_ink
            return None
        return super().data(index, role)


_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)


class MatrixFilter(RowFilter):
    """The search of the filter bar, and "outliers only"."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.set_search_columns(["id", "title", "company"])
        self._outliers_only = False

    def set_outliers_only(self, only: bool) -> None:
        self.beginFilterChange()
        self._outliers_only = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def outliers_only(self) -> bool:
        return self._outliers_only

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if (
            self._outliers_only
            and isinstance(model, MatrixTable)
            and not model.row_at(source_row).outliers
        ):
            return False
        return super().filterAcceptsRow(source_row, source_parent)


def _shown(value: float | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return f"{value:g}"


class CriterionTable(RowTableModel[CriterionLine]):
    """One review's criterion scores: raw, normalised and points of the total."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("name", header("ReviewsMatrix", "Criterion"), lambda c: c.name),
                Column("scale", header("ReviewsMatrix", "Scale"), lambda c: c.scale),
                Column(
                    "raw",
                    header("ReviewsMatrix", "Score"),
                    lambda c: c.raw,
                    display=lambda c: _shown(c.raw),
                    align=RIGHT,
                ),
                Column(
                    "normalised",
                    header("ReviewsMatrix", "Normalised"),
                    lambda c: c.normalised,
                    display=lambda c: "" if c.normalised is None else f"{c.normalised:.3f}",
                    align=RIGHT,
                ),
                Column(
                    "points",
                    header("ReviewsMatrix", "Points"),
                    lambda c: c.points,
                    display=lambda c: "" if c.points is None else f"{c.points:.2f}",
                    align=RIGHT,
                ),
            ],
            parent,
        )
