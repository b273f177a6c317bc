# Teks situs dan fakta negara dalam bahasa Indonesia.
site-title = Pusat Pembelajaran Donor Darah
national-donation-day = Setiap tahun pada tanggal 14 Juni, Hari Donor Darah Sedunia menyampaikan terima kasih kepada para pendonor darah sukarela tanpa bayaran di seluruh dunia; di Indonesia, donor darah diselenggarakan oleh Palang Merah Indonesia (PMI).
