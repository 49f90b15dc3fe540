"""Database URLs: a plain PostgreSQL URL reaches the installed driver (no server needed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from reviewer.errors import InvalidInput
from reviewer.store.engine import database_url, make_engine, normalise_url


def _having(*modules: str) -> Callable[[str], bool]:
    return lambda name: name in modules


@pytest.mark.parametrize(
    ("url", "installed", "drivername"),
    [
        ("postgresql://u:p@db.local/round", ("psycopg",), "postgresql+psycopg"),
        ("postgres://u:p@db.local/round", ("psycopg",), "postgresql+psycopg"),
        ("postgresql://u:p@db.local/round", ("psycopg", "psycopg2"), "postgresql+psycopg"),
        ("postgresql://u:p@db.local/round", ("psycopg2",), "postgresql+psycopg2"),
        ("postgres://u:p@db.local/round", ("psycopg2",), "postgresql+psycopg2"),
        # neither installed: psycopg 3, so the message names what reviewer[postgresql] installs
        ("postgresql://u:p@db.local/round", (), "postgresql+psycopg"),
        # a driver named in the URL is kept
        ("postgresql+psycopg2://u:p@db.local/round", ("psycopg",), "postgresql+psycopg2"),
        ("postgresql+pg8000://u:p@db.local/round", ("psycopg",), "postgresql+pg8000"),
        ("postgres+psycopg2://u:p@db.local/round", ("psycopg",), "postgresql+psycopg2"),
    ],
)
def test_postgresql_urls_name_the_installed_driver(
    url: str, installed: tuple[str, ...], drivername: str
) -> None:
    normalised = make_url(normalise_url(url, _having(*installed)))
    original = make_url(url)
    assert normalised.drivername == drivername
    assert (normalised.username, normalised.password, normalised.host, normalised.database) == (
        original.username,
        original.password,
        original.host,
        original.database,
    )


def test_normalising_keeps_port_query_and_a_password_with_special_characters() -> None:
    url = "postgresql://chair:p%40ss%2Fw%3Ard@10.0.0.5:6543/round_2025?sslmode=require"
    normalised = make_url(normalise_url(url, _having("psycopg")))
    assert normalised.drivername == "postgresql+psycopg"
    assert normalised.password == "p@ss/w:rd"
    assert (normalised.port, normalised.database) == (6543, "round_2025")
    assert dict(normalised.query) == {"sslmode": "require"}


@pytest.mark.parametrize(
    "url",
    ["sqlite:////tmp/round.db", "sqlite://", "mysql+pymysql://u@h/db", "not a url://"],
)
def test_other_urls_are_kept_as_written(url: str) -> None:
    assert normalise_url(url, _having("psycopg")) == url


def test_database_url_normalises_urls_but_not_paths(tmp_path: Path) -> None:
    assert make_url(database_url("postgres://u@h/db")).drivername.startswith("postgresql+")
    assert database_url(tmp_path / "r.db") == f"sqlite:///{(tmp_path / 'r.db').resolve()}"


def test_a_missing_driver_is_named_with_what_to_install() -> None:
    pytest.importorskip("sqlalchemy.dialects.postgresql")
    try:
        import psycopg  # noqa: F401
    except ModuleNotFoundError:
        pass
    else:
        pytest.skip("psycopg is installed here")
    with pytest.raises(InvalidInput) as info:
        make_engine("postgres://chair:secret@db.local/round")
    message = info.value.message("en")
    assert "psycopg" in message and "reviewer[postgresql]" in message
    assert "secret" not in message
    assert info.value.exit_code == 3
