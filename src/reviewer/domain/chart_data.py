"""The figures behind the charts of a recorded run, computed once for the window and the
reports alike (they only draw them):

* per track, the distribution of the ranked applications' finals in bins of
  ``bin_size`` points, each bin split into selected, passed but not selected, below
  the cutoff and failing a criterion floor (과락: a final at or above the cutoff that
  failed only because a criterion mean is below the floor; one below the cutoff counts
  as below the cutoff), with the cutoff and the *selection line* (the lowest selected
  final);
* reviewer severity with its interval (from :mod:`reviewer.domain.reviewer_statistics`);
* per quota constraint the required and the achieved count;
* per quota displacement the score gap between the displaced application and the one
  selected by the quota in its place, as the run's explanations recorded it.

The cutoff and the tracks are those of the run's own configuration (``config``; the
round's current one only when the run recorded none), and a track's size is the number
of applications the run recorded in it: a chart of a recorded run never mixes in a
setting changed since. Bins are computed in decimal arithmetic on the recorded
(rounded) finals, so a final on a bin edge always falls in the bin that starts there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from reviewer.domain.config import RoundConfig
from reviewer.domain.model import RoundData, Status
from reviewer.domain.recorded import RecordedApplication, RecordedRun
from reviewer.domain.reviewer_statistics import ReviewerFigures, ReviewerStatistics

BIN_SIZE = Decimal(5)


@dataclass(frozen=True)
class ScoreBin:
    """The finals ``low ≤ final < high`` of a track, by what became of them."""

    low: Decimal
    high: Decimal
    selected: int
    passed: int  # at or above the cutoff, not selected
    below: int  # below the cutoff
    floor: int = 0  # at or above the cutoff, failing a criterion floor

    @property
    def count(self) -> int:
        return self.selected + self.passed + self.below + self.floor


@dataclass(frozen=True)
class TrackDistribution:
    """``ranked`` of the track's ``applications`` have a final (eligible, complete)."""

    track: str
    name: str
    applications: int
    ranked: int
    bins: tuple[ScoreBin, ...]
    cutoff: Decimal
    selection_line: Decimal | None  # the lowest selected final; None when none selected
    bin_size: Decimal


@dataclass(frozen=True)
class QuotaGaugePoint:
    name: str
    track: str | None  # the track of a per-track ("each") constraint
    tracks: tuple[str, ...]
    required: int
    achieved: int
    shortfall: int


@dataclass(frozen=True)
class DisplacementGap:
    """A displaced application and the one selected by a quota in its place: ``gap`` is
    the displaced one's final minus the selected one's (points the quota gave up)."""

    track: str
    quota: str | None
    displaced: str
    displaced_final: Decimal | None
    selected: str
    selected_final: Decimal | None
    gap: Decimal


@dataclass(frozen=True)
class ChartData:
    cutoff: Decimal
    distributions: tuple[TrackDistribution, ...]
    statistics: ReviewerStatistics
    quotas: tuple[QuotaGaugePoint, ...]
    gaps: tuple[DisplacementGap, ...]

    def distribution(self, track: str) -> TrackDistribution | None:
        return next((d for d in self.distributions if d.track == track), None)

    def severity(self, track: str | None) -> tuple[ReviewerFigures, ...]:
        """The reviewers of a track (or overall), harshest first (then by id)."""
        return tuple(sorted(self.statistics.rows(track), key=lambda r: (r.severity, r.reviewer_id)))

    def gaps_of(self, track: str | None) -> tuple[DisplacementGap, ...]:
        return tuple(g for g in self.gaps if track is None or g.track == track)

    def quotas_of(self, track: str | None) -> tuple[QuotaGaugePoint, ...]:
        """Every constraint (``None``), or those whose scope includes ``track``."""
        return tuple(q for q in self.quotas if track is None or track in q.tracks)


