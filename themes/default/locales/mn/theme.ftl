# donorbook default theme — Mongolian UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = Үндсэн агуулга руу шилжих
nav-main = Үндсэн цэс
nav-home = Нүүр
nav-modules = Модулиуд
nav-glossary = Нэр томьёо
nav-search = Хайх
nav-languages = Бүх хэл
nav-breadcrumb = Навигацын зам
language-switcher = Хэл

search-label = Хичээлүүдээс хайх
search-placeholder = Хайх…
search-button = Хайх
search-title = Хайлт
search-field-label = Хичээлүүдээс хайх
search-results = Үр дүн: { $count }
search-none = «{ $query }» хайлтад тохирох үр дүн олдсонгүй.
search-loading = Хайлтын индексийг ачаалж байна…
search-error = Хайлтын индексийг ачаалж чадсангүй.
search-noscript = Хайлт хийхэд хөтөч дээр JavaScript шаардлагатай. Оронд нь модулиуд эсвэл нэр томьёоны тайлбарыг үзнэ үү:

minutes = { $count ->
    [one] { $count } минут
   *[other] { $count } минут
}
reading-time = { $minutes ->
    [one] унших хугацаа ойролцоогоор { $minutes } минут
   *[other] унших хугацаа ойролцоогоор { $minutes } минут
}
lessons-count = { $count ->
    [one] { $count } хичээл
   *[other] { $count } хичээл
}
lesson-of = Хичээл { $number }/{ $total }
lesson-prev = Өмнөх
lesson-next = Дараах
lesson-nav = Хичээлүүд
on-this-page = Энэ хуудсанд

module-objectives = Сургалтын зорилго
module-audience = Зорилтот бүлэг
module-duration = Шаардагдах хугацаа
module-lessons = Хичээлүүд
module-print = Хэвлэх хувилбар
module-start = Эхний хичээлийг эхлүүлэх
module-continue = Үргэлжлүүлэх: { $lesson }

audience-donors = цусны донорууд
audience-staff = цус сэлбэлтийн байгууллагын ажилтнууд
audience-students = оюутнууд
audience-volunteers = сайн дурынхан
audience-officials = албан тушаалтнууд
audience-teachers = багш нар

untranslated-notice = Энэ хуудас { $language } хэл дээр хараахан гараагүй байна. { $original } хувилбараар нь харуулж байна.

callout-fact = Баримт
callout-tip = Зөвлөгөө
callout-warning = Анхааруулга
callout-myth = Буруу ойлголт

quiz-label = Мэдлэгээ шалгах
quiz-choose-one = Нэг хариулт сонгоно уу.
quiz-choose-many = Тохирох бүх хариултыг сонгоно уу.
quiz-check = Хариултаа шалгах
quiz-correct = Зөв байна. Сайн байна!
quiz-incorrect = Бүрэн зөв биш байна. Дахин оролдох эсвэл «Хариултыг харах» товчийг дарна уу.
quiz-choose = Эхлээд хариултаа сонгоно уу.
quiz-show-answer = Хариултыг харах
quiz-answer = Хариулт:

glossary-title = Нэр томьёоны тайлбар толь
glossary-intro = Эдгээр хичээлд хэрэглэсэн гол нэр томьёо, товч тайлбарын хамт.
glossary-see-also = Мөн үзэх
glossary-letters = Үсгээр шилжих

chooser-enter = Орох

not-found-title = Хуудас олдсонгүй
not-found-text = Энэ хуудас байхгүй байна. Эхлэл рүү буцахын тулд хэлээ сонгоно уу.

print-title = { $module } (хэвлэх хувилбар)
print-button = Энэ модулийг хэвлэх
print-back = Модуль руу буцах
print-contents = Гарчиг
print-answer-key = Зөв хариултууд

progress-mark-done = Би энэ хичээлийг дуусгасан
progress-done = дууссан
progress-module = Дууссан хичээл: { $done }/{ $total }

footer-note = Сургалтын материал. Цус өгөх шалгуур улс орон бүрт өөр өөр байдаг тул өөрийн улсын цус сэлбэлтийн үндэсний байгууллагын зааврыг үргэлж дагана уу.

table-label = Хүснэгт
remote-asset-note = (зөвхөн онлайн: интернэт холболт шаардлагатай)
task-done = дууссан
task-open = дуусаагүй

bundle-readme =
    { $site } — офлайн хуулбар
    Энэ хавтсанд вэб сайтын бүрэн хуулбар байгаа бөгөөд интернэт холболтгүйгээр ажиллана.
    1. Файлыг бүхэлд нь компьютер эсвэл USB флаш санах ой дээрх хавтас руу задална уу.
    2. Тухайн хавтас дахь index.html файлыг вэб хөтчөөрөө нээнэ үү (файл дээр хоёр удаа дарна уу).
    3. Хайлт, мэдлэг шалгах асуултууд, нэр томьёоны тайлбар толь, хэвлэх үйлдэл болон хичээлийн явц бүгд интернэтгүйгээр ажиллана.
    Таны хичээлийн явц зөвхөн энэ компьютерийн энэ хөтөчид хадгалагдана. Ямар ч мэдээлэл хаашаа ч илгээгдэхгүй.
    Цус өгөх шалгуур улс орон бүрт өөр өөр байдаг тул өөрийн улсын цус сэлбэлтийн үндэсний байгууллагын зааврыг үргэлж дагана уу.

outdated-notice = Энэ орчуулга хуучирсан байж магадгүй: эх хуудсыг орчуулсны дараа өөрчилсөн.
