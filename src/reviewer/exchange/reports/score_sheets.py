"""Individual score sheets (개인별 평가표, DESIGN §7): per reviewer a PDF with one page per
application, and an .xlsx score form to fill in Excel or LibreOffice and import back.

The form's sheet 점수 has a few title rows, then a header row the score import reads
(wide layout: application id, title, reviewer id, one column per criterion headed by
its name, comment, conflict, conflict reason). Identifying cells are locked and the
sheet is protected; score cells are unlocked, with data validation of each criterion's
range (or its grades). When applications of different tracks use different rubrics the
form has the union of their criteria, and a criterion outside an application's rubric
is greyed and locked on its row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from reviewer.domain.config import Criterion, Track
from reviewer.domain.model import Application, Review, Reviewer, RoundData
from reviewer.exchange.reports.context import (
    Progress,
    ReportContext,
    atomic_output,
    criterion_scale,
    unique_filenames,
)
from reviewer.exchange.reports.pdf.layout import make_styles
from reviewer.exchange.reports.pdf.sheets import write_reviewer_pdf
from reviewer.exchange.reports.workbook.cells import cell_text, is_risky, print_setup
from reviewer.i18n import normalise_lang, render

SHEET = "점수"
HEADER_ROW = 6
INPUT_FILL = PatternFill("solid", fgColor="FFF9DB")
LOCKED_FILL = PatternFill("solid", fgColor="D9D9D9")
HEADER_FILL = PatternFill("solid", fgColor="D9E2EC")
THIN = Side(style="thin", color="9AA5B1")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)
CENTRED = Alignment(horizontal="center")


class _Formats:
    """The form's few cell formats, each made once per workbook and then copied to every
    cell that has it: openpyxl looks a style up by hashing it on every assignment, which
    was most of the time a form took. (A cell's ``_style`` is the index array openpyxl
    itself copies between cells; formats are keyed by the identity of the constants.)"""

    def __init__(self) -> None:
        self._made: dict[tuple[int, ...], Any] = {}

    def apply(
        self,
        cell: Any,
        *,
        fill: PatternFill | None = None,
        protection: Protection | None = None,
        alignment: Alignment | None = None,
    ) -> Any:
        key = (id(fill), id(protection), id(alignment))
        made = self._made.get(key)
        if made is not None:
            cell._style = copy(made)
            return cell
        cell.border = GRID
        if fill is not None:
            cell.fill = fill
        if protection is not None:
            cell.protection = protection
        if alignment is not None:
            cell.alignment = alignment
        self._made[key] = copy(cell._style)
        return cell


@dataclass
class _Index:
    """The round's rows looked up by reviewer, built once for all reviewers."""

    data: RoundData
    applications: dict[str, Application] = field(default_factory=dict)
    reviews: dict[str, dict[str, Review]] = field(default_factory=lambda: defaultdict(dict))
    assigned: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def __post_init__(self) -> None:
        self.applications = {app.id: app for app in self.data.applications}
        for review in self.data.reviews:
            self.reviews[review.reviewer_id][review.application_id] = review
        for app_id, reviewer_id in self.data.assignments:
            self.assigned[reviewer_id].add(app_id)

    def applications_of(self, reviewer: Reviewer | None, reviewer_id: str) -> list[Application]:
        """The applications on a reviewer's sheets: assigned or already scored. In a round
        without assignments, the scored ones, or before any scoring those of the
        reviewer's tracks (every application when the reviewer has no tracks)."""
        ids = set(self.reviews.get(reviewer_id, {}))
        if self.data.assignments:
            ids |= self.assigned.get(reviewer_id, set())
        elif not ids and reviewer is not None and reviewer.tracks:
            ids = {app.id for app in self.data.applications if app.track in reviewer.tracks}
        elif not ids:
            ids = set(self.applications)
        order = {track.id: index for index, track in enumerate(self.data.config.tracks)}
        chosen = [self.applications[i] for i in ids if i in self.applications]
        return sorted(chosen, key=lambda app: (order.get(app.track, len(order)), app.id))


