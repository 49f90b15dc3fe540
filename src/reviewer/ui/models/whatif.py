"""The tables of the what-if view: who enters and who leaves the selection, the seats
filled per track, the quotas' required and achieved counts, and the totals — each with
the recorded run's figure beside the scenario's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from reviewer.services.whatif import Movement, QuotaFill, Scenario, TrackFill
from reviewer.ui import palette
from reviewer.ui.models.status import status_label
from reviewer.ui.models.table import CENTER, Column, RowTableModel, header

ENTERS = "enters"
LEAVES = "leaves"


@dataclass(frozen=True)
class MoveRow:
    change: str  # ENTERS | LEAVES
    move: Movement


@dataclass(frozen=True)
class TotalRow:
    key: str
    label: Callable[[], str]
    old: Decimal | int
    new: Decimal | int

    @property
    def delta(self) -> Decimal | int:
        return self.new - self.old


def move_rows(scenario: Scenario | None) -> list[MoveRow]:
    if scenario is None:
        return []
    return [MoveRow(ENTERS, m) for m in scenario.entering] + [
        MoveRow(LEAVES, m) for m in scenario.leaving
    ]


def change_label(change: str) -> str:
    if change == ENTERS:
        return QCoreApplication.translate("WhatIfTables", "Enters")
    return QCoreApplication.translate("WhatIfTables", "Leaves")


def _final(value: Decimal | None) -> str:
    """A final as the round rounded it (its own number of decimals)."""
    return "" if value is None else f"{value:f}"


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _signed(value: Decimal | int) -> str:
    if isinstance(value, Decimal):
        text = f"{value:+,.2f}"
        return "±0.00" if value == 0 else text
    return "±0" if value == 0 else f"{value:+,}"


class MovesTable(RowTableModel[MoveRow]):
    """Entering and leaving applications, with the recorded and the new figures."""

    def __init__(self, parent: Any = None) -> None:
        def fill(row: MoveRow) -> str | None:
            return palette.SELECTED if row.change == ENTERS else palette.DISPLACED

        def plain(key: str, title: Any, value: Any, **extra: Any) -> Column[MoveRow]:
            return Column(key, title, value, **extra)

        super().__init__(
            [
                Column(
                    "change",
                    header("WhatIfTables", "Change"),
                    lambda r: r.change,
                    display=lambda r: change_label(r.change),
                    background=fill,
                    align=CENTER,
                ),
                plain("id", header("WhatIfTables", "Application"), lambda r: r.move.id),
                plain("track", header("WhatIfTables", "Track"), lambda r: r.move.track_name),
                plain(
                    "old_final",
                    header("WhatIfTables", "Final (run)"),
                    lambda r: _number(r.move.old_final),
                    display=lambda r: _final(r.move.old_final),
                    number=True,
                ),
                plain(
                    "new_final",
                    header("WhatIfTables", "Final (new)"),
                    lambda r: _number(r.move.new_final),
                    display=lambda r: _final(r.move.new_final),
                    number=True,
                ),
                plain(
                    "old_rank",
                    header("WhatIfTables", "Rank (run)"),
                    lambda r: r.move.old_rank,
                    number=True,
                ),
                plain(
                    "new_rank",
                    header("WhatIfTables", "Rank (new)"),
                    lambda r: r.move.new_rank,
                    number=True,
                ),
                plain(
                    "old_status",
                    header("WhatIfTables", "Status (run)"),
                    lambda r: r.move.old_status.value,
                    display=lambda r: status_label(r.move.old_status.value),
                ),
                plain(
                    "new_status",
                    header("WhatIfTables", "Status (new)"),
                    lambda r: r.move.new_status.value,
                    display=lambda r: status_label(r.move.new_status.value),
                ),
                plain("title", header("WhatIfTables", "Title"), lambda r: r.move.title),
            ],
            parent,
        )


def _arrow(old: int, new: int) -> str:
    return f"{old:,}" if old == new else f"{old:,} → {new:,}"


def _changed(old: int, new: int) -> str | None:
    return palette.WARNING if old != new else None


def _old_new(
    field: str, title: Any, background: Callable[[Any], str | None] | None = None
) -> Column[Any]:
    """A column of a row's ``old_<field>`` → ``new_<field>``, sorted by the new value and
    marked where the two differ (or by ``background``)."""

    def old(row: Any) -> int:
        return int(getattr(row, f"old_{field}"))

    def new(row: Any) -> int:
        return int(getattr(row, f"new_{field}"))

    return Column(
        field,
        title,
        new,
        display=lambda r: _arrow(old(r), new(r)),
        background=background or (lambda r: _changed(old(r), new(r))),
        number=True,
    )


class TrackFillTable(RowTableModel[TrackFill]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("track", header("WhatIfTables", "Track"), lambda r: r.name),
                _old_new("seats", header("WhatIfTables", "Seats")),
                _old_new("selected", header("WhatIfTables", "Filled")),
            ],
            parent,
        )


class QuotaFillTable(RowTableModel[QuotaFill]):
    def __init__(self, parent: Any = None) -> None:
        self.track_names: dict[str, str] = {}

        def short(row: QuotaFill) -> str | None:
            return palette.CUTOFF_FILL if row.new_achieved < row.new_required else None

        super().__init__(
            [
                Column("quota", header("WhatIfTables", "Quota"), lambda r: r.name),
                Column(
                    "track",
                    header("WhatIfTables", "Track"),
                    lambda r: "" if r.track is None else self.track_names.get(r.track, r.track),
                ),
                _old_new("required", header("WhatIfTables", "Required")),
                _old_new("achieved", header("WhatIfTables", "Achieved"), short),
            ],
            parent,
        )


def total_rows(scenario: Scenario | None) -> list[TotalRow]:
    if scenario is None:
        return []
    return [
        TotalRow(
            "selected",
            lambda: QCoreApplication.translate("WhatIfTables", "Seats filled"),
            scenario.old_selected,
            scenario.new_selected,
        ),
        TotalRow(
            "shortfall",
            lambda: QCoreApplication.translate("WhatIfTables", "Quota shortfall"),
            scenario.old_shortfall,
            scenario.new_shortfall,
        ),
        TotalRow(
            "total_score",
            lambda: QCoreApplication.translate("WhatIfTables", "Total score"),
            scenario.old_total,
            scenario.new_total,
        ),
    ]


def _total(value: Decimal | int) -> str:
    return f"{value:,.2f}" if isinstance(value, Decimal) else f"{value:,}"


class TotalsTable(RowTableModel[TotalRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("what", header("WhatIfTables", "Total"), lambda r: r.label()),
                Column(
                    "old",
                    header("WhatIfTables", "Run"),
                    lambda r: r.old,
                    display=lambda r: _total(r.old),
                    number=True,
                ),
                Column(
                    "new",
                    header("WhatIfTables", "Scenario"),
                    lambda r: r.new,
                    display=lambda r: _total(r.new),
                    number=True,
                ),
                Column(
                    "delta",
                    header("WhatIfTables", "Change"),
                    lambda r: r.delta,
                    display=lambda r: _signed(r.delta),
                    background=lambda r: palette.WARNING if r.delta else None,
                    number=True,
                ),
            ],
            parent,
        )
