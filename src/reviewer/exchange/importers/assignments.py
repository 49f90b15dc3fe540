"""Importing assignments (심사위원 배정) from .xlsx/.csv files.

One row per application × reviewer: 과제번호/application_id and 심사위원ID/reviewer_id,
optionally 이해충돌/conflict (Y/예/O/1/true) and 사유/reason. A row without a conflict
assigns the reviewer to the application; a row with one records a declared conflict of
interest (with its reason) and assigns nothing.

Rules (each broken one is an error at its cell; nothing is imported when any is):

- the application and the reviewer are in the round;
- the same pair appears once in the import;
- an assigned reviewer is on the panel of the application's track (their 담당트랙 holds
  it): a reviewer outside it has not been asked to judge that track's rubric;
- an assigned pair is not conflicted: no conflict recorded in the round, and the
  reviewer's affiliation and the application's company are not the same organisation
  (:func:`reviewer.domain.assignment.same_organisation`);
- a conflict declared for a pair that already has a review with scores is refused (the
  scores would silently stop counting); correct the score sheet instead.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer.domain.assignment import AssignApplication, AssignReviewer, same_organisation
from reviewer.errors import ErrorList, InvalidInput
from reviewer.exchange.importers.lookup import Seen, add_bad_value, duplicate_error
from reviewer.exchange.tables import values
from reviewer.exchange.tables.reader import (
    Column,
    Field,
    Reading,
    Table,
    TableSpec,
    cell,
    read_tables,
)
from reviewer.exchange.tables.values import BadValue

SPEC = TableSpec(
    sheet_names=("배정", "심사위원배정", "평가위원배정", "배정표", "assignments", "assignment"),
    fields=(
        Field(
            "application_id",
            ("과제번호", "접수번호", "과제ID", "신청번호", "application_id", "application id"),
            required=True,
        ),
        Field(
            "reviewer_id",
            (
                "심사위원ID",
                "위원ID",
                "심사위원번호",
                "위원번호",
                "평가위원ID",
                "reviewer_id",
                "reviewer id",
            ),
            required=True,
        ),
        Field(
            "conflict",
            ("이해충돌", "이해충돌여부", "회피", "회피여부", "제척", "conflict", "coi", "recused"),
        ),
        Field("reason", ("사유", "이해충돌사유", "회피사유", "reason", "conflict_reason")),
    ),
)

MAX_REASON = 2000  # characters


@dataclass(frozen=True)
class AssignmentLine:
    """One row of an assignment file: an assignment, or a declared conflict."""

    application_id: str
    reviewer_id: str
    conflict: bool = False
    reason: str = ""


@dataclass(frozen=True)
class RoundPairs:
    """What the rows are checked against: the round's applications and reviewers, its
    recorded conflicts (pair → reason) and the pairs that have a review with scores."""

    applications: Mapping[str, AssignApplication]
    reviewers: Mapping[str, AssignReviewer]
    conflicts: Mapping[tuple[str, str], str]
    scored: Collection[tuple[str, str]]


def read_assignments(paths: Sequence[Path], known: RoundPairs) -> list[AssignmentLine]:
    """Every row of ``paths``, validated whole; raises ``InvalidInputs`` listing every
    problem."""
    return check_assignments(paths, known).result()


def check_assignments(paths: Sequence[Path], known: RoundPairs) -> Reading[AssignmentLine]:
    """What :func:`read_assignments` reads, with every problem instead of raising."""
    reading: Reading[AssignmentLine] = Reading()
    seen: dict[tuple[str, str], Seen] = {}
    for table in read_tables(paths, SPEC, reading.errors, reading.tables):
        _read_rows(table, known, reading.errors, seen, reading.rows)
    return reading


def _read_rows(
    table: Table,
    known: RoundPairs,
    errors: ErrorList,
    seen: dict[tuple[str, str], Seen],
    result: list[AssignmentLine],
) -> None:
    columns = table.columns
    app_column, reviewer_column = columns["application_id"], columns["reviewer_id"]
    conflict_column = columns.get("conflict")
    reason_column = columns.get("reason")
    for row_number, row in table.data():
        before = len(errors.errors)
        app_id = values.nfc(values.text(cell(row, app_column)))
        reviewer_id = values.nfc(values.text(cell(row, reviewer_column)))

        def fail(
            key: str,
            column: Column | None = reviewer_column,
            at: int = row_number,
            **params: object,
        ) -> None:
            errors.add(InvalidInput(key, table.where(at, column), **params))

        conflict = False
        if conflict_column is not None:
            try:
                conflict = bool(values.flag(cell(row, conflict_column)))
            except BadValue as problem:
                add_bad_value(errors, table, row_number, conflict_column, problem)
        reason = values.text(cell(row, reason_column)) if reason_column is not None else ""
        if len(reason) > MAX_REASON:
            fail("import.too_long", reason_column, length=len(reason), max=MAX_REASON)
        application = known.applications.get(app_id)
        reviewer = known.reviewers.get(reviewer_id)
        if not app_id:
            fail("import.required", app_column)
        elif application is None:
            fail("import.unknown_application", app_column, id=app_id)
        if not reviewer_id:
            fail("import.required", reviewer_column)
        elif reviewer is None:
            fail("import.unknown_reviewer", reviewer_column, id=reviewer_id)
        pair = (app_id, reviewer_id)
        if app_id and reviewer_id:
            first = seen.get(pair)
            if first is not None:
                errors.add(
                    duplicate_error(
                        "assign.import.duplicate",
                        table,
                        row_number,
                        reviewer_column,
                        first,
                        application=app_id,
                        reviewer=reviewer_id,
                    )
                )
            else:
                seen[pair] = Seen(table.file, row_number)
        if application is not None and reviewer is not None:
            if conflict and pair in known.scored:
                fail(
                    "assign.import.conflict_scored",
                    conflict_column,
                    application=app_id,
                    reviewer=reviewer_id,
                )
            if not conflict:
                _check_assignable(application, reviewer, known, fail)
        if len(errors.errors) == before:
            result.append(AssignmentLine(app_id, reviewer_id, conflict, reason))


def _check_assignable(
    application: AssignApplication,
    reviewer: AssignReviewer,
    known: RoundPairs,
    fail: Callable[..., None],
) -> None:
    if application.track not in reviewer.tracks:
        fail(
            "assign.import.not_on_panel",
            reviewer=reviewer.id,
            application=application.id,
            track=application.track,
            tracks=", ".join(reviewer.tracks) or "-",
        )
    recorded = known.conflicts.get((application.id, reviewer.id))
    if recorded is not None:
        fail(
            "assign.import.conflicted",
            reviewer=reviewer.id,
            application=application.id,
            reason=recorded or "-",
        )
    elif same_organisation(application.company, reviewer.affiliation):
        fail(
            "assign.import.same_organisation",
            reviewer=reviewer.id,
            application=application.id,
            affiliation=reviewer.affiliation,
            company=application.company,
        )