def write_score_sheets(
    directory: Path, context: ReportContext, lang: str = "ko", progress: Progress | None = None
) -> list[Path]:
    """Write every reviewer's PDF sheet (``<id>_평가표.pdf``) and score form
    (``<id>_평가양식.xlsx``) into ``directory``; returns the files written. An id that is
    not a safe file name, or equals another but for case, is named with a short hash of
    it (:func:`~reviewer.exchange.reports.context.unique_filenames`)."""
    language = normalise_lang(lang)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    index = _Index(context.data)
    styles = make_styles()
    reviewers = context.data.reviewers
    written: list[Path] = []
    total = len(reviewers)
    names = unique_filenames(r.id for r in reviewers)
    if progress is not None:
        progress(0, total)
    for done, reviewer in enumerate(reviewers, start=1):
        name = names[reviewer.id]
        applications = index.applications_of(reviewer, reviewer.id)
        reviews = index.reviews.get(reviewer.id, {})
        pdf = directory / f"{name}_평가표.pdf"
        write_reviewer_pdf(pdf, context, reviewer, applications, reviews, styles, language)
        form = directory / f"{name}_평가양식.xlsx"
        _write_form(form, context.data, reviewer, reviewer.id, applications, reviews, language)
        written += [pdf, form]
        if progress is not None:
            progress(done, total)
    return written


def write_score_form(path: Path, data: RoundData, reviewer_id: str, lang: str = "ko") -> None:
    """Write one reviewer's .xlsx score form, prefilled with the scores already given."""
    index = _Index(data)
    reviewer = next((r for r in data.reviewers if r.id == reviewer_id), None)
    _write_form(
        Path(path),
        data,
        reviewer,
        reviewer_id,
        index.applications_of(reviewer, reviewer_id),
        index.reviews.get(reviewer_id, {}),
        normalise_lang(lang),
    )


# -- the form ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    """A criterion column: its header (the criterion's name) and, per track, the
    criterion of that track's rubric it stands for."""

    header: str
    by_track: Mapping[str, Criterion]


def form_columns(tracks: Sequence[Track]) -> list[_Column]:
    """One column per criterion name over the rubrics of ``tracks`` (in order)."""
    columns: dict[str, dict[str, Criterion]] = {}
    for track in tracks:
        for criterion in track.criteria:
            columns.setdefault(criterion.name, {})[track.id] = criterion
    return [_Column(name, by_track) for name, by_track in columns.items()]


