"""What the window shows of a round wherever it is: its name, state, counts and tracks,
and which selection run is the newest (the views read the run itself)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from reviewer.i18n import Lang
from reviewer.store import repository, runs
from reviewer.store.engine import Database
from reviewer.store.models import ApplicationRow, ReviewerRow, ReviewRow


@dataclass(frozen=True)
class RoundOverview:
    name: str
    year: int
    locked: bool
    applications: int
    reviewers: int
    reviews: int
    tracks: tuple[tuple[str, str], ...]  # (id, name)
    run_id: int | None
    run_at: datetime | None
    digest: str | None


def round_overview(database: Database, lang: Lang | None = None) -> RoundOverview:
    """The round's counts and its newest run's identity: cheap enough to read after
    every change (``lang`` is kept for callers that pass the window's language)."""
    with database.reading() as session:
        info = repository.round_info(session)
        config = repository.load_config(session)

        def count(model: type) -> int:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

        stamp = runs.latest_run_stamp(session)
        return RoundOverview(
            name=info.name,
            year=info.year,
            locked=info.status == "locked",
            applications=count(ApplicationRow),
            reviewers=count(ReviewerRow),
            reviews=count(ReviewRow),
            tracks=tuple((t.id, t.name) for t in config.tracks),
            run_id=None if stamp is None else stamp[0],
            run_at=None if stamp is None else stamp[1],
            digest=None if stamp is None else stamp[2],
        )
