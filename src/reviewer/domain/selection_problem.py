"""The selection problem of DESIGN §4 in solver-neutral form, and its exact evaluation.

A :class:`Problem` holds the candidates in the global order (index 0 is the first
candidate of the order), the tracks' seats and budgets, and one :class:`Rule` per quota
constraint (a quota with ``scope = "each"`` gives one rule per track). A selection is a
frozenset of candidate indices. Everything here is exact integer arithmetic: finals are
scaled to integers (``weight``), quota shares are fractions.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property
from itertools import accumulate
from typing import NamedTuple

from reviewer.domain.config import Quota, RoundConfig
from reviewer.domain.model import ScoredApplication

Selection = frozenset[int]


class Item(NamedTuple):
    """A candidate: its track (index into the round's tracks) and what the rules read.
    (A named tuple: a problem holds thousands, made again for every selection.)"""

    id: str
    track: int
    category: str
    amount: int
    final: Decimal
    weight: int  # final × 10**scale, an exact integer


@dataclass(frozen=True)
class Rule:
    """One quota constraint: ``categories`` among the selections of ``tracks``."""

    quota: int  # index into the round's quotas
    spec: Quota
    tracks: tuple[int, ...]
    track: int | None  # the track of a ``scope = "each"`` rule, else None

    def required(self, n: int) -> int:
        return self.spec.required(n)

    def covers(self, category: str) -> bool:
        return category in self.spec.categories


@dataclass(frozen=True)
class Problem:
    items: tuple[Item, ...]  # candidates in the global order
    seats: tuple[int, ...]
    budgets: tuple[int | None, ...]
    rules: tuple[Rule, ...]
    objective: tuple[str, ...]
    seat_transfer: bool = False

    def without_quotas(self, quotas: Iterable[int]) -> Problem:
        """The same problem without the rules of the given quota indices."""
        dropped = set(quotas)
        return replace(self, rules=tuple(r for r in self.rules if r.quota not in dropped))

    def without_budgets(self) -> Problem:
        return replace(self, budgets=tuple(None for _ in self.budgets))

    def class_of(self, item: Item) -> tuple[bool, ...]:
        """Which rules' categories the item belongs to: items of one track and one class
        are interchangeable for every constraint."""
        classes = self._classes
        found = classes.get(item.category)
        if found is None:
            found = classes[item.category] = tuple(
                rule.covers(item.category) for rule in self.rules
            )
        return found

    @cached_property
    def classes(self) -> tuple[tuple[bool, ...], ...]:
        """:meth:`class_of` of every item, in the items' order."""
        return tuple(self.class_of(item) for item in self.items)

    @cached_property
    def _classes(self) -> dict[str, tuple[bool, ...]]:
        """The class of each category met so far (a problem made by ``replace`` starts
        with none)."""
        return {}


@dataclass(frozen=True)
class RuleCount:
    n: int
    achieved: int
    required: int

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.achieved)


def build_problem(config: RoundConfig, scored: Mapping[str, ScoredApplication]) -> Problem:
    """The problem of the round's candidates (``status is None``) in their global order."""
    track_index = {track.id: index for index, track in enumerate(config.tracks)}
    candidates = sorted(
        (app for app in scored.values() if app.is_candidate), key=lambda app: _order(app)
    )
    finals = [_final(app) for app in candidates]
    scale = _scale(config.decimals, finals)
    weights = {final: int(final.scaleb(scale)) for final in set(finals)}  # finals repeat
    items: list[Item] = []
    previous: Decimal | None = None
    for app, final in zip(candidates, finals, strict=True):
        track = track_index.get(app.track)
        if track is None:
            raise ValueError(f"application {app.id} is in unknown track {app.track!r}")
        if previous is not None and final > previous:
            raise ValueError(f"the global order puts {app.id} after a lower final")
        previous = final
        items.append(Item(app.id, track, app.ai_category, app.amount, final, weights[final]))
    rules: list[Rule] = []
    for index, quota in enumerate(config.quotas):
        scope = tuple(track_index[t] for t in quota.tracks)
        if quota.scope == "each":
            rules.extend(Rule(index, quota, (t,), t) for t in scope)
        else:
            rules.append(Rule(index, quota, scope, None))
    return Problem(
        items=tuple(items),
        seats=tuple(track.seats for track in config.tracks),
        budgets=tuple(track.budget for track in config.tracks),
        rules=tuple(rules),
        objective=tuple(config.selection.objective),
        seat_transfer=config.selection.seat_transfer,
    )


