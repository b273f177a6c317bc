# Textos del sitio y datos del país para el español (variante neutra latinoamericana).
site-title = Centro de Aprendizaje sobre Donación de Sangre
national-donation-day = Cada 14 de junio, el Día Mundial del Donante de Sangre rinde homenaje y agradece a las personas de todo el mundo que donan sangre de forma voluntaria y no remunerada; muchos países celebran además su propio día nacional del donante.
