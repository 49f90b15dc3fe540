"""The demo round's proposal PDFs and their import, at the demo's scale (1,200).

Prints how long writing one proposal PDF per application takes (with the fixed
alphabet's font subsets built once), the files' sizes, and how long importing the
folder into a fresh round takes (every file read, checked and digested, then stored),
and a re-import of the same folder (every file unchanged).

Run: ``python benchmarks/bench_attachments.py [APPLICATIONS]``
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from reviewer.domain.config_toml import load_config
from reviewer.exchange.reports.pdf.proposal import write_proposal_pdfs
from reviewer.resources import template_path
from reviewer.sample.proposals import FOLDER, proposal
from reviewer.sample.round import write_demo_round
from reviewer.sample.rows import Shape, generate
from reviewer.services import importing, rounds
from reviewer.services.attachments import import_attachments


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1200
    config = load_config(str(template_path()))
    data = generate(config, Shape(applications=count), random.Random(2025))
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        started = time.perf_counter()
        texts = [proposal(a) for a in data.applications]
        composed = time.perf_counter() - started
        started = time.perf_counter()
        folder = write_proposal_pdfs(directory / FOLDER, texts)
        written = time.perf_counter() - started
        sizes = sorted(p.stat().st_size for p in folder.glob("*.pdf"))
        print(f"composed {count:,} proposals in {composed:.2f} s")
        print(
            f"wrote {count:,} PDFs in {written:.2f} s ({written / count * 1000:.1f} ms each); "
            f"size min {sizes[0] / 1024:.1f} KB, median {sizes[len(sizes) // 2] / 1024:.1f} KB, "
            f"max {sizes[-1] / 1024:.1f} KB, total {sum(sizes) / 1024 / 1024:.1f} MB"
        )
        files = write_demo_round(directory / "round", config, applications=count)
        database = directory / "round.db"
        rounds.init_round(database, files.config)
        with rounds.open_round(database) as db:
            importing.import_applications(db, list(files.applications))
            started = time.perf_counter()
            result = import_attachments(db, folder)
            imported = time.perf_counter() - started
            assert len(result.added) == count
            started = time.perf_counter()
            again = import_attachments(db, folder)
            reimported = time.perf_counter() - started
            assert len(again.unchanged) == count
        print(f"imported them in {imported:.2f} s; re-imported (unchanged) in {reimported:.2f} s")


if __name__ == "__main__":
    main()
