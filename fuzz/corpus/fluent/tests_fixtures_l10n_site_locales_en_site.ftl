site-title = L10n Fixture Centre
donation-day = World Blood Donor Day is on 14 June.
hotline = Call 0800 000 000 to book a donation.
