"""Checking a returned score file (``.rvscore``) against the round before it is imported.

The checks run in a fixed order, each with its own message: the package the file names
is one the round made, the signature is that package's, the file is of this round and
of the package's reviewer, its version is newer than the last one imported from the
package (an older or equal one is a replay) and no newer package of the reviewer has
returned scores already, and then every entry: its application is in
the package and still assigned to the reviewer, its scores fit the rubric exactly as a
spreadsheet's would (:class:`~reviewer.exchange.importers.score_checks.Scale`), and it
scores no application the round records a conflict for. An entry with neither scores
nor a conflict is an application the reviewer has not scored yet: it is passed over.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from reviewer.domain.config import RoundConfig
from reviewer.domain.model import Review
from reviewer.domain.package import ScoreEntry
from reviewer.errors import ErrorList, InvalidInput, Location
from reviewer.exchange.importers.score_checks import Scale, criterion_label
from reviewer.exchange.packages import SignedScores
from reviewer.exchange.tables.values import BadValue
from reviewer.i18n import Lang, render


@dataclass(frozen=True)
class PackageRecord:
    """What the round keeps of a package it made."""

    package_id: str
    reviewer_id: str
    secret: bytes
    applications: frozenset[str]
    returned_version: int | None
    #: a newer package of the same reviewer that scores were imported from already
    superseded_by: str | None = None


@dataclass(frozen=True)
class RoundFacts:
    """What the entries are checked against: the round's id, configuration, every
    application's track, the assignments, and the conflicts the round records (each
    pair with whether the reviewer declared it in a review of their own)."""

    uid: str
    config: RoundConfig
    applications: Mapping[str, str]
    assignments: Collection[tuple[str, str]]
    conflicts: Mapping[tuple[str, str], bool]


@dataclass(frozen=True)
class CheckedScores:
    """A score file that passed every check: the reviews it brings and what it skipped."""

    signed: SignedScores
    reviews: tuple[Review, ...]
    skipped: int


class EntryProblem(InvalidInput):
    """A problem with one entry of a score file: the message names its application."""

    def __init__(
        self, file: str, application: str, key: str, criterion: str = "", /, **params: object
    ) -> None:
        self.application = application
        self.criterion = criterion
        super().__init__(key, Location(file=file), **params)

    def message(self, lang: Lang | None = None) -> str:
        problem = render(self.key, lang, **self.params)
        if self.criterion:
            text = render(
                "package.import.entry.criterion",
                lang,
                application=self.application,
                criterion=self.criterion,
                problem=problem,
            )
        else:
            text = render(
                "package.import.entry", lang, application=self.application, problem=problem
            )
        where = self.location.render(lang) if self.location is not None else ""
        return f"{where}: {text}" if where else text


def check_package(signed: SignedScores, record: PackageRecord | None, uid: str) -> None:
    """The checks of the file as a whole, in order; raises the first that fails."""
    where = Location(file=signed.file)
    scores = signed.scores
    if record is None:
        raise InvalidInput("package.import.unknown_package", where, package=scores.package_id)
    signed.verify(record.secret)
    if scores.round_id != uid:
        raise InvalidInput("package.import.other_round", where)
    if scores.reviewer_id != record.reviewer_id:
        raise InvalidInput(
            "package.import.other_reviewer",
            where,
            reviewer=scores.reviewer_id,
            expected=record.reviewer_id,
        )
    if record.returned_version is not None and scores.version <= record.returned_version:
        raise InvalidInput(
            "package.import.replay",
            where,
            version=scores.version,
            returned=record.returned_version,
        )
    if record.superseded_by is not None:
        raise InvalidInput("package.import.superseded", where, newer=record.superseded_by)


def check_score_file(
    signed: SignedScores, record: PackageRecord | None, facts: RoundFacts
) -> CheckedScores:
    """Every check of ``signed``; raises InvalidInputs listing each problem."""
    errors = ErrorList()
    try:
        check_package(signed, record, facts.uid)
    except InvalidInput as problem:
        errors.add(problem)
        errors.raise_if_any()
    assert record is not None
    reviews: list[Review] = []
    skipped = 0
    seen: set[str] = set()
    for entry in signed.scores.entries:
        if not entry.conflict and not entry.scores and entry.application_id not in seen:
            seen.add(entry.application_id)
            skipped += 1  # not scored yet
            continue
        review = _check_entry(signed.file, entry, record, facts, seen, errors)
        if review is not None:
            reviews.append(review)
    errors.raise_if_any()
    return CheckedScores(signed, tuple(reviews), skipped)


def _check_entry(
    file: str,
    entry: ScoreEntry,
    record: PackageRecord,
    facts: RoundFacts,
    seen: set[str],
    errors: ErrorList,
) -> Review | None:
    app_id = entry.application_id
    reviewer = record.reviewer_id

    def fail(key: str, column: str = "", /, **params: object) -> None:
        errors.add(EntryProblem(file, app_id, key, column, **params))

    if app_id in seen:
        fail("package.import.duplicate_entry")
        return None
    seen.add(app_id)
    if app_id not in record.applications:
        fail("package.import.not_in_package")
        return None
    track_id = facts.applications.get(app_id)
    if track_id is None:
        fail("import.unknown_application", id=app_id)
        return None
    if (app_id, reviewer) not in facts.assignments:
        fail("import.not_assigned", application=app_id, reviewer=reviewer)
        return None
    if entry.conflict:
        if entry.scores:
            fail("package.import.conflict_with_scores")
            return None
        reason = entry.conflict_reason or entry.comment
        return Review(app_id, reviewer, {}, entry.comment, True, reason)
    if facts.conflicts.get((app_id, reviewer)) is False:
        fail("package.import.conflicted", reviewer=reviewer)
        return None
    track = facts.config.track(track_id)
    if track is None or track.id != track_id:
        fail("import.unknown_application", id=app_id)
        return None
    before = len(errors.errors)
    scores: dict[str, float | str] = {}
    known = {c.id for c in track.criteria}
    for criterion_id in entry.scores:
        if criterion_id not in known:
            fail(
                "package.import.unknown_criterion",
                criterion=criterion_id,
                track=track.id,
            )
    for criterion in track.criteria:
        label = criterion_label(criterion)
        if criterion.id not in entry.scores:
            fail("import.missing_score", criterion=label)
            continue
        try:
            scores[criterion.id] = Scale.of(criterion).parse(entry.scores[criterion.id])
        except BadValue as problem:
            fail(problem.key, label, **problem.params)
    if len(errors.errors) != before:
        return None
    return Review(app_id, reviewer, scores, entry.comment, False, "")
