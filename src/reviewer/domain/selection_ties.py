"""Boundary ties (DESIGN §3.9): where only the order decided between equal finals.

A selected application ``s`` and an unselected candidate ``u`` of one track with equal
finals are tied when exchanging them leaves the selection equally good: the same number
selected, the same total quota shortfall, every budget kept. The number selected, each
track's count and the score sum never change in such an exchange (same track, equal
finals), so whatever the objective's order the exchange is equally good exactly when
the track's budget still holds and the shortfall is the same.

With seat transfer the shortfall is compared twice: on the final selection (the figures
the committee reads) and, when ``s`` was chosen by the optimisation rather than by a
transfer, on the optimised selection before transfer, where the objective decided. A
pair a quota split there is not a tie, even when the transfers afterwards leave the
final shortfall the same. (The budget needs only the final check: the optimised
selection is part of the final one and amounts are not negative.)

An exchange changes no rule's ``n`` (same track) and each rule's category count by
what separates the two applications' classes (:meth:`Problem.class_of`), so the pairs
are checked per class: the cheapest ``u`` and the dearest ``s`` of each class are the
ones most likely to keep the budget.
"""

from __future__ import annotations

from decimal import Decimal

from reviewer.domain.config import RoundConfig
from reviewer.domain.model import BoundaryTie
from reviewer.domain.selection_problem import (
    Problem,
    RuleCount,
    Selection,
    budget_used,
    rule_counts,
)

Class = tuple[bool, ...]


def boundary_ties(
    config: RoundConfig, problem: Problem, chosen: Selection, selected: Selection
) -> tuple[BoundaryTie, ...]:
    """One tie per track and final where some selected and unselected pair with that final
    can be exchanged (see the module's description); ``ids`` lists every candidate of the
    track with that final, in rank order. ``chosen`` is the optimised selection, ``selected``
    the final one (seat transfers included)."""
    final_counts = rule_counts(problem, selected)
    chosen_counts = rule_counts(problem, chosen)
    used = budget_used(problem, selected)
    groups: list[dict[Decimal, list[int]]] = [{} for _ in config.tracks]
    for index, item in enumerate(problem.items):  # the global order: rank order
        groups[item.track].setdefault(item.final, []).append(index)
    ties: list[BoundaryTie] = []
    for t, track in enumerate(config.tracks):
        budget = problem.budgets[t]
        slack = None if budget is None else budget - used[t]
        pair = _Pair(problem, t, slack, final_counts, chosen_counts)
        for final, members in groups[t].items():
            inside = sum(1 for i in members if i in selected)
            if inside in (0, len(members)):
                continue  # no selected and unselected pair with this final
            if pair.exchangeable(members, chosen, selected):
                ids = tuple(problem.items[i].id for i in members)
                ties.append(BoundaryTie(track=track.id, final_score=final, ids=ids))
    return tuple(ties)


class _Pair:
    """The exchange test of one track."""

    def __init__(
        self,
        problem: Problem,
        track: int,
        slack: int | None,
        final_counts: tuple[RuleCount, ...],
        chosen_counts: tuple[RuleCount, ...],
    ) -> None:
        self.problem = problem
        self.track = track
        self.slack = slack  # budget left in the track, None without a budget
        self.final_counts = final_counts
        self.chosen_counts = chosen_counts

    def exchangeable(self, members: list[int], chosen: Selection, selected: Selection) -> bool:
        items = self.problem.items
        dearest: dict[tuple[Class, bool], int] = {}  # (class, optimised?) → largest amount
        cheapest: dict[Class, int] = {}
        for index in members:
            key = self.problem.classes[index]
            amount = items[index].amount
            if index in selected:
                side = (key, index in chosen)
                dearest[side] = max(dearest.get(side, amount), amount)
            else:
                cheapest[key] = min(cheapest.get(key, amount), amount)
        for (out_class, optimised), out_amount in dearest.items():
            for in_class, in_amount in cheapest.items():
                if self.slack is not None and in_amount - out_amount > self.slack:
                    continue
                if not self._same_shortfall(self.final_counts, out_class, in_class):
                    continue
                if optimised and not self._same_shortfall(self.chosen_counts, out_class, in_class):
                    continue
                return True
        return False

    def _same_shortfall(
        self, counts: tuple[RuleCount, ...], leaving: Class, entering: Class
    ) -> bool:
        """Whether replacing an application of class ``leaving`` by one of ``entering`` in
        this track keeps the total shortfall."""
        before = after = 0
        rules = self.problem.rules
        for rule, count, out, into in zip(rules, counts, leaving, entering, strict=True):
            achieved = count.achieved
            if self.track in rule.tracks:
                achieved += int(into) - int(out)
            before += count.shortfall
            after += max(0, count.required - achieved)
        return before == after
