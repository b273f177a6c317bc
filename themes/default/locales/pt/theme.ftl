# donorbook default theme — Portuguese UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = Ir para o conteúdo
nav-main = Menu principal
nav-home = Início
nav-modules = Módulos
nav-glossary = Glossário
nav-search = Pesquisar
nav-languages = Todos os idiomas
nav-breadcrumb = Caminho de navegação
language-switcher = Idioma

search-label = Pesquisar nas lições
search-placeholder = Pesquisar…
search-button = Pesquisar
search-title = Pesquisa
search-field-label = Pesquisar nas lições
search-results = Resultados: { $count }
search-none = Nenhum resultado para “{ $query }”.
search-loading = Carregando o índice de pesquisa…
search-error = Não foi possível carregar o índice de pesquisa.
search-noscript = A pesquisa precisa de JavaScript no navegador. Em vez disso, pode consultar os módulos ou o glossário:

minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
reading-time = { $minutes ->
    [one] cerca de { $minutes } minuto de leitura
   *[other] cerca de { $minutes } minutos de leitura
}
lessons-count = { $count ->
    [one] { $count } lição
   *[other] { $count } lições
}
lesson-of = Lição { $number } de { $total }
lesson-prev = Anterior
lesson-next = Próxima
lesson-nav = Lições
on-this-page = Nesta página

module-objectives = Objetivos de aprendizagem
module-audience = Público
module-duration = Duração
module-lessons = Lições
module-print = Versão para impressão
module-start = Começar a primeira lição
module-continue = Continuar com { $lesson }

audience-donors = doadores
audience-staff = profissionais dos serviços de sangue
audience-students = estudantes
audience-volunteers = voluntários
audience-officials = gestores públicos
audience-teachers = professores

untranslated-notice = Esta página ainda não está disponível em { $language }. Ela é exibida em { $original }.

callout-fact = Fato
callout-tip = Dica
callout-warning = Atenção
callout-myth = Mito

quiz-label = Teste de conhecimentos
quiz-choose-one = Escolha uma resposta.
quiz-choose-many = Escolha todas as respostas que se aplicam.
quiz-check = Verificar minha resposta
quiz-correct = Correto — muito bem.
quiz-incorrect = Ainda não. Tente novamente ou abra “Mostrar a resposta”.
quiz-choose = Escolha uma resposta primeiro.
quiz-show-answer = Mostrar a resposta
quiz-answer = Resposta:

glossary-title = Glossário
glossary-intro = Os principais termos usados nestas lições, com definições curtas.
glossary-see-also = Veja também
glossary-letters = Ir para uma letra

chooser-enter = Entrar

not-found-title = Página não encontrada
not-found-text = Esta página não existe. Escolha seu idioma para voltar ao início.

print-title = { $module } (versão para impressão)
print-button = Imprimir este módulo
print-back = Voltar ao módulo
print-contents = Sumário
print-answer-key = Gabarito

progress-mark-done = Concluí esta lição
progress-done = concluída
progress-module = { $total ->
    [one] { $done } de { $total } lição concluída
   *[other] { $done } de { $total } lições concluídas
}

footer-note = Material educativo. Os critérios para doar sangue variam de país para país: siga sempre as orientações do serviço de sangue do seu país.

table-label = Tabela
remote-asset-note = (apenas online: requer conexão à internet)
task-done = concluído
task-open = pendente

bundle-readme =
    { $site } — cópia off-line
    Esta pasta contém uma cópia completa do site, que funciona sem acesso à internet.
    1. Descompacte (extraia) o arquivo inteiro em uma pasta do seu computador ou pen drive.
    2. Abra o arquivo index.html dessa pasta no seu navegador (clique duas vezes nele).
    3. A pesquisa, os testes, o glossário, a impressão e o seu progresso nas lições funcionam sem conexão.
    O seu progresso fica salvo somente neste navegador, neste computador. Nada é enviado para lugar nenhum.
    Os critérios para doar sangue variam de país para país: siga sempre as orientações do serviço de sangue do seu país.

outdated-notice = Esta tradução pode estar desatualizada: a página original foi alterada depois de traduzida.
