"""The rows of a synthetic round: applications, reviewers and their reviews.

Scores come from a latent quality per application, a small offset per application and
criterion, a severity per reviewer and noise, so rankings mean something, most
applications pass a cutoff of 70 and a few fail. Everything is drawn from the caller's
``random.Random``; the same seed gives the same rows.

A few reviews are planted outliers (``DemoReview.outlier``): on an application with at
least five counted reviews, one reviewer scores every criterion about 30 points (of
100) below what they would otherwise have given, so the reviews matrix has clear cases
to show. They are drawn after every other review, so the rest of the round is the one
the same seed gave before they were planted.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.robust import robust_spread
from reviewer.sample import words

EOK = 100_000_000
CHEON = 10_000_000

# Share of AI and AI+X applications per track; unknown tracks use the linked/other default.
AI_SHARES: dict[str, float] = {
    "pre-rnd": 0.70,
    "challenge": 0.40,
    "tips": 0.25,
    "kibo": 0.25,
    "testbed": 0.35,
    "weak-tech": 0.30,
    "reg-break": 0.35,
}
LINKED_AI_SHARE = 0.25
OTHER_AI_SHARE = 0.40

# A criterion's normalised score is MEAN + SPREAD · (quality + offset + severity + noise).
MEAN = 0.752
SPREAD = 0.10
OFFSET_SD = 0.35
SEVERITY_SD = 0.30
NOISE_SD = 0.50

# Planted outliers: one per this many applications (at least PLANTED_MIN), each a
# reviewer who scores PLANTED_DROP (normalised, i.e. ~30 of 100 points) below their
# own judgement, on an application with at least PLANTED_REVIEWS counted reviews whose
# other reviewers agree well enough for it to be a robust outlier PLANTED_GAP below.
PLANTED_PER = 100
PLANTED_MIN = 3
PLANTED_DROP = 0.30
PLANTED_REVIEWS = 5
PLANTED_GAP = 20  # points below the median, at least


@dataclass(frozen=True)
class Shape:
    """How big a synthetic round is and how its reviews are spread."""

    applications: int = 1200
    reviewers_per_application: int = 5
    vary_reviewers: bool = True  # a few applications get 3, 4 or 6 reviewers
    reviews_per_reviewer: int | None = None  # None: 8–12 reviewers per track
    shared_reviewers: float = 0.15  # share of reviewers who serve a second track
    conflict_rate: float = 0.05
    incomplete_rate: float = 0.004
    outside_rate: float = 0.006
    missing_requirement_rate: float = 0.04


@dataclass(frozen=True)
class DemoApplication:
    id: str
    track: str
    track_name: str
    title: str
    company: str
    business_no: str
    ai: str  # "AI" | "AI+X" | "none"
    field: str
    amount: int
    amount_cell: int | str  # the amount in the form the secretariat typed it
    region: str
    bonus: float | None
    penalty: float | None
    investment: str  # "Y" | "N" | ""
    guarantee: str  # "Y" | "N" | ""
    contact: str
    quality: float


@dataclass(frozen=True)
class DemoReviewer:
    id: str
    name: str
    affiliation: str
    tracks: tuple[str, ...]
    email: str
    severity: float
    halves: bool  # scores in steps of 0.5 on wide criteria


@dataclass(frozen=True)
class DemoReview:
    application_id: str
    reviewer_id: str
    scores: tuple[float | str | None, ...]  # in the order of the track's criteria
    total: float | None  # the reviewer's 0–100 total
    comment: str
    conflict: bool
    outlier: bool = False  # planted: scored far below this reviewer's own judgement


@dataclass(frozen=True)
class DemoRound:
    applications: tuple[DemoApplication, ...]
    reviewers: tuple[DemoReviewer, ...]
    reviews: tuple[DemoReview, ...]


def generate(config: RoundConfig, shape: Shape, rng: random.Random) -> DemoRound:
    applications = make_applications(config, shape, rng)
    reviewers = make_reviewers(config, shape, applications, rng)
    reviews = make_reviews(config, shape, applications, reviewers, rng)
    return DemoRound(tuple(applications), tuple(reviewers), tuple(reviews))


def allocate(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainder)."""
    if not weights:
        return []
    if sum(weights) <= 0:
        weights = [1.0] * len(weights)
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    counts = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _ai_share(track: Track) -> float:
    return AI_SHARES.get(track.id, LINKED_AI_SHARE if track.linked else OTHER_AI_SHARE)


