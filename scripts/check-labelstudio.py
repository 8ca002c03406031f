#!/usr/bin/env python3
"""Checks klaim's Label Studio export with the real label-studio-converter
(issue 10): the export must convert to JSON-min, CSV and CoNLL 2003 without
error, and the converted spans (claims and their claimant regions) must quote
the text at their offsets; the claimant's name, type, role and affiliation
come through as per-region fields (issue 7). Not part
of `npm test` (it needs PyPI packages); run it in a scratch venv:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install label-studio-converter
    cargo run --release -- export --format labelstudio PROJECT > /tmp/ls.json
    /tmp/venv/bin/python scripts/check-labelstudio.py /tmp/ls.json

The labelling config is the one documented in src/exchange/labelstudio.rs.
"""
import csv
import json
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from label_studio_converter import Converter

CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="quote"/><Label value="reported"/><Label value="unattributed"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Choices name="tags" toName="text" perRegion="true" choice="multiple">
    <Choice value="benar"/><Choice value="salah"/><Choice value="menyesatkan"/>
    <Choice value="perlu dicek"/><Choice value="tidak dapat diverifikasi"/><Choice value="layak cek"/>
  </Choices>
  <TextArea name="note" toName="text" perRegion="true"/>
  <Labels name="part" toName="text"><Label value="claimant"/></Labels>
  <Relations><Relation value="claimant"/></Relations>
  <TextArea name="claimant_name" toName="text" perRegion="true"/>
  <Choices name="claimant_type" toName="text" perRegion="true">
    <Choice value="person"/><Choice value="organisation"/><Choice value="group"/><Choice value="outlet"/>
  </Choices>
  <TextArea name="claimant_role" toName="text" perRegion="true"/>
  <TextArea name="claimant_affiliation" toName="text" perRegion="true"/>
</View>"""

# The claimant's per-region fields (one value per claimant region).
FIELDS = ("claimant_name", "claimant_type", "claimant_role", "claimant_affiliation")


def main(path):
    tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    out = Path(tempfile.mkdtemp(prefix="klaim-ls-"))
    converter = Converter(CONFIG, project_dir=None, download_resources=False)
    converter.convert_to_json_min(path, str(out / "min"), is_dir=False)
    converter.convert_to_csv(path, str(out / "csv"), sep=",", header=True, is_dir=False)
    converter.convert_to_conll2003(path, str(out / "conll"), is_dir=False)
    rows = json.loads((out / "min" / "result.json").read_text(encoding="utf-8"))
    spans = claimants = 0
    filled = {field: 0 for field in FIELDS}
    for row, task in zip(rows, tasks):
        assert row["id"] == task["id"], (row["id"], task["id"])
        text = task["data"]["text"]
        # Claims (`label`) and their claimants (`part`) alike quote the text.
        for label in row.get("label", []) + row.get("part", []):
            assert text[label["start"]:label["end"]] == label["text"], label
            spans += 1
        claimants += len(row.get("part", []))
        for field in FIELDS:
            # JSON-min gives one value as itself and several as a list.
            value = row.get(field, [])
            filled[field] += 1 if isinstance(value, str) else len(value)
    with open(out / "csv" / "result.csv", encoding="utf-8") as f:
        csv_rows = sum(1 for _ in csv.DictReader(f))
    conll = next((out / "conll").glob("*.conll")).read_text(encoding="utf-8")
    print(
        f"label-studio-converter {version('label-studio-converter')}: {len(tasks)} tasks, "
        f"json-min {len(rows)} rows with {spans} spans quoting their text ({claimants} claimants; "
        + ", ".join(f"{field} {n}" for field, n in filled.items())
        + f"), csv {csv_rows} rows, "
        f"conll {sum(1 for line in conll.splitlines() if line.strip())} token lines"
    )


if __name__ == "__main__":
    main(sys.argv[1])
