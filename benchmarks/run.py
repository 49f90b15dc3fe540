"""The whole command line at scale: every command timed as a fresh process, beside the
floors and the peer measured in the same run.

    python benchmarks/run.py --scale S|L|XL [--json] [--repeat N] [--dir DIR]
                             [--stages init,import_scores,...]

Scales: S is 1,200 applications × 5 reviewers × 4 criteria (about 62 reviewers), L is
10,000 × 7 × 8 and XL 100,000 × 7 × 8 (``scale.py``). The round is written as workbooks
into DIR (default: a folder in the temporary directory named after the scale) and
reused when it is there.

Stages, each ``python -m reviewer ...`` in a new process, the median of ``--repeat``
runs, each on a fresh copy of the database it starts from: ``init``,
``import_applications``, ``import_reviewers``, ``import_scores``, ``select`` (a round
whose round.toml has no budget, so none binds), ``select_budget`` (the budgets of
scale.py, which bind), ``export_xlsx``, ``export_pdf``, ``export_sheets``, ``gui_open``
(``reviewer gui ROUND.db --screenshot F.png --view selection``, offscreen: from start to
exit, once the selection view shows the ranking) and ``whatif`` (in one process: the
what-if baseline loaded and its scenario computed, as the window does, then only
``Baseline.compute`` after a weight change is timed, each repetition a new weight). The
peak resident size of every stage's process is taken from ``os.wait4``.

Floors, in their own processes and timed inside them: python-calamine's bare parse of
scores.xlsx and applications.xlsx, and XlsxWriter (constant memory, no styles) writing
the cells of the workbook the export_xlsx stage wrote. The peer is
``peer_pandas.py`` (read both workbooks, average the criterion sums per application,
rank per track) as a process with pandas' default engine (openpyxl) and with calamine.
The figures compared with the targets are ratios to these, so a busy machine slows
both sides alike. pandas and XlsxWriter come with ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
INSTALL_BENCH = "pip install -e '.[bench]'"
LANG = "ko"


@dataclass(frozen=True)
class Scale:
    applications: int
    reviewers_per_application: int
    criteria: int
    reviews_per_reviewer: int | None  # None: 8–12 reviewers per track

    def describe(self) -> str:
        return (
            f"{self.applications:,} applications × {self.reviewers_per_application} "
            f"reviewers × {self.criteria} criteria"
        )

    def document(self) -> dict[str, Any]:
        return {
            "applications": self.applications,
            "reviewers_per_application": self.reviewers_per_application,
            "criteria": self.criteria,
            "reviews_per_reviewer": self.reviews_per_reviewer,
        }


SCALES = {
    "S": Scale(1200, 5, 4, None),
    "L": Scale(10_000, 7, 8, 150),
    "XL": Scale(100_000, 7, 8, 150),
}
STAGES = (
    "init",
    "import_applications",
    "import_reviewers",
    "import_scores",
    "select",
    "select_budget",
    "export_xlsx",
    "export_pdf",
    "export_sheets",
    "gui_open",
    "whatif",
)
PIPELINE = ("init", "import_applications", "import_reviewers", "import_scores", "select")


# -- targets and ratios (no timing here) --------------------------------------------------


@dataclass(frozen=True)
class Target:
    key: str  # a key of the figures (ratios, stages, peak_rss_mb)
    label: str
    limits: Mapping[str, float] | float  # per scale, or the same at every scale
    unit: str  # "s" or "x" or "MB"

    def limit(self, scale: str) -> float | None:
        if isinstance(self.limits, Mapping):
            return self.limits.get(scale)
        return self.limits

    def describe(self, scale: str) -> str:
        limit = self.limit(scale)
        if limit is not None or not isinstance(self.limits, Mapping):
            return f"≤ {_figure(self.limits if limit is None else limit, self.unit)}"
        where = ", ".join(f"≤ {_figure(v, self.unit)} at {s}" for s, v in self.limits.items())
        return f"({where})"


TARGETS = (
    Target("fixed_cost", "fixed cost of a command (import reviewers)", 0.3, "s"),
    Target("import_scores", "import scores / calamine parse of scores.xlsx", 2, "x"),
    Target("import_applications", "import applications / calamine parse of applications", 2, "x"),
    Target("select", "select, no budget binds / scores parse", {"L": 1}, "x"),
    Target("select_budget", "select, budgets bind / scores parse", {"L": 3}, "x"),
    Target("export_xlsx", "export --xlsx / XlsxWriter floor", 1.5, "x"),
    Target("export_pdf_per_page", "export --pdf, seconds per page", 0.030, "s"),
    Target("export_sheets_per_reviewer", "export --sheets, seconds per reviewer", 0.3, "s"),
    Target("pipeline_vs_peer", "init + 3 imports + select / pandas (calamine) peer", 2, "x"),
    Target("gui_open", "window showing the ranking", {"L": 2}, "s"),
    Target("whatif", "what-if after a weight change", {"S": 0.2, "L": 1}, "s"),
    Target("peak_rss_mb", "peak RSS of a stage", {"L": 600}, "MB"),
)


def _figure(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}×"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value * 1000:.0f} ms" if value < 0.1 else f"{value:.2f} s"


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def compute_ratios(
    stages: Mapping[str, float | None],
    floor: Mapping[str, float | None],
    peer: Mapping[str, float | None],
    pages: int | None,
    reviewers: int | None,
) -> dict[str, float | None]:
    """The figures compared with the targets, from the medians of one run."""
    pipeline = [stages.get(name) for name in PIPELINE]
    pipeline_total = None if None in pipeline else sum(p for p in pipeline if p is not None)
    return {
        "fixed_cost": stages.get("import_reviewers"),
        "import_scores": _ratio(stages.get("import_scores"), floor.get("parse_scores")),
        "import_applications": _ratio(
            stages.get("import_applications"), floor.get("parse_applications")
        ),
        "select": _ratio(stages.get("select"), floor.get("parse_scores")),
        "select_budget": _ratio(stages.get("select_budget"), floor.get("parse_scores")),
        "export_xlsx": _ratio(stages.get("export_xlsx"), floor.get("write_xlsx")),
        "export_pdf_per_page": _ratio(stages.get("export_pdf"), pages),
        "export_sheets_per_reviewer": _ratio(stages.get("export_sheets"), reviewers),
        "pipeline_vs_peer": _ratio(pipeline_total, peer.get("pandas_calamine")),
    }


def verdicts(
    scale: str, figures: Mapping[str, float | None]
) -> dict[str, tuple[float | None, float | None, bool | None]]:
    """Each target's (figure, limit at this scale, met); met is None when the figure is
    missing or the target is not set at this scale."""
    result: dict[str, tuple[float | None, float | None, bool | None]] = {}
    for target in TARGETS:
        value = figures.get(target.key)
        limit = target.limit(scale)
        met = None if value is None or limit is None else value <= limit
        result[target.key] = (value, limit, met)
    return result


def document(
    scale: str,
    stages: Mapping[str, float | None],
    rss: Mapping[str, float | None],
    floor: Mapping[str, float | None],
    peer: Mapping[str, float | None],
    counts: Mapping[str, int | None],
) -> dict[str, Any]:
    """The JSON object of a run."""
    known = [v for v in rss.values() if v is not None]
    peak = max(known) if known else None
    ratios = compute_ratios(stages, floor, peer, counts.get("pages"), counts.get("reviewers"))
    figures = {**stages, **ratios, "peak_rss_mb": peak}
    return {
        "scale": scale,
        "stages": dict(stages),
        "peak_rss_mb": peak,
        "floor": {k: floor.get(k) for k in ("parse_scores", "parse_applications", "write_xlsx")},
        "peer": {k: peer.get(k) for k in ("pandas_default", "pandas_calamine")},
        "ratios": ratios,
        "met": {key: met for key, (_, _, met) in verdicts(scale, figures).items()},
        "rss_mb": dict(rss),
        "counts": dict(counts),
    }


# -- running processes -------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float
    rss_mb: float
    code: int
    stdout: Path
    stderr: Path

    def failure(self) -> str:
        tail = self.stderr.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        return f"exit code {self.code}: " + " / ".join(tail[-3:])


def run_process(
    argv: Sequence[str], logs: Path, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Run:
    """Run ``argv`` to its end: wall time from start to exit, and its peak RSS."""
    stdout, stderr = logs.with_suffix(".out"), logs.with_suffix(".err")
    logs.parent.mkdir(parents=True, exist_ok=True)
    with open(stdout, "wb") as out, open(stderr, "wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(argv), stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env, cwd=cwd
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    # Linux gives ru_maxrss in KiB
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode, stdout, stderr)


def reviewer_command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "reviewer", "--lang", LANG, *(str(a) for a in args)]


def worker_command(*args: str | Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--worker", *(str(a) for a in args)]


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- the round ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Round:
    config: Path
    config_no_budget: Path
    applications: Path
    reviewers: Path
    scores: Path


def lift_budgets(text: str) -> str:
    """round.toml text without any track's budget (scale.py writes ``budget = N`` lines
    in [[tracks]] only)."""
    return "".join(
        line for line in text.splitlines(keepends=True) if not re.match(r"\s*budget\s*=", line)
    )


def prepare_round(directory: Path, name: str, scale: Scale) -> Round:
    """The round's workbooks in ``directory``: written by scale.py unless there."""
    files = Round(
        config=directory / "round.toml",
        config_no_budget=directory / "round-no-budget.toml",
        applications=directory / "applications.xlsx",
        reviewers=directory / "reviewers.xlsx",
        scores=directory / "scores.xlsx",
    )
    marker = directory / "shape.json"
    present = all(p.exists() for p in (files.config, files.applications, files.reviewers))
    present = present and files.scores.exists()
    if present and marker.exists():
        shape = json.loads(marker.read_text(encoding="utf-8"))
        if shape != scale.document():
            raise SystemExit(
                f"{directory} holds a round of another shape ({shape}); use another --dir"
            )
    if present:
        say(f"reusing the round in {directory}")
    else:
        say(f"writing the {name} round ({scale.describe()}) into {directory}")
        directory.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            str(HERE / "scale.py"),
            str(directory),
            "--applications",
            str(scale.applications),
            "--reviewers-per-application",
            str(scale.reviewers_per_application),
            "--criteria",
            str(scale.criteria),
            "--reviews-per-reviewer",
            str(scale.reviews_per_reviewer or 0),
        ]
        subprocess.run(command, check=True, stdout=sys.stderr)
        marker.write_text(json.dumps(scale.document()), encoding="utf-8")
    text = files.config.read_text(encoding="utf-8")
    files.config_no_budget.write_text(lift_budgets(text), encoding="utf-8")
    return files