def _write_form(
    path: Path,
    data: RoundData,
    reviewer: Reviewer | None,
    reviewer_id: str,
    applications: Sequence[Application],
    reviews: Mapping[str, Review],
    lang: str,
) -> None:
    config = data.config
    used = {app.track for app in applications}
    tracks = [t for t in config.tracks if t.id in used] or list(config.tracks)
    columns = form_columns(tracks)
    t = _Texts(lang)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    criteria_start = 5
    headers = [
        t("report.form.col.id"),
        t("report.form.col.title"),
        t("report.form.col.company"),
        t("report.form.col.reviewer_id"),
        *(c.header for c in columns),
        t("report.form.col.comment"),
        t("report.form.col.conflict"),
        t("report.form.col.conflict_reason"),
    ]
    comment_col = criteria_start + len(columns)
    widths = [12, 40, 22, 11, *([11] * len(columns)), 50, 9, 24]
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width

    who = reviewer_id if reviewer is None else f"{reviewer.name} ({reviewer_id})"
    if reviewer is not None and reviewer.affiliation:
        who += f" · {reviewer.affiliation}"
    _text(sheet.cell(1, 1), f"{config.name} — {t('report.form.title')}").font = Font(
        bold=True, size=14
    )
    _text(sheet.cell(2, 1), t("report.form.reviewer", reviewer=who)).font = Font(bold=True)
    _text(sheet.cell(3, 1), t("report.form.instructions"))
    scales = " · ".join(
        f"{c.header}: "
        + " / ".join(sorted({criterion_scale(crit, lang) for crit in c.by_track.values()}))
        for c in columns
    )
    _text(sheet.cell(4, 1), t("report.form.scales", scales=scales))

    for number, header in enumerate(headers, start=1):
        cell = _text(sheet.cell(HEADER_ROW, number), header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = GRID
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    validations = _Validations(sheet, t)
    formats = _Formats()  # each cell's format first: a text's quote prefix goes on top
    track_of = {track.id: track for track in config.tracks}
    for offset, app in enumerate(applications, start=1):
        row = HEADER_ROW + offset
        review = reviews.get(app.id)
        for number, value in enumerate((app.id, app.title, app.company, reviewer_id), start=1):
            _text(formats.apply(sheet.cell(row, number), protection=LOCKED), value)
        track = track_of.get(app.track)
        for number, column in enumerate(columns, start=criteria_start):
            cell = sheet.cell(row, number)
            criterion = column.by_track.get(app.track) if track is not None else None
            if criterion is None:
                formats.apply(cell, fill=LOCKED_FILL, protection=LOCKED)
                continue
            formats.apply(cell, fill=INPUT_FILL, protection=UNLOCKED, alignment=CENTRED)
            validations.add(criterion, row, number)
            if review is not None and not review.conflict:
                raw = review.scores.get(criterion.id)
                if isinstance(raw, str):
                    _text(cell, raw)
                elif raw is not None:
                    cell.value = raw
        comment, conflict, reason = (comment_col, comment_col + 1, comment_col + 2)
        formats.apply(sheet.cell(row, comment), fill=INPUT_FILL, protection=UNLOCKED)
        formats.apply(
            sheet.cell(row, conflict), fill=INPUT_FILL, protection=UNLOCKED, alignment=CENTRED
        )
        formats.apply(sheet.cell(row, reason), fill=INPUT_FILL, protection=UNLOCKED)
        validations.conflict(row, conflict)
        if review is not None:
            if review.comment:
                _text(sheet.cell(row, comment), review.comment)
            _text(sheet.cell(row, conflict), "Y" if review.conflict else "N")
            if review.conflict:
                _text(sheet.cell(row, reason), review.conflict_reason or review.comment)
    validations.finish()
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, criteria_start).coordinate
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    print_setup(sheet, config.name, sheet.title)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # the reviewer may widen columns and rows
    sheet.protection.formatRows = False
    _criteria_sheet(book, tracks, t, config.name)
    with atomic_output(path) as temp:
        book.save(temp)


def _text(cell: Any, value: str) -> Any:
    """Store ``value`` as text, never as a formula (a title may start with "=")."""
    value = cell_text(value)
    cell.value = value
    cell.data_type = "s"
    if is_risky(value):
        cell.quotePrefix = True
    return cell


class _Texts:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **params: Any) -> str:
        return render(key, self.lang, **params)


