"""Build data/actors/officeholders/{asia,middle_east,oceania}.jsonl from data/actors/officeholders/src_asia/*.txt.

Usage: python scripts/build_officeholders_asia.py   (prints clashes/overlaps; writes atomically)
(The Americas/Europe tables use scripts/build_officeholders.py and another table format.)

Line format:
  == CCC | source note                      (section: country + source)
  Name [#id] ; alias, alias, id:IndoForm, en:EnglishOnly ; POST start end [@CCC] ; ...
Dates: YYYY-MM-DD, YYYY-MM, YYYY (partial or ~-prefixed => approx), '-' end = in office.
"""
import json, re, sys, unicodedata, os, datetime

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(REPO, "data/actors/officeholders/src_asia")
ABBR = {
    "P": "President", "PM": "Prime Minister", "K": "King", "Q": "Queen", "E": "Emir", "S": "Sultan",
    "FM": "Foreign Minister", "DM": "Defence Minister", "IM": "Interior Minister", "VP": "Vice President",
    "AP": "Acting President", "APM": "Acting Prime Minister", "CGS": "Chief of the General Staff",
    "CDF": "Chief of Defence Force", "CDS": "Chief of Defence Staff", "COAS": "Chief of Army Staff",
    "CAF": "Commander of the Armed Forces", "SL": "Supreme Leader", "CP": "Crown Prince",
    "EMP": "Emperor", "GS": "General Secretary of the Communist Party", "CMC": "Chairman of the Central Military Commission",
    "CJCSC": "Chairman of the Joint Chiefs of Staff Committee", "CJCS": "Chairman of the Joint Chiefs of Staff",
    "HC": "Commander-in-Chief of the Armed Forces", "SC": "State Counsellor", "CE": "Chief Executive",
    "CA": "Chief Adviser", "GG": "Governor-General", "TNI": "Commander of the Armed Forces",
}


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).replace("ʻ", "'").replace("’", "'").replace("ʼ", "'").replace("ı", "i").replace("ğ", "g")


def make_id(name):
    s = ascii_fold(name).lower()
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s


def parse_date(tok, is_end):
    if tok == "-":
        return None, False
    approx = tok.startswith("~")
    tok = tok.lstrip("~")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", tok):
        datetime.date.fromisoformat(tok)
        return tok, approx
    if re.fullmatch(r"\d{4}-\d{2}", tok):
        return tok + "-01", True
    if re.fullmatch(r"\d{4}", tok):
        return tok + "-01-01", True
    raise ValueError(f"bad date {tok!r}")


