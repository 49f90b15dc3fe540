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
