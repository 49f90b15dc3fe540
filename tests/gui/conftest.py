from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer.domain.config_toml import load_config
from reviewer.resources import template_path
from reviewer.sample.round import write_demo_round
from reviewer.services import importing, rounds, selecting
from reviewer.ui.main_window import MainWindow
from reviewer.ui.settings import Settings
from reviewer.ui.views.base import View


@pytest.fixture(scope="session")
def selected_round(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo round with a selection run, made once for the GUI tests."""
    directory = tmp_path_factory.mktemp("gui-round")
    files = write_demo_round(directory, load_config(str(template_path())), applications=120, seed=7)
    database = directory / "round.db"
    rounds.init_round(database, files.config)
    with rounds.open_round(database) as db:
        importing.import_applications(db, list(files.applications))
        importing.import_reviewers(db, [files.reviewers])
        importing.import_scores(db, list(files.scores))
        selecting.run_selection(db, "en")
    return database


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