def _amount(rng: random.Random, track: Track) -> int:
    typical = track.budget / track.seats if track.budget and track.seats else None
    if typical is not None and typical <= 1.5 * EOK:
        # small grants near the budget per seat: the budget binds now and then
        unit = max(CHEON, round(typical / CHEON) * CHEON)
        factor = rng.choices((1.0, 0.9, 1.2, 0.8), weights=(60, 15, 15, 10))[0]
        return max(CHEON, round(unit * factor / CHEON) * CHEON)
    low = 20 if track.linked else 10
    return rng.randint(low, 40) * CHEON


def _flags(rng: random.Random, indices: Sequence[int], rate: float) -> set[int]:
    if not indices or rate <= 0:
        return set()
    count = min(len(indices), max(1, round(len(indices) * rate)))
    return set(rng.sample(list(indices), count))


def make_applications(
    config: RoundConfig, shape: Shape, rng: random.Random
) -> list[DemoApplication]:
    tracks = config.tracks
    counts = allocate(shape.applications, [t.seats for t in tracks])
    order = [t for t, n in zip(tracks, counts, strict=True) for _ in range(n)]
    rng.shuffle(order)
    width = max(4, len(str(len(order))))
    ids = [f"{config.year}-{i:0{width}d}" for i in range(1, len(order) + 1)]

    # which applications are AI, outside the region, lacking a requirement, capped bonus
    ai_kind: dict[int, str] = {}
    missing: set[int] = set()
    for track in tracks:
        rows = [i for i, t in enumerate(order) if t is track]
        for i in rng.sample(rows, round(len(rows) * _ai_share(track))):
            ai_kind[i] = "AI" if rng.random() < 0.45 else "AI+X"
        if track.requires:
            missing |= _flags(rng, rows, shape.missing_requirement_rate)
    everyone = range(len(order))
    outside = _flags(rng, everyone, shape.outside_rate)
    big_bonus = set(rng.sample(everyone, min(len(order), 2 if len(order) >= 100 else 1)))

    titles: set[str] = set()
    companies: set[str] = set()
    numbers: set[str] = set()
    applications: list[DemoApplication] = []
    for i, track in enumerate(order):
        ai = ai_kind.get(i, "none")
        if ai == "AI":
            field = "AI"
        else:
            field = rng.choices(words.NON_AI_FIELDS, weights=words.NON_AI_FIELD_WEIGHTS)[0]
        amount = _amount(rng, track)
        bonus: float | None = None
        if i in big_bonus:
            bonus = 6.0
        elif rng.random() < 0.12:
            bonus = rng.choice((1.0, 1.0, 2.0, 2.0, 3.0, 0.5, 1.5))
        penalty = rng.choice((1.0, 2.0, 0.5)) if rng.random() < 0.02 else None
        invest = guarantee = ""
        if "investment_commitment" in track.requires:
            invest = "N" if i in missing else "Y"
        if "guarantee" in track.requires:
            guarantee = "N" if i in missing else "Y"
        applications.append(
            DemoApplication(
                id=ids[i],
                track=track.id,
                track_name=track.name,
                title=words.title(rng, track.id, field, ai, titles),
                company=words.company_name(rng, field, companies),
                business_no=words.business_number(rng, numbers),
                ai=ai,
                field=field,
                amount=amount,
                amount_cell=words.amount_form(rng, amount),
                region=words.outside_region(rng) if i in outside else words.seoul_region(rng),
                bonus=bonus,
                penalty=penalty,
                investment=invest,
                guarantee=guarantee,
                contact=words.phone(rng),
                quality=rng.gauss(0.0, 1.0),
            )
        )
    return applications


