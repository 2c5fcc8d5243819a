from pokin_xl.model.levels import HOLDERS, TINGKAT_LABELS, JenisJabatan, Tingkat, band_labels
from pokin_xl.writers.pohon import BAND_LABELS as POHON_LABELS


def test_band_labels_come_from_the_level_labels():
    assert band_labels() == {int(t): TINGKAT_LABELS[t] for t in Tingkat if t < 5}
    assert (
        band_labels(rencana_hasil_kerja=True)[4] == "Sasaran Sub Kegiatan dan Rencana Hasil Kerja"
    )


def test_pohon_rows_name_the_holders_o003_accepts():
    for band, label in POHON_LABELS.items():
        holders, _ = label.split("\n")
        named = {JenisJabatan(kind) for kind in holders.split(" / ")}
        levels = [Tingkat(band)] if band < 4 else [Tingkat(4), Tingkat(5)]
        assert named == set().union(*(HOLDERS[level] for level in levels))
