"""Exporting the newest selection run: ranked PDF, workbook, individual score sheets."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

from reviewer.domain.chart_data import chart_data
from reviewer.domain.digest import inputs_digest
from reviewer.domain.model import RoundData
from reviewer.domain.recorded import RecordedRun, with_scoring
from reviewer.domain.reviewer_statistics import reviewer_statistics
from reviewer.domain.scoring import score_round
from reviewer.domain.statistics import review_statistics
from reviewer.errors import ExportCancelled, InvalidInput, RefusedByState
from reviewer.exchange.reports.context import ReportContext
from reviewer.exchange.reports.pdf.ranking import write_ranked_pdf
from reviewer.exchange.reports.score_sheets import write_score_sheets
from reviewer.exchange.reports.staging import Staging
from reviewer.exchange.reports.workbook.ranking import write_workbook
from reviewer.i18n import Lang
from reviewer.store import audit as audit_log
from reviewer.store import repository, runs
from reviewer.store.engine import Database

Progress = Callable[[str, int, int], None]


def export_reports(
    database: Database,
    *,
    pdf: Path | None = None,
    xlsx: Path | None = None,
    sheets: Path | None = None,
    lang: Lang = "ko",
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write the requested reports of the newest run, as it was recorded: its finals,
    ranks, statuses, reasons, quota report and ties are printed, never selected again.
    A run is current when its digest is that of the round's data now; a missing or
    stale run is refused.

    The reports are written to temporaries and put in place together once all are
    written (:class:`~reviewer.exchange.reports.staging.Staging`): a failed export, or
    one cancelled — ``cancel()`` is asked at every progress step and raises
    :class:`~reviewer.errors.ExportCancelled` once it is true — writes no file and
    leaves the files of an earlier export as they were."""
    if pdf is None and xlsx is None and sheets is None:
        raise InvalidInput("export.no_output")

    def check() -> None:
        if cancel is not None and cancel():
            raise ExportCancelled

    check()
    with database.reading() as session:
        data = repository.load_round(session)
        run = runs.latest_run(session)
        if run is None:
            raise RefusedByState("export.no_run")
        if inputs_digest(data) != run.digest:
            raise RefusedByState("export.stale")
        run_id = run.id
        try:
            recorded = runs.recorded_run(run)
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise RefusedByState("export.unreadable_run", run=str(run_id)) from exc
    recorded = _with_scoring(recorded, data)  # the statistics and charts read its totals
    context = ReportContext(
        data=data,
        run=recorded,
        statistics=review_statistics(data, recorded.applications),
        charts=chart_data(data, recorded, reviewer_statistics(data, recorded.applications)),
    )

    def step(label: str) -> Callable[[int, int], None] | None:
        if progress is None and cancel is None:
            return None

        def inner(done: int, total: int) -> None:
            check()
            if progress is not None:
                progress(label, done, total)

        return inner

    with Staging() as staging:
        try:
            if pdf is not None:
                check()
                write_ranked_pdf(staging.file(pdf), context, lang, step("PDF"))
            if xlsx is not None:
                check()
                write_workbook(staging.file(xlsx), context, lang, step("XLSX"))
            if sheets is not None:
                check()
                write_score_sheets(staging.folder(sheets), context, lang, step("sheets"))
            check()
            written = staging.commit()
        except OSError as exc:
            where = staging.destination_of(exc.filename) if exc.filename else None
            raise _write_error(exc, where) from exc
    try:
        with database.session() as session:
            audit_log.audit(session, "export", str(run_id), files=[str(p) for p in written])
    except RefusedByState as exc:  # busy: the reports stand, and the message says so
        raise RefusedByState(
            "export.written_unaudited", files=", ".join(str(p) for p in written)
        ) from exc
    return written


def _write_error(error: OSError, path: Path | None) -> InvalidInput:
    """The message for a report that could not be written: a missing folder and a
    refused permission said in words; other errors with the system's text."""
    if path is not None and isinstance(error, FileNotFoundError) and not path.parent.is_dir():
        return InvalidInput("export.no_folder", folder=str(path.parent))
    if path is not None and (
        isinstance(error, PermissionError) or error.errno in (errno.EROFS, errno.EACCES)
    ):
        return InvalidInput("export.not_writable", path=str(path))
    return InvalidInput(
        "export.write_failed", path=str(path or ""), error=error.strerror or str(error)
    )


def _with_scoring(run: RecordedRun, data: RoundData) -> RecordedRun:
    """A run recorded by an older program lacks the data-derived figures (reviewer
    totals, criterion means) the workbook and the statistics show: they are taken from
    scoring the same data — the digest matches — where that gives the recorded final."""
    if run.scoring:
        return run
    return with_scoring(run, score_round(data))
