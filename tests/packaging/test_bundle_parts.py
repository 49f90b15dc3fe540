"""The bundle's own parts that run at build time or first in the frozen program: the ICU
data trimming (packaging/trim_icu.py) and the launcher choosing the window or the
command line by the name it was started by."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


trim_icu = _load("trim_icu", ROOT / "packaging" / "trim_icu.py")


@pytest.mark.parametrize(
    "item",
    [
        "root.res",
        "ko.res",
        "ko_KR.res",
        "en.res",
        "en_GB.res",
        "coll/ko.res",
        "coll/root.res",
        "coll/ucadata.icu",
        "nfc.nrm",
        "uts46.nrm",
        "pool.res",
        "res_index.res",
        "supplementalData.res",
        "likelySubtags.res",
        "zoneinfo64.res",
        "brkitr/word.brk",
        "curr/en_001.res",
        "cnvalias.icu",
        "unames.icu",
    ],
)
def test_korean_english_and_the_shared_data_stay(item: str) -> None:
    assert not trim_icu.dropped(item)


@pytest.mark.parametrize(
    "item",
    [
        "de.res",
        "zh_Hant_TW.res",
        "coll/zh.res",
        "curr/ja.res",
        "lang/fr_CA.res",
        "zone/ars.res",
        "gb18030.cnv",
        "ibm-1390_P110-2003.cnv",
        "brkitr/cjdict.dict",
        "brkitr/thaidict.dict",
        "translit/root.res",
        "rbnf/ru.res",
    ],
)
def test_other_locales_converters_dictionaries_and_transliterators_go(item: str) -> None:
    assert trim_icu.dropped(item)


def test_a_library_without_a_major_version_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="not an ICU data library"):
        trim_icu.trim(tmp_path / "libicudata.so", tmp_path / "out.so")


@pytest.mark.skipif(
    not all(
        shutil.which(tool, path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin"]))
        for tool in ("icupkg", "genrb", "cc", "objcopy", "nm")
    ),
    reason="needs ICU's icupkg and genrb, a C compiler and binutils (bundle.sh installs them)",
)
def test_a_trimmed_library_keeps_its_symbol_and_only_the_kept_items(tmp_path: Path) -> None:
    # a small data package of the real format (resource bundles compiled by genrb, packed
    # by icupkg) in a library shaped as Qt's is: one object icudt73_dat in .rodata
    items = tmp_path / "items"
    items.mkdir()
    names = ["root", "ko", "ko_KR", "en", "en_GB", "de", "zh", "zh_Hant", "zh_Hant_TW"]
    for name in names:
        (tmp_path / f"{name}.txt").write_text(f'{name}:table{{ Version{{"1"}} }}\n')
        subprocess.run(
            [trim_icu._tool("genrb"), "-q", "-d", str(items), str(tmp_path / f"{name}.txt")],
            check=True,
        )
    listing = tmp_path / "list.txt"
    listing.write_text("".join(f"{name}.res\n" for name in names), encoding="ascii")
    package = tmp_path / "icudt73l.dat"
    subprocess.run(
        [trim_icu._tool("icupkg"), "-s", str(items), "-a", str(listing), "new", str(package)],
        check=True,
    )
    source = tmp_path / "lib" / "libicudata.so.73"
    source.parent.mkdir()
    _library(package, source, tmp_path)
    target = tmp_path / "out" / "libicudata.so.73"
    target.parent.mkdir()
    trim_icu.trim(source, target)
    symbols = subprocess.run(["nm", "-D", str(target)], capture_output=True, text=True).stdout
    assert " icudt73_dat" in symbols
    header = subprocess.run(["objdump", "-p", str(target)], capture_output=True, text=True)
    assert "libicudata.so.73" in header.stdout.split("SONAME", 1)[1].splitlines()[0]
    kept = tmp_path / "out" / "icudt73l.dat"  # icupkg reads the items' prefix from the name
    subprocess.run(
        ["objcopy", "-O", "binary", "--only-section=.rodata", str(target), str(kept)], check=True
    )
    listed = subprocess.run(
        [trim_icu._tool("icupkg"), "-l", str(kept)], capture_output=True, text=True
    ).stdout
    assert sorted(listed.split()) == ["en.res", "en_GB.res", "ko.res", "ko_KR.res", "root.res"]


def _library(package: Path, target: Path, work: Path) -> None:
    assembly = work / "data.S"
    assembly.write_text(
        "\t.section .rodata\n\t.globl icudt73_dat\n\t.balign 16\nicudt73_dat:\n"
        f'\t.incbin "{package}"\n\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    subprocess.run(
        [
            "cc",
            "-shared",
            "-nostdlib",
            "-Wl,-soname,libicudata.so.73",
            "-o",
            str(target),
            str(assembly),
        ],
        check=True,
    )


@pytest.mark.parametrize(
    ("argv0", "executable", "window"),
    [
        ("/opt/reviewer/reviewer-gui", "/opt/reviewer/reviewer", True),  # the Linux link
        ("reviewer-gui", "/opt/reviewer/reviewer", True),
        ("/opt/reviewer/reviewer", "/opt/reviewer/reviewer-gui", True),  # a windowed build
        ("/opt/reviewer/reviewer", "/opt/reviewer/reviewer", False),
        ("reviewer", "/opt/reviewer/reviewer", False),
    ],
)
def test_the_launcher_opens_the_window_by_the_name_it_was_started_by(
    monkeypatch: pytest.MonkeyPatch, argv0: str, executable: str, window: bool
) -> None:
    import reviewer.cli

    called: list[str] = []
    monkeypatch.setattr(reviewer.cli, "gui_main", lambda: called.append("gui") or 0)
    monkeypatch.setattr(reviewer.cli, "main", lambda: called.append("cli") or 0)
    monkeypatch.setattr(sys, "argv", [argv0])
    monkeypatch.setattr(sys, "executable", executable)
    launcher = ROOT / "packaging" / "launcher.py"
    code = compile(launcher.read_text(encoding="utf-8"), str(launcher), "exec")
    with pytest.raises(SystemExit) as exit_:
        exec(code, {"__name__": "__main__"})  # as the frozen program runs it, argv kept
    assert exit_.value.code == 0
    assert called == ["gui" if window else "cli"]
