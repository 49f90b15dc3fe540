"""Fill unfinished entries of the window's Korean .ts file from a table of Korean texts.

    python scripts/fill_translations.py KO.tsv

KO.tsv has one entry a line: context, a tab, the English source, a tab, the Korean
text (``\\n`` for a line break). Entries already translated are left as they are.
Run ``bash scripts/translations.sh`` first (to collect new strings) and after (to
compile the .qm).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).parents[1] / "src" / "reviewer" / "resources" / "translations" / "reviewer_ko.ts"


def main(table: str) -> int:
    wanted: dict[tuple[str, str], str] = {}
    for line in Path(table).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        context, source, korean = line.split("\t")
        wanted[(context, source.replace("\\n", "\n"))] = korean.replace("\\n", "\n")
    tree = ET.parse(TS)
    left = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") != "unfinished":
                continue
            source = message.findtext("source") or ""
            korean = wanted.get((name, source)) or wanted.get(("*", source))
            if korean is None:
                left += 1
                print(f"untranslated: {name}\t{source}", file=sys.stderr)
                continue
            translation.text = korean
            del translation.attrib["type"]
    ET.indent(tree, space="    ")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
