"""The long score layout: one row per application × reviewer × criterion.

Rows of one pair may be anywhere in the file; they are gathered, then each pair must
have exactly one score per criterion of its track's rubric, or be a declared conflict
with no scores. A row with no criterion and no score may carry the pair's comment or
conflict alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.domain.config import Track
from reviewer.domain.model import Review
from reviewer.exchange.importers.score_checks import Scale, ScoreImport, criterion_label
from reviewer.exchange.tables.reader import Column, Table, cell
from reviewer.exchange.tables.values import BadValue, Cell, flag, fold, is_blank, text


@dataclass
class _Pair:
    """What the rows of one application × reviewer said so far."""

    first_row: int
    track: Track | None
    failed: bool = False
    conflict_row: int | None = None
    scores: dict[str, float | str] = field(default_factory=dict)
    score_rows: dict[str, int] = field(default_factory=dict)
    blank_rows: dict[str, int] = field(default_factory=dict)
    refused_rows: dict[str, int] = field(default_factory=dict)  # values refused
    comments: list[str] = field(default_factory=list)
    reason: str = ""


def read_long(table: Table, state: ScoreImport) -> None:
    columns = table.columns
    app_column, reviewer_column = columns["application_id"], columns["reviewer_id"]
    criterion_column, score_column = columns["criterion"], columns["score"]
    conflict_column = columns.get("conflict")
    lookup = {track_id: _criterion_keys(scales) for track_id, scales in state.scales.items()}
    pairs: dict[tuple[str, str], _Pair] = {}
    for row_number, row in table.data():
        before = state.error_count
        app_id = text(cell(row, app_column))
        reviewer_id = text(cell(row, reviewer_column))
        if not app_id or not reviewer_id:
            state.check_ids(table, row_number, app_id, reviewer_id, app_column, reviewer_column)
            continue
        key = (app_id, reviewer_id)
        entry = pairs.get(key)
        if entry is None:
            track = state.check_ids(
                table, row_number, app_id, reviewer_id, app_column, reviewer_column
            )
            state.claim(table, row_number, key, reviewer_column)
            entry = pairs[key] = _Pair(row_number, track)
        if conflict_column is not None:
            try:
                if flag(cell(row, conflict_column)) and entry.conflict_row is None:
                    entry.conflict_row = row_number
            except BadValue as problem:
                state.bad_value(table, row_number, conflict_column, problem)
        comment = text(cell(row, columns.get("comment")))
        if comment and comment not in entry.comments:
            entry.comments.append(comment)
        entry.reason = entry.reason or text(cell(row, columns.get("conflict_reason")))
        _read_score(table, state, entry, lookup, row, row_number, criterion_column, score_column)
        if state.error_count != before:
            entry.failed = True
    for (app_id, reviewer_id), entry in pairs.items():
        review = _finish(
            table,
            state,
            entry,
            app_id,
            reviewer_id,
            conflict_column,
            criterion_column,
            score_column,
        )
        if review is not None:
            state.reviews.append(review)


def _criterion_keys(scales: tuple[Scale, ...]) -> dict[str, Scale]:
    keys: dict[str, Scale] = {}
    for scale in scales:
        keys.setdefault(fold(scale.criterion.id), scale)
    for scale in scales:
        keys.setdefault(fold(scale.criterion.name), scale)
    return keys


def _read_score(
    table: Table,
    state: ScoreImport,
    entry: _Pair,
    lookup: dict[str, dict[str, Scale]],
    row: list[Cell],
    row_number: int,
    criterion_column: Column,
    score_column: Column,
) -> None:
    raw = text(cell(row, criterion_column))
    value = cell(row, score_column)
    if not raw:
        if not is_blank(value):
            state.fail("import.required", table, row_number, criterion_column)
        return
    if entry.track is None:
        return
    scale = lookup[entry.track.id].get(fold(raw))
    if scale is None:
        state.fail(
            "import.unknown_criterion",
            table,
            row_number,
            criterion_column,
            value=raw,
            track=entry.track.id,
            criteria=", ".join(criterion_label(c) for c in entry.track.criteria),
        )
        return
    criterion_id = scale.criterion.id
    first = next(
        (
            rows[criterion_id]
            for rows in (entry.score_rows, entry.blank_rows, entry.refused_rows)
            if criterion_id in rows
        ),
        None,
    )
    if first is not None:
        state.fail(
            "import.duplicate_criterion",
            table,
            row_number,
            criterion_column,
            criterion=criterion_label(scale.criterion),
            row_first=first,
        )
        return
    if is_blank(value):
        entry.blank_rows[criterion_id] = row_number
        return
    try:
        entry.scores[criterion_id] = scale.parse(value)
    except BadValue as problem:
        state.bad_value(table, row_number, score_column, problem)
        entry.refused_rows[criterion_id] = row_number
        return
    entry.score_rows[criterion_id] = row_number


def _finish(
    table: Table,
    state: ScoreImport,
    entry: _Pair,
    app_id: str,
    reviewer_id: str,
    conflict_column: Column | None,
    criterion_column: Column,
    score_column: Column,
) -> Review | None:
    """The pair's review once all its rows are read; None after reporting why not."""
    if entry.track is None:
        return None
    comment = "\n".join(entry.comments)
    if entry.conflict_row is not None:
        if entry.scores:
            scored = [criterion_label(c) for c in entry.track.criteria if c.id in entry.scores]
            state.fail(
                "import.conflict_with_scores",
                table,
                entry.conflict_row,
                conflict_column,
                columns=", ".join(scored),
            )
            return None
        if entry.failed:
            return None
        return Review(app_id, reviewer_id, {}, comment, True, entry.reason or comment)
    complete = True
    for criterion in entry.track.criteria:
        if criterion.id in entry.scores or criterion.id in entry.refused_rows:
            continue
        complete = False
        blank_row = entry.blank_rows.get(criterion.id)
        if blank_row is not None:
            state.fail(
                "import.missing_score",
                table,
                blank_row,
                score_column,
                criterion=criterion_label(criterion),
            )
        else:
            state.fail(
                "import.missing_score",
                table,
                entry.first_row,
                criterion_column,
                criterion=criterion_label(criterion),
            )
    if entry.failed or not complete:
        return None
    ordered = {c.id: entry.scores[c.id] for c in entry.track.criteria}
    return Review(app_id, reviewer_id, ordered, comment, False, "")
