"""Storing reviews: a pair's conflict declared on an earlier score sheet follows its
newest review, and no other conflict row is touched."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from reviewer.domain.model import Review
from reviewer.services import rounds
from reviewer.store import repository
from reviewer.store.engine import Database
from reviewer.store.models import ConflictRow, ReviewRow
from tests.integration.package_round import build_round


def conflicts(database: Database) -> dict[tuple[str, str], str]:
    with database.session() as session:
        rows = session.scalars(select(ConflictRow))
        return {(row.application_id, row.reviewer_id): row.source for row in rows}


def test_a_declared_conflict_follows_the_newest_review_of_its_pair(tmp_path: Path) -> None:
    path = build_round(tmp_path / "round.db", select=False)
    with rounds.open_round(path) as database:
        with database.session() as session:  # R3 declares conflicts on A01 and A02
            repository.replace_reviews(
                session,
                [
                    Review("A01", "R3", {}, conflict=True, conflict_reason="친족"),
                    Review("A02", "R3", {}, conflict=True, conflict_reason="같은 기관"),
                ],
                source="first.xlsx",
            )
        before = conflicts(database)
        assert before[("A01", "R3")] == before[("A02", "R3")] == "declared"
        assert before[("A03", "R1")] == "organisation"
        with database.session() as session:  # then scores A01 after all (and A03 of R1)
            added, replaced = repository.replace_reviews(
                session,
                [
                    Review("A01", "R3", {"tech": 40.0, "plan": "B"}),
                    Review("A03", "R1", {"tech": 30.0, "plan": "C"}),
                ],
                source="second.xlsx",
            )
        assert (added, replaced) == (1, 1)
        after = conflicts(database)
        assert ("A01", "R3") not in after  # its declared conflict went with the review
        assert after[("A02", "R3")] == "declared"  # another pair's is kept
        assert after[("A03", "R1")] == "organisation"  # one found otherwise, though imported
        with database.session() as session:
            row = session.get(ReviewRow, ("A01", "R3"))
            assert row is not None and not row.conflict and row.scores["tech"] == 40.0
