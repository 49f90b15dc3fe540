"""The wide score layout: one row per application × reviewer, one column per criterion.

Tracks may have different rubrics, so each row is read with its application's track's
criteria; a criterion column outside that rubric is ignored for the row. A row whose
criterion, comment and conflict cells are all blank is no review yet (a score form
prefills the ids of every row it asks for) and is passed over; a file with no other
rows is refused, as it holds no scores at all. This is the
layout of large imports (tens of thousands of rows), so the row loop keeps to a fast
path for numeric cells and touches only the columns it needs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reviewer.domain.config import Criterion, Track
from reviewer.domain.model import Review
from reviewer.errors import InvalidInput
from reviewer.exchange.importers.score_checks import Scale, ScoreImport, criterion_label
from reviewer.exchange.tables.reader import Column, Table, header_keys
from reviewer.exchange.tables.values import BadValue, Cell, flag, fold, is_blank, nfc, text

# what a criterion column is read as (Table.uses): ``criterion:<criterion id>``
CRITERION = "criterion:"


@dataclass(frozen=True)
class _Slot:
    """Where one criterion of a rubric is read: numeric cells in ``low..high`` take the
    fast path; everything else (text, graded criteria) goes through ``scale.parse``."""

    criterion_id: str
    index: int
    low: float
    high: float
    scale: Scale
    column: Column


@dataclass
class _Plan:
    """A track's rubric laid over the file's columns."""

    slots: tuple[_Slot, ...]
    missing: tuple[Criterion, ...]
    reported: bool = False


def read_wide(table: Table, state: ScoreImport) -> None:
    plans, criterion_indexes = _plans(table, state)
    columns = table.columns
    app_column, reviewer_column = columns["application_id"], columns["reviewer_id"]
    app_index, reviewer_index = app_column.index, reviewer_column.index
    conflict_column = columns.get("conflict")
    comment_column = columns.get("comment")
    reason_column = columns.get("conflict_reason")
    review_indexes = criterion_indexes + tuple(
        column.index
        for column in (comment_column, conflict_column, reason_column)
        if column is not None
    )
    rows = table.rows
    reviewed = False
    for index in range(table.header_index + 1, len(rows)):
        row = rows[index]
        if _unfilled(row, review_indexes):
            continue
        reviewed = True
        app_id = _identifier(row[app_index])
        reviewer_id = _identifier(row[reviewer_index])
        row_number = index + 1
        before = state.error_count
        failed = False
        track = state.check_ids(table, row_number, app_id, reviewer_id, app_column, reviewer_column)
        if app_id and reviewer_id:
            state.claim(table, row_number, (app_id, reviewer_id), reviewer_column)
        conflict = False
        if conflict_column is not None:
            try:
                conflict = _conflict(row[conflict_column.index])
            except BadValue as problem:
                state.bad_value(table, row_number, conflict_column, problem)
        scores: dict[str, float | str] = {}
        if track is not None:
            failed = _read_scores(
                table,
                state,
                plans[track.id],
                track,
                row,
                row_number,
                conflict,
                conflict_column,
                scores,
            )
        if failed or state.error_count != before:
            continue
        comment = text(row[comment_column.index]) if comment_column is not None else ""
        reason = ""
        if conflict:
            reason = text(row[reason_column.index]) if reason_column is not None else ""
            reason = reason or comment
        state.reviews.append(Review(app_id, reviewer_id, scores, comment, conflict, reason))
    if not reviewed:
        if criterion_indexes:
            state.errors.add(InvalidInput("import.no_scores", table.where()))
        else:
            criteria = {
                criterion_label(scale.criterion): None
                for scales in state.scales.values()
                for scale in scales
            }
            state.errors.add(
                InvalidInput(
                    "import.no_criterion_columns",
                    table.where(table.header_row),
                    criteria=", ".join(criteria),
                )
            )


def _unfilled(row: list[Cell], indexes: tuple[int, ...]) -> bool:
    """Whether the row's criterion, comment and conflict cells are all blank."""
    for index in indexes:
        value = row[index]
        if value is None or value == "" or (type(value) is str and value.isspace()):
            continue
        return False
    return True


def _identifier(value: Cell) -> str:
    if type(value) is str:
        value = value.strip()
        return value if value.isascii() else nfc(value)
    return text(value)


def _conflict(value: Cell) -> bool:
    return bool(flag(value))


def _read_scores(
    table: Table,
    state: ScoreImport,
    plan: _Plan,
    track: Track,
    row: list[Cell],
    row_number: int,
    conflict: bool,
    conflict_column: Column | None,
    scores: dict[str, float | str],
) -> bool:
    """Read the row's criterion cells into ``scores``; True when the row failed without
    an error of its own (its track's missing column was reported on an earlier row)."""
    if plan.missing:
        if not plan.reported:
            plan.reported = True
            for criterion in plan.missing:
                state.fail(
                    "import.missing_criterion_column",
                    table,
                    row_number,
                    None,
                    track=track.id,
                    criterion=criterion_label(criterion),
                )
        return True
    if conflict:
        filled = [slot.column.header for slot in plan.slots if not is_blank(row[slot.index])]
        if filled:
            state.fail(
                "import.conflict_with_scores",
                table,
                row_number,
                conflict_column,
                columns=", ".join(filled),
            )
        return False
    for slot in plan.slots:
        value = row[slot.index]
        if type(value) is float and slot.low <= value <= slot.high:
            scores[slot.criterion_id] = value
            continue
        if is_blank(value):
            state.fail(
                "import.missing_score",
                table,
                row_number,
                slot.column,
                criterion=criterion_label(slot.scale.criterion),
            )
            continue
        try:
            scores[slot.criterion_id] = slot.scale.parse(value)
        except BadValue as problem:
            state.bad_value(table, row_number, slot.column, problem)
    return False


def _plans(table: Table, state: ScoreImport) -> tuple[dict[str, _Plan], tuple[int, ...]]:
    """Each track's criteria matched to the file's columns (by criterion id or name), and
    the indexes of every column that holds a criterion of some track."""
    by_key: dict[str, list[Column]] = {}
    for column in table.extra:
        for key in header_keys(column.header):
            by_key.setdefault(key, []).append(column)
    plans: dict[str, _Plan] = {}
    indexes: set[int] = set()
    reported: set[str] = set()
    for track_id, scales in state.scales.items():
        slots: list[_Slot] = []
        missing: list[Criterion] = []
        for scale in scales:
            criterion = scale.criterion
            found: list[Column] = []
            for key in (fold(criterion.id), fold(criterion.name)):
                for column in by_key.get(key, ()):
                    if column not in found:
                        found.append(column)
            if not found:
                missing.append(criterion)
                continue
            indexes.update(column.index for column in found)
            table.uses.setdefault(found[0].index, CRITERION + criterion.id)
            if len(found) > 1 and criterion.id not in reported:
                reported.add(criterion.id)
                state.fail(
                    "import.ambiguous_criterion_column",
                    table,
                    table.header_row,
                    found[1],
                    other=found[0].header,
                    criterion=criterion_label(criterion),
                )
            low, high = (scale.low, scale.high) if scale.grades is None else (math.inf, -math.inf)
            slots.append(_Slot(criterion.id, found[0].index, low, high, scale, found[0]))
        plans[track_id] = _Plan(tuple(slots), tuple(missing))
    return plans, tuple(sorted(indexes))
