# donorbook default theme — English UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = Skip to content
nav-main = Main
nav-home = Home
nav-modules = Modules
nav-glossary = Glossary
nav-search = Search
nav-languages = All languages
nav-breadcrumb = Breadcrumb
language-switcher = Language

search-label = Search the lessons
search-placeholder = Search…
search-button = Search
search-title = Search
search-field-label = Search the lessons
search-results = Results: { $count }
search-none = No results for “{ $query }”.
search-loading = Loading the search index…
search-error = The search index could not be loaded.
search-noscript = Search needs JavaScript in your browser. You can browse the modules or the glossary instead:

minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
reading-time = { $minutes ->
    [one] about { $minutes } minute to read
   *[other] about { $minutes } minutes to read
}
lessons-count = { $count ->
    [one] { $count } lesson
   *[other] { $count } lessons
}
lesson-of = Lesson { $number } of { $total }
lesson-prev = Previous
lesson-next = Next
lesson-nav = Lessons
on-this-page = On this page

module-objectives = Learning objectives
module-audience = For
module-duration = Time needed
module-lessons = Lessons
module-print = Printable version
module-start = Start the first lesson
module-continue = Continue with { $lesson }

audience-donors = donors
audience-staff = blood service staff
audience-students = students
audience-volunteers = volunteers
audience-officials = officials
audience-teachers = teachers

untranslated-notice = This page is not yet available in { $language }. It is shown in { $original }.

callout-fact = Fact
callout-tip = Tip
callout-warning = Warning
callout-myth = Myth

quiz-label = Knowledge check
quiz-choose-one = Choose one answer.
quiz-choose-many = Choose every answer that applies.
quiz-check = Check my answer
quiz-correct = Correct — well done.
quiz-incorrect = Not quite. Try again, or open “Show the answer”.
quiz-choose = Please choose an answer first.
quiz-show-answer = Show the answer
quiz-answer = Answer:

glossary-title = Glossary
glossary-intro = The key terms used in these lessons, with short definitions.
glossary-see-also = See also
glossary-letters = Jump to a letter

chooser-enter = Enter

not-found-title = Page not found
not-found-text = This page does not exist. Choose your language to go back to the start.

print-title = { $module } (printable)
print-button = Print this module
print-back = Back to the module
print-contents = Contents
print-answer-key = Answer key

progress-mark-done = I have finished this lesson
progress-done = done
progress-module = { $total ->
    [one] { $done } of { $total } lesson done
   *[other] { $done } of { $total } lessons done
}

footer-note = Educational material. Eligibility rules differ from country to country: always follow your national blood service.

table-label = Table
remote-asset-note = (online only: needs an internet connection)
task-done = done
task-open = not done

bundle-readme =
    { $site } — offline copy
    This folder is a complete copy of the website. It works without internet access.
    1. Unzip (extract) the whole file into a folder on your computer or USB stick.
    2. Open the file index.html in that folder with your web browser (double-click it).
    3. Search, quizzes, the glossary, printing and your lesson progress all work offline.
    Your progress is saved only in this browser on this computer. Nothing is sent anywhere.
    Eligibility rules for blood donation differ from country to country: always follow your national blood service.

outdated-notice = This translation may be out of date: the original page was changed after it was translated.
