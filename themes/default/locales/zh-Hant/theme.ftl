# donorbook default theme — Traditional Chinese UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = 跳至主要內容
nav-main = 主選單
nav-home = 首頁
nav-modules = 單元
nav-glossary = 詞彙表
nav-search = 搜尋
nav-languages = 所有語言
nav-breadcrumb = 導覽路徑
language-switcher = 語言

search-label = 搜尋課程內容
search-placeholder = 搜尋…
search-button = 搜尋
search-title = 搜尋
search-field-label = 搜尋課程內容
search-results = 搜尋結果：{ $count } 筆
search-none = 找不到與「{ $query }」相符的結果。
search-loading = 正在載入搜尋索引…
search-error = 無法載入搜尋索引。
search-noscript = 搜尋需要在瀏覽器中啟用 JavaScript。您也可以改為瀏覽各單元或詞彙表：

minutes = { $count } 分鐘
reading-time = 閱讀時間約 { $minutes } 分鐘
lessons-count = { $count } 課
lesson-of = 第 { $number } 課，共 { $total } 課
lesson-prev = 上一課
lesson-next = 下一課
lesson-nav = 課程列表
on-this-page = 本頁內容

module-objectives = 學習目標
module-audience = 適用對象
module-duration = 所需時間
module-lessons = 課程
module-print = 列印版
module-start = 開始第一課
module-continue = 繼續：{ $lesson }

audience-donors = 捐血人
audience-staff = 血液服務機構人員
audience-students = 學生
audience-volunteers = 志工
audience-officials = 政府官員
audience-teachers = 教師

untranslated-notice = 本頁尚未提供{ $language }版本，目前以{ $original }顯示。

callout-fact = 事實
callout-tip = 小提示
callout-warning = 注意
callout-myth = 迷思

quiz-label = 隨堂測驗
quiz-choose-one = 請選擇一個答案。
quiz-choose-many = 請選出所有符合的答案。
quiz-check = 檢查答案
quiz-correct = 答對了，做得很好。
quiz-incorrect = 不太正確。請再試一次，或點開「顯示答案」。
quiz-choose = 請先選擇答案。
quiz-show-answer = 顯示答案
quiz-answer = 答案：

glossary-title = 詞彙表
glossary-intro = 本課程使用的重要詞彙及其簡短定義。
glossary-see-also = 另請參閱
glossary-letters = 依首字瀏覽

chooser-enter = 進入

not-found-title = 找不到頁面
not-found-text = 此頁面不存在。請選擇您的語言，返回首頁。

print-title = { $module }（列印版）
print-button = 列印本單元
print-back = 返回單元
print-contents = 目錄
print-answer-key = 解答

progress-mark-done = 我已完成本課
progress-done = 已完成
progress-module = 已完成 { $done }／{ $total } 課

footer-note = 本網站為教育用途資料。各國的捐血資格規定不盡相同，請務必遵循您所在國家血液服務機構的規定。

table-label = 表格
remote-asset-note = （僅限線上：需要網際網路連線）
task-done = 已完成
task-open = 未完成

bundle-readme =
    { $site } — 離線副本
    本資料夾包含完整的網站副本，無須連上網際網路即可使用。
    1. 請將整個檔案解壓縮（解開）至您電腦或 USB 隨身碟中的資料夾。
    2. 請使用網頁瀏覽器開啟該資料夾中的 index.html 檔案（在檔案上按兩下即可）。
    3. 搜尋、測驗、詞彙表、列印功能及您的課程進度，皆可離線使用。
    您的進度僅儲存在這台電腦的此瀏覽器中，不會傳送至任何地方。
    各國的捐血資格規定不盡相同，請務必遵循您所在國家血液服務機構的規定。

outdated-notice = 此譯文可能不是最新版本：原文頁面在翻譯後已有更新。
