from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.domain.config_toml import load_config
from reviewer.resources import template_path
from reviewer.sample.round import write_demo_round
from reviewer.services import importing, rounds, selecting


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
