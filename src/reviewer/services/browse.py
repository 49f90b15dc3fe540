"""What the window shows of a round: its counts and the newest run's ranking."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from reviewer.i18n import Lang, normalise_lang
from reviewer.store import repository, runs
from reviewer.store.engine import Database
from reviewer.store.models import ApplicationRow, ReviewerRow, ReviewRow


@dataclass(frozen=True)
class RankingRow:
    track: str
    rank: int | None
    id: str
    company: str
    title: str
    ai_category: str
    reviews: int
    final_score: float | None
    status: str
    reason: str


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
    rows: tuple[RankingRow, ...]


def round_overview(database: Database, lang: Lang | None = None) -> RoundOverview:
    """The round's counts and, when a selection has run, its newest ranking, with the
    reasons in ``lang`` (each run keeps them in every language)."""
    with database.session() as session:
        info = repository.round_info(session)
        config = repository.load_config(session)

        def count(model: type) -> int:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

        run = runs.latest_run(session)
        rows: tuple[RankingRow, ...] = ()
        if run is not None:
            reasons = run.result.get("reasons", {}).get(normalise_lang(lang), {})
            details = {
                row.id: (row.company, row.title)
                for row in session.execute(
                    select(ApplicationRow.id, ApplicationRow.company, ApplicationRow.title)
                )
            }
            rows = tuple(
                RankingRow(
                    track=entry["track"],
                    rank=entry["rank"],
                    id=entry["id"],
                    company=details.get(entry["id"], ("", ""))[0],
                    title=details.get(entry["id"], ("", ""))[1],
                    ai_category=entry["ai_category"],
                    reviews=entry["reviews"],
                    final_score=entry["final_score"],
                    status=entry["status"],
                    reason=reasons.get(entry["id"], entry["reason"]),
                )
                for entry in run.result["applications"]
            )
        return RoundOverview(
            name=info.name,
            year=info.year,
            locked=info.status == "locked",
            applications=count(ApplicationRow),
            reviewers=count(ReviewerRow),
            reviews=count(ReviewRow),
            tracks=tuple((t.id, t.name) for t in config.tracks),
            run_id=None if run is None else run.id,
            run_at=None if run is None else run.created_at,
            digest=None if run is None else run.digest,
            rows=rows,
        )
