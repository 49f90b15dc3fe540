"""A small demo round imported through the services, for tests that need a real round."""

from __future__ import annotations

from pathlib import Path

from reviewer.domain.config_toml import load_config
from reviewer.resources import template_path
from reviewer.sample.round import write_demo_round
from reviewer.services import importing, rounds, selecting


def build_demo_round(directory: Path, applications: int, seed: int, select: bool) -> Path:
    """Write the demo workbooks into ``directory``, import them into ``round.db`` and,
    with ``select``, record a selection run; returns the database."""
    files = write_demo_round(
        directory, load_config(str(template_path())), applications=applications, seed=seed
    )
    database = directory / "round.db"
    rounds.init_round(database, files.config)
    with rounds.open_round(database) as db:
        importing.import_applications(db, list(files.applications))
        importing.import_reviewers(db, [files.reviewers])
        importing.import_scores(db, list(files.scores))
        if select:
            selecting.run_selection(db, "en")
    return database
