"""The round's data as the scoring and selection rules see it (DESIGN §2–§4).

Plain frozen dataclasses: the store and the importers build them, ``scoring`` and
``selection`` read them and produce the result types at the end of this module.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from reviewer.domain.config import RoundConfig


class AICategory(StrEnum):
    AI = "AI"
    AI_X = "AI+X"
    NONE = "none"


class Status(StrEnum):
    SELECTED = "selected"
    SELECTED_BY_QUOTA = "selected_by_quota"
    DISPLACED_BY_QUOTA = "displaced_by_quota"
    NOT_SELECTED = "not_selected"
    BELOW_CUTOFF = "below_cutoff"
    INELIGIBLE = "ineligible"
    INCOMPLETE = "incomplete"

    @property
    def is_selected(self) -> bool:
        return self in (Status.SELECTED, Status.SELECTED_BY_QUOTA)


@dataclass(frozen=True)
class Application:
    id: str
    track: str
    title: str
    company: str
    ai_category: str = AICategory.NONE.value
    amount: int = 0
    business_no: str | None = None
    field: str | None = None
    region: str | None = None
    bonus: float = 0.0
    penalty: float = 0.0
    investment_commitment: bool | None = None
    guarantee: bool | None = None
    attributes: Mapping[str, str] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Reviewer:
    id: str
    name: str
    affiliation: str = ""
    tracks: tuple[str, ...] = ()
    email: str | None = None


@dataclass(frozen=True)
class Review:
    """One reviewer's scores for one application. ``scores`` maps criterion id to the raw
    value (a number, or a grade name for a graded criterion). A conflict has no scores."""

    application_id: str
    reviewer_id: str
    scores: Mapping[str, float | str] = dataclasses.field(default_factory=dict)
    comment: str = ""
    conflict: bool = False
    conflict_reason: str = ""


# ---------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class ScoredApplication:
    """An application after scoring (DESIGN §3), before selection.

    ``status`` is ``INELIGIBLE``, ``INCOMPLETE`` or ``BELOW_CUTOFF``, or ``None`` for a
    candidate (eligible, complete, passing). ``rank`` is the strict rank in the track of
    every rankable (eligible, complete) application. ``order`` is the position in the
    global order (final desc, tie-break, id) among rankable applications, from 0.
    """

    id: str
    track: str
    ai_category: str
    amount: int
    reviews: int
    reviewer_totals: Mapping[str, float]
    adjusted_totals: Mapping[str, float]
    criterion_means: Mapping[str, float]
    aggregate: float | None
    final: Decimal | None
    status: Status | None
    reason_key: str = ""  # message key (reviewer.i18n) of why ineligible / below cutoff
    reason_params: Mapping[str, object] = dataclasses.field(default_factory=dict)
    rank: int | None = None
    order: int | None = None

    @property
    def is_candidate(self) -> bool:
        return self.status is None

    def placed(self, rank: int | None, order: int | None) -> ScoredApplication:
        """The same application at another place: ``replace(self, rank=, order=)``
        without running the constructor again (a what-if moves thousands at a time)."""
        moved = object.__new__(ScoredApplication)
        moved.__dict__.update(self.__dict__, rank=rank, order=order)
        return moved


@dataclass(frozen=True)
class Explanation:
    """Why an application is ``selected_by_quota`` or ``displaced_by_quota``, or was
    transferred: the quota responsible and the counterpart(s) in the same track."""

    kind: str  # "selected_over" | "displaced_by" | "seat_transfer"
    quota: str | None = None
    counterparts: tuple[tuple[str, Decimal], ...] = ()
    gap: Decimal | None = None
    from_track: str | None = None


@dataclass(frozen=True)
class QuotaOutcome:
    name: str
    track: str | None  # the track for scope "each"; None for "combined"
    tracks: tuple[str, ...]
    required: int
    achieved: int
    shortfall: int
    why: str = ""  # message key rendered by reports/CLI; empty when not short
    why_params: Mapping[str, object] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class TrackOutcome:
    id: str
    seats: int
    selected: int
    budget: int | None
    budget_used: int


@dataclass(frozen=True)
class BoundaryTie:
    track: str
    final_score: Decimal
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    application_id: str
    status: Status
    explanation: Explanation | None = None


@dataclass(frozen=True)
class RoundData:
    """Everything the rules read: the configuration and the imported rows."""

    config: RoundConfig
    applications: tuple[Application, ...]
    reviewers: tuple[Reviewer, ...] = ()
    reviews: tuple[Review, ...] = ()
    assignments: frozenset[tuple[str, str]] = frozenset()  # (application_id, reviewer_id)


@dataclass(frozen=True)
class SelectionOutcome:
    """``decisions`` has an entry for every application of the round, candidate or not."""

    selected: frozenset[str]
    merit: frozenset[str]
    decisions: Mapping[str, Decision]
    quotas: tuple[QuotaOutcome, ...]
    tracks: tuple[TrackOutcome, ...]
    boundary_ties: tuple[BoundaryTie, ...]
    shortfall: int
    total_score: Decimal
    method: str = ""  # "fast" | "ilp": which solver decided it
    #: False when the explanations were left out (``select(..., explanations=False)``):
    #: every decision then has its status and no explanation.
    explained: bool = True


@dataclass(frozen=True)
class RoundResult:
    """Scoring and selection together: what a selection run records and reports show."""

    scored: Mapping[str, ScoredApplication]
    selection: SelectionOutcome

    def status(self, application_id: str) -> Status:
        return self.selection.decisions[application_id].status