def make_reviewers(
    config: RoundConfig, shape: Shape, applications: Sequence[DemoApplication], rng: random.Random
) -> list[DemoReviewer]:
    per_track = {t.id: 0 for t in config.tracks}
    for application in applications:
        per_track[application.track] += 1
    names: set[str] = set()
    emails: set[str] = set()
    drafts: list[tuple[str, str, str, list[str]]] = []
    for track in config.tracks:
        n = per_track[track.id]
        if shape.reviews_per_reviewer is None:
            size = min(12, max(8, round(n / 20)))
        else:
            size = max(
                8, math.ceil(n * shape.reviewers_per_application / shape.reviews_per_reviewer)
            )
        for _ in range(size):
            name, local = words.person(rng, names)
            org, label = words.affiliation(rng, track.id)
            email = f"{local}@{label}.example"
            serial = 2
            while email in emails:
                email = f"{local}{serial}@{label}.example"
                serial += 1
            emails.add(email)
            drafts.append((name, org, email, [track.id]))
    ids = [t.id for t in config.tracks]
    if len(ids) > 1:
        for draft in drafts:
            if rng.random() < shape.shared_reviewers:
                draft[3].append(rng.choice([t for t in ids if t != draft[3][0]]))
    width = max(3, len(str(len(drafts))))
    return [
        DemoReviewer(
            id=f"R{n:0{width}d}",
            name=name,
            affiliation=org,
            tracks=tuple(sorted(tracks, key=ids.index)),
            email=email,
            severity=rng.gauss(0.0, SEVERITY_SD),
            halves=rng.random() < 0.5,
        )
        for n, (name, org, email, tracks) in enumerate(drafts, start=1)
    ]


def make_reviews(
    config: RoundConfig,
    shape: Shape,
    applications: Sequence[DemoApplication],
    reviewers: Sequence[DemoReviewer],
    rng: random.Random,
) -> list[DemoReview]:
    pools = {t.id: [r for r in reviewers if t.id in r.tracks] for t in config.tracks}
    tracks = {t.id: t for t in config.tracks}
    load = {r.id: 0 for r in reviewers}
    incomplete = _flags(rng, range(len(applications)), shape.incomplete_rate)
    need = config.min_reviews
    reviews: list[DemoReview] = []
    for index, application in enumerate(applications):
        track = tracks[application.track]
        pool = pools[track.id]
        k = shape.reviewers_per_application
        conflicts = 0
        if index in incomplete:
            if shape.vary_reviewers:
                k = need + rng.randint(0, 1)
            conflicts = k - (need - 1)
        else:
            if shape.vary_reviewers:
                roll = rng.random()
                k = 6 if roll < 0.03 else 4 if roll < 0.06 else 3 if roll < 0.08 else k
            if k - 1 >= need and rng.random() < shape.conflict_rate:
                conflicts = 1
        k = min(k, len(pool))
        chosen = sorted(pool, key=lambda r: (load[r.id], rng.random()))[:k]
        for reviewer in chosen:
            load[reviewer.id] += 1
        recused = set(rng.sample(range(len(chosen)), min(conflicts, len(chosen))))
        offsets = [rng.gauss(0.0, OFFSET_SD) for _ in track.criteria]
        for slot, reviewer in enumerate(sorted(chosen, key=lambda r: r.id)):
            if slot in recused:
                reviews.append(
                    DemoReview(
                        application.id,
                        reviewer.id,
                        (None,) * len(track.criteria),
                        None,
                        rng.choice(words.CONFLICT_REASONS),
                        conflict=True,
                    )
                )
                continue
            scores, total = _score(rng, track.criteria, application, reviewer, offsets)
            reviews.append(
                DemoReview(
                    application.id,
                    reviewer.id,
                    scores,
                    total,
                    words.comment(rng, track.id, total),
                    conflict=False,
                )
            )
    return plant_outliers(config, applications, reviews, rng)


