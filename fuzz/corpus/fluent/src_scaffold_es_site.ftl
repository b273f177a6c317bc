# Textos del sitio y datos del país en español.
site-title = Centro de aprendizaje sobre donación de sangre
national-donation-day = Cada 14 de junio, el Día Mundial del Donante de Sangre agradece a las personas que donan sangre de forma voluntaria y no remunerada en todo el mundo.
# README.txt de las copias sin conexión que crea `donorbook bundle`.
bundle-readme =
    { $site }: copia sin conexión

    Esta copia funciona sin conexión a internet.

    1. Descomprima este archivo en una carpeta.
    2. Abra la carpeta y haga doble clic en index.html. Se abrirá en su navegador.

    Las lecciones, la búsqueda, las comprobaciones de conocimientos, el glosario y la impresión funcionan desde la carpeta.
    MANIFEST.txt contiene un resumen SHA-256 de cada archivo.
