site-title = Centre d’essai
