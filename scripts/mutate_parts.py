"""Run pokin-xl on workbooks damaged at random; list every run that ended as a failure of
pokin-xl itself (exit 3 or a traceback), took too long, or broke the JSON of `--format json`.

A bad input must end with one Indonesian line and exit 2; exit 0/1 (the damage did not matter,
or it became a finding) is as good. Each mutant is one to three edits of the XML parts
(worksheets weighed most): a byte changed, cut, doubled or swapped with another, the part cut
short, an attribute, a cell's address or a <v> value replaced by an edge value (a negative or
huge row, 'A0', 'xfd1048576', '1e400', 'NaN', a type letter), a tag renamed. A legacy .xls gets 1-16 byte edits of the whole
file (see mutate_binary). Seeded: the same seed gives the same mutants.

    .venv/bin/python scripts/mutate_parts.py samples/bkpsdm_purwakarta_2024/matriks.xlsx
    .venv/bin/python scripts/mutate_parts.py RENSTRA.xlsx --command validate --count 300 --seed 4
    .venv/bin/python scripts/mutate_parts.py MATRIKS.xlsx --command build -- -o '/tmp/out_{n}.xlsx'

Arguments after `--` follow the mutant on the command line ('{n}': the mutant's number); where
one of them holds '{mutant}', the mutant goes there instead (a Renstra given second:
`--command reconcile -- MATRIKS.xlsx '{mutant}'`).
Mutants that failed are kept in --folder for --debug; the others are deleted. A run is stopped
after three times --slow (a hang), on the main thread's timer.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import re
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ATTRIBUTE_VALUES = [
    "", "-1", "0", "999999999", "A0", "XFD1048576", "ZZZ1", "1:1048576", "abc", "1e308", "NaN",
    "s", "str", "e", "b", "n", "inlineStr", "d", "99999", "3.5", "A1:XFD1048576", "9" * 30,
    "999999999999",
]  # fmt: skip
# a cell's own address: both readers place a cell by it, whatever its row element says
ADDRESS_VALUES = [
    "XFD1048576", "xfd1048576", "A1048576", "XFD1", "ZZZ9", "A99999999", "A0", "a1", "A01", "",
    "1A", "AAAA1",
]  # fmt: skip
NUMBER_VALUES = [
    "", "-1", "1e400", "NaN", "inf", "99999999999999999999", "x", "0.1e-400", "-0", "1E+308",
    "2958466", "-693594",
]  # fmt: skip
TAGS = ["c", "row", "v", "si", "t", "is", "f", "mergeCell", "sheetData", "x", "r"]


def _replace_one(text: str, pattern: str, values: list[str], rng: random.Random) -> str:
    found = list(re.finditer(pattern, text))
    if not found:
        return text
    match = rng.choice(found)
    return text[: match.start(1)] + rng.choice(values) + text[match.end(1) :]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random edit of a part's bytes."""
    if not data:
        return data
    edit = rng.choice(
        ["flip", "delete", "double", "truncate", "attribute", "address", "number", "tag", "swap"]
    )
    if edit in ("attribute", "address", "number", "tag"):
        text = data.decode("utf-8", "replace")
        if edit == "address" and '<c r="' in text:
            text = _replace_one(text, r'<c r="([^"]*)"', ADDRESS_VALUES, rng)
        elif edit in ("attribute", "address"):  # a part without cells: any attribute
            text = _replace_one(text, r'\w+="([^"]*)"', ATTRIBUTE_VALUES, rng)
        elif edit == "number":
            text = _replace_one(text, r"<v>([^<]*)</v>", NUMBER_VALUES, rng)
        else:
            text = _replace_one(text, r"</?(\w+)", TAGS, rng)
        return text.encode()
    out = bytearray(data)
    at = rng.randrange(len(out))
    if edit == "flip":
        out[at] = rng.randrange(256)
    elif edit == "delete":
        del out[at : at + rng.randrange(1, 200)]
    elif edit == "double":
        end = min(len(out), at + rng.randrange(1, 400))
        out[end:end] = out[at:end]
    elif edit == "truncate":
        del out[at:]
    else:
        other = rng.randrange(len(out))
        first, second = sorted((at, other))
        size = rng.randrange(1, 100)
        out[first : first + size], out[second : second + size] = (
            out[second : second + size],
            out[first : first + size],
        )
    return bytes(out)


