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
}
