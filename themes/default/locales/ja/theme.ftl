# donorbook default theme — Japanese UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = 本文へスキップ
nav-main = メインメニュー
nav-home = ホーム
nav-modules = モジュール
nav-glossary = 用語集
nav-search = 検索
nav-languages = すべての言語
nav-breadcrumb = パンくずリスト
language-switcher = 言語

search-label = レッスンを検索
search-placeholder = 検索…
search-button = 検索
search-title = 検索
search-field-label = レッスンを検索
search-results = 検索結果：{ $count }件
search-none = 「{ $query }」に一致する結果はありません。
search-loading = 検索インデックスを読み込んでいます…
search-error = 検索インデックスを読み込めませんでした。
search-noscript = 検索にはブラウザーの JavaScript が必要です。代わりにモジュールや用語集をご覧ください：

minutes = { $count }分
reading-time = 読了時間 約{ $minutes }分
lessons-count = { $count }レッスン
lesson-of = レッスン { $number }／{ $total }
lesson-prev = 前へ
lesson-next = 次へ
lesson-nav = レッスン一覧
on-this-page = このページの内容

module-objectives = 学習目標
module-audience = 対象
module-duration = 所要時間
module-lessons = レッスン
module-print = 印刷用ページ
module-start = 最初のレッスンを始める
module-continue = 続きから：{ $lesson }

audience-donors = 献血者
audience-staff = 血液事業の職員
audience-students = 学生
audience-volunteers = ボランティア
audience-officials = 行政担当者
audience-teachers = 教員

untranslated-notice = このページは{ $language }ではまだご覧いただけません。{ $original }で表示しています。

callout-fact = 事実
callout-tip = ヒント
callout-warning = 注意
callout-myth = 誤解

quiz-label = 理解度チェック
quiz-choose-one = 答えを1つ選んでください。
quiz-choose-many = 当てはまる答えをすべて選んでください。
quiz-check = 答え合わせ
quiz-correct = 正解です。よくできました。
quiz-incorrect = 惜しいです。もう一度試すか、「答えを見る」を開いてください。
quiz-choose = 先に答えを選んでください。
quiz-show-answer = 答えを見る
quiz-answer = 答え：

glossary-title = 用語集
glossary-intro = このレッスンで使われる主な用語と、その簡単な説明です。
glossary-see-also = 関連項目
glossary-letters = 頭文字から探す

chooser-enter = 進む

not-found-title = ページが見つかりません
not-found-text = このページは存在しません。言語を選んで最初のページに戻ってください。

print-title = { $module }（印刷用）
print-button = このモジュールを印刷
print-back = モジュールに戻る
print-contents = 目次
print-answer-key = 解答

progress-mark-done = このレッスンを完了しました
progress-done = 完了
progress-module = { $total }レッスン中{ $done }レッスン完了

footer-note = 教育用の資料です。献血できる条件は国によって異なります。必ずお住まいの国の血液事業機関の指示に従ってください。

table-label = 表
remote-asset-note = （オンラインのみ：インターネット接続が必要です）
task-done = 完了
task-open = 未完了

bundle-readme =
    { $site } — オフライン版
    このフォルダーには、ウェブサイト全体のコピーが収められています。インターネットに接続しなくても利用できます。
    1. ファイル全体を、お使いのコンピューターまたは USB メモリ内のフォルダーに解凍（展開）してください。
    2. そのフォルダー内の index.html ファイルを、ウェブブラウザーで開いてください（ファイルをダブルクリックします）。
    3. 検索、理解度チェック、用語集、印刷、レッスンの進捗状況は、すべてオフラインで利用できます。
    進捗状況は、このコンピューターのこのブラウザーにのみ保存されます。外部に送信されることは一切ありません。
    献血できる条件は国によって異なります。必ずお住まいの国の血液事業機関の指示に従ってください。

outdated-notice = この翻訳は最新ではない可能性があります。翻訳後に原文のページが更新されました。
