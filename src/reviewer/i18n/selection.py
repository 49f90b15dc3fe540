"""Messages of selection: reasons of decisions and why a quota falls short."""

MESSAGES: dict[str, tuple[str, str]] = {
    "selection.reason.selected_over": (
        "{quota}: {counterparts} 대신 선정",
        "{quota}: selected over {counterparts}",
    ),
    "selection.reason.displaced_by": (
        "{quota}: {counterparts}에 밀려 미선정",
        "{quota}: displaced by {counterparts}",
    ),
    "selection.reason.selected": ("{quota}: 쿼터로 선정", "{quota}: selected by the quota"),
    "selection.reason.displaced": (
        "{quota}: 쿼터로 미선정",
        "{quota}: displaced by the quota",
    ),
    "selection.reason.counterpart": ("{id} ({final}점)", "{id} ({final})"),
    "selection.reason.seat_transfer": (
        "{track} 트랙에서 좌석 이전",
        "seat transfer from {track}",
    ),
    "selection.why.too_few": (
        "{tracks}에서 컷오프를 통과한 {categories} 과제가 {available}건뿐입니다 (필요 {required}건)",
        "only {available} {categories} applications pass the cutoff in {tracks}"
        " ({required} required)",
    ),
    "selection.why.seats": (
        "{tracks}의 선정 {selected}건에는 {categories} 과제가 최대 {capacity}건만 들어갑니다"
        " (필요 {required}건)",
        "the {selected} selections in {tracks} can hold at most {capacity} {categories}"
        " applications ({required} required)",
    ),
    "selection.why.transfer": (
        "통합선발 좌석 이전으로 {tracks}의 선정이 늘어 {categories} 비율이 부족해졌습니다"
        " ({achieved}/{required}건)",
        "seat transfers added selections in {tracks} and lowered the {categories} share"
        " ({achieved} of {required})",
    ),
    "selection.why.objective": (
        "목표 순서에서 쿼터보다 앞선 목표({objectives})가 우선합니다 ({achieved}/{required}건)",
        "an objective ranked before the quota ({objectives}) takes precedence"
        " ({achieved} of {required})",
    ),
    "selection.why.budget": (
        "{budget_tracks}의 예산 한도로 {categories} 과제를 더 선정할 수 없습니다"
        " ({achieved}/{required}건)",
        "the budget of {budget_tracks} leaves no room for more {categories} applications"
        " ({achieved} of {required})",
    ),
    "selection.why.competing": (
        "다른 쿼터와 같은 좌석을 두고 경합합니다 ({achieved}/{required}건)",
        "other quotas compete for the same seats ({achieved} of {required})",
    ),
    "selection.solver.time_limit": (
        "선정 계산이 시간 제한({seconds}초) 안에 최적 선정을 증명하지 못해 중단되었습니다."
        " 선정 결과는 없습니다. 시간을 더 주고 다시 실행하세요",
        "the selection stopped at its time limit ({seconds} s) before an optimal selection"
        " was proven; there is no selection. Allow more time and run it again",
    ),
    "selection.solver.cancelled": (
        "선정 계산을 취소했습니다. 선정 결과는 없습니다",
        "the selection was cancelled; there is no selection",
    ),
    "selection.solver.failed": (
        "선정 계산기(HiGHS)가 최적 선정을 증명하지 못했습니다: {reason}. 선정 결과는 없습니다",
        "the selection solver (HiGHS) did not prove an optimal selection: {reason};"
        " there is no selection",
    ),
    "selection.solver.reason.status": (
        "HiGHS 종료 상태 '{status}'",
        "HiGHS ended with the status '{status}'",
    ),
    "selection.solver.reason.fractional": (
        "정수가 아닌 선정을 반환했습니다",
        "it returned a fractional selection",
    ),
    "selection.solver.reason.infeasible": (
        "선정 모형에 가능한 해가 없다고 보고했습니다",
        "it reported the selection model infeasible",
    ),
    "selection.solver.reason.budget_cuts": (
        "예산을 넘는 선정을 계속 반환했습니다",
        "it kept returning selections over a budget",
    ),
    "selection.solver.reason.inexact": (
        "결과가 정수 검산에서 최적값에 이르지 못했습니다",
        "its result did not attain the optimum in the exact integer check",
    ),
    "selection.solver.reason.preview_differs": (
        "가정 분석 화면의 결과가 전체 계산과 달라 아무것도 저장하지 않았습니다",
        "the what-if preview differed from the full evaluation, so nothing was saved",
    ),
}
