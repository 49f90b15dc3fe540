"""Reviewer packages at scale: ``create-all``, opening a package, and importing every
reviewer's returned score file, with the real scrypt cost.

Run ``python benchmarks/bench_packages.py [--applications N] [--reviewers R]
[--per-application K] [--attachment-kb S]``. Each application has one proposal of S KB
(random bytes, so nothing compresses) and is assigned to K reviewers in turn; each
reviewer then scores every application of their package and sends one score file.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import tempfile
import time
from datetime import datetime
from pathlib import Path

from reviewer.domain.config_toml import load_config
from reviewer.domain.model import Application, Reviewer
from reviewer.domain.package import ScoreEntry, ScoreReturn
from reviewer.exchange.packages import open_package, write_score_file
from reviewer.resources import template_path
from reviewer.services import importing, rounds
from reviewer.services import packages as service
from reviewer.store import repository, updates
from reviewer.store.models import AssignmentRow, AttachmentBlobRow, AttachmentRow


def build(path: Path, applications: int, reviewers: int, per_app: int, size: int) -> None:
    config = load_config(str(template_path()))
    rounds.create_round(path, config)
    tracks = [t.id for t in config.tracks]
    apps = [
        Application(f"2025-{i:05d}", tracks[i % len(tracks)], f"과제 {i}", f"(주)기업{i}", "AI")
        for i in range(applications)
    ]
    people = [Reviewer(f"R{j:03d}", f"심사위원{j}", "", tuple(tracks)) for j in range(reviewers)]
    with rounds.open_round(path) as database:
        with database.session() as session:
            repository.add_applications(session, apps, source="bench")
            updates.upsert_reviewers(session, people)
            for i, app in enumerate(apps):
                for k in range(per_app):
                    reviewer = people[(i * per_app + k) % reviewers].id
                    session.add(AssignmentRow(application_id=app.id, reviewer_id=reviewer))
        for start in range(0, applications, 100):
            with database.session() as session:
                for app in apps[start : start + 100]:
                    content = os.urandom(size)
                    digest = hashlib.sha256(content).hexdigest()
                    session.add(AttachmentBlobRow(sha256=digest, size=size, content=content))
                    session.flush()
                    session.add(
                        AttachmentRow(
                            application_id=app.id,
                            name=f"{app.id}_제안서.pdf",
                            path="bench",
                            kind="proposal",
                            sha256=digest,
                            size=size,
                        )
                    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=1200)
    parser.add_argument("--reviewers", type=int, default=60)
    parser.add_argument("--per-application", type=int, default=5)
    parser.add_argument("--attachment-kb", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        database_path = base / "round.db"
        started = time.perf_counter()
        build(
            database_path,
            args.applications,
            args.reviewers,
            args.per_application,
            args.attachment_kb * 1024,
        )
        print(f"round built: {time.perf_counter() - started:.1f} s")
        out = base / "packages"
        with rounds.open_round(database_path) as database:
            started = time.perf_counter()
            made = service.create_all(database, out)
            elapsed = time.perf_counter() - started
            total = sum((out / s.path.name).stat().st_size for s in made.packages)
            print(
                f"create-all: {len(made.packages)} packages, {total / 1024**2:.0f} MiB, "
                f"{elapsed:.1f} s ({elapsed / len(made.packages) * 1000:.0f} ms each)"
            )
            rows = list(csv.reader((out / "passwords.csv").read_text("utf-8-sig").splitlines()))
            returned: list[Path] = []
            started = time.perf_counter()
            for reviewer, _, name, password in rows[1:]:
                package = open_package(out / name, password).package
                entries = tuple(
                    ScoreEntry(
                        app.id,
                        {
                            c.id: (next(iter(c.grades)) if c.grades else c.max)
                            for c in package.track(app.track).criteria
                        },
                    )
                    for app in package.applications
                )
                scores = ScoreReturn(
                    1,
                    package.round_id,
                    package.package_id,
                    reviewer,
                    1,
                    datetime.now(),
                    datetime.now(),
                    entries,
                )
                path = base / f"{reviewer}.rvscore"
                write_score_file(path, scores, package.secret)
                returned.append(path)
            elapsed = time.perf_counter() - started
            print(
                f"open every package and write its score file: {elapsed:.1f} s "
                f"({elapsed / len(returned) * 1000:.0f} ms each)"
            )
            started = time.perf_counter()
            summary = importing.import_scores(database, returned)
            print(
                f"import {len(returned)} score files ({summary.added} reviews): "
                f"{time.perf_counter() - started:.1f} s"
            )


if __name__ == "__main__":
    main()
