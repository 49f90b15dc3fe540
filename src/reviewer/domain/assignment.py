"""Assigning reviewers to applications: the problem, its result, and the rules the
solver (:mod:`reviewer.domain.assignment_solver`) and the services share.

**Same organisation.** An application's company and a reviewer's affiliation are the same
organisation when their *organisation keys* are equal (:func:`organisation_key`): NFKC
(full-width letters, ``㈜`` → ``(주)``), no case, the legal forms dropped (``(주)``,
``주식회사``, ``(유)``, ``유한회사``, ``(사)``, ``사단법인``, ``(재)``, ``재단법인``, ``Co.,
Ltd.``, ``Inc.`` …), and no spaces or punctuation. An affiliation that names a unit of the
organisation after a space (``서울대학교 컴퓨터공학과``) also matches by its first word
(``서울대학교``), and so does a company; two names of one university's units
(``서울대학교산학협력단``, ``서울대학교 공과대학``) are that university. A blank name never
matches.

**Expertise fit.** :func:`expertise_fit` counts the words of the application's field
(``기술분야``; words of two characters or more, folded like organisation keys) that occur
in the reviewer's expertise text (the service passes the affiliation and the names and
ids of the reviewer's tracks): ``AI`` fits ``AI융합연구소``.

**Assignment.** Each application gets ``per_application`` reviewers from its track's
panel (the reviewers whose tracks include the application's track), never a forbidden
(conflicted) pair, and each reviewer at most ``max_load`` applications in all (when
given). ``kept`` pairs (assignments that already have scores) are fixed: they count
towards the application's reviewers and the reviewer's load. ``base_load`` is each
reviewer's load from assignments outside the problem (other tracks), which counts
towards ``max_load`` and the balance.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# -- organisation names ---------------------------------------------------------------

# Korean legal forms written in brackets (after NFKC, ㈜ is "(주)", ㈔ "(사)")
_BRACKETED_FORMS = re.compile(r"[(\[]\s*(주|유|사|재|합|농|사단|재단|학)\s*[)\]]")
# written out, with or without spaces around them
_WORD_FORMS = (
    "유한책임회사",
    "주식회사",
    "유한회사",
    "합자회사",
    "합명회사",
    "사단법인",
    "재단법인",
    "사회복지법인",
    "농업회사법인",
    "학교법인",
)
# "주)한빛" and "한빛(주" as typed in a hurry
_HALF_BRACKETED = re.compile(r"^(주|유|사|재)\)|\((주|유|사|재)$")
# English legal forms, as whole words
_ENGLISH_FORMS = frozenset(
    {"co", "ltd", "inc", "corp", "corporation", "llc", "limited", "incorporated", "plc", "gmbh"}
)
_WORDS = re.compile(r"[^\W_]+")  # letters and digits: "_" is punctuation too
# the written-out forms with any spaces inside them ("주식 회사")
_SPACED_FORMS = re.compile("|".join(r"\s*".join(form) for form in _WORD_FORMS))
UNIVERSITY = "대학교"


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _strip_forms(text: str) -> str:
    text = _BRACKETED_FORMS.sub(" ", _folded(text))
    text = _SPACED_FORMS.sub(" ", text)
    return _HALF_BRACKETED.sub(" ", text.strip()).strip()


def _key(words: Iterable[str]) -> str:
    return "".join(w for w in words if w not in _ENGLISH_FORMS)


def organisation_key(name: str) -> str:
    """The key two spellings of one organisation's name share (module docstring):
    ``㈜ 한빛로보틱스``, ``주식회사 한빛 로보틱스`` and ``한빛로보틱스(주)`` give one key."""
    return _key(_WORDS.findall(_strip_forms(name)))


def organisation_keys(name: str) -> frozenset[str]:
    """The keys ``name`` matches by: the whole name's, and its first word's when the name
    has several words (a unit of the organisation after a space)."""
    stripped = _strip_forms(name)
    whole = _key(_WORDS.findall(stripped))
    if not whole:
        return frozenset()
    keys = {whole}
    parts = stripped.split()
    if len(parts) > 1:
        first = _key(_WORDS.findall(parts[0]))
        if len(first) >= 2:
            keys.add(first)
    return frozenset(keys)


def same_organisation(company: str, affiliation: str) -> bool:
    """Whether an application's company and a reviewer's affiliation are one
    organisation: the whole name of one is the whole name or the first word of the other."""
    company_keys = organisation_keys(company)
    affiliation_keys = organisation_keys(affiliation)
    if not company_keys or not affiliation_keys:
        return False
    if organisation_key(company) in affiliation_keys or (
        organisation_key(affiliation) in company_keys
    ):
        return True
    # a university's units are the university (서울대학교산학협력단, 서울대학교 공과대학)
    university = _university(organisation_key(company))
    return university is not None and university == _university(organisation_key(affiliation))


def _university(key: str) -> str | None:
    """The university a key names, up to and including 대학교; None for no university."""
    at = key.find(UNIVERSITY)
    return key[: at + len(UNIVERSITY)] if at > 0 else None


def organisation_conflicts(
    applications: Iterable[AssignApplication], reviewers: Iterable[AssignReviewer]
) -> list[tuple[str, str]]:
    """Every (application id, reviewer id) whose company and affiliation are the same
    organisation, in id order."""
    by_key: dict[str, list[AssignReviewer]] = {}
    for reviewer in reviewers:
        for key in organisation_keys(reviewer.affiliation):
            by_key.setdefault(key, []).append(reviewer)
    found: set[tuple[str, str]] = set()
    for application in applications:
        for key in organisation_keys(application.company):
            for reviewer in by_key.get(key, ()):
                if same_organisation(application.company, reviewer.affiliation):
                    found.add((application.id, reviewer.id))
    return sorted(found)


# -- expertise ------------------------------------------------------------------------


def field_words(text: str) -> tuple[str, ...]:
    """The words of an application's field that expertise is matched by (two characters
    or more, folded), each once, in order."""
    words = (w for w in _WORDS.findall(_folded(text).replace("_", " ")) if len(w) >= 2)
    return tuple(dict.fromkeys(words))


def expertise_fit(application_field: str, expertise: str) -> int:
    """How many words of ``application_field`` occur in ``expertise`` (module docstring)."""
    if not application_field or not expertise:
        return 0
    haystack = "".join(_folded(expertise).split())
    return sum(1 for word in field_words(application_field) if word in haystack)


# -- the problem and its result --------------------------------------------------------


@dataclass(frozen=True)
class AssignApplication:
    id: str
    track: str
    field: str = ""
    company: str = ""


@dataclass(frozen=True)
class AssignReviewer:
    id: str
    tracks: tuple[str, ...]
    affiliation: str = ""
    expertise: str = ""  # the text the application's field is matched in


@dataclass(frozen=True)
class AssignmentProblem:
    applications: tuple[AssignApplication, ...]
    reviewers: tuple[AssignReviewer, ...]
    per_application: int
    max_load: int | None = None
    forbidden: frozenset[tuple[str, str]] = frozenset()
    kept: frozenset[tuple[str, str]] = frozenset()
    base_load: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.per_application < 1:
            raise ValueError("per_application must be at least 1")
        if self.max_load is not None and self.max_load < 0:
            raise ValueError("max_load must not be negative")

    def panel(self, application: AssignApplication) -> list[AssignReviewer]:
        """The reviewers of the application's track, by id."""
        return sorted(
            (r for r in self.reviewers if application.track in r.tracks), key=lambda r: r.id
        )

    def fit(self, application: AssignApplication, reviewer: AssignReviewer) -> int:
        return expertise_fit(application.field, reviewer.expertise)


