"""Where a finding points: the file, sheet and cell of a row, and the node it concerns."""

from __future__ import annotations

from collections.abc import Mapping

from pokin_xl.model.frames import MatriksWorkbook, SheetFrame

# The fields `at_row` reads of a record: a check that builds records of a few columns only
# includes these.
WHERE_FIELDS = ("kode", "tingkat", "unit_kerja", "sasaran", "indikator")


def at_row(
    workbook: MatriksWorkbook,
    frame: SheetFrame,
    row: int,
    field: str,
    record: Mapping[str, object] | None = None,
    *,
    subject: str | None = None,
) -> dict[str, str]:
    """Keyword arguments for `finding()` pointing at `field` on Excel `row` of `frame`.

    `record` (the frame's row) supplies unit, tingkat, kode and, unless given, the subject
    (the indicator for indicator-level fields, else the sasaran).
    """
    record = record if record is not None else frame.frame.loc[row]
    if subject is None:
        indikator = str(record.get("indikator", "") or "")
        sasaran = str(record.get("sasaran", "") or "")
        subject = indikator if field in {"indikator", "target", "satuan"} and indikator else sasaran
    return {
        "file": workbook.file_name,
        "sheet": frame.sheet,
        "cell": frame.cell(field, int(row)),
        "unit": str(record.get("unit_kerja", "") or ""),
        "tingkat": str(record.get("tingkat", "") or ""),
        "kode": str(record.get("kode", "") or ""),
        "subject": subject,
    }