# -- the stages --------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    name: str
    source: str | None  # the step whose database this one starts from
    command: Callable[[Path, Path], list[str]]  # (database, folder) -> argv
    env: Mapping[str, str] | None = None


def steps(files: Round, repeat: int) -> list[Step]:
    """Every step in order: the timed stages and the untimed ones that prepare the round
    without budgets for ``select``."""

    def init(config: Path) -> Callable[[Path, Path], list[str]]:
        return lambda db, _: reviewer_command("init", db, "--config", config)

    def imports(kind: str, path: Path) -> Callable[[Path, Path], list[str]]:
        return lambda db, _: reviewer_command("import", kind, db, path)

    gui_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return [
        Step("init", None, init(files.config)),
        Step("import_applications", "init", imports("applications", files.applications)),
        Step("import_reviewers", "import_applications", imports("reviewers", files.reviewers)),
        Step("import_scores", "import_reviewers", imports("scores", files.scores)),
        Step("no_budget_init", None, init(files.config_no_budget)),
        Step(
            "no_budget_applications",
            "no_budget_init",
            imports("applications", files.applications),
        ),
        Step(
            "no_budget_reviewers", "no_budget_applications", imports("reviewers", files.reviewers)
        ),
        Step("no_budget_scores", "no_budget_reviewers", imports("scores", files.scores)),
        Step("select", "no_budget_scores", lambda db, _: reviewer_command("select", db)),
        Step("select_budget", "import_scores", lambda db, _: reviewer_command("select", db)),
        Step(
            "export_xlsx",
            "select_budget",
            lambda db, out: reviewer_command("export", db, "--xlsx", out / "ranking.xlsx"),
        ),
        Step(
            "export_pdf",
            "select_budget",
            lambda db, out: reviewer_command("export", db, "--pdf", out / "ranking.pdf"),
        ),
        Step(
            "export_sheets",
            "select_budget",
            lambda db, out: reviewer_command("export", db, "--sheets", out / "sheets"),
        ),
        Step(
            "gui_open",
            "select_budget",
            lambda db, out: reviewer_command(
                "gui", db, "--screenshot", out / "selection.png", "--view", "selection"
            ),
            gui_env,
        ),
        Step(
            "whatif",
            "select_budget",
            lambda db, _: worker_command("whatif", db, "--repeat", str(repeat)),
        ),
    ]


