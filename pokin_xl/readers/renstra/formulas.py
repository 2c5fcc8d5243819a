"""Roll-up formulas of Renstra tables: which rows they add up, and their value when none was cached.

Excel stores a formula's last result beside it; files written by other programs (or saved with
calculation off) may not. Such a cell must never be read as 0: `evaluate` recomputes the small
arithmetic these tables use (cell references, SUM over ranges, + - * / ^, IFERROR, ROUND,
ROUNDDOWN, ROUNDUP, IF, AND, OR, NOT, ISNUMBER, MIN, MAX, ABS, INT). Anything else is "not computable" (None), never a guess.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from pokin_xl.readers.grid import column_index

MAX_RANGE_CELLS = 200_000


class FormulaError(Exception):
    """A formula this module cannot compute (unsupported function, other sheet, syntax)."""


@dataclass(frozen=True)
class ExcelError:
    code: str  # "#REF!", "#DIV/0!", "#VALUE!", "#N/A", ...


_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<string>"(?:[^"]|"")*")
  | (?P<error>\#(?:REF!|DIV/0!|VALUE!|N/A|NAME\?|NUM!|NULL!))
  | (?P<sheetref>(?:'[^']+'|[A-Za-z_][\w.]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)
  | (?P<range>\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+)
  | (?P<func>(?:_xlfn\.)?[A-Za-z][A-Za-z0-9.]*(?=\())
  | (?P<ref>\$?[A-Za-z]{1,3}\$?\d+(?![\w(]))
  | (?P<number>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)
  | (?P<bool>TRUE|FALSE)
  | (?P<op><>|<=|>=|[-+*/^&=<>%(),])
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CELL_RE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")


def _tokens(formula: str) -> list[tuple[str, str]]:
    text = formula[1:] if formula.startswith("=") else formula
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = _TOKEN_RE.match(text, position)
        if match is None:
            raise FormulaError(f"tidak dikenal: {text[position : position + 10]!r}")
        position = match.end()
        kind = match.lastgroup or ""
        if kind != "ws":
            tokens.append((kind, match.group()))
    return tokens


def _cell(text: str) -> tuple[int, int]:
    match = _CELL_RE.fullmatch(text)
    if match is None:  # pragma: no cover - the tokenizer only hands over cell texts
        raise FormulaError(text)
    return column_index(match.group(1).upper()), int(match.group(2))


@dataclass(frozen=True)
class References:
    """The cells a formula reads: (column, row) pairs, and what else it holds."""

    cells: tuple[tuple[int, int], ...]
    broken: bool  # a #REF! to a deleted cell
    foreign: bool  # a reference to another sheet or workbook

    def rows_in_column(self, column: int) -> tuple[int, ...] | None:
        """Rows read in `column`, sorted; None when the formula reads any other column."""
        if any(col != column for col, _ in self.cells):
            return None
        return tuple(sorted({row for _, row in self.cells}))


def references(formula: str) -> References:
    """The cells a formula reads, ranges expanded (at most MAX_RANGE_CELLS)."""
    try:
        tokens = _tokens(formula)
    except FormulaError:
        return References((), broken=False, foreign=True)
    cells: list[tuple[int, int]] = []
    broken = foreign = False
    for kind, text in tokens:
        if kind == "ref":
            cells.append(_cell(text))
        elif kind == "range":
            (c1, r1), (c2, r2) = (_cell(part) for part in text.split(":"))
            width, height = abs(c2 - c1) + 1, abs(r2 - r1) + 1
            if width * height > MAX_RANGE_CELLS:
                foreign = True
                continue
            cells.extend(
                (c, r)
                for c in range(min(c1, c2), max(c1, c2) + 1)
                for r in range(min(r1, r2), max(r1, r2) + 1)
            )
        elif kind == "error" and text.upper() == "#REF!":
            broken = True
        elif kind == "sheetref":
            foreign = True
    return References(tuple(cells), broken=broken, foreign=foreign)


# ------------------------------------------------------------------------------------ evaluation
Value = float | str | bool | None | ExcelError
Lookup = Callable[[int, int], Value]


def evaluate(formula: str, lookup: Lookup) -> Value:
    """The value of `formula`; `lookup(column, row)` gives other cells' values (None when empty).

    Raises FormulaError when the formula uses something this module does not compute.
    """
    parser = _Parser(_tokens(formula), lookup)
    value = parser.expression()
    if parser.position != len(parser.tokens):
        raise FormulaError("sisa rumus tidak terbaca")
    if isinstance(value, list):
        raise FormulaError("rentang sebagai hasil")
    return value


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], lookup: Lookup) -> None:
        self.tokens = tokens
        self.position = 0
        self.lookup = lookup

    def _peek(self) -> tuple[str, str]:
        return self.tokens[self.position] if self.position < len(self.tokens) else ("end", "")

    def _take(self) -> tuple[str, str]:
        token = self._peek()
        self.position += 1
        return token

    def _expect(self, text: str) -> None:
        if self._take()[1] != text:
            raise FormulaError(f"'{text}' diharapkan")

    def expression(self) -> Value | list:
        left = self._concat()
        while self._peek()[1] in ("=", "<>", "<", ">", "<=", ">="):
            operator = self._take()[1]
            right = self._concat()
            left = _compare(operator, left, right)
        return left

    def _concat(self) -> Value | list:
        left = self._additive()
        while self._peek()[1] == "&":
            self._take()
            right = self._additive()
            error = _first_error(left, right)
            left = error or _text(left) + _text(right)
        return left

    def _additive(self) -> Value | list:
        left = self._multiplicative()
        while self._peek()[1] in ("+", "-"):
            operator = self._take()[1]
            right = self._multiplicative()
            left = _arithmetic(operator, left, right)
        return left

    def _multiplicative(self) -> Value | list:
        left = self._power()
        while self._peek()[1] in ("*", "/"):
            operator = self._take()[1]
            right = self._power()
            left = _arithmetic(operator, left, right)
        return left

    def _power(self) -> Value | list:
        left = self._unary()
        while self._peek()[1] == "^":
            self._take()
            right = self._unary()
            left = _arithmetic("^", left, right)
        return left

    def _unary(self) -> Value | list:
        if self._peek()[1] in ("-", "+"):
            operator = self._take()[1]
            operand = self._unary()
            return _arithmetic("*", -1.0 if operator == "-" else 1.0, operand)
        value = self._primary()
        while self._peek()[1] == "%":
            self._take()
            value = _arithmetic("/", value, 100.0)
        return value

    def _primary(self) -> Value | list:
        kind, text = self._take()
        if kind == "number":
            return float(text)
        if kind == "string":
            return text[1:-1].replace('""', '"')
        if kind == "bool":
            return text.upper() == "TRUE"
        if kind == "error":
            return ExcelError(text.upper())
        if kind == "ref":
            return self.lookup(*_cell(text))
        if kind == "range":
            (c1, r1), (c2, r2) = (_cell(part) for part in text.split(":"))
            if (abs(c2 - c1) + 1) * (abs(r2 - r1) + 1) > MAX_RANGE_CELLS:
                raise FormulaError("rentang terlalu besar")
            return [
                self.lookup(c, r)
                for c in range(min(c1, c2), max(c1, c2) + 1)
                for r in range(min(r1, r2), max(r1, r2) + 1)
            ]
        if kind == "func":
            return self._function(text.upper().removeprefix("_XLFN."))
        if text == "(":
            value = self.expression()
            self._expect(")")
            return value
        if kind == "sheetref":
            raise FormulaError("merujuk sheet lain")
        raise FormulaError(f"tidak terduga: {text!r}")

    def _arguments(self) -> list[Value | list]:
        self._expect("(")
        arguments: list[Value | list] = []
        if self._peek()[1] == ")":
            self._take()
            return arguments
        while True:
            if self._peek()[1] in (",", ")"):
                arguments.append(None)  # an omitted argument
            else:
                arguments.append(self.expression())
            separator = self._take()[1]
            if separator == ")":
                return arguments
            if separator != ",":
                raise FormulaError("',' atau ')' diharapkan")

    def _function(self, name: str) -> Value:
        arguments = self._arguments()
        handler = _FUNCTIONS.get(name)
        if handler is None:
            raise FormulaError(f"fungsi {name} tidak didukung")
        return handler(arguments)


def _flatten(arguments: list[Value | list]) -> list[Value]:
    values: list[Value] = []
    for argument in arguments:
        if isinstance(argument, list):
            values.extend(v for v in argument if isinstance(v, float | int | ExcelError))
        else:
            values.append(argument)
    return values


def _first_error(*values: object) -> ExcelError | None:
    for value in values:
        if isinstance(value, ExcelError):
            return value
        if isinstance(value, list):
            found = _first_error(*value)
            if found:
                return found
    return None


def _number(value: Value | list) -> float | ExcelError:
    if isinstance(value, ExcelError):
        return value
    if isinstance(value, list):
        return ExcelError("#VALUE!")
    if value is None or value == "":
        return 0.0 if value is None else ExcelError("#VALUE!")
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        return ExcelError("#VALUE!")


def _text(value: Value | list) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _arithmetic(operator: str, left: Value | list, right: Value | list) -> Value:
    a, b = _number(left), _number(right)
    if isinstance(a, ExcelError):
        return a
    if isinstance(b, ExcelError):
        return b
    if operator == "+":
        return a + b
    if operator == "-":
        return a - b
    if operator == "*":
        return a * b
    if operator == "/":
        return ExcelError("#DIV/0!") if b == 0 else a / b
    try:
        return math.pow(a, b)
    except (OverflowError, ValueError):
        return ExcelError("#NUM!")


def _compare(operator: str, left: Value | list, right: Value | list) -> Value:
    error = _first_error(left, right)
    if error:
        return error
    a: object = 0.0 if left is None else left
    b: object = 0.0 if right is None else right
    if isinstance(a, str) != isinstance(b, str):
        a, b = _text(a).lower(), _text(b).lower()
    elif isinstance(a, str):
        a, b = a.lower(), str(b).lower()
    result = {
        "=": a == b,
        "<>": a != b,
        "<": a < b,  # type: ignore[operator]
        ">": a > b,  # type: ignore[operator]
        "<=": a <= b,  # type: ignore[operator]
        ">=": a >= b,  # type: ignore[operator]
    }[operator]
    return bool(result)


def _sum(arguments: list[Value | list]) -> Value:
    total = 0.0
    for value in _flatten(arguments):
        number = _number(value)
        if isinstance(number, ExcelError):
            return number
        total += number
    return total


def _iferror(arguments: list[Value | list]) -> Value:
    if len(arguments) != 2:
        raise FormulaError("IFERROR memerlukan 2 argumen")
    value, fallback = arguments
    if isinstance(value, list) or isinstance(fallback, list):
        raise FormulaError("rentang dalam IFERROR")
    return fallback if isinstance(value, ExcelError) else value


def _rounder(mode: str) -> Callable[[list[Value | list]], Value]:
    def handler(arguments: list[Value | list]) -> Value:
        if len(arguments) not in (1, 2):
            raise FormulaError("ROUND memerlukan 1-2 argumen")
        number = _number(arguments[0])
        digits = _number(arguments[1]) if len(arguments) == 2 else 0.0
        if isinstance(number, ExcelError):
            return number
        if isinstance(digits, ExcelError):
            return digits
        factor = 10.0 ** int(digits)
        # Excel works to 15 significant digits: 1500000 * 1.15 is 1725000, not 1724999.99...
        scaled = float(f"{number * factor:.15g}")
        if mode == "down":
            rounded = math.trunc(scaled)
        elif mode == "up":
            rounded = math.copysign(math.ceil(abs(scaled) - 1e-9), scaled)
        else:  # Excel rounds halves away from zero
            rounded = math.copysign(math.floor(abs(scaled) + 0.5 + 1e-9), scaled)
        return rounded / factor

    return handler


def _if(arguments: list[Value | list]) -> Value:
    if len(arguments) not in (2, 3):
        raise FormulaError("IF memerlukan 2-3 argumen")
    condition = arguments[0]
    if isinstance(condition, ExcelError):
        return condition
    chosen = (
        arguments[1] if _truthy(condition) else (arguments[2] if len(arguments) == 3 else False)
    )
    if isinstance(chosen, list):
        raise FormulaError("rentang dalam IF")
    return chosen


def _truthy(value: Value | list) -> bool:
    if isinstance(value, str):
        return value.upper() == "TRUE"
    number = _number(value)
    return not isinstance(number, ExcelError) and number != 0


def _extreme(pick: Callable[..., float]) -> Callable[[list[Value | list]], Value]:
    def handler(arguments: list[Value | list]) -> Value:
        numbers: list[float] = []
        for value in _flatten(arguments):
            number = _number(value)
            if isinstance(number, ExcelError):
                return number
            numbers.append(number)
        return pick(numbers) if numbers else 0.0

    return handler


def _single(function: Callable[[float], float]) -> Callable[[list[Value | list]], Value]:
    def handler(arguments: list[Value | list]) -> Value:
        if len(arguments) != 1:
            raise FormulaError("satu argumen diharapkan")
        number = _number(arguments[0])
        return number if isinstance(number, ExcelError) else float(function(number))

    return handler


def _isnumber(arguments: list[Value | list]) -> Value:
    if len(arguments) != 1:
        raise FormulaError("ISNUMBER memerlukan 1 argumen")
    value = arguments[0]
    return isinstance(value, int | float) and not isinstance(value, bool)


def _logical(pick: Callable[[list[bool]], bool]) -> Callable[[list[Value | list]], Value]:
    def handler(arguments: list[Value | list]) -> Value:
        error = _first_error(*arguments)
        if error:
            return error
        return pick([_truthy(v) for v in _flatten(arguments) if v is not None])

    return handler


def _not(arguments: list[Value | list]) -> Value:
    if len(arguments) != 1:
        raise FormulaError("NOT memerlukan 1 argumen")
    value = arguments[0]
    return value if isinstance(value, ExcelError) else not _truthy(value)


_FUNCTIONS: dict[str, Callable[[list[Value | list]], Value]] = {
    "ISNUMBER": _isnumber,
    "AND": _logical(all),
    "OR": _logical(any),
    "NOT": _not,
    "SUM": _sum,
    "IFERROR": _iferror,
    "ROUND": _rounder("half"),
    "ROUNDDOWN": _rounder("down"),
    "ROUNDUP": _rounder("up"),
    "IF": _if,
    "MIN": _extreme(min),
    "MAX": _extreme(max),
    "ABS": _single(abs),
    "INT": _single(math.floor),
}
