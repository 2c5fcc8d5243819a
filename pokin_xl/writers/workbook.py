"""The output workbook: its sheets in order, their names, and a whole-or-nothing save.

Sheets: Ringkasan, Temuan, Cascading <Unit>..., Pohon Kinerja, Matriks Peran Hasil,
Data Kinerja, then the extra sheets a caller adds (e.g. Rekonsiliasi).

All sheets are created first, in order; the drawings are made before Temuan is filled in, so
that each finding can link to the box it concerns; Ringkasan is filled in last, so that its list
of sheets includes the extra ones.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import xlsxwriter

from pokin_xl.findings import Report
from pokin_xl.gc_pause import release_free_memory, without_gc_pauses
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.summary import NO_UNIT_LABEL, unit_summary
from pokin_xl.version import __version__
from pokin_xl.writers.atomic import atomic_output
from pokin_xl.writers.boxes import NO_UNIT, collect_nodes, findings_by_kode, unit_key
from pokin_xl.writers.cascade import cascade_units, unit_members, write_cascade_sheet
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.data import finding_codes, write_data_sheet
from pokin_xl.writers.findings import Locations, Place, write_findings_sheet
from pokin_xl.writers.matriks import write_matriks_sheet
from pokin_xl.writers.output import check_output_path
from pokin_xl.writers.pohon import write_pohon_sheet
from pokin_xl.writers.rows import RowOrderWorkbook, flush_sheets
from pokin_xl.writers.sheetnames import SheetNamer
from pokin_xl.writers.styles import Styles
from pokin_xl.writers.summary import IDENTITY_ROW, SheetEntry, write_summary_sheet

RINGKASAN = "Ringkasan"
TEMUAN = "Temuan"
POHON = "Pohon Kinerja"
MATRIKS = "Matriks Peran Hasil"
DATA = "Data Kinerja"
CASCADE_PREFIX = "Cascading "

DESCRIPTIONS = {
    RINGKASAN: "Identitas, jumlah sasaran per unit kerja dan tingkat, jumlah temuan, daftar sheet.",
    TEMUAN: "Setiap temuan pemeriksaan, dengan tautan ke kotak atau baris yang dimaksud.",
    POHON: "Pohon kinerja seluruh perangkat daerah menurut jenjang jabatan.",
    MATRIKS: "Matriks peran dan hasil (PermenPANRB 6/2022): peran setiap pegawai per Sasaran Strategis.",
    DATA: "Data kinerja yang dinormalkan: satu baris per indikator, nilai terbaca di samping teks aslinya.",
}

ExtraSheet = Callable[[xlsxwriter.Workbook], None]
Progress = Callable[[str], None]

WORKBOOK_OPTIONS = {
    # Arial is Liberation Sans in LibreOffice (same metrics): columns and wrapped text measure
    # the same in both, and the row heights computed in layout.py hold in both.
    "default_format_properties": {"font_name": "Arial", "font_size": 10},
    "default_row_height": 17,
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    # Each part's XML goes to a file in a private temporary folder (`parts_folder`), not to a
    # string: a 20k-row workbook's XML held in memory while zipping cost ~170 MB of peak.
    "in_memory": False,
}


# Up to this many indicator rows the workbook is written in memory (RowOrderWorkbook): the
# sample's write takes ~0.20 s instead of ~0.27 s, 500 generated rows ~0.50 s instead of ~0.62 s
# for ~10 MiB more; at 2,000 rows both modes take the same time and memory grows with the rows.
IN_MEMORY_ROWS = 1000


@contextlib.contextmanager
def parts_folder() -> Iterator[dict[str, object]]:
    """WORKBOOK_OPTIONS with a temporary folder for the parts, removed when writing ends (also
    on an error or Ctrl-C), so no part file is left behind."""
    with tempfile.TemporaryDirectory(prefix="pokin-xl-") as folder:
        # A copy of the default format's properties: xlsxwriter adds to that dict
        # (theme_font_name), which gave every later workbook of the process other fonts.
        defaults = dict(WORKBOOK_OPTIONS["default_format_properties"])  # type: ignore[call-overload]
        yield {**WORKBOOK_OPTIONS, "default_format_properties": defaults, "tmpdir": folder}


def write_cascade_workbook(
    workbook: MatriksWorkbook,
    report: Report,
    path: str | Path,
    *,
    extra_sheets: Sequence[ExtraSheet] = (),
    progress: Progress | None = None,
) -> Path:
    """Write the cascade workbook to `path` (whole or not at all) and return the path."""
    target = check_output_path(path, [workbook.path])
    say: Progress = progress or (lambda _message: None)
    with (
        atomic_output(target) as tmp,
        parts_folder() as options,
        without_gc_pauses(collect_first=True),
    ):
        _write(workbook, report, tmp, extra_sheets, say, target.name, options)
    return target


def _write(
    workbook: MatriksWorkbook,
    report: Report,
    tmp: Path,
    extra_sheets: Sequence[ExtraSheet],
    say: Progress,
    final_name: str,
    options: dict[str, object],
) -> None:
    nodes = collect_nodes(workbook)
    by_kode = findings_by_kode(report.findings, nodes)
    namer = SheetNamer([RINGKASAN, TEMUAN, POHON, MATRIKS, DATA])
    members = unit_members(nodes)
    units = [
        (key, unit, namer.name(unit if key else "Tanpa Unit Kerja", prefix=CASCADE_PREFIX))
        for key, unit in cascade_units(members)
    ]

    # A large workbook holds one sheet's cells at a time: each sheet is flushed when it is done
    # (rows.py); a small one is written in memory.
    small = len(workbook.indicators.frame) <= IN_MEMORY_ROWS
    book = RowOrderWorkbook(str(tmp), {**options, "in_memory": small})
    identity = workbook.identity
    book.set_properties(
        {
            "title": f"Cascading Kinerja {identity.perangkat_daerah} {identity.tahun or ''}".strip(),
            "subject": "Pohon Kinerja, Cascading dan Matriks Peran Hasil",
            "author": "pokin-xl",
            "comments": f"Dibuat oleh pokin-xl {__version__} dari {workbook.file_name}",
        }
    )
    styles = Styles(book)
    order = [RINGKASAN, TEMUAN, *(name for _, _, name in units), POHON, MATRIKS, DATA]
    sheets = {name: SheetWriter(book.add_worksheet(name), styles) for name in order}

    locations = Locations(
        file=workbook.file_name,
        kinerja_sheet=workbook.indicators.sheet,
        pegawai_sheet=workbook.pegawai.sheet,
        identitas_sheet=workbook.identity.sheet,
        node_rows={kode: node.row for kode, node in nodes.items()},
        identity=Place(RINGKASAN, IDENTITY_ROW, 0),
    )
    for key, unit, name in units:
        say(f"Menggambar {name}")
        drawn = write_cascade_sheet(sheets[name], identity, nodes, key, unit, by_kode, members[key])
        sheets[name].flush()
        for kode, (row, col) in drawn.anchors.items():
            # A node's own box is in its own unit's sheet; elsewhere it is only context.
            if nodes[kode].unit_key == key:
                locations.boxes.setdefault(kode, Place(name, row, col))

    say(f"Menggambar {POHON}")
    drawn = write_pohon_sheet(sheets[POHON], identity, nodes, by_kode)
    sheets[POHON].flush()
    release_free_memory()  # the sheet's kept cells are written: give their pages back
    for kode, (row, col) in drawn.anchors.items():
        locations.boxes.setdefault(kode, Place(POHON, row, col))

    say(f"Menulis {MATRIKS}")
    people = write_matriks_sheet(sheets[MATRIKS], identity, nodes, workbook.pegawai)
    sheets[MATRIKS].flush()
    release_free_memory()
    locations.people = {src: Place(MATRIKS, row, 1) for src, row in people.items()}

    say(f"Menulis {DATA}")
    codes = finding_codes(report.findings, workbook.indicators, workbook.file_name)
    rows = write_data_sheet(sheets[DATA], workbook.indicators, codes)
    sheets[DATA].flush()
    release_free_memory()
    locations.data_rows = {src: Place(DATA, row, 2) for src, row in rows.items()}

    say(f"Menulis {TEMUAN} ({len(report.findings)})")
    write_findings_sheet(sheets[TEMUAN], report.sorted(), locations)
    sheets[TEMUAN].flush()

    for extra in extra_sheets:
        extra(book)
        flush_sheets(book)

    say(f"Menulis {RINGKASAN}")
    unit_sheet_names = {}
    counts = unit_summary(workbook)
    for unit in counts:
        for key, _, name in units:
            if unit_key("" if unit == NO_UNIT_LABEL else unit) == key:
                unit_sheet_names[unit] = name
    entries = []
    for ws in book.worksheets():
        name = ws.get_name()
        if name == RINGKASAN:
            continue
        description = DESCRIPTIONS.get(name, "")
        if not description and name.startswith(CASCADE_PREFIX):
            unit = next((u for _, u, n in units if n == name), "")
            description = (
                f"Cascading unit kerja {unit or NO_UNIT}: Program, Kegiatan dan Sub Kegiatan."
            )
        entries.append(SheetEntry(name, description))
    write_summary_sheet(
        sheets[RINGKASAN],
        identity,
        workbook.file_name,
        counts,
        unit_sheet_names,
        report,
        entries,
        TEMUAN,
    )
    say(f"Menyimpan {final_name}")
    book.close()
