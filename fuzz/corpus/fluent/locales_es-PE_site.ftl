# Datos del país para el español del Perú (solo lo que difiere del español general).
national-donation-day = Cada 14 de junio, el Perú se suma al Día Mundial del Donante de Sangre para agradecer a quienes donan de forma voluntaria y no remunerada; para saber si usted puede donar, siga los criterios del Programa Nacional de Hemoterapia y Bancos de Sangre (PRONAHEBAS) del Ministerio de Salud.
