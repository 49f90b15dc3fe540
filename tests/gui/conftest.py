from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer.ui.main_window import MainWindow
from reviewer.ui.settings import Settings
from reviewer.ui.views.base import View
from tests.demo_round import build_demo_round


@pytest.fixture(scope="session")
def selected_round(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo round with a selection run, made once for the GUI tests."""
    return build_demo_round(tmp_path_factory.mktemp("gui-round"), 120, seed=7, select=True)


@pytest.fixture
def round_copy(selected_round: Path, tmp_path: Path) -> Path:
    """A copy of the selected round that a test may change."""
    copy = tmp_path / "round.db"
    shutil.copy(selected_round, copy)
    return copy


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.at(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot: QtBot, settings: Settings) -> Iterator[MainWindow]:
    window = MainWindow(settings, lang="en")
    qtbot.addWidget(window)
    window.show()
    yield window
    window.session.close()
    assert window.session.wait(10_000)


def open_and_wait(qtbot: QtBot, window: MainWindow, target: Path) -> None:
    """Open ``target`` as the user would and wait until the dashboard shows it."""
    dashboard = window.view("dashboard")
    loads = dashboard.loads
    window.open_round(target)
    qtbot.waitUntil(lambda: window.session.is_open and dashboard.loads > loads, timeout=15_000)


def wait_for_load(qtbot: QtBot, view: View, before: int) -> None:
    qtbot.waitUntil(lambda: view.loads > before, timeout=15_000)


@pytest.fixture
def opened(qtbot: QtBot, window: MainWindow, round_copy: Path) -> MainWindow:
    open_and_wait(qtbot, window, round_copy)
    return window
