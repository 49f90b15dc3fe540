"""Assigning reviewers to applications: importing an assignment file, the optimal
assignment (``reviewer assign``), and adding or removing one pair from the window.

Every change is one transaction, refused on a locked round, and audited. Conflicts of
interest are the round's ``conflict`` rows (declared in an assignment file or on a score
sheet, or found by ``assign`` between a company and an affiliation of the same
organisation) and the reviews declared as conflicts; a conflicted pair is never
assigned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from reviewer.domain.assignment import (
    AssignApplication,
    AssignmentProblem,
    AssignReviewer,
    Conflict,
    PairRow,
    Shortfall,
    organisation_conflicts,
    same_organisation,
)
from reviewer.domain.assignment_solver import solve_assignment
from reviewer.domain.config import RoundConfig
from reviewer.domain.stopping import CancelToken, Stop
from reviewer.errors import InvalidInput
from reviewer.exchange.importers.assignments import (
    AssignmentLine,
    RoundPairs,
    check_assignments,
)
from reviewer.exchange.importers.lookup import resolve_track, track_list
from reviewer.exchange.tables.reader import Reading
from reviewer.i18n import Lang, render
from reviewer.services.importing import check_files
from reviewer.store import assignments as store
from reviewer.store import audit as audit_log
from reviewer.store import repository
from reviewer.store.engine import Database

# -- the round as the assignment rules see it -------------------------------------------


def _expertise(reviewer_tracks: Sequence[str], affiliation: str, config: RoundConfig) -> str:
    names = [t.name for t in config.tracks if t.id in reviewer_tracks]
    return " ".join([affiliation, *reviewer_tracks, *names])


def _round_people(
    session: Session, config: RoundConfig
) -> tuple[dict[str, AssignApplication], dict[str, AssignReviewer]]:
    applications = {
        a.id: AssignApplication(a.id, a.track, a.field or "", a.company)
        for a in repository.applications(session)
    }
    reviewers = {
        r.id: AssignReviewer(
            r.id, r.tracks, r.affiliation, _expertise(r.tracks, r.affiliation, config)
        )
        for r in repository.reviewers(session)
    }
    return applications, reviewers


def _conflict_reasons(session: Session) -> dict[tuple[str, str], str]:
    """Every conflicted pair with its reason: recorded conflicts and recused reviews."""
    found = {pair: c.reason for pair, c in store.conflicts(session).items()}
    for pair, reason in store.recused_pairs(session).items():
        found.setdefault(pair, reason)
    return found


# -- importing an assignment file --------------------------------------------------------


@dataclass(frozen=True)
class AssignmentImport:
    """What an assignment import did: pairs assigned, already assigned, conflicts
    declared, and assignments a declared conflict removed."""

    files: tuple[str, ...]
    added: int
    unchanged: int
    conflicts: int
    removed: int

    def message(self, lang: Lang | None = None) -> str:
        return render(
            "assign.imported",
            lang,
            count=self.added,
            unchanged=self.unchanged,
            conflicts=self.conflicts,
            removed=self.removed,
            files=", ".join(self.files),
        )


def read_assignment_file(session: Session, paths: Sequence[Path]) -> Reading[AssignmentLine]:
    config = repository.load_config(session)
    applications, reviewers = _round_people(session, config)
    known = RoundPairs(
        applications, reviewers, _conflict_reasons(session), store.scored_pairs(session)
    )
    return check_assignments(paths, known)


def import_assignments(database: Database, paths: Sequence[Path]) -> AssignmentImport:
    """Assign the pairs of ``paths`` and record the conflicts they declare (all or
    nothing). Assignments already in the round stay; a declared conflict removes the
    pair's assignment (it has no scores: that is refused)."""
    check_files(paths)
    names = tuple(p.name for p in paths)
    with database.session() as session:
        repository.require_open(session)
        lines = read_assignment_file(session, paths).result()
        assigned = repository.assignments(session)
        wanted = {(x.application_id, x.reviewer_id) for x in lines if not x.conflict}
        declared = [
            Conflict(x.application_id, x.reviewer_id, x.reason, "declared")
            for x in lines
            if x.conflict
        ]
        dropped = {(c.application_id, c.reviewer_id) for c in declared} & assigned
        store.add_assignments(session, wanted - assigned)
        store.remove_assignments(session, dropped)
        store.record_conflicts(session, declared)
        summary = AssignmentImport(
            names, len(wanted - assigned), len(wanted & assigned), len(declared), len(dropped)
        )
        audit_log.audit(
            session,
            "import.assignments",
            None,
            files=list(names),
            added=summary.added,
            unchanged=summary.unchanged,
            conflicts=summary.conflicts,
            removed=sorted(f"{a}/{r}" for a, r in dropped),
        )
        repository.touch(session)
    return summary


