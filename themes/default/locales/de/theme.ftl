# donorbook default theme — German UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = Zum Inhalt springen
nav-main = Hauptmenü
nav-home = Startseite
nav-modules = Module
nav-glossary = Glossar
nav-search = Suche
nav-languages = Alle Sprachen
nav-breadcrumb = Brotkrümelnavigation
language-switcher = Sprache

search-label = Lektionen durchsuchen
search-placeholder = Suchen…
search-button = Suchen
search-title = Suche
search-field-label = Lektionen durchsuchen
search-results = Ergebnisse: { $count }
search-none = Keine Ergebnisse für „{ $query }“.
search-loading = Suchindex wird geladen…
search-error = Der Suchindex konnte nicht geladen werden.
search-noscript = Die Suche braucht JavaScript im Browser. Sie können stattdessen die Module oder das Glossar durchsehen:

minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
reading-time = { $minutes ->
    [one] etwa { $minutes } Minute Lesezeit
   *[other] etwa { $minutes } Minuten Lesezeit
}
lessons-count = { $count ->
    [one] { $count } Lektion
   *[other] { $count } Lektionen
}
lesson-of = Lektion { $number } von { $total }
lesson-prev = Zurück
lesson-next = Weiter
lesson-nav = Lektionen
on-this-page = Auf dieser Seite

module-objectives = Lernziele
module-audience = Zielgruppe
module-duration = Zeitbedarf
module-lessons = Lektionen
module-print = Druckversion
module-start = Mit der ersten Lektion beginnen
module-continue = Weiter mit { $lesson }

audience-donors = Blutspendende
audience-staff = Mitarbeitende des Blutspendedienstes
audience-students = Studierende
audience-volunteers = Ehrenamtliche
audience-officials = Verantwortliche in Behörden
audience-teachers = Lehrkräfte

untranslated-notice = Diese Seite ist noch nicht auf { $language } verfügbar. Sie wird auf { $original } angezeigt.

callout-fact = Fakt
callout-tip = Tipp
callout-warning = Achtung
callout-myth = Mythos

quiz-label = Wissenscheck
quiz-choose-one = Wählen Sie eine Antwort.
quiz-choose-many = Wählen Sie alle zutreffenden Antworten.
quiz-check = Antwort prüfen
quiz-correct = Richtig – gut gemacht.
quiz-incorrect = Nicht ganz. Versuchen Sie es noch einmal oder öffnen Sie „Antwort anzeigen“.
quiz-choose = Bitte wählen Sie zuerst eine Antwort.
quiz-show-answer = Antwort anzeigen
quiz-answer = Antwort:

glossary-title = Glossar
glossary-intro = Die wichtigsten Begriffe aus diesen Lektionen mit kurzen Erklärungen.
glossary-see-also = Siehe auch
glossary-letters = Zu einem Buchstaben springen

chooser-enter = Weiter

not-found-title = Seite nicht gefunden
not-found-text = Diese Seite existiert nicht. Wählen Sie Ihre Sprache, um zum Anfang zurückzukehren.

print-title = { $module } (Druckversion)
print-button = Dieses Modul drucken
print-back = Zurück zum Modul
print-contents = Inhalt
print-answer-key = Lösungen

progress-mark-done = Ich habe diese Lektion abgeschlossen
progress-done = erledigt
progress-module = { $total ->
    [one] { $done } von { $total } Lektion abgeschlossen
   *[other] { $done } von { $total } Lektionen abgeschlossen
}

footer-note = Lehrmaterial. Die Voraussetzungen für eine Blutspende unterscheiden sich von Land zu Land: Folgen Sie immer den Vorgaben Ihres nationalen Blutspendedienstes.

table-label = Tabelle
remote-asset-note = (nur online: benötigt eine Internetverbindung)
task-done = erledigt
task-open = offen

bundle-readme =
    { $site } – Offline-Kopie
    Dieser Ordner enthält eine vollständige Kopie der Website. Sie funktioniert ohne Internetzugang.
    1. Entpacken (extrahieren) Sie die gesamte Datei in einen Ordner auf Ihrem Computer oder USB-Stick.
    2. Öffnen Sie die Datei index.html in diesem Ordner mit Ihrem Webbrowser (per Doppelklick).
    3. Suche, Wissenschecks, Glossar, Druckfunktion und Ihr Lernfortschritt funktionieren auch offline.
    Ihr Fortschritt wird nur in diesem Browser auf diesem Computer gespeichert. Es werden keinerlei Daten übertragen.
    Die Voraussetzungen für eine Blutspende unterscheiden sich von Land zu Land: Folgen Sie immer den Vorgaben Ihres nationalen Blutspendedienstes.

outdated-notice = Diese Übersetzung ist möglicherweise nicht mehr aktuell: Die Originalseite wurde nach der Übersetzung geändert.
