# donorbook default theme — Arabic UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = انتقل إلى المحتوى
nav-main = القائمة الرئيسية
nav-home = الرئيسية
nav-modules = الوحدات
nav-glossary = مسرد المصطلحات
nav-search = البحث
nav-languages = جميع اللغات
nav-breadcrumb = مسار التنقل
language-switcher = اللغة

search-label = ابحث في الدروس
search-placeholder = ابحث…
search-button = بحث
search-title = البحث
search-field-label = ابحث في الدروس
search-results = النتائج: { $count }
search-none = لا توجد نتائج عن «{ $query }».
search-loading = جارٍ تحميل فهرس البحث…
search-error = تعذّر تحميل فهرس البحث.
search-noscript = يحتاج البحث إلى تفعيل JavaScript في المتصفح. يمكنك بدلًا من ذلك تصفّح الوحدات أو المسرد:

minutes = { $count ->
    [zero] { $count } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $count } دقائق
    [many] { $count } دقيقة
   *[other] { $count } دقيقة
}
reading-time = { $minutes ->
    [zero] مدة القراءة: { $minutes } دقيقة تقريبًا
    [one] مدة القراءة: دقيقة واحدة تقريبًا
    [two] مدة القراءة: دقيقتان تقريبًا
    [few] مدة القراءة: { $minutes } دقائق تقريبًا
    [many] مدة القراءة: { $minutes } دقيقة تقريبًا
   *[other] مدة القراءة: { $minutes } دقيقة تقريبًا
}
lessons-count = { $count ->
    [zero] { $count } درس
    [one] درس واحد
    [two] درسان
    [few] { $count } دروس
    [many] { $count } درسًا
   *[other] { $count } درس
}
lesson-of = الدرس { $number } من { $total }
lesson-prev = السابق
lesson-next = التالي
lesson-nav = الدروس
on-this-page = في هذه الصفحة

module-objectives = أهداف التعلّم
module-audience = الفئة المستهدفة
module-duration = المدة اللازمة
module-lessons = الدروس
module-print = نسخة للطباعة
module-start = ابدأ الدرس الأول
module-continue = تابع مع: { $lesson }

audience-donors = المتبرعون بالدم
audience-staff = العاملون في خدمات نقل الدم
audience-students = الطلاب
audience-volunteers = المتطوعون
audience-officials = المسؤولون
audience-teachers = المعلمون

untranslated-notice = هذه الصفحة غير متاحة بعدُ باللغة { $language }، لذا تُعرض باللغة { $original }.

callout-fact = حقيقة
callout-tip = نصيحة
callout-warning = تحذير
callout-myth = خرافة

quiz-label = اختبر معلوماتك
quiz-choose-one = اختر إجابة واحدة.
quiz-choose-many = اختر كل الإجابات الصحيحة.
quiz-check = تحقّق من إجابتي
quiz-correct = إجابة صحيحة، أحسنت.
quiz-incorrect = ليست صحيحة تمامًا. حاول مرة أخرى، أو افتح «إظهار الإجابة».
quiz-choose = يُرجى اختيار إجابة أولًا.
quiz-show-answer = إظهار الإجابة
quiz-answer = الإجابة:

glossary-title = مسرد المصطلحات
glossary-intro = المصطلحات الأساسية المستخدمة في هذه الدروس، مع تعريفات موجزة.
glossary-see-also = انظر أيضًا
glossary-letters = انتقل إلى حرف

chooser-enter = دخول

not-found-title = الصفحة غير موجودة
not-found-text = هذه الصفحة غير موجودة. اختر لغتك للعودة إلى البداية.

print-title = { $module } (نسخة للطباعة)
print-button = اطبع هذه الوحدة
print-back = العودة إلى الوحدة
print-contents = المحتويات
print-answer-key = مفتاح الإجابات

progress-mark-done = أنهيت هذا الدرس
progress-done = مكتمل
progress-module = الدروس المكتملة: { $done } من { $total }

footer-note = مادة تعليمية. تختلف شروط التبرع بالدم من بلد إلى آخر، لذا اتبع دائمًا تعليمات الجهة الوطنية لخدمات نقل الدم في بلدك.

table-label = جدول
remote-asset-note = (عبر الإنترنت فقط: يتطلب اتصالًا بالإنترنت)
task-done = منجز
task-open = غير منجز

bundle-readme =
    { $site } — نسخة للاستخدام دون اتصال
    يحتوي هذا المجلد على نسخة كاملة من الموقع الإلكتروني، وهي تعمل دون الحاجة إلى الاتصال بالإنترنت.
    1. فُكَّ ضغط الملف بالكامل (استخرج محتواه) إلى مجلد على حاسوبك أو على ذاكرة USB.
    2. افتح الملف index.html الموجود في ذلك المجلد باستخدام متصفح الويب (انقر عليه نقرًا مزدوجًا).
    3. البحث والاختبارات ومسرد المصطلحات والطباعة وتقدّمك في الدروس، كلها تعمل دون اتصال بالإنترنت.
    يُحفظ تقدّمك في هذا المتصفح على هذا الحاسوب فقط، ولا يُرسَل أي شيء إلى أي جهة.
    تختلف شروط التبرع بالدم من بلد إلى آخر، لذا اتبع دائمًا تعليمات الجهة الوطنية لخدمات نقل الدم في بلدك.

outdated-notice = قد لا تكون هذه الترجمة محدَّثة: فقد تغيّرت الصفحة الأصلية بعد ترجمتها.
