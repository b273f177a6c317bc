# Taarifa za nchi kwa Kiswahili cha Tanzania.
national-donation-day = Kila mwaka tarehe 14 Juni, Tanzania huungana na dunia kuadhimisha Siku ya Wachangiaji Damu Duniani na kuwashukuru wachangiaji damu wa hiari wasiolipwa; nchini Tanzania, uchangiaji damu huratibiwa na Mpango wa Taifa wa Damu Salama (NBTS).