# why an application has fewer reviewers than asked
PANEL_TOO_SMALL = "panel_too_small"  # its track's panel has fewer reviewers
CONFLICTS = "conflicts"  # enough reviewers, but conflicts leave fewer eligible
MAX_LOAD = "max_load"  # eligible reviewers are at their maximum load
SHORTFALL_REASONS = (PANEL_TOO_SMALL, CONFLICTS, MAX_LOAD)


@dataclass(frozen=True)
class Shortfall:
    application_id: str
    track: str
    wanted: int
    assigned: int
    reason: str  # one of SHORTFALL_REASONS
    panel: int  # reviewers in the track's panel
    eligible: int  # of them, not conflicted


@dataclass(frozen=True)
class AssignmentResult:
    """``pairs``: every assignment of the problem's applications (kept and new), sorted;
    ``loads``: each panel reviewer's load in all (``base_load`` included); ``fit`` the
    summed expertise fit of the pairs; ``squares`` the sum of squared loads (what the
    balance minimises)."""

    pairs: tuple[tuple[str, str], ...]
    added: tuple[tuple[str, str], ...]
    kept: tuple[tuple[str, str], ...]
    shortfalls: tuple[Shortfall, ...]
    loads: Mapping[str, int]
    fit: int
    squares: int

    @property
    def load_range(self) -> tuple[int, int] | None:
        """The smallest and largest load of the panels' reviewers (None without any)."""
        if not self.loads:
            return None
        return min(self.loads.values()), max(self.loads.values())


