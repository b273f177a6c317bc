# donorbook default theme — Persian UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = رفتن به محتوای اصلی
nav-main = منوی اصلی
nav-home = صفحهٔ اصلی
nav-modules = ماژول‌ها
nav-glossary = واژه‌نامه
nav-search = جستجو
nav-languages = همهٔ زبان‌ها
nav-breadcrumb = مسیر راهبری
language-switcher = زبان

search-label = جستجو در درس‌ها
search-placeholder = جستجو…
search-button = جستجو
search-title = جستجو
search-field-label = جستجو در درس‌ها
search-results = نتایج: { $count }
search-none = نتیجه‌ای برای «{ $query }» یافت نشد.
search-loading = در حال بارگذاری نمایهٔ جستجو…
search-error = بارگذاری نمایهٔ جستجو ممکن نشد.
search-noscript = جستجو به JavaScript در مرورگر نیاز دارد. به جای آن می‌توانید پودمان‌ها یا واژه‌نامه را مرور کنید:

minutes = { $count ->
    [one] { $count } دقیقه
   *[other] { $count } دقیقه
}
reading-time = { $minutes ->
    [one] حدود { $minutes } دقیقه مطالعه
   *[other] حدود { $minutes } دقیقه مطالعه
}
lessons-count = { $count ->
    [one] { $count } درس
   *[other] { $count } درس
}
lesson-of = درس { $number } از { $total }
lesson-prev = قبلی
lesson-next = بعدی
lesson-nav = درس‌ها
on-this-page = در این صفحه

module-objectives = اهداف آموزشی
module-audience = مخاطبان
module-duration = زمان لازم
module-lessons = درس‌ها
module-print = نسخهٔ چاپی
module-start = شروع نخستین درس
module-continue = ادامه با { $lesson }

audience-donors = اهداکنندگان خون
audience-staff = کارکنان خدمات انتقال خون
audience-students = دانشجویان
audience-volunteers = داوطلبان
audience-officials = مسئولان
audience-teachers = معلمان

untranslated-notice = این صفحه هنوز به { $language } در دسترس نیست و به { $original } نمایش داده می‌شود.

callout-fact = واقعیت
callout-tip = نکته
callout-warning = هشدار
callout-myth = باور نادرست

quiz-label = سنجش آموخته‌ها
quiz-choose-one = یک پاسخ را انتخاب کنید.
quiz-choose-many = همهٔ پاسخ‌های درست را انتخاب کنید.
quiz-check = بررسی پاسخ من
quiz-correct = درست است. آفرین!
quiz-incorrect = کاملاً درست نیست. دوباره تلاش کنید یا «نمایش پاسخ» را باز کنید.
quiz-choose = لطفاً ابتدا یک پاسخ انتخاب کنید.
quiz-show-answer = نمایش پاسخ
quiz-answer = پاسخ:

glossary-title = واژه‌نامه
glossary-intro = اصطلاحات کلیدی به‌کاررفته در این درس‌ها، همراه با تعریف‌های کوتاه.
glossary-see-also = همچنین ببینید
glossary-letters = رفتن به یک حرف

chooser-enter = ورود

not-found-title = صفحه پیدا نشد
not-found-text = این صفحه وجود ندارد. برای بازگشت به صفحهٔ آغاز، زبان خود را انتخاب کنید.

print-title = { $module } (نسخهٔ چاپی)
print-button = چاپ این ماژول
print-back = بازگشت به ماژول
print-contents = فهرست مطالب
print-answer-key = پاسخ‌نامه

progress-mark-done = این درس را به پایان رساندم
progress-done = تکمیل‌شده
progress-module = { $done } از { $total } درس تکمیل شده است

footer-note = این محتوا جنبهٔ آموزشی دارد. شرایط اهدای خون در کشورهای مختلف متفاوت است؛ همواره از دستورالعمل‌های سازمان ملی انتقال خون کشور خود پیروی کنید.

table-label = جدول
remote-asset-note = (فقط آنلاین: به اتصال اینترنت نیاز دارد)
task-done = انجام‌شده
task-open = انجام‌نشده

bundle-readme =
    { $site } — نسخهٔ آفلاین
    این پوشه یک نسخهٔ کامل از وب‌سایت است و بدون دسترسی به اینترنت کار می‌کند.
    1. کل فایل را در پوشه‌ای روی رایانه یا حافظهٔ USB خود از حالت فشرده خارج (استخراج) کنید.
    2. فایل index.html را در آن پوشه با مرورگر وب خود باز کنید (روی آن دو بار کلیک کنید).
    3. جستجو، آزمون‌ها، واژه‌نامه، چاپ و پیشرفت شما در درس‌ها همگی به‌صورت آفلاین کار می‌کنند.
    پیشرفت شما فقط در همین مرورگر و روی همین رایانه ذخیره می‌شود. هیچ اطلاعاتی به جایی ارسال نمی‌شود.
    شرایط اهدای خون در کشورهای مختلف متفاوت است؛ همواره از دستورالعمل‌های سازمان ملی انتقال خون کشور خود پیروی کنید.

outdated-notice = ممکن است این ترجمه به‌روز نباشد: صفحهٔ اصلی پس از ترجمه تغییر کرده است.
