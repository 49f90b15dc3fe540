"""The newest selection run as the window's selection view shows it: the ranking per
track with the cutoff, every row's reason, the boundary ties, the quota report with its
reasons and each track's seats and budget, read from what the run recorded (the same
record the reports print), and whether the data changed since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from reviewer.domain.digest import inputs_digest
from reviewer.domain.model import Status
from reviewer.i18n import Lang, normalise_lang
from reviewer.store import repository, runs
from reviewer.store.engine import Database


@dataclass(frozen=True)
class RunRow:
    id: str
    track: str
    rank: int | None
    company: str
    title: str
    ai_category: str
    reviews: int
    final: Decimal | None
    status: str
    reason: str
    tie: bool  # in a boundary tie of its track
    first_below_cutoff: bool  # the first ranked row of its track under the cutoff
    gap: Decimal | None  # the score gap to its counterpart in a quota decision

    @property
    def final_score(self) -> float | None:
        return None if self.final is None else float(self.final)


@dataclass(frozen=True)
class TrackFigures:
    id: str
    name: str
    seats: int
    selected: int
    budget: int | None
    budget_used: int


@dataclass(frozen=True)
class QuotaLine:
    name: str
    track: str | None
    tracks: tuple[str, ...]
    required: int
    achieved: int
    shortfall: int
    why: str


@dataclass(frozen=True)
class TieLine:
    track: str
    final: Decimal
    ids: tuple[str, ...]


@dataclass(frozen=True)
class RunView:
    run_id: int
    created_at: datetime
    digest: str
    stale: bool
    locked: bool
    cutoff: float
    rows: tuple[RunRow, ...]
    tracks: tuple[TrackFigures, ...]
    quotas: tuple[QuotaLine, ...]
    ties: tuple[TieLine, ...]
    selected: int
    shortfall: int
    total_score: Decimal


def newest_run(database: Database, lang: Lang | None = None) -> RunView | None:
    """The newest run with its reasons in ``lang``; None when no selection has run."""
    language = normalise_lang(lang)
    with database.reading() as session:
        row = runs.latest_run(session)
        if row is None:
            return None
        run_id = row.id
        recorded = runs.recorded_run(row)
        data = repository.load_round(session)
        locked = repository.round_info(session).status == "locked"
    stale = recorded.digest != inputs_digest(data)
    config = data.config
    details = {app.id: app for app in data.applications}
    tied = {app_id for tie in recorded.boundary_ties for app_id in tie.ids}
    cutoff = Decimal(str(config.cutoff))
    first_below: set[str] = set()
    by_track: dict[str, list[str]] = {}
    for app in recorded.applications.values():
        if app.rank is not None:
            by_track.setdefault(app.track, []).append(app.id)
    for ids in by_track.values():
        ordered = sorted(ids, key=lambda i: recorded.applications[i].rank or 0)
        for app_id in ordered:
            final = recorded.applications[app_id].final
            if final is not None and final < cutoff:
                first_below.add(app_id)
                break
    rows = tuple(
        RunRow(
            id=app.id,
            track=app.track,
            rank=app.rank,
            company=details[app.id].company if app.id in details else "",
            title=details[app.id].title if app.id in details else "",
            ai_category=app.ai_category,
            reviews=app.reviews,
            final=None if app.status in (Status.INELIGIBLE, Status.INCOMPLETE) else app.final,
            status=app.status.value,
            reason=app.reason(language),
            tie=app.id in tied,
            first_below_cutoff=app.id in first_below,
            gap=app.gap,
        )
        for app in recorded.applications.values()
    )
    names = {t.id: t.name for t in config.tracks}
    return RunView(
        run_id=run_id,
        created_at=recorded.created_at,
        digest=recorded.digest,
        stale=stale,
        locked=locked,
        cutoff=config.cutoff,
        rows=rows,
        tracks=tuple(
            TrackFigures(t.id, names.get(t.id, t.id), t.seats, t.selected, t.budget, t.budget_used)
            for t in recorded.tracks
        ),
        quotas=tuple(
            QuotaLine(
                q.name, q.track, q.tracks, q.required, q.achieved, q.shortfall, q.why_text(language)
            )
            for q in recorded.quotas
        ),
        ties=tuple(TieLine(t.track, t.final_score, tuple(t.ids)) for t in recorded.boundary_ties),
        selected=recorded.selected,
        shortfall=recorded.shortfall,
        total_score=recorded.total_score,
    )
