"""Eligibility of an application for its track and the round (DESIGN §3.8).

An application is ineligible when a fact its track ``requires`` is not affirmed
(``True``; ``None`` — not stated — counts as not affirmed), or when the round has a
``region`` rule and the application's region does not start with it. Eligibility is
decided before completeness: an ineligible application is never ``incomplete``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from reviewer.domain.config import Track
from reviewer.domain.model import Application

#: The message key explaining each unmet requirement of ``Track.requires``.
REQUIREMENT_KEYS: Mapping[str, str] = {
    "investment_commitment": "scoring.requires_investment",
    "guarantee": "scoring.requires_guarantee",
}


@dataclass(frozen=True)
class Ineligibility:
    """Why an application is ineligible: a message key of ``reviewer.i18n`` and its values."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)


def fold_region(text: str) -> str:
    """``text`` as regions are compared: NFKC (full-width → half-width), no whitespace
    at all (also inside: ``서울 강남구`` → ``서울강남구``), case-folded."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def in_region(region: str | None, rule: str) -> bool:
    """Whether ``region`` lies in the round's region ``rule``, matched by prefix after
    folding both: rule ``서울`` accepts ``서울특별시 강남구`` and ``서울 강남구``.
    A missing or blank region is in no region."""
    if region is None:
        return False
    folded = fold_region(region)
    return bool(folded) and folded.startswith(fold_region(rule))


def check_eligibility(
    application: Application, track: Track, region_rule: str | None
) -> Ineligibility | None:
    """The first rule ``application`` breaks — the track's requirements in their
    configured order, then the region — or ``None`` when it is eligible."""
    for requirement in track.requires:
        if getattr(application, requirement) is not True:
            return Ineligibility(REQUIREMENT_KEYS[requirement], {"track": track.name})
    if region_rule is not None and not in_region(application.region, region_rule):
        if application.region is None or not application.region.strip():
            return Ineligibility("scoring.region_missing", {"required": region_rule})
        return Ineligibility(
            "scoring.outside_region",
            {"region": application.region.strip(), "required": region_rule},
        )
    return None
