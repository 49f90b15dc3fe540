"""Editable tables of the new-round form: the tracks, a rubric's criteria, the quotas.

Each row holds what the user typed (text) or ticked (a flag); nothing is checked here.
The form turns the rows into a round.toml document and ``parse_config`` judges it; a
problem it names is shown on the cells it concerns (``PROBLEM_ROLE``, a tinted
background and the message as tooltip).

Roles: ``DisplayRole`` is the text shown (a budget as won with thousands separators),
``EditRole`` the text as typed, ``CheckStateRole`` a flag, ``KEY_ROLE`` the plain value
(text or bool), ``PROBLEM_ROLE`` the message of a problem in the cell, else None.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from reviewer.exchange.tables.values import BadValue, amount
from reviewer.ui import palette
from reviewer.ui.models.table import KEY_ROLE, RIGHT, header

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 10

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


# -- rows --------------------------------------------------------------------------------


@dataclass
class CriterionRow:
    id: str = ""
    name: str = ""
    weight: str = ""
    min: str = ""
    max: str = ""
    grades: str = ""  # "탁월=1.0, 우수=0.8": scored by grade name instead of min..max

    @property
    def graded(self) -> bool:
        return bool(self.grades.strip())


@dataclass
class TrackRow:
    id: str = ""
    name: str = ""
    seats: str = ""
    budget: str = ""  # "80억", "8,000,000,000", "45,000만원"; blank: no budget
    linked: bool = False
    investment_commitment: bool = False
    guarantee: bool = False
    own_rubric: bool = False
    criteria: list[CriterionRow] = field(default_factory=list)


@dataclass
class QuotaRow:
    name: str = ""
    ai: bool = True
    ai_x: bool = True
    non_ai: bool = False
    tracks: str = "all"  # "all", "linked" or track ids separated by commas
    each: bool = False  # each track on its own, else the tracks combined
    min_share: str = ""  # "0.3", "1/3"
    strict: bool = False


def budget_won(text: str) -> int | None:
    """The budget in won that ``text`` means (as amounts in workbooks are read), or None."""
    if not text.strip():
        return None
    try:
        return amount(text)
    except BadValue:
        return None


def share_of(text: str) -> Fraction | None:
    try:
        return Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        return None


# -- the model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Field(Generic[R]):
    """A column: the row attribute ``key`` (text, or a flag when ``check``)."""

    key: str
    header: Callable[[], str]
    check: bool = False
    display: Callable[[R], str] | None = None
    tooltip: Callable[[R], str | None] | None = None
    hint: Callable[[], str] | None = None  # the column title's tooltip
    number: bool = False
    editable: Callable[[R], bool] | None = None


class EditableTable(QAbstractTableModel, Generic[R]):
    """Rows of a dataclass edited in place; ``edited`` after every change."""

    edited = Signal()

    def __init__(
        self, fields: Sequence[Field[R]], new_row: Callable[[], R], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.new_row = new_row
        self._rows: list[R] = []
        self._problems: dict[tuple[int, int], str] = {}
        self.read_only = False

    # -- contents ----------------------------------------------------------------------

    def bind(self, rows: list[R]) -> None:
        """Show and edit ``rows`` itself (not a copy): edits change that list."""
        self.beginResetModel()
        self._rows = rows
        self._problems = {}
        self.endResetModel()

    def rows(self) -> list[R]:
        return self._rows

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def column_of(self, key: str) -> int:
        return next(i for i, f in enumerate(self.fields) if f.key == key)

    def add_row(self, row: R | None = None, at: int | None = None) -> int:
        """Insert a new row (at the end unless ``at``); its index."""
        position = len(self._rows) if at is None else max(0, min(at, len(self._rows)))
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row if row is not None else self.new_row())
        self.endInsertRows()
        self.clear_problem()
        self.edited.emit()
        return position

    def duplicate_row(self, row: int) -> int:
        return self.add_row(copy.deepcopy(self._rows[row]), row + 1)

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.clear_problem()
        self.edited.emit()

    def set_value(self, row: int, key: str, value: Any) -> None:
        """Set a cell as the user would (tests and the form's own actions)."""
        column = self.column_of(key)
        field_ = self.fields[column]
        role = Qt.ItemDataRole.CheckStateRole if field_.check else Qt.ItemDataRole.EditRole
        if field_.check:
            value = (Qt.CheckState.Checked if value else Qt.CheckState.Unchecked).value
        self.setData(self.index(row, column), value, role)

    # -- problems ----------------------------------------------------------------------

    def set_problem(self, row: int | None, keys: Sequence[str], message: str) -> None:
        """Mark the cells ``keys`` of ``row`` (every cell of it when ``keys`` is empty)."""
        self.clear_problem()
        if row is None or not 0 <= row < len(self._rows):
            return
        columns = [self.column_of(k) for k in keys if any(f.key == k for f in self.fields)]
        for column in columns or range(len(self.fields)):
            self._problems[(row, column)] = message
        self._changed_all()

    def clear_problem(self) -> None:
        if self._problems:
            self._problems = {}
            self._changed_all()

    def problem_cells(self) -> list[tuple[int, str]]:
        """(row, column key) of the cells marked, for tests and for moving to them."""
        return sorted((r, self.fields[c].key) for r, c in self._problems)

    def retranslate(self) -> None:
        if self.fields:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.fields) - 1)
        self._changed_all()

    def _changed_all(self) -> None:
        if self._rows and self.fields:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.fields) - 1)
            )

    # -- the model interface -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.fields):
            return None
        field_ = self.fields[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return field_.header()
        if role == Qt.ItemDataRole.ToolTipRole:
            return field_.hint() if field_.hint is not None else field_.header()
        return None

    def _editable(self, field_: Field[R], row: R) -> bool:
        if self.read_only:
            return False
        return field_.editable is None or field_.editable(row)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        field_ = self.fields[index.column()]
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if self._editable(field_, self._rows[index.row()]):
            if field_.check:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        field_ = self.fields[index.column()]
        value = getattr(row, field_.key)
        problem = self._problems.get((index.row(), index.column()))
        if role == Qt.ItemDataRole.DisplayRole:
            if field_.check:
                return None
            return field_.display(row) if field_.display is not None else value
        if role == Qt.ItemDataRole.EditRole:
            return None if field_.check else value
        if role == Qt.ItemDataRole.CheckStateRole and field_.check:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == KEY_ROLE:
            return value
        if role == PROBLEM_ROLE:
            return problem
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem is not None:
                return problem
            return field_.tooltip(row) if field_.tooltip is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if problem is not None:
                return QBrush(QColor(palette.PROBLEM_FILL))
            if not self._editable(field_, row):
                return QBrush(QColor(palette.UNRANKED))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if problem is not None:
                return QBrush(QColor(palette.CUTOFF))
            if not self._editable(field_, row):
                return QBrush(QColor(palette.MUTED))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and field_.number:
            return RIGHT
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.flags(index) & (
            Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        row = self._rows[index.row()]
        field_ = self.fields[index.column()]
        if field_.check and role == Qt.ItemDataRole.CheckStateRole:
            state = value.value if isinstance(value, Qt.CheckState) else int(value)
            new: Any = state == Qt.CheckState.Checked.value
        elif not field_.check and role == Qt.ItemDataRole.EditRole:
            new = "" if value is None else str(value)
        else:
            return False
        if getattr(row, field_.key) == new:
            return True
        setattr(row, field_.key, new)
        last = len(self.fields) - 1  # a cell may change how others of its row show
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), last))
        self.edited.emit()
        return True