class _Validations:
    """One data validation per criterion scale (cells added as rows are written). The
    cells are kept per validation and given to it at the end as column runs (``E7:E96``):
    openpyxl's own ``add`` compares each new cell with every range already held."""

    def __init__(self, sheet: Any, t: _Texts) -> None:
        self.sheet = sheet
        self.t = t
        self.by_scale: dict[tuple[Any, ...], DataValidation | None] = {}
        self.cells: dict[int, tuple[DataValidation, list[tuple[int, int]]]] = {}
        self.flag = DataValidation(
            type="list",
            formula1='"Y,N"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=t("report.form.bad_title"),
            error=t("report.form.bad_conflict"),
        )
        sheet.add_data_validation(self.flag)

    def add(self, criterion: Criterion, row: int, column: int) -> None:
        key: tuple[Any, ...] = (
            criterion.name,
            tuple(criterion.grades) if criterion.grades else None,
            criterion.min,
            criterion.max,
        )
        if key not in self.by_scale:
            self.by_scale[key] = self._make(criterion)
        validation = self.by_scale[key]
        if validation is not None:
            self._hold(validation, row, column)

    def _hold(self, validation: DataValidation, row: int, column: int) -> None:
        held = self.cells.get(id(validation))
        if held is None:
            held = self.cells[id(validation)] = (validation, [])
        held[1].append((column, row))

    def finish(self) -> None:
        """Give every validation its cells, as runs of consecutive rows per column."""
        for validation, cells in self.cells.values():
            ranges: list[str] = []
            for column, rows in groupby(sorted(cells), key=lambda cell: cell[0]):
                letter = get_column_letter(column)
                numbers = [row for _, row in rows]
                start = previous = numbers[0]
                for row in [*numbers[1:], None]:
                    if row is not None and row == previous + 1:
                        previous = row
                        continue
                    ranges.append(
                        f"{letter}{start}"
                        if start == previous
                        else f"{letter}{start}:{letter}{previous}"
                    )
                    if row is not None:
                        start = previous = row
            validation.sqref = MultiCellRange(" ".join(ranges))

    def _make(self, criterion: Criterion) -> DataValidation | None:
        t = self.t
        scale = criterion_scale(criterion, t.lang)
        common: dict[str, Any] = {
            "allow_blank": True,
            "showErrorMessage": True,
            "showInputMessage": True,
            "errorTitle": t("report.form.bad_title"),
            "error": t("report.form.bad_score", criterion=criterion.name, scale=scale),
            "promptTitle": criterion.name[:32],
            "prompt": scale[:255],
        }
        if criterion.grades is not None:
            grades = list(criterion.grades)
            listed = ",".join(grades)
            if any("," in g or '"' in g for g in grades) or len(listed) > 250:
                return None
            validation = DataValidation(type="list", formula1=f'"{listed}"', **common)
        else:
            validation = DataValidation(
                type="decimal",
                operator="between",
                formula1=f"{criterion.min:g}",
                formula2=f"{criterion.max:g}",
                **common,
            )
        self.sheet.add_data_validation(validation)
        return validation

    def conflict(self, row: int, column: int) -> None:
        self._hold(self.flag, row, column)


def _criteria_sheet(book: Workbook, tracks: Sequence[Track], t: _Texts, round_name: str) -> None:
    """A reference sheet: every criterion with its weight, scale and tracks."""
    sheet = book.create_sheet(t("report.form.criteria_sheet"))
    sheet.print_title_rows = "1:1"
    print_setup(sheet, round_name, sheet.title)
    headers = [
        t("report.sheet_pdf.criterion"),
        "ID",
        t("report.sheet_pdf.weight"),
        t("report.sheet_pdf.scale"),
        t("report.col.track"),
    ]
    for number, (header, width) in enumerate(
        zip(headers, (18, 12, 8, 40, 40), strict=True), start=1
    ):
        cell = _text(sheet.cell(1, number), header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(number)].width = width
    row = 2
    seen: dict[tuple[str, str, float, str], list[str]] = {}
    for track in tracks:
        for criterion in track.criteria:
            key = (
                criterion.name,
                criterion.id,
                criterion.weight,
                criterion_scale(criterion, t.lang),
            )
            seen.setdefault(key, []).append(track.id)
    for (name, cid, weight, scale), track_ids in seen.items():
        _text(sheet.cell(row, 1), name)
        _text(sheet.cell(row, 2), cid)
        sheet.cell(row, 3).value = weight
        _text(sheet.cell(row, 4), scale)
        _text(sheet.cell(row, 5), ", ".join(track_ids))
        row += 1
    sheet.protection.sheet = True
