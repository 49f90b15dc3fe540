"""A large synthetic round on disk, for the import, scoring and selection benchmarks.

``write_scale_round(directory)`` writes 10,000 applications × 7 reviewers × 8 criteria
(560,000 scores) as a secretariat would send them: ``round.toml`` (the Seoul 2025 tracks
and quotas with an 8-criterion rubric and about 8× the seats), ``applications.xlsx``,
``reviewers.xlsx`` and one wide ``scores.xlsx`` of 70,000 rows.

Smaller or differently shaped rounds are asked with ``criteria=4`` (the template's
4-criterion rubric instead of the 8-criterion one), ``reviewers_per_application`` and
``reviews_per_reviewer`` (None: 8–12 reviewers per track, as in the demo round).

Run ``python benchmarks/scale.py DIR [--applications N] [--reviewers-per-application K]
[--criteria 8|4] [--reviews-per-reviewer R|0] [--seed S]`` to write it and print how long
each part took.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import load_config, parse_config
from reviewer.resources import template_path
from reviewer.sample.round import (
    DemoFiles,
    write_applications_workbook,
    write_reviewers_workbook,
    write_scores_workbook,
)
from reviewer.sample.rows import Shape, generate

DEFAULT_SEED = 20250306
TEMPLATE_APPLICATIONS = 1250  # the 2025 round had about 1,200 applications for 190 seats

# id, name, weight, scale: (min, max) or None for the graded criterion
RUBRIC: tuple[tuple[str, str, int, tuple[int, int] | None], ...] = (
    ("tech", "기술성", 20, (0, 20)),
    ("novelty", "혁신성", 15, (0, 15)),
    ("feasibility", "실현가능성", 10, (0, 10)),
    ("biz", "사업성", 15, (0, 15)),
    ("market", "시장성", 10, (0, 10)),
    ("capability", "수행역량", 15, (0, 15)),
    ("budget", "예산 적정성", 5, (1, 5)),
    ("policy", "정책부합성", 10, None),
)
# the template's common rubric: four point-scaled criteria of 100 points in all
RUBRIC_4: tuple[tuple[str, str, int, tuple[int, int] | None], ...] = (
    ("tech", "기술성", 40, (0, 40)),
    ("biz", "사업성", 30, (0, 30)),
    ("capability", "수행역량", 20, (0, 20)),
    ("policy", "정책부합성", 10, (0, 10)),
)
RUBRICS = {len(RUBRIC): RUBRIC, len(RUBRIC_4): RUBRIC_4}
GRADES = '{ "탁월" = 1.0, "우수" = 0.8, "보통" = 0.6, "미흡" = 0.4 }'


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _list(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(_quote(i) for i in items) + "]"


def scale_config_text(
    template: RoundConfig,
    factor: int,
    rubric: tuple[tuple[str, str, int, tuple[int, int] | None], ...] = RUBRIC,
) -> str:
    """round.toml text: the template's tracks (seats and budgets × ``factor``) and quotas,
    with ``rubric`` (the 8-criterion one by default) for every track."""
    lines = [
        "# Synthetic round for benchmarks: the Seoul 2025 tracks and quotas, an",
        f"# {len(rubric)}-criterion rubric and {factor}x the seats.",
        "",
        "[round]",
        f"name = {_quote(f'{template.year} 서울형 R&D 대규모 벤치마크')}",
        f"year = {template.year}",
        f"cutoff = {template.cutoff:g}",
        f"min_reviews = {template.min_reviews}",
        f"decimals = {template.decimals}",
    ]
    if template.region:
        lines.append(f"region = {_quote(template.region)}")
    agg = template.aggregation
    lines += [
        "",
        "[aggregation]",
        f'method = "{agg.method}"',
        f"trim_min_reviews = {agg.trim_min_reviews}",
        f'normalize = "{agg.normalize}"',
        f"zscore_min_reviews = {agg.zscore_min_reviews}",
        f"bonus_cap = {agg.bonus_cap:g}",
    ]
    if agg.criterion_floor is not None:
        lines.append(f"criterion_floor = {agg.criterion_floor:g}")
    lines += [
        "",
        "[selection]",
        f"objective = {_list(list(template.selection.objective))}",
        'tie_break = ["tech", "biz"]',
        f"seat_transfer = {str(template.selection.seat_transfer).lower()}",
    ]
    for cid, name, weight, scale in rubric:
        lines += [
            "",
            "[[criteria]]",
            f'id = "{cid}"',
            f"name = {_quote(name)}",
            f"weight = {weight}",
        ]
        lines += [f"min = {scale[0]}", f"max = {scale[1]}"] if scale else [f"grades = {GRADES}"]
    for track in template.tracks:
        lines += [
            "",
            "[[tracks]]",
            f"id = {_quote(track.id)}",
            f"name = {_quote(track.name)}",
            f"seats = {track.seats * factor}",
        ]
        if track.budget is not None:
            lines.append(f"budget = {track.budget * factor}")
        if track.linked:
            lines.append("linked = true")
        if track.requires:
            lines.append(f"requires = {_list(track.requires)}")
    for quota in template.quotas:
        lines += [
            "",
            "[[quotas]]",
            f"name = {_quote(quota.name)}",
            f"categories = {_list(sorted(quota.categories))}",
            f"tracks = {_list(quota.tracks)}",
            f'scope = "{quota.scope}"',
            f"min_share = {float(quota.share):g}",
            f"strict = {str(quota.strict).lower()}",
        ]
    return "\n".join(lines) + "\n"


@contextmanager
def _timed(timings: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    timings[name] = time.perf_counter() - start


def write_scale_round(
    directory: Path,
    applications: int = 10_000,
    reviewers_per_application: int = 7,
    seed: int = DEFAULT_SEED,
    timings: dict[str, float] | None = None,
    *,
    criteria: int = 8,
    reviews_per_reviewer: int | None = 150,
) -> DemoFiles:
    """Write the large synthetic round into ``directory``; ``timings`` (if given) receives
    the seconds each part took. ``criteria`` is 8 or 4 (the rubric of every track);
    ``reviews_per_reviewer`` None gives 8–12 reviewers per track."""
    if criteria not in RUBRICS:
        raise ValueError(f"criteria must be one of {sorted(RUBRICS)}, not {criteria}")
    timings = {} if timings is None else timings
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    factor = max(1, round(applications / TEMPLATE_APPLICATIONS))
    text = scale_config_text(load_config(str(template_path())), factor, RUBRICS[criteria])
    config = parse_config(text)
    shape = Shape(
        applications=applications,
        reviewers_per_application=reviewers_per_application,
        vary_reviewers=False,
        reviews_per_reviewer=reviews_per_reviewer,
        conflict_rate=0.02,
        incomplete_rate=0.002,
    )
    with _timed(timings, "generate"):
        data = generate(config, shape, random.Random(seed))
    config_path = directory / "round.toml"
    config_path.write_text(text, encoding="utf-8")
    applications_path = directory / "applications.xlsx"
    with _timed(timings, "applications.xlsx"):
        write_applications_workbook(
            applications_path,
            data.applications,
            title=f"{config.year} 서울형 R&D 신청 과제 목록 (벤치마크)",
        )
    reviewers_path = directory / "reviewers.xlsx"
    with _timed(timings, "reviewers.xlsx"):
        write_reviewers_workbook(reviewers_path, data.reviewers)
    scores_path = directory / "scores.xlsx"
    with _timed(timings, "scores.xlsx"):
        write_scores_workbook(scores_path, data.reviews, config.criteria, data)
    return DemoFiles(
        config=config_path,
        applications=(applications_path,),
        reviewers=reviewers_path,
        scores=(scores_path,),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--reviewers-per-application", type=int, default=7)
    parser.add_argument("--criteria", type=int, choices=sorted(RUBRICS), default=8)
    parser.add_argument(
        "--reviews-per-reviewer",
        type=int,
        default=150,
        help="reviews per reviewer (0: 8–12 reviewers per track, as in the demo round)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    files = write_scale_round(
        args.directory,
        args.applications,
        args.reviewers_per_application,
        args.seed,
        timings,
        criteria=args.criteria,
        reviews_per_reviewer=args.reviews_per_reviewer or None,
    )
    total = time.perf_counter() - start
    for name, seconds in timings.items():
        print(f"{name:<20} {seconds:8.2f} s")
    print(f"{'total':<20} {total:8.2f} s")
    for path in (files.config, *files.applications, files.reviewers, *files.scores):
        print(f"{path}  {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
