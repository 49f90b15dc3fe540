"""A read-only table model over a list of rows, described column by column, and the
proxy that sorts and filters it.

Every data table of the window is a ``RowTableModel``: each ``Column`` says what a cell
displays, how it sorts (``SORT_ROLE``, so numbers sort as numbers and blanks last),
its tooltip, its background colour and its alignment. ``RowFilter`` adds a search over
chosen columns and a filter per column.

The model sorts its rows itself and remembers the sort: rows set or columns replaced
afterwards come in that order again, so the header's sort arrow never lies.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # a plain value for filters and tests

BLANK = "\x00blank"  # the filter value that keeps the rows whose cell is blank

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


def header(context: str, text: str) -> Callable[[], str]:
    """A column title translated when it is shown (``scripts/translations.sh`` collects
    these calls like ``translate``)."""
    return lambda: QCoreApplication.translate(context, text)


SortKey = tuple[int, float | str]


def is_blank(value: Any) -> bool:
    """Whether a cell holds nothing: None, empty text or a NaN."""
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def sort_key(value: Any) -> SortKey:
    """A sort value that compares with any other: numbers (bools and decimals too) as
    numbers before everything else as case-folded text. Blanks have no key of their
    own: ``RowTableModel.sort`` puts them last whichever way the rows run."""
    if isinstance(value, bool | int | float | Decimal):
        return (0, float(value))
    return (1, str(value).casefold())


def _sort_order(values: Sequence[Any], descending: bool) -> list[int]:
    """The positions of ``values`` in sorted order, blanks last (in their old order)."""
    keys: list[SortKey | None] = [None if is_blank(v) else sort_key(v) for v in values]
    filled = [i for i, k in enumerate(keys) if k is not None]
    filled.sort(key=keys.__getitem__, reverse=descending)  # type: ignore[arg-type]
    return filled + [i for i, k in enumerate(keys) if k is None]


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: ``header`` is called for its (translated) title each time it is
    shown, so a language switch takes effect at once."""

    key: str
    header: Callable[[], str]
    value: Callable[[R], Any]
    display: Callable[[R], str] | None = None
    tooltip: Callable[[R], str | None] | None = None
    background: Callable[[R], str | None] | None = None
    align: int | None = None
    number: bool = False

    def text(self, row: R) -> str:
        if self.display is not None:
            return self.display(row)
        value = self.value(row)
        if value is None:
            return ""
        if isinstance(value, float):
            return f"{value:,.2f}"
        if isinstance(value, int) and not isinstance(value, bool) and self.number:
            return f"{value:,}"
        return str(value)


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[R] = []
        self._sorted: tuple[str, Qt.SortOrder] | None = None  # column key, order

    # -- contents ----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        """Show ``rows``, in the order of the last sort if there was one."""
        self.replace(self.columns, rows)

    def set_columns(self, columns: Sequence[Column[R]]) -> None:
        self.replace(columns, self._rows)

    def replace(self, columns: Sequence[Column[R]], rows: Sequence[R]) -> None:
        """Show ``rows`` under ``columns`` (one reset), sorted as last sorted if that
        column is still there; else the rows keep their order and the sort is forgotten."""
        columns = list(columns)
        rows = list(rows)
        spec = self._sorted_column(columns)
        if spec is None:
            self._sorted = None
        elif rows:
            descending = self._sorted is not None and self._sorted[1] == _DESCENDING
            order = _sort_order([spec.value(r) for r in rows], descending)
            rows = [rows[i] for i in order]
        self.beginResetModel()
        self.columns = columns
        self._rows = rows
        self.endResetModel()

    def sorted_by(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order the rows are sorted by (None: as they were given)."""
        spec = self._sorted_column(self.columns)
        if spec is None or self._sorted is None:
            return None
        return self.columns.index(spec), self._sorted[1]

    def _sorted_column(self, columns: Sequence[Column[R]]) -> Column[R] | None:
        if self._sorted is None:
            return None
        return next((c for c in columns if c.key == self._sorted[0]), None)

    def rows(self) -> list[R]:
        return list(self._rows)

    def set_row(self, position: int, row: R) -> None:
        """Show ``row`` in place of the row at ``position`` (no reset: the selection and
        the scroll position stay; the sort is not applied again)."""
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.columns) - 1))

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def retranslate(self) -> None:
        """Headers and translated cells are read anew (after a language switch)."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows and self.columns:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1)
            )

    # -- the model interface -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].header()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for a dozen roles per cell while painting: answer the ones a column
        # does not use at once, comparing plain ints (comparing Qt enums costs more).
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        position = index.row()
        if position >= len(self._rows):
            return None
        row = self._rows[position]
        column = self.columns[index.column()]
        if role == _DISPLAY:
            return column.text(row)
        if role == _BACKGROUND:
            if column.background is None:
                return None
            colour = column.background(row)
            return _brush(colour) if colour else None
        if role == _ALIGNMENT:
            if column.align is not None:
                return column.align
            return RIGHT if column.number else None
        if role == _TOOLTIP:
            if column.tooltip is not None:
                return column.tooltip(row)
            text = column.text(row)
            return text if len(text) > 40 else None
        if role == _SORT:
            value = column.value(row)
            return None if is_blank(value) else sort_key(value)
        if role == _KEY:
            return column.value(row)
        if role == _ROW:
            return row
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves: one Python sort by key, which at 10,000 rows takes
        milliseconds where a proxy's comparisons through ``data`` take seconds. Blanks
        come last in both orders. Column -1 forgets the sort (the rows stay as they are)."""
        if not 0 <= column < len(self.columns):
            self._sorted = None
            return
        spec = self.columns[column]
        order = Qt.SortOrder(order)
        keyed = _sort_order([spec.value(r) for r in self._rows], order == _DESCENDING)
        self._sorted = (spec.key, order)
        self.layoutAboutToBeChanged.emit()
        try:
            old = self.persistentIndexList()
            where = {old_row: new_row for new_row, old_row in enumerate(keyed)}
            self._rows = [self._rows[i] for i in keyed]
            self.changePersistentIndexList(
                old, [self.index(where[i.row()], i.column()) if i.isValid() else i for i in old]
            )
        finally:
            self.layoutChanged.emit()


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_SORT, _KEY, _ROW = int(SORT_ROLE), int(KEY_ROLE), int(ROW_ROLE)
_DESCENDING = Qt.SortOrder.DescendingOrder
_ROLES = frozenset({_DISPLAY, _BACKGROUND, _ALIGNMENT, _TOOLTIP, _SORT, _KEY, _ROW})
_BRUSHES: dict[str, QBrush] = {}


def _brush(colour: str) -> QBrush:
    brush = _BRUSHES.get(colour)
    if brush is None:
        brush = _BRUSHES[colour] = QBrush(QColor(colour))
    return brush


class RowFilter(QSortFilterProxyModel):
    """Keeps the rows whose searched columns contain the search text and whose filtered
    columns show the chosen values. Sorting is the source model's own (``sort`` passes
    it on), so a filter change never sorts the rows again."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)
        self._text = ""
        self._search: tuple[str, ...] = ()
        self._filters: dict[str, str] = {}
        self._only: frozenset[str] | None = None
        self._only_key = "id"

    def set_only(self, ids: Iterable[object] | None, key: str = "id") -> None:
        """Keep only the rows whose ``key`` column holds one of ``ids`` (None: all)."""
        self.beginFilterChange()
        self._only = None if ids is None else frozenset(str(i) for i in ids)
        self._only_key = key
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def only(self) -> frozenset[str] | None:
        return self._only

    def set_search_columns(self, keys: Sequence[str]) -> None:
        self._search = tuple(keys)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_filter(self, key: str, value: str | None) -> None:
        """Keep only rows whose ``key`` column shows ``value`` (``BLANK``: shows nothing;
        None or '' clears)."""
        self.beginFilterChange()
        if value:
            self._filters[key] = value
        else:
            self._filters.pop(key, None)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filters(self) -> dict[str, str]:
        return dict(self._filters)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def source_rows(self) -> list[Any]:
        """The rows shown, in the order shown."""
        return [self.data(self.index(r, 0), ROW_ROLE) for r in range(self.rowCount())]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RowTableModel):
            return True
        row = model.row_at(source_row)
        columns = {c.key: c for c in model.columns}  # a filter on a column gone is void
        only = columns.get(self._only_key) if self._only is not None else None
        if only is not None and str(only.value(row)) not in (self._only or ()):
            return False
        for key, wanted in self._filters.items():
            column = columns.get(key)
            if column is not None and column.text(row) != ("" if wanted == BLANK else wanted):
                return False
        if self._text:
            keys = self._search or tuple(columns)
            haystack = " ".join(columns[k].text(row) for k in keys if k in columns)
            return self._text in haystack.casefold()
        return True
