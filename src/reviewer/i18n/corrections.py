"""Messages of the chair's score corrections: one criterion score of one review, a
review marked as a conflict of interest or cleared of one, and undoing either."""

MESSAGES: dict[str, tuple[str, str]] = {
    "corrections.review_missing": (
        "심사위원 {reviewer}의 과제 {application} 평가가 없습니다",
        "reviewer {reviewer} has no review of application {application}",
    ),
    "corrections.no_reviews": (
        "과제 {application}에는 아직 평가가 없습니다",
        "application {application} has no reviews yet",
    ),
    "corrections.unknown_criterion": (
        "{criterion|은} 트랙 {track}의 평가항목이 아닙니다 (평가항목: {criteria})",
        "{criterion} is not a criterion of track {track} (criteria: {criteria})",
    ),
    "corrections.nothing_given": (
        "고칠 점수를 하나 이상 입력하세요",
        "give at least one score to correct",
    ),
    "corrections.unchanged": (
        "{criterion} 점수는 이미 {value}입니다. 바뀌는 것이 없습니다",
        "the score for {criterion} is already {value}; nothing changes",
    ),
    "corrections.conflict_review": (
        "이해충돌로 회피한 평가라 점수가 없습니다. 점수를 매기려면 먼저 이해충돌을 해제하세요",
        "this review is a conflict of interest and has no scores; clear the conflict to score it",
    ),
    "corrections.already_conflict": (
        "이미 이해충돌로 표시된 평가입니다",
        "the review is already marked as a conflict of interest",
    ),
    "corrections.not_conflict": (
        "이해충돌로 표시된 평가가 아닙니다",
        "the review is not marked as a conflict of interest",
    ),
    "corrections.conflict_reason_required": (
        "이해충돌 사유를 적어야 합니다 (예: 같은 기관 소속)",
        "a conflict of interest needs its reason (e.g. the same organisation)",
    ),
    "corrections.changed_meanwhile": (
        "심사위원 {reviewer}의 과제 {application} 평가가 그 사이에 바뀌었습니다 "
        "(가져오기 또는 다른 정정). 지금 상태 그대로 둡니다",
        "the review of application {application} by reviewer {reviewer} was changed "
        "meanwhile (by an import or another correction); it is left as it is now",
    ),
    "corrections.reason_too_long": (
        "정정 사유가 너무 깁니다 ({length}자). {limit}자 이하로 줄여 주세요",
        "the reason for the correction is too long ({length} characters); "
        "keep it to {limit} characters",
    ),
    "corrections.conflict_reason_too_long": (
        "이해충돌 사유가 너무 깁니다 ({length}자). {limit}자 이하로 줄여 주세요",
        "the conflict's reason is too long ({length} characters); keep it to {limit} characters",
    ),
}
