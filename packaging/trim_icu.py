"""Trim the ICU data library that Qt's Linux wheels carry (``libicudata.so.NN``).

Qt links ICU for a few things this program never asks for in other languages
(collation, locale names, legacy text converters). The data library holds every
locale, every converter table and the word-break dictionaries: 31 MB, an eighth of the
bundle. This keeps what Korean and English need: the root and the ``ko``/``en`` locales
in every tree, the collation and normalisation data and the break rules; it drops the
other locales, the converters (``*.cnv``), the dictionaries and the transliterators.
ICU falls back to the root locale for a locale removed. Without the converters Qt
knows only the encodings it implements itself (UTF-8, UTF-16, UTF-32, Latin-1): the
program decodes other encodings (CP949 CSV files) with Python's codecs, not Qt's.

The data is the one object ``icudtNN_dat`` in the library's ``.rodata``: it is taken
out with objcopy, filtered with ICU's own ``icupkg`` and put back into a shared library
of the same name and symbol with the C compiler. Usage:

    python packaging/trim_icu.py SOURCE_LIBRARY TARGET_LIBRARY
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("root", "en", "ko")
NOT_LOCALES = ("res_index.res",)  # the index of a tree's locales: "res" is no language
LOCALE_ITEM = re.compile(r"^(?:[a-z]+/)?(?P<lang>[a-z]{2,3})(?:_[A-Za-z0-9]+)*\.res$")


def dropped(item: str) -> bool:
    """Whether one item of the data package (``coll/de.res``, ``gb18030.cnv``) goes."""
    if item.endswith(".cnv") or item.endswith(".dict") or item.startswith("translit/"):
        return True
    if item.rsplit("/", 1)[-1] in NOT_LOCALES:
        return False
    match = LOCALE_ITEM.match(item)
    return bool(match) and match["lang"] not in KEEP_LANGUAGES


def _tool(name: str) -> str:
    """A build tool's path; Debian puts icupkg in /usr/sbin, off a user's PATH."""
    found = shutil.which(
        name, path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    )
    if found is None:
        raise SystemExit(f"{name} is missing: install ICU's tools (Debian: icu-devtools)")
    return found


def trim(source: Path, target: Path) -> None:
    major = re.search(r"\.so\.(\d+)", source.name)
    if major is None:
        raise SystemExit(f"{source}: not an ICU data library (libicudata.so.NN)")
    symbol = f"icudt{major[1]}_dat"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = work / f"icudt{major[1]}l.dat"
        subprocess.run(
            ["objcopy", "-O", "binary", "--only-section=.rodata", str(source), str(data)],
            check=True,
        )
        listed = subprocess.run(
            [_tool("icupkg"), "-l", str(data)], check=True, capture_output=True, text=True
        ).stdout.split()
        removed = [item for item in listed if dropped(item)]
        (work / "remove.txt").write_text("\n".join(removed) + "\n", encoding="ascii")
        subprocess.run(
            [_tool("icupkg"), "--ignore-deps", "-r", str(work / "remove.txt"), str(data)],
            check=True,
            capture_output=True,
        )
        assembly = work / "data.S"
        assembly.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            f'\t.incbin "{data.name}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(
            [
                "cc",
                "-shared",
                "-nostdlib",
                f"-Wl,-soname,{source.name}",
                "-o",
                str(target),
                assembly.name,
            ],
            check=True,
            cwd=work,
        )
    print(
        f"{source.name}: {source.stat().st_size / 1e6:.1f} MB -> "
        f"{target.stat().st_size / 1e6:.1f} MB ({len(removed)} of {len(listed)} items removed)"
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    trim(Path(sys.argv[1]), Path(sys.argv[2]))