def copy_database(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = source.with_name(source.name + suffix)
        if path.exists():
            shutil.copyfile(path, target.with_name(target.name + suffix))


def json_line(path: Path) -> dict[str, Any]:
    lines = path.read_text(encoding="utf-8").strip().splitlines()
    result: dict[str, Any] = json.loads(lines[-1])
    return result


@dataclass
class Results:
    stages: dict[str, float | None]
    rss: dict[str, float | None]
    failures: dict[str, str]
    extra: dict[str, Any]


def run_stages(files: Round, work: Path, chosen: Sequence[str], repeat: int) -> Results:
    """Run the chosen stages (and, once and untimed, the steps they start from)."""
    plan = steps(files, repeat)
    by_name = {step.name: step for step in plan}
    needed: set[str] = set()
    for name in chosen:
        current: str | None = name
        while current is not None and current not in needed:
            needed.add(current)
            current = by_name[current].source
    results = Results({}, {}, {}, {})
    for step in plan:
        if step.name not in needed:
            continue
        timed = step.name in chosen
        if step.source is not None and step.source in results.failures:
            results.failures[step.name] = f"skipped: {step.source} failed"
            if timed:
                results.stages[step.name] = results.rss[step.name] = None
            continue
        folder = work / step.name
        runs: list[Run] = []
        for attempt in range(repeat if timed else 1):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            database = folder / "round.db"
            if step.source is not None:
                copy_database(work / step.source / "round.db", database)
            run = run_process(
                step.command(database, folder), folder / f"run{attempt}", env=step.env
            )
            if run.code != 0:
                results.failures[step.name] = run.failure()
                say(f"  {step.name}: FAILED, {run.failure()}")
                break
            runs.append(run)
        if step.name in results.failures:
            if timed:
                results.stages[step.name] = results.rss[step.name] = None
            continue
        if not timed:
            say(f"  (prepared {step.name} in {runs[-1].seconds:.2f} s)")
            continue
        results.rss[step.name] = max(r.rss_mb for r in runs)
        if step.name == "whatif":
            report = json_line(runs[-1].stdout)
            results.stages[step.name] = statistics.median(report["times"])
            results.extra["whatif"] = report
        else:
            results.stages[step.name] = statistics.median(r.seconds for r in runs)
        figure = results.stages[step.name] or 0.0
        say(f"  {step.name:<22}{figure:9.3f} s  {results.rss[step.name]:7.0f} MB")
    return results


# -- floors and the peer -----------------------------------------------------------------


def measure_floors(
    files: Round, work: Path, exported: Path | None, repeat: int
) -> tuple[dict[str, float | None], dict[str, int | None]]:
    floor: dict[str, float | None] = {}
    counts: dict[str, int | None] = {}
    for key, path in (("parse_scores", files.scores), ("parse_applications", files.applications)):
        run = run_process(worker_command("parse", path, "--repeat", str(repeat)), work / key)
        if run.code != 0:
            say(f"  floor {key}: FAILED, {run.failure()}")
            floor[key] = None
            continue
        report = json_line(run.stdout)
        floor[key] = statistics.median(report["times"])
        counts[f"{key.removeprefix('parse_')}_rows"] = report["rows"]
        say(f"  floor {key:<18}{floor[key]:9.3f} s")
    floor["write_xlsx"] = None
    if exported is None or not exported.exists():
        say("  floor write_xlsx: no exported workbook (the export_xlsx stage did not run)")
    else:
        target = work / "floor.xlsx"
        command = worker_command("write_xlsx", exported, target, "--repeat", str(repeat))
        run = run_process(command, work / "write_xlsx")
        if run.code != 0:
            say(f"  floor write_xlsx: FAILED, {run.failure()}")
        else:
            report = json_line(run.stdout)
            floor["write_xlsx"] = statistics.median(report["times"])
            counts["export_cells"] = report["cells"]
            cells = report["cells"]
            say(f"  floor write_xlsx        {floor['write_xlsx']:9.3f} s ({cells:,} cells)")
    return floor, counts


def measure_peer(files: Round, work: Path, repeat: int) -> dict[str, float | None]:
    peer: dict[str, float | None] = {"pandas_default": None, "pandas_calamine": None}
    if find_spec("pandas") is None:
        say(f"  peer: pandas is not installed; install it with {INSTALL_BENCH}")
        return peer
    for key, engine in (("pandas_default", "openpyxl"), ("pandas_calamine", "calamine")):
        command = [
            sys.executable,
            str(HERE / "peer_pandas.py"),
            str(files.applications),
            str(files.scores),
            "--engine",
            engine,
        ]
        times: list[float] = []
        for attempt in range(repeat):
            run = run_process(command, work / f"{key}{attempt}")
            if run.code != 0:
                say(f"  peer {key}: FAILED, {run.failure()}")
                break
            times.append(run.seconds)
        else:
            peer[key] = statistics.median(times)
            say(f"  peer {key:<19}{peer[key]:9.3f} s")
    return peer


def pdf_pages(path: Path) -> int | None:
    """Pages of a PDF: pypdf when installed, else pdfinfo, else its page objects."""
    if not path.exists():
        return None
    if find_spec("pypdf") is not None:
        import pypdf

        return len(pypdf.PdfReader(str(path)).pages)
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        done = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True)
        found = re.search(r"^Pages:\s+(\d+)", done.stdout, re.MULTILINE)
        if found:
            return int(found[1])
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", path.read_bytes()))