# -- the optimal assignment ---------------------------------------------------------------


@dataclass(frozen=True)
class AssignOutcome:
    """What ``assign`` wrote: the new pairs, the pairs with scores it kept, the earlier
    assignments it replaced, the organisation conflicts it found, each panel reviewer's
    load, and the applications short of ``per_application`` with why."""

    per_application: int
    max_load: int | None
    track: str | None
    applications: int
    added: int
    kept: int
    removed: int
    organisation_conflicts: int
    loads: dict[str, int]
    shortfalls: tuple[Shortfall, ...]

    @property
    def pairs(self) -> int:
        return self.added + self.kept

    def document(self) -> dict[str, object]:
        """The outcome as JSON (``reviewer assign --json``)."""
        low, high = self.load_range
        return {
            "per_application": self.per_application,
            "max_load": self.max_load,
            "track": self.track,
            "applications": self.applications,
            "pairs": self.pairs,
            "added": self.added,
            "kept": self.kept,
            "removed": self.removed,
            "organisation_conflicts": self.organisation_conflicts,
            "load": {"min": low, "max": high},
            "loads": dict(sorted(self.loads.items())),
            "shortfalls": [
                {
                    "application_id": s.application_id,
                    "track": s.track,
                    "wanted": s.wanted,
                    "assigned": s.assigned,
                    "reason": s.reason,
                    "panel": s.panel,
                    "eligible": s.eligible,
                }
                for s in self.shortfalls
            ],
        }

    @property
    def load_range(self) -> tuple[int, int]:
        if not self.loads:
            return 0, 0
        return min(self.loads.values()), max(self.loads.values())

    def lines(self, lang: Lang | None = None) -> list[str]:
        """The summary the command line prints."""
        low, high = self.load_range
        lines = [
            render(
                "assign.summary",
                lang,
                pairs=self.pairs,
                applications=self.applications,
                added=self.added,
                kept=self.kept,
                removed=self.removed,
            ),
            render("assign.summary.load", lang, low=low, high=high, reviewers=len(self.loads)),
        ]
        if self.organisation_conflicts:
            lines.append(
                render("assign.summary.organisation", lang, count=self.organisation_conflicts)
            )
        if not self.shortfalls:
            lines.append(render("assign.summary.complete", lang, n=self.per_application))
            return lines
        lines.append(render("assign.summary.short", lang, count=len(self.shortfalls)))
        lines.extend(shortfall_text(s, lang) for s in self.shortfalls)
        return lines


def shortfall_text(shortfall: Shortfall, lang: Lang | None = None) -> str:
    """One application short of reviewers, and why."""
    return render(
        f"assign.short.{shortfall.reason}",
        lang,
        id=shortfall.application_id,
        track=shortfall.track,
        wanted=shortfall.wanted,
        assigned=shortfall.assigned,
        panel=shortfall.panel,
        eligible=shortfall.eligible,
    )


