"""The figures of the charts view, from the newest selection run as it recorded them:
score distributions with the cutoff and selection lines, reviewer severity, quota gauges
and the score gaps of the quota displacements (:mod:`reviewer.domain.chart_data`)."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.domain.chart_data import ChartData, chart_data
from reviewer.services.review_statistics import Source, recorded_round, statistics_of
from reviewer.store.engine import Database


@dataclass(frozen=True)
class ChartsView:
    source: Source
    tracks: tuple[tuple[str, str], ...]  # (id, name) in the round's order
    charts: ChartData


def charts(database: Database) -> ChartsView | None:
    """The chart figures of the newest run; None before any selection run."""
    round_ = recorded_round(database)
    if round_.run is None:
        return None
    data = round_.data
    return ChartsView(
        source=round_.source,
        tracks=tuple((t.id, t.name) for t in (round_.config or data.config).tracks),
        charts=chart_data(data, round_.run, statistics_of(round_), config=round_.config),
    )
