"""Every rule pokin-xl knows: a stable code, a default severity, an Indonesian title and why.

Codes never change meaning; a retired rule keeps its code unused. Prefixes: B reading, H hierarchy,
T targets, S statements, O owners, N nomenclature, P budget, D documents, R reconciliation,
L across agencies.

Vocabulary, like the rest of model/: the checks raise findings of these rules
(checks.catalogue.finding), the writers show their titles.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    code: str
    severity: str
    title: str
    rationale: str


_RULES = [
    # Reading
    Rule(
        "B001",
        "error",
        "Tingkat tidak dikenal",
        "Tanpa tingkat yang jelas, posisi sasaran dalam cascading tidak dapat ditentukan.",
    ),
    Rule(
        "B002",
        "error",
        "Pagu tidak dapat dibaca",
        "Pagu harus berupa angka rupiah agar dapat dijumlahkan dan direkonsiliasi.",
    ),
    Rule(
        "B003",
        "warning",
        "Jenis Jabatan tidak dikenal",
        "Kesesuaian jabatan dengan tingkat sasaran hanya dapat diperiksa untuk jenis jabatan yang dikenal.",
    ),
    Rule(
        "B004",
        "warning",
        "Sasaran tanpa indikator",
        "Setiap sasaran harus terukur melalui sedikitnya satu indikator (PermenPANRB 88/2021).",
    ),
    Rule(
        "B005",
        "warning",
        "Sasaran kosong",
        "Setiap baris kinerja harus menyebut sasaran (kondisi yang ingin dicapai).",
    ),
    Rule(
        "B006",
        "info",
        "Nilai rumus dihitung ulang",
        "Berkas tidak menyimpan hasil rumus; nilainya dihitung ulang dari rumus agar tidak terbaca sebagai 0.",
    ),
    Rule(
        "B007",
        "error",
        "Sheet Kinerja kosong",
        "Tanpa baris kinerja tidak ada cascading yang dapat diperiksa atau digambar.",
    ),
    Rule(
        "B008",
        "warning",
        "Identitas tidak lengkap",
        "Nama perangkat daerah dan tahun menjadi judul setiap keluaran dan menentukan tahun Renstra yang dibandingkan.",
    ),
    Rule(
        "B009",
        "warning",
        "Kode atau NIP tersimpan sebagai angka",
        "Excel menyimpan angka tanpa nol di belakang koma dan hanya 15 digit: kode 1.10 menjadi 1.1 dan NIP 18 digit kehilangan digit terakhirnya.",
    ),
    Rule(
        "B010",
        "warning",
        "Pilihan tidak dikenal",
        "Cara Hitung, Polaritas dan IKU menentukan cara target triwulan dan dokumen dibaca.",
    ),
    # Hierarchy
    Rule(
        "H001",
        "error",
        "Kode Induk tidak ditemukan",
        "Setiap sasaran di bawah Tujuan harus menginduk ke sasaran yang ada.",
    ),
    Rule(
        "H002",
        "error",
        "Tingkat induk tidak tepat",
        "Cascading turun satu tingkat sekali jalan; Rencana Hasil Kerja boleh menginduk ke sasaran mana pun.",
    ),
    Rule(
        "H003",
        "error",
        "Satu Kode untuk sasaran berbeda",
        "Satu Kode harus menunjuk satu sasaran pada satu tingkat dan satu unit kerja.",
    ),
    Rule(
        "H004",
        "error",
        "Kode Induk melingkar",
        "Rantai induk yang kembali ke dirinya sendiri tidak mempunyai puncak.",
    ),
    Rule(
        "H005",
        "warning",
        "Sasaran tidak di-cascade",
        "Sasaran Program dan Sasaran Kegiatan harus dijabarkan ke tingkat di bawahnya.",
    ),
    Rule(
        "H006",
        "info",
        "Crosscutting antar unit kerja",
        "Sasaran yang menginduk ke unit kerja lain perlu dikoordinasikan antarunit.",
    ),
    Rule(
        "H007",
        "warning",
        "Sasaran tanpa induk",
        "Sasaran di bawah tingkat teratas yang ada di berkas harus menginduk ke sasaran di atasnya.",
    ),
    Rule(
        "H008",
        "warning",
        "Sasaran ganda",
        "Sasaran yang sama pada tingkat dan unit kerja yang sama cukup satu kotak dengan satu Kode.",
    ),
    # Targets
    Rule("T001", "error", "Target kosong", "Indikator tanpa target tidak dapat diukur capaiannya."),
    Rule(
        "T002",
        "error",
        "Target tidak dapat dibaca",
        "Target harus berupa angka, persentase, rentang atau kategori yang jelas.",
    ),
    Rule(
        "T003",
        "warning",
        "Target angka tanpa satuan",
        "Tanpa satuan, target angka tidak dapat dibandingkan.",
    ),
    Rule(
        "T004",
        "error",
        "Satuan bertentangan dengan indikator",
        "Satuan harus sesuai dengan yang dihitung oleh rumusan indikator (indikator nasional diperiksa oleh N003).",
    ),
    Rule(
        "T005",
        "error",
        "Target dalam teks indikator berbeda",
        "Rumusan indikator yang menyebut target harus sama dengan sel Target.",
    ),
    Rule(
        "T006",
        "warning",
        "Persentase di luar 0-100",
        "Target persentase lazimnya berada di antara 0 dan 100.",
    ),
    Rule(
        "T007",
        "error",
        "Target berbeda untuk indikator yang sama",
        "Satu indikator harus mempunyai satu target dalam satu dokumen.",
    ),
    Rule(
        "T008",
        "warning",
        "Target kategori bernilai buruk",
        "Target seharusnya menyatakan kondisi yang ingin dicapai, bukan predikat buruk.",
    ),
    Rule(
        "T009",
        "warning",
        "Satuan mirip satuan baku (salah ketik?)",
        "Satuan yang salah ketik tidak dapat dibandingkan dengan satuan dokumen lain.",
    ),
    # Statements
    Rule(
        "S001",
        "warning",
        "Sasaran dirumuskan sebagai indikator",
        "Sasaran adalah kondisi yang ingin dicapai, bukan ukuran.",
    ),
    Rule(
        "S002",
        "warning",
        "Indikator bukan ukuran",
        "Indikator harus dapat diukur (jumlah, persentase, indeks, nilai), bukan kondisi atau kegiatan.",
    ),
    Rule(
        "S003",
        "warning",
        "Indikator sama pada sasaran berbeda",
        "Indikator yang sama untuk dua sasaran berbeda mengaburkan kontribusi masing-masing.",
    ),
    Rule(
        "S004",
        "warning",
        "Sasaran dirumuskan sebagai kegiatan",
        "Sasaran dirumuskan sebagai kondisi ('Tersusunnya ...'), bukan kegiatan ('Penyusunan ...').",
    ),
    Rule(
        "S005",
        "warning",
        "Dua indikator dalam satu sel",
        "Setiap indikator memerlukan target dan satuannya sendiri; dua indikator dengan satu "
        "target tidak dapat diukur masing-masing.",
    ),
    # Owners
    Rule(
        "O001",
        "error",
        "Pengampu kosong",
        "Setiap sasaran dari Sasaran Strategis ke bawah harus mempunyai pemilik.",
    ),
    Rule(
        "O002",
        "warning",
        "Pengampu tidak ada di daftar pegawai",
        "Pengampu harus dapat ditelusuri ke pegawai atau jabatan yang ada.",
    ),
    Rule(
        "O003",
        "warning",
        "Jenis jabatan tidak sesuai tingkat",
        "Tiap tingkat sasaran diampu oleh jenis jabatan tertentu.",
    ),
    Rule(
        "O004",
        "warning",
        "Pengampu dari unit kerja lain",
        "Pengampu lazimnya berada di unit kerja pemilik sasaran.",
    ),
    Rule(
        "O005",
        "error",
        "Kolom Pengampu tidak ada",
        "Tanpa kolom Pengampu tidak ada sasaran yang mempunyai pemilik.",
    ),
    Rule(
        "O006",
        "warning",
        "Sheet Pegawai kosong",
        "Pengampu hanya dapat diperiksa terhadap daftar pegawai (nama, jabatan, jenis jabatan, unit kerja).",
    ),
    Rule(
        "O007",
        "error",
        "Belum ada Pengampu sama sekali",
        "Pohon kinerja yang belum di-cascade ke pegawai: satu temuan untuk dokumen, bukan satu per kotak.",
    ),
    Rule(
        "O008",
        "warning",
        "Pengampu cocok dengan lebih dari satu pegawai",
        "Pemilik sasaran harus satu orang; nama atau jabatan yang cocok dengan beberapa pegawai tidak menunjuk pemiliknya.",
    ),
    # Nomenclature
    Rule(
        "N001",
        "warning",
        "Kode nomenklatur tidak dikenal",
        "Program, kegiatan dan sub kegiatan mengacu pada nomenklatur nasional (Kepmendagri 900.1.15.5-1317/2023).",
    ),
    Rule(
        "N002",
        "warning",
        "Nama berbeda dari nomenklatur",
        "Nama program, kegiatan dan sub kegiatan harus sama dengan nomenklatur nasional.",
    ),
    Rule(
        "N003",
        "warning",
        "Satuan berbeda dari nomenklatur",
        "Satuan indikator sub kegiatan, dan indikator yang dirumuskan sama dengan indikator nasional, mengikuti nomenklatur nasional.",
    ),
    Rule(
        "N004",
        "error",
        "Kode tidak mengikuti kode induk",
        "Kode kegiatan dan sub kegiatan harus diawali kode program/kegiatan induknya.",
    ),
    # Budget
    Rule(
        "P001",
        "error",
        "Pagu induk tidak sama dengan jumlah pagu anak",
        "Pagu program dan kegiatan adalah jumlah pagu di bawahnya.",
    ),
    Rule(
        "P002",
        "warning",
        "Rentang rumus jumlah salah, hasilnya kebetulan benar",
        "Rumus yang tidak mencakup tepat anak-anaknya akan salah begitu baris yang tertinggal "
        "atau yang bukan anaknya diisi.",
    ),
    # Documents (PK, IKU, Rencana Aksi, SKP)
    Rule(
        "D001",
        "error",
        "Perjanjian Kinerja tanpa pihak kedua",
        "PK ditandatangani pemilik sasaran dan atasan langsungnya (PermenPANRB 53/2014); "
        "kepala perangkat daerah menandatanganinya dengan kepala daerah.",
    ),
    Rule(
        "D002",
        "error",
        "Target triwulan tidak sesuai target tahunan",
        "Rencana aksi memecah target tahunan per triwulan menurut Cara Hitung dan Polaritas "
        "indikator; angka yang tidak cocok membuat capaian tahunan tidak dapat diukur.",
    ),
    Rule(
        "D003",
        "error",
        "Rencana Hasil Kerja tanpa RHK atasan",
        "Setiap RHK mengintervensi RHK atasan langsungnya (PermenPANRB 6/2022), kecuali RHK "
        "pimpinan perangkat daerah.",
    ),
    # Reconciliation
    Rule(
        "R001",
        "warning",
        "Indikator tidak ada di dokumen pembanding",
        "Indikator yang di-cascade harus bersumber dari dokumen perencanaan.",
    ),
    Rule(
        "R002",
        "error",
        "Target berbeda dari dokumen pembanding",
        "Target pada cascading harus sama dengan target pada Renstra/dokumen lain.",
    ),
    Rule(
        "R003",
        "warning",
        "Indikator dokumen pembanding tidak di-cascade",
        "Setiap indikator Renstra harus mempunyai pemilik dalam cascading.",
    ),
    Rule(
        "R004",
        "warning",
        "Satuan berbeda dari dokumen pembanding",
        "Satuan yang berbeda membuat target tidak dapat dibandingkan.",
    ),
    Rule(
        "R005",
        "warning",
        "Induk berbeda dari dokumen pembanding",
        "Indikator harus berada di bawah sasaran atau program yang sama dengan Renstra.",
    ),
    Rule(
        "R006",
        "error",
        "Pagu berbeda dari dokumen pembanding",
        "Pagu pada cascading harus sama dengan pagu pada Renstra/dokumen lain.",
    ),
    Rule(
        "R007",
        "warning",
        "Rumusan berbeda dari dokumen pembanding",
        "Indikator, sasaran dan program yang sama harus ditulis sama di semua dokumen.",
    ),
    # Across agencies (pokin-xl rekap)
    Rule(
        "L001",
        "info",
        "Crosscutting antar perangkat daerah",
        "Sasaran atau indikator yang sama pada dua perangkat daerah adalah kinerja bersama; keduanya mencatat mitranya.",
    ),
    Rule(
        "L002",
        "warning",
        "Crosscutting tidak dicatat kedua pihak",
        "Kinerja bersama harus disebut oleh setiap perangkat daerah yang mengampunya (kolom Keterangan), agar kontribusi masing-masing jelas.",
    ),
    Rule(
        "L003",
        "warning",
        "Rujukan RPJMD tidak ditemukan",
        "Tujuan dan Sasaran Strategis perangkat daerah menginduk ke tujuan/sasaran daerah yang benar-benar ada.",
    ),
    Rule(
        "L004",
        "warning",
        "Sasaran RPJMD tidak di-cascade perangkat daerah mana pun",
        "Setiap sasaran daerah harus diampu sedikitnya oleh satu perangkat daerah.",
    ),
    Rule(
        "L005",
        "warning",
        "Sasaran Strategis tidak selaras dengan sasaran RPJMD",
        "Sasaran Strategis perangkat daerah harus mendukung tujuan atau sasaran daerah (RPJMD).",
    ),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}
