"""Build data/actors/officeholders/<region>.jsonl from the compact tables in data/actors/officeholders/src/<region>.txt.

Usage: python scripts/build_officeholders.py americas europe

Table format (one office term a line; '#' starts a comment):

    == USA | list of presidents of the United States; secretaries of state; ...   (country block + source note)
    % FM = Secretary of State                                                         (note on a post in this block)
    P   | Bill Clinton * {William Jefferson Clinton} | 1993-01-20 | 2001-01-20
    FM  | Colin Powell * | 2001-01-20 | 2005-01-26

Columns: post (abbreviation or full post), name, start, end. Dates: YYYY-MM-DD, or YYYY-MM / YYYY (approximate:
first day, role gets "approx": true), a leading '~' marks a full date as approximate; end '-' or empty = in office.
Name field: canonical name; '*' adds the last word as a bare surname, '*Xyz' adds 'Xyz'; '{a; b; id:c; en:d}'
adds aliases ('*' language unless prefixed); '@some_id' forces the id. Accent-free variants are added.

A person already in data/actors/people.jsonl (matched by name and country) keeps that id; that entry's roles and
names are copied in, and its roles win over a table role of the same post and country that overlaps them.
A bare surname claimed by two different people (here or in the curated files) is dropped from both.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT / "data" / "actors"
OUT = ACTORS / "officeholders"
SRC = OUT / "src"

POSTS = {
    "P": ("President", "GOV"), "AP": ("Acting President", "GOV"), "VP": ("Vice President", "GOV"),
    "PM": ("Prime Minister", "GOV"), "APM": ("Acting Prime Minister", "GOV"),
    "K": ("King", "GOV"), "Q": ("Queen", "GOV"), "PR": ("Prince", "GOV"), "GD": ("Grand Duke", "GOV"),
    "CH": ("Chancellor", "GOV"), "POPE": ("Pope", "GOV"),
    "FM": ("Foreign Minister", "GOV"), "DM": ("Defence Minister", "GOV"), "IM": ("Interior Minister", "GOV"),
    "CGS": ("Chief of the General Staff", "MIL"), "CDS": ("Chief of the Defence Staff", "MIL"),
    "CJCS": ("Chairman of the Joint Chiefs of Staff", "MIL"), "CAF": ("Commander of the Armed Forces", "MIL"),
    "CINC": ("Commander-in-Chief of the Armed Forces", "MIL"), "CHOD": ("Chief of Defence", "MIL"),
    "IGB": ("Inspector General of the Bundeswehr", "MIL"),
}
MIL_POSTS = {p for p, s in POSTS.values() if s == "MIL"}


def post_sector(post: str) -> str:
    """MIL for a military command written out in full ("Chief of Army Staff", "Commander of the Navy"), else GOV.

    The same rule as scripts/build_officeholders_asia.py: a long post name is military when it is a known
    military post or starts as one does (a civilian "Chief Adviser" or "Chief Executive" stays GOV).
    """
    if post in MIL_POSTS or post.startswith(("Commander", "Chief of Staff", "Chief of the", "Chief of Army", "Chief of Naval",
                                             "Chief of Air", "Chief of Defence", "Chief of General")):
        return "MIL"
    return "GOV"
SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
                         "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
                         "ʼ": "'", "’": "'"})


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(SPECIAL))
    return "".join(c for c in text if not unicodedata.combining(c))


def slug(text: str) -> str:
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", fold(text).lower())).strip("_")


def parse_date(text: str, where: str) -> tuple[str | None, bool]:
    text = text.strip()
    if text in ("", "-"):
        return None, False
    approx = text.startswith("~")
    text = text.lstrip("~")
    if re.fullmatch(r"\d{4}", text):
        return f"{text}-01-01", True
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return f"{text}-01", True
    try:
        date.fromisoformat(text)
    except ValueError:
        sys.exit(f"{where}: bad date {text!r}")
    return text, approx


def parse_name(field: str, where: str) -> tuple[str, list[tuple[str, str]], str | None]:
    forced = None
    m = re.search(r"@([a-z0-9_]+)", field)
    if m:
        forced, field = m.group(1), field.replace(m.group(0), "")
    aliases: list[tuple[str, str]] = []
    m = re.search(r"\{([^}]*)\}", field)
    if m:
        for a in m.group(1).split(";"):
            a = a.strip()
            if not a:
                continue
            lang = "*"
            if re.match(r"^(en|id):", a):
                lang, a = a[:2], a[3:].strip()
            aliases.append((lang, a))
        field = field.replace(m.group(0), "")
    m = re.search(r"\*(\S*)", field)
    surname = None
    if m:
        surname = m.group(1) or None
        field = field.replace(m.group(0), "")
        name = " ".join(field.split())
        surname = surname or name.split()[-1]
        aliases.append(("surname", surname))
    name = " ".join(field.split())
    if not name:
        sys.exit(f"{where}: no name")
    return name, aliases, forced


def read_curated() -> dict[str, dict]:
    out = {}
    for path in sorted(ACTORS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("//"):
                obj = json.loads(line)
                out[obj["id"]] = obj
    return out


def all_forms(obj: dict) -> list[str]:
    return [f for v in obj.get("names", {}).values() for f in v]


def build(region: str, curated: dict[str, dict], taken_ids: set[str], warnings: list[str]) -> list[dict]:
    src = SRC / f"{region}.txt"
    people: dict[str, dict] = {}  # key: canonical name or forced id
    order: list[str] = []
    country, source, notes = None, None, {}
    for number, raw in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{src.name}:{number}"
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("=="):
            head, _, source = line[2:].partition("|")
            country, source, notes = head.strip(), source.strip(), {}
            if not source:
                sys.exit(f"{where}: country block without a source")
            continue
        if line.startswith("%"):
            k, _, v = line[1:].partition("=")
            notes[POSTS.get(k.strip(), (k.strip(),))[0]] = v.strip()
            continue
        cols = [c.strip() for c in line.split("|")]
        if len(cols) == 3:
            cols.append("")
        if len(cols) != 4 or country is None:
            sys.exit(f"{where}: expected 'post | name | start | end' inside a '== ISO3 | source' block")
        post, sector = POSTS.get(cols[0], (cols[0], post_sector(cols[0])))
        name, aliases, forced = parse_name(cols[1], where)
        start, a1 = parse_date(cols[2], where)
        end, a2 = parse_date(cols[3], where)
        if start is None:
            sys.exit(f"{where}: no start date")
        key = forced or name
        if key not in people:
            people[key] = {"name": name, "forced": forced, "aliases": [], "roles": [], "country": country,
                           "sources": [], "notes": [], "where": where}
            order.append(key)
        p = people[key]
        p["aliases"] += aliases
        if f"{country}: {source}" not in p["sources"]:
            p["sources"].append(f"{country}: {source}")
        role = {"post": post, "country": country, "sector": sector, "start": start, "end": end}
        if a1 or a2:
            role["approx"] = True
        p["roles"].append(role)
        if post in notes:
            note = f"{country} {post}: {notes[post]}"
            if note not in p["notes"]:
                p["notes"].append(note)

    # match curated people by folded name and country
    index = defaultdict(list)
    for pid, obj in curated.items():
        if obj.get("kind") != "person":
            continue
        countries = {obj.get("country")} | {r.get("country") for r in obj.get("roles", [])}
        for form in [obj["name"]] + all_forms(obj):
            if len(form.split()) >= 2:
                for c in countries:
                    index[(fold(form).lower(), c)].append(pid)
    rows = []
    for key in order:
        p = people[key]
        pid = p["forced"]
        existing = None
        if pid is None:
            folded = fold(p["name"]).lower()
            hits = {h for c in [None] + [r["country"] for r in p["roles"]] for h in index.get((folded, c), [])}
            if len(hits) > 1:
                sys.exit(f"{p['where']}: {p['name']} matches several curated people {sorted(hits)}")
            if hits:
                pid = hits.pop()
        if pid in curated:
            existing = curated[pid]
        elif pid is None:
            pid = slug(p["name"])
            if pid in taken_ids or pid in curated:
                pid = f"{pid}_{p['country'].lower()}"
            if pid in taken_ids or pid in curated:
                sys.exit(f"{p['where']}: id {pid} taken; give '@id'")
        if pid in taken_ids:
            sys.exit(f"{p['where']}: id {pid} used twice")
        taken_ids.add(pid)
        name = existing["name"] if existing else p["name"]
        names: dict[str, list[str]] = {"*": []}
        if existing:
            for lang, forms in existing.get("names", {}).items():
                names.setdefault(lang, [])
                names[lang] += [f for f in forms if f not in names[lang]]

        def add(lang, form):
            names.setdefault(lang, [])
            if not any(form in v for v in names.values()):
                names[lang].append(form)

        surnames = []
        for form in [p["name"]] + [a for lang, a in p["aliases"] if lang != "surname"]:
            lang = next((lg for lg, a in p["aliases"] if a == form), "*")
            add(lang, form)
            add(lang, fold(form))
        for lang, a in p["aliases"]:
            if lang == "surname":
                surnames.append(a)
                add("*", a)
                add("*", fold(a))
        roles = []
        if existing:
            roles = [dict(r) for r in existing.get("roles", [])]
        for r in p["roles"]:
            clash = [e for e in roles if e["post"] == r["post"] and e.get("country") == r["country"]
                     and e["start"] < (r["end"] or "9999") and r["start"] < (e["end"] or "9999")]
            if clash:
                if any((e["start"], e["end"]) != (r["start"], r["end"]) for e in clash):
                    warnings.append(f"{pid}: table {r['post']} {r['start']}..{r['end']} yields to curated "
                                    f"{[(e['start'], e['end']) for e in clash]}")
                continue
            roles.append(r)
        roles.sort(key=lambda r: (r["start"], r["post"]))
        row = {"id": pid, "kind": "person", "name": name, "country": (existing or {}).get("country") or p["country"],
               "names": {k: v for k, v in names.items() if v}, "roles": roles,
               "source": "curated: public record (" + "; ".join(p["sources"]) + ")"}
        if existing and existing.get("wikidata"):
            row["wikidata"] = existing["wikidata"]
        note = "; ".join(([existing["note"]] if existing and existing.get("note") else []) + p["notes"])
        if note:
            row["note"] = note
        row["_surnames"] = surnames
        rows.append(row)
    return rows


def drop_shared_surnames(regions: dict[str, list[dict]], curated: dict[str, dict], warnings: list[str]) -> None:
    holders = defaultdict(set)
    for rows in regions.values():
        for row in rows:
            for s in row["_surnames"]:
                holders[fold(s)].add(row["id"])
    for pid, obj in curated.items():
        for form in all_forms(obj):
            if len(form.split()) == 1:
                holders[fold(form)].add(pid)
    for rows in regions.values():
        for row in rows:
            for s in row.pop("_surnames"):
                if len(holders[fold(s)]) > 1:
                    warnings.append(f"bare surname {s!r} dropped for {row['id']} (also {sorted(holders[fold(s)] - {row['id']})})")
                    for lang in row["names"]:
                        row["names"][lang] = [f for f in row["names"][lang] if fold(f) != fold(s) or f == row["name"]]
            row["names"] = {k: v for k, v in row["names"].items() if v}


def write(path: Path, rows: list[dict], header: str) -> None:
    lines = [f"// {header}"]
    country = None
    for row in rows:
        c = row["roles"][0]["country"] if row["roles"] else row["country"]
        first = next((r["country"] for r in row["roles"] if r.get("country")), row["country"])
        if first != country:
            country = first
            lines.append(f"// == {country} ==")
        lines.append(json.dumps(row, ensure_ascii=False))
        del c
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp_", suffix=".jsonl")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


def main(argv: list[str]) -> int:
    regions = argv or sorted(p.stem for p in SRC.glob("*.txt"))
    curated = read_curated()
    taken: set[str] = set()
    for other in OUT.glob("*.jsonl"):
        if other.stem not in regions:
            for line in other.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("//"):
                    taken.add(json.loads(line)["id"])
    warnings: list[str] = []
    built = {r: build(r, curated, taken, warnings) for r in regions}
    drop_shared_surnames(built, curated, warnings)
    for region, rows in built.items():
        write(OUT / f"{region}.jsonl", rows,
              f"kg office-holders ({region}) since 2000, built by scripts/build_officeholders.py from src/{region}.txt; "
              "do not edit here. Loaded by kg after data/actors/*.jsonl (data/FORMATS.md: precedence).")
        n_roles = sum(len(r["roles"]) for r in rows)
        print(f"{region}: {len(rows)} people, {n_roles} roles", file=sys.stderr)
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
