"""Writing the shipped round.toml template for a committee to edit."""

from __future__ import annotations

from pathlib import Path

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_writer import config_toml
from reviewer.errors import InvalidInput, Location, RefusedByState
from reviewer.exchange.reports.context import atomic_output
from reviewer.resources import read_text

SEOUL_2025 = "seoul-2025.toml"


def write_template(path: Path, *, force: bool = False) -> Path:
    """Write the Seoul 2025 template to ``path``.

    An existing file is kept unless ``force``: it may be a committee's edited
    configuration. The text goes to a temporary file beside ``path`` that is then renamed
    over it, so an interrupted write never leaves half a file (nor half of the old one).
    """
    path = Path(path)
    name = str(path)
    if not path.parent.is_dir():
        raise InvalidInput("store.no_folder", Location(file=name), path=str(path.parent))
    if path.is_dir():
        raise InvalidInput("template.is_folder", Location(file=name))
    if path.exists() and not force:
        raise RefusedByState("template.exists", path=name)
    with atomic_output(path) as temp:
        temp.write_text(read_text("templates", SEOUL_2025), encoding="utf-8")
    return path


def write_config(path: Path, config: RoundConfig) -> Path:
    """Write ``config`` as round.toml at ``path``, replacing a file there (the window asks
    first). Written beside it and renamed over it, like the template."""
    path = Path(path)
    name = str(path)
    if not path.parent.is_dir():
        raise InvalidInput("store.no_folder", Location(file=name), path=str(path.parent))
    try:
        with atomic_output(path) as temp:
            temp.write_text(config_toml(config), encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(
            "export.write_failed", path=name, error=exc.strerror or str(exc)
        ) from exc
    return path