def _order(app: ScoredApplication) -> int:
    if app.order is None:
        raise ValueError(f"candidate {app.id} has no position in the global order")
    return app.order


def _final(app: ScoredApplication) -> Decimal:
    if app.final is None or not app.final.is_finite():
        raise ValueError(f"candidate {app.id} has no final score")
    return app.final


def _scale(decimals: int, finals: Iterable[Decimal]) -> int:
    """Decimal places that make every final an integer (at least the round's ``decimals``)."""
    scale = decimals
    for final in finals:
        exponent = final.as_tuple().exponent
        if isinstance(exponent, int):
            scale = max(scale, -exponent)
    return scale


# -- exact evaluation ------------------------------------------------------------------


def rule_counts(problem: Problem, selection: Iterable[int]) -> tuple[RuleCount, ...]:
    """n, achieved and required of every rule for ``selection``."""
    per_track_n = [0] * len(problem.seats)
    per_track_cat: list[dict[str, int]] = [{} for _ in problem.seats]
    for index in selection:
        item = problem.items[index]
        per_track_n[item.track] += 1
        counts = per_track_cat[item.track]
        counts[item.category] = counts.get(item.category, 0) + 1
    result: list[RuleCount] = []
    for rule in problem.rules:
        n = sum(per_track_n[t] for t in rule.tracks)
        g = sum(
            count
            for t in rule.tracks
            for category, count in per_track_cat[t].items()
            if rule.covers(category)
        )
        result.append(RuleCount(n=n, achieved=g, required=rule.required(n)))
    return tuple(result)


def shortfall(problem: Problem, selection: Iterable[int]) -> int:
    return sum(count.shortfall for count in rule_counts(problem, selection))


def objective_key(problem: Problem, selection: Selection) -> tuple[int, ...]:
    """The lexicographic objective as a tuple to maximise, in the configured order."""
    values = {
        "fill": len(selection),
        "quota": -shortfall(problem, selection),
        "score": sum(problem.items[i].weight for i in selection),
    }
    return tuple(values[name] for name in problem.objective)


def earlier_wins(first: Selection, second: Selection) -> bool:
    """True when ``first`` includes the earliest candidate on which the two differ."""
    difference = first ^ second
    return bool(difference) and min(difference) in first


def feasible(problem: Problem, selection: Iterable[int]) -> bool:
    """Seats and budgets hold (quotas are soft)."""
    counts = [0] * len(problem.seats)
    used = [0] * len(problem.seats)
    for index in selection:
        item = problem.items[index]
        counts[item.track] += 1
        used[item.track] += item.amount
    for track, seats in enumerate(problem.seats):
        budget = problem.budgets[track]
        if counts[track] > seats or (budget is not None and used[track] > budget):
            return False
    return True


def budget_used(problem: Problem, selection: Iterable[int]) -> list[int]:
    used = [0] * len(problem.seats)
    for index in selection:
        used[problem.items[index].track] += problem.items[index].amount
    return used


# -- structure -------------------------------------------------------------------------


def components(problem: Problem) -> list[tuple[Problem, list[int]]]:
    """The problem split into independent parts: tracks that no rule links.

    Each part keeps the round's tracks (the others simply have no candidates) and the
    rules over its tracks; with it, the indices of its candidates in ``problem``. The
    objective values add up over the parts and lexicographic order is compatible with
    addition, so the optimal selections are exactly the unions of optimal selections of
    the parts; and since the parts' candidates are disjoint, the union of the parts'
    earliest optimal selections is the earliest of those unions.
    """
    parent = list(range(len(problem.seats)))

    def root(track: int) -> int:
        while parent[track] != track:
            parent[track] = parent[parent[track]]
            track = parent[track]
        return track

    for rule in problem.rules:
        for track in rule.tracks[1:]:
            parent[root(track)] = root(rule.tracks[0])
    groups: dict[int, list[int]] = {}
    for index, item in enumerate(problem.items):
        groups.setdefault(root(item.track), []).append(index)
    parts: list[tuple[Problem, list[int]]] = []
    for group_root, indices in sorted(groups.items()):
        rules = tuple(r for r in problem.rules if root(r.tracks[0]) == group_root)
        items = tuple(problem.items[i] for i in indices)
        parts.append((replace(problem, items=items, rules=rules), indices))
    return parts


