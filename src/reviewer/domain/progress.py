"""How far the reviewing of a round has come: reviews done and missing, per track and
per reviewer, and the applications still short of ``min_reviews`` (DESIGN §3.3).

With assignments, what is expected is every assigned pair: a pair is done once the
reviewer has scored it or declared a conflict. Without assignments any reviewer may
score any application, so what is expected is ``min_reviews`` counted reviews per
application, and a reviewer has nothing "missing" of their own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from reviewer.domain.model import RoundData


@dataclass(frozen=True)
class TrackProgress:
    track: str
    applications: int
    counted: int  # reviews that count (no conflict)
    conflicts: int
    missing: int  # reviews still expected
    short: tuple[str, ...]  # applications with fewer than min_reviews counted reviews


@dataclass(frozen=True)
class ReviewerProgress:
    reviewer: str
    done: int  # reviews scored (conflicts not included)
    conflicts: int
    assigned: int | None  # None when the round has no assignments
    missing: int | None


@dataclass(frozen=True)
class ReviewProgress:
    min_reviews: int
    tracks: tuple[TrackProgress, ...]
    reviewers: tuple[ReviewerProgress, ...]

    @property
    def short(self) -> tuple[str, ...]:
        return tuple(app for track in self.tracks for app in track.short)

    @property
    def missing(self) -> int:
        return sum(track.missing for track in self.tracks)


def review_progress(data: RoundData) -> ReviewProgress:
    """Reviews done and missing in ``data``, per track (in configuration order) and per
    reviewer (in id order)."""
    minimum = data.config.min_reviews
    track_of = {app.id: app.track for app in data.applications}
    counted: Counter[str] = Counter()
    conflicts: Counter[str] = Counter()
    reviewed: set[tuple[str, str]] = set()
    done_by: Counter[str] = Counter()
    conflicts_by: Counter[str] = Counter()
    for review in data.reviews:
        if review.application_id not in track_of:
            continue
        reviewed.add((review.application_id, review.reviewer_id))
        if review.conflict:
            conflicts[review.application_id] += 1
            conflicts_by[review.reviewer_id] += 1
        else:
            counted[review.application_id] += 1
            done_by[review.reviewer_id] += 1

    assigned = {pair for pair in data.assignments if pair[0] in track_of}
    missing_app: Counter[str] = Counter()
    assigned_to: Counter[str] = Counter()
    missing_by: Counter[str] = Counter()
    if assigned:
        for app_id, reviewer_id in assigned:
            assigned_to[reviewer_id] += 1
            if (app_id, reviewer_id) not in reviewed:
                missing_app[app_id] += 1
                missing_by[reviewer_id] += 1
    else:
        for app_id in track_of:
            missing_app[app_id] = max(0, minimum - counted[app_id])

    by_track: dict[str, list[str]] = defaultdict(list)
    for app in data.applications:
        by_track[app.track].append(app.id)
    tracks = tuple(
        TrackProgress(
            track=track.id,
            applications=len(apps),
            counted=sum(counted[a] for a in apps),
            conflicts=sum(conflicts[a] for a in apps),
            missing=sum(missing_app[a] for a in apps),
            short=tuple(sorted(a for a in apps if counted[a] < minimum)),
        )
        for track in data.config.tracks
        for apps in [by_track.get(track.id, [])]
    )
    people = sorted(
        {r.id for r in data.reviewers} | set(done_by) | set(conflicts_by) | set(assigned_to)
    )
    reviewers = tuple(
        ReviewerProgress(
            reviewer=rid,
            done=done_by[rid],
            conflicts=conflicts_by[rid],
            assigned=assigned_to[rid] if assigned else None,
            missing=missing_by[rid] if assigned else None,
        )
        for rid in people
    )
    return ReviewProgress(min_reviews=minimum, tracks=tracks, reviewers=reviewers)
