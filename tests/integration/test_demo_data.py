"""The sample round: real workbooks a secretariat would have, the same for the same seed."""

from __future__ import annotations

import csv
import random
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from reviewer.domain.config import RoundConfig, Track
from reviewer.domain.config_toml import load_config
from reviewer.resources import template_path
from reviewer.sample.round import DemoFiles, write_demo_round
from reviewer.sample.rows import Shape, generate

APPLICATION_HEADER = (
    "과제번호",
    "사업유형",
    "과제명",
    "기업명",
    "사업자등록번호",
    "AI구분",
    "기술분야",
    "신청금액",
    "소재지",
    "가점",
    "감점",
    "투자확약",
    "기보보증",
    "담당자 연락처",
)
EOK = 100_000_000


@pytest.fixture(scope="module")
def config() -> RoundConfig:
    return load_config(str(template_path()))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, config: RoundConfig) -> DemoFiles:
    return write_demo_round(tmp_path_factory.mktemp("demo"), config)


# -- reading back -------------------------------------------------------------------------


def sheet_rows(path: Path) -> list[tuple[Any, ...]]:
    if path.suffix == ".csv":
        with open(path, encoding="cp949", newline="") as handle:
            return [tuple(v if v != "" else None for v in row) for row in csv.reader(handle)]
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


@dataclass
class Rows:
    header: tuple[Any, ...]
    rows: list[dict[str, Any]]

    def column(self, name: str) -> list[Any]:
        return [row.get(name) for row in self.rows]


def table(path: Path, header_row: int = 1) -> Rows:
    rows = sheet_rows(path)
    header = rows[header_row - 1]
    width = len(header)
    padded = [(*row, *(None,) * (width - len(row))) for row in rows[header_row:]]
    return Rows(header, [dict(zip(header, row, strict=True)) for row in padded])


@pytest.fixture(scope="module")
def applications(demo: DemoFiles) -> Rows:
    return table(demo.applications[0], header_row=3)


@pytest.fixture(scope="module")
def reviewers(demo: DemoFiles) -> Rows:
    return table(demo.reviewers)


@pytest.fixture(scope="module")
def scores(demo: DemoFiles, config: RoundConfig) -> dict[str, Rows]:
    by_track: dict[str, Rows] = {}
    for track in config.tracks:
        [path] = [p for p in demo.scores if p.stem == f"점수_{track.id}"]
        by_track[track.id] = table(path)
    return by_track


def track_of(config: RoundConfig, row: dict[str, Any]) -> Track:
    track = config.track(row["사업유형"])
    assert track is not None, row
    return track


def parse_amount(raw: Any) -> int:
    """KRW from the forms a secretariat types: 400000000, "4억", "3억 5천만원", "45,000만원"."""
    if isinstance(raw, int):
        return raw
    text = str(raw).replace(",", "").replace(" ", "").removesuffix("원")
    if re.fullmatch(r"\d+", text):
        return int(text)
    match = re.fullmatch(r"(?:(\d+)억)?(?:(\d+)천만|(\d+)만)?", text)
    assert match and any(match.groups()), raw
    eok, cheon, man = (int(g) if g else 0 for g in match.groups())
    return eok * EOK + cheon * 10_000_000 + man * 10_000


def business_no_ok(text: str) -> bool:
    if not re.fullmatch(r"\d{3}-\d{2}-\d{5}", text):
        return False
    digits = [int(c) for c in text.replace("-", "")]
    total = sum(d * w for d, w in zip(digits, (1, 3, 7, 1, 3, 7, 1, 3, 5), strict=False))
    total += digits[8] * 5 // 10
    return (10 - total % 10) % 10 == digits[9]


# -- files --------------------------------------------------------------------------------


