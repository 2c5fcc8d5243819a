"""Running the CLI inside a test: exit code and output, with the input files' hashes checked."""

from __future__ import annotations

import hashlib
import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from pokin_xl.cli import main

CRASH = "kesalahan internal"  # the CLI's catch-all: an exception nobody turned into a message


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def input_digests(argv: list[str]) -> dict[Path, str]:
    """The files a command reads: every existing file argument except the one after -o."""
    return {
        Path(arg): digest(Path(arg))
        for before, arg in zip(["", *argv], argv, strict=False)
        if before not in ("-o", "--output") and _is_file(Path(arg))
    }


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long, a symlink loop: not a file the command could read
        return False


def run_cli(*argv: object) -> Run:
    """main() in this process (a subprocess per run would double the time); inputs unchanged."""
    args = [str(a) for a in argv]
    inputs = input_digests(args)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
    assert input_digests(list(map(str, inputs))) == inputs, "an input file was modified"
    return Run(code, out.getvalue(), err.getvalue())
