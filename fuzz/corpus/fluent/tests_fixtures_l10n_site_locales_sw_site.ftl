site-title = Kituo cha Majaribio
donation-day = Siku ya Wachangiaji Damu Duniani ni tarehe 14 Juni.
hotline = Piga 0800 000 000.
