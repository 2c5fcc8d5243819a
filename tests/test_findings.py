"""Finding's dict form: the JSON keys users and scripts read, in their order."""

from __future__ import annotations

import dataclasses
import json

from pokin_xl.findings import FINDING_COLUMNS, Finding, Report


def test_to_dict_is_every_field_in_declared_order():
    found = Finding("T001", "error", "Target kosong", file="a.xlsx", cell="F12", kode="1.2")
    data = found.to_dict()
    assert list(data) == FINDING_COLUMNS
    assert data == dataclasses.asdict(found)
    assert Finding(**data) == found


def test_report_json_carries_the_same_dicts():
    findings = [Finding("H002", "error", "Induk salah", cell="B7"), Finding("S001", "info", "x")]
    parsed = json.loads(Report(findings).to_json({"file": "a.xlsx"}))
    assert sorted(map(tuple, (f.values() for f in parsed["findings"]))) == sorted(
        tuple(f.to_dict().values()) for f in findings
    )
