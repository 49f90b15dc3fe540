"""What the chair's dashboard shows: counts per track, review progress, the quotas of the
newest run, and the warnings that need the chair's attention, each with the rows behind
it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from reviewer.domain.digest import inputs_digest
from reviewer.domain.model import RoundData, Status
from reviewer.domain.progress import ReviewerProgress, review_progress
from reviewer.domain.scoring import score_round
from reviewer.i18n import Lang, normalise_lang
from reviewer.store import package_state, repository, runs
from reviewer.store.engine import Database


@dataclass(frozen=True)
class TrackSummary:
    id: str
    name: str
    seats: int
    applications: int
    counted: int
    missing: int
    short: int
    ineligible: int
    incomplete: int
    selected: int | None  # in the newest run


@dataclass(frozen=True)
class QuotaGauge:
    name: str
    track: str | None  # None for a combined quota
    required: int
    achieved: int
    shortfall: int
    why: str


@dataclass(frozen=True)
class Warning:
    """``kind``: ``short`` (fewer than min_reviews), ``tie`` (a boundary tie),
    ``shortfall`` (a quota short), ``stale`` (data changed since the newest run) or
    ``no_run``. ``ids`` are the applications behind it; ``track`` where it has one."""

    kind: str
    ids: tuple[str, ...] = ()
    track: str | None = None
    quota: str | None = None
    count: int = 0
    score: float | None = None


@dataclass(frozen=True)
class PackageState:
    """A reviewer's newest package: when it was written, the version of the newest score
    file imported from it (None before the first) and when, and the applications of the
    package the reviewer has neither scored nor declared a conflict on."""

    package_id: str
    created_at: datetime
    applications: int
    returned_version: int | None
    returned_at: datetime | None
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Dashboard:
    name: str
    year: int
    locked: bool
    min_reviews: int
    applications: int
    reviewers: int
    reviews: int
    tracks: tuple[TrackSummary, ...]
    reviewer_progress: tuple[ReviewerProgress, ...]
    reviewer_names: dict[str, str]
    packages: dict[str, PackageState]  # reviewer id → newest package; none: no package
    quotas: tuple[QuotaGauge, ...]
    warnings: tuple[Warning, ...]
    run_id: int | None
    run_at: datetime | None
    stale: bool


def dashboard(database: Database, lang: Lang | None = None) -> Dashboard:
    """The dashboard of the round, with the quota reasons in ``lang``: everything is
    read in one unit of work; the newest run as it was recorded (as the reports and the
    selection view read it)."""
    language = normalise_lang(lang)
    with database.reading() as session:
        info = repository.round_info(session)
        data = repository.load_round(session)
        row = runs.latest_run(session)
        run = runs.recorded_run(row) if row is not None else None
        run_id = row.id if row is not None else None
        run_at = row.created_at if row is not None else None
        stale = run is not None and run.digest != inputs_digest(data)
        locked = info.status == "locked"
        records = package_state.latest_packages(session)
    progress = review_progress(data)
    scored = score_round(data) if data.applications else {}
    statuses = Counter((s.track, s.status) for s in scored.values())
    selected_in_run = Counter(
        app.track for app in (run.applications.values() if run else ()) if app.status.is_selected
    )
    by_track = {t.track: t for t in progress.tracks}
    tracks = tuple(
        TrackSummary(
            id=track.id,
            name=track.name,
            seats=track.seats,
            applications=by_track[track.id].applications,
            counted=by_track[track.id].counted,
            missing=by_track[track.id].missing,
            short=len(by_track[track.id].short),
            ineligible=statuses[(track.id, Status.INELIGIBLE)],
            incomplete=statuses[(track.id, Status.INCOMPLETE)],
            selected=selected_in_run[track.id] if run_id is not None else None,
        )
        for track in data.config.tracks
    )
    quotas = tuple(
        QuotaGauge(
            name=quota.name,
            track=quota.track,
            required=quota.required,
            achieved=quota.achieved,
            shortfall=quota.shortfall,
            why=quota.why_text(language),
        )
        for quota in (run.quotas if run else ())
    )
    warnings: list[Warning] = []
    if run_id is None:
        warnings.append(Warning("no_run"))
    elif stale:
        warnings.append(Warning("stale"))
    for track in progress.tracks:
        if track.short:
            warnings.append(
                Warning("short", ids=track.short, track=track.track, count=len(track.short))
            )
    if not stale:
        for gauge in quotas:
            if gauge.shortfall:
                warnings.append(
                    Warning("shortfall", track=gauge.track, quota=gauge.name, count=gauge.shortfall)
                )
        for tie in run.boundary_ties if run else ():
            warnings.append(
                Warning(
                    "tie",
                    ids=tuple(tie.ids),
                    track=tie.track,
                    count=len(tie.ids),
                    score=float(tie.final_score),
                )
            )
    return Dashboard(
        name=data.config.name,
        year=data.config.year,
        locked=locked,
        min_reviews=data.config.min_reviews,
        applications=len(data.applications),
        reviewers=len(data.reviewers),
        reviews=len(data.reviews),
        tracks=tracks,
        reviewer_progress=progress.reviewers,
        reviewer_names={r.id: r.name for r in data.reviewers},
        packages=_package_states(records, data),
        quotas=quotas,
        warnings=tuple(warnings),
        run_id=run_id,
        run_at=run_at,
        stale=stale,
    )


def _package_states(
    records: dict[str, package_state.PackageRecord], data: RoundData
) -> dict[str, PackageState]:
    done = {(r.reviewer_id, r.application_id) for r in data.reviews}
    return {
        reviewer: PackageState(
            package_id=record.id,
            created_at=record.created_at,
            applications=len(record.applications),
            returned_version=record.returned_version,
            returned_at=record.returned_at,
            missing=tuple(a for a in record.applications if (reviewer, a) not in done),
        )
        for reviewer, record in records.items()
    }