def prune(problem: Problem, limits: Sequence[int] | None = None) -> list[int]:
    """Candidates that can be in the chosen selection, in the global order.

    A candidate is dropped when it can never be selected (no seats, amount above the
    budget) or when ``seats`` earlier candidates of its track and class ask for no more
    money than it does: any selection holding it leaves one of those out, and swapping
    that one in keeps seats, budget and every quota count, does not lower the score, and
    is earlier in the global order — so the chosen selection never holds it. ``limits``
    (per track, at most the seats) replaces the seats when every optimal selection is
    known to hold exactly that many in the track.
    """
    heaps: dict[tuple[int, tuple[bool, ...]], list[int]] = {}
    keep: list[int] = []
    classes = problem.classes
    for index, item in enumerate(problem.items):
        seats = problem.seats[item.track] if limits is None else limits[item.track]
        budget = problem.budgets[item.track]
        if seats == 0 or (budget is not None and item.amount > budget):
            continue
        amount = item.amount if budget is not None else 0
        heap = heaps.setdefault((item.track, classes[index]), [])
        if len(heap) == seats and -heap[0] <= amount:
            continue  # `seats` earlier ones cost no more: never chosen
        keep.append(index)
        heapq.heappush(heap, -amount)
        if len(heap) > seats:
            heapq.heappop(heap)
    return keep


def max_fill(problem: Problem, track: int) -> int:
    """The most selections the track's seats and budget allow: cheapest amounts first."""
    amounts = sorted(item.amount for item in problem.items if item.track == track)
    budget = problem.budgets[track]
    if budget is None:
        return min(problem.seats[track], len(amounts))
    count, spent = 0, 0
    for amount in amounts[: problem.seats[track]]:
        if spent + amount > budget:
            break
        spent += amount
        count += 1
    return count


def fill_candidates(problem: Problem, keep: Sequence[int], fills: Sequence[int]) -> list[int]:
    """The candidates some selection of their track's maximal fill can hold: the
    candidate's amount plus the ``fill − 1`` cheapest others stay within the budget.
    When ``fill`` is the first objective every optimal selection fills each track to its
    maximum (seats and budgets bind each track alone), so the others are never chosen."""
    amounts: dict[int, list[int]] = {}
    for item in problem.items:
        amounts.setdefault(item.track, []).append(item.amount)
    prefix = {t: [0, *accumulate(sorted(values))] for t, values in amounts.items()}
    result: list[int] = []
    for index in keep:
        item = problem.items[index]
        budget, fill = problem.budgets[item.track], fills[item.track]
        if fill == 0:
            continue
        sums = prefix[item.track]
        if budget is not None:
            among_cheapest = item.amount <= sums[fill] - sums[fill - 1]
            others = sums[fill] - item.amount if among_cheapest else sums[fill - 1]
            if item.amount + others > budget:
                continue
        result.append(index)
    return result


def transfer(problem: Problem, chosen: Selection) -> tuple[Selection, dict[int, int]]:
    """Seat transfer (통합선발제): the seats tracks leave empty form a pool, filled by the
    unselected candidates of any track in the global order, each within its own track's
    budget. Returns the selection and, per transferred candidate, the track whose seat it
    took: its own track while that track still has an empty seat in the pool, otherwise
    the first track in the round's order that still has one.
    """
    if not problem.seat_transfer:
        return chosen, {}
    counts = [0] * len(problem.seats)
    for index in chosen:
        counts[problem.items[index].track] += 1
    empty = [max(0, seats - count) for seats, count in zip(problem.seats, counts, strict=True)]
    used = budget_used(problem, chosen)
    pool = sum(empty)
    selected = set(chosen)
    moved: dict[int, int] = {}
    for index, item in enumerate(problem.items):
        if pool == 0:
            break
        if index in selected:
            continue
        budget = problem.budgets[item.track]
        if budget is not None and used[item.track] + item.amount > budget:
            continue
        source = item.track if empty[item.track] else next(t for t, e in enumerate(empty) if e)
        empty[source] -= 1
        pool -= 1
        used[item.track] += item.amount
        selected.add(index)
        moved[index] = source
    return frozenset(selected), moved
