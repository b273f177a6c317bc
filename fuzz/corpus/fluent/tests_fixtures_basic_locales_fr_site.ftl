site-title = Centre de test