def _check_settings(
    config: RoundConfig, per_application: int, max_load: int | None, track: str | None
) -> str | None:
    if per_application < 1:
        raise InvalidInput("assign.per_application", value=per_application)
    if max_load is not None and max_load < 1:
        raise InvalidInput("assign.max_load", value=max_load)
    if track is None:
        return None
    found = resolve_track(config, track)
    if found is None:
        raise InvalidInput("import.unknown_track", value=track, tracks=track_list(config))
    return found.id


def assign(
    database: Database,
    per_application: int,
    max_load: int | None = None,
    track: str | None = None,
    *,
    lang: Lang | None = None,
    cancel: CancelToken | None = None,
) -> AssignOutcome:
    """Give each application (of ``track``, or all) ``per_application`` reviewers from its
    track's panel, optimally (:mod:`reviewer.domain.assignment_solver`), and write it in
    place of the earlier assignments of those applications. Pairs with a review with
    scores are kept (an unassigned one becomes assigned), and so are the assigned pairs of
    reviewer packages already written; organisation conflicts found
    are recorded (source ``organisation``) and never assigned; ``max_load`` counts the
    reviewer's assignments in other tracks too."""
    with database.session() as session:
        repository.require_open(session)
        config = repository.load_config(session)
        track_id = _check_settings(config, per_application, max_load, track)
        applications, reviewers = _round_people(session, config)
        scope = {a.id: a for a in applications.values() if track_id is None or a.track == track_id}
        conflicts = _conflict_reasons(session)
        found = [
            pair
            for pair in organisation_conflicts(scope.values(), reviewers.values())
            if pair not in conflicts
        ]
        organisation = [
            Conflict(
                a,
                r,
                render(
                    "assign.organisation_reason",
                    lang,
                    company=scope[a].company,
                    affiliation=reviewers[r].affiliation,
                ),
                "organisation",
            )
            for a, r in found
        ]
        store.record_conflicts(session, organisation)
        forbidden = frozenset(conflicts) | frozenset(found)
        assigned = repository.assignments(session)
        # pairs in a package already handed out stay too: taking one away would make the
        # reviewer's returned scores be refused as unassigned
        packaged = store.packaged_pairs(session)
        kept = frozenset(p for p in store.scored_pairs(session) if p[0] in scope) | frozenset(
            p for p in packaged & assigned if p[0] in scope and p not in forbidden
        )
        base: dict[str, int] = {}
        for app_id, reviewer_id in assigned:
            if app_id not in scope:
                base[reviewer_id] = base.get(reviewer_id, 0) + 1
        problem = AssignmentProblem(
            tuple(scope.values()),
            tuple(reviewers.values()),
            per_application,
            max_load,
            forbidden=forbidden,
            kept=kept,
            base_load=base,
        )
        result = solve_assignment(problem, Stop(cancel=cancel))
        before = {p for p in assigned if p[0] in scope}
        chosen = set(result.pairs)
        store.remove_assignments(session, before - chosen)
        store.add_assignments(session, chosen - before)
        outcome = AssignOutcome(
            per_application,
            max_load,
            track_id,
            len(scope),
            added=len(result.added),
            kept=len(result.kept),
            removed=len(before - chosen),
            organisation_conflicts=len(organisation),
            loads=dict(result.loads),
            shortfalls=result.shortfalls,
        )
        low, high = outcome.load_range
        audit_log.audit(
            session,
            "assign",
            track_id,
            per_application=per_application,
            max_load=max_load,
            applications=len(scope),
            pairs=outcome.pairs,
            added=outcome.added,
            kept=outcome.kept,
            removed=outcome.removed,
            organisation_conflicts=len(organisation),
            load_min=low,
            load_max=high,
            shortfalls={s.application_id: s.reason for s in result.shortfalls},
        )
        repository.touch(session)
    return outcome


# -- the window: listing, adding and removing one pair ------------------------------------


def list_assignments(database: Database) -> list[PairRow]:
    """Every assignment and every recorded conflict, by application and reviewer."""
    with database.session() as session:
        return store.pair_rows(session)


