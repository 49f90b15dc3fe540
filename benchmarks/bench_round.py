"""A large round end to end through the services, on the embedded SQLite default.

Writes (or reuses) the 10,000 × 7 × 8 scale round, then times each stage as the command
line runs it: parsing scores.xlsx with python-calamine alone (the floor), ``reviewer
init``, importing applications, reviewers and scores, loading the round back, and the
selection run (scoring, selection, statistics-free JSON, recording). Peak memory is the
process's maximum resident size.

    python benchmarks/bench_round.py [DIR] [--applications N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).parent))

from reviewer.services import importing, rounds, selecting
from reviewer.store import repository
from scale import write_scale_round


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", type=Path)
    parser.add_argument("--applications", type=int, default=10_000)
    args = parser.parse_args(argv)
    directory = args.directory or Path(tempfile.mkdtemp(prefix="reviewer-bench-"))
    directory.mkdir(parents=True, exist_ok=True)
    if not (directory / "scores.xlsx").exists():
        start = time.perf_counter()
        write_scale_round(directory, applications=args.applications)
        print(f"wrote the scale round in {time.perf_counter() - start:.1f} s")
    scores = directory / "scores.xlsx"

    start = time.perf_counter()
    book = CalamineWorkbook.from_path(str(scores))
    rows = book.get_sheet_by_index(0).to_python()
    parse = time.perf_counter() - start
    print(f"calamine parse of scores.xlsx ({len(rows) - 1:,} rows): {parse:.2f} s")
    del rows, book

    database = directory / "round.db"
    for leftover in (
        database,
        database.with_name("round.db-wal"),
        database.with_name("round.db-shm"),
    ):
        leftover.unlink(missing_ok=True)
    timings: dict[str, float] = {}

    def timed(name: str, started: float) -> None:
        timings[name] = time.perf_counter() - started
        print(f"{name:<24}{timings[name]:8.2f} s")

    started = time.perf_counter()
    rounds.init_round(database, directory / "round.toml")
    timed("init", started)
    with rounds.open_round(database) as db:
        started = time.perf_counter()
        importing.import_applications(db, [directory / "applications.xlsx"])
        timed("import applications", started)
        started = time.perf_counter()
        importing.import_reviewers(db, [directory / "reviewers.xlsx"])
        timed("import reviewers", started)
        started = time.perf_counter()
        summary = importing.import_scores(db, [scores])
        timed("import scores", started)
        print(
            f"  {summary.added:,} reviews; {timings['import scores'] / parse:.2f}× the "
            "calamine parse"
        )
        started = time.perf_counter()
        with db.session() as session:
            data = repository.load_round(session)
        timed("load round", started)
        print(f"  {len(data.applications):,} applications, {len(data.reviews):,} reviews")
        started = time.perf_counter()
        run = selecting.run_selection(db, "en")
        timed("select (load+score+run)", started)
        print(
            f"  selected {run.document['objective']['selected']}, "
            f"shortfall {run.document['objective']['shortfall']}, "
            f"solver {run.result.selection.method}"
        )
    print(f"peak memory {_peak_mib():.0f} MiB")


if __name__ == "__main__":
    main()
