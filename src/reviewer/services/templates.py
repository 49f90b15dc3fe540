"""Writing the shipped round.toml template for a committee to edit."""

from __future__ import annotations

import os
import secrets
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
    text = read_text("templates", SEOUL_2025)
    if force:
        with atomic_output(path) as temp:
            temp.write_text(text, encoding="utf-8")
        return path
    # Without --force the whole file is put in place by a hard link, which fails when a
    # file appeared there meanwhile: what another program wrote is never replaced.
    temp = path.with_name(f".{path.name}-{secrets.token_hex(6)}")
    try:
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        try:
            os.link(temp, path)
        except FileExistsError as exc:
            raise RefusedByState("template.exists", path=name) from exc
        except OSError:
            # a file system without hard links: create the file exclusively instead
            with open(path, "x", encoding="utf-8") as handle:
                handle.write(text)
    except FileExistsError as exc:
        raise RefusedByState("template.exists", path=name) from exc
    except OSError as exc:
        raise InvalidInput(
            "export.write_failed", path=name, error=exc.strerror or str(exc)
        ) from exc
    finally:
        temp.unlink(missing_ok=True)
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
