import re

from pokin_xl.model.rules import RULES
from scripts.rules_table import rules_table
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    first_block = re.search(r"```bash\n(.*?)```", README, re.S).group(1)
    assert first_block.splitlines()[0].startswith("make run")
    assert first_block.splitlines()[1].startswith("make test")


def test_readme_rules_table_is_the_catalogue():
    block = README.split("<!-- rules:start -->")[1].split("<!-- rules:end -->")[0].strip()
    assert block == rules_table()
    for code in RULES:
        assert f"| {code} |" in block


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.strip().splitlines()[-1] == "make test"
