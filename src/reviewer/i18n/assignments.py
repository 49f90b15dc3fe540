"""Messages of assigning reviewers: the assignment file, ``reviewer assign`` and the
window's edits."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the assignment file -------------------------------------------------------------
    "assign.import.duplicate": (
        "과제 {application} × 심사위원 {reviewer|이} 두 번 있습니다 ({row_first}행에도 있음)",
        "application {application} × reviewer {reviewer} appears twice (also row {row_first})",
    ),
    "assign.import.duplicate_file": (
        "과제 {application} × 심사위원 {reviewer|이} 두 번 있습니다 "
        "({file_first} {row_first}행에도 있음)",
        "application {application} × reviewer {reviewer} appears twice "
        "(also {file_first}, row {row_first})",
    ),
    "assign.import.not_on_panel": (
        "심사위원 {reviewer|은} 트랙 {track}의 심사위원이 아니어서 과제 {application}에 배정할 수 "
        "없습니다 (담당트랙: {tracks})",
        "reviewer {reviewer} is not on the panel of track {track}, so cannot be assigned "
        "application {application} (tracks: {tracks})",
    ),
    "assign.import.conflicted": (
        "심사위원 {reviewer|은} 과제 {application}에 이해충돌이 기록되어 있어 배정할 수 없습니다 "
        "(사유: {reason})",
        "reviewer {reviewer} has a recorded conflict of interest with application "
        "{application} and cannot be assigned it (reason: {reason})",
    ),
    "assign.import.same_organisation": (
        "심사위원 {reviewer}의 소속({affiliation})이 과제 {application}의 기업({company})과 같은 "
        "기관이어서 배정할 수 없습니다",
        "reviewer {reviewer}'s affiliation ({affiliation}) is the same organisation as "
        "application {application}'s company ({company}), so the pair cannot be assigned",
    ),
    "assign.import.conflict_scored": (
        "과제 {application} × 심사위원 {reviewer}에는 이미 점수가 입력된 평가가 있어 이해충돌로 "
        "바꿀 수 없습니다. 평가표에서 이해충돌을 표시해 점수를 다시 가져오세요",
        "application {application} × reviewer {reviewer} already has a review with scores, so "
        "it cannot become a conflict here; mark the conflict on the score sheet and import "
        "the scores again",
    ),
    "assign.imported": (
        "배정 {count}건을 가져왔습니다 (이미 배정됨 {unchanged}건, 이해충돌 {conflicts}건, "
        "이해충돌로 배정 취소 {removed}건): {files}",
        "imported {count} assignment(s) ({unchanged} already assigned, {conflicts} "
        "conflict(s) of interest, {removed} assignment(s) removed by a conflict) from {files}",
    ),
    # -- reviewer assign -----------------------------------------------------------------
    "assign.per_application": (
        "과제당 심사위원 수는 1 이상이어야 합니다 ({value})",
        "the number of reviewers per application must be at least 1 ({value})",
    ),
    "assign.max_load": (
        "심사위원당 최대 배정 수는 1 이상이어야 합니다 ({value})",
        "the maximum load per reviewer must be at least 1 ({value})",
    ),
    "assign.organisation_reason": (
        "같은 기관: 기업 {company} / 소속 {affiliation}",
        "same organisation: company {company} / affiliation {affiliation}",
    ),
    "assign.summary": (
        "과제 {applications}건에 배정 {pairs}건 (새 배정 {added}건, 점수가 있거나 이미 보낸 "
        "심사 패키지에 있어 유지 {kept}건, 이전 배정 취소 {removed}건)",
        "{pairs} assignment(s) for {applications} application(s) ({added} new, {kept} kept "
        "because they have scores or are in a package handed out, {removed} earlier "
        "assignment(s) replaced)",
    ),
    "assign.summary.load": (
        "심사위원 {reviewers}명의 배정 수: 최소 {low}건, 최대 {high}건",
        "load of {reviewers} reviewer(s): at least {low}, at most {high}",
    ),
    "assign.summary.organisation": (
        "같은 기관 이해충돌 {count}건을 찾아 기록했습니다",
        "{count} same-organisation conflict(s) of interest found and recorded",
    ),
    "assign.summary.complete": (
        "모든 과제에 심사위원 {n}명이 배정되었습니다",
        "every application has {n} reviewer(s)",
    ),
    "assign.summary.short": (
        "심사위원이 부족한 과제 {count}건:",
        "{count} application(s) short of reviewers:",
    ),
    "assign.short.panel_too_small": (
        "  {id} ({track}): {assigned}/{wanted}명 — 트랙 심사위원이 {panel}명뿐입니다",
        "  {id} ({track}): {assigned}/{wanted} — the track's panel has only {panel} reviewer(s)",
    ),
    "assign.short.conflicts": (
        "  {id} ({track}): {assigned}/{wanted}명 — 트랙 심사위원 {panel}명 중 이해충돌이 없는 "
        "위원이 {eligible}명뿐입니다",
        "  {id} ({track}): {assigned}/{wanted} — of the track's {panel} reviewer(s), only "
        "{eligible} have no conflict of interest",
    ),
    "assign.short.max_load": (
        "  {id} ({track}): {assigned}/{wanted}명 — 배정 가능한 심사위원이 모두 최대 배정 수에 "
        "도달했습니다",
        "  {id} ({track}): {assigned}/{wanted} — every eligible reviewer has reached the "
        "maximum load",
    ),
    # -- the window's edits --------------------------------------------------------------
    "assign.exists": (
        "심사위원 {reviewer|은} 이미 과제 {application}에 배정되어 있습니다",
        "reviewer {reviewer} is already assigned application {application}",
    ),
    "assign.not_assigned": (
        "심사위원 {reviewer|은} 과제 {application}에 배정되어 있지 않습니다",
        "reviewer {reviewer} is not assigned application {application}",
    ),
    "assign.conflicted": (
        "심사위원 {reviewer|은} 과제 {application}에 이해충돌이 있어 배정할 수 없습니다 "
        "(사유: {reason})",
        "reviewer {reviewer} has a conflict of interest with application {application} and "
        "cannot be assigned it (reason: {reason})",
    ),
    "assign.remove_reviewed": (
        "과제 {application} × 심사위원 {reviewer}에는 평가가 있어 배정을 취소할 수 없습니다",
        "application {application} × reviewer {reviewer} has a review, so the assignment "
        "cannot be removed",
    ),
}
