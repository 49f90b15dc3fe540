"""The round's configuration (DESIGN §5) as frozen dataclasses.

``reviewer.domain.config_toml`` reads round.toml into these types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

AI_CATEGORIES: tuple[str, ...] = ("AI", "AI+X", "none")
REQUIREMENTS: tuple[str, ...] = ("investment_commitment", "guarantee")
METHODS: tuple[str, ...] = ("trimmed", "mean", "median")
NORMALIZERS: tuple[str, ...] = ("none", "zscore")
OBJECTIVES: tuple[str, ...] = ("fill", "quota", "score")
#: A reviewer's total below / above these needs a comment, unless the round sets others.
COMMENT_BELOW = 60.0
COMMENT_ABOVE = 95.0

Method = Literal["trimmed", "mean", "median"]
Normalize = Literal["none", "zscore"]
Scope = Literal["each", "combined"]


@dataclass(frozen=True)
class Criterion:
    """One criterion of a rubric: ``weight`` points of 100, scored on ``min..max`` or by grade."""

    id: str
    name: str
    weight: float
    min: float = 0.0
    max: float = 0.0
    grades: Mapping[str, float] | None = None

    def normalise(self, raw: float | str) -> float:
        """The normalised score ``(s − min) / (max − min)``, or the grade's value."""
        if self.grades is not None:
            return self.grades[str(raw)]
        return (float(raw) - self.min) / (self.max - self.min)

    @property
    def is_graded(self) -> bool:
        return self.grades is not None


@dataclass(frozen=True)
class Track:
    id: str
    name: str
    seats: int
    criteria: tuple[Criterion, ...]
    budget: int | None = None
    linked: bool = False
    requires: tuple[str, ...] = ()

    def criterion(self, key: str) -> Criterion | None:
        """The criterion whose id or name is ``key``."""
        for criterion in self.criteria:
            if key in (criterion.id, criterion.name):
                return criterion
        return None


@dataclass(frozen=True)
class Quota:
    """A policy quota: ``categories`` make up at least (``strict``: more than) ``share``."""

    name: str
    categories: frozenset[str]
    tracks: tuple[str, ...]
    scope: Scope = "combined"
    share: Fraction = Fraction(0)
    strict: bool = False

    def required(self, n: int) -> int:
        """Selections of the quota's categories required among ``n`` selections."""
        if n <= 0:
            return 0
        exact = self.share * n
        if self.strict:
            return int(exact.__floor__()) + 1
        return int(exact.__ceil__())


@dataclass(frozen=True)
class Aggregation:
    method: Method = "trimmed"
    trim_min_reviews: int = 5
    normalize: Normalize = "none"
    zscore_min_reviews: int = 5
    bonus_cap: float = 5.0
    criterion_floor: float | None = None


@dataclass(frozen=True)
class SelectionRules:
    objective: tuple[str, ...] = OBJECTIVES
    tie_break: tuple[str, ...] = ()
    seat_transfer: bool = False


@dataclass(frozen=True)
class TextLimits:
    """The longest text each configuration string may hold, in characters; None: no limit.

    The store fills these in from its column lengths (``reviewer.store.limits``), so a
    round.toml whose names do not fit is refused at ``init`` with the key named instead
    of failing (or being cut) inside the database.
    """

    round_name: int | None = None
    track_id: int | None = None
    track_name: int | None = None
    criterion_id: int | None = None
    criterion_name: int | None = None


@dataclass(frozen=True)
class RoundConfig:
    name: str
    year: int
    tracks: tuple[Track, ...]
    criteria: tuple[Criterion, ...] = ()
    quotas: tuple[Quota, ...] = ()
    cutoff: float = 70.0
    min_reviews: int = 3
    decimals: int = 2
    region: str | None = None
    comment_below: float = COMMENT_BELOW
    comment_above: float = COMMENT_ABOVE
    aggregation: Aggregation = field(default_factory=Aggregation)
    selection: SelectionRules = field(default_factory=SelectionRules)
    source: str = ""

    def track(self, key: str) -> Track | None:
        """The track whose id or name is ``key`` (exact, or ignoring case and spaces)."""
        folded = _fold(key)
        for track in self.tracks:
            if key in (track.id, track.name):
                return track
        for track in self.tracks:
            if folded in (_fold(track.id), _fold(track.name)):
                return track
        return None

    @property
    def track_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.tracks)

    def all_criteria(self) -> tuple[Criterion, ...]:
        """Every distinct criterion id of the default and the tracks' rubrics, in order."""
        seen: dict[str, Criterion] = {}
        for criterion in self.criteria:
            seen.setdefault(criterion.id, criterion)
        for track in self.tracks:
            for criterion in track.criteria:
                seen.setdefault(criterion.id, criterion)
        return tuple(seen.values())


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()
