"""Importing reviewers' scores from .xlsx/.csv files (DESIGN §5).

Two layouts are read, told apart by their headers: *wide*, one row per application ×
reviewer with one column per criterion (header = the criterion's id or name), and
*long*, one row per criterion score with 평가항목/criterion and 점수/score columns.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from reviewer.domain.config import RoundConfig
from reviewer.domain.model import Review
from reviewer.exchange.importers.score_checks import ScoreImport
from reviewer.exchange.importers.scores_long import read_long
from reviewer.exchange.importers.scores_wide import read_wide
from reviewer.exchange.tables.reader import Field, Reading, TableMatch, TableSpec, read_tables

SPEC = TableSpec(
    sheet_names=("점수", "평가", "평가점수", "심사점수", "채점", "scores", "score", "평가표"),
    fields=(
        Field(
            "application_id",
            (
                "과제번호",
                "접수번호",
                "과제ID",
                "신청번호",
                "application_id",
                "application id",
                "app_id",
            ),
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
        Field("criterion", ("평가항목", "평가지표", "항목", "criterion", "criterion_id")),
        Field("score", ("점수", "평점", "score")),
        Field(
            "comment", ("의견", "심사의견", "평가의견", "종합의견", "코멘트", "comment", "comments")
        ),
        Field(
            "conflict",
            (
                "이해충돌",
                "이해충돌여부",
                "회피",
                "회피여부",
                "제척",
                "conflict",
                "conflict_of_interest",
                "coi",
                "recused",
            ),
        ),
        Field("conflict_reason", ("사유", "이해충돌사유", "회피사유", "conflict_reason", "reason")),
    ),
)


def read_scores(
    paths: Sequence[Path],
    config: RoundConfig,
    applications: Mapping[str, str],
    reviewers: Collection[str],
    assignments: Collection[tuple[str, str]] | None,
) -> list[Review]:
    """Every review of ``paths``, validated whole; raises ``InvalidInputs`` listing every
    problem, so nothing half-valid is returned.

    ``applications`` maps each application id known to the round to its track id;
    ``reviewers`` are the round's reviewer ids; ``assignments`` the (application id,
    reviewer id) pairs the round assigned, or None / empty when it assigns none.
    """
    return check_scores(paths, config, applications, reviewers, assignments).result()


def check_scores(
    paths: Sequence[Path],
    config: RoundConfig,
    applications: Mapping[str, str],
    reviewers: Collection[str],
    assignments: Collection[tuple[str, str]] | None,
) -> Reading[Review]:
    """What :func:`read_scores` reads, with every problem instead of raising."""
    state = ScoreImport(config, applications, reviewers, assignments)
    matches: list[TableMatch] = []
    for table in read_tables(paths, SPEC, state.errors, matches):
        if "criterion" in table.columns and "score" in table.columns:
            read_long(table, state)
        else:
            read_wide(table, state)
    return Reading(state.reviews, state.errors, matches)