# -- the three tables --------------------------------------------------------------------


def _budget_display(row: TrackRow) -> str:
    won = budget_won(row.budget)
    return f"{won:,}" if won is not None else row.budget


def _budget_tooltip(row: TrackRow) -> str | None:
    won = budget_won(row.budget)
    if won is None:
        return None
    return QCoreApplication.translate("RoundForm", "{text} = {won} won").format(
        text=row.budget.strip(), won=f"{won:,}"
    )


def _rubric_display(row: TrackRow) -> str:
    if row.own_rubric:
        return QCoreApplication.translate("RoundForm", "Own ({count} criteria)").format(
            count=len(row.criteria)
        )
    return QCoreApplication.translate("RoundForm", "Default")


class TracksModel(EditableTable[TrackRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Field("id", header("RoundForm", "ID")),
                Field("name", header("RoundForm", "Name")),
                Field("seats", header("RoundForm", "Seats"), number=True),
                Field(
                    "budget",
                    header("RoundForm", "Budget (won)"),
                    display=_budget_display,
                    tooltip=_budget_tooltip,
                    hint=header("RoundForm", "In won or 억/만원: 80억, 8,000,000,000, 45,000만원"),
                    number=True,
                ),
                Field(
                    "linked",
                    header("RoundForm", "Linked"),
                    check=True,
                    hint=header("RoundForm", "A linked track (TIPS, guarantee programmes)"),
                ),
                Field(
                    "investment_commitment",
                    header("RoundForm", "Needs investment commitment"),
                    check=True,
                ),
                Field("guarantee", header("RoundForm", "Needs guarantee"), check=True),
                Field(
                    "own_rubric",
                    header("RoundForm", "Rubric"),
                    display=_rubric_display,
                    editable=lambda row: False,
                    hint=header("RoundForm", "Edit a track's rubric on the Rubrics page"),
                ),
            ],
            TrackRow,
            parent,
        )


