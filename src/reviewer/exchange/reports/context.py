"""What every report shows: a recorded selection run with its data, and the texts derived
from it.

``ReportContext`` is built by the export service from the run as it was recorded
(:class:`~reviewer.domain.recorded.RecordedRun`): the reports print its finals, ranks,
statuses, reasons, quota report and ties, and never select again. The PDF, the workbook
and the score sheets only read it. The helpers here give the reports one wording for statuses,
reasons, explanations, scores and dates, and one way to write a file atomically.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from reviewer.domain.chart_data import ChartData
from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.model import Application, Reviewer, RoundData, Status
from reviewer.domain.recorded import RecordedApplication, RecordedQuota, RecordedRun
from reviewer.domain.statistics import ReviewStatistics
from reviewer.hashing import sha256
from reviewer.i18n import render

Progress = Callable[[int, int], None]

#: Order of the statuses in summaries, and of the unranked applications after the ranked.
STATUS_ORDER: tuple[Status, ...] = (
    Status.SELECTED,
    Status.SELECTED_BY_QUOTA,
    Status.DISPLACED_BY_QUOTA,
    Status.NOT_SELECTED,
    Status.BELOW_CUTOFF,
    Status.INELIGIBLE,
    Status.INCOMPLETE,
)


@dataclass(frozen=True)
class ReportRow:
    """One application as the reports list it: its data, and what the run recorded."""

    application: Application
    recorded: RecordedApplication | None

    @property
    def id(self) -> str:
        return self.application.id

    @property
    def status(self) -> Status:
        return Status.INCOMPLETE if self.recorded is None else self.recorded.status

    @property
    def rank(self) -> int | None:
        return None if self.recorded is None else self.recorded.rank

    @property
    def final(self) -> Decimal | None:
        return None if self.recorded is None else self.recorded.final

    @property
    def reviews(self) -> int:
        return 0 if self.recorded is None else self.recorded.reviews

    @property
    def explained(self) -> bool:
        """The reason explains a quota decision or a seat transfer."""
        return self.recorded is not None and self.recorded.explained


@dataclass(frozen=True)
class ReportContext:
    """A recorded selection run to report, with the round's data it was computed from
    and the review statistics; ``charts`` are the figures of its charts (with the
    reviewer statistics: severity with its interval, outliers, agreement per track), when
    the exporter computed them. ``committee`` names the committee on the cover (default:
    the round's name); ``members`` are the names in the signature block (default: the
    reviewers' names); ``chair`` fills the chair's line (default: left blank)."""

    data: RoundData
    run: RecordedRun
    statistics: ReviewStatistics | None
    charts: ChartData | None = None
    committee: str | None = None
    members: tuple[str, ...] = ()
    chair: str | None = None

    @property
    def digest(self) -> str:
        """The run's SHA-256 digest of its inputs, printed on every page."""
        return self.run.digest

    @property
    def run_at(self) -> datetime:
        return self.run.created_at

    @property
    def config(self) -> RoundConfig:
        return self.data.config

    @property
    def committee_name(self) -> str:
        return self.committee or self.config.name

    @cached_property
    def reviewers(self) -> Mapping[str, Reviewer]:
        return {r.id: r for r in self.data.reviewers}

    @cached_property
    def rows_by_track(self) -> Mapping[str, tuple[ReportRow, ...]]:
        """Per track (in the round's order): ranked rows by rank, then the unranked ones
        (ineligible, then incomplete, each by id)."""
        recorded = self.run.applications
        grouped: dict[str, list[ReportRow]] = {t.id: [] for t in self.config.tracks}
        for app in self.data.applications:
            row = ReportRow(app, recorded.get(app.id))
            grouped.setdefault(app.track, []).append(row)
        return {track: tuple(sorted(rows, key=_row_order)) for track, rows in grouped.items()}

    @property
    def rows(self) -> Iterator[ReportRow]:
        """Every application, track by track, in report order."""
        for rows in self.rows_by_track.values():
            yield from rows

    def track(self, track_id: str) -> Track | None:
        return self.config.track(track_id)

    def track_name(self, track_id: str) -> str:
        track = self.config.track(track_id)
        return track.name if track is not None else track_id

    def status_counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(STATUS_ORDER, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    def final_text(self, value: Decimal | float | None) -> str:
        return format_score(value, self.config.decimals)


def _row_order(row: ReportRow) -> tuple[int, int, str]:
    if row.rank is not None:
        return (0, row.rank, row.id)
    return (1 if row.status is not Status.INCOMPLETE else 2, 0, row.id)


# -- wording ---------------------------------------------------------------------------


def status_label(status: Status, lang: str) -> str:
    return render(f"report.status.{status.value}", lang)


def ai_label(category: str, lang: str) -> str:
    return render("report.ai.none", lang) if category == "none" else category


def report_reason(row: ReportRow, lang: str) -> str:
    """Why the application has its status, as the run recorded it: the explanation of a
    quota decision or a seat transfer (with the score gap to the counterpart when there
    is one), or the scoring reason of an ineligible, incomplete or failing one."""
    recorded = row.recorded
    if recorded is None:
        return ""
    text = recorded.reason(lang)
    if recorded.explained and recorded.gap is not None:
        text += render("report.explain.gap", lang, gap=recorded.gap)
    return text


def quota_why(outcome: RecordedQuota, lang: str) -> str:
    """Why a quota falls short, as the run recorded it; empty when it does not."""
    return outcome.why_text(lang)


def quota_rule(config: RoundConfig, name: str, lang: str) -> str:
    """The quota rule in words, e.g. "AI, AI+X 30% 이상" or "AI, AI+X more than 50%"."""
    for quota in config.quotas:
        if quota.name == name:
            share = f"{float(quota.share) * 100:g}%"
            categories = ", ".join(sorted(quota.categories))
            key = "report.quota.rule_strict" if quota.strict else "report.quota.rule"
            return render(key, lang, categories=categories, share=share)
    return ""


def criterion_scale(criterion: Criterion, lang: str) -> str:
    if criterion.grades is not None:
        return " / ".join(criterion.grades)
    return render(
        "report.criterion.range", lang, min=_number(criterion.min), max=_number(criterion.max)
    )


def _number(value: float) -> str:
    return f"{value:g}"


def format_score(value: Decimal | float | None, decimals: int = 2) -> str:
    if value is None:
        return "—"
    return f"{Decimal(str(value)):.{decimals}f}"


def format_amount(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def format_date(moment: datetime, lang: str) -> str:
    """A date and time for people, in local time when ``moment`` has a time zone."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    if lang == "ko":
        return f"{moment.year}년 {moment.month}월 {moment.day}일 {moment:%H:%M}"
    return f"{moment:%Y-%m-%d %H:%M}"


# -- files -----------------------------------------------------------------------------


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed over it when the block ends without an
    error, deleted otherwise, so a failed export never leaves a half-written file.

    The file gets the permissions ``open()`` would give it: a new file 0666 less the
    user's umask, a replaced one the permissions it had."""
    path = Path(path)
    temp = new_file_beside(path)
    try:
        yield temp
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp, stat.S_IMODE(path.stat().st_mode))
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def new_file_beside(path: Path) -> Path:
    """Create an empty file with a fresh hidden name in ``path``'s folder, with mode 0666
    for the system to reduce by the umask (``tempfile`` would make it 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = path.with_name(f".{path.stem}-{secrets.token_hex(6)}{path.suffix}")
        try:
            os.close(os.open(temp, flags, 0o666))
        except FileExistsError:
            continue
        return temp
    raise FileExistsError(errno.EEXIST, "no unused temporary name", str(path.parent))


#: Characters no desktop file system accepts in a name, and names Windows reserves.
_UNSAFE = frozenset('<>:"/\\|?*')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"{device}{n}" for device in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")}
)


def safe_filename(text: str) -> str:
    """``text`` usable as a file name on every desktop system: NFC, unsafe and control
    characters replaced by ``_``, no leading or trailing dots and spaces, no name that
    Windows reserves (``CON``, ``com1.txt``: ``CON_``, ``com1_.txt``)."""
    text = unicodedata.normalize("NFC", text)
    cleaned = "".join("_" if ch in _UNSAFE or ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)
    cleaned = cleaned.strip(" .") or "_"
    stem, dot, rest = cleaned.partition(".")
    if stem.rstrip(" ").upper() in _RESERVED:
        cleaned = f"{stem}_{dot}{rest}"
    return cleaned


def unique_filenames(texts: Iterable[str]) -> dict[str, str]:
    """A file name for each text, distinct on every file system — also where names are
    compared without case (Windows, macOS) or in another Unicode normal form.

    A text that is already a safe name keeps it; one that :func:`safe_filename` had to
    change, or whose name equals another's but for case, gets a short hash of the text
    itself appended (``a/b`` → ``a_b-1f2e…``), so two texts never share a file and a
    text's name depends only on the round's texts, never on their order."""
    texts = sorted(set(texts))
    names = {text: safe_filename(text) for text in texts}
    clash = Counter(_fold(name) for name in names.values())
    hashed = {t for t, name in names.items() if name != t or clash[_fold(name)] > 1}
    for length in (8, 16, 64):
        result = {
            t: f"{name}-{_digest(t, length)}" if t in hashed else name for t, name in names.items()
        }
        folded = Counter(_fold(name) for name in result.values())
        crowded = {t for t, name in result.items() if folded[_fold(name)] > 1}
        if not crowded:
            return result
        hashed |= crowded
    raise AssertionError("distinct texts with equal SHA-256 digests")


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _digest(text: str, length: int) -> str:
    return sha256(text.encode("utf-8")).hexdigest()[:length]
