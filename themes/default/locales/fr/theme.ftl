# donorbook default theme — French UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = Aller au contenu
nav-main = Menu principal
nav-home = Accueil
nav-modules = Modules
nav-glossary = Glossaire
nav-search = Rechercher
nav-languages = Toutes les langues
nav-breadcrumb = Fil d’Ariane
language-switcher = Langue

search-label = Rechercher dans les leçons
search-placeholder = Rechercher…
search-button = Rechercher
search-title = Recherche
search-field-label = Rechercher dans les leçons
search-results = Résultats : { $count }
search-none = Aucun résultat pour « { $query } ».
search-loading = Chargement de l’index de recherche…
search-error = Impossible de charger l’index de recherche.
search-noscript = La recherche a besoin de JavaScript dans le navigateur. Vous pouvez parcourir les modules ou le glossaire à la place :

minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
reading-time = { $minutes ->
    [one] environ { $minutes } minute de lecture
   *[other] environ { $minutes } minutes de lecture
}
lessons-count = { $count ->
    [one] { $count } leçon
   *[other] { $count } leçons
}
lesson-of = Leçon { $number } sur { $total }
lesson-prev = Précédent
lesson-next = Suivant
lesson-nav = Leçons
on-this-page = Sur cette page

module-objectives = Objectifs d’apprentissage
module-audience = Public
module-duration = Durée
module-lessons = Leçons
module-print = Version imprimable
module-start = Commencer la première leçon
module-continue = Continuer avec { $lesson }

audience-donors = donneurs
audience-staff = personnel des services de transfusion sanguine
audience-students = étudiants
audience-volunteers = bénévoles
audience-officials = responsables publics
audience-teachers = enseignants

untranslated-notice = Cette page n’est pas encore disponible en { $language }. Elle est affichée en { $original }.

callout-fact = Fait
callout-tip = Conseil
callout-warning = Attention
callout-myth = Idée reçue

quiz-label = Vérifiez vos connaissances
quiz-choose-one = Choisissez une réponse.
quiz-choose-many = Choisissez toutes les réponses qui conviennent.
quiz-check = Vérifier ma réponse
quiz-correct = Bonne réponse, bravo.
quiz-incorrect = Pas tout à fait. Réessayez ou ouvrez « Afficher la réponse ».
quiz-choose = Veuillez d’abord choisir une réponse.
quiz-show-answer = Afficher la réponse
quiz-answer = Réponse :

glossary-title = Glossaire
glossary-intro = Les termes clés utilisés dans ces leçons, avec de courtes définitions.
glossary-see-also = Voir aussi
glossary-letters = Aller à une lettre

chooser-enter = Entrer

not-found-title = Page introuvable
not-found-text = Cette page n’existe pas. Choisissez votre langue pour revenir à l’accueil.

print-title = { $module } (version imprimable)
print-button = Imprimer ce module
print-back = Retour au module
print-contents = Sommaire
print-answer-key = Corrigé

progress-mark-done = J’ai terminé cette leçon
progress-done = terminée
progress-module = Leçons terminées : { $done } sur { $total }

footer-note = Contenu pédagogique. Les critères pour donner son sang varient d’un pays à l’autre : suivez toujours les consignes de l’établissement national de transfusion sanguine de votre pays.

table-label = Tableau
remote-asset-note = (en ligne uniquement : nécessite une connexion Internet)
task-done = fait
task-open = à faire

bundle-readme =
    { $site } — copie hors ligne
    Ce dossier contient une copie complète du site web, qui fonctionne sans connexion à Internet.
    1. Décompressez (extrayez) l’intégralité du fichier dans un dossier de votre ordinateur ou de votre clé USB.
    2. Ouvrez le fichier index.html de ce dossier avec votre navigateur web (double-cliquez dessus).
    3. La recherche, les quiz, le glossaire, l’impression et votre progression dans les leçons fonctionnent tous hors ligne.
    Votre progression est enregistrée uniquement dans ce navigateur, sur cet ordinateur. Aucune donnée n’est envoyée nulle part.
    Les critères pour donner son sang varient d’un pays à l’autre : suivez toujours les consignes de l’établissement national de transfusion sanguine de votre pays.

outdated-notice = Cette traduction n’est peut-être plus à jour : la page originale a été modifiée après sa traduction.
