"""Messages of scoring: why an application is ineligible, incomplete or below the cutoff,
and the invalid review data the scoring rules refuse."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Reasons shown next to an application's status.
    "scoring.requires_investment": (
        "투자확약이 없습니다 ({track} 신청 요건)",
        "no investment commitment (required in {track})",
    ),
    "scoring.requires_guarantee": (
        "기술보증기금 보증이 없습니다 ({track} 신청 요건)",
        "no KIBO guarantee (required in {track})",
    ),
    "scoring.outside_region": (
        "소재지 {region|이} 지원 지역 {required}에 속하지 않습니다",
        "region {region} is outside {required}",
    ),
    "scoring.region_missing": (
        "소재지가 없어 지원 지역 {required} 요건을 확인할 수 없습니다",
        "no region given; the round requires {required}",
    ),
    "scoring.incomplete": (
        "유효 평가 {count}건 (최소 {required}건 필요)",
        "{count} counted reviews ({required} required)",
    ),
    "scoring.below_cutoff": (
        "최종 점수 {final}점이 기준 점수 {cutoff}점 미만입니다",
        "final score {final} is below the cutoff {cutoff}",
    ),
    "scoring.criterion_floor": (
        "과락: {criteria} (항목 평균 기준 {floor})",
        "below the criterion floor {floor}: {criteria}",
    ),
    "scoring.below_cutoff_and_floor": (
        "최종 점수 {final}점이 기준 점수 {cutoff}점 미만이고, 과락: {criteria} "
        "(항목 평균 기준 {floor})",
        "final score {final} is below the cutoff {cutoff}, and below the criterion floor "
        "{floor}: {criteria}",
    ),
    # Review data the rules cannot score.
    "scoring.unknown_track": (
        "과제 {application}의 트랙 {track|은} 이 회차에 없습니다. 가능한 트랙: {known}",
        "application {application}: track {track} is not in this round; known: {known}",
    ),
    "scoring.duplicate_application": (
        "과제번호 {application|이} 두 번 있습니다",
        "application {application} appears twice",
    ),
    "scoring.unknown_application": (
        "심사위원 {reviewer}의 평가 대상 과제 {application|이} 없습니다",
        "reviewer {reviewer} scored application {application}, which does not exist",
    ),
    "scoring.duplicate_review": (
        "심사위원 {reviewer}의 과제 {application} 평가가 두 번 있습니다",
        "reviewer {reviewer} has two reviews of application {application}",
    ),
    "scoring.missing_score": (
        "과제 {application}, 심사위원 {reviewer}: {criterion} 점수가 없습니다",
        "application {application}, reviewer {reviewer}: no score for {criterion}",
    ),
    "scoring.bad_grade": (
        "과제 {application}, 심사위원 {reviewer}, {criterion}: {value!r|은} 등급이 아닙니다 "
        "(가능한 등급: {grades})",
        "application {application}, reviewer {reviewer}, {criterion}: {value!r} is not a "
        "grade (grades: {grades})",
    ),
    "scoring.not_a_number": (
        "과제 {application}, 심사위원 {reviewer}, {criterion}: {value!r|은} 숫자가 아닙니다",
        "application {application}, reviewer {reviewer}, {criterion}: {value!r} is not a number",
    ),
    "scoring.out_of_range": (
        "과제 {application}, 심사위원 {reviewer}, {criterion}: {value|은} {min}~{max} "
        "범위를 벗어납니다",
        "application {application}, reviewer {reviewer}, {criterion}: {value} is outside "
        "{min}–{max}",
    ),
}
