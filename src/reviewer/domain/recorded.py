"""A recorded selection run: what a run stored, in the shape the reports print it.

A run is computed once (:func:`reviewer.domain.evaluate.evaluate`) and recorded; its
reports print the record and never select again, so the pages signed for a run print
the same after the program changes. :func:`record` takes what a run keeps from a fresh
result: every application's exact final, rank, status and reason in every language, the
explanations with their counterparts, the quota report with its reasons, the tracks'
figures and the boundary ties — and the figures derived from the data alone (counted
reviewer totals, calibrated totals, criterion means, the aggregate), which the workbook
and the statistics show.

Runs recorded by older programs lack those data-derived figures (``scoring`` is
false); :func:`with_scoring` takes them from a scoring of the same data, where it gives
the recorded final.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from reviewer.domain.model import (
    BoundaryTie,
    Explanation,
    RoundData,
    RoundResult,
    ScoredApplication,
    Status,
    TrackOutcome,
)
from reviewer.domain.selection import render_explanation, render_quota_why
from reviewer.i18n import LANGS, Lang, render

#: Statuses whose reason, when there is one, explains a quota decision or a seat transfer.
DECIDED = frozenset(
    {Status.SELECTED, Status.SELECTED_BY_QUOTA, Status.DISPLACED_BY_QUOTA, Status.NOT_SELECTED}
)


def _text(texts: Mapping[str, str], lang: str) -> str:
    """``texts`` in ``lang``; a run that kept one language only shows that one."""
    if lang in texts:
        return texts[lang]
    return next(iter(texts.values()), "")


@dataclass(frozen=True)
class RecordedApplication:
    """One application as its run recorded it.

    ``reasons`` maps a language to why the application has its status ('' when obvious);
    ``explained`` says the reason explains a quota decision or a seat transfer, whose
    structure ``explanation`` holds when the run recorded it. The data-derived figures
    (``aggregate`` … ``criterion_means``) are empty when the run did not record them."""

    id: str
    track: str
    ai_category: str
    reviews: int
    final: Decimal | None
    rank: int | None
    status: Status
    reasons: Mapping[str, str] = dataclasses.field(default_factory=dict)
    explained: bool = False
    explanation: Explanation | None = None
    aggregate: float | None = None
    reviewer_totals: Mapping[str, float] = dataclasses.field(default_factory=dict)
    adjusted_totals: Mapping[str, float] = dataclasses.field(default_factory=dict)
    criterion_means: Mapping[str, float] = dataclasses.field(default_factory=dict)

    def reason(self, lang: str) -> str:
        return _text(self.reasons, lang)

    @property
    def gap(self) -> Decimal | None:
        """The score gap to the counterpart of a quota decision, when recorded."""
        return None if self.explanation is None else self.explanation.gap


@dataclass(frozen=True)
class RecordedQuota:
    """A quota's outcome; ``why`` maps a language to why it falls short ('' if not)."""

    name: str
    track: str | None
    tracks: tuple[str, ...]
    required: int
    achieved: int
    shortfall: int
    why: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def why_text(self, lang: str) -> str:
        return _text(self.why, lang) if self.shortfall else ""


@dataclass(frozen=True)
class RecordedRun:
    """A selection run as recorded: ``applications`` by id, the quota report, the
    tracks' figures, the boundary ties and the objective. ``scoring`` is false for a run
    that did not record the data-derived figures of its applications."""

    digest: str
    created_at: datetime
    applications: Mapping[str, RecordedApplication]
    quotas: tuple[RecordedQuota, ...]
    tracks: tuple[TrackOutcome, ...]
    boundary_ties: tuple[BoundaryTie, ...]
    selected: int
    shortfall: int
    total_score: Decimal
    scoring: bool = True

    def track(self, track_id: str) -> TrackOutcome | None:
        return next((t for t in self.tracks if t.id == track_id), None)


def reason_text(result: RoundResult, application_id: str, lang: Lang | None = None) -> str:
    """Why the application has its status, in ``lang`` ('' when obvious)."""
    decision = result.selection.decisions[application_id]
    if decision.explanation is not None:
        return render_explanation(decision.explanation, lang)
    scored = result.scored[application_id]
    if (
        decision.status in (Status.INELIGIBLE, Status.BELOW_CUTOFF, Status.INCOMPLETE)
        and scored.reason_key
    ):
        return render(scored.reason_key, lang, **scored.reason_params)
    return ""


def record(
    data: RoundData, result: RoundResult, *, digest: str, created_at: datetime
) -> RecordedRun:
    """What a run of ``result`` records, with its reasons in every language."""
    selection = result.selection
    applications: dict[str, RecordedApplication] = {}
    for app in sorted(data.applications, key=lambda a: a.id):
        scored = result.scored[app.id]
        decision = selection.decisions[app.id]
        applications[app.id] = RecordedApplication(
            id=app.id,
            track=app.track,
            ai_category=app.ai_category,
            reviews=scored.reviews,
            final=scored.final,
            rank=scored.rank,
            status=decision.status,
            reasons={lang: reason_text(result, app.id, lang) for lang in LANGS},
            explained=decision.explanation is not None,
            explanation=decision.explanation,
            aggregate=scored.aggregate,
            reviewer_totals=dict(scored.reviewer_totals),
            adjusted_totals=dict(scored.adjusted_totals),
            criterion_means=dict(scored.criterion_means),
        )
    quotas = tuple(
        RecordedQuota(
            name=q.name,
            track=q.track,
            tracks=tuple(q.tracks),
            required=q.required,
            achieved=q.achieved,
            shortfall=q.shortfall,
            why={lang: render_quota_why(q, lang) for lang in LANGS} if q.shortfall else {},
        )
        for q in selection.quotas
    )
    return RecordedRun(
        digest=digest,
        created_at=created_at,
        applications=applications,
        quotas=quotas,
        tracks=tuple(selection.tracks),
        boundary_ties=tuple(selection.boundary_ties),
        selected=len(selection.selected),
        shortfall=selection.shortfall,
        total_score=selection.total_score,
    )


def with_scoring(run: RecordedRun, scored: Mapping[str, ScoredApplication]) -> RecordedRun:
    """``run`` with the data-derived figures of a scoring of the same data filled in
    where the run lacks them: for each application whose scoring gives the recorded
    final (so a program that scores differently never puts figures beside a final they
    do not make); the others keep none."""
    if run.scoring:
        return run
    filled: dict[str, RecordedApplication] = {}
    for app_id, app in run.applications.items():
        fresh = scored.get(app_id)
        if fresh is None or fresh.final != app.final or fresh.reviews != app.reviews:
            filled[app_id] = app
            continue
        filled[app_id] = dataclasses.replace(
            app,
            aggregate=fresh.aggregate,
            reviewer_totals=dict(fresh.reviewer_totals),
            adjusted_totals=dict(fresh.adjusted_totals),
            criterion_means=dict(fresh.criterion_means),
        )
    return dataclasses.replace(run, applications=filled, scoring=True)
