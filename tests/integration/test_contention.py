"""Another program writing the round: readers never wait for it, and a command that
writes reads and checks its files before it holds the round."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from reviewer.errors import RefusedByState
from reviewer.exchange.importers import scores as score_importer
from reviewer.services import dashboard, exporting, importing, listing, rounds, run_view
from reviewer.services import selecting as selecting_service


@contextmanager
def writer_holding(path: Path) -> Iterator[None]:
    """Another program in the middle of a write: it holds the round's write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE round_info SET name = name")
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def _quick_busy(database: Any) -> None:
    """Give up on a held lock at once (the program's own wait is seconds)."""
    database.engine.dispose()
    from sqlalchemy import event

    event.listen(
        database.engine,
        "connect",
        lambda connection, _record: connection.execute("PRAGMA busy_timeout=100"),
    )


def test_reading_never_waits_for_a_writer(selected_sample_round: Path) -> None:
    with rounds.open_round(selected_sample_round) as database:
        _quick_busy(database)
        with writer_holding(selected_sample_round):
            board = dashboard.dashboard(database, "en")
            assert board.run_id is not None and not board.stale
            assert run_view.newest_run(database, "en") is not None
            assert listing.audit_log(database)


def test_an_export_reads_and_writes_its_reports_while_another_program_writes(
    selected_sample_round: Path, tmp_path: Path
) -> None:
    """Only its audit entry, once the reports are in place, needs the round's lock."""
    other = sqlite3.connect(selected_sample_round, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE round_info SET name = name")
    steps: list[int] = []

    def progress(_label: str, done: int, _total: int) -> None:
        steps.append(done)
        if len(steps) == 1:  # the round read, the workbook begun: the writer finishes
            other.execute("ROLLBACK")

    try:
        with rounds.open_round(selected_sample_round) as database:
            _quick_busy(database)
            written = exporting.export_reports(
                database, xlsx=tmp_path / "r.xlsx", lang="en", progress=progress
            )
    finally:
        other.close()
    assert [p.name for p in written] == ["r.xlsx"] and steps


def test_a_writer_waits_and_then_is_refused_as_busy(selected_sample_round: Path) -> None:
    with rounds.open_round(selected_sample_round) as database:
        _quick_busy(database)
        with writer_holding(selected_sample_round), pytest.raises(RefusedByState) as caught:
            selecting_service.run_selection(database, "en")
        assert caught.value.exit_code == 4
        assert "another program is writing this round" in caught.value.message("en")


def test_files_are_checked_before_the_round_is_held(
    selected_sample_round: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the score files are read and checked, another program can still write."""
    from reviewer.store import repository
    from tests.integration.test_importers_errors import write_csv

    seen: list[bool] = []
    real = score_importer.check_scores

    def checking(*args: Any, **kwargs: Any) -> Any:
        other = sqlite3.connect(selected_sample_round, isolation_level=None, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")  # fails at once if the import held the round
            other.execute("ROLLBACK")
            seen.append(True)
        finally:
            other.close()
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "check_scores", checking)
    with rounds.open_round(selected_sample_round) as database:
        with database.reading() as session:
            data = repository.load_round(session)
        review = next(r for r in data.reviews if not r.conflict)
        header = ["과제번호", "심사위원ID", *review.scores]
        path = write_csv(
            tmp_path / "s.csv",
            [header, [review.application_id, review.reviewer_id, *review.scores.values()]],
        )
        summary = importing.import_scores(database, [path])
    assert seen == [True]
    assert summary.kind == "scores" and summary.added + summary.replaced == 1


def test_an_export_whose_audit_entry_waits_too_long_says_its_reports_are_written(
    selected_sample_round: Path, tmp_path: Path
) -> None:
    with rounds.open_round(selected_sample_round) as database:
        _quick_busy(database)
        with writer_holding(selected_sample_round), pytest.raises(RefusedByState) as caught:
            exporting.export_reports(database, xlsx=tmp_path / "r.xlsx", lang="en")
    assert (tmp_path / "r.xlsx").is_file()
    assert caught.value.exit_code == 4
    assert caught.value.message("en").startswith(f"the reports are written ({tmp_path / 'r.xlsx'})")
