"""A complete sample round as a committee secretariat would have it on disk.

``write_demo_round`` writes the round's ``round.toml``, the applications workbook
(신청과제.xlsx, with a title row above the header), the reviewers workbook (심사위원.xlsx),
the assignments workbook (배정.xlsx: every application × reviewer pair the scores come
from, conflicts of interest included, since those reviewers were assigned and then
recused on their score sheets) and one wide score workbook per track (점수_<track>.xlsx;
one track as a CP949 CSV, the way Korean Excel saves it). The same seed always gives the
same cell values.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reviewer.domain.config import Criterion, RoundConfig
from reviewer.sample.proposals import Proposal, proposal
from reviewer.sample.rows import (
    DemoApplication,
    DemoReview,
    DemoReviewer,
    DemoRound,
    Shape,
    generate,
)

__all__ = [
    "APPLICATION_HEADERS",
    "ASSIGNMENT_HEADERS",
    "REVIEWER_HEADERS",
    "DemoFiles",
    "score_headers",
    "write_applications_workbook",
    "write_assignments_workbook",
    "write_demo_round",
    "write_reviewers_workbook",
    "write_scores_csv",
    "write_scores_workbook",
]

APPLICATION_HEADERS: tuple[str, ...] = (
    "과제번호",
    "사업유형",
    "과제명",
    "기업명",
    "사업자등록번호",
    "AI구분",
    "기술분야",
    "신청금액",
    "소재지",
    "가점",
    "감점",
    "투자확약",
    "기보보증",
    "담당자 연락처",
)
_APPLICATION_WIDTHS = (12, 30, 58, 26, 15, 8, 10, 16, 24, 6, 6, 9, 9, 16)
REVIEWER_HEADERS: tuple[str, ...] = ("심사위원ID", "성명", "소속", "담당트랙", "이메일")
_REVIEWER_WIDTHS = (12, 10, 36, 24, 30)
ASSIGNMENT_HEADERS: tuple[str, ...] = ("과제번호", "과제명", "심사위원ID", "심사위원명")
_ASSIGNMENT_WIDTHS = (12, 58, 12, 10)
AI_LABELS: Mapping[str, str] = {"AI": "AI", "AI+X": "AI+X", "none": "일반"}
CSV_TRACK = "weak-tech"  # the track whose scores come as a CP949 CSV, when the round has it

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TITLE_FONT = Font(bold=True, size=14)
_CENTER = Alignment(horizontal="center", vertical="center")


@dataclass(frozen=True)
class DemoFiles:
    """The files of a sample round, in the order they are imported."""

    config: Path
    applications: tuple[Path, ...]
    reviewers: Path
    scores: tuple[Path, ...]
    assignments: Path | None = None  # imported after the reviewers, before the scores
    proposals: tuple[Proposal, ...] = ()  # the applications' proposals, when asked for


def write_demo_round(
    directory: Path,
    config: RoundConfig,
    *,
    applications: int = 1200,
    seed: int = 2025,
    proposals: bool = False,
) -> DemoFiles:
    """Write a sample round for ``config`` into ``directory`` (created if missing);
    with ``proposals``, the text of a proposal per application comes with the files
    (a PDF writer lays them out)."""
    if not config.source.strip():
        raise ValueError("the configuration has no TOML source to write as round.toml")
    if applications < 1:
        raise ValueError("a sample round needs at least one application")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    data = generate(config, Shape(applications=applications), random.Random(seed))

    config_path = directory / "round.toml"
    config_path.write_text(config.source, encoding="utf-8")
    applications_path = directory / "신청과제.xlsx"
    write_applications_workbook(
        applications_path, data.applications, title=f"{config.year} 서울형 R&D 신청 과제 목록"
    )
    reviewers_path = directory / "심사위원.xlsx"
    write_reviewers_workbook(reviewers_path, data.reviewers)
    assignments_path = directory / "배정.xlsx"
    write_assignments_workbook(assignments_path, data)

    csv_track = CSV_TRACK if len(config.tracks) > 1 else None
    if csv_track is not None and config.track(csv_track) is None:
        csv_track = config.tracks[-1].id
    track_of = {a.id: a.track for a in data.applications}
    scores: list[Path] = []
    for track in config.tracks:
        rows = [r for r in data.reviews if track_of[r.application_id] == track.id]
        if not rows:  # a track without applications (no seats) has no score file
            continue
        stem = f"점수_{_file_safe(track.id)}"
        if track.id == csv_track:
            path = directory / f"{stem}.csv"
            write_scores_csv(path, rows, track.criteria, data)
        else:
            path = directory / f"{stem}.xlsx"
            write_scores_workbook(path, rows, track.criteria, data)
        scores.append(path)
    texts = tuple(proposal(a, seed=seed) for a in data.applications) if proposals else ()
    return DemoFiles(
        config=config_path,
        applications=(applications_path,),
        reviewers=reviewers_path,
        scores=tuple(scores),
        assignments=assignments_path,
        proposals=texts,
    )


def _file_safe(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text)


# -- workbooks ----------------------------------------------------------------------------


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _header(ws: Any, headers: Sequence[str]) -> list[WriteOnlyCell]:
    cells = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _CENTER
        cells.append(cell)
    return cells


def _sheet(wb: Workbook, title: str, widths: Sequence[float], freeze: str) -> Any:
    ws = wb.create_sheet(title)
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = freeze
    return ws


def application_row(application: DemoApplication) -> list[Any]:
    return [
        application.id,
        application.track_name,
        application.title,
        application.company,
        application.business_no,
        AI_LABELS[application.ai],
        application.field,
        application.amount_cell,
        application.region,
        _number(application.bonus),
        _number(application.penalty),
        application.investment or None,
        application.guarantee or None,
        application.contact,
    ]


def write_applications_workbook(
    path: Path, applications: Iterable[DemoApplication], *, title: str
) -> None:
    """신청과제: a title row, a blank row, the header row, one row per application."""
    wb = Workbook(write_only=True)
    ws = _sheet(wb, "신청과제", _APPLICATION_WIDTHS, "A4")
    heading = WriteOnlyCell(ws, value=title)
    heading.font = _TITLE_FONT
    ws.append([heading])
    ws.append([None])
    ws.append(_header(ws, APPLICATION_HEADERS))
    for application in applications:
        ws.append(application_row(application))
    wb.save(path)


def write_reviewers_workbook(path: Path, reviewers: Iterable[DemoReviewer]) -> None:
    wb = Workbook(write_only=True)
    ws = _sheet(wb, "심사위원", _REVIEWER_WIDTHS, "A2")
    ws.append(_header(ws, REVIEWER_HEADERS))
    for reviewer in reviewers:
        ws.append(
            [
                reviewer.id,
                reviewer.name,
                reviewer.affiliation,
                ", ".join(reviewer.tracks),
                reviewer.email,
            ]
        )
    wb.save(path)


def write_assignments_workbook(path: Path, data: DemoRound) -> None:
    """The sheet 배정: a row per application × reviewer that has a review."""
    titles = {a.id: a.title for a in data.applications}
    names = {r.id: r.name for r in data.reviewers}
    wb = Workbook(write_only=True)
    ws = _sheet(wb, "배정", _ASSIGNMENT_WIDTHS, "A2")
    ws.append(_header(ws, ASSIGNMENT_HEADERS))
    for app_id, reviewer_id in sorted({(r.application_id, r.reviewer_id) for r in data.reviews}):
        ws.append([app_id, titles[app_id], reviewer_id, names[reviewer_id]])
    wb.save(path)


def score_headers(criteria: Sequence[Criterion]) -> list[str]:
    return [
        "과제번호",
        "과제명",
        "심사위원ID",
        "심사위원명",
        *(c.name for c in criteria),
        "합계",
        "의견",
        "이해충돌",
    ]


def _score_rows(reviews: Iterable[DemoReview], data: DemoRound) -> Iterator[list[Any]]:
    applications = {a.id: a for a in data.applications}
    reviewers = {r.id: r for r in data.reviewers}
    for review in reviews:
        application = applications[review.application_id]
        reviewer = reviewers[review.reviewer_id]
        scores = [v if isinstance(v, str) else _number(v) for v in review.scores]
        yield [
            application.id,
            application.title,
            reviewer.id,
            reviewer.name,
            *scores,
            _number(review.total),
            review.comment or None,
            "Y" if review.conflict else None,
        ]


def write_scores_workbook(
    path: Path, reviews: Iterable[DemoReview], criteria: Sequence[Criterion], data: DemoRound
) -> None:
    """One wide score sheet 점수: a row per application × reviewer."""
    headers = score_headers(criteria)
    widths = [12, 40, 11, 10, *(max(8, len(c.name) * 2 + 2) for c in criteria), 8, 44, 9]
    wb = Workbook(write_only=True)
    ws = _sheet(wb, "점수", widths, "E2")
    ws.append(_header(ws, headers))
    for row in _score_rows(reviews, data):
        ws.append(row)
    wb.save(path)


def write_scores_csv(
    path: Path, reviews: Iterable[DemoReview], criteria: Sequence[Criterion], data: DemoRound
) -> None:
    """The same table as a CSV in CP949, as Korean Excel saves one."""
    with open(path, "w", encoding="cp949", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(score_headers(criteria))
        for row in _score_rows(reviews, data):
            writer.writerow(["" if v is None else v for v in row])
