<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AddAssignmentDialog</name>
    <message>
        <location filename="../../ui/dialogs/assignment.py" line="38"/>
        <source>Assign a reviewer</source>
        <translation>심사위원 배정</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assignment.py" line="54"/>
        <source>Assign</source>
        <translation>배정</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assignment.py" line="58"/>
        <source>Application</source>
        <translation>신청과제</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assignment.py" line="59"/>
        <source>Reviewer</source>
        <translation>심사위원</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assignment.py" line="62"/>
        <source>Only reviewers of the application&apos;s track without a conflict of interest are offered. The assignment is written to the audit log.</source>
        <translation>신청과제 트랙의 심사위원 중 이해충돌이 없는 위원만 표시됩니다. 배정 내용은 감사 기록에 남습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assignment.py" line="92"/>
        <source>No reviewer of this application&apos;s track can be added.</source>
        <translation>이 신청과제의 트랙에는 더 배정할 수 있는 심사위원이 없습니다.</translation>
    </message>
</context>
<context>
    <name>Applications</name>
    <message>
        <location filename="../../ui/models/applications.py" line="24"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="26"/>
        <source>No</source>
        <translation>아니오</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="34"/>
        <source>Application</source>
        <translation>과제번호</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="36"/>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="38"/>
        <source>Title</source>
        <translation>과제명</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="39"/>
        <source>Company</source>
        <translation>기업명</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="40"/>
        <source>Business no.</source>
        <translation>사업자등록번호</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="43"/>
        <source>AI</source>
        <translation>AI 구분</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="47"/>
        <source>Field</source>
        <translation>기술분야</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="48"/>
        <source>Amount (KRW)</source>
        <translation>신청금액 (원)</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="49"/>
        <source>Region</source>
        <translation>소재지</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="50"/>
        <source>Bonus</source>
        <translation>가점</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="52"/>
        <source>Penalty</source>
        <translation>감점</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="56"/>
        <source>Investment</source>
        <translation>투자확약</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="62"/>
        <source>Guarantee</source>
        <translation>기보보증</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="68"/>
        <source>Reviews</source>
        <translation>평가 수</translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <location filename="../../ui/views/applications.py" line="85"/>
        <source>Applications</source>
        <translation>신청과제</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="88"/>
        <source>&amp;Correct…</source>
        <translation>고치기(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="89"/>
        <source>Correct a &amp;score…</source>
        <translation>점수 정정(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="91"/>
        <source>Search id, title, company, business no. or field</source>
        <translation>과제번호, 과제명, 기업명, 사업자등록번호, 기술분야 검색</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="134"/>
        <source>The round is locked: unlock it to correct an application</source>
        <translation>회차가 잠겨 있습니다. 과제를 고치려면 잠금을 해제하세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="136"/>
        <source>Choose an application to correct it</source>
        <translation>고칠 과제를 고르세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="138"/>
        <source>Correct this application; every change is audited with its reason</source>
        <translation>이 과제를 고칩니다. 바뀐 값은 모두 사유와 함께 감사 기록에 남습니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="143"/>
        <source>The round is locked: unlock it to correct a score</source>
        <translation>평가 회차가 잠겨 있습니다. 점수를 정정하려면 잠금을 해제하세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="145"/>
        <source>Choose an application to correct one of its reviews</source>
        <translation>평가를 정정할 신청과제를 고르세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="148"/>
        <source>Correct a criterion score of a review, or mark it as a conflict of interest; audited with its reason, and undone with Ctrl+Z</source>
        <translation>평가의 항목 점수를 정정하거나 이해충돌로 표시합니다. 사유와 함께 감사 기록에 남고, Ctrl+Z로 되돌릴 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="187"/>
        <source>Choose an application to see its details.</source>
        <translation>신청과제를 고르면 상세 정보가 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="217"/>
        <source>Attachments</source>
        <translation>첨부 파일</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="226"/>
        <source>Reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="228"/>
        <source>No attachments. Import them with Round ▸ Import attachments….</source>
        <translation>첨부 파일이 없습니다. 평가 회차 ▸ 첨부 파일 가져오기…로 가져오세요.</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="232"/>
        <source>Proposal</source>
        <translation>사업계획서</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="232"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="238"/>
        <source>Click a file to open it with its program.</source>
        <translation>파일을 누르면 해당 프로그램으로 열립니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/applications.py" line="252"/>
        <source>Cannot open the attachment</source>
        <translation>첨부 파일을 열 수 없습니다</translation>
    </message>
</context>
<context>
    <name>AssignedList</name>
    <message>
        <location filename="../../ui/reviewer/assigned.py" line="28"/>
        <source>Not scored</source>
        <translation>미평가</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/assigned.py" line="29"/>
        <source>In progress</source>
        <translation>작성 중</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/assigned.py" line="30"/>
        <source>Complete</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/assigned.py" line="31"/>
        <source>Conflict</source>
        <translation>이해충돌</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/assigned.py" line="48"/>
        <source>No.</source>
        <translation>과제번호</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/assigned.py" line="49"/>
        <source>Title</source>
        <translation>과제명</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/assigned.py" line="50"/>
        <source>Company</source>
        <translation>기업명</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/assigned.py" line="53"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/assigned.py" line="60"/>
        <source>Total</source>
        <translation>총점</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/assigned.py" line="91"/>
        <source>Assigned applications</source>
        <translation>배정된 신청과제</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/assigned.py" line="122"/>
        <source>{done} / {total} scored</source>
        <translation>{done} / {total} 평가 완료</translation>
    </message>
</context>
<context>
    <name>AssignmentDialog</name>
    <message>
        <location filename="../../ui/dialogs/assignment.py" line="117"/>
        <source>Remove the assignment</source>
        <translation>배정 취소</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assignment.py" line="119"/>
        <source>Remove the assignment of reviewer {reviewer} to application {application}? The removal is written to the audit log.</source>
        <translation>심사위원 {reviewer}의 신청과제 {application} 배정을 취소하시겠습니까? 취소 내용은 감사 기록에 남습니다.</translation>
    </message>
</context>
<context>
    <name>Assignments</name>
    <message>
        <location filename="../../ui/models/assignments.py" line="16"/>
        <source>Conflict of interest</source>
        <translation>이해충돌</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="18"/>
        <source>Assigned, conflicted</source>
        <translation>배정됨 (이해충돌)</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="19"/>
        <source>Assigned</source>
        <translation>배정됨</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="27"/>
        <source>Declared</source>
        <translation>신고</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="29"/>
        <source>Same organisation</source>
        <translation>같은 기관</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="31"/>
        <source>Declared by the reviewer</source>
        <translation>심사위원 본인 신고</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="36"/>
        <source>Scored</source>
        <translation>평가 완료</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="45"/>
        <source>Application</source>
        <translation>신청과제</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="66"/>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="69"/>
        <source>Company</source>
        <translation>기업명</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="48"/>
        <source>Reviewer</source>
        <translation>심사위원</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="49"/>
        <source>Name</source>
        <translation>성명</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="71"/>
        <source>Affiliation</source>
        <translation>소속</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="52"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="56"/>
        <source>Review</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="57"/>
        <source>Conflict</source>
        <translation>이해충돌 구분</translation>
    </message>
    <message>
        <location filename="../../ui/models/assignments.py" line="60"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
</context>
<context>
    <name>AssignmentsView</name>
    <message>
        <location filename="../../ui/views/assignments.py" line="56"/>
        <source>Assignments</source>
        <translation>심사위원 배정</translation>
    </message>
    <message>
        <location filename="../../ui/views/assignments.py" line="61"/>
        <source>Search application, company, reviewer, name or affiliation</source>
        <translation>신청과제, 기업명, 심사위원, 성명, 소속 검색</translation>
    </message>
    <message>
        <location filename="../../ui/views/assignments.py" line="64"/>
        <source>Assign a reviewer…</source>
        <translation>심사위원 배정…</translation>
    </message>
    <message>
        <location filename="../../ui/views/assignments.py" line="65"/>
        <source>Remove assignment…</source>
        <translation>배정 취소…</translation>
    </message>
    <message>
        <location filename="../../ui/views/assignments.py" line="103"/>
        <source>{assigned} assignments ({scored} scored), {conflicts} conflicts of interest</source>
        <translation>배정 {assigned}건 (평가 완료 {scored}건), 이해충돌 {conflicts}건</translation>
    </message>
    <message>
        <location filename="../../ui/views/assignments.py" line="118"/>
        <location filename="../../ui/views/assignments.py" line="126"/>
        <source>The round is locked: unlock it to change assignments</source>
        <translation>평가 회차가 잠겨 있습니다. 배정을 바꾸려면 잠금을 해제하세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/assignments.py" line="120"/>
        <source>Assign a reviewer of the track&apos;s panel to an application (audited)</source>
        <translation>트랙 심사위원을 신청과제에 배정합니다 (감사 기록에 남음)</translation>
    </message>
    <message>
        <location filename="../../ui/views/assignments.py" line="128"/>
        <source>Choose an assignment to remove it</source>
        <translation>취소할 배정을 선택하세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/assignments.py" line="130"/>
        <source>This assignment has a review and cannot be removed</source>
        <translation>평가가 있는 배정은 취소할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/assignments.py" line="132"/>
        <source>Remove this assignment (audited)</source>
        <translation>이 배정을 취소합니다 (감사 기록에 남음)</translation>
    </message>
    <message>
        <location filename="../../ui/views/assignments.py" line="168"/>
        <source>The assignment was not removed</source>
        <translation>배정을 취소하지 못했습니다</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <location filename="../../ui/dialogs/attachments.py" line="34"/>
        <source>Choose the folder of attachments</source>
        <translation>첨부 파일 폴더 선택</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/attachments.py" line="55"/>
        <source>Import attachments</source>
        <translation>첨부 파일 가져오기</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/attachments.py" line="80"/>
        <source>Checking the files in {folder}…</source>
        <translation>{folder}의 파일을 검사하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/attachments.py" line="100"/>
        <source>Checking {done} of {total}: {name}</source>
        <translation>{total}개 중 {done}번째 검사 중: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/attachments.py" line="117"/>
        <source>Files that match no application (not imported):</source>
        <translation>과제번호를 찾지 못한 파일 (가져오지 않음):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/attachments.py" line="122"/>
        <source>Files of a type that is not taken (PDF, HWP, HWPX, DOCX, XLSX, PPTX, ZIP and images are):</source>
        <translation>받지 않는 형식이라 건너뛴 파일 (PDF, HWP, HWPX, DOCX, XLSX, PPTX, ZIP, 그림 파일만 받습니다):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/attachments.py" line="128"/>
        <source>Attachments removed:</source>
        <translation>삭제한 첨부 파일:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/attachments.py" line="137"/>
        <source>Nothing was imported:</source>
        <translation>아무것도 가져오지 않았습니다:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/attachments.py" line="144"/>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>가져오기를 취소했습니다. 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/attachments.py" line="161"/>
        <source>{matched} files of {applications} applications: {added} added, {replaced} replaced, {unchanged} unchanged. Not imported: {unmatched} matching no application, {skipped} of a type not taken.</source>
        <translation>과제 {applications}건의 파일 {matched}개: 추가 {added}, 교체 {replaced}, 변경 없음 {unchanged}. 가져오지 않은 파일: 과제번호를 찾지 못함 {unmatched}개, 받지 않는 형식 {skipped}개.</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <location filename="../../ui/models/audit.py" line="18"/>
        <source>undoes</source>
        <translation>실행 취소한 작업</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="19"/>
        <source>redoes</source>
        <translation>다시 실행한 작업</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="20"/>
        <source>reason of the correction undone or redone</source>
        <translation>원래 정정 사유</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="46"/>
        <source>Round created</source>
        <translation>평가 회차 생성</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="47"/>
        <source>Applications imported</source>
        <translation>신청과제 가져오기</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="48"/>
        <source>Applications corrected (import)</source>
        <translation>신청과제 수정 (가져오기)</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="49"/>
        <source>Application corrected</source>
        <translation>신청과제 수정</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="50"/>
        <source>Reviewers imported</source>
        <translation>심사위원 가져오기</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="51"/>
        <source>Reviewer changed</source>
        <translation>심사위원 정보 변경</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="52"/>
        <source>Scores imported</source>
        <translation>점수 가져오기</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="53"/>
        <source>Review replaced</source>
        <translation>평가 교체</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="54"/>
        <source>Score corrected</source>
        <translation>점수 정정</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="55"/>
        <source>Review marked as a conflict of interest</source>
        <translation>이해충돌 지정</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="56"/>
        <source>Conflict of interest cleared</source>
        <translation>이해충돌 해제</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="57"/>
        <source>Correction undone</source>
        <translation>정정 실행 취소</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="58"/>
        <source>Correction redone</source>
        <translation>정정 다시 실행</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="59"/>
        <source>Selection run</source>
        <translation>선정 실행</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="60"/>
        <source>What-if scenario saved as a run</source>
        <translation>가정 분석 시나리오를 선정 결과로 저장</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="61"/>
        <source>Round locked</source>
        <translation>회차 잠금</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="62"/>
        <source>Round unlocked</source>
        <translation>회차 잠금 해제</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="63"/>
        <source>Reports exported</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="74"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="78"/>
        <source>Actor</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="81"/>
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="86"/>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="89"/>
        <source>Details</source>
        <translation>내용</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../ui/views/audit.py" line="41"/>
        <source>Audit log</source>
        <translation>감사 기록</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit.py" line="44"/>
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit.py" line="46"/>
        <source>Search actor, target or details</source>
        <translation>사용자, 대상, 내용 검색</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit.py" line="49"/>
        <location filename="../../ui/views/audit.py" line="60"/>
        <source>All actions</source>
        <translation>모든 작업</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <location filename="../../ui/views/charts.py" line="108"/>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="111"/>
        <source>Track:</source>
        <translation>트랙:</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="152"/>
        <source>No selection has run yet: the charts show a run&apos;s results.</source>
        <translation>아직 선정을 실행하지 않았습니다. 차트는 선정 실행 결과를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="160"/>
        <source>Selection run {run}; the data changed since.</source>
        <translation>선정 실행 {run}번 결과입니다. 그 뒤에 데이터가 바뀌었습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="163"/>
        <source>Selection run {run}.</source>
        <translation>선정 실행 {run}번 결과입니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="175"/>
        <source>Final scores of {ranked} ranked of {applications} applications</source>
        <translation>신청과제 {applications}건 중 순위 대상 {ranked}건의 최종 점수</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="181"/>
        <source>Selected</source>
        <translation>선정</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="183"/>
        <source>Passed, not selected</source>
        <translation>기준 이상 미선정</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="185"/>
        <source>Below the cutoff</source>
        <translation>기준 미달</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="189"/>
        <source>Criterion floor (fails a criterion)</source>
        <translation>과락 (항목 최저점 미달)</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="197"/>
        <source>Final score</source>
        <translation>최종 점수</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="204"/>
        <source>Applications</source>
        <translation>신청과제 수</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="214"/>
        <source>Cutoff {score}</source>
        <translation>기준 점수 {score}</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="221"/>
        <source>Lowest selected {score}</source>
        <translation>선정 최저점 {score}</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="248"/>
        <source>Reviewer severity, 95% interval</source>
        <translation>심사위원 엄격도 (95% 신뢰구간)</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="255"/>
        <source>Points from co-reviewers (negative: harsh)</source>
        <translation>다른 심사위원 평균과의 점수 차 (음수: 엄격)</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="304"/>
        <source>Quotas: required and achieved</source>
        <translation>쿼터: 필요 건수와 달성 건수</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="306"/>
        <source>Required</source>
        <translation>필요</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="307"/>
        <source>Achieved</source>
        <translation>달성</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="313"/>
        <source>combined</source>
        <translation>통합</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="336"/>
        <source>Score gap of each quota displacement</source>
        <translation>쿼터로 바뀐 선정의 점수 차</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="338"/>
        <source>No quota displaced an application in this track</source>
        <translation>이 트랙에는 쿼터로 바뀐 선정이 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="341"/>
        <source>Score gap</source>
        <translation>점수 차</translation>
    </message>
    <message>
        <location filename="../../ui/views/charts.py" line="352"/>
        <source>Points (displaced − selected)</source>
        <translation>점수 차 (쿼터 미선정 − 대신 선정)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/reviewer/dialogs.py" line="98"/>
        <source>Declare a conflict of interest</source>
        <translation>이해충돌 신고</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/dialogs.py" line="101"/>
        <source>Why can you not score {application}? The reason is sent to the secretariat with your scores, and the form of this application is locked.</source>
        <translation>{application} 과제를 평가할 수 없는 사유를 적어 주세요. 사유는 점수와 함께 사무국에 전달되며, 이 과제의 평가표는 잠깁니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/dialogs.py" line="108"/>
        <source>e.g. I advised this company in the last three years</source>
        <translation>예: 최근 3년 안에 이 기업에 자문한 적이 있음</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/dialogs.py" line="110"/>
        <source>Declare</source>
        <translation>신고</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="28"/>
        <source>Title</source>
        <translation>과제명</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="29"/>
        <source>Company</source>
        <translation>기업명</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="30"/>
        <source>Business no.</source>
        <translation>사업자등록번호</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="31"/>
        <source>Field</source>
        <translation>기술분야</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="32"/>
        <source>Amount (KRW, e.g. 4억 5천만원)</source>
        <translation>신청금액 (원, 예: 4억 5천만원)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="33"/>
        <source>Region</source>
        <translation>소재지</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="34"/>
        <source>Bonus</source>
        <translation>가점</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="35"/>
        <source>Penalty</source>
        <translation>감점</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="59"/>
        <source>Correct application {id}</source>
        <translation>과제 {id} 고치기</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="68"/>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="82"/>
        <source>None</source>
        <translation>일반</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="85"/>
        <source>AI category</source>
        <translation>AI 구분</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="87"/>
        <source>Investment commitment</source>
        <translation>투자확약</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="88"/>
        <source>Guarantee</source>
        <translation>기보보증</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="92"/>
        <source>(not given)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="93"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="94"/>
        <source>No</source>
        <translation>아니오</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="104"/>
        <source>Why is it corrected? (required, audited)</source>
        <translation>고치는 사유 (필수, 감사 기록에 남음)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="130"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/correct.py" line="165"/>
        <source>Change a field and give the reason to save</source>
        <translation>값을 바꾸고 사유를 적어야 저장할 수 있습니다</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/models/dashboard.py" line="22"/>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="23"/>
        <source>Seats</source>
        <translation>선정 정원</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="26"/>
        <source>Applications</source>
        <translation>신청과제</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="30"/>
        <source>Reviews</source>
        <translation>평가 수</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="31"/>
        <location filename="../../ui/models/dashboard.py" line="74"/>
        <source>Missing</source>
        <translation>미제출</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="34"/>
        <source>Short of reviews</source>
        <translation>평가 부족</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="40"/>
        <source>Ineligible</source>
        <translation>부적격</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="43"/>
        <source>Incomplete</source>
        <translation>평가 미완료</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="45"/>
        <source>Selected</source>
        <translation>선정</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="58"/>
        <source>Reviewer</source>
        <translation>심사위원ID</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="60"/>
        <source>Name</source>
        <translation>성명</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="62"/>
        <source>Scored</source>
        <translation>평가 완료</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="65"/>
        <source>Conflicts</source>
        <translation>이해충돌</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="70"/>
        <source>Assigned</source>
        <translation>배정</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="81"/>
        <source>Package</source>
        <translation>패키지 생성</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="89"/>
        <source>Returned</source>
        <translation>회신</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="96"/>
        <source>Outstanding</source>
        <translation>미회신</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="125"/>
        <source>not yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="126"/>
        <source>v{version} · {at}</source>
        <translation>{version}차 · {at}</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="137"/>
        <source>No package was written for this reviewer</source>
        <translation>이 심사위원에게 만든 심사 패키지가 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="140"/>
        <source>Package {id} of {at}: {count} applications</source>
        <translation>심사 패키지 {id} ({at} 생성): 신청과제 {count}건</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="154"/>
        <source>Applications of the package not yet scored: {ids}</source>
        <translation>패키지에서 아직 평가하지 않은 신청과제: {ids}</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="163"/>
        <source>No selection has run yet.</source>
        <translation>아직 선정을 실행하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="165"/>
        <source>Scores or applications changed since the last selection run.</source>
        <translation>마지막 선정 실행 뒤에 점수나 신청과제가 바뀌었습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="169"/>
        <source>{track}: too few reviews for {count} of its applications</source>
        <translation>{track}: 평가 수가 모자란 과제 {count}건</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="174"/>
        <source>Quota {quota}{where} is short by {count}</source>
        <translation>쿼터 {quota}{where}: {count}건 부족</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="178"/>
        <source>{track}: boundary tie at {score} between {ids}</source>
        <translation>{track}: 경계 동점 {score}점 — {ids}</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="192"/>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <location filename="../../ui/models/dashboard.py" line="198"/>
        <source>Double-click to see the applications</source>
        <translation>두 번 눌러 해당 과제를 봅니다</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/views/dashboard.py" line="89"/>
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="92"/>
        <source>Tracks</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="93"/>
        <source>Reviewers</source>
        <translation>심사위원</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="94"/>
        <source>Warnings</source>
        <translation>확인할 사항</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="95"/>
        <source>Quotas in the newest run</source>
        <translation>최근 선정 실행의 쿼터</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="96"/>
        <source>No selection has run yet.</source>
        <translation>아직 선정을 실행하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="116"/>
        <source>locked</source>
        <translation>잠김</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="116"/>
        <source>open</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="117"/>
        <source>{name} ({year}) · {state}</source>
        <translation>{name} ({year}) · {state}</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="121"/>
        <source>Selection run #{run} of {at}</source>
        <translation>선정 실행 #{run} ({at})</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="125"/>
        <source>out of date</source>
        <translation>데이터가 바뀌어 다시 실행해야 함</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="132"/>
        <source>{applications} applications · {reviewers} reviewers · {reviews} reviews · {missing} reviews missing · {short} applications short of {minimum} reviews · {ineligible} ineligible · {incomplete} incomplete</source>
        <translation>신청과제 {applications}건 · 심사위원 {reviewers}명 · 평가 {reviews}건 · 미제출 평가 {missing}건 · 평가 {minimum}건 미만 과제 {short}건 · 부적격 {ineligible}건 · 평가 미완료 {incomplete}건</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/export.py" line="189"/>
        <source>Export reports</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="194"/>
        <source>Write the reports of selection run #{run} as it was recorded. Every report is written in full before any file is replaced.</source>
        <translation>기록된 선정 실행 #{run}의 결과로 보고서를 만듭니다. 모든 보고서를 끝까지 작성한 뒤에 기존 파일을 바꿉니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="199"/>
        <source>Write the reports of the newest selection run.</source>
        <translation>가장 최근 선정 실행의 결과로 보고서를 만듭니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="200"/>
        <source>Ranked &amp;PDF</source>
        <translation>순위 보고서 PDF(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="201"/>
        <source>Results &amp;workbook</source>
        <translation>결과 엑셀 파일(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="202"/>
        <source>&amp;Score sheets (folder)</source>
        <translation>개인별 평가표 폴더(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="204"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="205"/>
        <source>Report &amp;language</source>
        <translation>보고서 언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="208"/>
        <source>Files written in {folder}</source>
        <translation>저장한 파일 ({folder})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="210"/>
        <source>Files written</source>
        <translation>저장한 파일</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="212"/>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="213"/>
        <source>Open the chosen file with the system&apos;s viewer</source>
        <translation>선택한 파일을 기본 프로그램으로 엽니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="214"/>
        <source>Open &amp;folder</source>
        <translation>폴더 열기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="215"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="263"/>
        <source>Starting the export…</source>
        <translation>내보내기를 시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="291"/>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="313"/>
        <source>Writing the ranked PDF ({number} of {count})…</source>
        <translation>순위 보고서 PDF 작성 중 ({number}/{count})…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="315"/>
        <source>Writing the results workbook ({number} of {count})…</source>
        <translation>결과 엑셀 파일 작성 중 ({number}/{count})…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="316"/>
        <source>Writing the score sheets ({number} of {count})…</source>
        <translation>개인별 평가표 작성 중 ({number}/{count})…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="321"/>
        <source>Done: {count} files written.</source>
        <translation>완료: 파일 {count}개를 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="331"/>
        <source>Nothing was exported.</source>
        <translation>내보낸 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="336"/>
        <source>In this window: Round ▸ Run selection (Ctrl+R), then export again.</source>
        <translation>이 창에서는 평가 회차 ▸ 선정 실행(Ctrl+R)으로 선정한 뒤 다시 내보내세요.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="344"/>
        <source>Export cancelled.</source>
        <translation>내보내기를 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="346"/>
        <source>No file was written; reports exported earlier are unchanged.</source>
        <translation>저장한 파일이 없으며, 이전에 내보낸 보고서는 그대로입니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="414"/>
        <source>Choose at least one report and where it goes</source>
        <translation>보고서를 하나 이상 고르고 저장할 위치를 지정하세요</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="416"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export.py" line="416"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/views/filters.py" line="61"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../ui/views/filters.py" line="62"/>
        <source>Clear filters</source>
        <translation>필터 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/views/filters.py" line="63"/>
        <source>Show every row again</source>
        <translation>모든 행을 다시 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/filters.py" line="93"/>
        <source>Too many values to list; use the search box</source>
        <translation>값이 너무 많아 목록으로 보여 줄 수 없습니다. 검색창을 쓰세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/filters.py" line="98"/>
        <location filename="../../ui/views/filters.py" line="117"/>
        <source>(blank)</source>
        <translation>(빈 값)</translation>
    </message>
    <message>
        <location filename="../../ui/views/filters.py" line="104"/>
        <source>Show all of {column}</source>
        <translation>{column} 전체 보기</translation>
    </message>
    <message>
        <location filename="../../ui/views/filters.py" line="121"/>
        <source>{count} chosen rows</source>
        <translation>선택한 행 {count}개</translation>
    </message>
    <message>
        <location filename="../../ui/views/filters.py" line="126"/>
        <source>{shown} of {total}</source>
        <translation>{total}건 중 {shown}건</translation>
    </message>
</context>
<context>
    <name>Gauge</name>
    <message>
        <location filename="../../ui/views/widgets.py" line="161"/>
        <source>{achieved} achieved of {required} required</source>
        <translation>필요 {required}건 중 {achieved}건 달성</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../ui/models/import_preview.py" line="22"/>
        <source>Read</source>
        <translation>읽음</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="24"/>
        <source>Read as a score</source>
        <translation>점수로 읽음</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="26"/>
        <source>Kept as an extra column</source>
        <translation>추가 항목으로 보관</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="28"/>
        <source>Not read</source>
        <translation>읽지 않음</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="30"/>
        <source>Not in the file</source>
        <translation>파일에 없음</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="36"/>
        <source>An unknown column: kept with each application under its header</source>
        <translation>알 수 없는 열입니다. 열 제목 그대로 각 신청과제에 함께 보관합니다</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="40"/>
        <source>No field of this table: the column is not imported</source>
        <translation>이 표의 항목이 아니므로 가져오지 않습니다</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="44"/>
        <source>The file has no such column: the stored values stay as they are</source>
        <translation>파일에 이 열이 없으므로 저장된 값을 그대로 둡니다</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="48"/>
        <source>The file has no such column: a known reviewer keeps the stored value</source>
        <translation>파일에 이 열이 없으므로 이미 등록된 심사위원은 저장된 값을 그대로 유지합니다</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="53"/>
        <source>The file has no such column: the field stays blank</source>
        <translation>파일에 이 열이 없으므로 이 항목은 비워 둡니다</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="69"/>
        <location filename="../../ui/models/import_preview.py" line="104"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="70"/>
        <location filename="../../ui/models/import_preview.py" line="105"/>
        <source>Sheet</source>
        <translation>시트</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="73"/>
        <source>Header row</source>
        <translation>제목 행</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="78"/>
        <location filename="../../ui/models/import_preview.py" line="107"/>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="80"/>
        <source>Header in the file</source>
        <translation>파일의 열 제목</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="81"/>
        <source>Read as</source>
        <translation>읽은 항목</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="84"/>
        <source>Outcome</source>
        <translation>처리</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="106"/>
        <source>Row</source>
        <translation>행</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="110"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="122"/>
        <location filename="../../ui/models/import_preview.py" line="138"/>
        <source>Reviewer</source>
        <translation>심사위원</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="123"/>
        <source>Name</source>
        <translation>성명</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="124"/>
        <source>Affiliation</source>
        <translation>소속</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="127"/>
        <source>Tracks</source>
        <translation>담당 트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="130"/>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="137"/>
        <source>Application</source>
        <translation>신청과제</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="153"/>
        <source>Conflict</source>
        <translation>이해충돌</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_preview.py" line="159"/>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <location filename="../../ui/views/import_view.py" line="125"/>
        <location filename="../../ui/views/import_view.py" line="151"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="128"/>
        <source>The files hold:</source>
        <translation>파일 내용:</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="129"/>
        <source>Applications</source>
        <translation>신청과제</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="130"/>
        <source>Reviewers</source>
        <translation>심사위원</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="131"/>
        <source>Scores</source>
        <translation>평가 점수</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="132"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="133"/>
        <source>Correct existing applications</source>
        <translation>기존 신청과제 수정</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="136"/>
        <source>Each row names an application already in the round: the columns the file has replace the stored values, and every change is recorded in the audit log</source>
        <translation>각 행은 이미 회차에 있는 신청과제를 가리킵니다. 파일에 있는 열의 값으로 저장된 값을 바꾸고, 바뀐 내용은 모두 감사 기록에 남습니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="140"/>
        <source>Choose files…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="141"/>
        <source>Attachments folder…</source>
        <translation>첨부 파일 폴더…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="144"/>
        <source>Import a folder of proposal PDFs and other files, matched to applications by the application id in their names (Ctrl+Shift+T)</source>
        <translation>사업계획서 PDF 등 첨부 파일 폴더를 가져옵니다. 파일 이름의 과제번호로 신청과제를 찾습니다 (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="148"/>
        <source>Check again</source>
        <translation>다시 확인</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="149"/>
        <source>Read the files again (after correcting them)</source>
        <translation>파일을 다시 읽습니다 (파일을 고친 뒤)</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="150"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="161"/>
        <source>Choose the files to import</source>
        <translation>가져올 파일 선택</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="164"/>
        <source>Workbooks (*.xlsx *.xlsm *.csv)</source>
        <translation>엑셀·CSV 파일 (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="164"/>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="366"/>
        <source>The round is locked: unlock it to import</source>
        <translation>평가 회차가 잠겨 있습니다. 가져오려면 잠금을 해제하세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="368"/>
        <source>Choose the files to import first</source>
        <translation>먼저 가져올 파일을 선택하세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="370"/>
        <source>Choose what the files hold first</source>
        <translation>먼저 파일 내용을 선택하세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="372"/>
        <location filename="../../ui/views/import_view.py" line="430"/>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="374"/>
        <source>The files are being checked</source>
        <translation>파일을 확인하고 있습니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="376"/>
        <source>Problems found: {count}. Correct the files and check again</source>
        <translation>문제 {count}건이 있습니다. 파일을 고친 뒤 다시 확인하세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="380"/>
        <source>The files hold no rows to import</source>
        <translation>가져올 행이 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="388"/>
        <source>Write the checked rows ({count}) to the round</source>
        <translation>확인한 행 {count}개를 평가 회차에 저장합니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="407"/>
        <source>Choose files, or drop workbooks (.xlsx, .csv) on the window. Nothing is written to the round until you press Import.</source>
        <translation>파일을 선택하거나 엑셀·CSV 파일(.xlsx, .csv)을 창에 끌어다 놓으세요. [가져오기]를 누르기 전에는 회차에 아무것도 저장되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="414"/>
        <source>Files: {files}</source>
        <translation>파일: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="426"/>
        <source>The round is locked: files can be checked, but nothing is imported until it is unlocked.</source>
        <translation>평가 회차가 잠겨 있습니다. 파일을 확인할 수는 있지만 잠금을 해제할 때까지 가져올 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="434"/>
        <source>Checking the files…</source>
        <translation>파일을 확인하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="440"/>
        <source>The headers do not tell what these files hold: choose applications, reviewers or scores above.</source>
        <translation>열 제목만으로는 파일 내용을 알 수 없습니다. 위에서 신청과제, 심사위원, 평가 점수 중 하나를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="451"/>
        <source>Nothing was imported: {reason}</source>
        <translation>가져오지 않았습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="458"/>
        <source>Problems found: {count}. Correct the files and check again; nothing can be imported until then. Rows read without a problem: {rows}.</source>
        <translation>문제 {count}건이 있습니다. 파일을 고친 뒤 다시 확인하세요. 그때까지는 가져올 수 없습니다. 문제없이 읽은 행: {rows}개.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="464"/>
        <source>The files hold no rows to import.</source>
        <translation>가져올 행이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="469"/>
        <source>Rows checked: {rows}, and no problems found. Nothing is written to the round until you press Import.</source>
        <translation>{rows}개 행을 확인했고 문제가 없습니다. [가져오기]를 누르기 전에는 회차에 아무것도 저장되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="484"/>
        <source>Problems ({count})</source>
        <translation>문제 ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="485"/>
        <source>Columns ({count})</source>
        <translation>열 ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="487"/>
        <source>Rows (first {shown} of {total})</source>
        <translation>행 ({total}개 중 처음 {shown}개)</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_view.py" line="489"/>
        <source>Rows ({count})</source>
        <translation>행 ({count})</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="21"/>
        <source>Lock the round</source>
        <translation>회차 잠그기</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="23"/>
        <source>Lock the round? Its applications, reviews and results cannot change until it is unlocked, and unlocking is recorded with its reason.</source>
        <translation>회차를 잠글까요? 잠금을 해제할 때까지 신청과제, 평가, 결과를 바꿀 수 없고, 잠금 해제는 사유와 함께 기록됩니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="583"/>
        <source>Reviewer</source>
        <translation>평가 도구</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="585"/>
        <source>Open a round database to begin.</source>
        <translation>평가 회차 데이터베이스를 여세요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Open &amp;recent</source>
        <translation>최근 회차 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>&amp;Round</source>
        <translation>평가 회차(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>&amp;New round…</source>
        <translation>새 평가 회차(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>&amp;Open round…</source>
        <translation>평가 회차 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>&amp;Close round</source>
        <translation>회차 닫기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>Re&amp;fresh</source>
        <translation>새로 고침(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>&amp;Run selection</source>
        <translation>선정 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>&amp;Export reports…</source>
        <translation>보고서 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>&amp;Lock round…</source>
        <translation>회차 잠그기(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>&amp;Unlock round…</source>
        <translation>회차 잠금 해제(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>Import &amp;applications…</source>
        <translation>신청과제 가져오기(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>Import r&amp;eviewers…</source>
        <translation>심사위원 가져오기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>Import &amp;scores…</source>
        <translation>평가 점수 가져오기(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Import a&amp;ttachments…</source>
        <translation>첨부 파일 가져오기(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>Import re&amp;viewers&apos; score files…</source>
        <translation>심사위원 점수 파일 가져오기(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>Open round</source>
        <translation>평가 회차 열기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>Round databases (*.db);;All files (*)</source>
        <translation>평가 회차 데이터베이스 (*.db);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>Opening {target}…</source>
        <translation>{target} 여는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>The score files were not imported.</source>
        <translation>점수 파일을 가져오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="347"/>
        <source>Cannot open the round</source>
        <translation>평가 회차를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>Waiting for the undo to finish…</source>
        <translation>실행 취소가 끝나기를 기다리는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="481"/>
        <source>The round is locked: unlock it to import scores.</source>
        <translation>평가 회차가 잠겨 있습니다. 점수를 가져오려면 잠금을 해제하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="497"/>
        <source>None of the recently opened rounds is the round of {file}.</source>
        <translation>최근에 연 평가 회차 중 {file}의 평가 회차가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="508"/>
        <source>Looking for the round of {file}…</source>
        <translation>{file}의 평가 회차를 찾는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="519"/>
        <source>Open the round these scores belong to, then drop the score files on the window or choose Round ▸ Import reviewers&apos; score files.</source>
        <translation>이 점수가 속한 평가 회차를 연 다음, 점수 파일을 창에 끌어다 놓거나 평가 회차 ▸ 심사위원 점수 파일 가져오기를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="526"/>
        <source>The score files were not imported</source>
        <translation>점수 파일을 가져오지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="556"/>
        <source>The round was not locked</source>
        <translation>회차를 잠그지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="580"/>
        <source>{name} — Reviewer</source>
        <translation>{name} — 평가 도구</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="587"/>
        <source>🔒 Locked</source>
        <translation>🔒 잠김</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="587"/>
        <source>Open for changes</source>
        <translation>변경 가능</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="590"/>
        <source>The round is locked: its data and results cannot change until it is unlocked</source>
        <translation>회차가 잠겨 있습니다. 잠금을 해제할 때까지 데이터와 결과를 바꿀 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="602"/>
        <source>The round is locked: unlock it first</source>
        <translation>회차가 잠겨 있습니다. 먼저 잠금을 해제하세요</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="235"/>
        <source>Round</source>
        <translation>평가 회차</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="237"/>
        <source>Aggregation</source>
        <translation>점수 집계</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="239"/>
        <source>Selection</source>
        <translation>선정</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="242"/>
        <location filename="../../ui/dialogs/new_round.py" line="437"/>
        <source>Tracks</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="243"/>
        <source>Tracks, row {row}</source>
        <translation>트랙, {row}행</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="246"/>
        <location filename="../../ui/dialogs/new_round.py" line="439"/>
        <source>Quotas</source>
        <translation>쿼터</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="247"/>
        <source>Quotas, row {row}</source>
        <translation>쿼터, {row}행</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="249"/>
        <source>Default rubric</source>
        <translation>기본 평가표</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="252"/>
        <source>Rubric of {track}</source>
        <translation>{track} 평가표</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="255"/>
        <source>{rubric}, row {row}</source>
        <translation>{rubric}, {row}행</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="303"/>
        <source>Correct the problem shown first</source>
        <translation>먼저 표시된 문제를 고치세요</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="305"/>
        <source>Choose where to save the round database first</source>
        <translation>먼저 평가 회차 데이터베이스를 저장할 위치를 정하세요</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="340"/>
        <source>The round.toml was not imported</source>
        <translation>round.toml을 가져오지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="350"/>
        <source>The round.toml was not saved: {message}</source>
        <translation>round.toml을 저장하지 못했습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="353"/>
        <source>The round was not created: {message}</source>
        <translation>평가 회차를 만들지 못했습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="361"/>
        <source>Save the round database as</source>
        <translation>평가 회차 데이터베이스 저장 위치</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="363"/>
        <source>Round databases (*.db);;All files (*)</source>
        <translation>평가 회차 데이터베이스 (*.db);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="373"/>
        <source>Creating the round…</source>
        <translation>평가 회차를 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="393"/>
        <source>Import round.toml</source>
        <translation>round.toml 가져오기</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="395"/>
        <location filename="../../ui/dialogs/new_round.py" line="415"/>
        <source>Round configurations (*.toml);;All files (*)</source>
        <translation>회차 설정 파일 (*.toml);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="408"/>
        <source>Imported {path}</source>
        <translation>{path}에서 설정을 가져왔습니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="413"/>
        <source>Export round.toml</source>
        <translation>round.toml 내보내기</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="429"/>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="436"/>
        <source>Round and rules</source>
        <translation>회차·평가 규칙</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="438"/>
        <source>Rubrics</source>
        <translation>평가표</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="440"/>
        <source>round.toml</source>
        <translation>round.toml</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="444"/>
        <source>New round from the Seoul 2025 template</source>
        <translation>서울 2025 양식으로 새 회차 만들기</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="447"/>
        <source>The round.toml the form stands for: it is kept in the round database, and Export writes it to a file. Edit the form to change it.</source>
        <translation>이 양식이 나타내는 round.toml입니다. 평가 회차 데이터베이스에 함께 보관되며, ‘round.toml 내보내기’로 파일에 쓸 수 있습니다. 내용을 바꾸려면 양식을 고치세요.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="453"/>
        <source>Each track selects at most its seats; a budget caps the sum of the amounts its selections request (blank: no budget). An application without the investment commitment or guarantee its track needs is ineligible. A quota on “linked” tracks counts the tracks ticked Linked.</source>
        <translation>트랙마다 선정 정원까지 선정하며, 예산이 있으면 선정 과제의 신청금액 합계가 예산을 넘을 수 없습니다 (비우면 예산 제한 없음). 트랙이 요구하는 투자확약이나 기보보증이 없는 신청과제는 부적격입니다. 대상이 ‘연계 트랙’인 쿼터는 ‘연계’에 체크한 트랙을 셉니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="461"/>
        <source>A quota asks that the chosen AI categories make up at least (or, ticked “More than”, more than) a share of the selections in its tracks: each track on its own, or the tracks combined.</source>
        <translation>쿼터는 대상 트랙의 선정 과제 가운데 고른 AI 구분의 과제가 최소 비율 이상(‘초과’에 체크하면 초과)이 되도록 합니다. 트랙마다 따로, 또는 대상 트랙을 합쳐서 적용합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="466"/>
        <source>Show</source>
        <translation>위치 보기</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="467"/>
        <source>Save the round &amp;database as</source>
        <translation>데이터베이스 저장 위치(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="468"/>
        <source>e.g. /rounds/2025-1.db</source>
        <translation>예: /rounds/2025-1.db</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="469"/>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="470"/>
        <source>&amp;Import round.toml…</source>
        <translation>round.toml 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="471"/>
        <source>&amp;Export round.toml…</source>
        <translation>round.toml 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="472"/>
        <source>&amp;Create</source>
        <translation>만들기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_round.py" line="473"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/reviewer/dialogs.py" line="33"/>
        <source>Open the reviewer package</source>
        <translation>심사 패키지 열기</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/dialogs.py" line="36"/>
        <source>Enter the password of {name}. The secretariat gives it to you separately.</source>
        <translation>{name}의 비밀번호를 입력하세요. 비밀번호는 사무국에서 따로 알려 드립니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/dialogs.py" line="52"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
</context>
<context>
    <name>ProposalView</name>
    <message>
        <location filename="../../ui/reviewer/proposal.py" line="49"/>
        <source>Other files</source>
        <translation>기타 첨부파일</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/proposal.py" line="50"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/proposal.py" line="97"/>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/proposal.py" line="98"/>
        <source>Open the chosen file in its own program</source>
        <translation>선택한 파일을 해당 프로그램으로 엽니다</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/proposal.py" line="104"/>
        <source>Choose an application to see its proposal.</source>
        <translation>신청과제를 고르면 사업계획서가 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/proposal.py" line="105"/>
        <source>This application has no proposal PDF.</source>
        <translation>이 과제에는 사업계획서 PDF가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/proposal.py" line="108"/>
        <source>Loading the proposal…</source>
        <translation>사업계획서를 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/proposal.py" line="111"/>
        <source>The proposal PDF cannot be shown. Open it with Open below.</source>
        <translation>사업계획서 PDF를 표시할 수 없습니다. 아래 [열기]로 여세요.</translation>
    </message>
</context>
<context>
    <name>QuotaTable</name>
    <message>
        <location filename="../../ui/models/run.py" line="154"/>
        <source>Quota</source>
        <translation>쿼터</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="156"/>
        <source>Required</source>
        <translation>필요</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="159"/>
        <source>Achieved</source>
        <translation>달성</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="163"/>
        <source>Short</source>
        <translation>부족</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="168"/>
        <source>Why short</source>
        <translation>부족 사유</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="171"/>
        <source>Tracks</source>
        <translation>트랙</translation>
    </message>
</context>
<context>
    <name>ReviewerWindow</name>
    <message>
        <location filename="../../ui/reviewer/window.py" line="159"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="160"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="161"/>
        <source>&amp;Open package…</source>
        <translation>심사 패키지 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="162"/>
        <source>&amp;Send scores…</source>
        <translation>점수 보내기(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="163"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="166"/>
        <source>Open the reviewer package (.rvpkg) the secretariat sent you: drop it here, or choose File ▸ Open package.</source>
        <translation>사무국에서 받은 심사 패키지(.rvpkg)를 여세요. 이 창에 끌어다 놓거나 [파일 ▸ 심사 패키지 열기]를 고르면 됩니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="195"/>
        <source>Scoring — Reviewer</source>
        <translation>평가 — Reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="199"/>
        <source>{round} — {reviewer} — Reviewer</source>
        <translation>{round} — {reviewer} — Reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="205"/>
        <source>{file} · version {version} sent</source>
        <translation>{file} · {version}차 점수 보냄</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="212"/>
        <source>{file} · not sent yet</source>
        <translation>{file} · 아직 점수를 보내지 않음</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="221"/>
        <source>Open reviewer package</source>
        <translation>심사 패키지 열기</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="221"/>
        <source>Reviewer packages (*.rvpkg)</source>
        <translation>심사 패키지 (*.rvpkg)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="233"/>
        <source>Opening {file}…</source>
        <translation>{file} 여는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="269"/>
        <source>This is not the package&apos;s password. Check it and try again.</source>
        <translation>이 패키지의 비밀번호가 아닙니다. 확인하고 다시 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="273"/>
        <source>Cannot open the package</source>
        <translation>심사 패키지를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="319"/>
        <source>Cannot show the proposal</source>
        <translation>사업계획서를 표시할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="332"/>
        <source>Every application is done: send your scores with Ctrl+Shift+S.</source>
        <translation>모든 과제의 평가를 마쳤습니다. Ctrl+Shift+S로 점수를 보내세요.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="382"/>
        <source>Withdraw the conflict</source>
        <translation>이해충돌 신고 철회</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="384"/>
        <source>Withdraw your conflict of interest for {application}? You can then score it.</source>
        <translation>{application} 과제의 이해충돌 신고를 철회할까요? 철회하면 이 과제를 평가할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="393"/>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="396"/>
        <source>Every change is saved</source>
        <translation>모든 변경 내용이 저장되었습니다</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="403"/>
        <source>Not saved: {error} (saved again with your next change)</source>
        <translation>저장하지 못했습니다: {error} (다음에 입력하면 다시 저장합니다)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="416"/>
        <location filename="../../ui/reviewer/window.py" line="437"/>
        <location filename="../../ui/reviewer/window.py" line="446"/>
        <source>Cannot open the file</source>
        <translation>파일을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="418"/>
        <source>{file} is not opened: only documents and pictures (PDF, HWP, HWPX, DOCX, XLSX, PPTX, ZIP and images) are.</source>
        <translation>{file} 파일은 열지 않습니다. 문서와 그림 파일(PDF, HWP, HWPX, DOCX, XLSX, PPTX, ZIP, 이미지)만 엽니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="438"/>
        <source>No program on this computer opens {file}.</source>
        <translation>이 컴퓨터에는 {file} 파일을 여는 프로그램이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="473"/>
        <source>Some applications are not complete</source>
        <translation>평가를 마치지 않은 과제가 있습니다</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="475"/>
        <source>{count} of {total} applications are not complete ({ids}). Only complete applications and declared conflicts are sent; you can send again later. Send now?</source>
        <translation>과제 {total}건 중 {count}건의 평가를 마치지 않았습니다({ids}). 평가를 마친 과제와 이해충돌을 신고한 과제만 보내지며, 나중에 다시 보낼 수 있습니다. 지금 보낼까요?</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="496"/>
        <source>Send scores</source>
        <translation>점수 보내기</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="498"/>
        <source>Score files (*.rvscore)</source>
        <translation>점수 파일 (*.rvscore)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="510"/>
        <source>Writing {file}…</source>
        <translation>{file} 저장 중…</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="515"/>
        <source>The scores were not sent</source>
        <translation>점수를 보내지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="522"/>
        <source>Version {version} of your scores was written to {file} ({count} applications). Send this file to the secretariat.</source>
        <translation>점수 {version}차본을 {file}에 저장했습니다(과제 {count}건). 이 파일을 사무국에 보내 주세요.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="526"/>
        <source>Not in it, because not complete: {ids}</source>
        <translation>평가를 마치지 않아 빠진 과제: {ids}</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/window.py" line="529"/>
        <source>Scores written</source>
        <translation>점수 파일을 저장했습니다</translation>
    </message>
</context>
<context>
    <name>Reviewers</name>
    <message>
        <location filename="../../ui/models/people.py" line="15"/>
        <source>Recused in a review</source>
        <translation>평가에서 회피</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="17"/>
        <source>Declared</source>
        <translation>신고</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="19"/>
        <source>Same organisation</source>
        <translation>같은 기관</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="21"/>
        <source>Declared by the reviewer</source>
        <translation>심사위원 본인 신고</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="29"/>
        <source>Reviewer</source>
        <translation>심사위원ID</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="30"/>
        <source>Name</source>
        <translation>성명</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="31"/>
        <source>Affiliation</source>
        <translation>소속</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="34"/>
        <source>Tracks</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="37"/>
        <source>Reviews</source>
        <translation>평가 수</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="40"/>
        <source>Conflicts</source>
        <translation>이해충돌</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="44"/>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="56"/>
        <source>Application</source>
        <translation>과제번호</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="59"/>
        <source>Recorded as</source>
        <translation>기록 방식</translation>
    </message>
    <message>
        <location filename="../../ui/models/people.py" line="61"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
</context>
<context>
    <name>ReviewersView</name>
    <message>
        <location filename="../../ui/views/reviewers.py" line="52"/>
        <source>Reviewers</source>
        <translation>심사위원</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviewers.py" line="56"/>
        <source>Search id, name, affiliation or track</source>
        <translation>심사위원ID, 성명, 소속, 트랙 검색</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviewers.py" line="83"/>
        <source>Conflicts of interest (choose a reviewer)</source>
        <translation>이해충돌 (심사위원을 고르세요)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviewers.py" line="87"/>
        <source>Conflicts of interest of {name} ({count})</source>
        <translation>{name} 위원의 이해충돌 ({count}건)</translation>
    </message>
</context>
<context>
    <name>ReviewsMatrix</name>
    <message>
        <location filename="../../ui/models/reviews.py" line="39"/>
        <source>COI</source>
        <translation>이해충돌</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="43"/>
        <source>Missing</source>
        <translation>미제출</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="76"/>
        <source>Total {total} · median {median} ({gap:+.2f}) · robust z {z:+.2f}</source>
        <translation>합계 {total} · 중앙값 {median} ({gap:+.2f}) · 로버스트 z {z:+.2f}</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="85"/>
        <source>Outlier: |z| is above {threshold} and the total is at least {points} points from the median</source>
        <translation>이상치: |z|가 {threshold}를 넘고 총점이 중앙값과 {points}점 이상 차이 납니다</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="91"/>
        <source>Trimmed: the trimmed mean drops this total (the highest)</source>
        <translation>절사: 절사평균에서 제외되는 총점입니다(최고점)</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="95"/>
        <source>Trimmed: the trimmed mean drops this total (the lowest)</source>
        <translation>절사: 절사평균에서 제외되는 총점입니다(최저점)</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="100"/>
        <source>Conflict of interest: not counted</source>
        <translation>이해충돌: 점수에 반영되지 않음</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="103"/>
        <source>Assigned, but no scores yet</source>
        <translation>배정되었으나 아직 점수가 없음</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="104"/>
        <source>Not assigned</source>
        <translation>배정되지 않음</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="130"/>
        <source>Application</source>
        <translation>과제번호</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="133"/>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="136"/>
        <source>Title</source>
        <translation>과제명</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="137"/>
        <source>Company</source>
        <translation>기업명</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="140"/>
        <source>Median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="146"/>
        <source>Max gap</source>
        <translation>최대 편차</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="148"/>
        <source>The largest distance of a total from the median, in points</source>
        <translation>중앙값에서 가장 멀리 떨어진 심사위원 합계까지의 차이(점)</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="155"/>
        <source>Outliers</source>
        <translation>이상치</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="249"/>
        <source>Criterion</source>
        <translation>평가항목</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="250"/>
        <source>Scale</source>
        <translation>배점 범위</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="253"/>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="260"/>
        <source>Normalised</source>
        <translation>정규화 점수</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviews.py" line="267"/>
        <source>Points</source>
        <translation>환산 점수</translation>
    </message>
</context>
<context>
    <name>ReviewsView</name>
    <message>
        <location filename="../../ui/views/reviews.py" line="152"/>
        <source>Reviews</source>
        <translation>평가 점수표</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="155"/>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="156"/>
        <source>Reviewer</source>
        <translation>심사위원</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="157"/>
        <source>Outliers only</source>
        <translation>이상치만 보기</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="158"/>
        <source>Show only the applications with an outlier</source>
        <translation>이상치가 있는 과제만 표시합니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="160"/>
        <location filename="../../ui/views/reviews.py" line="205"/>
        <source>All tracks</source>
        <translation>전체 트랙</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="162"/>
        <location filename="../../ui/views/reviews.py" line="246"/>
        <source>All reviewers</source>
        <translation>전체 심사위원</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="164"/>
        <source>Search id, title or company</source>
        <translation>과제번호, 과제명, 기업명 검색</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="165"/>
        <source>Review</source>
        <translation>평가 내용</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="166"/>
        <source>Comment</source>
        <translation>심사 의견</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="167"/>
        <source>Correct score…</source>
        <translation>점수 정정…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="168"/>
        <source>Mark conflict…</source>
        <translation>이해충돌 지정…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="171"/>
        <source>&lt;span style=&apos;background:{outlier}&apos;&gt;&amp;nbsp;▼ 52.00&amp;nbsp;&lt;/span&gt; outlier (▼ below, ▲ above the median) · &lt;span style=&apos;background:{conflict}&apos;&gt;&amp;nbsp;{coi}&amp;nbsp;&lt;/span&gt; conflict of interest, not counted · &lt;span style=&apos;background:{missing}&apos;&gt;&amp;nbsp;{missing_text}&amp;nbsp;&lt;/span&gt; assigned, no scores · blank: not assigned</source>
        <translation>&lt;span style=&apos;background:{outlier}&apos;&gt;&amp;nbsp;▼ 52.00&amp;nbsp;&lt;/span&gt; 이상치 (▼ 중앙값보다 낮음, ▲ 높음) · &lt;span style=&apos;background:{conflict}&apos;&gt;&amp;nbsp;{coi}&amp;nbsp;&lt;/span&gt; 이해충돌, 점수 미반영 · &lt;span style=&apos;background:{missing}&apos;&gt;&amp;nbsp;{missing_text}&amp;nbsp;&lt;/span&gt; 배정되었으나 점수 없음 · 빈칸: 배정 안 됨</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="294"/>
        <source>Outliers: robust z-score |z| &gt; {threshold} (from the median and the MAD of each application&apos;s totals) and at least {points} points from the median.</source>
        <translation>이상치 기준: 로버스트 z점수 |z| &gt; {threshold}(과제별 총점의 중앙값과 MAD 기준)이면서 중앙값과 {points}점 이상 차이 나는 총점입니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="318"/>
        <source>Totals before calibration; the final uses calibrated (z-score) totals.</source>
        <translation>보정 전 총점입니다. 최종 점수는 보정(z점수)된 총점으로 계산합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="323"/>
        <source>Totals in parentheses are those whose calibrated totals are the highest and lowest, which the trimmed mean drops.</source>
        <translation>괄호 안의 총점은 보정 총점이 최고·최저여서 절사평균에서 제외되는 총점입니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="329"/>
        <source>Totals in parentheses are the highest and lowest the trimmed mean drops.</source>
        <translation>괄호 안의 총점은 절사평균에서 제외되는 최고·최저 총점입니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="418"/>
        <source>Outlier: |z| is above {threshold} and the total is at least {points} points from the median</source>
        <translation>이상치: |z|가 {threshold}를 넘고 총점이 중앙값과 {points}점 이상 차이 납니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="302"/>
        <source>{applications} applications · {scored} scores · {outliers} outliers · {conflicts} conflicts · {missing} missing</source>
        <translation>과제 {applications}건 · 점수 {scored}건 · 이상치 {outliers}건 · 이해충돌 {conflicts}건 · 미제출 {missing}건</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="312"/>
        <source>{reviewer}: {figures}</source>
        <translation>{reviewer}: {figures}</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="381"/>
        <source>Click a reviewer&apos;s cell to see the criterion scores.</source>
        <translation>심사위원 칸을 누르면 평가항목별 점수와 의견을 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="402"/>
        <source>(no comment)</source>
        <translation>(의견 없음)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="409"/>
        <source>Total {total} · median {median} ({gap:+.2f} points) · robust z {z:+.2f}</source>
        <translation>합계 {total} · 중앙값 {median} ({gap:+.2f}점) · 로버스트 z {z:+.2f}</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="423"/>
        <source>Conflict of interest: this review is not counted.</source>
        <translation>이해충돌: 이 평가는 점수에 반영되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="426"/>
        <source>Assigned, but no scores yet.</source>
        <translation>배정되었으나 아직 점수가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="427"/>
        <source>Not assigned to this application.</source>
        <translation>이 과제에 배정되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="468"/>
        <source>The round is locked: unlock it to change scores</source>
        <translation>평가 회차가 잠겨 있습니다. 점수를 바꾸려면 잠금을 해제하세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="473"/>
        <source>Correct this reviewer&apos;s scores, with a reason for the audit log</source>
        <translation>이 심사위원의 점수를 정정합니다 (사유가 감사 기록에 남습니다)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reviews.py" line="476"/>
        <source>Record a conflict of interest: the review is no longer counted</source>
        <translation>이해충돌을 기록합니다. 이 평가는 더 이상 점수에 반영되지 않습니다</translation>
    </message>
</context>
<context>
    <name>RoundForm</name>
    <message>
        <location filename="../../ui/models/config_tables.py" line="324"/>
        <source>{text} = {won} won</source>
        <translation>{text} = {won}원</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="331"/>
        <source>Own ({count} criteria)</source>
        <translation>별도 (평가항목 {count}개)</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="334"/>
        <source>Default</source>
        <translation>기본</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="341"/>
        <location filename="../../ui/models/config_tables.py" line="392"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="342"/>
        <location filename="../../ui/models/config_tables.py" line="393"/>
        <location filename="../../ui/models/config_tables.py" line="445"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="343"/>
        <source>Seats</source>
        <translation>선정 정원</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="346"/>
        <source>Budget (won)</source>
        <translation>예산 (원)</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="349"/>
        <source>In won or 억/만원: 80억, 8,000,000,000, 45,000만원</source>
        <translation>원 단위 또는 억/만원: 80억, 8,000,000,000, 45,000만원</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="354"/>
        <source>Linked</source>
        <translation>연계</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="356"/>
        <source>A linked track (TIPS, guarantee programmes)</source>
        <translation>연계 트랙 (TIPS, 보증 연계 사업)</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="360"/>
        <source>Needs investment commitment</source>
        <translation>투자확약 필요</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="363"/>
        <source>Needs guarantee</source>
        <translation>기보보증 필요</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="366"/>
        <source>Rubric</source>
        <translation>평가표</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="369"/>
        <source>Edit a track&apos;s rubric on the Rubrics page</source>
        <translation>트랙의 평가표는 ‘평가표’ 탭에서 고칩니다</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="396"/>
        <source>Weight</source>
        <translation>배점</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="398"/>
        <source>Points of the 100-point total</source>
        <translation>100점 만점 중 이 항목의 배점</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="402"/>
        <source>Min</source>
        <translation>최저점</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="409"/>
        <source>Max</source>
        <translation>최고점</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="416"/>
        <source>Grades (instead of min–max)</source>
        <translation>등급 (최저·최고점 대신)</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="417"/>
        <source>Named grades with values 0–1: 탁월=1, 우수=0.8</source>
        <translation>등급 이름과 0~1 사이 값: 탁월=1, 우수=0.8</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="428"/>
        <source>All tracks</source>
        <translation>전체 트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="430"/>
        <source>Linked tracks</source>
        <translation>연계 트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="446"/>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="447"/>
        <source>AI+X</source>
        <translation>AI+X</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="448"/>
        <source>Non-AI</source>
        <translation>비AI</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="451"/>
        <source>Tracks</source>
        <translation>대상 트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="453"/>
        <source>all, linked, or track IDs separated by commas</source>
        <translation>all(전체), linked(연계) 또는 쉼표로 구분한 트랙 ID</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="457"/>
        <source>Each track</source>
        <translation>트랙별</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="459"/>
        <source>Ticked: in each track on its own; else the tracks combined</source>
        <translation>체크: 트랙마다 따로 적용 / 체크 해제: 대상 트랙을 합쳐서 적용</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="465"/>
        <source>Minimum share</source>
        <translation>최소 비율</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="467"/>
        <source>A decimal or a fraction: 0.3, 1/3</source>
        <translation>소수 또는 분수: 0.3, 1/3</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="472"/>
        <source>More than</source>
        <translation>초과</translation>
    </message>
    <message>
        <location filename="../../ui/models/config_tables.py" line="474"/>
        <source>Ticked: more than the share, not at least it</source>
        <translation>체크: 비율 ‘이상’이 아니라 ‘초과’여야 합니다</translation>
    </message>
</context>
<context>
    <name>RoundSession</name>
    <message>
        <location filename="../../ui/round_session.py" line="30"/>
        <source>An unexpected error stopped the work ({kind}: {error}).</source>
        <translation>예상하지 못한 오류로 작업이 멈췄습니다 ({kind}: {error}).</translation>
    </message>
    <message>
        <location filename="../../ui/round_session.py" line="92"/>
        <source>Cannot open the round</source>
        <translation>회차를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/round_session.py" line="138"/>
        <source>Cannot read the round</source>
        <translation>회차를 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/round_session.py" line="183"/>
        <source>The view may be out of date</source>
        <translation>화면이 최신이 아닐 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../ui/round_session.py" line="185"/>
        <source>The change was made, but the round could not be read again after it. Press F5 to refresh the view.</source>
        <translation>변경은 반영되었지만, 그 뒤에 평가 회차를 다시 읽지 못했습니다. F5를 눌러 화면을 새로 고치세요.</translation>
    </message>
    <message>
        <location filename="../../ui/round_session.py" line="196"/>
        <source>The change was not made</source>
        <translation>변경하지 못했습니다</translation>
    </message>
</context>
<context>
    <name>RubricPane</name>
    <message>
        <location filename="../../ui/dialogs/round_form/tables.py" line="206"/>
        <source>Default rubric</source>
        <translation>기본 평가표</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/tables.py" line="208"/>
        <source>(new track)</source>
        <translation>(새 트랙)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/tables.py" line="209"/>
        <source>Track: {name}</source>
        <translation>트랙: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/tables.py" line="223"/>
        <source>The default rubric scores every track that has no rubric of its own.</source>
        <translation>기본 평가표는 별도 평가표가 없는 모든 트랙에 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/tables.py" line="234"/>
        <source>This track is scored by its own criteria below.</source>
        <translation>이 트랙은 아래의 별도 평가항목으로 평가합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/tables.py" line="240"/>
        <source>This track is scored by the default rubric (shown below). Tick “Own rubric” to give it criteria of its own.</source>
        <translation>이 트랙은 기본 평가표(아래)로 평가합니다. 별도 평가항목을 쓰려면 ‘별도 평가표’를 체크하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/tables.py" line="260"/>
        <source>&amp;Rubric of</source>
        <translation>평가표(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/tables.py" line="261"/>
        <source>Own rubric</source>
        <translation>별도 평가표</translation>
    </message>
</context>
<context>
    <name>RunTable</name>
    <message>
        <location filename="../../ui/models/run.py" line="37"/>
        <source>Boundary tie: only the tie-break order decided this row</source>
        <translation>경계 동점: 동점 처리 순서로만 정해진 행입니다</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="49"/>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="53"/>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="56"/>
        <source>Tie</source>
        <translation>동점</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="60"/>
        <source>Application</source>
        <translation>과제번호</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="63"/>
        <source>AI</source>
        <translation>AI 구분</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="68"/>
        <source>Reviews</source>
        <translation>평가 수</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="71"/>
        <source>Final score</source>
        <translation>최종 점수</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="78"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="84"/>
        <source>Gap</source>
        <translation>점수 차</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="89"/>
        <source>Company</source>
        <translation>기업명</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="90"/>
        <source>Title</source>
        <translation>과제명</translation>
    </message>
</context>
<context>
    <name>SaveScenarioDialog</name>
    <message>
        <location filename="../../ui/dialogs/scenario.py" line="25"/>
        <source>Save the scenario as a run</source>
        <translation>시나리오를 선정 결과로 저장</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario.py" line="28"/>
        <source>The scenario is recorded as a new selection run compared with run #{run}, and its settings become the round&apos;s configuration. {enter} enter and {leave} leave the selection.</source>
        <translation>이 시나리오는 실행 {run}번과 비교한 새 선정 결과로 기록되고, 그 설정이 평가 회차의 설정이 됩니다. 선정에 {enter}건이 새로 들어가고 {leave}건이 빠집니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario.py" line="43"/>
        <source>No setting differs from the run&apos;s configuration.</source>
        <translation>선정 결과의 설정과 다른 항목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario.py" line="52"/>
        <source>Changed settings</source>
        <translation>바뀐 설정</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario.py" line="53"/>
        <source>round.toml diff</source>
        <translation>round.toml 변경 내용</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario.py" line="55"/>
        <source>Why is this scenario adopted? The reason is written to the audit log.</source>
        <translation>이 시나리오를 채택하는 사유를 입력하세요. 사유는 감사 기록에 남습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario.py" line="59"/>
        <source>e.g. the committee adopted the weights of 3 March</source>
        <translation>예: 3월 3일 위원회에서 배점 조정안 채택</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario.py" line="61"/>
        <source>Save as run</source>
        <translation>선정 결과로 저장</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="265"/>
        <source>Scoring</source>
        <translation>점수 산정</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="266"/>
        <source>Selection and quotas</source>
        <translation>선정 규칙과 쿼터</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="267"/>
        <source>Aggregation</source>
        <translation>점수 집계</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="269"/>
        <source>Trimmed mean</source>
        <translation>최고·최저 제외 평균</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="270"/>
        <source>Mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="271"/>
        <source>Median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="275"/>
        <source>Trim from reviews</source>
        <translation>최고·최저 제외 기준 평가 수</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="277"/>
        <source>The highest and the lowest total are dropped from this many reviews on</source>
        <translation>평가가 이 수 이상이면 최고점과 최저점을 하나씩 빼고 평균합니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="279"/>
        <source>Z-score calibration per reviewer</source>
        <translation>심사위원별 Z점수 보정</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="280"/>
        <source>Calibrate from totals</source>
        <translation>보정 기준 평가 수</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="281"/>
        <source>Cutoff</source>
        <translation>과락 기준점</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="282"/>
        <source>Criterion floor</source>
        <translation>항목별 과락 기준</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="283"/>
        <source>Fail an application whose mean on a criterion is below</source>
        <translation>어느 한 항목의 평균 정규화 점수가 이 값보다 낮으면 과락 처리합니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="284"/>
        <source>Seat transfer between tracks</source>
        <translation>트랙 간 잔여 정원 이전 (통합선발)</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="285"/>
        <source>Each quota: its share, and whether it must be exceeded.</source>
        <translation>쿼터마다 비율과, 그 비율을 초과해야 하는지를 정합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="287"/>
        <source>More than</source>
        <translation>초과</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="289"/>
        <source>Seats</source>
        <translation>선정 정원</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif_editor.py" line="290"/>
        <source>Budget (million KRW)</source>
        <translation>예산 (백만 원)</translation>
    </message>
</context>
<context>
    <name>ScoreCorrectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="62"/>
        <source>Correct a review of {id}</source>
        <translation>{id} 평가 정정</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="71"/>
        <source>Criterion scores</source>
        <translation>평가항목 점수</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="77"/>
        <source>Conflict of interest: this review does not count</source>
        <translation>이해충돌: 이 평가는 점수에 반영하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="81"/>
        <source>e.g. the same organisation</source>
        <translation>예: 같은 기관 소속</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="86"/>
        <source>Why is it corrected? (required, audited)</source>
        <translation>정정 사유 (필수, 감사 기록에 남음)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="98"/>
        <source>&amp;Save correction</source>
        <translation>정정 저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="106"/>
        <source>Reviewer</source>
        <translation>심사위원</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="108"/>
        <source>Comment</source>
        <translation>심사의견</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="110"/>
        <source>Conflict reason</source>
        <translation>이해충돌 사유</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="111"/>
        <source>Reason for the correction</source>
        <translation>정정 사유</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="139"/>
        <source>{reviewer} (conflict of interest)</source>
        <translation>{reviewer} (이해충돌)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="166"/>
        <source>Criterion</source>
        <translation>평가항목</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="166"/>
        <source>Range</source>
        <translation>배점 범위</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="166"/>
        <source>Current</source>
        <translation>현재 점수</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="166"/>
        <source>New value</source>
        <translation>정정 점수</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="244"/>
        <source>The round is locked: unlock it to correct a review.</source>
        <translation>평가 회차가 잠겨 있습니다. 평가를 정정하려면 잠금을 해제하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="249"/>
        <source>Type the corrected value of a criterion.</source>
        <translation>정정할 항목에 바른 점수를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="251"/>
        <source>Saving corrects {count} score(s).</source>
        <translation>저장하면 점수 {count}개를 정정합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="256"/>
        <source>Saving marks the review as a conflict of interest: it stops counting and its scores are removed. Undo brings them back, and the audit log keeps them.</source>
        <translation>저장하면 이 평가를 이해충돌로 표시합니다. 평가가 점수에 반영되지 않고 항목 점수는 지워집니다. 실행 취소로 되살릴 수 있고, 감사 기록에도 남습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="261"/>
        <source>Saving clears the conflict: give every criterion its score.</source>
        <translation>저장하면 이해충돌을 해제합니다. 모든 항목의 점수를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="263"/>
        <source>The review is a conflict of interest; untick the box to score it.</source>
        <translation>이해충돌로 회피한 평가입니다. 점수를 매기려면 이해충돌 표시를 해제하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="266"/>
        <source>Saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_correction.py" line="270"/>
        <source>Change a score or the conflict, and give the reason</source>
        <translation>점수나 이해충돌 여부를 바꾸고 사유를 적으세요</translation>
    </message>
</context>
<context>
    <name>ScoreFilesDialog</name>
    <message>
        <location filename="../../ui/dialogs/score_files.py" line="36"/>
        <source>Choose the returned score files</source>
        <translation>돌려받은 점수 파일 선택</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_files.py" line="41"/>
        <source>Reviewers&apos; score files (*.rvscore)</source>
        <translation>심사위원 점수 파일 (*.rvscore)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_files.py" line="61"/>
        <source>Import score files</source>
        <translation>점수 파일 가져오기</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_files.py" line="82"/>
        <source>Checking {files}…</source>
        <translation>{files} 확인 중…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/score_files.py" line="103"/>
        <source>Nothing was imported:</source>
        <translation>아무것도 가져오지 않았습니다:</translation>
    </message>
</context>
<context>
    <name>ScoreForm</name>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="170"/>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="171"/>
        <source>Your reasons for the scores (optional)</source>
        <translation>점수를 준 이유 (선택)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="172"/>
        <source>Declare &amp;conflict…</source>
        <translation>이해충돌 신고(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="174"/>
        <source>You cannot score this application (e.g. you work with the company)</source>
        <translation>이 과제를 평가할 수 없을 때 누릅니다 (예: 해당 기업과 함께 일한 적이 있음)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="176"/>
        <source>&amp;Withdraw conflict…</source>
        <translation>이해충돌 철회(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="177"/>
        <source>Save and &amp;next (Ctrl+Enter)</source>
        <translation>저장 후 다음(&amp;N) (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="180"/>
        <source>Type each score and press Tab for the next. A grade is chosen by its number. Everything is saved as you type.</source>
        <translation>점수를 입력하고 Tab 키로 다음 항목으로 넘어가세요. 등급은 번호를 눌러 고릅니다. 입력하는 즉시 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="192"/>
        <source>{name} ({weight} points)</source>
        <translation>{name} ({weight}점)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="197"/>
        <source>grade: type 1–{count}</source>
        <translation>등급: 1–{count} 입력</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="199"/>
        <source>{min} to {max}</source>
        <translation>{min}–{max}점</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="207"/>
        <source>Choose an application on the left.</source>
        <translation>왼쪽 목록에서 신청과제를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="349"/>
        <source>Correct the value of {name} first.</source>
        <translation>먼저 {name} 점수를 고치세요.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="354"/>
        <source>Write a comment first: the total needs one.</source>
        <translation>먼저 의견을 적으세요. 이 총점에는 의견이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="384"/>
        <source>You declared a conflict of interest: {reason}</source>
        <translation>이해충돌을 신고했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="392"/>
        <source>A comment is required: the total is above {above}.</source>
        <translation>의견을 적어야 합니다: 총점이 {above}점을 넘습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="394"/>
        <source>A comment is required: the total is below {below}.</source>
        <translation>의견을 적어야 합니다: 총점이 {below}점 미만입니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="400"/>
        <source>A comment is required when the total is below {below} or above {above}.</source>
        <translation>총점이 {below}점 미만이거나 {above}점을 넘으면 의견을 적어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="410"/>
        <source>Not scored: conflict of interest</source>
        <translation>평가 안 함: 이해충돌</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="412"/>
        <source>Total {total} / 100</source>
        <translation>총점 {total} / 100</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="414"/>
        <source>Total — (not scored yet)</source>
        <translation>총점 — (아직 평가 전)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="415"/>
        <source>Total so far {total} ({left} to go)</source>
        <translation>현재 총점 {total} (남은 항목 {left}개)</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="423"/>
        <source>Choose one of the grades 1–{count}</source>
        <translation>등급 1–{count} 중에서 고르세요</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="427"/>
        <source>Not a number: enter {min} to {max}</source>
        <translation>숫자가 아닙니다: {min}–{max} 사이로 입력하세요</translation>
    </message>
    <message>
        <location filename="../../ui/reviewer/score_form.py" line="430"/>
        <source>Out of range: enter {min} to {max}</source>
        <translation>범위를 벗어났습니다: {min}–{max} 사이로 입력하세요</translation>
    </message>
</context>
<context>
    <name>SelectionView</name>
    <message>
        <location filename="../../ui/views/selection.py" line="145"/>
        <source>Selection</source>
        <translation>선정</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="148"/>
        <source>&amp;Run selection</source>
        <translation>선정 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="149"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="150"/>
        <source>Stop the selection; nothing is recorded</source>
        <translation>선정을 멈춥니다. 아무것도 기록되지 않습니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="155"/>
        <source>Scores or applications changed after this run: it no longer matches the data. Run the selection again before exporting or locking.</source>
        <translation>이 실행 뒤에 점수나 신청과제가 바뀌어 결과가 데이터와 맞지 않습니다. 내보내거나 잠그기 전에 선정을 다시 실행하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="159"/>
        <source>Why</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="160"/>
        <source>Quotas</source>
        <translation>쿼터</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="161"/>
        <source>Seats and budgets</source>
        <translation>정원과 예산</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="217"/>
        <source>Selection run #{run} · {at} · {selected} selected · quota shortfall {shortfall} · SHA-256 {digest}</source>
        <translation>선정 실행 #{run} · {at} · 선정 {selected}건 · 쿼터 부족 {shortfall} · SHA-256 {digest}</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="246"/>
        <source>Compute the scores and the selection, and record the run (Ctrl+R)</source>
        <translation>점수와 선정 결과를 계산하고 실행 기록을 남깁니다 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="336"/>
        <source>Only {count} chosen rows · Show all</source>
        <translation>고른 {count}행만 표시 · 전체 보기</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="360"/>
        <source>Boundary tie: a candidate of this track on the other side of the selection has the same final score; only the tie-break order decided.</source>
        <translation>경계 동점: 이 트랙에서 선정 경계 건너편의 과제와 최종 점수가 같아 동점 처리 순서로만 정해졌습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="151"/>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="152"/>
        <source>Search id, company or title</source>
        <translation>과제번호, 기업명, 과제명 검색</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="212"/>
        <source>No selection has run yet.</source>
        <translation>아직 선정을 실행하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="165"/>
        <location filename="../../ui/views/selection.py" line="184"/>
        <source>All tracks</source>
        <translation>전체 트랙</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="244"/>
        <source>The round is locked: unlock it to run the selection again</source>
        <translation>회차가 잠겨 있습니다. 선정을 다시 실행하려면 잠금을 해제하세요</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="299"/>
        <location filename="../../ui/views/selection.py" line="305"/>
        <source>The selection was cancelled; nothing was recorded.</source>
        <translation>선정을 취소했습니다. 아무것도 기록되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="308"/>
        <source>The selection did not run</source>
        <translation>선정을 실행하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="328"/>
        <source>{shown} shown · {selected} selected</source>
        <translation>{shown}건 표시 · {selected}건 선정</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="346"/>
        <source>Choose a row to see why it has its status.</source>
        <translation>행을 고르면 그 상태가 된 이유를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="351"/>
        <source>Decided by its rank and final score.</source>
        <translation>순위와 최종 점수로 정해졌습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="352"/>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <location filename="../../ui/views/selection.py" line="352"/>
        <source>Final score</source>
        <translation>최종 점수</translation>
    </message>
</context>
<context>
    <name>SettingsFields</name>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="190"/>
        <source>Round</source>
        <translation>평가 회차</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="191"/>
        <source>Aggregation of the reviews</source>
        <translation>심사 점수 집계</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="192"/>
        <source>Selection</source>
        <translation>선정</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="195"/>
        <source>Name</source>
        <translation>회차 이름</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="196"/>
        <source>e.g. 2025 서울형 R&amp;D 1차 평가</source>
        <translation>예: 2025 서울형 R&amp;D 1차 평가</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="197"/>
        <source>Shown in the window and on every report</source>
        <translation>화면과 모든 보고서에 표시됩니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="199"/>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="199"/>
        <source>The programme&apos;s year</source>
        <translation>사업 연도</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="201"/>
        <source>Cutoff (points)</source>
        <translation>과락 기준 점수</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="203"/>
        <source>An application whose final score is below it fails</source>
        <translation>최종 점수가 이보다 낮으면 과락입니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="206"/>
        <source>Minimum reviews</source>
        <translation>최소 평가 수</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="208"/>
        <source>An application with fewer reviews has no final score</source>
        <translation>평가 수가 이보다 적은 과제는 최종 점수가 없습니다 (평가 미완료)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="211"/>
        <source>Decimals of scores</source>
        <translation>점수 소수 자릿수</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="213"/>
        <source>Final scores are rounded half-up to this many decimals</source>
        <translation>최종 점수를 이 자릿수까지 반올림합니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="216"/>
        <source>Region (eligibility)</source>
        <translation>지역 요건</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="217"/>
        <source>blank: any region</source>
        <translation>비우면 지역 제한 없음</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="218"/>
        <source>Only applicants located here are eligible, e.g. 서울</source>
        <translation>이 지역에 있는 기업만 신청 자격이 있습니다. 예: 서울</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="221"/>
        <source>Method</source>
        <translation>집계 방식</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="223"/>
        <source>trimmed (highest and lowest review dropped), mean or median</source>
        <translation>trimmed(최고·최저 점수를 뺀 평균), mean(평균), median(중앙값)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="226"/>
        <source>Trim from (reviews)</source>
        <translation>절사 적용 평가 수</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="228"/>
        <source>Trimming applies from this many reviews on</source>
        <translation>평가가 이 수 이상이면 최고·최저 점수를 하나씩 뺍니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="231"/>
        <source>Z-score calibration</source>
        <translation>Z점수 보정</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="233"/>
        <source>Calibrate each reviewer&apos;s scores against their own mean and spread</source>
        <translation>심사위원마다 자신의 평균과 표준편차에 맞춰 점수를 보정합니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="236"/>
        <source>Calibrate from (reviews)</source>
        <translation>보정 적용 평가 수</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="238"/>
        <source>A reviewer is calibrated once they have scored this many</source>
        <translation>심사위원이 트랙에서 이만큼 평가하면 보정합니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="241"/>
        <source>Bonus cap (points)</source>
        <translation>가점 상한</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="243"/>
        <source>The most bonus points an application can get</source>
        <translation>과제가 받을 수 있는 가점의 최대치</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="246"/>
        <source>Criterion floor (share)</source>
        <translation>항목별 과락 기준 (비율)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="247"/>
        <source>blank: none</source>
        <translation>비우면 없음</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="248"/>
        <source>An application whose mean on any criterion is below this share fails</source>
        <translation>어느 평가항목이든 평균이 이 비율보다 낮으면 과락입니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="251"/>
        <source>Objective order</source>
        <translation>선정 목표 순서</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="253"/>
        <source>fill, quota and score, in the order they count</source>
        <translation>fill(정원 채우기), quota(쿼터), score(점수)를 우선하는 순서대로</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="256"/>
        <source>Tie-break criteria</source>
        <translation>동점 처리 기준</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="258"/>
        <source>Criterion IDs separated by commas, compared in this order</source>
        <translation>쉼표로 구분한 평가항목 ID, 이 순서로 비교합니다</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="261"/>
        <source>Seat transfer</source>
        <translation>정원 이전</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="263"/>
        <source>Seats a track cannot fill pass to the other tracks</source>
        <translation>트랙이 채우지 못한 정원을 다른 트랙으로 넘깁니다 (통합선발제)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="278"/>
        <source>Calibrate reviewers&apos; scores (z-score)</source>
        <translation>심사위원 점수 보정 (Z점수)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/fields.py" line="281"/>
        <source>Pass unfilled seats to other tracks</source>
        <translation>남은 정원을 다른 트랙으로 이전 (통합선발제)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/views/start.py" line="70"/>
        <source>Reviewer — Seoul R&amp;D evaluation</source>
        <translation>Reviewer — 서울형 R&amp;D 평가</translation>
    </message>
    <message>
        <location filename="../../ui/views/start.py" line="73"/>
        <source>Create a round from the Seoul 2025 template or open a round database. You can also drop a round database (.db) or workbooks on this window.</source>
        <translation>서울 2025 양식으로 새 평가 회차를 만들거나 회차 데이터베이스를 여세요. 회차 데이터베이스(.db)나 엑셀 파일을 이 창에 끌어다 놓아도 됩니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/start.py" line="77"/>
        <source>&amp;New round from the Seoul 2025 template…</source>
        <translation>서울 2025 양식으로 새 회차(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/start.py" line="78"/>
        <source>&amp;Open round…</source>
        <translation>회차 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/start.py" line="79"/>
        <source>Recent rounds</source>
        <translation>최근 회차</translation>
    </message>
    <message>
        <location filename="../../ui/views/start.py" line="80"/>
        <source>No recent rounds yet.</source>
        <translation>최근에 연 회차가 없습니다.</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="35"/>
        <source>not computable: fewer than two applications have two or more reviews</source>
        <translation>계산 불가: 두 명 이상이 평가한 과제가 2건 미만</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="39"/>
        <source>not computable: the reviews overlap too little to separate applications from reviewers</source>
        <translation>계산 불가: 심사위원들이 함께 평가한 과제가 너무 적어 과제와 심사위원의 효과를 나눌 수 없음</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="45"/>
        <source>not computable: no two reviewers rated three applications in common</source>
        <translation>계산 불가: 두 심사위원 이상이 함께 평가한 과제가 3건 이상인 묶음이 없음</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="49"/>
        <source>not computable: the totals do not vary</source>
        <translation>계산 불가: 점수에 차이가 없음</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="57"/>
        <source>over {applications} of {total} applications, {reviewers} reviewers</source>
        <translation>전체 {total}건 중 {applications}건, 심사위원 {reviewers}명</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="68"/>
        <source>over {applications} applications, {reviewers} reviewers</source>
        <translation>{applications}건, 심사위원 {reviewers}명</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="77"/>
        <source>Reviewer</source>
        <translation>심사위원</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="78"/>
        <source>Name</source>
        <translation>성명</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="81"/>
        <source>Reviews</source>
        <translation>평가 수</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="86"/>
        <source>Mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="87"/>
        <source>Std dev</source>
        <translation>표준편차</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="88"/>
        <source>Min</source>
        <translation>최저</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="89"/>
        <source>Max</source>
        <translation>최고</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="92"/>
        <source>Severity (95% interval)</source>
        <translation>엄격도 (95% 신뢰구간)</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="95"/>
        <source>Compared on {count} reviews with co-reviewers</source>
        <translation>다른 심사위원과 함께 평가한 {count}건으로 비교</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="102"/>
        <source>Outliers</source>
        <translation>이상치 수</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="109"/>
        <source>Reviews that can be outliers</source>
        <translation>이상치가 될 수 있는 평가</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="113"/>
        <source>Totals on applications with three or more counted totals; the outlier rate is outliers divided by these</source>
        <translation>평가가 3건 이상인 과제의 총점 수이며, 이상치 비율은 이상치 수를 이 수로 나눈 값입니다</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="121"/>
        <source>Outlier rate</source>
        <translation>이상치 비율</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="137"/>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="142"/>
        <source>ICC(2,1)</source>
        <translation>ICC(2,1)</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="150"/>
        <source>ICC computed over</source>
        <translation>ICC 계산 범위</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="155"/>
        <source>Kendall&apos;s W</source>
        <translation>Kendall의 W</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="161"/>
        <source>W computed over</source>
        <translation>W 계산 범위</translation>
    </message>
    <message>
        <location filename="../../ui/models/reviewer_statistics.py" line="164"/>
        <source>Applications</source>
        <translation>신청과제 수</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../ui/views/statistics.py" line="71"/>
        <source>Reviewer statistics</source>
        <translation>심사위원 통계</translation>
    </message>
    <message>
        <location filename="../../ui/views/statistics.py" line="74"/>
        <source>Track:</source>
        <translation>트랙:</translation>
    </message>
    <message>
        <location filename="../../ui/views/statistics.py" line="75"/>
        <source>Reviewers</source>
        <translation>심사위원</translation>
    </message>
    <message>
        <location filename="../../ui/views/statistics.py" line="76"/>
        <source>Agreement between reviewers per track</source>
        <translation>트랙별 심사위원 간 일치도</translation>
    </message>
    <message>
        <location filename="../../ui/views/statistics.py" line="80"/>
        <location filename="../../ui/views/statistics.py" line="95"/>
        <source>All tracks</source>
        <translation>전체 트랙</translation>
    </message>
    <message>
        <location filename="../../ui/views/statistics.py" line="129"/>
        <source>From the scores now: no selection has run yet.</source>
        <translation>현재 점수 기준입니다. 아직 선정을 실행하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/statistics.py" line="132"/>
        <source>From the totals of selection run {run}; the data changed since.</source>
        <translation>선정 실행 {run}번의 총점 기준입니다. 그 뒤에 데이터가 바뀌었습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/statistics.py" line="135"/>
        <source>From the totals of selection run {run}.</source>
        <translation>선정 실행 {run}번의 총점 기준입니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/statistics.py" line="139"/>
        <source>Severity: the mean difference from the other reviewers of the same applications (negative: harsh), with its 95% interval. Outlier: a total whose robust z-score exceeds {threshold} and that is at least {points} points from its application&apos;s median; the outlier rate counts only the reviews that can be outliers (on applications with three or more totals). ICC(2,1): over every application of the track with two or more reviews (variance components of the incomplete design, Henderson&apos;s Method III). Kendall&apos;s W needs complete rankings: over the largest block of applications all rated by the same two or more reviewers, applications with more reviewers included with those reviewers&apos; totals only.</source>
        <translation>엄격도: 같은 과제를 평가한 다른 심사위원 평균과의 점수 차의 평균(음수는 엄격)과 95% 신뢰구간입니다. 이상치: 로버스트 z의 절댓값이 {threshold} 초과이면서 과제 중앙값과 {points}점 이상 차이 나는 총점입니다. 이상치 비율은 이상치가 될 수 있는 평가(평가가 3건 이상인 과제의 평가)만으로 계산합니다. ICC(2,1): 두 명 이상이 평가한 트랙의 모든 과제에서 계산합니다(불완전 설계의 분산성분, Henderson 방법 III). Kendall의 W는 완전한 순위가 필요하므로 같은 심사위원 2명 이상이 모두 평가한 가장 큰 과제 묶음에서 계산하며, 심사위원이 더 많은 과제도 그 심사위원들의 점수만으로 포함합니다.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/models/status.py" line="12"/>
        <source>Selected</source>
        <translation>선정</translation>
    </message>
    <message>
        <location filename="../../ui/models/status.py" line="13"/>
        <source>Selected by quota</source>
        <translation>쿼터 선정</translation>
    </message>
    <message>
        <location filename="../../ui/models/status.py" line="14"/>
        <source>Displaced by quota</source>
        <translation>쿼터 미선정</translation>
    </message>
    <message>
        <location filename="../../ui/models/status.py" line="15"/>
        <source>Not selected</source>
        <translation>미선정</translation>
    </message>
    <message>
        <location filename="../../ui/models/status.py" line="16"/>
        <source>Below cutoff</source>
        <translation>과락</translation>
    </message>
    <message>
        <location filename="../../ui/models/status.py" line="17"/>
        <source>Ineligible</source>
        <translation>부적격</translation>
    </message>
    <message>
        <location filename="../../ui/models/status.py" line="18"/>
        <source>Incomplete</source>
        <translation>평가 미완료</translation>
    </message>
    <message>
        <location filename="../../ui/models/applications.py" line="16"/>
        <location filename="../../ui/models/run.py" line="21"/>
        <source>None</source>
        <translation>일반</translation>
    </message>
</context>
<context>
    <name>TablePane</name>
    <message>
        <location filename="../../ui/dialogs/round_form/tables.py" line="143"/>
        <source>&amp;Add row</source>
        <translation>행 추가(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/round_form/tables.py" line="144"/>
        <source>&amp;Remove row</source>
        <translation>행 삭제(&amp;R)</translation>
    </message>
</context>
<context>
    <name>TrackFiguresTable</name>
    <message>
        <location filename="../../ui/models/run.py" line="188"/>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="190"/>
        <source>Seats</source>
        <translation>선정 정원</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="194"/>
        <source>Selected</source>
        <translation>선정</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="201"/>
        <source>Budget (KRW)</source>
        <translation>예산 (원)</translation>
    </message>
    <message>
        <location filename="../../ui/models/run.py" line="208"/>
        <source>Budget used (KRW)</source>
        <translation>사용 예산 (원)</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../ui/undo.py" line="78"/>
        <source>correct score {target}: {changes}</source>
        <translation>{target} 점수 정정 {changes}</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="85"/>
        <source>mark conflict {target}</source>
        <translation>{target} 이해충돌 지정</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="90"/>
        <source>clear conflict {target}</source>
        <translation>{target} 이해충돌 해제</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="225"/>
        <source>&amp;Undo {what}</source>
        <translation>{what} 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="227"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="232"/>
        <source>&amp;Redo {what}</source>
        <translation>{what} 다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="234"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="264"/>
        <source>Undone: {what}</source>
        <translation>실행 취소했습니다: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="266"/>
        <source>Redone: {what}</source>
        <translation>다시 실행했습니다: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="290"/>
        <source>Not undone</source>
        <translation>실행 취소하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="291"/>
        <source>“{what}” was not undone: {error}</source>
        <translation>‘{what}’ 작업을 실행 취소하지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="295"/>
        <source>Not redone</source>
        <translation>다시 실행하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="296"/>
        <source>“{what}” was not redone: {error}</source>
        <translation>‘{what}’ 작업을 다시 실행하지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="309"/>
        <source>The undo history is as it was.</source>
        <translation>실행 취소 기록은 그대로입니다.</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="251"/>
        <location filename="../../ui/undo.py" line="314"/>
        <source>The undo history was cleared; the audit log keeps every change.</source>
        <translation>실행 취소 기록을 비웠습니다. 모든 변경은 감사 기록에 남아 있습니다.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="48"/>
        <source>Unlock the round</source>
        <translation>회차 잠금 해제</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="51"/>
        <source>Why is the round unlocked? The reason is written to the audit log with your name and the time.</source>
        <translation>잠금을 해제하는 사유를 적으세요. 사유는 사용자 이름, 시각과 함께 감사 기록에 남습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="56"/>
        <source>e.g. a reviewer&apos;s score was entered wrongly</source>
        <translation>예: 심사위원 점수가 잘못 입력됨</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="57"/>
        <source>Unlock</source>
        <translation>잠금 해제</translation>
    </message>
</context>
<context>
    <name>WhatIfTables</name>
    <message>
        <location filename="../../ui/models/whatif.py" line="51"/>
        <source>Enters</source>
        <translation>신규 선정</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="52"/>
        <source>Leaves</source>
        <translation>선정 제외</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="85"/>
        <location filename="../../ui/models/whatif.py" line="251"/>
        <source>Change</source>
        <translation>변동</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="91"/>
        <source>Application</source>
        <translation>과제번호</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="92"/>
        <location filename="../../ui/models/whatif.py" line="171"/>
        <location filename="../../ui/models/whatif.py" line="191"/>
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="95"/>
        <source>Final (run)</source>
        <translation>최종 점수 (기존)</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="102"/>
        <source>Final (new)</source>
        <translation>최종 점수 (변경)</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="109"/>
        <source>Rank (run)</source>
        <translation>순위 (기존)</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="115"/>
        <source>Rank (new)</source>
        <translation>순위 (변경)</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="121"/>
        <source>Status (run)</source>
        <translation>상태 (기존)</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="127"/>
        <source>Status (new)</source>
        <translation>상태 (변경)</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="131"/>
        <source>Title</source>
        <translation>과제명</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="172"/>
        <source>Seats</source>
        <translation>선정 정원</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="173"/>
        <source>Filled</source>
        <translation>선정 수</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="188"/>
        <source>Quota</source>
        <translation>쿼터</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="194"/>
        <source>Required</source>
        <translation>필요</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="195"/>
        <source>Achieved</source>
        <translation>달성</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="207"/>
        <source>Seats filled</source>
        <translation>선정 수</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="213"/>
        <source>Quota shortfall</source>
        <translation>쿼터 부족분</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="219"/>
        <source>Total score</source>
        <translation>총점 합계</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="234"/>
        <source>Total</source>
        <translation>합계 항목</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="237"/>
        <source>Run</source>
        <translation>기존 결과</translation>
    </message>
    <message>
        <location filename="../../ui/models/whatif.py" line="244"/>
        <source>Scenario</source>
        <translation>시나리오</translation>
    </message>
</context>
<context>
    <name>WhatIfView</name>
    <message>
        <location filename="../../ui/views/whatif.py" line="160"/>
        <source>What-if</source>
        <translation>가정 분석</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="163"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="164"/>
        <source>Stop the recomputation running now</source>
        <translation>진행 중인 재계산을 중지합니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="165"/>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="166"/>
        <source>Go back to the settings of the recorded run</source>
        <translation>기록된 선정 결과의 설정으로 되돌립니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="167"/>
        <source>Save as run…</source>
        <translation>선정 결과로 저장…</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="168"/>
        <source>Who enters and who leaves the selection</source>
        <translation>선정에 새로 들어가는 과제와 빠지는 과제</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="169"/>
        <source>Totals</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="170"/>
        <source>Seats filled per track</source>
        <translation>트랙별 선정 수</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="171"/>
        <source>Quota achievement</source>
        <translation>쿼터 달성</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="172"/>
        <source>Changed settings</source>
        <translation>바뀐 설정</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="173"/>
        <source>No setting differs from the recorded run.</source>
        <translation>기록된 선정 결과와 다른 설정이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="267"/>
        <source>Stopped: the figures shown are for the settings computed before.</source>
        <translation>중지했습니다. 표시된 수치는 이전에 계산한 설정의 결과입니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="296"/>
        <source>These settings cannot be evaluated: {error}</source>
        <translation>이 설정으로는 계산할 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="342"/>
        <source>No selection has run yet. A what-if compares changed rules with a recorded selection run: run the selection first (Round ▸ Run selection, Ctrl+R).</source>
        <translation>아직 선정을 실행하지 않았습니다. 가정 분석은 바꾼 규칙을 기록된 선정 결과와 비교합니다. 먼저 평가 회차 ▸ 선정 실행(Ctrl+R)으로 선정을 실행하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="351"/>
        <source>Compared with selection run #{run} · {selected} selected</source>
        <translation>선정 실행 {run}번과 비교 · 선정 {selected}건</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="355"/>
        <source>recomputing…</source>
        <translation>재계산 중…</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="360"/>
        <source>The round&apos;s data changed after run #{run}: the comparison also shows the effect of those changes.</source>
        <translation>실행 {run}번 이후 평가 회차의 데이터가 바뀌었습니다. 비교 결과에는 그 변경의 영향도 함께 나타납니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="373"/>
        <source>Nobody enters or leaves the selection with these settings.</source>
        <translation>이 설정에서는 선정에 새로 들어가거나 빠지는 과제가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="376"/>
        <source>These are the recorded run&apos;s settings: change a weight, a seat count, a quota share or a scoring rule to see who would enter and who would leave.</source>
        <translation>기록된 선정 결과의 설정입니다. 배점, 선정 정원, 쿼터 비율이나 점수 산정 규칙을 바꾸면 어떤 과제가 새로 선정되고 빠지는지 바로 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="381"/>
        <source>{enter} enter and {leave} leave the selection.</source>
        <translation>선정에 {enter}건이 새로 들어가고 {leave}건이 빠집니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="396"/>
        <source>The round is locked: a scenario can be explored but not saved</source>
        <translation>평가 회차가 잠겨 있습니다. 시나리오를 살펴볼 수는 있지만 저장할 수는 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/views/whatif.py" line="398"/>
        <source>Record this scenario as a new selection run, with a reason</source>
        <translation>이 시나리오를 사유와 함께 새 선정 결과로 기록합니다</translation>
    </message>
</context>
</TS>
