"""What-if recomputation at scale, through the service the window calls.

Two rounds are built as workbooks and imported into SQLite, and a selection run is
recorded: the demo round of the Seoul 2025 template (1,200 applications × 5 reviewers)
and the scale round of ``scale.py`` (10,000 applications × 7 reviewers × 8 criteria).
Then the what-if baseline is loaded once and a scenario is computed after a weight
change, a seats change and a quota share change — each repetition with a new value, so
nothing is answered from the cache of an earlier repetition. The figures are the median
and the worst time of ``Baseline.compute`` (engine, comparison with the recorded run,
configuration diff), and the median CPU time of the process (far below the time on a
machine busy with other programs). Targets: 0.2 s at 1,200 and 1 s at 10,000.

Each round is timed twice: with its budgets as configured (the scale round's bind, so
its selection is decided by the integer programs) and with every budget lifted (no
budget binds: the fast path, like the first line of ``bench_selection.py``).

    python benchmarks/bench_whatif.py [DIR] [--sizes 1200 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import load_config
from reviewer.resources import template_path
from reviewer.sample.round import DemoFiles, write_demo_round
from reviewer.services import importing, rounds, selecting
from reviewer.services.whatif import Baseline, load_baseline
from scale import write_scale_round

TARGETS = {1200: 0.2, 10_000: 1.0}


def build(directory: Path, size: int) -> Path:
    """The round of ``size`` applications imported and selected (reused when present)."""
    folder = directory / f"round-{size}"
    database = folder / "round.db"
    if database.exists():
        return database
    started = time.perf_counter()
    files: DemoFiles
    if size == 1200:
        files = write_demo_round(folder, load_config(str(template_path())), applications=size)
    else:
        files = write_scale_round(folder, applications=size)
    rounds.init_round(database, files.config)
    with rounds.open_round(database) as db:
        importing.import_applications(db, list(files.applications))
        importing.import_reviewers(db, [files.reviewers])
        importing.import_scores(db, list(files.scores))
        selecting.run_selection(db, "en")
    print(f"  built and selected in {time.perf_counter() - started:.1f} s")
    return database


def weight_change(config: RoundConfig, step: int) -> RoundConfig:
    track = config.tracks[0]
    first = track.criteria[0]
    criteria = (replace(first, weight=first.weight + step), *track.criteria[1:])
    return replace(config, tracks=(replace(track, criteria=criteria), *config.tracks[1:]))


def seats_change(config: RoundConfig, step: int) -> RoundConfig:
    track = config.tracks[0]
    return replace(config, tracks=(replace(track, seats=track.seats - step), *config.tracks[1:]))


def share_change(config: RoundConfig, step: int) -> RoundConfig:
    quota = config.quotas[-1]
    changed = replace(quota, share=min(Fraction(1), quota.share + Fraction(step, 100)))
    return replace(config, quotas=(*config.quotas[:-1], changed))


CHANGES: dict[str, Callable[[RoundConfig, int], RoundConfig]] = {
    "weight": weight_change,
    "seats": seats_change,
    "share": share_change,
}


def lifted(config: RoundConfig) -> RoundConfig:
    """``config`` with no budget in any track."""
    return replace(config, tracks=tuple(replace(t, budget=None) for t in config.tracks))


def timed(
    baseline: Baseline,
    start: RoundConfig,
    change: Callable[[RoundConfig, int], RoundConfig],
    repeat: int,
) -> tuple[list[float], list[float]]:
    times: list[float] = []
    cpus: list[float] = []
    for step in range(1, repeat + 1):
        config = change(start, step)
        started, cpu = time.perf_counter(), time.process_time()
        scenario = baseline.compute(config)
        times.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
        assert scenario.changes, "the change must show in the scenario"
    return sorted(times), sorted(cpus)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", nargs="?", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1200, 10_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    directory = args.directory or Path(tempfile.mkdtemp(prefix="reviewer-whatif-"))
    for size in args.sizes:
        print(f"{size:,} applications")
        database = build(directory, size)
        with rounds.open_round(database) as db:
            started = time.perf_counter()
            baseline = load_baseline(db)
        print(f"  load baseline            {time.perf_counter() - started:6.3f} s")
        started = time.perf_counter()
        baseline.compute(baseline.config)
        print(f"  first compute (cold)     {time.perf_counter() - started:6.3f} s")
        target = TARGETS.get(size)
        for label, start in (
            ("budgets as configured", baseline.config),
            ("budgets lifted", lifted(baseline.config)),
        ):
            print(f"  {label}")
            for name, change in CHANGES.items():
                times, cpus = timed(baseline, start, change, args.repeat)
                median, worst = times[len(times) // 2], times[-1]
                verdict = "" if target is None else ("ok" if median <= target else "OVER TARGET")
                cpu = cpus[len(cpus) // 2]
                figures = f"{median:6.3f} s  (worst {worst:.3f} s, CPU {cpu:.3f} s)"
                print(f"    after a {name:<7} change {figures}  {verdict}")


if __name__ == "__main__":
    main()
