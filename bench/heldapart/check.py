"""Check the held-apart gold files: every evidence is an exact substring of its .txt, fields and codes are well formed.

Run from the repository root:  python bench/heldapart/check.py
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODE = re.compile(r"^([A-Z]{3}|IGO:[A-Z0-9]+|NSA:[A-Z0-9_]+)$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ROOTS = {f"{i:02d}" for i in range(1, 21)}
problems = 0
for js in sorted(HERE.glob("*.json")):
    gold = json.loads(js.read_text(encoding="utf-8"))
    text = js.with_suffix(".txt").read_text(encoding="utf-8")
    assert gold["id"] == js.stem, js
    for i, e in enumerate(gold["events"]):
        where = f"{js.name} event {i}"
        if e["evidence"] not in text:
            print(where, "evidence not in text:", e["evidence"]); problems += 1
        for k in ("source", "target"):
            if not CODE.match(e[k] or ""):
                print(where, "bad", k, e[k]); problems += 1
        if e["cameo_root"] not in ROOTS:
            print(where, "bad root", e["cameo_root"]); problems += 1
        if e["date"] is not None and not DATE.match(e["date"]):
            print(where, "bad date", e["date"]); problems += 1
        if not isinstance(e["optional"], bool):
            print(where, "optional not bool"); problems += 1
    if gold.get("title") and not text.startswith(gold["title"] + "\n\n"):
        print(js.name, "title is not the first line"); problems += 1
print("problems:", problems)
sys.exit(1 if problems else 0)
