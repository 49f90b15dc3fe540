"""The exact fast path of the selection: counts per track and class, chosen by a DP.

It applies when ``fill`` is the first objective and no budget binds:

* Budgets are dropped first. A selection that is optimal without budgets and fits every
  budget is also optimal with them: the feasible selections with budgets are a subset of
  those without, so the optimal values cannot be better with budgets, and this selection
  attains them. The optimal selections with budgets are then exactly the optimal ones
  without budgets that fit, and this one, earliest in the global order among all of
  those, is the earliest among these too.
* Without budgets, filling first puts ``n_t = min(seats, candidates)`` selections in
  every track. Candidates of one track and one class (the same membership in every
  rule's categories) are interchangeable for every rule, so an optimal selection that
  is earliest in the global order takes, in each track and class, the first ``k`` of
  that class in the global order (a later one in place of an earlier one can be swapped
  without changing any count, without lowering the score, and earlier in the order).
  The search is over the counts ``k`` per track and class.
* A rule whose scope has one non-empty track is settled inside that track's choice.
  Rules over several tracks are the DP state: their running category counts, capped
  at their required count (a count beyond it changes nothing). ``n`` of every rule is
  fixed by the fill, so each required count is known in advance.
* The DP compares partial selections by their objective values and then by the global
  order. Both comparisons are consistent with extending the partial selections by the
  same choices in the remaining tracks: the objective values add up (the shortfall of
  multi-track rules is a function of the final state, the same for both), and the
  earliest candidate on which two selections differ lies in the tracks where they
  differ.

``solve_fast`` returns None when the fast path does not apply or the state space is too
large; the caller then uses the ILP.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from reviewer.domain.selection_problem import Problem, Selection, budget_used

MAX_WORK = 400_000  # states × choices bound beyond which the ILP is quicker

Counts = tuple[int, ...]


class FastPathUnavailable(ValueError):
    """``solver="fast"`` was asked for a selection the fast path cannot decide exactly."""


@dataclass(frozen=True)
class _Choice:
    counts: Counts  # k per class
    delta: tuple[int, ...]  # contribution to each multi-track rule's category count
    short: int  # shortfall of the rules settled within the track
    score: int


@dataclass
class _Partial:
    short: int
    score: int
    path: tuple[Counts, ...]


def solve_fast(problem: Problem, max_work: int = MAX_WORK) -> Selection | None:
    """The exact selection, or None when the fast path does not apply."""
    if not problem.objective or problem.objective[0] != "fill":
        return None
    tracks = len(problem.seats)
    classes = problem.classes
    class_keys = sorted(set(classes))
    members: list[list[list[int]]] = [[[] for _ in class_keys] for _ in range(tracks)]
    position = {key: number for number, key in enumerate(class_keys)}
    for index, item in enumerate(problem.items):
        members[item.track][position[classes[index]]].append(index)
    fill = [min(problem.seats[t], sum(len(group) for group in members[t])) for t in range(tracks)]

    local: list[list[tuple[int, int]]] = [[] for _ in range(tracks)]  # (rule, required)
    shared: list[tuple[int, int]] = []  # (rule, required) over several tracks
    for number, rule in enumerate(problem.rules):
        active = [t for t in rule.tracks if fill[t] > 0]
        required = rule.required(sum(fill[t] for t in active))
        if not active or required == 0:
            continue
        if len(active) == 1:
            local[active[0]].append((number, required))
        else:
            shared.append((number, required))

    states = 1
    for _, required in shared:
        states *= required + 1
    sizes = [[len(group) for group in members[t]] for t in range(tracks)]
    compositions = [_count_compositions(fill[t], sizes[t]) for t in range(tracks)]
    # at most one choice per track is kept for each count it can add to every
    # multi-track rule (0..fill for a rule over the track): known before the choices
    # are made, like the number of compositions to go through
    kept = [
        min(
            compositions[t],
            math.prod(fill[t] + 1 for number, _ in shared if t in problem.rules[number].tracks),
        )
        for t in range(tracks)
    ]
    if sum(compositions) > max_work or states * sum(kept) > max_work:
        return None
    choices = [
        _best_per_delta(
            problem,
            members[t],
            _choices(problem, t, members[t], class_keys, fill[t], local[t], shared),
        )
        for t in range(tracks)
    ]
    if states * sum(len(c) for c in choices) > max_work:
        return None

    caps = tuple(required for _, required in shared)
    layer: dict[Counts, _Partial] = {tuple(0 for _ in shared): _Partial(0, 0, ())}
    for t in range(tracks):
        following: dict[Counts, _Partial] = {}
        for state, partial in layer.items():
            for choice in choices[t]:
                key = tuple(
                    min(cap, g + d) for cap, g, d in zip(caps, state, choice.delta, strict=True)
                )
                candidate = _Partial(
                    partial.short + choice.short,
                    partial.score + choice.score,
                    (*partial.path, choice.counts),
                )
                best = following.get(key)
                if best is None or _better(problem, members, candidate, best, 0, 0):
                    following[key] = candidate
        layer = following

    winner: _Partial | None = None
    winner_extra = 0
    for state, partial in layer.items():
        extra = sum(max(0, required - g) for (_, required), g in zip(shared, state, strict=True))
        if winner is None or _better(problem, members, partial, winner, extra, winner_extra):
            winner, winner_extra = partial, extra
    assert winner is not None
    chosen = frozenset(
        index
        for t, counts in enumerate(winner.path)
        for group, k in zip(members[t], counts, strict=True)
        for index in group[:k]
    )
    used = budget_used(problem, chosen)
    for t, budget in enumerate(problem.budgets):
        if budget is not None and used[t] > budget:
            return None
    return chosen


def _choices(
    problem: Problem,
    track: int,
    groups: Sequence[Sequence[int]],
    class_keys: Sequence[tuple[bool, ...]],
    fill: int,
    local: Sequence[tuple[int, int]],
    shared: Sequence[tuple[int, int]],
) -> Iterator[_Choice]:
    prefix = [
        list(accumulate((problem.items[i].weight for i in group), initial=0)) for group in groups
    ]
    for counts in _compositions(fill, [len(group) for group in groups]):

        def covered(rule: int, counts: Counts = counts) -> int:
            return sum(k for key, k in zip(class_keys, counts, strict=True) if key[rule])

        short = sum(max(0, required - covered(rule)) for rule, required in local)
        delta = tuple(
            covered(rule) if track in problem.rules[rule].tracks else 0 for rule, _ in shared
        )
        score = sum(p[k] for p, k in zip(prefix, counts, strict=True))
        yield _Choice(counts, delta, short, score)


def _best_per_delta(
    problem: Problem, groups: Sequence[Sequence[int]], choices: Iterator[_Choice]
) -> list[_Choice]:
    """Of the track's choices adding the same counts to the multi-track rules, the best.

    Two such choices lead to the same states whatever the other tracks take, so of two
    selections that differ only in them the one whose choice has the better shortfall
    and score (in the objectives' order), then the earlier candidates of this track,
    wins: the same comparison the DP makes of whole selections (:func:`_better`)."""
    best: dict[tuple[int, ...], tuple[_Choice, _Partial]] = {}
    for choice in choices:
        partial = _Partial(choice.short, choice.score, (choice.counts,))
        held = best.get(choice.delta)
        if held is None or _better(problem, [groups], partial, held[1], 0, 0):
            best[choice.delta] = (choice, partial)
    return [choice for choice, _ in best.values()]


def _count_compositions(total: int, limits: Sequence[int]) -> int:
    """How many tuples :func:`_compositions` yields, without making them."""
    ways = [1] + [0] * total  # ways[s]: tuples of the limits so far adding up to s
    for limit in limits:
        # following[s] = ways[s - limit] + ... + ways[s], by running sums
        sums = [0, *accumulate(ways)]
        ways = [sums[s + 1] - sums[max(0, s - limit)] for s in range(total + 1)]
    return ways[total]


def _compositions(total: int, limits: Sequence[int]) -> Iterator[Counts]:
    """Every tuple of counts, each within its limit, adding up to ``total``."""
    if not limits:
        if total == 0:
            yield ()
        return
    head, rest = limits[0], limits[1:]
    room = sum(rest)
    for k in range(max(0, total - room), min(head, total) + 1):
        for tail in _compositions(total - k, rest):
            yield (k, *tail)


def _better(
    problem: Problem,
    members: Sequence[Sequence[Sequence[int]]],
    first: _Partial,
    second: _Partial,
    first_extra: int,
    second_extra: int,
) -> bool:
    """Whether ``first`` beats ``second`` (``extra``: shortfall of multi-track rules)."""
    values = {
        "quota": (-(second.short + second_extra), -(first.short + first_extra)),
        "score": (second.score, first.score),
    }
    for name in problem.objective[1:]:
        theirs, ours = values[name]
        if ours != theirs:
            return ours > theirs
    earliest: int | None = None
    ours_wins = False
    for t, (a, b) in enumerate(zip(first.path, second.path, strict=True)):
        if a == b:
            continue
        for group, ka, kb in zip(members[t], a, b, strict=True):
            if ka != kb:
                index = group[min(ka, kb)]
                if earliest is None or index < earliest:
                    earliest, ours_wins = index, ka > kb
    return ours_wins