def plant_outliers(
    config: RoundConfig,
    applications: Sequence[DemoApplication],
    reviews: Sequence[DemoReview],
    rng: random.Random,
) -> list[DemoReview]:
    """``reviews`` with a few of them made harsh outliers (module docstring): one per
    ``PLANTED_PER`` applications, at least ``PLANTED_MIN``, taken from the tracks in turn
    so each track has its own while there are enough. An application whose reviewers
    disagree so much that the lowered total would not stand out is passed over."""
    tracks = {t.id: t for t in config.tracks}
    track_of = {a.id: a.track for a in applications}
    scored: dict[str, list[int]] = {}
    for position, review in enumerate(reviews):
        if not review.conflict:
            scored.setdefault(review.application_id, []).append(position)
    eligible: dict[str, list[str]] = {t.id: [] for t in config.tracks}
    for app_id, positions in scored.items():
        if len(positions) >= PLANTED_REVIEWS:
            eligible[track_of[app_id]].append(app_id)
    wanted = max(PLANTED_MIN, len(applications) // PLANTED_PER)
    queues = [rng.sample(ids, len(ids)) for ids in eligible.values() if ids]
    planted = list(reviews)
    count = 0
    while count < wanted and any(queues):
        for queue in queues:
            if not queue or count >= wanted:
                continue
            app_id = queue.pop()
            position = rng.choice(scored[app_id])
            review = planted[position]
            track = tracks[track_of[app_id]]
            scores, total = _harsher(track.criteria, review.scores)
            totals = {planted[p].reviewer_id: planted[p].total or 0.0 for p in scored[app_id]}
            totals[review.reviewer_id] = total
            if not _clear_outlier(app_id, totals, review.reviewer_id):
                continue  # the others disagree too much among themselves to make it clear
            planted[position] = DemoReview(
                review.application_id,
                review.reviewer_id,
                scores,
                total,
                words.comment(rng, track.id, total),
                conflict=False,
                outlier=True,
            )
            count += 1
    return planted


@dataclass(frozen=True)
class _Totals:
    id: str
    track: str
    reviewer_totals: Mapping[str, float]


def _clear_outlier(app_id: str, totals: Mapping[str, float], reviewer_id: str) -> bool:
    """Whether ``reviewer_id``'s total is a robust outlier at least
    ``PLANTED_GAP`` points below the application's median."""
    spread = robust_spread(_Totals(app_id, "", totals))
    return reviewer_id in spread.outliers and totals[reviewer_id] <= spread.median - PLANTED_GAP


def _harsher(
    criteria: Sequence[Criterion], scores: Sequence[float | str | None]
) -> tuple[tuple[float | str, ...], float]:
    """``scores`` each lowered by ``PLANTED_DROP`` of its criterion's span (to the
    nearest grade, or to the same step of 0.5 or 1 the reviewer used, not below the
    minimum), and the new 0–100 total."""
    values: list[float | str] = []
    weighted = 0.0
    for criterion, raw in zip(criteria, scores, strict=True):
        if raw is None:
            raise ValueError("a planted outlier needs a scored review")
        if criterion.grades is not None:
            wanted = criterion.grades[str(raw)] - PLANTED_DROP
            grade, norm = min(criterion.grades.items(), key=lambda g: abs(g[1] - wanted))
            values.append(grade)
        else:
            span = criterion.max - criterion.min
            value = float(raw) - PLANTED_DROP * span
            step = 1.0 if float(raw).is_integer() else 0.5
            lowered = max(criterion.min, round(value / step) * step)
            norm = (lowered - criterion.min) / span
            values.append(lowered)
        weighted += criterion.weight * norm
    total = 100 * weighted / sum(c.weight for c in criteria)
    return tuple(values), round(total, 2)


def _score(
    rng: random.Random,
    criteria: Sequence[Criterion],
    application: DemoApplication,
    reviewer: DemoReviewer,
    offsets: Sequence[float],
) -> tuple[tuple[float | str, ...], float]:
    values: list[float | str] = []
    weighted = 0.0
    for criterion, offset in zip(criteria, offsets, strict=True):
        z = application.quality + offset + reviewer.severity + rng.gauss(0.0, NOISE_SD)
        wanted = min(1.0, max(0.0, MEAN + SPREAD * z))
        if criterion.grades is not None:
            grade, norm = min(criterion.grades.items(), key=lambda g: abs(g[1] - wanted))
            values.append(grade)
        else:
            span = criterion.max - criterion.min
            step = 0.5 if reviewer.halves and span >= 10 else 1.0
            raw = round((criterion.min + wanted * span) / step) * step
            raw = min(criterion.max, max(criterion.min, raw))
            norm = (raw - criterion.min) / span
            values.append(raw)
        weighted += criterion.weight * norm
    total = 100 * weighted / sum(c.weight for c in criteria)
    return tuple(values), round(total, 2)
