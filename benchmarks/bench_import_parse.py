"""Score import at scale: 70,000 wide rows (2 ids, 8 criteria, comment, conflict).

Writes the workbook once into a temporary directory, then prints how long python-calamine
alone takes to parse it and how long ``read_scores`` takes to read and validate it. The
goal is ``read_scores`` at most about three times the calamine-only time.

Run: ``python benchmarks/bench_import_parse.py [ROWS]``
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from reviewer.domain.config_toml import parse_config
from reviewer.exchange.importers.scores import read_scores

CRITERIA = 8
REVIEWERS = 100

CONFIG = parse_config(
    "\n".join(
        [
            '[round]\nname = "bench"\nyear = 2025\n',
            *(
                f'[[criteria]]\nid = "c{i}"\nname = "항목{i}"\nweight = 10\nmin = 0\nmax = 10\n'
                for i in range(CRITERIA)
            ),
            '[[tracks]]\nid = "t1"\nname = "트랙1"\nseats = 100\n',
            '[[tracks]]\nid = "t2"\nname = "트랙2"\nseats = 100\n',
        ]
    )
)


def write_workbook(path: Path, rows: int) -> tuple[dict[str, str], set[str]]:
    """A wide score sheet of ``rows`` rows; the applications and reviewers it names."""
    rng = random.Random(7)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("점수")
    sheet.append(
        ["과제번호", "심사위원ID", *(f"항목{i}" for i in range(CRITERIA)), "의견", "이해충돌"]
    )
    applications: dict[str, str] = {}
    reviewers = {f"R{r:03d}" for r in range(REVIEWERS)}
    per_application = 7  # each application is scored by 7 different reviewers
    for index in range(rows):
        number = index // per_application
        app_id = f"2025-{number:05d}"
        applications[app_id] = "t1" if number % 2 else "t2"
        reviewer_id = f"R{(index % per_application + number) % REVIEWERS:03d}"
        if index % 97 == 0:  # now and then a declared conflict, its scores left blank
            sheet.append([app_id, reviewer_id, *([None] * CRITERIA), "동일 기관", "Y"])
            continue
        scores: list[float] = [rng.randint(0, 10) for _ in range(CRITERIA)]
        scores[index % CRITERIA] += 0.5 if scores[index % CRITERIA] < 10 else 0
        sheet.append([app_id, reviewer_id, *scores, "기술 완성도가 높음", "N"])
    book.save(path)
    return applications, reviewers


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 70_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scores.xlsx"
        started = time.perf_counter()
        applications, reviewers = write_workbook(path, rows)
        print(f"wrote {rows:,} rows in {time.perf_counter() - started:.2f} s")

        calamine = []
        full = []
        for _ in range(3):
            started = time.perf_counter()
            with CalamineWorkbook.from_path(str(path)) as book:
                book.get_sheet_by_index(0).to_python(skip_empty_area=False)
            calamine.append(time.perf_counter() - started)
            started = time.perf_counter()
            reviews = read_scores([path], CONFIG, applications, reviewers, None)
            full.append(time.perf_counter() - started)
        assert len(reviews) == rows, len(reviews)
        best_calamine, best_full = min(calamine), min(full)
        print(f"calamine parse only : {best_calamine:.3f} s (best of 3)")
        print(f"read_scores         : {best_full:.3f} s (best of 3)")
        print(f"ratio               : {best_full / best_calamine:.2f}x")


if __name__ == "__main__":
    main()
