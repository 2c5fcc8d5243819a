"""pokin-xl: Matriks Peran dan Hasil (Excel) in, a validated performance cascade out.

workbook --read--> frames --check--> findings --write--> workbook / JSON / text
"""

from pokin_xl.readers.matriks import read_matriks
from pokin_xl.validate import validate

__all__ = ["read_matriks", "validate"]
__version__ = "0.1.0"