def loads_of(problem: AssignmentProblem, pairs: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Each reviewer of a panel (of the problem's applications' tracks): their load in all
    with ``pairs`` (``base_load`` included)."""
    tracks = {a.track for a in problem.applications}
    loads = {
        r.id: problem.base_load.get(r.id, 0)
        for r in problem.reviewers
        if tracks.intersection(r.tracks)
    }
    for _, reviewer_id in pairs:
        if reviewer_id in loads:
            loads[reviewer_id] += 1
    return loads


def shortfalls_of(
    problem: AssignmentProblem, pairs: Iterable[tuple[str, str]]
) -> tuple[Shortfall, ...]:
    """The applications with fewer than ``per_application`` reviewers in ``pairs``, with
    why. With the largest number of pairs, an application short of reviewers while its
    panel has enough non-conflicted ones is short because they are all at their load."""
    count: dict[str, int] = {}
    for app_id, _ in pairs:
        count[app_id] = count.get(app_id, 0) + 1
    found: list[Shortfall] = []
    for application in sorted(problem.applications, key=lambda a: a.id):
        assigned = count.get(application.id, 0)
        wanted = problem.per_application
        if assigned >= wanted:
            continue
        panel = problem.panel(application)
        eligible = [r for r in panel if (application.id, r.id) not in problem.forbidden]
        if len(panel) < wanted:
            reason = PANEL_TOO_SMALL
        elif len(eligible) < wanted:
            reason = CONFLICTS
        else:
            reason = MAX_LOAD
        found.append(
            Shortfall(
                application.id,
                application.track,
                wanted,
                assigned,
                reason,
                len(panel),
                len(eligible),
            )
        )
    return tuple(found)


def result_of(problem: AssignmentProblem, pairs: Iterable[tuple[str, str]]) -> AssignmentResult:
    """The result of choosing ``pairs`` (kept pairs included) for ``problem``."""
    chosen = tuple(sorted(set(pairs)))
    apps = {a.id: a for a in problem.applications}
    reviewers = {r.id: r for r in problem.reviewers}
    loads = loads_of(problem, chosen)
    return AssignmentResult(
        pairs=chosen,
        added=tuple(p for p in chosen if p not in problem.kept),
        kept=tuple(p for p in chosen if p in problem.kept),
        shortfalls=shortfalls_of(problem, chosen),
        loads=loads,
        fit=sum(problem.fit(apps[a], reviewers[r]) for a, r in chosen),
        squares=sum(v * v for v in loads.values()),
    )


# -- what is recorded -------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    application_id: str
    reviewer_id: str
    reason: str
    source: str  # "declared" | "organisation" | "reviewer"


@dataclass(frozen=True)
class PairRow:
    """An assignment or a conflict as the window lists it."""

    application_id: str
    track: str
    company: str
    reviewer_id: str
    reviewer_name: str
    affiliation: str
    assigned: bool
    scored: bool  # a review with scores exists
    conflict: Conflict | None
