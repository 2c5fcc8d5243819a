"""The frames a reader hands on: their columns, header texts and types, described once here.

Every frame is indexed by the Excel row number of its source sheet, so that a check can point at a
cell with `SheetFrame.cell(field, row)`. The letters of the source columns travel in
`SheetFrame.columns` (field -> column letter).

Each frame has one strict, non-coercing pandera model: PegawaiFrame, KinerjaFrame, NodesFrame
here, RenstraNodesFrame and RenstraIndicatorsFrame in model/renstra.py, ReconcilePairsFrame in
model/reconciliation.py. No column more or less, no type converted. The reader (the comparison,
for the pairs) checks its frames against them before it returns (`conform`); a frame that fails
is a bug of pokin-xl (FrameContractError, an internal error), never a defect of the document;
rule checks (checks/) are another matter and never live here.

No `from __future__ import annotations` in the modules of frame models: pandera reads a model's
annotations, and given as strings it evaluates each again for every model (~7 ms of every start
for the three models here).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera import dtypes
from pandera.engines import pandas_engine
from pandera.errors import SchemaErrors
from pandera.typing import Index, Series

from pokin_xl.errors import InternalError, printable
from pokin_xl.model.fields import KINERJA_FIELDS, NODE_FIELDS, PEGAWAI_FIELDS, QUARTER_FIELDS  # noqa: F401
from pokin_xl.model.levels import JenisJabatan
from pokin_xl.model.targets import TARGET_KINDS


# ---------------------------------------------------------------------------------------- contracts
class FrameContractError(InternalError):
    """A frame does not have the shape its model declares: a reader bug, not a document defect."""


_STR = pandas_engine.Engine.dtype(str)  # what pandera checks a `Series[str]` column against


@pandas_engine.Engine.register_dtype
@dtypes.immutable(init=True)
class Text(pandas_engine.DataType):
    """`str` for a column, as `Series[str]` checks it, with one shortcut: a column of that very
    dtype (pandas' string dtype) passes at once. pandera checks it by returning one True per
    value and then formats an empty table of failure cases for each column even when it passes
    (~0.5 ms a column, half the cost of the three contracts on a small workbook); every value of
    that dtype is a str or NA by construction, and NA is the `nullable` check's. Any other
    column dtype (object, a number) is checked exactly as `str` checks it, value by value."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", _STR.type)

    def check(
        self, pandera_dtype: dtypes.DataType, data_container: pd.Series | None = None
    ) -> bool | Iterable[bool]:
        try:
            same = pandas_engine.Engine.dtype(pandera_dtype).type == self.type
        except TypeError:
            same = False
        if same and data_container is not None:
            return True
        return _STR.check(pandera_dtype, data_container)

    def __str__(self) -> str:
        return str(_STR)


def _text() -> object:
    """Text column: blanks are "" (never NaN, never a number)."""
    return pa.Field(nullable=False)


class PegawaiFrame(pa.DataFrameModel):
    """One row per person of the Pegawai sheet: PEGAWAI_FIELDS as text, plus `jenis`."""

    row: Index[int] = pa.Field(check_name=False)
    nama: Series[Text] = _text()
    nip: Series[Text] = _text()
    jabatan: Series[Text] = _text()
    jenis_jabatan: Series[Text] = _text()
    unit_kerja: Series[Text] = _text()
    atasan: Series[Text] = _text()
    status: Series[Text] = _text()
    jenis: Series[Text] = pa.Field(isin=["", *(kind.value for kind in JenisJabatan)])

    class Config:
        name = "pegawai"
        strict = True
        coerce = False


class _NodeColumns(pa.DataFrameModel):
    row: Index[int] = pa.Field(check_name=False)
    kode: Series[Text] = pa.Field(str_length={"min_value": 1})
    kode_induk: Series[Text] = _text()
    level: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range={"min_value": 0, "max_value": 5}
    )
    tingkat: Series[Text] = _text()
    unit_kerja: Series[Text] = _text()
    sasaran: Series[Text] = _text()
    kode_nomenklatur: Series[Text] = _text()
    nomenklatur: Series[Text] = _text()
    pengampu: Series[Text] = _text()
    kode_generated: Series[bool]
    induk_inferred: Series[bool]
    induk_skipped: Series[Text] = _text()
    pagu_value: Series[pd.Float64Dtype] = pa.Field(nullable=True)


class NodesFrame(_NodeColumns):
    """One row per distinct Kode (index: the Excel row of its first indicator row)."""

    kode: Series[Text] = pa.Field(str_length={"min_value": 1}, unique=True)
    n_indikator: Series[int] = pa.Field(ge=0)

    class Config:
        name = "nodes"
        strict = True
        coerce = False


