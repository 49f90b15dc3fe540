from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import load_config
from reviewer.resources import template_path
from reviewer.services import rounds
from reviewer.store.engine import Database


@pytest.fixture
def template() -> RoundConfig:
    return load_config(str(template_path()))


@pytest.fixture
def round_db(tmp_path: Path, template: RoundConfig) -> Path:
    """A fresh round database (the Seoul 2025 template) in a temporary folder."""
    path = tmp_path / "round.db"
    rounds.create_round(path, template)
    return path


@pytest.fixture
def database(round_db: Path) -> Iterator[Database]:
    with rounds.open_round(round_db) as db:
        yield db


@pytest.fixture
def selected_sample_round(tmp_path: Path) -> Path:
    """The sample round of the report tests, imported and selected once."""
    from reviewer.services import selecting
    from reviewer.store import repository, updates
    from tests.integration.test_report_pdf import sample_data

    data = sample_data()
    path = tmp_path / "round.db"
    rounds.create_round(path, data.config)
    with rounds.open_round(path) as database:
        with database.session() as session:
            repository.add_applications(session, list(data.applications), source="test")
            updates.upsert_reviewers(session, list(data.reviewers))
            repository.replace_reviews(session, list(data.reviews), source="test")
        selecting.run_selection(database, "ko")
    return path
