"""Statuses, explanations and quota outcomes of a solved selection (DESIGN §4).

Attribution. An application is ``selected_by_quota`` or ``displaced_by_quota`` because
of the quota whose removal alone (the selection re-solved without that quota's rules,
seat transfer included) brings it back to its merit status; when several do, the first
in the round's order. When no single removal does, the quotas act only together and the
explanation names all of them, joined by ``" + "``.

Counterparts. The other side of the change (displaced for an application selected by
quota, and the reverse) in the same track and attributed to the same quota; failing
that, in the same track; then attributed to the same quota in any track; then any.
When both sides of that group are equally many they are paired as the quota's swaps
would be made: the best entrant (earliest in the global order) with the weakest
displaced application, the second best with the second weakest, and so on; each names
its partner. Otherwise (budgets can make the sides differ in number) each names the
whole other side in the global order. ``gap`` is the application's final minus that of
its first counterpart.

Quota shortfall reasons, the first that applies: too few candidates of the quota's
categories in scope; the seats filled in scope cannot hold enough of them; seat transfer
lowered the share; an objective ranked before ``quota`` decided it; a budget in scope;
otherwise the other quotas compete for the same seats.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from reviewer.domain.config import AI_CATEGORIES, RoundConfig
from reviewer.domain.model import Decision, Explanation, QuotaOutcome, Status
from reviewer.domain.selection_problem import Problem, Rule, RuleCount, Selection, rule_counts

Resolve = Callable[[int], Selection]  # the selection without one quota (by index)


def explain(
    config: RoundConfig,
    problem: Problem,
    selected: Selection,
    merit: Selection,
    transfers: Mapping[int, int],
    without: Resolve,
) -> dict[str, Decision]:
    """A decision for every candidate."""
    statuses = candidate_statuses(problem, selected, merit)
    affected = [
        i
        for i, status in enumerate(statuses)
        if status in (Status.SELECTED_BY_QUOTA, Status.DISPLACED_BY_QUOTA)
    ]
    causes = _attribute(config, affected, merit, without)
    decisions: dict[str, Decision] = {}
    for index, item in enumerate(problem.items):
        status = statuses[index]
        explanation: Explanation | None = None
        if index in causes or index in transfers:
            if index in transfers:
                kind = "seat_transfer"
            elif status is Status.DISPLACED_BY_QUOTA:
                kind = "displaced_by"
            else:
                kind = "selected_over"
            partners = _counterparts(problem, index, statuses, causes) if index in causes else []
            source = transfers.get(index)
            explanation = Explanation(
                kind=kind,
                quota=causes.get(index),
                counterparts=tuple((problem.items[j].id, problem.items[j].final) for j in partners),
                gap=item.final - problem.items[partners[0]].final if partners else None,
                from_track=config.tracks[source].id if source is not None else None,
            )
        decisions[item.id] = Decision(item.id, status, explanation)
    return decisions


def candidate_statuses(problem: Problem, selected: Selection, merit: Selection) -> list[Status]:
    """Every candidate's status (by index): the selection compared with the merit one."""
    return [_status(i in selected, i in merit) for i in range(len(problem.items))]


def _status(selected: bool, merit: bool) -> Status:
    if selected:
        return Status.SELECTED if merit else Status.SELECTED_BY_QUOTA
    return Status.DISPLACED_BY_QUOTA if merit else Status.NOT_SELECTED


def _attribute(
    config: RoundConfig, affected: Sequence[int], merit: Selection, without: Resolve
) -> dict[int, str]:
    names = [quota.name for quota in config.quotas]
    if not affected:
        return {}
    if len(names) == 1:  # without it, the selection is the merit selection
        return dict.fromkeys(affected, names[0])
    causes: dict[int, str] = {}
    for quota, name in enumerate(names):
        rest = [i for i in affected if i not in causes]
        if not rest:
            break
        selection = without(quota)
        for index in rest:
            if (index in selection) == (index in merit):
                causes[index] = name
    together = " + ".join(names)
    return {index: causes.get(index, together) for index in affected}


