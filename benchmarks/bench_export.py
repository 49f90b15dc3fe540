"""Time the report exports on a synthetic round.

    python benchmarks/bench_export.py [--applications 10000] [--out DIR] [--sheets]

Builds a synthetic round of the Seoul 2025 template (the demo generator), scores and
selects it, then writes the ranked PDF (Korean), the workbook and, with ``--sheets``,
the individual score sheets, printing the time of each stage and the size of each file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import load_config
from reviewer.domain.digest import inputs_digest
from reviewer.domain.evaluate import evaluate
from reviewer.domain.model import Application, Review, Reviewer, RoundData
from reviewer.domain.recorded import record
from reviewer.domain.recorded_json import read_run, record_document
from reviewer.domain.statistics import review_statistics
from reviewer.exchange.reports.context import ReportContext
from reviewer.exchange.reports.pdf.ranking import write_ranked_pdf
from reviewer.exchange.reports.score_sheets import write_score_sheets
from reviewer.exchange.reports.workbook.ranking import write_workbook
from reviewer.resources import template_path
from reviewer.sample.rows import DemoRound, Shape, generate


def round_data(applications: int, seed: int = 2025) -> RoundData:
    """A synthetic round of the Seoul 2025 template with ``applications`` applications."""
    config = load_config(str(template_path()))
    demo = generate(config, Shape(applications=applications), random.Random(seed))
    return to_round_data(config, demo)


def to_round_data(config: RoundConfig, demo: DemoRound) -> RoundData:
    """The demo generator's rows as the domain's data (what the importers would build)."""
    tracks = {t.id: t for t in config.tracks}
    apps = tuple(
        Application(
            id=a.id,
            track=a.track,
            title=a.title,
            company=a.company,
            ai_category=a.ai,
            amount=a.amount,
            business_no=a.business_no,
            field=a.field,
            region=a.region,
            bonus=a.bonus or 0.0,
            penalty=a.penalty or 0.0,
            investment_commitment=None if not a.investment else a.investment == "Y",
            guarantee=None if not a.guarantee else a.guarantee == "Y",
        )
        for a in demo.applications
    )
    track_of = {a.id: a.track for a in demo.applications}
    reviews = []
    for r in demo.reviews:
        criteria = tracks[track_of[r.application_id]].criteria
        scores = (
            {}
            if r.conflict
            else {c.id: v for c, v in zip(criteria, r.scores, strict=True) if v is not None}
        )
        reviews.append(
            Review(
                r.application_id,
                r.reviewer_id,
                scores,
                r.comment or "",
                r.conflict,
                r.comment if r.conflict else "",
            )
        )
    reviewers = tuple(
        Reviewer(r.id, r.name, r.affiliation, r.tracks, r.email) for r in demo.reviewers
    )
    return RoundData(config=config, applications=apps, reviewers=reviewers, reviews=tuple(reviews))


def build_context(data: RoundData) -> ReportContext:
    """Score and select, record the run (through its JSON, as a selection stores it and
    an export reads it back), and compute the statistics."""
    run_at = datetime(2025, 5, 20, 14, 30)
    run = record(data, evaluate(data), digest=inputs_digest(data), created_at=run_at)
    document = json.loads(json.dumps({"record": record_document(run)}))
    run = read_run(document, digest=run.digest, created_at=run_at)
    return ReportContext(data=data, run=run, statistics=review_statistics(data, run.applications))


@contextmanager
def timed(label: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    print(f"{label:<28}{time.perf_counter() - start:8.2f} s", flush=True)


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--sheets", action="store_true", help="also write the score sheets")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-export-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"{args.applications} applications → {out}")
    with timed("synthetic data"):
        data = round_data(args.applications)
    print(f"  {len(data.reviews)} reviews, {len(data.reviewers)} reviewers")
    with timed("score, select, record"):
        context = build_context(data)
    ticks: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        ticks.append((done, total))

    pdf, xlsx = out / "ranking.pdf", out / "ranking.xlsx"
    with timed("ranked PDF"):
        write_ranked_pdf(pdf, context, "ko", progress)
    print(f"  {_size(pdf)}, {len(ticks)} progress calls")
    with timed("workbook"):
        write_workbook(xlsx, context, "ko", progress)
    print(f"  {_size(xlsx)}")
    if args.sheets:
        with timed("score sheets"):
            files = write_score_sheets(out / "sheets", context, "ko", progress)
        print(f"  {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
