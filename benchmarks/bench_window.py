"""The window at scale: the ranking of 10,000 applications in the selection view.

Run ``python benchmarks/bench_window.py [ROUND.db] [--rows N]``. Without a round it
times the models on synthetic rows: filling the ranking table, sorting it by final
score, filtering by text and by track, and painting a shown page while scrolling from
top to bottom. With a round database (e.g. the one ``benchmarks/bench_round.py`` writes)
it also times what the worker does before the view can show it: opening the round and
reading its newest run (``services.run_view.newest_run``) — off the GUI thread.
Runs offscreen.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.services.run_view import RunRow
from reviewer.ui.models.run import RunFilter, RunTable
from reviewer.ui.views.ranking_table import RankingTable
from reviewer.ui.views.widgets import data_table

TRACKS = ("pre-rnd", "challenge", "tips", "kibo", "testbed", "weak-tech", "reg-break")
STATUSES = ("selected", "selected_by_quota", "displaced_by_quota", "not_selected", "below_cutoff")


def synthetic_rows(count: int, seed: int = 7) -> list[RunRow]:
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        final = Decimal(rng.randint(4000, 10000)) / 100
        rows.append(
            RunRow(
                id=f"2025-{index:05d}",
                track=TRACKS[index % len(TRACKS)],
                rank=index // len(TRACKS) + 1,
                company=f"(주)기업{index}",
                title=f"AI 기반 과제 {index} 고도화 및 실증",
                ai_category=rng.choice(("AI", "AI+X", "none")),
                reviews=7,
                final=final,
                status=rng.choice(STATUSES),
                reason="",
                tie=False,
                first_below_cutoff=False,
                gap=None,
            )
        )
    return rows


def timed(label: str, function: object) -> float:
    start = time.perf_counter()
    function()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label:<48} {seconds * 1000:8.1f} ms")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("database", nargs="?", type=Path)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    rows = synthetic_rows(args.rows)
    model = RunTable()
    proxy = RunFilter()
    proxy.setSourceModel(model)
    table = data_table(proxy, table=RankingTable())
    table.resize(1200, 800)
    table.show()
    app.processEvents()
    print(f"ranking table, {len(rows):,} rows")
    timed("fill the model (and size columns)", lambda: (model.set_rows(rows), app.processEvents()))
    final = model.column_of("final")
    timed("sort by final score", lambda: proxy.sort(final, Qt.SortOrder.DescendingOrder))
    timed("filter by text", lambda: proxy.set_text("과제 99"))
    timed("clear the text filter", lambda: proxy.set_text(""))
    timed("filter by track", lambda: proxy.set_track("tips"))
    timed("all tracks again", lambda: proxy.set_track(""))

    def scroll() -> None:
        bar = table.verticalScrollBar()
        steps = 50
        for step in range(steps + 1):
            bar.setValue(bar.maximum() * step // steps)
            table.viewport().repaint()

    seconds = timed("scroll top to bottom, 51 repaints", scroll)
    print(f"{'  one repaint':<48} {seconds / 51 * 1000:8.1f} ms")

    if args.database is not None:
        from reviewer.services import run_view
        from reviewer.services.session import OpenRound

        opened: list[OpenRound] = []
        timed("open the round (worker)", lambda: opened.append(OpenRound(args.database)))
        view: list[object] = []
        timed(
            "read the newest run (worker)",
            lambda: view.append(run_view.newest_run(opened[0].database, "ko")),
        )
        run = view[0]
        if run is not None:
            real = list(run.rows)  # type: ignore[attr-defined]
            timed(
                f"show its {len(real):,} rows", lambda: (model.set_rows(real), app.processEvents())
            )
        opened[0].close()


if __name__ == "__main__":
    main()
