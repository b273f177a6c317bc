# donorbook default theme — Swahili UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = Ruka hadi maudhui
nav-main = Menyu kuu
nav-home = Mwanzo
nav-modules = Moduli
nav-glossary = Faharasa
nav-search = Tafuta
nav-languages = Lugha zote
nav-breadcrumb = Njia ya urambazaji
language-switcher = Lugha

search-label = Tafuta katika masomo
search-placeholder = Tafuta…
search-button = Tafuta
search-title = Utafutaji
search-field-label = Tafuta katika masomo
search-results = Matokeo: { $count }
search-none = Hakuna matokeo ya “{ $query }”.
search-loading = Inapakia kielezo cha utafutaji…
search-error = Kielezo cha utafutaji hakikuweza kupakiwa.
search-noscript = Utafutaji unahitaji JavaScript kwenye kivinjari chako. Badala yake, unaweza kupitia moduli au faharasa:

minutes = { $count ->
    [one] dakika { $count }
   *[other] dakika { $count }
}
reading-time = { $minutes ->
    [one] takriban dakika { $minutes } ya kusoma
   *[other] takriban dakika { $minutes } za kusoma
}
lessons-count = { $count ->
    [one] somo { $count }
   *[other] masomo { $count }
}
lesson-of = Somo { $number } kati ya { $total }
lesson-prev = Lililotangulia
lesson-next = Linalofuata
lesson-nav = Masomo
on-this-page = Katika ukurasa huu

module-objectives = Malengo ya kujifunza
module-audience = Walengwa
module-duration = Muda unaohitajika
module-lessons = Masomo
module-print = Toleo la kuchapisha
module-start = Anza somo la kwanza
module-continue = Endelea na { $lesson }

audience-donors = wachangiaji damu
audience-staff = wafanyakazi wa huduma ya damu
audience-students = wanafunzi
audience-volunteers = wanaojitolea
audience-officials = maafisa
audience-teachers = walimu

untranslated-notice = Ukurasa huu bado haupatikani kwa { $language }. Unaonyeshwa kwa { $original }.

callout-fact = Ukweli
callout-tip = Kidokezo
callout-warning = Tahadhari
callout-myth = Dhana potofu

quiz-label = Pima uelewa wako
quiz-choose-one = Chagua jibu moja.
quiz-choose-many = Chagua majibu yote yanayofaa.
quiz-check = Angalia jibu langu
quiz-correct = Sahihi — hongera.
quiz-incorrect = Si sahihi kabisa. Jaribu tena, au fungua “Onyesha jibu”.
quiz-choose = Tafadhali chagua jibu kwanza.
quiz-show-answer = Onyesha jibu
quiz-answer = Jibu:

glossary-title = Faharasa
glossary-intro = Istilahi muhimu zinazotumika katika masomo haya, pamoja na maelezo mafupi.
glossary-see-also = Tazama pia
glossary-letters = Nenda kwenye herufi

chooser-enter = Ingia

not-found-title = Ukurasa haukupatikana
not-found-text = Ukurasa huu haupo. Chagua lugha yako ili urudi mwanzo.

print-title = { $module } (toleo la kuchapisha)
print-button = Chapisha moduli hii
print-back = Rudi kwenye moduli
print-contents = Yaliyomo
print-answer-key = Majibu

progress-mark-done = Nimemaliza somo hili
progress-done = limekamilika
progress-module = Masomo yaliyokamilika: { $done } kati ya { $total }

footer-note = Maudhui ya kielimu. Vigezo vya kuchangia damu hutofautiana kati ya nchi na nchi: daima fuata maelekezo ya huduma ya taifa ya damu ya nchi yako.

table-label = Jedwali
remote-asset-note = (mtandaoni tu: inahitaji muunganisho wa intaneti)
task-done = imekamilika
task-open = haijakamilika

bundle-readme =
    { $site } — nakala ya kutumia bila mtandao
    Folda hii ina nakala kamili ya tovuti. Inafanya kazi bila muunganisho wa intaneti.
    1. Toa (extract) maudhui yote ya faili la zip kwenye folda katika kompyuta yako au kifaa chako cha USB.
    2. Fungua faili index.html lililo kwenye folda hiyo kwa kivinjari chako cha wavuti (bofya mara mbili juu yake).
    3. Utafutaji, maswali ya kujipima, faharasa, uchapishaji na maendeleo yako ya masomo vyote vinafanya kazi bila intaneti.
    Maendeleo yako yanahifadhiwa katika kivinjari hiki kwenye kompyuta hii pekee. Hakuna taarifa yoyote inayotumwa mahali popote.
    Vigezo vya kuchangia damu hutofautiana kati ya nchi na nchi: daima fuata maelekezo ya huduma ya taifa ya damu ya nchi yako.

outdated-notice = Tafsiri hii huenda haijasasishwa: ukurasa asili ulibadilishwa baada ya kutafsiriwa.
