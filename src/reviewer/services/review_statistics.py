"""The reviewer statistics the window shows: per reviewer (overall and per track) the
count, mean, spread, severity with its 95% interval and outlier rate; per track ICC(2,1)
and Kendall's W with what they cover.

The totals are those of the newest selection run as it recorded them (the run the
selection view and the reports show); before any run, those of scoring the round's data
now. The same figures go into the workbook's statistics sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import parse_config
from reviewer.domain.digest import inputs_digest
from reviewer.domain.model import RoundData
from reviewer.domain.recorded import RecordedRun, with_scoring
from reviewer.domain.reviewer_statistics import ReviewerStatistics, reviewer_statistics
from reviewer.domain.robust import ROBUST_Z_THRESHOLD
from reviewer.domain.scoring import score_round
from reviewer.errors import ConfigError
from reviewer.store import repository, runs
from reviewer.store.engine import Database


@dataclass(frozen=True)
class Source:
    """Where the totals come from: the newest run (``run_id``, and whether the data
    changed since: ``stale``), or the data scored now (``run_id`` None)."""

    run_id: int | None
    created_at: datetime | None
    stale: bool


@dataclass(frozen=True)
class StatisticsView:
    source: Source
    tracks: tuple[tuple[str, str], ...]  # (id, name) in the round's order
    reviewer_names: dict[str, str]
    statistics: ReviewerStatistics


@dataclass(frozen=True)
class RecordedRound:
    """The round's data with its newest run (with the data-derived figures)."""

    data: RoundData
    run: RecordedRun | None
    source: Source
    config: RoundConfig | None = None  # the run's own configuration (None: the round's)


RUN_CONFIG_FILE = "round.toml"  # how errors in a run's recorded configuration name it


def recorded_round(database: Database) -> RecordedRound:
    """The data and the newest run, read in one unit of work."""
    with database.reading() as session:
        data = repository.load_round(session)
        row = runs.latest_run(session)
        run = runs.recorded_run(row) if row is not None else None
        run_id = row.id if row is not None else None
        run_toml = row.config_toml if row is not None else ""
    if run is None:
        return RecordedRound(data, None, Source(None, None, False))
    if not run.scoring:
        run = with_scoring(run, score_round(data))
    stale = run.digest != inputs_digest(data)
    config: RoundConfig | None = None
    if run_toml and run_toml != data.config.source:
        try:
            config = parse_config(run_toml, filename=RUN_CONFIG_FILE)
        except ConfigError:
            # a run recorded by an older program under rules since tightened: its
            # configuration differs from the round's, so the run is shown as stale, and
            # its figures are drawn against the round's configuration
            config = None
            stale = True
    return RecordedRound(data, run, Source(run_id, run.created_at, stale), config)


def statistics_of(
    round_: RecordedRound, threshold: float = ROBUST_Z_THRESHOLD
) -> ReviewerStatistics:
    data = round_.data
    scored = round_.run.applications if round_.run is not None else score_round(data)
    return reviewer_statistics(data, scored, threshold)


def review_statistics(database: Database, threshold: float = ROBUST_Z_THRESHOLD) -> StatisticsView:
    """The reviewer statistics of the round (module docstring)."""
    round_ = recorded_round(database)
    data = round_.data
    return StatisticsView(
        source=round_.source,
        tracks=tuple((t.id, t.name) for t in data.config.tracks),
        reviewer_names={r.id: r.name for r in data.reviewers},
        statistics=statistics_of(round_, threshold),
    )
