"""The recap workbook of many agencies: Rekap, Temuan, Aturan, Lintas PD and Pra-periksa LKE.

Every sheet is a flat table written top to bottom, so the workbook is written in xlsxwriter's
constant-memory mode: a thousand agencies' findings do not sit in memory twice. Links to the
agencies' workbooks are relative to the recap's folder (they keep working when the folder and
the recap move together) and open the sheet and cell of the finding.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter

from pokin_xl.findings import SEVERITY_LABELS
from pokin_xl.model.levels import LEVEL_ABBREVIATIONS
from pokin_xl.model.recap import (
    COVERAGE_LABELS,
    COVERAGE_NOTES,
    FAMILIES,
    MET,
    NOT_MET,
    PRECHECK_CRITERIA,
    PRECHECK_NOTE,
    Recap,
)
from pokin_xl.model.rules import RULES
from pokin_xl.version import __version__
from pokin_xl.writers.atomic import atomic_output
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.layout import text_height
from pokin_xl.writers.page import PAPER_A3, PAPER_A4, setup_page
from pokin_xl.writers.styles import SEVERITY_FILLS, SEVERITY_FONTS, TABLE_SIZE, Styles

REKAP, TEMUAN, ATURAN, LINTAS, LKE = "Rekap", "Temuan", "Aturan", "Lintas PD", "Pra-periksa LKE"
FAMILY_LABELS = {
    "H": "Hierarki",
    "T": "Target",
    "S": "Rumusan",
    "O": "Pengampu",
    "N": "Nomenklatur",
    "P": "Pagu",
    "B": "Pembacaan",
    "R": "Renstra",
}
GOOD_FILL, GOOD_FONT = "#C6EFCE", "#006100"
OPTIONS = {
    "constant_memory": True,
    "default_format_properties": {"font_name": "Arial", "font_size": 9},
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
}


def _link_path(path: str, folder: Path) -> str:
    """The agency workbook's path relative to the recap's folder (absolute on another drive)."""
    try:
        return Path(os.path.relpath(Path(path).resolve(), folder.resolve())).as_posix()
    except ValueError:
        return Path(path).resolve().as_posix()


class _Table:
    """Header row, then rows written in order, with an autofilter over the written range."""

    def __init__(self, sheet: SheetWriter, first_row: int, columns: Sequence[tuple[str, float]]):
        self.sheet = sheet
        self.first_row = first_row
        self.columns = columns
        self.row = first_row
        styles = sheet.styles
        header = styles.table_header()
        sheet.row_height(first_row, 42)
        for col, (title, width) in enumerate(columns):
            sheet.column_width(col, col, width)
            sheet.text(first_row, col, title, header)

    def next(self, height: float | None = None) -> int:
        self.row += 1
        if height:
            self.sheet.row_height(self.row, height)
        return self.row

    def finish(self) -> int:
        last = max(self.row, self.first_row + 1)
        self.sheet.ws.autofilter(self.first_row, 0, last, len(self.columns) - 1)
        self.sheet.ws.freeze_panes(self.first_row + 1, 0)
        return last


def _title(sheet: SheetWriter, title: str, note: str) -> None:
    sheet.row_height(0, 20)
    sheet.text(0, 0, title, sheet.styles.get(bold=True, font_size=13))
    sheet.text(1, 0, note, sheet.styles.note())


def _height(*texts: tuple[str, float]) -> float:
    """The height the longest of these wrapped texts needs in its column."""
    return min(
        409.0,
        # two characters of margin: LibreOffice wraps a little earlier than the measure says
        max(text_height([[(text or "", False)]], width - 2, TABLE_SIZE) for text, width in texts),
    )


# ----------------------------------------------------------------------------- Rekap


def _rekap_columns() -> list[tuple[str, float, str]]:
    """(header, width, kind) of the Rekap sheet."""
    columns: list[tuple[str, float, str]] = [
        ("Peringkat", 6, "rank"),
        ("Berkas", 24, "file"),
        ("Perangkat Daerah", 30, "pd"),
        ("Tahun", 6, "tahun"),
        ("Status", 8, "status"),
    ]
    columns += [(label, 5, f"level:{t.label}") for t, label in LEVEL_ABBREVIATIONS.items()]
    columns += [
        ("Galat", 6, "sev:error"),
        ("Peringatan", 6, "sev:warning"),
        ("Info", 6, "sev:info"),
    ]
    columns += [(f"{f} {FAMILY_LABELS[f]}", 5, f"fam:{f}") for f in FAMILIES]
    columns += [(label, 12.5, f"cov:{key}") for key, label in COVERAGE_LABELS.items()]
    columns += [("Total pagu (Rp)", 15, "pagu")]
    columns += [(code, 15, f"lke:{code}") for code in PRECHECK_CRITERIA]
    columns += [("Lintas PD", 6, "lintas"), ("Keterangan", 36, "reason")]
    return columns


def _write_rekap(
    sheet: SheetWriter, recap: Recap, folder: Path, lintas_by_file: Counter[str]
) -> None:
    styles = sheet.styles
    summary = recap.summary()
    _title(
        sheet,
        f"REKAP PEMERIKSAAN CASCADING KINERJA — {summary['files']} berkas",
        f"{summary['read']} dibaca, {summary['refused']} tidak dapat dibaca; "
        f"{summary['severity']['error']} galat, {summary['severity']['warning']} peringatan, "
        f"{summary['severity']['info']} info; {summary['lintas']} temuan lintas PD. Peringkat: "
        "galat lalu peringatan per 100 baris indikator (sedikit = atas). "
        f"{PRECHECK_NOTE} pokin-xl {__version__}, {dt.date.today():%d-%m-%Y}.",
    )
    columns = _rekap_columns()
    table = _Table(sheet, 3, [(h, w) for h, w, _ in columns])
    rotated = styles.variant(styles.table_header(), rotation=90)
    for col, (header, _, kind) in enumerate(columns):
        if kind.startswith(("level:", "sev:", "fam:", "lke:")) or kind in (
            "rank",
            "lintas",
            "tahun",
        ):
            sheet.text(table.first_row, col, header, rotated)
    sheet.row_height(table.first_row, 74)
    notes = {f"cov:{k}": v for k, v in COVERAGE_NOTES.items()}
    notes.update({f"lke:{k}": v for k, v in PRECHECK_CRITERIA.items()})
    for col, (_, _, kind) in enumerate(columns):  # before any data row: constant-memory mode
        if kind in notes:
            sheet.note(table.first_row, col, notes[kind])
    cell, number, link = styles.cell(), styles.number("0"), styles.link()
    percent, rupiah = styles.number("0%"), styles.number("#,##0")
    flat = styles.cell(wrap=False)
    ordered = sorted(recap.files, key=lambda f: (f.rank is None, f.rank or 0, f.file))
    for f in ordered:
        r = table.next(_height((f.perangkat_daerah, 30), (f.reason, 36), (f.file, 24)))
        lke = {p["code"]: p["status"] for p in f.lke}
        for col, (_, _, kind) in enumerate(columns):
            key = kind.split(":", 1)[-1]
            if kind == "rank":
                sheet.number(r, col, f.rank, number)
            elif kind == "file":
                sheet.file_link(r, col, _link_path(f.path, folder), f.file, link)
            elif kind == "pd":
                sheet.text(r, col, f.perangkat_daerah, cell)
            elif kind == "tahun":
                sheet.number(r, col, f.tahun, number)
            elif kind == "status":
                sheet.text(r, col, f.status, cell)
            elif not f.read and kind != "reason":
                sheet.blank(r, col, cell)
            elif kind.startswith("level:"):
                sheet.number(r, col, f.levels.get(key, 0), number)
            elif kind.startswith("sev:"):
                sheet.number(r, col, f.severity.get(key, 0), number)
            elif kind.startswith("fam:"):
                sheet.number(r, col, f.families.get(key, 0), number)
            elif kind.startswith("cov:"):
                sheet.number(r, col, f.coverage.get(key), percent)
            elif kind == "pagu":
                sheet.number(r, col, f.coverage.get("pagu_total"), rupiah)
            elif kind.startswith("lke:"):
                sheet.text(r, col, lke.get(key, ""), flat)
            elif kind == "lintas":
                sheet.number(r, col, lintas_by_file.get(f.file, 0), number)
            elif kind == "reason":
                sheet.text(r, col, f.reason, cell)
    last = table.finish()
    first = table.first_row + 1
    if last < first or not recap.files:
        return
    col_of = {kind: col for col, (_, _, kind) in enumerate(columns)}
    ws = sheet.ws
    bad = styles.severity("error")
    good = styles.get(bg_color=GOOD_FILL, font_color=GOOD_FONT)
    status_letter = xlsxwriter.utility.xl_col_to_name(col_of["status"])
    ws.conditional_format(
        first,
        0,
        last,
        len(columns) - 1,
        {
            "type": "formula",
            "criteria": f'=${status_letter}{first + 1}<>"dibaca"',
            "format": styles.get(bg_color="#E7E6E6", font_color="#7F7F7F", italic=True),
        },
    )
    for severity in ("error", "warning"):
        col = col_of[f"sev:{severity}"]
        ws.conditional_format(
            first,
            col,
            last,
            col,
            {"type": "cell", "criteria": ">", "value": 0, "format": styles.severity(severity)},
        )
    for key in COVERAGE_LABELS:
        col = col_of[f"cov:{key}"]
        ws.conditional_format(
            first,
            col,
            last,
            col,
            {
                "type": "3_color_scale",
                "min_type": "num",
                "min_value": 0,
                "mid_type": "num",
                "mid_value": 0.8,
                "max_type": "num",
                "max_value": 1,
                "min_color": "#F8696B",
                "mid_color": "#FFEB84",
                "max_color": "#63BE7B",
            },
        )
    for code in PRECHECK_CRITERIA:
        col = col_of[f"lke:{code}"]
        for value, fmt in ((MET, good), (NOT_MET, bad)):
            ws.conditional_format(
                first,
                col,
                last,
                col,
                {"type": "cell", "criteria": "==", "value": f'"{value}"', "format": fmt},
            )
    setup_page(ws, "Rekap", paper=PAPER_A3, repeat_rows=(table.first_row, table.first_row))


# ----------------------------------------------------------------------------- findings


FINDING_COLUMNS: list[tuple[str, float]] = [
    ("No", 6),
    ("Berkas", 24),
    ("Perangkat Daerah", 22),
    ("Kode Aturan", 7),
    ("Keparahan", 10),
    ("Aturan", 22),
    ("Pesan", 60),
    ("Unit Kerja", 16),
    ("Tingkat", 12),
    ("Kode", 9),
    ("Subjek", 30),
    ("Sel (tautan)", 16),
]
SEVERITY_COL = 4


def _finding_rows(
    sheet: SheetWriter,
    table: _Table,
    rows: Sequence[tuple[dict[str, str], str, str, str]],
    folder: Path,
) -> None:
    """rows: (finding, file shown, its path, perangkat daerah)."""
    styles = sheet.styles
    cell, number, link = styles.cell(), styles.number("0"), styles.link()
    for number_, (f, shown, path, pd_name) in enumerate(rows, start=1):
        rule = RULES.get(f["code"])
        title = rule.title if rule else ""
        r = table.next(_height((f["message"], 60), (f["subject"], 30), (title, 22)))
        sheet.number(r, 0, number_, number)
        target = _link_path(path, folder) if path else ""
        if target:
            sheet.file_link(r, 1, target, shown, link)
        else:
            sheet.text(r, 1, shown, cell)
        values = [
            pd_name,
            f["code"],
            SEVERITY_LABELS.get(f["severity"], f["severity"]),
            title,
            f["message"],
            f["unit"],
            f["tingkat"],
            f["kode"],
            f["subject"],
        ]
        for col, value in enumerate(values, start=2):
            sheet.text(r, col, value, cell)
        where = f"{f['sheet']}!{f['cell']}" if f["sheet"] else f["cell"]
        if target and f["sheet"] and f["cell"]:
            sheet.file_link(r, 11, target, where, link, sheet=f["sheet"], cell=f["cell"])
        else:
            sheet.text(r, 11, where, cell)


def _severity_colours(sheet: SheetWriter, first: int, last: int, col: int) -> None:
    for severity, label in SEVERITY_LABELS.items():
        sheet.ws.conditional_format(
            first,
            col,
            last,
            col,
            {
                "type": "cell",
                "criteria": "==",
                "value": f'"{label}"',
                "format": sheet.styles.severity(severity),
            },
        )


def _write_findings(sheet: SheetWriter, recap: Recap, folder: Path) -> None:
    _title(
        sheet,
        "TEMUAN SETIAP BERKAS",
        "Satu baris per temuan; tautan 'Berkas' membuka workbook perangkat daerah, tautan 'Sel' "
        "membuka sheet dan sel yang dimaksud (berkas harus tetap di tempat relatif yang sama "
        "terhadap rekap ini).",
    )
    table = _Table(sheet, 3, FINDING_COLUMNS)
    rows = [
        (f, result.file, result.path, result.perangkat_daerah)
        for result in sorted(recap.files, key=lambda r: r.file)
        for f in result.findings
    ]
    if not rows:
        sheet.text(table.next(), 6, "Tidak ada temuan.", sheet.styles.cell())
    _finding_rows(sheet, table, rows, folder)
    last = table.finish()
    _severity_colours(sheet, table.first_row + 1, last, SEVERITY_COL)
    setup_page(sheet.ws, "Temuan", paper=PAPER_A3, repeat_rows=(table.first_row, table.first_row))


def _write_lintas(sheet: SheetWriter, recap: Recap, folder: Path) -> None:
    rpjmd = (
        f" RPJMD: {recap.rpjmd}." if recap.rpjmd else " Tanpa --rpjmd: L004/L005 tidak diperiksa."
    )
    _title(
        sheet,
        "LINTAS PERANGKAT DAERAH",
        "Crosscutting: sasaran/indikator Tujuan, Sasaran Strategis atau Sasaran Program yang sama "
        "di dua perangkat daerah atau lebih (mitra dicatat di Keterangan). Rujukan RPJMD ditulis "
        f"di Keterangan sebagai 'RPJMD: <kode atau rumusan>'.{rpjmd}",
    )
    table = _Table(sheet, 3, FINDING_COLUMNS)
    by_name = {r.file: r for r in recap.files}
    paths = {Path(r.path).name: r for r in recap.files}
    rows = []
    for f in recap.lintas:
        data = f.to_dict()
        owner = by_name.get(f.file) or paths.get(f.file)
        path = owner.path if owner else ""
        shown = owner.file if owner else f.file
        rows.append((data, shown, path, owner.perangkat_daerah if owner else "RPJMD"))
    if not rows:
        sheet.text(
            table.next(), 6, "Tidak ada temuan lintas perangkat daerah.", sheet.styles.cell()
        )
    _finding_rows(sheet, table, rows, folder)
    last = table.finish()
    _severity_colours(sheet, table.first_row + 1, last, SEVERITY_COL)
    setup_page(sheet.ws, LINTAS, paper=PAPER_A3, repeat_rows=(table.first_row, table.first_row))


def _write_rules(sheet: SheetWriter, recap: Recap) -> None:
    _title(
        sheet,
        "ATURAN",
        "Per aturan: jumlah perangkat daerah (berkas) yang terkena dan jumlah temuan.",
    )
    table = _Table(
        sheet,
        3,
        [
            ("Kode", 7),
            ("Keparahan", 10),
            ("Aturan", 40),
            ("Berkas", 8),
            ("Temuan", 8),
            ("Alasan", 70),
        ],
    )
    files: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for result in recap.files:
        for f in result.findings:
            files[f["code"]].add(result.file)
            counts[f["code"]] += 1
    for f in recap.lintas:
        files[f.code].add(f.file)
        counts[f.code] += 1
    styles = sheet.styles
    cell, number = styles.cell(), styles.number("0")
    for code, rule in RULES.items():
        r = table.next(_height((rule.rationale, 70), (rule.title, 40)))
        sheet.text(r, 0, code, cell)
        sheet.text(r, 1, SEVERITY_LABELS[rule.severity], cell)
        sheet.text(r, 2, rule.title, cell)
        sheet.number(r, 3, len(files.get(code, ())), number)
        sheet.number(r, 4, counts.get(code, 0), number)
        sheet.text(r, 5, rule.rationale, cell)
    last = table.finish()
    _severity_colours(sheet, table.first_row + 1, last, 1)
    sheet.ws.conditional_format(
        table.first_row + 1,
        4,
        last,
        4,
        {"type": "data_bar", "bar_color": "#F4B183", "bar_solid": True},
    )
    setup_page(sheet.ws, ATURAN, paper=PAPER_A4, repeat_rows=(table.first_row, table.first_row))


def _write_lke(sheet: SheetWriter, recap: Recap) -> None:
    _title(
        sheet, "PRA-PERIKSA LKE", PRECHECK_NOTE + " Kriteria tiap butir dinyatakan pada barisnya."
    )
    table = _Table(
        sheet,
        3,
        [
            ("Berkas", 24),
            ("Perangkat Daerah", 26),
            ("Butir", 7),
            ("Kriteria", 60),
            ("Status", 13),
            ("Rincian", 34),
        ],
    )
    cell = sheet.styles.cell()
    for result in sorted(recap.files, key=lambda r: r.file):
        for p in result.lke:
            r = table.next(_height((p["criterion"], 60), (p["detail"], 34)))
            for col, value in enumerate(
                (
                    result.file,
                    result.perangkat_daerah,
                    p["code"],
                    p["criterion"],
                    p["status"],
                    p["detail"],
                )
            ):
                sheet.text(r, col, value, cell)
    last = table.finish()
    for value, fill, font in (
        (MET, GOOD_FILL, GOOD_FONT),
        (NOT_MET, SEVERITY_FILLS["error"], SEVERITY_FONTS["error"]),
    ):
        sheet.ws.conditional_format(
            table.first_row + 1,
            4,
            last,
            4,
            {
                "type": "cell",
                "criteria": "==",
                "value": f'"{value}"',
                "format": sheet.styles.get(bg_color=fill, font_color=font),
            },
        )
    setup_page(sheet.ws, LKE, paper=PAPER_A4, repeat_rows=(table.first_row, table.first_row))


def write_rekap_workbook(recap: Recap, path: str | Path) -> Path:
    """Write the recap workbook whole or not at all; links are relative to its folder."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    lintas_by_file: Counter[str] = Counter(f.file for f in recap.lintas)
    with atomic_output(target) as tmp:
        book = xlsxwriter.Workbook(str(tmp), OPTIONS)
        styles = Styles(book)
        sheets = {
            name: SheetWriter(book.add_worksheet(name), styles)
            for name in (REKAP, TEMUAN, ATURAN, LINTAS, LKE)
        }
        _write_rekap(sheets[REKAP], recap, folder, lintas_by_file)
        _write_findings(sheets[TEMUAN], recap, folder)
        _write_rules(sheets[ATURAN], recap)
        _write_lintas(sheets[LINTAS], recap, folder)
        _write_lke(sheets[LKE], recap)
        book.close()
    return target
