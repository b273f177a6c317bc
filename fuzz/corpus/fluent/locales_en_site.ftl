# Site strings and country facts for English (the source language).
site-title = Blood Donation Learning Centre
national-donation-day = Every year on 14 June, World Blood Donor Day thanks voluntary, unpaid donors around the world. Many countries also keep a national donor day of their own.
