"""Messages of the round configuration (round.toml)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "config.unreadable": (
        "설정 파일을 읽을 수 없습니다: {error}",
        "cannot read the configuration: {error}",
    ),
    "config.encoding": ("설정 파일은 UTF-8이어야 합니다", "the configuration must be UTF-8"),
    "config.syntax": ("TOML 문법 오류: {error}", "TOML syntax error: {error}"),
    "config.not_table": ("{key|은} 표(table)여야 합니다", "{key} must be a table"),
    "config.missing": ("{key} 값이 없습니다", "{key} is missing"),
    "config.not_text": (
        "{key|은} 비어 있지 않은 문자열이어야 합니다 (값: {value!r})",
        "{key} must be non-empty text (got {value!r})",
    ),
    "config.too_long": (
        "{key|은} {limit}자를 넘을 수 없습니다 ({length}자)",
        "{key} is longer than {limit} characters ({length})",
    ),
    "config.not_number": (
        "{key|은} 숫자여야 합니다 (값: {value!r})",
        "{key} must be a number (got {value!r})",
    ),
    "config.not_finite": (
        "{key|은} 유한한 숫자여야 합니다 (값: {value})",
        "{key} must be a finite number (got {value})",
    ),
    "config.not_integer": (
        "{key|은} 정수여야 합니다 (값: {value!r})",
        "{key} must be a whole number (got {value!r})",
    ),
    "config.not_bool": (
        "{key|은} true 또는 false여야 합니다 (값: {value!r})",
        "{key} must be true or false (got {value!r})",
    ),
    "config.not_list": (
        "{key|은} 목록이어야 합니다 (값: {value!r})",
        "{key} must be a list (got {value!r})",
    ),
    "config.too_small": (
        "{key|은} {minimum} 이상이어야 합니다 (값: {value})",
        "{key} must be at least {minimum} (got {value})",
    ),
    "config.too_large": (
        "{key|은} {maximum} 이하여야 합니다 (값: {value})",
        "{key} must be at most {maximum} (got {value})",
    ),
    "config.bad_choice": (
        "{key} 값 {value!r|은} 허용되지 않습니다. 가능한 값: {choices}",
        "{key} cannot be {value!r}; choose one of: {choices}",
    ),
    "config.total_bound": (
        "{key|은} 0과 100 사이의 총점이어야 합니다 (값: {value})",
        "{key} must be a total between 0 and 100 (got {value})",
    ),
    "config.comment_bounds": (
        "comment_below({below})는 comment_above({above})보다 클 수 없습니다",
        "comment_below ({below}) cannot be above comment_above ({above})",
    ),
    "config.fraction": (
        "{key|은} 0과 1 사이여야 합니다 (값: {value})",
        "{key} must be between 0 and 1 (got {value})",
    ),
    "config.not_share": (
        '{key|은} 0~1 사이의 숫자이거나 "1/3", "0.3" 같은 분수 문자열이어야 합니다 (값: {value!r})',
        '{key} must be a number in 0..1 or a fraction written as text, like "1/3" or "0.3" (got {value!r})',
    ),
    "config.strict_all": (
        "쿼터 {name}: strict = true와 min_share = 1은 함께 쓸 수 없습니다 (선정 전체보다 많이 뽑을 수는 없습니다). strict = false로 하세요",
        "quota {name}: strict = true with min_share = 1 can never be met (more than all of the selections); use strict = false",
    ),
    "config.weight": (
        "평가항목 {id}의 배점(weight)은 0보다 커야 합니다 (값: {value})",
        "criterion {id}: weight must be above 0 (got {value})",
    ),
    "config.min_max": (
        "평가항목 {id}: 최솟값 {min|이} 최댓값 {max}보다 작아야 합니다",
        "criterion {id}: min {min} must be below max {max}",
    ),
    "config.grades": (
        "평가항목 {id}: grades는 등급 이름과 값의 표여야 합니다",
        "criterion {id}: grades must be a table of grade names and values",
    ),
    "config.grade_value": (
        "평가항목 {id}: 등급 {grade}의 값 {value!r|은} 0~1이어야 합니다",
        "criterion {id}: grade {grade} must map to 0..1 (got {value!r})",
    ),
    "config.duplicate_criterion": (
        "평가항목 ID {id|이} 중복되었습니다",
        "criterion id {id} appears twice",
    ),
    "config.no_tracks": (
        "트랙([[tracks]])이 하나 이상 필요합니다",
        "at least one track ([[tracks]]) is required",
    ),
    "config.no_rubric": (
        "트랙 {id}에 평가항목이 없습니다 ([[criteria]] 또는 [[tracks.criteria]])",
        "track {id} has no criteria ([[criteria]] or [[tracks.criteria]])",
    ),
    "config.duplicate_track": ("트랙 {id|이} 중복되었습니다", "track {id} appears twice"),
    "config.no_categories": (
        "쿼터 {name}에 AI 구분(categories)이 없습니다",
        "quota {name} has no categories",
    ),
    "config.no_linked": (
        "쿼터 {name}: 연계(linked) 트랙이 없습니다",
        "quota {name}: no track is linked",
    ),
    "config.quota_track": (
        "쿼터 {name}: 알 수 없는 트랙 {track} (있는 트랙: {known})",
        "quota {name}: unknown track {track} (tracks: {known})",
    ),
    "config.quota_tracks": (
        '쿼터 {name}: tracks는 "all", "linked" 또는 트랙 ID 목록이어야 합니다 (값: {value!r})',
        'quota {name}: tracks must be "all", "linked" or a list of track ids (got {value!r})',
    ),
    "config.duplicate_quota": (
        "쿼터 이름 {name|이} 중복되었습니다",
        "quota name {name} appears twice",
    ),
    "config.objective": (
        "objective는 {choices|를} 한 번씩 나열해야 합니다 (값: {value})",
        "objective must list each of {choices} once (got {value})",
    ),
    "config.tie_break": (
        "동점 처리 기준 {id|은} 평가항목이 아닙니다 (평가항목: {known})",
        "tie-break criterion {id} is not a criterion (criteria: {known})",
    ),
    "config.unknown_key": (
        "알 수 없는 설정 {key} (가능한 설정: {known})",
        "unknown setting {key} (known settings: {known})",
    ),
}
