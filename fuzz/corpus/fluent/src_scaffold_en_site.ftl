# Site strings and country facts in English (the source language).
site-title = Blood Donation Learning Centre
national-donation-day = Every year on 14 June, World Blood Donor Day thanks the voluntary, unpaid donors who give blood around the world.
# README.txt of the offline zips made by `donorbook bundle`.
bundle-readme =
    { $site } — offline copy

    This copy works without an internet connection.

    1. Unzip this file into a folder.
    2. Open the folder and double-click index.html. It opens in your web browser.

    The lessons, search, knowledge checks, glossary and printing all work from the folder.
    MANIFEST.txt lists a SHA-256 digest of every file.