def count_reviewers(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return sum(1 for row in rows[1:] if row and str(row[0]).strip())


# -- workers (run in their own processes) ------------------------------------------------


def worker(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(prog="run.py --worker")
    parser.add_argument("kind", choices=["parse", "write_xlsx", "whatif"])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    report = {"parse": _parse, "write_xlsx": _write_xlsx, "whatif": _whatif}[args.kind](
        args.paths, args.repeat
    )
    print(json.dumps(report))


def _parse(paths: Sequence[Path], repeat: int) -> dict[str, Any]:
    """python-calamine's bare parse of the first sheet."""
    from python_calamine import CalamineWorkbook

    times: list[float] = []
    rows = 0
    for _ in range(repeat):
        started = time.perf_counter()
        table = CalamineWorkbook.from_path(str(paths[0])).get_sheet_by_index(0).to_python()
        times.append(time.perf_counter() - started)
        rows = len(table)
        del table
    return {"times": times, "rows": rows}


def _write_xlsx(paths: Sequence[Path], repeat: int) -> dict[str, Any]:
    """The cells of the exported workbook (read with calamine, untimed) written with
    XlsxWriter in constant-memory mode, no styles, text kept as text."""
    import xlsxwriter
    from python_calamine import CalamineWorkbook

    source, target = paths
    book = CalamineWorkbook.from_path(str(source))
    sheets = [(name, book.get_sheet_by_name(name).to_python()) for name in book.sheet_names]
    cells = sum(1 for _, rows in sheets for row in rows for value in row if value != "")
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    times: list[float] = []
    for _ in range(repeat):
        target.unlink(missing_ok=True)
        started = time.perf_counter()
        workbook = xlsxwriter.Workbook(str(target), options)
        for name, rows in sheets:
            sheet = workbook.add_worksheet(name)
            for number, row in enumerate(rows):
                sheet.write_row(number, 0, row)
        workbook.close()
        times.append(time.perf_counter() - started)
    return {"times": times, "cells": cells, "sheets": len(sheets)}


def _whatif(paths: Sequence[Path], repeat: int) -> dict[str, Any]:
    """The window's what-if: the baseline loaded and its own scenario computed (which
    prepares the engine), then one weight change after another, each timed."""
    sys.path.insert(0, str(HERE))
    from bench_whatif import weight_change
    from reviewer.services import rounds
    from reviewer.services.whatif import load_baseline

    started = time.perf_counter()
    with rounds.open_round(paths[0]) as database:
        baseline = load_baseline(database)
    load = time.perf_counter() - started
    started = time.perf_counter()
    baseline.compute(baseline.config)
    first = time.perf_counter() - started
    times: list[float] = []
    for step in range(1, repeat + 1):
        config = weight_change(baseline.config, step)
        started = time.perf_counter()
        scenario = baseline.compute(config)
        times.append(time.perf_counter() - started)
        if not scenario.changes:
            raise SystemExit("the weight change does not show in the scenario")
    return {"times": times, "load": load, "first": first}


# -- the report --------------------------------------------------------------------------


def print_table(
    doc: Mapping[str, Any], scale: Scale, repeat: int, failures: Mapping[str, str]
) -> None:
    name = doc["scale"]
    print(f"reviewer, the command line at scale {name}: {scale.describe()}; median of {repeat}")
    print()
    print(f"{'stage':<24}{'seconds':>9}{'peak RSS':>11}")
    for stage, seconds in doc["stages"].items():
        rss = doc["rss_mb"].get(stage)
        shown = "failed" if seconds is None else f"{seconds:.3f}"
        print(f"{stage:<24}{shown:>9}{'' if rss is None else f'{rss:.0f} MB':>11}")
    print()
    labels = {
        "parse_scores": "calamine parse of scores.xlsx",
        "parse_applications": "calamine parse of applications.xlsx",
        "write_xlsx": "XlsxWriter, the export's cells",
        "pandas_default": "pandas peer (openpyxl)",
        "pandas_calamine": "pandas peer (calamine)",
    }
    for key, value in (*doc["floor"].items(), *doc["peer"].items()):
        shown = "—" if value is None else f"{value:.3f} s"
        print(f"{labels[key]:<40}{shown:>11}")
    print()
    counts = doc["counts"]
    print(", ".join(f"{k} {v:,}" for k, v in counts.items() if v is not None))
    print()
    figures = {**doc["stages"], **doc["ratios"], "peak_rss_mb": doc["peak_rss_mb"]}
    print(f"{'target':<56}{'figure':>10}  {'limit':<22}met")
    for target in TARGETS:
        value, _, met = verdicts(name, figures)[target.key]
        shown = "—" if value is None else _figure(value, target.unit)
        verdict = {True: "yes", False: "NO", None: "—"}[met]
        print(f"{target.label:<56}{shown:>10}  {target.describe(name):<22}{verdict}")
    for stage, why in failures.items():
        print(f"failed: {stage}: {why}")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"]:
        worker(argv[1:])
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        epilog=f"pandas (the peer) and XlsxWriter (a floor): {INSTALL_BENCH}",
    )
    parser.add_argument("--scale", choices=list(SCALES), required=True)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage (median)")
    parser.add_argument("--dir", type=Path, default=None, help="where the round is written")
    parser.add_argument(
        "--stages", default=",".join(STAGES), help=f"comma-separated, of {', '.join(STAGES)}"
    )
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in STAGES]
    if unknown:
        parser.error(f"unknown stages: {', '.join(unknown)}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    scale = SCALES[args.scale]
    directory = args.dir or Path(tempfile.gettempdir()) / f"reviewer-bench-{args.scale}"
    files = prepare_round(directory.resolve(), args.scale, scale)
    work = directory.resolve() / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    # the program's modules compiled once, so no stage pays for it
    import reviewer

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(reviewer.__file__).parent)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    say(f"stages ({scale.describe()}, median of {args.repeat}):")
    order = [s for s in STAGES if s in chosen]
    results = run_stages(files, work, order, args.repeat)
    say("floors and peer:")
    exported = work / "export_xlsx" / "ranking.xlsx" if "export_xlsx" in order else None
    floor, counts = measure_floors(files, work / "floors", exported, args.repeat)
    peer = measure_peer(files, work / "peer", args.repeat)
    counts["pages"] = (
        pdf_pages(work / "export_pdf" / "ranking.pdf") if "export_pdf" in order else None
    )
    counts["reviewers"] = count_reviewers(files.reviewers)
    doc = document(args.scale, results.stages, results.rss, floor, peer, counts)
    if "whatif" in results.extra:
        doc["whatif"] = {k: v for k, v in results.extra["whatif"].items() if k != "times"}
    if args.json:
        print(json.dumps(doc, ensure_ascii=False))
    else:
        print_table(doc, scale, args.repeat, results.failures)
    return 1 if any(s in results.failures for s in order) else 0


if __name__ == "__main__":
    raise SystemExit(main())
