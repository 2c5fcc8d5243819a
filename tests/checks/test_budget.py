import pandas as pd

from pokin_xl.checks.budget import ROLLUP_COLUMNS, check_budget, rollup_mismatches, rupiah
from pokin_xl.readers.matriks import read_matriks
from tests.builders import chain, read, row

# chain(): T1 row 2, SS1 row 3, SP1 row 4 (pagu 1000), SK1 row 5 (1000), SSK1 row 6 (1000).


def with_pagu(sp, sk, ssk):
    rows = chain()
    for index, value in ((2, sp), (3, sk), (4, ssk)):
        rows[index] = {**rows[index], **row(pagu=value)}
    return rows


def sub(kode, pagu):
    return row(
        kode=kode,
        kode_induk="SK1",
        tingkat="Sasaran Sub Kegiatan",
        unit_kerja="Sekretariat",
        sasaran=f"Tersedianya {kode}",
        indikator=f"Jumlah Paket {kode}",
        target=1,
        satuan="Paket",
        pagu=pagu,
    )


def frame(rows):
    return pd.DataFrame(rows, columns=["k", "p", "v"])


# ----------------------------------------------------------------------------- rollup_mismatches


def test_rollup_complete_children_must_add_up():
    result = rollup_mismatches(
        frame([("P", "", 10.0), ("A", "P", 3.0), ("B", "P", 4.0)]), "k", "p", "v"
    )
    assert list(result.columns) == ROLLUP_COLUMNS
    assert result.index.tolist() == [0]
    item = result.iloc[0]
    assert (item["code"], item["value"], item["children_sum"]) == ("P", 10.0, 7.0)
    assert (item["n_children"], item["n_given"], item["difference"]) == (2, 2, 3.0)
    assert bool(item["complete"]) is True


def test_rollup_near_miss_sums_that_agree_within_tolerance():
    rows = [("P", "", 10.0), ("A", "P", 3.0), ("B", "P", 7.4)]
    assert rollup_mismatches(frame(rows), "k", "p", "v").empty


def test_rollup_partial_children_only_when_they_already_exceed():
    under = [("P", "", 10.0), ("A", "P", 3.0), ("B", "P", None)]
    over = [("P", "", 10.0), ("A", "P", 12.0), ("B", "P", None)]
    assert rollup_mismatches(frame(under), "k", "p", "v").empty
    result = rollup_mismatches(frame(over), "k", "p", "v")
    assert result["code"].tolist() == ["P"]
    assert (result.iloc[0]["n_given"], result.iloc[0]["n_children"]) == (1, 2)
    assert bool(result.iloc[0]["complete"]) is False


def test_rollup_needs_a_parent_value_and_a_child_value():
    no_parent_value = [("P", "", None), ("A", "P", 3.0)]
    no_child_value = [("P", "", 10.0), ("A", "P", None)]
    dangling = [("P", "", 10.0), ("A", "Q", 3.0)]
    for rows in (no_parent_value, no_child_value, dangling):
        assert rollup_mismatches(frame(rows), "k", "p", "v").empty


def test_rollup_only_direct_children_count():
    rows = [("P", "", 10.0), ("K", "P", 10.0), ("S1", "K", 6.0), ("S2", "K", 4.0)]
    assert rollup_mismatches(frame(rows), "k", "p", "v").empty


def test_rupiah_is_written_the_indonesian_way():
    assert rupiah(1500000) == "Rp 1.500.000"
    assert rupiah(1250.5) == "Rp 1.250,5"


# ----------------------------------------------------------------------------- P001


def test_a_consistent_chain_has_no_budget_finding(tmp_path):
    assert check_budget(read(tmp_path, chain())) == []


def test_p001_parent_pagu_differs_from_its_children(tmp_path):
    findings = check_budget(read(tmp_path, with_pagu(1500000, 1200000, 1200000)))
    assert [(f.code, f.cell, f.kode) for f in findings] == [("P001", "K4", "SP1")]
    message = findings[0].message
    assert "Rp 1.500.000" in message and "Rp 1.200.000" in message
    assert "selisih Rp 300.000" in message
    assert findings[0].severity == "error"


def test_p001_near_miss_children_add_up(tmp_path):
    rows = [*with_pagu(1500000, 1500000, 1000000), sub("SSK2", 500000)]
    assert check_budget(read(tmp_path, rows)) == []


def test_p001_partial_children_that_already_exceed(tmp_path):
    rows = [*with_pagu(1500000, 1500000, 1000000), sub("SSK2", 700000), sub("SSK3", None)]
    findings = check_budget(read(tmp_path, rows))
    assert [(f.code, f.cell, f.kode) for f in findings] == [("P001", "K5", "SK1")]
    assert "2 dari 3 sasaran" in findings[0].message
    assert "Rp 1.700.000" in findings[0].message


def test_p001_near_miss_partial_children_below_the_parent(tmp_path):
    rows = [*with_pagu(1500000, 1500000, 1000000), sub("SSK2", None)]
    assert check_budget(read(tmp_path, rows)) == []


def test_p001_points_at_the_row_that_holds_the_pagu(tmp_path):
    rows = with_pagu(None, 1000, 1000)
    rows.insert(3, row(kode="SP1", indikator="Persentase layanan yang terdigitalisasi", pagu=2000))
    wb = read(tmp_path, rows)
    findings = check_budget(wb)
    assert [(f.code, f.cell, f.kode) for f in findings] == [("P001", "K5", "SP1")]


# ----------------------------------------------------------------------------- samples


def test_samples_have_no_pagu_to_compare(sample_dir):
    for name in ("matriks.xlsx", "pohon_kinerja_dokumen.xlsx"):
        assert check_budget(read_matriks(sample_dir / name)) == []


def test_the_prefilter_never_hides_a_mismatch():
    import random

    import numpy as np
    import pandas as pd

    from pokin_xl.checks.budget import _may_mismatch

    rng = random.Random(3)
    found = 0
    for _ in range(300):
        n = rng.randint(1, 10)
        codes = [rng.choice("abcdef") for _ in range(n)]
        frame = pd.DataFrame(
            {
                "kode": pd.Series(codes, dtype="str"),
                "parent": [rng.choice([*codes, "", "zz"]) for _ in range(n)],
                "pagu": pd.array(
                    [
                        rng.choice([None, 0, 0.4, 1, 1.5, 100, 1e12, 1e12 + 0.3, np.inf])
                        for _ in range(n)
                    ],
                    dtype="Float64",
                ),
            }
        )
        mismatches = rollup_mismatches(frame, "kode", "parent", "pagu")
        found += not mismatches.empty
        if not mismatches.empty:
            assert _may_mismatch(frame["kode"], frame["parent"], frame["pagu"])
    assert found > 100
    agree = pd.DataFrame(
        {"kode": ["a", "b", "c"], "parent": ["", "a", "a"], "pagu": [3.0, 1.0, 2.2]}
    )
    assert not _may_mismatch(agree["kode"], agree["parent"], agree["pagu"])