class KinerjaFrame(_NodeColumns):
    """One row per indicator row of the Kinerja sheet; node fields filled down within a Kode."""

    indikator: Series[Text] = _text()
    target_raw: Series[Text] = _text()
    target_kind: Series[Text] = pa.Field(isin=list(TARGET_KINDS))
    target_value: Series[float] = pa.Field(nullable=True)
    target_low: Series[float] = pa.Field(nullable=True)
    target_high: Series[float] = pa.Field(nullable=True)
    target_operator: Series[object] = pa.Field(nullable=True)
    target_unit: Series[Text] = pa.Field(nullable=True)
    target_category: Series[Text] = pa.Field(nullable=True)
    satuan: Series[Text] = _text()
    satuan_norm: Series[Text] = _text()
    pagu: Series[object] = pa.Field(nullable=True)
    keterangan: Series[Text] = _text()
    tingkat_raw: Series[Text] = _text()
    node_row: Series[int]
    # Optional document columns (blank when the workbook has none): quarters as written and read.
    target_tw1: Series[Text] = _text()
    target_tw2: Series[Text] = _text()
    target_tw3: Series[Text] = _text()
    target_tw4: Series[Text] = _text()
    target_tw1_value: Series[pd.Float64Dtype] = pa.Field(nullable=True)
    target_tw2_value: Series[pd.Float64Dtype] = pa.Field(nullable=True)
    target_tw3_value: Series[pd.Float64Dtype] = pa.Field(nullable=True)
    target_tw4_value: Series[pd.Float64Dtype] = pa.Field(nullable=True)
    cara_hitung: Series[Text] = _text()
    polaritas: Series[Text] = _text()
    definisi_operasional: Series[Text] = _text()
    formula: Series[Text] = _text()
    sumber_data: Series[Text] = _text()
    iku: Series[Text] = _text()

    class Config:
        name = "indicators"
        strict = True
        coerce = False


def empty_frame(model: type[pa.DataFrameModel], periods: Iterable[int] = ()) -> pd.DataFrame:
    """A frame without rows whose columns and types are the model's; a per-period column
    (declared by a regex such as `^pagu_\\d+$`) once for each of `periods`."""
    schema = model.to_schema().columns
    columns = {name: pd.Series(dtype=c.dtype.type) for name, c in schema.items() if not c.regex}
    for period in periods:
        for name, column in schema.items():
            if column.regex:
                named = name.strip("^$").replace(r"\d+", str(period))
                columns[named] = pd.Series(dtype=column.dtype.type)
    frame = pd.DataFrame(columns)
    frame.index = pd.Index([], dtype="int64", name="row")
    return frame


def conform(frame: pd.DataFrame, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """The frame, in the model's column order, once the model accepts it; else FrameContractError."""
    declared = [c for c in model.to_schema().columns if c in frame.columns]
    # a column selection, never a join: a Renstra row stating two indicators repeats its index
    ordered = frame[[*declared, *(c for c in frame.columns if c not in declared)]]
    try:
        # `inplace`: pandera copies nothing. The models neither coerce nor fill defaults nor
        # parse, so validation never changes the frame; without it pandera copied the whole
        # frame once more for each of its columns. `ordered` is already the caller's own.
        return model.validate(ordered, lazy=True, inplace=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases.head(10)
        broken = "; ".join(
            f"{case['column']}: {case['check']} ({case['failure_case']!r}, baris {case['index']})"
            for case in cases.to_dict("records")
        )
        name = model.Config.name
        raise FrameContractError(f"frame {name} tidak sesuai modelnya: {broken}") from errors


@dataclass
class SheetFrame:
    """A frame read from one sheet: the rows, the sheet's name and where each field was found."""

    frame: pd.DataFrame
    sheet: str
    columns: dict[str, str] = field(default_factory=dict)

    def cell(self, column: str, row: int) -> str:
        """'F12' for a field and an Excel row; the row alone ('12') where the field had no column."""
        letter = self.columns.get(column, "")
        return f"{letter}{row}"


@dataclass
class Identity:
    pemda: str = ""
    perangkat_daerah: str = ""
    tahun: int | None = None
    visi: str = ""
    misi: list[str] = field(default_factory=list)
    kepala: str = ""
    nip_kepala: str = ""
    kepala_daerah: str = ""
    jabatan_kepala_daerah: str = ""
    tempat: str = ""
    tanggal: str = ""
    sheet: str = "Identitas"
    cells: dict[str, str] = field(default_factory=dict)


@dataclass
class MatriksWorkbook:
    """What `read_matriks` returns. The frames' columns are their models' (above):

    - `indicators`: KinerjaFrame, one row per indicator row of the Kinerja sheet, node fields
      filled down within a Kode, the Target cell parsed into its `target_*` fields;
    - `nodes`: NodesFrame, one row per distinct Kode;
    - `pegawai`: PegawaiFrame, one row per person;
    - `problems`: reading problems that are not fatal (unknown Tingkat text, unreadable number),
      as Findings.
    """

    path: str
    identity: Identity
    pegawai: SheetFrame
    indicators: SheetFrame
    nodes: SheetFrame
    problems: list = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return printable(Path(self.path).name)
