"""pokin-xl: Matriks Peran dan Hasil (Excel) in, a validated performance cascade out.

workbook --read--> frames --check--> findings --write--> workbook / JSON / text
"""

__version__ = "0.1.0"

from pokin_xl.build import build
from pokin_xl.readers.matriks import read_matriks
from pokin_xl.readers.renstra import read_renstra
from pokin_xl.reconcile import reconcile
from pokin_xl.validate import validate

__all__ = ["build", "read_matriks", "read_renstra", "reconcile", "validate"]