def _grades_only(row: CriterionRow) -> bool:
    return not row.graded


def _scale_display(key: str) -> Callable[[CriterionRow], str]:
    def display(row: CriterionRow) -> str:
        return "—" if row.graded else str(getattr(row, key))

    return display


class CriteriaModel(EditableTable[CriterionRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Field("id", header("RoundForm", "ID")),
                Field("name", header("RoundForm", "Name")),
                Field(
                    "weight",
                    header("RoundForm", "Weight"),
                    number=True,
                    hint=header("RoundForm", "Points of the 100-point total"),
                ),
                Field(
                    "min",
                    header("RoundForm", "Min"),
                    number=True,
                    display=_scale_display("min"),
                    editable=_grades_only,
                ),
                Field(
                    "max",
                    header("RoundForm", "Max"),
                    number=True,
                    display=_scale_display("max"),
                    editable=_grades_only,
                ),
                Field(
                    "grades",
                    header("RoundForm", "Grades (instead of min–max)"),
                    hint=header("RoundForm", "Named grades with values 0–1: 탁월=1, 우수=0.8"),
                ),
            ],
            CriterionRow,
            parent,
        )


def _tracks_display(row: QuotaRow) -> str:
    words = row.tracks.strip().casefold()
    if words == "all" or not words:
        return QCoreApplication.translate("RoundForm", "All tracks")
    if words == "linked":
        return QCoreApplication.translate("RoundForm", "Linked tracks")
    return row.tracks


def _share_display(row: QuotaRow) -> str:
    share = share_of(row.min_share)
    if share is None:
        return row.min_share
    return f"{row.min_share.strip()}  ({float(share) * 100:.4g}%)"


class QuotasModel(EditableTable[QuotaRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Field("name", header("RoundForm", "Name")),
                Field("ai", header("RoundForm", "AI"), check=True),
                Field("ai_x", header("RoundForm", "AI+X"), check=True),
                Field("non_ai", header("RoundForm", "Non-AI"), check=True),
                Field(
                    "tracks",
                    header("RoundForm", "Tracks"),
                    display=_tracks_display,
                    hint=header("RoundForm", "all, linked, or track IDs separated by commas"),
                ),
                Field(
                    "each",
                    header("RoundForm", "Each track"),
                    check=True,
                    hint=header(
                        "RoundForm", "Ticked: in each track on its own; else the tracks combined"
                    ),
                ),
                Field(
                    "min_share",
                    header("RoundForm", "Minimum share"),
                    display=_share_display,
                    hint=header("RoundForm", "A decimal or a fraction: 0.3, 1/3"),
                    number=True,
                ),
                Field(
                    "strict",
                    header("RoundForm", "More than"),
                    check=True,
                    hint=header("RoundForm", "Ticked: more than the share, not at least it"),
                ),
            ],
            QuotaRow,
            parent,
        )
