site-title = Centre de test
donation-day = La Journée mondiale du donneur de sang a lieu le 14 juin.
old-slogan = Ancien slogan, plus utilisé.
