# donorbook default theme — Indonesian UI strings.
# Translators: keep the message ids (left of "=") and the { $variables } exactly as they are.

skip-to-content = Langsung ke konten
nav-main = Menu utama
nav-home = Beranda
nav-modules = Modul
nav-glossary = Glosarium
nav-search = Cari
nav-languages = Semua bahasa
nav-breadcrumb = Jejak navigasi
language-switcher = Bahasa

search-label = Cari di pelajaran
search-placeholder = Cari…
search-button = Cari
search-title = Pencarian
search-field-label = Cari di pelajaran
search-results = Hasil: { $count }
search-none = Tidak ada hasil untuk “{ $query }”.
search-loading = Memuat indeks pencarian…
search-error = Indeks pencarian tidak dapat dimuat.
search-noscript = Pencarian memerlukan JavaScript di peramban Anda. Sebagai gantinya, Anda dapat menelusuri modul atau glosarium:

minutes = { $count } menit
reading-time = sekitar { $minutes } menit waktu baca
lessons-count = { $count } pelajaran
lesson-of = Pelajaran { $number } dari { $total }
lesson-prev = Sebelumnya
lesson-next = Berikutnya
lesson-nav = Pelajaran
on-this-page = Di halaman ini

module-objectives = Tujuan pembelajaran
module-audience = Untuk
module-duration = Waktu yang diperlukan
module-lessons = Pelajaran
module-print = Versi cetak
module-start = Mulai pelajaran pertama
module-continue = Lanjutkan dengan { $lesson }

audience-donors = pendonor
audience-staff = petugas layanan darah
audience-students = pelajar dan mahasiswa
audience-volunteers = relawan
audience-officials = pejabat pemerintah
audience-teachers = guru

untranslated-notice = Halaman ini belum tersedia dalam { $language }. Halaman ditampilkan dalam { $original }.

callout-fact = Fakta
callout-tip = Tips
callout-warning = Peringatan
callout-myth = Mitos

quiz-label = Uji pemahaman
quiz-choose-one = Pilih satu jawaban.
quiz-choose-many = Pilih semua jawaban yang sesuai.
quiz-check = Periksa jawaban saya
quiz-correct = Benar — bagus sekali.
quiz-incorrect = Belum tepat. Coba lagi, atau buka “Tampilkan jawaban”.
quiz-choose = Silakan pilih jawaban terlebih dahulu.
quiz-show-answer = Tampilkan jawaban
quiz-answer = Jawaban:

glossary-title = Glosarium
glossary-intro = Istilah-istilah penting yang digunakan dalam pelajaran ini, beserta definisi singkatnya.
glossary-see-also = Lihat juga
glossary-letters = Lompat ke huruf

chooser-enter = Masuk

not-found-title = Halaman tidak ditemukan
not-found-text = Halaman ini tidak ada. Pilih bahasa Anda untuk kembali ke awal.

print-title = { $module } (versi cetak)
print-button = Cetak modul ini
print-back = Kembali ke modul
print-contents = Daftar isi
print-answer-key = Kunci jawaban

progress-mark-done = Saya sudah menyelesaikan pelajaran ini
progress-done = selesai
progress-module = { $done } dari { $total } pelajaran selesai

footer-note = Materi edukasi. Persyaratan donor darah berbeda-beda di setiap negara: selalu ikuti ketentuan layanan transfusi darah nasional di negara Anda.

table-label = Tabel
remote-asset-note = (hanya daring: memerlukan koneksi internet)
task-done = selesai
task-open = belum selesai

bundle-readme =
    { $site } — salinan luring
    Folder ini berisi salinan lengkap situs web. Salinan ini dapat digunakan tanpa akses internet.
    1. Ekstrak (buka kompresi) seluruh file ke dalam sebuah folder di komputer atau flashdisk USB Anda.
    2. Buka file index.html di folder tersebut dengan peramban web Anda (klik dua kali pada file tersebut).
    3. Pencarian, kuis, glosarium, fitur cetak, dan kemajuan belajar Anda semuanya berfungsi secara luring.
    Kemajuan Anda hanya disimpan di peramban ini pada komputer ini. Tidak ada data yang dikirim ke mana pun.
    Persyaratan donor darah berbeda-beda di setiap negara: selalu ikuti ketentuan layanan transfusi darah nasional di negara Anda.

outdated-notice = Terjemahan ini mungkin belum diperbarui: halaman aslinya telah diubah setelah diterjemahkan.