def test_files_are_written(demo: DemoFiles, config: RoundConfig) -> None:
    assert demo.config.name == "round.toml"
    assert demo.config.read_text(encoding="utf-8") == config.source
    assert [p.name for p in demo.applications] == ["신청과제.xlsx"]
    assert demo.reviewers.name == "심사위원.xlsx"
    assert sorted(p.name for p in demo.scores) == sorted(
        f"점수_{t.id}.csv" if t.id == "weak-tech" else f"점수_{t.id}.xlsx" for t in config.tracks
    )
    for path in (demo.config, *demo.applications, demo.reviewers, *demo.scores):
        assert path.is_file() and path.stat().st_size > 0


def test_workbook_layout(demo: DemoFiles, config: RoundConfig) -> None:
    book = openpyxl.load_workbook(demo.applications[0], read_only=True)
    assert book.sheetnames == ["신청과제"]
    book.close()
    rows = sheet_rows(demo.applications[0])
    assert rows[0][0] == "2025 서울형 R&D 신청 과제 목록"
    assert all(v is None for v in rows[1])
    assert rows[2] == APPLICATION_HEADER
    book = openpyxl.load_workbook(demo.scores[0], read_only=True)
    assert book.sheetnames == ["점수"]
    book.close()
    # the CSV is CP949, as Korean Excel writes it, not UTF-8
    [csv_path] = [p for p in demo.scores if p.suffix == ".csv"]
    with pytest.raises(UnicodeDecodeError):
        csv_path.read_text(encoding="utf-8")
    assert sheet_rows(csv_path)[0][:3] == ("과제번호", "과제명", "심사위원ID")


# -- applications -------------------------------------------------------------------------


def test_applications_spread_over_tracks_by_seats(applications: Rows, config: RoundConfig) -> None:
    assert len(applications.rows) == 1200
    ids = applications.column("과제번호")
    assert ids[0] == "2025-0001" and len(set(ids)) == 1200
    assert all(re.fullmatch(r"2025-\d{4}", i) for i in ids)
    counts = Counter(track_of(config, row).id for row in applications.rows)
    seats = sum(t.seats for t in config.tracks)
    for track in config.tracks:
        assert abs(counts[track.id] - 1200 * track.seats / seats) <= 1
        assert counts[track.id] >= 4 * track.seats  # real competition
    assert set(applications.column("사업유형")) == {t.name for t in config.tracks}


def test_text_fields(applications: Rows) -> None:
    companies = applications.column("기업명")
    assert len(set(companies)) == len(companies)
    assert all("(주)" in c or "주식회사" in c for c in companies)
    assert all(c[0] not in "=+-@" for c in companies)
    titles = applications.column("과제명")
    assert all(isinstance(t, str) and len(t) >= 8 for t in titles)
    assert len(set(titles)) > 1150
    assert set(applications.column("기술분야")) == {
        "AI",
        "바이오",
        "양자",
        "로봇",
        "핀테크",
        "창조산업",
    }
    assert all(re.fullmatch(r"010-\d{4}-\d{4}", p) for p in applications.column("담당자 연락처"))


def test_business_numbers_pass_the_checksum(applications: Rows) -> None:
    numbers = applications.column("사업자등록번호")
    assert all(business_no_ok(n) for n in numbers)
    assert len(set(numbers)) == len(numbers)
    assert business_no_ok("123-45-67891") and not business_no_ok("123-45-67890")


def test_amounts(applications: Rows, config: RoundConfig) -> None:
    kinds = Counter()
    for row in applications.rows:
        raw = row["신청금액"]
        kinds[
            "number"
            if isinstance(raw, int)
            else "억"
            if "억" in raw
            else "만원"
            if "만원" in raw
            else "comma"
        ] += 1
        amount = parse_amount(raw)
        track = track_of(config, row)
        if track.id == "pre-rnd":
            assert 0.5 * EOK <= amount <= 1.5 * EOK, raw
        else:
            assert EOK <= amount <= 4 * EOK, raw
    assert min(kinds.values()) >= 50, kinds
    pre_rnd = [
        parse_amount(r["신청금액"])
        for r in applications.rows
        if track_of(config, r).id == "pre-rnd"
    ]
    assert 0.9 * EOK <= statistics.mean(pre_rnd) <= 1.1 * EOK


