"""The demo: a complete sample round, end to end, from real workbooks to reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reviewer.domain.config_toml import load_config
from reviewer.errors import RefusedByState
from reviewer.exchange.reports.pdf.proposal import write_proposal_pdfs
from reviewer.i18n import Lang, render
from reviewer.resources import template_path
from reviewer.sample.proposals import FOLDER
from reviewer.sample.round import write_demo_round
from reviewer.services import importing, rounds, selecting
from reviewer.services.assignments import import_assignments
from reviewer.services.attachments import import_attachments
from reviewer.services.exporting import export_reports
from reviewer.services.summary import summary_lines

MARKER = ".reviewer-demo"


def _claim(directory: Path) -> None:
    """Make sure ``directory`` is empty, new, or an earlier demo's: the demo replaces its
    own files but never a real round someone keeps there."""
    if directory.exists():
        existing = sorted(p.name for p in directory.iterdir())
        if existing and MARKER not in existing:
            raise RefusedByState(
                "demo.not_demo", directory=str(directory), files=", ".join(existing[:5])
            )
    directory.mkdir(parents=True, exist_ok=True)
    (directory / MARKER).write_text("reviewer demo\n", encoding="utf-8")


@dataclass(frozen=True)
class DemoOutcome:
    directory: Path
    database: Path
    summary: tuple[str, ...]
    reports: tuple[Path, ...]
    proposals: tuple[Path, int] | None = None  # the folder of proposal PDFs, how many

    def lines(self, lang: Lang) -> list[str]:
        return [
            render("demo.written", lang, directory=self.directory),
            render("demo.database", lang, path=self.database),
            *(
                [render("demo.proposals", lang, count=self.proposals[1], folder=self.proposals[0])]
                if self.proposals
                else []
            ),
            "",
            *self.summary,
            "",
            *(render("demo.output", lang, path=p) for p in self.reports),
        ]


def run_demo(
    directory: Path,
    *,
    applications: int = 1200,
    seed: int = 2025,
    lang: Lang = "ko",
    progress: Callable[[str, int, int], None] | None = None,
) -> DemoOutcome:
    """Write the sample workbooks and a proposal PDF per application (사업계획서/) into
    ``directory``, import them (applications, reviewers, assignments, scores, attachments)
    into a fresh round database there, run the selection
    and write the ranked PDF and the workbook."""
    _claim(directory)
    config = load_config(str(template_path()))
    files = write_demo_round(
        directory, config, applications=applications, seed=seed, proposals=True
    )
    database_path = directory / "round.db"
    for leftover in (
        database_path,
        database_path.with_name("round.db-wal"),
        database_path.with_name("round.db-shm"),
    ):
        leftover.unlink(missing_ok=True)
    rounds.init_round(database_path, files.config)
    with rounds.open_round(database_path) as database:
        importing.import_applications(database, list(files.applications))
        importing.import_reviewers(database, [files.reviewers])
        if files.assignments is not None:
            import_assignments(database, [files.assignments])
        importing.import_scores(database, list(files.scores))
        folder = write_proposal_pdfs(directory / FOLDER, files.proposals)
        attached = import_attachments(database, folder)
        run = selecting.run_selection(database, lang)
        suffix = "" if lang == "ko" else "-en"
        reports = export_reports(
            database,
            pdf=directory / f"ranking{suffix}.pdf",
            xlsx=directory / f"ranking{suffix}.xlsx",
            lang=lang,
            progress=progress,
        )
    return DemoOutcome(
        directory,
        database_path,
        tuple(summary_lines(run.document, lang)),
        tuple(reports),
        (folder, attached.matched),
    )
