hotline = Piga 0800 111 111 (Tanzania).
