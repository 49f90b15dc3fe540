"""The SHA-256 digest of a round's inputs and configuration.

Printed on every page of the reports so a page can be matched to the data it came from,
and compared before an export so a report never shows a run older than the scores.
The digest covers the configuration text and every application, reviewer, assignment
and review in a canonical (sorted, key-ordered) JSON form.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from reviewer.domain.model import RoundData


def _application(app: Any) -> list[Any]:
    return [
        app.id,
        app.track,
        app.title,
        app.company,
        app.ai_category,
        app.amount,
        app.business_no,
        app.field,
        app.region,
        app.bonus,
        app.penalty,
        app.investment_commitment,
        app.guarantee,
        sorted(app.attributes.items()),
    ]


def _review(review: Any) -> list[Any]:
    return [
        review.application_id,
        review.reviewer_id,
        sorted((k, v if isinstance(v, str) else float(v)) for k, v in review.scores.items()),
        review.comment,
        review.conflict,
        review.conflict_reason,
    ]


def inputs_digest(data: RoundData) -> str:
    """Hex SHA-256 of the configuration and all imported rows."""
    payload = {
        "config": data.config.source,
        "applications": sorted(_application(a) for a in data.applications),
        "reviewers": sorted(
            [r.id, r.name, r.affiliation, sorted(r.tracks)] for r in data.reviewers
        ),
        "reviews": sorted(_review(r) for r in data.reviews),
        "assignments": sorted(data.assignments),
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
