"""Messages of attachment imports."""

MESSAGES: dict[str, tuple[str, str]] = {
    "demo.proposals": (
        "사업계획서 PDF {count}개를 만들어 가져왔습니다: {folder}",
        "wrote and imported {count} proposal PDFs: {folder}",
    ),
    "attachments.no_folder": (
        "첨부 파일 폴더가 없습니다",
        "no such folder of attachments",
    ),
    "attachments.ambiguous": (
        "파일 이름에 과제번호가 여럿 있어 어느 과제의 파일인지 알 수 없습니다 ({ids})",
        "the name holds several application ids, so its application is unclear ({ids})",
    ),
    "attachments.too_large": (
        "파일이 너무 큽니다 ({size} MB; 한 파일 최대 {limit} MB)",
        "the file is too large ({size} MB; at most {limit} MB a file)",
    ),
    "attachments.empty": ("빈 파일입니다 (0바이트)", "the file is empty (0 bytes)"),
    "attachments.unreadable": (
        "파일을 읽을 수 없습니다 ({error})",
        "the file cannot be read ({error})",
    ),
    "attachments.not_pdf": (
        "PDF 파일이 아닙니다: 내용이 %PDF-로 시작하지 않습니다",
        "not a PDF file: its content does not start with %PDF-",
    ),
    "attachments.bad_content": (
        "확장자는 {type}이지만 내용이 {type} 파일이 아닙니다",
        "the extension says {type}, but the content is not a {type} file",
    ),
    "attachments.strict_unmatched": (
        "어느 신청 과제에도 맞지 않는 파일입니다 (--strict)",
        "the file matches no application (--strict)",
    ),
    "attachments.strict_skipped": (
        "받지 않는 형식의 파일입니다 (--strict)",
        "the file is of a type that is not taken (--strict)",
    ),
    "attachments.same_name": (
        "과제 {id}에 같은 이름의 파일이 또 있습니다: {other}",
        "application {id} has another file of the same name: {other}",
    ),
    "attachments.two_proposals": (
        "과제 {id}의 사업계획서가 둘입니다 (다른 하나: {other}). 하나만 두거나 다른 파일 이름에 '요약', '별첨' 같은 표시를 붙이세요",
        "application {id} has two proposals (the other: {other}); keep one, or mark the "
        "other's name (e.g. 'summary', 'annex')",
    ),
    "attachments.has_proposal": (
        "과제 {id}에는 이미 사업계획서 {name|이} 있습니다. 바꾸려면 --replace를 붙이세요",
        "application {id} already has the proposal {name}; add --replace to replace it",
    ),
    "attachments.changed_meanwhile": (
        "검사한 뒤 파일이 바뀌었습니다. 다시 가져오세요 (아무것도 쓰지 않았습니다)",
        "the file changed after it was checked; import again (nothing was written)",
    ),
    "attachments.cancelled": (
        "첨부 파일 가져오기를 취소했습니다 (아무것도 쓰지 않았습니다)",
        "the import of attachments was cancelled (nothing was written)",
    ),
    "attachments.gone": (
        "첨부 파일이 회차에 더 이상 없습니다",
        "the attachment is no longer in the round",
    ),
    "attachments.damaged": (
        "저장된 첨부 파일의 내용이 SHA-256과 맞지 않습니다 (손상)",
        "the stored content does not match its SHA-256 (damaged)",
    ),
    "attachments.summary": (
        "첨부 파일 {matched}개 (과제 {applications}건): 추가 {added}, 교체 {replaced}, "
        "변경 없음 {unchanged}, 삭제 {removed}; 과제를 찾지 못한 파일 {unmatched}개, "
        "건너뛴 파일 {skipped}개 ({folder})",
        "{matched} attachments of {applications} applications: {added} added, {replaced} "
        "replaced, {unchanged} unchanged, {removed} removed; {unmatched} files matched no "
        "application, {skipped} skipped ({folder})",
    ),
    "attachments.unmatched_list": (
        "과제번호를 찾지 못한 파일 (가져오지 않음):",
        "files that match no application (not imported):",
    ),
    "attachments.skipped_list": (
        "받지 않는 형식이라 건너뛴 파일 (PDF, HWP, HWPX, DOCX, XLSX, PPTX, ZIP, 그림 파일만 받습니다):",
        "files skipped, of a type not taken (PDF, HWP, HWPX, DOCX, XLSX, PPTX, ZIP and images "
        "are):",
    ),
}
