# Maandishi ya tovuti na taarifa za nchi kwa Kiswahili.
site-title = Kituo cha Mafunzo kuhusu Uchangiaji Damu
national-donation-day = Kila mwaka tarehe 14 Juni, Siku ya Wachangiaji Damu Duniani huwashukuru wachangiaji damu wa hiari wasiolipwa duniani kote.