def test_regions_and_eligibility_facts(applications: Rows, config: RoundConfig) -> None:
    regions = applications.column("소재지")
    outside = [r for r in regions if not r.startswith("서울")]
    assert 3 <= len(outside) <= 15
    assert all(r.startswith(("경기도", "인천", "대전")) for r in outside)
    by_track: dict[str, Counter[Any]] = defaultdict(Counter)
    for row in applications.rows:
        track = track_of(config, row).id
        by_track[track]["invest", row["투자확약"]] += 1
        by_track[track]["guarantee", row["기보보증"]] += 1
    tips, kibo = by_track["tips"], by_track["kibo"]
    assert 2 <= tips["invest", "N"] <= 12 and tips["invest", "Y"] > 150
    assert 2 <= kibo["guarantee", "N"] <= 12 and kibo["guarantee", "Y"] > 120
    for track in ("pre-rnd", "challenge", "testbed", "weak-tech", "reg-break"):
        assert set(by_track[track]) == {("invest", None), ("guarantee", None)}


def test_ai_shares(applications: Rows, config: RoundConfig) -> None:
    labels = applications.column("AI구분")
    assert set(labels) == {"AI", "AI+X", "일반"}
    overall = sum(label != "일반" for label in labels) / len(labels)
    assert 0.38 <= overall <= 0.47
    share: dict[str, list[bool]] = defaultdict(list)
    for row in applications.rows:
        share[track_of(config, row).id].append(row["AI구분"] != "일반")
    for track in ("tips", "kibo"):
        assert 0.2 <= statistics.mean(share[track]) <= 0.3
    assert statistics.mean(share["pre-rnd"]) >= 0.6


def test_bonus_and_penalty(applications: Rows) -> None:
    bonus = applications.column("가점")
    given = [b for b in bonus if b is not None]
    assert 0.05 * len(bonus) <= len(given) <= 0.2 * len(bonus)
    assert all(isinstance(b, int | float) and b > 0 for b in given)
    assert 1 <= sum(b > 5 for b in given) <= 3  # above the cap
    penalty = [p for p in applications.column("감점") if p is not None]
    assert 1 <= len(penalty) <= 0.05 * len(bonus)


# -- reviewers ----------------------------------------------------------------------------


def test_reviewers(reviewers: Rows, config: RoundConfig) -> None:
    assert reviewers.header == ("심사위원ID", "성명", "소속", "담당트랙", "이메일")
    ids = reviewers.column("심사위원ID")
    assert ids[0] == "R001" and len(set(ids)) == len(ids)
    assert len(set(reviewers.column("성명"))) == len(ids)
    panels: Counter[str] = Counter()
    two = 0
    for row in reviewers.rows:
        tracks = [t.strip() for t in row["담당트랙"].split(",")]
        assert all(config.track(t) is not None for t in tracks)
        panels.update(tracks)
        two += len(tracks) == 2
        assert re.fullmatch(r"[a-z0-9.-]+@[a-z0-9-]+\.example", row["이메일"])
    assert all(8 <= panels[t.id] <= 16 for t in config.tracks), panels
    assert two >= 3
    affiliations = " ".join(reviewers.column("소속"))
    assert "대학교" in affiliations and "기술보증기금" in affiliations


# -- scores -------------------------------------------------------------------------------


def test_score_headers(scores: dict[str, Rows], config: RoundConfig) -> None:
    for track in config.tracks:
        assert scores[track.id].header == (
            "과제번호",
            "과제명",
            "심사위원ID",
            "심사위원명",
            *(c.name for c in track.criteria),
            "합계",
            "의견",
            "이해충돌",
        )
    assert "투자 적정성" in scores["tips"].header


def _numeric(value: Any) -> float:
    return float(value) if isinstance(value, str) else value  # CSV cells are text


