"""The reviewer's program killed (no close, no last save): what was typed before is in
the working file, and the package opens again with it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.exchange import packages
from reviewer.services.reviewer_work import ReviewerWork, work_path
from tests.reviewer_package import PACKAGE_ID, PASSWORD, build_package

ROOT = Path(__file__).parents[2]


@pytest.fixture
def package_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(packages, "SCRYPT_N", 2**4)  # the cost is in the package's header
    path = tmp_path / "R07.rvpkg"
    build_package(path)
    return path


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        REVIEWER_DATA_DIR=str(data),
        REVIEWER_PASSWORD=PASSWORD,
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
    )
    return env


def test_the_window_killed_after_typing_loses_nothing(package_file: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.reviewer_child", str(package_file), PASSWORD],
        cwd=ROOT,
        env=_env(data),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "SAVED"
    finally:
        child.kill()  # SIGKILL: nothing of the program runs after this
        child.wait(30)
    work = ReviewerWork.open(package_file, PASSWORD, data)
    try:
        draft = work.draft("2025-0001")
        assert draft.texts == {"tech": "33", "biz": "21"}
        assert draft.comment == "typed before the kill"
        assert work.current == "2025-0001"
    finally:
        work.close()


def test_reviewer_gui_opens_a_package_and_keeps_its_working_file(
    package_file: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reviewer",
            "gui",
            str(package_file),
            "--password-env",
            "REVIEWER_PASSWORD",
        ],
        cwd=ROOT,
        env=_env(data),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    path = work_path(PACKAGE_ID, data)
    try:
        deadline = time.monotonic() + 60
        current = None
        while time.monotonic() < deadline and child.poll() is None:
            if path.exists():
                with sqlite3.connect(path) as db:
                    try:
                        row = db.execute("select current_application from work_info").fetchone()
                    except sqlite3.OperationalError:  # the tables are being made
                        row = None
                if row is not None and row[0] is not None:
                    current = row[0]
                    break
            time.sleep(0.1)
        assert child.poll() is None, "the window ended by itself"
        assert current == "2025-0001"  # opened, and the first application shown
    finally:
        child.kill()
        child.wait(30)