def load_existing():
    people = {}
    others = set()
    for f in ["people.jsonl", "people_economy.jsonl", "organisations.jsonl", "states.jsonl"]:
        for line in open(os.path.join(REPO, "data/actors", f), encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            d = json.loads(line)
            if d.get("kind") == "person" and f == "people.jsonl":
                people[d["id"]] = d
            else:
                others.add(d["id"])
    return people, others


def all_names(d):
    out = set([d["name"]])
    for v in d.get("names", {}).values():
        out.update(v)
    return out


def main():
    people, others = load_existing()
    name_index = {}
    for pid, d in people.items():
        for n in all_names(d):
            name_index.setdefault((ascii_fold(n).lower(), d.get("country")), set()).add(pid)
    outputs = {}
    seen_ids = {}
    problems = 0
    for fn in sorted(os.listdir(SRC)):
        if not fn.endswith(".txt"):
            continue
        outname = fn[:-4] + ".jsonl"
        recs = outputs.setdefault(outname, [])
        country = source = None
        for ln, raw in enumerate(open(os.path.join(SRC, fn), encoding="utf-8"), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{fn}:{ln}"
            if line.startswith("=="):
                head, _, src = line[2:].partition("|")
                country = head.strip()
                source = "curated: public record (" + src.strip() + ")"
                recs.append(("//", f"// == {country} =="))
                continue
            parts = [p.strip() for p in line.split(";")]
            name = parts[0]
            explicit = None
            m = re.match(r"(.*?)\s*#(\w+)$", name)
            if m:
                name, explicit = m.group(1), m.group(2)
                if explicit == "new":
                    explicit = make_id(name) + "_" + country.lower()
            ROLE_RE = r".+ ~?\d{4}(-\d\d){0,2} (~?\d{4}(-\d\d){0,2}|-)( @[A-Z]{3})?"
            if len(parts) > 1 and re.fullmatch(ROLE_RE, parts[1]):
                parts.insert(1, "")
            aliases = [a.strip() for a in parts[1].split(",") if a.strip()] if len(parts) > 1 else []
            roles = []
            for rs in parts[2:]:
                if rs and not re.fullmatch(ROLE_RE, rs):
                    print(f"{where}: bad role {rs!r}"); problems += 1; continue
                if not rs:
                    continue
                toks = rs.split()
                rc = country
                if toks[-1].startswith("@"):
                    rc = toks.pop()[1:]
                end, a2 = parse_date(toks[-1], True)
                start, a1 = parse_date(toks[-2], False)
                post = " ".join(toks[:-2])
                post = ABBR.get(post, post)
                sector = "MIL" if post in MIL_POSTS or post.startswith(("Chief of", "Commander")) else "GOV"
                r = {"post": post, "country": rc, "sector": sector, "start": start, "end": end}
                if a1 or a2:
                    r["approx"] = True
                if end is not None and start > end:
                    print(f"{where}: start>end {r}"); problems += 1
                roles.append(r)
            names = {"*": [name]}
            for a in aliases:
                lang = "*"
                if a.startswith("id:"):
                    lang, a = "id", a[3:]
                elif a.startswith("en:"):
                    lang, a = "en", a[3:]
                names.setdefault(lang, [])
                if a not in names[lang]:
                    names[lang].append(a)
            # accent-free variants
            for lang in list(names):
                for a in list(names[lang]):
                    f = ascii_fold(a)
                    if f != a and f not in names[lang]:
                        names[lang].append(f)
            # existing?
            pid = explicit
            existing = None
            if pid and pid in people:
                existing = people[pid]
            elif not pid:
                cands = set()
                for n in [name] + names["*"]:
                    cands |= name_index.get((ascii_fold(n).lower(), country), set())
                if len(cands) == 1:
                    pid = cands.pop(); existing = people[pid]
                elif len(cands) > 1:
                    print(f"{where}: ambiguous existing {cands}"); problems += 1
                else:
                    for (nm, c), ids in name_index.items():
                        if nm in {ascii_fold(n).lower() for n in [name] + names["*"]} and not (set(ids) & set(explicit_skip)):
                            print(f"{where}: CROSS-COUNTRY name match {name!r} -> {ids} (country {c}); use #id or #new")
            if not pid:
                pid = make_id(name)
                if pid in people or pid in others:
                    pid = pid + "_" + country.lower()
            if pid in seen_ids:
                print(f"{where}: duplicate id {pid} (also {seen_ids[pid]})"); problems += 1
            seen_ids[pid] = where
            rec = {"id": pid, "kind": "person", "name": name, "country": country}
            if existing:
                rec["name"] = existing["name"]
                rec["country"] = existing.get("country") or country
                if existing.get("wikidata"):
                    rec["wikidata"] = existing["wikidata"]
                merged = {}
                for lang, v in existing.get("names", {}).items():
                    merged[lang] = list(v)
                for lang, v in names.items():
                    for a in v:
                        if a not in merged.get(lang, []) and a not in merged.get("*", []):
                            merged.setdefault(lang, []).append(a)
                names = merged
                eroles = [dict(r) for r in existing.get("roles", [])]
                final = list(eroles)
                for r in roles:
                    same = [e for e in eroles if e["post"] == r["post"] and e["country"] == r["country"]
                            and overlaps(e, r)]
                    if not same:
                        final.append(r)
                    else:
                        e = same[0]
                        if e["start"] != r["start"] or e["end"] != r["end"]:
                            print(f"{where}: DIFF {pid} {r['post']} curated {e['start']}..{e['end']} mine {r['start']}..{r['end']}")
                roles = final
            if not roles:
                print(f"{where}: no roles"); problems += 1
            rec["names"] = names
            rec["roles"] = sorted(roles, key=lambda r: r["start"] or "")
            if existing and existing.get("note"):
                rec["note"] = existing["note"]
            rec["source"] = source
            recs.append((pid, rec))
    # overlap check across output + people.jsonl not overridden
    by_post = {}
    final_people = {pid: d for pid, d in people.items()}
    for recs in outputs.values():
        for pid, rec in recs:
            if pid != "//":
                final_people[pid] = rec
    for pid, d in final_people.items():
        for r in d.get("roles", []):
            by_post.setdefault((r["post"], r["country"], r.get("code")), []).append((pid, r))
    for key, lst in by_post.items():
        lst.sort(key=lambda x: x[1]["start"] or "")
        for i in range(len(lst)):
            for j in range(i + 1, len(lst)):
                if lst[i][0] != lst[j][0] or True:
                    if overlaps(lst[i][1], lst[j][1]) and (lst[i] is not lst[j]):
                        mine = any(p in seen_ids for p in (lst[i][0], lst[j][0]))
                        if mine:
                            print(f"OVERLAP {key}: {lst[i][0]} {lst[i][1]['start']}..{lst[i][1]['end']} / {lst[j][0]} {lst[j][1]['start']}..{lst[j][1]['end']}")
                            problems += 1
    # bare one-word names claimed by two different people anywhere are dropped from the forms added here
    mine = {o + ".jsonl" for o in []} | set(outputs)
    claim = {}
    import glob
    files = [os.path.join(REPO, "data/actors", f) for f in ("people.jsonl", "people_economy.jsonl")]
    files += [f for f in glob.glob(os.path.join(REPO, "data/actors/officeholders/*.jsonl")) if os.path.basename(f) not in mine]
    def claims(d):
        for n in all_names(d):
            if " " not in n:
                claim.setdefault(ascii_fold(n).lower(), set()).add(d["id"])
    for f in files:
        for line in open(f, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("//"):
                d = json.loads(line)
                if d.get("kind") == "person":
                    claims(d)
    for recs in outputs.values():
        for pid, rec in recs:
            if pid != "//":
                claims(rec)
    for recs in outputs.values():
        for pid, rec in recs:
            if pid == "//":
                continue
            cur = people.get(pid, {})
            cur_names = all_names(cur) if cur else set()
            for lang, v in rec["names"].items():
                keep = []
                for n in v:
                    if " " not in n and n not in cur_names and len(claim.get(ascii_fold(n).lower(), ())) > 1 and n != rec["name"]:
                        print(f"dropped shared bare name {n!r} from {pid} (also {sorted(claim[ascii_fold(n).lower()] - {pid})})")
                        continue
                    keep.append(n)
                v[:] = keep
    outdir = os.path.join(REPO, "data/actors/officeholders")
    os.makedirs(outdir, exist_ok=True)
    for outname, recs in outputs.items():
        tmp = os.path.join(outdir, "." + outname + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(HEADER)
            for pid, rec in recs:
                if pid == "//":
                    f.write("\n" + rec + "\n")
                else:
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        os.replace(tmp, os.path.join(outdir, outname))
    n = sum(1 for recs in outputs.values() for p, _ in recs if p != "//")
    print(f"{n} people, {problems} problems")


explicit_skip = []
MIL_POSTS = {"Chief of the General Staff", "Chief of Defence Force", "Chief of Defence Staff", "Chief of Army Staff",
             "Commander of the Armed Forces", "Chairman of the Joint Chiefs of Staff Committee",
             "Chairman of the Joint Chiefs of Staff", "Commander-in-Chief of the Armed Forces",
             "Chief of General Staff", "Chief of Staff of the Armed Forces", "Commander-in-Chief of Defence Services"}


def overlaps(a, b):
    far = "9999-12-31"
    return a["start"] < (b["end"] or far) and b["start"] < (a["end"] or far)


HEADER = ("// kg person actors: top office-holders since 2000 (heads of state and government, foreign, defence and interior\n"
          "// ministers, armed-forces chiefs). Compiled from public record by hand; loaded by kg after data/actors/*.jsonl\n"
          "// (FORMATS.md). People also in data/actors/people.jsonl keep their id there and repeat their curated roles.\n")

if __name__ == "__main__":
    main()