def test_every_application_is_reviewed_in_its_track(
    applications: Rows, reviewers: Rows, scores: dict[str, Rows], config: RoundConfig
) -> None:
    panel = {r["심사위원ID"]: {t.strip() for t in r["담당트랙"].split(",")} for r in reviewers.rows}
    names = {r["심사위원ID"]: r["성명"] for r in reviewers.rows}
    expected = {row["과제번호"]: track_of(config, row).id for row in applications.rows}
    per_application: Counter[str] = Counter()
    for track_id, rows in scores.items():
        pairs = set()
        for row in rows.rows:
            assert expected[row["과제번호"]] == track_id
            assert track_id in panel[row["심사위원ID"]]
            assert names[row["심사위원ID"]] == row["심사위원명"]
            pairs.add((row["과제번호"], row["심사위원ID"]))
            per_application[row["과제번호"]] += 1
        assert len(pairs) == len(rows.rows)  # no pair twice
    assert set(per_application) == set(expected)
    assert set(per_application.values()) <= {3, 4, 5, 6}
    spread = Counter(per_application.values())
    assert spread[5] > 1000 and spread[3] >= 3 and spread[4] >= 3 and spread[6] >= 3


def test_score_values_are_in_range(scores: dict[str, Rows], config: RoundConfig) -> None:
    halves = 0
    for track in config.tracks:
        for row in scores[track.id].rows:
            if row["이해충돌"] == "Y":
                continue
            weighted = 0.0
            for criterion in track.criteria:
                value = row[criterion.name]
                if criterion.grades is not None:
                    assert value in criterion.grades
                else:
                    number = _numeric(value)
                    assert criterion.min <= number <= criterion.max
                    assert float(2 * number).is_integer()
                    halves += not float(number).is_integer()
                weighted += criterion.weight * criterion.normalise(
                    value if criterion.grades else _numeric(value)
                )
            total = 100 * weighted / sum(c.weight for c in track.criteria)
            assert _numeric(row["합계"]) == pytest.approx(total, abs=0.006)
    assert halves > 100


def test_conflicts_leave_some_applications_incomplete(
    scores: dict[str, Rows], config: RoundConfig
) -> None:
    counted: Counter[str] = Counter()
    conflicts = 0
    for track in config.tracks:
        for row in scores[track.id].rows:
            if row["이해충돌"] == "Y":
                conflicts += 1
                assert all(row[c.name] is None for c in track.criteria)
                assert row["합계"] is None and row["의견"]
            else:
                assert row["이해충돌"] is None
                assert all(row[c.name] is not None for c in track.criteria)
                counted[row["과제번호"]] += 1
    assert 20 <= conflicts <= 150
    applications = {row["과제번호"] for rows in scores.values() for row in rows.rows}
    incomplete = [a for a in applications if counted[a] < config.min_reviews]
    assert 2 <= len(incomplete) <= 10


def test_scores_make_a_meaningful_ranking(
    applications: Rows, scores: dict[str, Rows], config: RoundConfig
) -> None:
    """A plain re-computation of DESIGN §3 (trimmed mean, bonus cap, cutoff): most
    applications pass, not all, and the finals spread widely."""
    totals: dict[str, list[float]] = defaultdict(list)
    for rows in scores.values():
        for row in rows.rows:
            if row["이해충돌"] != "Y":
                totals[row["과제번호"]].append(_numeric(row["합계"]))
    finals = []
    for row in applications.rows:
        values = sorted(totals[row["과제번호"]])
        if len(values) < config.min_reviews:
            continue
        if len(values) >= config.aggregation.trim_min_reviews:
            values = values[1:-1]
        final = statistics.mean(values) + min(row["가점"] or 0, 5) - (row["감점"] or 0)
        finals.append(round(final, 2))
    passing = sum(f >= config.cutoff for f in finals) / len(finals)
    assert 0.60 <= passing <= 0.76
    assert statistics.pstdev(finals) > 6
    assert max(finals) > 90 and min(finals) < 55
    assert any(n > 1 for n in Counter(finals).values())  # a few exact ties


