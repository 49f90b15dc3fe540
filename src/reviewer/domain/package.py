"""What a reviewer package holds and what a score file brings back (DESIGN §6).

A :class:`ReviewerPackage` is everything one reviewer needs to score offline: the round's
id and name, the reviewer, the rubric of each track the package's applications are in,
and the reviewer's assigned, non-conflicted applications with only the fields a reviewer
sees (never a final score, never another reviewer's score, never an unassigned
application), each with its attachments (listed here; their contents travel beside the
manifest in the package file). ``secret`` signs the package's score files.

A :class:`ScoreReturn` is one "send" of a reviewer's scores from a package: each entry
is one application's criterion scores and comment, or a declared conflict. ``version``
grows with every send from the same package.

The file formats (encryption, signature) are in :mod:`reviewer.exchange.packages`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from reviewer.domain.config import COMMENT_ABOVE, COMMENT_BELOW, Track

PACKAGE_SUFFIX = ".rvpkg"  # a reviewer package
SCORE_FILE_SUFFIX = ".rvscore"  # a reviewer's signed scores

__all__ = [
    "COMMENT_ABOVE",
    "COMMENT_BELOW",
    "PACKAGE_SUFFIX",
    "SCORE_FILE_SUFFIX",
    "PackageApplication",
    "PackageAttachment",
    "ReviewerPackage",
    "ScoreEntry",
    "ScoreReturn",
]


@dataclass(frozen=True)
class PackageAttachment:
    """One file of an application: its name, kind (``proposal`` or another) and content
    digest; ``size`` in bytes."""

    name: str
    kind: str
    sha256: str
    size: int


@dataclass(frozen=True)
class PackageApplication:
    """An application as a reviewer sees it."""

    id: str
    track: str
    title: str
    company: str
    ai_category: str
    field: str | None = None
    amount: int = 0
    attachments: tuple[PackageAttachment, ...] = ()


@dataclass(frozen=True)
class ReviewerPackage:
    format: int
    package_id: str  # 32 hex digits
    round_id: str  # the round's uid
    round_name: str
    reviewer_id: str
    reviewer_name: str
    tracks: tuple[Track, ...]  # the rubric of every track of ``applications``
    applications: tuple[PackageApplication, ...]
    secret: bytes  # HMAC-SHA256 key of this package's score files
    created_at: datetime
    comment_below: float = COMMENT_BELOW
    comment_above: float = COMMENT_ABOVE

    def track(self, track_id: str) -> Track:
        for track in self.tracks:
            if track.id == track_id:
                return track
        raise KeyError(track_id)


@dataclass(frozen=True)
class ScoreEntry:
    """One application's scores (criterion id → number, or grade name) and comment, or
    a declared conflict (no scores) with its reason."""

    application_id: str
    scores: Mapping[str, float | str] = field(default_factory=dict)
    comment: str = ""
    conflict: bool = False
    conflict_reason: str = ""
    changed_at: datetime | None = None


@dataclass(frozen=True)
class ScoreReturn:
    format: int
    round_id: str
    package_id: str
    reviewer_id: str
    version: int  # 1, 2, ...: every send from the package counts up
    created_at: datetime  # when the reviewer first opened the package
    sent_at: datetime
    entries: tuple[ScoreEntry, ...]