def chart_data(
    data: RoundData,
    run: RecordedRun,
    statistics: ReviewerStatistics,
    bin_size: Decimal = BIN_SIZE,
    config: RoundConfig | None = None,
) -> ChartData:
    """The chart figures of ``run`` (recorded from ``data``); ``config`` is the run's
    own configuration (``data.config`` when None)."""
    if bin_size <= 0:
        raise ValueError(f"the bin size must be positive, not {bin_size}")
    settings = config if config is not None else data.config
    cutoff = Decimal(str(settings.cutoff))
    sizes: dict[str, int] = {}
    for app in run.applications.values():
        sizes[app.track] = sizes.get(app.track, 0) + 1
    by_track: dict[str, list[RecordedApplication]] = {t.id: [] for t in settings.tracks}
    for recorded in run.applications.values():
        if recorded.rank is not None and recorded.final is not None:
            by_track.setdefault(recorded.track, []).append(recorded)
    names = {t.id: t.name for t in settings.tracks}
    distributions = tuple(
        _distribution(track, names.get(track, track), sizes.get(track, 0), apps, cutoff, bin_size)
        for track, apps in by_track.items()
    )
    quotas = tuple(
        QuotaGaugePoint(q.name, q.track, q.tracks, q.required, q.achieved, q.shortfall)
        for q in run.quotas
    )
    return ChartData(
        cutoff=cutoff,
        distributions=distributions,
        statistics=statistics,
        quotas=quotas,
        gaps=_gaps(run),
    )


def _distribution(
    track: str,
    name: str,
    size: int,
    apps: list[RecordedApplication],
    cutoff: Decimal,
    bin_size: Decimal,
) -> TrackDistribution:
    finals = [app.final for app in apps if app.final is not None]
    low_value = min([*finals, cutoff])
    high_value = max([*finals, cutoff])
    low = (low_value // bin_size) * bin_size
    count = max(int((high_value - low) // bin_size) + 1, 1)
    parts = [[0, 0, 0, 0] for _ in range(count)]
    for app in apps:
        assert app.final is not None
        index = int((app.final - low) // bin_size)
        if app.status.is_selected:
            parts[index][0] += 1
        elif app.status in (Status.NOT_SELECTED, Status.DISPLACED_BY_QUOTA):
            parts[index][1] += 1
        elif app.status is Status.BELOW_CUTOFF and app.final >= cutoff:
            parts[index][3] += 1  # only a criterion floor fails a final at the cutoff
        else:
            parts[index][2] += 1
    bins = tuple(
        ScoreBin(low + i * bin_size, low + (i + 1) * bin_size, *parts[i]) for i in range(count)
    )
    selected = [app.final for app in apps if app.status.is_selected and app.final is not None]
    return TrackDistribution(
        track=track,
        name=name,
        applications=size,
        ranked=len(apps),
        bins=bins,
        cutoff=cutoff,
        selection_line=min(selected) if selected else None,
        bin_size=bin_size,
    )


def _gaps(run: RecordedRun) -> tuple[DisplacementGap, ...]:
    """One bar per displaced application with a recorded counterpart (its first one,
    the partner the explanation names), then one per application selected by a quota
    that no displaced application named first, in track order then by rank."""
    paired: set[str] = set()
    result: list[DisplacementGap] = []
    for kind, status in (
        ("displaced_by", Status.DISPLACED_BY_QUOTA),
        ("selected_over", Status.SELECTED_BY_QUOTA),
    ):
        for app in _ordered(run, status):
            explanation = app.explanation
            if explanation is None or explanation.kind != kind or not explanation.counterparts:
                continue
            if explanation.gap is None:
                continue
            other_id, other_final = explanation.counterparts[0]
            displaced_final: Decimal | None
            selected_final: Decimal | None
            if kind == "selected_over":
                if app.id in paired:
                    continue
                displaced, selected = other_id, app.id
                displaced_final, selected_final = other_final, app.final
                gap = -explanation.gap
            else:
                displaced, selected = app.id, other_id
                displaced_final, selected_final = app.final, other_final
                gap = explanation.gap
                paired.add(other_id)
            result.append(
                DisplacementGap(
                    track=app.track,
                    quota=explanation.quota,
                    displaced=displaced,
                    displaced_final=displaced_final,
                    selected=selected,
                    selected_final=selected_final,
                    gap=gap,
                )
            )
    return tuple(result)


def _ordered(run: RecordedRun, status: Status) -> list[RecordedApplication]:
    order = {t.id: i for i, t in enumerate(run.tracks)}
    return sorted(
        (a for a in run.applications.values() if a.status is status),
        key=lambda a: (order.get(a.track, len(order)), a.rank or math.inf, a.id),
    )
