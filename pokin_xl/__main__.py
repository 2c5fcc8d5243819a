"""`python -m pokin_xl`: the same command as `pokin-xl`, for machines where Scripts/ is not on PATH."""

from pokin_xl.cli import run

run()
