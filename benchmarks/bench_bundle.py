"""The installable bundle: its size, and how fast the frozen programs start.

Run ``python benchmarks/bench_bundle.py [--bundle dist/reviewer] [--repeat N]`` after
``bash scripts/bundle.sh``. It prints

- the size of the unpacked bundle and of the archive in dist/;
- ``reviewer --version`` from start to exit;
- ``reviewer-gui --exit-after-first-paint``: from starting the program until it exits
  right after the window's first paint (an upper bound of the time to first paint);
- ``reviewer-gui ROUND.db --screenshot``: starting, opening a demo round of 120
  applications, showing the dashboard with its data, and writing the PNG;

each as the minimum, median and maximum of the repeats, "cold" (the bundle's files
dropped from the operating system's file cache before each run, with
``posix_fadvise(DONTNEED)``; the system's own libraries stay cached) and "warm". The
window runs on X11 (a private Xvfb display) when Xvfb is installed, else offscreen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def files_of(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def evict(folder: Path) -> None:
    """Drop the bundle's files from the page cache (Linux; elsewhere a no-op)."""
    if not hasattr(os, "posix_fadvise"):
        return
    os.sync()
    for file in files_of(folder):
        with file.open("rb") as handle:
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def timed(command: Sequence[str], env: dict[str, str], check: Callable[[], bool]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, timeout=300)
    seconds = time.perf_counter() - start
    if result.returncode != 0 or not check():
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr.decode(errors='replace')}")
    return seconds


def spread(label: str, values: list[float]) -> None:
    print(
        f"{label:<46} min {min(values):5.2f} s  median {statistics.median(values):5.2f} s  "
        f"max {max(values):5.2f} s  (n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "reviewer")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    bundle: Path = args.bundle.resolve()
    exe = ".exe" if os.name == "nt" else ""
    cli, gui = str(bundle / f"reviewer{exe}"), str(bundle / f"reviewer-gui{exe}")

    size = sum(p.stat().st_size for p in files_of(bundle))
    print(f"unpacked bundle {bundle.name}: {size / 1e6:.1f} MB ({len(files_of(bundle))} files)")
    for archive in sorted((bundle.parent).glob("reviewer-*.*")):
        if archive.suffix in (".gz", ".zip"):
            print(f"archive {archive.name}: {archive.stat().st_size / 1e6:.1f} MB")

    scratch = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    xvfb: subprocess.Popen[bytes] | None = None
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env.update(HOME=str(scratch / "home"), XDG_CONFIG_HOME=str(scratch / "config"))
        env["XDG_DATA_HOME"] = str(scratch / "data")
        window_env = dict(env, QT_QPA_PLATFORM="offscreen")
        platform = "offscreen"
        if shutil.which("Xvfb") and sys.platform.startswith("linux"):
            display = f":{90 + os.getpid() % 100}"
            xvfb = subprocess.Popen(
                ["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(1.5)
            window_env = dict(env, QT_QPA_PLATFORM="xcb", DISPLAY=display)
            platform = "X11 (Xvfb)"
        demo = scratch / "demo"
        subprocess.run(
            [cli, "demo", str(demo), "--applications", "120"], env=env, check=True,
            capture_output=True,
        )  # fmt: skip
        database = str(demo / "round.db")
        shot = scratch / "dashboard.png"

        def screenshot_written() -> bool:
            written = shot.exists() and shot.stat().st_size > 10_000
            shot.unlink(missing_ok=True)
            return written

        runs: list[tuple[str, list[str], dict[str, str], Callable[[], bool]]] = [
            ("reviewer --version", [cli, "--version"], env, lambda: True),
            (
                f"window to first paint [{platform}]",
                [gui, "--lang", "ko", "--exit-after-first-paint"],
                window_env,
                lambda: True,
            ),
            (
                "dashboard screenshot of a round [offscreen]",
                [gui, "--lang", "ko", database, "--screenshot", str(shot)],
                dict(env, QT_QPA_PLATFORM="offscreen"),
                screenshot_written,
            ),
        ]
        for label, command, run_env, check in runs:
            cold, warm = [], []
            for _ in range(args.repeat):
                evict(bundle)
                cold.append(timed(command, run_env, check))
                warm.append(timed(command, run_env, check))
            spread(f"{label}, cold", cold)
            spread(f"{label}, warm", warm)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