# -- determinism --------------------------------------------------------------------------


def all_cells(files: DemoFiles) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    for path in (*files.applications, files.reviewers, *files.scores):
        yield path.name, sheet_rows(path)


def test_same_seed_same_cells(tmp_path: Path, config: RoundConfig) -> None:
    first = write_demo_round(tmp_path / "a", config, applications=240, seed=7)
    second = write_demo_round(tmp_path / "b", config, applications=240, seed=7)
    other = write_demo_round(tmp_path / "c", config, applications=240, seed=8)
    assert dict(all_cells(first)) == dict(all_cells(second))
    assert (tmp_path / "a" / "점수_weak-tech.csv").read_bytes() == (
        tmp_path / "b" / "점수_weak-tech.csv"
    ).read_bytes()
    theirs = dict(all_cells(other))
    for name, rows in all_cells(first):
        assert rows != theirs[name], name
    assert len(table(first.applications[0], header_row=3).rows) == 240


def test_small_round_keeps_its_features(tmp_path: Path, config: RoundConfig) -> None:
    files = write_demo_round(tmp_path, config, applications=60, seed=1)
    rows = table(files.applications[0], header_row=3)
    assert len(rows.rows) == 60
    assert any(not r.startswith("서울") for r in rows.column("소재지"))
    assert "N" in rows.column("투자확약")


# -- through the importers ----------------------------------------------------------------


def test_the_importers_read_the_demo_round(demo: DemoFiles, config: RoundConfig) -> None:
    from reviewer.exchange.importers.applications import read_applications
    from reviewer.exchange.importers.reviewers import read_reviewers
    from reviewer.exchange.importers.scores import read_scores

    applications = read_applications(list(demo.applications), config)
    assert len(applications) == 1200
    assert Counter(a.ai_category for a in applications).keys() == {"AI", "AI+X", "none"}
    assert all(a.attributes.get("담당자 연락처") for a in applications)
    assert sum(a.bonus > 5 for a in applications) >= 1
    assert sum(a.investment_commitment is False for a in applications) >= 2
    assert sum(a.guarantee is False for a in applications) >= 2
    assert all(1e8 <= a.amount <= 4e8 for a in applications if a.track != "pre-rnd")
    reviewers = read_reviewers([demo.reviewers], config)
    assert any(len(r.tracks) == 2 for r in reviewers)
    rows = sum(len(sheet_rows(path)) - 1 for path in demo.scores)
    reviews = read_scores(
        list(demo.scores),
        config,
        {a.id: a.track for a in applications},
        {r.id for r in reviewers},
        None,
    )
    assert len(reviews) == rows
    assert {r.application_id for r in reviews} == {a.id for a in applications}
    conflicts = [r for r in reviews if r.conflict]
    assert conflicts and all(not r.scores for r in conflicts)
    tracks = {a.id: config.track(a.track) for a in applications}
    for review in reviews:
        if not review.conflict:
            track = tracks[review.application_id]
            assert track is not None
            assert set(review.scores) == {c.id for c in track.criteria}
    graded = [r.scores["policy"] for r in reviews if not r.conflict and "invest" in r.scores]
    assert graded and set(graded) <= {"탁월", "우수", "보통", "미흡"}

    # what the importers read is what the generator meant, whatever form a cell took
    truth = generate(config, Shape(), random.Random(2025))
    meant = {a.id: a for a in truth.applications}
    for application in applications:
        source = meant[application.id]
        assert application.amount == source.amount
        assert application.ai_category == source.ai
        assert application.track == source.track
        assert application.bonus == (source.bonus or 0)
    imported = {(r.application_id, r.reviewer_id): r for r in reviews}
    for review in truth.reviews:
        got = imported[review.application_id, review.reviewer_id]
        assert got.conflict == review.conflict
        track = config.track(meant[review.application_id].track)
        assert track is not None
        if not review.conflict:
            assert [got.scores[c.id] for c in track.criteria] == list(review.scores)
