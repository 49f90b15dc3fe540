"""The SHA-256 digest of a round's inputs and configuration.

Printed on every page of the reports so a page can be matched to the data it came from,
and compared before an export so a report never shows a run older than the scores.
The digest covers the configuration text and every application, reviewer, assignment
and review, each written as one canonical line (fields in a fixed order, scores sorted
by criterion, numbers in ``repr`` form); the lines are sorted before hashing, so the
order rows were imported in does not matter.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from reviewer.domain.model import Application, Review, Reviewer, RoundData
from reviewer.hashing import sha256

_SEP = "\x1f"


def _line(fields: Iterable[Any]) -> str:
    return _SEP.join("\x00" if f is None else str(f) for f in fields)


def _application(app: Application) -> str:
    return _line(
        (
            app.id,
            app.track,
            app.title,
            app.company,
            app.ai_category,
            app.amount,
            app.business_no,
            app.field,
            app.region,
            repr(float(app.bonus)),
            repr(float(app.penalty)),
            app.investment_commitment,
            app.guarantee,
            json.dumps(sorted(app.attributes.items()), ensure_ascii=False),
        )
    )


def _reviewer(reviewer: Reviewer) -> str:
    return _line(
        (reviewer.id, reviewer.name, reviewer.affiliation, ",".join(sorted(reviewer.tracks)))
    )


def _review(review: Review) -> str:
    scores = ";".join(
        f"{key}={value if isinstance(value, str) else repr(float(value))}"
        for key, value in sorted(review.scores.items())
    )
    return _line(
        (
            review.application_id,
            review.reviewer_id,
            scores,
            review.comment,
            review.conflict,
            review.conflict_reason,
        )
    )


def inputs_digest(data: RoundData) -> str:
    """Hex SHA-256 of the configuration and all imported rows."""
    digest = sha256()
    digest.update(b"config\n" + data.config.source.encode("utf-8") + b"\n")
    _rows(digest, data)
    return digest.hexdigest()


def data_digest(data: RoundData) -> str:
    """Hex SHA-256 of the imported rows alone, without the configuration: whether the
    round's data changed while its configuration may have."""
    digest = sha256()
    _rows(digest, data)
    return digest.hexdigest()


def _rows(digest: Any, data: RoundData) -> None:
    sections: list[tuple[str, list[str]]] = [
        ("applications", sorted(map(_application, data.applications))),
        ("reviewers", sorted(map(_reviewer, data.reviewers))),
        ("reviews", sorted(map(_review, data.reviews))),
        ("assignments", sorted(f"{a}{_SEP}{r}" for a, r in data.assignments)),
    ]
    for name, lines in sections:
        digest.update(f"{name} {len(lines)}\n".encode())
        for line in lines:
            digest.update(line.encode("utf-8") + b"\n")
