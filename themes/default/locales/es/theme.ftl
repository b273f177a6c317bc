# donorbook default theme — Spanish UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = Saltar al contenido
nav-main = Menú principal
nav-home = Inicio
nav-modules = Módulos
nav-glossary = Glosario
nav-search = Buscar
nav-languages = Todos los idiomas
nav-breadcrumb = Ruta de navegación
language-switcher = Idioma

search-label = Buscar en las lecciones
search-placeholder = Buscar…
search-button = Buscar
search-title = Búsqueda
search-field-label = Buscar en las lecciones
search-results = Resultados: { $count }
search-none = No hay resultados para «{ $query }».
search-loading = Cargando el índice de búsqueda…
search-error = No se pudo cargar el índice de búsqueda.
search-noscript = La búsqueda necesita JavaScript en el navegador. En su lugar, puede consultar los módulos o el glosario:

minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
reading-time = { $minutes ->
    [one] aproximadamente { $minutes } minuto de lectura
   *[other] unos { $minutes } minutos de lectura
}
lessons-count = { $count ->
    [one] { $count } lección
   *[other] { $count } lecciones
}
lesson-of = Lección { $number } de { $total }
lesson-prev = Anterior
lesson-next = Siguiente
lesson-nav = Lecciones
on-this-page = En esta página

module-objectives = Objetivos de aprendizaje
module-audience = Dirigido a
module-duration = Duración
module-lessons = Lecciones
module-print = Versión para imprimir
module-start = Comenzar la primera lección
module-continue = Continuar con { $lesson }

audience-donors = donantes
audience-staff = personal de los servicios de sangre
audience-students = estudiantes
audience-volunteers = voluntarios
audience-officials = responsables públicos
audience-teachers = docentes

untranslated-notice = Esta página aún no está disponible en { $language }. Se muestra en { $original }.

callout-fact = Dato
callout-tip = Consejo
callout-warning = Atención
callout-myth = Mito

quiz-label = Compruebe lo aprendido
quiz-choose-one = Elija una respuesta.
quiz-choose-many = Elija todas las respuestas correctas.
quiz-check = Comprobar mi respuesta
quiz-correct = Correcto. ¡Muy bien!
quiz-incorrect = No del todo. Vuelva a intentarlo o abra «Mostrar la respuesta».
quiz-choose = Primero elija una respuesta.
quiz-show-answer = Mostrar la respuesta
quiz-answer = Respuesta:

glossary-title = Glosario
glossary-intro = Los términos clave que se usan en estas lecciones, con definiciones breves.
glossary-see-also = Véase también
glossary-letters = Ir a una letra

chooser-enter = Entrar

not-found-title = Página no encontrada
not-found-text = Esta página no existe. Elija su idioma para volver al inicio.

print-title = { $module } (versión para imprimir)
print-button = Imprimir este módulo
print-back = Volver al módulo
print-contents = Índice
print-answer-key = Soluciones

progress-mark-done = He terminado esta lección
progress-done = completada
progress-module = { $total ->
    [one] { $done } de { $total } lección completada
   *[other] { $done } de { $total } lecciones completadas
}

footer-note = Material educativo. Los requisitos para donar sangre varían de un país a otro: siga siempre las indicaciones del servicio nacional de sangre de su país.

table-label = Tabla
remote-asset-note = (solo en línea: necesita conexión a internet)
task-done = hecho
task-open = pendiente

bundle-readme =
    { $site } — copia sin conexión
    Esta carpeta contiene una copia completa del sitio web, que funciona sin acceso a internet.
    1. Descomprima (extraiga) todo el archivo en una carpeta de su ordenador o memoria USB.
    2. Abra el archivo index.html de esa carpeta con su navegador web (haga doble clic en él).
    3. La búsqueda, los cuestionarios, el glosario, la impresión y su progreso en las lecciones funcionan sin conexión.
    Su progreso se guarda solo en este navegador de este ordenador. No se envía nada a ninguna parte.
    Los requisitos para donar sangre varían de un país a otro: siga siempre las indicaciones del servicio nacional de sangre de su país.

outdated-notice = Es posible que esta traducción no esté actualizada: la página original cambió después de traducirse.