def _counterparts(
    problem: Problem, index: int, statuses: Sequence[Status], causes: Mapping[int, str]
) -> list[int]:
    items = problem.items
    entrant = statuses[index] is Status.SELECTED_BY_QUOTA
    track, cause = items[index].track, causes[index]
    tests: tuple[Callable[[int], bool], ...] = (
        lambda j: items[j].track == track and causes[j] == cause,
        lambda j: items[j].track == track,
        lambda j: causes[j] == cause,
        lambda j: True,
    )
    for test in tests:
        others = [
            j for j in causes if test(j) and (statuses[j] is Status.SELECTED_BY_QUOTA) != entrant
        ]
        if others:
            break
    else:
        return []
    mine = [j for j in causes if test(j) and (statuses[j] is Status.SELECTED_BY_QUOTA) == entrant]
    if len(mine) != len(others):
        return sorted(others)
    entrants, displaced = (mine, others) if entrant else (others, mine)
    pairs = dict(zip(sorted(entrants), sorted(displaced, reverse=True), strict=True))
    if entrant:
        return [pairs[index]]
    return [next(e for e, d in pairs.items() if d == index)]


# -- quota outcomes --------------------------------------------------------------------


def quota_outcomes(
    config: RoundConfig, problem: Problem, chosen: Selection, selected: Selection
) -> tuple[QuotaOutcome, ...]:
    """Every rule's figures for the final selection (``chosen``: before seat transfer)."""
    outcomes: list[QuotaOutcome] = []
    counts = rule_counts(problem, selected)
    before = rule_counts(problem, chosen)
    for rule, count, prior in zip(problem.rules, counts, before, strict=True):
        why, params = "", dict[str, object]()
        if count.shortfall:
            why, params = _why(config, problem, rule, count, prior, selected)
        outcomes.append(
            QuotaOutcome(
                name=rule.spec.name,
                track=config.tracks[rule.track].id if rule.track is not None else None,
                tracks=tuple(config.tracks[t].id for t in rule.tracks),
                required=count.required,
                achieved=count.achieved,
                shortfall=count.shortfall,
                why=why,
                why_params=params,
            )
        )
    return tuple(outcomes)


def _why(
    config: RoundConfig,
    problem: Problem,
    rule: Rule,
    count: RuleCount,
    prior: RuleCount,
    selected: Selection,
) -> tuple[str, dict[str, object]]:
    params: dict[str, object] = {
        "quota": rule.spec.name,
        "tracks": ", ".join(config.tracks[t].id for t in rule.tracks),
        "categories": "/".join(c for c in AI_CATEGORIES if c in rule.spec.categories),
        "required": count.required,
        "achieved": count.achieved,
        "selected": count.n,
    }
    in_scope = [i for i, item in enumerate(problem.items) if item.track in rule.tracks]
    available = sum(1 for i in in_scope if rule.covers(problem.items[i].category))
    if available < count.required:
        return "selection.why.too_few", {**params, "available": available}
    capacity = 0
    for t in rule.tracks:
        members = [i for i in in_scope if problem.items[i].track == t]
        filled = sum(1 for i in members if i in selected)
        covered = sum(1 for i in members if rule.covers(problem.items[i].category))
        capacity += min(filled, covered)
    if capacity < count.required:
        return "selection.why.seats", {**params, "capacity": capacity}
    if prior.shortfall < count.shortfall:
        return "selection.why.transfer", params
    ahead = problem.objective[: problem.objective.index("quota")]
    if "score" in ahead:
        return "selection.why.objective", {**params, "objectives": ", ".join(ahead)}
    budgeted = [config.tracks[t].id for t in rule.tracks if problem.budgets[t] is not None]
    if budgeted:
        return "selection.why.budget", {**params, "budget_tracks": ", ".join(budgeted)}
    return "selection.why.competing", params
