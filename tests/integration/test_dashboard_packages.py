"""The dashboard's package state per reviewer: written, returned, still missing."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from reviewer.services import dashboard, rounds
from reviewer.store import repository
from reviewer.store.engine import Database
from reviewer.store.models import PackageRow
from tests.demo_round import build_demo_round


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_round(tmp_path_factory.mktemp("packages"), 40, seed=5, select=False)


@pytest.fixture
def round_copy(demo: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "round.db"
    shutil.copy(demo, copy)
    return copy


def add_package(
    database: Database,
    package_id: str,
    reviewer: str,
    applications: list[str],
    created: datetime,
    version: int | None = None,
    returned: datetime | None = None,
) -> None:
    with database.session() as session:
        session.add(
            PackageRow(
                id=package_id,
                reviewer_id=reviewer,
                secret="00" * 32,
                applications=applications,
                created_at=created,
                returned_version=version,
                returned_at=returned,
            )
        )


def test_a_reviewer_without_a_package_has_none(round_copy: Path) -> None:
    with rounds.open_round(round_copy) as db:
        board = dashboard.dashboard(db)
    assert board.packages == {}


def test_the_newest_package_its_return_and_the_applications_still_missing(
    round_copy: Path,
) -> None:
    with rounds.open_round(round_copy) as db:
        with db.session() as session:
            data = repository.load_round(session)
        reviewer = data.reviewers[0].id
        done = sorted({r.application_id for r in data.reviews if r.reviewer_id == reviewer})
        others = sorted(
            {a.id for a in data.applications}
            - {r.application_id for r in data.reviews if r.reviewer_id == reviewer}
        )
        assert done and len(others) >= 2
        listed = [done[0], others[0], others[1]]
        add_package(db, "a" * 32, reviewer, [done[0]], datetime(2025, 5, 1, 9, 0))
        add_package(
            db,
            "b" * 32,
            reviewer,
            listed,
            datetime(2025, 5, 2, 9, 30),
            version=2,
            returned=datetime(2025, 5, 3, 18, 5),
        )
        second = data.reviewers[1].id
        add_package(db, "c" * 32, second, [], datetime(2025, 5, 2, 10, 0))
        board = dashboard.dashboard(db)
    state = board.packages[reviewer]
    assert state.package_id == "b" * 32  # the newest of the reviewer's two
    assert state.created_at == datetime(2025, 5, 2, 9, 30)
    assert state.applications == 3
    assert state.returned_version == 2
    assert state.returned_at == datetime(2025, 5, 3, 18, 5)
    assert state.missing == (others[0], others[1])
    empty = board.packages[second]
    assert empty.returned_version is None and empty.missing == ()
    assert set(board.packages) == {reviewer, second}


def test_a_conflict_declared_counts_as_done(round_copy: Path) -> None:
    with rounds.open_round(round_copy) as db:
        with db.session() as session:
            data = repository.load_round(session)
        conflict = next(r for r in data.reviews if r.conflict)
        add_package(
            db, "d" * 32, conflict.reviewer_id, [conflict.application_id], datetime(2025, 5, 1)
        )
        board = dashboard.dashboard(db)
    assert board.packages[conflict.reviewer_id].missing == ()
