"""An installed wheel finds its resources and migrations, and runs its command line.

The wheel is built from this tree and installed into a fresh virtual environment;
its dependencies are borrowed from this environment (a .pth file), so nothing is
downloaded and the test takes seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.packaging

CHECK = """
import sys
from pathlib import Path
import reviewer
from reviewer import resources
from reviewer.store import migrate
here = Path(reviewer.__file__).resolve()
assert here.is_relative_to(Path(sys.prefix).resolve()), here
print(reviewer.__version__)
print(",".join(resources.missing()) or "complete")
print(migrate.head_revision())
"""


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/Scripts folder of a fresh virtual environment with the wheel installed."""
    tmp = tmp_path_factory.mktemp("wheel")
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp / "wheels"), str(ROOT)],
        tmp,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp / "wheels").glob("reviewer-*.whl")
    venv = tmp / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp)
    assert made.returncode == 0, made.stderr
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = Path(_run([str(python), "-c", where], tmp).stdout.strip())
    added = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        tmp,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    # the dependencies from this environment (not the package itself: an editable
    # install's .pth file is not read from a folder named in another .pth file)
    ours = sysconfig.get_paths()
    (purelib / "borrowed.pth").write_text(f"{ours['purelib']}\n{ours['platlib']}\n")
    return scripts


def test_the_installed_package_finds_its_resources_and_migrations(installed: Path) -> None:
    python = installed / ("python.exe" if os.name == "nt" else "python")
    result = _run([str(python), "-c", CHECK], installed.parent)
    assert result.returncode == 0, result.stderr
    got_version, complete, head = result.stdout.split()
    assert got_version == version("reviewer")
    assert complete == "complete"
    from reviewer.store.migrate import head_revision

    assert head == head_revision()


def test_the_installed_command_line_writes_the_template(installed: Path, tmp_path: Path) -> None:
    reviewer = installed / ("reviewer.exe" if os.name == "nt" else "reviewer")
    shown = _run([str(reviewer), "--version"], tmp_path)
    assert shown.stdout.strip() == f"reviewer {version('reviewer')}"
    written = _run([str(reviewer), "template", str(tmp_path / "round.toml")], tmp_path)
    assert written.returncode == 0, written.stderr
    from reviewer.resources import read_text

    assert (tmp_path / "round.toml").read_text(encoding="utf-8") == read_text(
        "templates", "seoul-2025.toml"
    )
