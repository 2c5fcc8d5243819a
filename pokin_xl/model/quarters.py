"""How an indicator's quarterly targets relate to its annual one: Cara Hitung and Polaritas.

- Kumulatif: each quarter states what that quarter adds; the four add up to the annual target.
- Nilai Akhir: each quarter states the level reached so far; the fourth equals the annual target
  and no quarter goes the wrong way for the Polaritas (down for Positif, up for Negatif).
- Rata-rata: the annual target is the average of the four quarters.
"""

from __future__ import annotations

from enum import StrEnum

from pokin_xl.model.targets import format_number
from pokin_xl.model.text import normalise


class CaraHitung(StrEnum):
    KUMULATIF = "Kumulatif"
    NILAI_AKHIR = "Nilai Akhir"
    RATA_RATA = "Rata-rata"

    @classmethod
    def parse(cls, text: object) -> CaraHitung | None:
        return _CARA_ALIASES.get(normalise(text))


class Polaritas(StrEnum):
    POSITIF = "Positif"
    NEGATIF = "Negatif"

    @classmethod
    def parse(cls, text: object) -> Polaritas | None:
        return _POLARITAS_ALIASES.get(normalise(text))


_CARA_ALIASES = {
    normalise(alias): kind
    for kind, aliases in {
        CaraHitung.KUMULATIF: ["kumulatif", "akumulatif", "akumulasi", "penjumlahan", "jumlah"],
        CaraHitung.NILAI_AKHIR: ["nilai akhir", "akhir", "posisi akhir", "terakhir", "take last"],
        CaraHitung.RATA_RATA: ["rata-rata", "rata rata", "ratarata", "rerata", "average"],
    }.items()
    for alias in aliases
}
_POLARITAS_ALIASES = {
    normalise(alias): kind
    for kind, aliases in {
        Polaritas.POSITIF: ["positif", "maximize", "maksimal", "semakin tinggi semakin baik"],
        Polaritas.NEGATIF: ["negatif", "minimize", "minimal", "semakin rendah semakin baik"],
    }.items()
    for alias in aliases
}
_YES = {"ya", "y", "iya", "yes", "iku", "v", "x", "1", "true", "benar"}
_NO = {"tidak", "t", "no", "n", "bukan", "0", "false", "salah"}

# Acting officials: Pelaksana Tugas, Pelaksana Harian, Penjabat.
ACTING = {"plt": "Plt.", "plh": "Plh.", "pj": "Pj."}


def parse_yes_no(text: object) -> bool | None:
    """'Ya' -> True, 'Tidak' -> False, blank or anything else -> None."""
    key = normalise(text)
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def acting_prefix(jabatan: object, status: object = "") -> str:
    """'Plt.', 'Plh.' or 'Pj.' when the Status column or the jabatan itself says so, else ''."""
    key = normalise(status)
    if key in ACTING:
        return ACTING[key]
    return ACTING.get(normalise(jabatan).split(" ", 1)[0], "")  # '' splits to ['']: no prefix


def quarters_agree(
    annual: float,
    quarters: tuple[float, float, float, float],
    cara: CaraHitung,
    polaritas: Polaritas | None = None,
) -> str:
    """'' when the quarters agree with the annual target under `cara`, else why not (Indonesian)."""
    tolerance = max(0.01, abs(annual) * 0.0005)
    q1, q2, q3, q4 = quarters
    if cara is CaraHitung.KUMULATIF:
        total = q1 + q2 + q3 + q4
        if abs(total - annual) > tolerance:
            return f"jumlah TW I-IV {_num(total)} tidak sama dengan target tahunan {_num(annual)}"
        return ""
    if cara is CaraHitung.RATA_RATA:
        mean = (q1 + q2 + q3 + q4) / 4
        if abs(mean - annual) > tolerance:
            return f"rata-rata TW I-IV {_num(mean)} tidak sama dengan target tahunan {_num(annual)}"
        return ""
    if abs(q4 - annual) > tolerance:
        return f"TW IV {_num(q4)} tidak sama dengan target tahunan {_num(annual)}"
    negative = polaritas is Polaritas.NEGATIF
    names = ("TW I", "TW II", "TW III", "TW IV")
    for (before, a), (after, b) in zip(
        zip(names, quarters, strict=True), zip(names[1:], quarters[1:], strict=True), strict=False
    ):
        if (b < a - tolerance) if not negative else (b > a + tolerance):
            way = "turun" if not negative else "naik"
            return (
                f"{after} {_num(b)} {way} dari {before} {_num(a)}, berlawanan dengan polaritas "
                f"{'Negatif' if negative else 'Positif'}"
            )
    return ""


def _num(value: float) -> str:
    return format_number(round(value, 4))