def _known_pair(
    session: Session, application_id: str, reviewer_id: str
) -> tuple[AssignApplication, AssignReviewer]:
    config = repository.load_config(session)
    applications, reviewers = _round_people(session, config)
    application = applications.get(application_id)
    if application is None:
        raise InvalidInput("import.unknown_application", id=application_id)
    reviewer = reviewers.get(reviewer_id)
    if reviewer is None:
        raise InvalidInput("import.unknown_reviewer", id=reviewer_id)
    return application, reviewer


def add_assignment(database: Database, application_id: str, reviewer_id: str) -> None:
    """Assign one reviewer to one application (audited); refused when the pair is
    assigned already, conflicted, or the reviewer is not on the track's panel."""
    with database.session() as session:
        repository.require_open(session)
        application, reviewer = _known_pair(session, application_id, reviewer_id)
        pair = (application_id, reviewer_id)
        if pair in repository.assignments(session):
            raise InvalidInput("assign.exists", application=application_id, reviewer=reviewer_id)
        reason = _conflict_reasons(session).get(pair)
        if reason is None and same_organisation(application.company, reviewer.affiliation):
            reason = render(
                "assign.organisation_reason",
                None,
                company=application.company,
                affiliation=reviewer.affiliation,
            )
        if reason is not None:
            raise InvalidInput(
                "assign.conflicted",
                application=application_id,
                reviewer=reviewer_id,
                reason=reason or "-",
            )
        if application.track not in reviewer.tracks:
            raise InvalidInput(
                "assign.import.not_on_panel",
                application=application_id,
                reviewer=reviewer_id,
                track=application.track,
                tracks=", ".join(reviewer.tracks) or "-",
            )
        store.add_assignments(session, [pair])
        audit_log.audit(session, "assignment.add", f"{application_id}/{reviewer_id}")
        repository.touch(session)


def remove_assignment(database: Database, application_id: str, reviewer_id: str) -> None:
    """Remove one assignment (audited); refused when the pair has a review."""
    with database.session() as session:
        repository.require_open(session)
        pair = (application_id, reviewer_id)
        if pair not in repository.assignments(session):
            raise InvalidInput(
                "assign.not_assigned", application=application_id, reviewer=reviewer_id
            )
        if pair in store.scored_pairs(session) or pair in store.recused_pairs(session):
            raise InvalidInput(
                "assign.remove_reviewed", application=application_id, reviewer=reviewer_id
            )
        store.remove_assignments(session, [pair])
        audit_log.audit(session, "assignment.remove", f"{application_id}/{reviewer_id}")
        repository.touch(session)


@dataclass(frozen=True)
class Choice:
    """An application or reviewer the window offers when adding an assignment."""

    id: str
    label: str
    tracks: tuple[str, ...]


@dataclass(frozen=True)
class AssignmentBoard:
    """What the window's assignments page shows: every assignment and conflict, and the
    applications and reviewers an assignment can be added for."""

    rows: tuple[PairRow, ...]
    applications: tuple[Choice, ...]
    reviewers: tuple[Choice, ...]

    def panel(self, application_id: str) -> list[Choice]:
        """The reviewers who can be added to the application: on its track's panel, not
        assigned to it and not conflicted with it."""
        track = next((a.tracks for a in self.applications if a.id == application_id), ())
        taken = {r.reviewer_id for r in self.rows if r.application_id == application_id}
        return [r for r in self.reviewers if set(track) & set(r.tracks) and r.id not in taken]


def assignment_board(database: Database) -> AssignmentBoard:
    with database.session() as session:
        rows = tuple(store.pair_rows(session))
        applications = tuple(
            Choice(a.id, a.title, (a.track,)) for a in repository.applications(session)
        )
        reviewers = tuple(
            Choice(r.id, f"{r.name} ({r.affiliation})" if r.affiliation else r.name, r.tracks)
            for r in repository.reviewers(session)
        )
    return AssignmentBoard(rows, applications, reviewers)
