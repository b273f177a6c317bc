# donorbook default theme — Korean UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = 본문 바로가기
nav-main = 주 메뉴
nav-home = 홈
nav-modules = 모듈
nav-glossary = 용어집
nav-search = 검색
nav-languages = 모든 언어
nav-breadcrumb = 현재 위치
language-switcher = 언어

search-label = 강의 검색
search-placeholder = 검색…
search-button = 검색
search-title = 검색
search-field-label = 강의 검색
search-results = 검색 결과: { $count }건
search-none = “{ $query }”에 대한 검색 결과가 없습니다.
search-loading = 검색 색인을 불러오는 중입니다…
search-error = 검색 색인을 불러오지 못했습니다.
search-noscript = 검색하려면 브라우저에서 JavaScript를 사용해야 합니다. 대신 모듈이나 용어집을 둘러보세요:

minutes = { $count }분
reading-time = 읽는 데 약 { $minutes }분
lessons-count = 강의 { $count }개
lesson-of = 강의 { $number }/{ $total }
lesson-prev = 이전
lesson-next = 다음
lesson-nav = 강의 목록
on-this-page = 이 페이지의 내용

module-objectives = 학습 목표
module-audience = 대상
module-duration = 소요 시간
module-lessons = 강의
module-print = 인쇄용 버전
module-start = 첫 강의 시작하기
module-continue = 이어서 학습: { $lesson }

audience-donors = 헌혈자
audience-staff = 혈액원 직원
audience-students = 학생
audience-volunteers = 자원봉사자
audience-officials = 공무원
audience-teachers = 교사

untranslated-notice = 이 페이지는 아직 { $language }(으)로 제공되지 않아 { $original }(으)로 표시됩니다.

callout-fact = 사실
callout-tip = 도움말
callout-warning = 주의
callout-myth = 잘못된 상식

quiz-label = 이해도 확인
quiz-choose-one = 답을 하나 선택하세요.
quiz-choose-many = 해당하는 답을 모두 선택하세요.
quiz-check = 정답 확인
quiz-correct = 정답입니다. 잘하셨습니다.
quiz-incorrect = 정답이 아닙니다. 다시 시도하거나 “정답 보기”를 눌러 보세요.
quiz-choose = 먼저 답을 선택하세요.
quiz-show-answer = 정답 보기
quiz-answer = 정답:

glossary-title = 용어집
glossary-intro = 이 강의에서 사용하는 주요 용어와 간단한 설명입니다.
glossary-see-also = 관련 항목
glossary-letters = 글자별 바로가기

chooser-enter = 들어가기

not-found-title = 페이지를 찾을 수 없습니다
not-found-text = 이 페이지는 존재하지 않습니다. 언어를 선택하여 첫 페이지로 돌아가세요.

print-title = { $module } (인쇄용)
print-button = 이 모듈 인쇄
print-back = 모듈로 돌아가기
print-contents = 목차
print-answer-key = 정답

progress-mark-done = 이 강의를 마쳤습니다
progress-done = 완료
progress-module = 강의 { $total }개 중 { $done }개 완료

footer-note = 교육용 자료입니다. 헌혈 자격 기준은 나라마다 다르므로 항상 거주하시는 국가의 혈액 관리 기관 지침을 따르십시오.

table-label = 표
remote-asset-note = (온라인 전용: 인터넷 연결이 필요합니다)
task-done = 완료
task-open = 미완료

bundle-readme =
    { $site } — 오프라인 사본
    이 폴더에는 웹사이트 전체의 사본이 들어 있습니다. 인터넷에 연결하지 않아도 사용할 수 있습니다.
    1. 파일 전체를 컴퓨터나 USB 메모리의 폴더에 압축 해제(추출)하십시오.
    2. 해당 폴더에 있는 index.html 파일을 웹 브라우저로 여십시오(파일을 두 번 클릭하면 됩니다).
    3. 검색, 퀴즈, 용어집, 인쇄 기능과 강의 진도 기록은 모두 오프라인에서도 사용할 수 있습니다.
    진도 기록은 이 컴퓨터의 이 브라우저에만 저장되며, 어떠한 정보도 외부로 전송되지 않습니다.
    헌혈 자격 기준은 나라마다 다르므로 항상 거주하시는 국가의 혈액 관리 기관 지침을 따르십시오.

outdated-notice = 이 번역은 최신이 아닐 수 있습니다. 번역 이후 원문 페이지가 변경되었습니다.