EDGE_WORDS = [b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\xff\xff\xff\x7f", b"\x01\x00\x00\x80"]


def mutate_binary(data: bytes, rng: random.Random) -> bytes:
    """1 to 16 edits of a binary file (a legacy .xls): bytes changed, a 32-bit word set to an
    edge value (record lengths, indices, counts), a run deleted, the file cut short."""
    out = bytearray(data)
    for _ in range(rng.choice([1, 2, 4, 8, 16])):
        if not out:
            break
        at, draw = rng.randrange(len(out)), rng.random()
        if draw < 0.6:
            out[at] = rng.randrange(256)
        elif draw < 0.8:
            out[at : at + 4] = rng.choice(EDGE_WORDS)
        elif draw < 0.9:
            del out[at:]
        else:
            del out[at : at + rng.randrange(1, 600)]
    return bytes(out)


def mutants(workbook: Path, rng: random.Random) -> Iterator[bytes]:
    """Endless mutants of a workbook's bytes: one to three XML parts edited for a zip (.xlsx,
    .xlsm), the whole file for anything else (.xls)."""
    if not zipfile.is_zipfile(workbook):
        data = workbook.read_bytes()
        while True:
            yield mutate_binary(data, rng)
    with zipfile.ZipFile(workbook) as archive:
        names = archive.namelist()
        parts = {name: archive.read(name) for name in names}
    xml_parts = [n for n in names if n.endswith((".xml", ".rels"))]
    weights = [_weight(n) for n in xml_parts]
    while True:
        changed = dict(parts)
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            part = rng.choices(xml_parts, weights)[0]
            changed[part] = mutate(changed[part], rng)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in names:
                archive.writestr(name, changed[name])
        yield buffer.getvalue()


def _weight(part: str) -> int:
    if "worksheets/sheet" in part:
        return 3
    return 2 if any(k in part for k in ("sharedStrings", "styles", "workbook")) else 1


class _Hung(BaseException):
    """Raised by the timer in a run that goes on too long (not KeyboardInterrupt: the command
    line turns that into an ordinary refusal)."""


def _stop(_signum: int, _frame: object) -> None:
    raise _Hung


def run(command: list[str], limit: float | None = None) -> tuple[object, str, str, float]:
    """pokin-xl in this process: exit code ('EXC' for an exception that escaped, 'HANG' for a
    run stopped after `limit` seconds), stdout, stderr, seconds."""
    from pokin_xl import cli

    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    if limit:
        previous = signal.signal(signal.SIGALRM, _stop)
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code: object = cli.main(command)
    except SystemExit as exc:
        code = exc.code
    except _Hung:
        code = "HANG"
    except BaseException:  # what the test is looking for: report it, go on
        code = "EXC"
        err.write(traceback.format_exc())
    finally:
        if limit:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - start


def trouble(
    command: list[str], code: object, out: str, err: str, seconds: float, slow: float
) -> str:
    """Why a run is a failure of pokin-xl itself ('' when it is not): an exit code other than
    0/1/2 (or 'HANG'), a traceback, a run slower than `slow` seconds, or `--format json` output
    that is not JSON."""
    if code not in (0, 1, 2) or "Traceback" in err:
        return f"exit {code}"
    if seconds > slow:
        return f"{seconds:.1f} s"
    if ("json" in command or "--format=json" in command) and out.strip():
        try:
            json.loads(out)
        except ValueError:
            return "--format json printed something that is not JSON"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workbook", type=Path)
    parser.add_argument("--command", default="validate")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slow", type=float, default=20.0, help="seconds that count as a hang")
    parser.add_argument("--folder", type=Path, default=None)
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1 :] if "--" in argv else []
    args = parser.parse_args(argv[: len(argv) - len(extra) - (1 if "--" in argv else 0)])
    folder = args.folder or Path(tempfile.mkdtemp(prefix="pokin_mutants_"))
    folder.mkdir(parents=True, exist_ok=True)
    failures = 0
    codes: Counter[object] = Counter()
    refusals: Counter[str] = Counter()
    made = mutants(args.workbook, random.Random(args.seed))
    for number in range(args.count):
        path = folder / f"mutant_{args.seed}_{number}{args.workbook.suffix}"
        path.write_bytes(next(made))
        more = [a.replace("{n}", str(number)).replace("{mutant}", str(path)) for a in extra]
        placed = any("{mutant}" in a for a in extra)
        command = [args.command, *([] if placed else [str(path)]), *more]
        code, out, err, seconds = run(command, limit=args.slow * 3)
        codes[code] += 1
        if code == 2:
            refusals[re.sub(r"\d+", "#", err.strip().splitlines()[-1] if err.strip() else "")] += 1
        reason = trouble(command, code, out, err, seconds, args.slow)
        if not reason:
            path.unlink()
            continue
        failures += 1
        print(f"--- {path}: {reason}\n{err[-1500:]}{out[:300]}", flush=True)
    print(f"{args.count} mutants of {args.workbook.name} ({args.command}): {failures} failed")
    print("exit codes: " + ", ".join(f"{code}: {n}" for code, n in sorted(codes.items(), key=str)))
    for reason, n in refusals.most_common(5):  # one reason for every run: the command is wrong
        print(f"  {n} x {reason[:160]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
