#!/usr/bin/env python3
"""Write the CAMEO event taxonomy as a SKOS concept scheme: ``data/cameo/cameo.tsv`` -> ``ontology/cameo.ttl``.

Every CAMEO code becomes a ``skos:Concept`` ``cameo:<code>`` (``https://w3id.org/kg-news/cameo/190``) with
its notation, English and Indonesian labels, its parent (``skos:broader``: a 3-digit code -> its root, a
4-digit code -> its 3-digit code), its Goldstein score (``kg:goldstein``, ``xsd:decimal``) and quad class
(``kg:quadClass``, ``xsd:integer``), and, where kg maps it, a ``skos:closeMatch`` to a PLOVER event type
(``https://w3id.org/kg-news/plover/<TYPE>``; the PLOVER types are declared in a small scheme of their own).
The 20 roots are the top concepts of ``cameo:scheme``. kg's RDF export points at these concepts with
``sem:eventType``.

The output is deterministic (codes in string order, which is also tree order: 01, 010, 011, ..., 02, ...),
so it can be committed and diffed. No network access. Run from anywhere:

    python scripts/make_cameo_ttl.py [--input data/cameo/cameo.tsv] [--output ontology/cameo.ttl]

Only the standard library is needed to write the file; if rdflib is installed, the result is parsed back
as a check.
"""

from __future__ import annotations

import argparse
import csv
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT_DIR / "data" / "cameo" / "cameo.tsv"
DEFAULT_OUTPUT = ROOT_DIR / "ontology" / "cameo.ttl"
COLUMNS = ["code", "root", "label_en", "label_id", "goldstein", "quad_class", "plover"]

CAMEO_NS = "https://w3id.org/kg-news/cameo/"
PLOVER_NS = "https://w3id.org/kg-news/plover/"

PREFIXES = {
    "cameo": CAMEO_NS,
    "plover": PLOVER_NS,
    "kg": "https://w3id.org/kg-news/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# The PLOVER event types (Schrodt 2021, PLOVER specification): notation -> (label en, label id, definition en, definition id).
PLOVER_TYPES: dict[str, tuple[str, str, str, str]] = {
    "ACCUSE": ("accuse", "menuduh",
               "Criticise, condemn, denounce, accuse or investigate.",
               "Mengkritik, mengecam, mencela, menuduh, atau menyelidiki."),
    "AGREE": ("agree", "bersepakat",
              "Agree to, sign or promise an agreement, settlement or cooperation.",
              "Menyetujui, menandatangani, atau menjanjikan kesepakatan, penyelesaian, atau kerja sama."),
    "AID": ("aid", "membantu",
            "Provide economic, military, humanitarian or other material aid.",
            "Memberikan bantuan ekonomi, militer, kemanusiaan, atau bantuan material lainnya."),
    "ASSAULT": ("assault", "menyerang",
                "Use violence: attack, bomb, fight, kill, abduct.",
                "Menggunakan kekerasan: menyerang, mengebom, bertempur, membunuh, menculik."),
    "COERCE": ("coerce", "memaksa",
               "Use repression or force short of armed attack: arrest, expel, seize, block, restrict.",
               "Menggunakan represi atau paksaan di bawah serangan bersenjata: "
               "menangkap, mengusir, menyita, memblokade, membatasi."),
    "CONCEDE": ("concede", "mengalah",
                "Yield to a demand: ease restrictions, release, allow, return.",
                "Mengalah pada tuntutan: melonggarkan pembatasan, membebaskan, mengizinkan, mengembalikan."),
    "CONSULT": ("consult", "berkonsultasi",
                "Meet, visit, telephone, negotiate or mediate.",
                "Bertemu, berkunjung, bertelepon, berunding, atau menengahi."),
    "COOPERATE": ("cooperate", "bekerja sama",
                  "Cooperate materially or diplomatically: establish relations, share intelligence, "
                  "cooperate economically or militarily.",
                  "Bekerja sama secara material atau diplomatik: menjalin hubungan, berbagi intelijen, "
                  "bekerja sama di bidang ekonomi atau militer."),
    "MOBILIZE": ("mobilize", "memobilisasi",
                 "Mobilise or increase armed forces or police, raise an alert.",
                 "Memobilisasi atau memperkuat angkatan bersenjata atau polisi, meningkatkan status siaga."),
    "PROTEST": ("protest", "memprotes",
                "Demonstrate, rally, strike, boycott or riot.",
                "Berunjuk rasa, berdemonstrasi, mogok, memboikot, atau membuat kerusuhan."),
    "REJECT": ("reject", "menolak",
               "Reject a proposal, demand, request or agreement; refuse, defy, veto.",
               "Menolak usulan, tuntutan, permintaan, atau kesepakatan; menampik, menentang, memveto."),
    "REQUEST": ("request", "meminta",
                "Appeal for, ask for or demand something (PLOVER's REQUEST and DEMAND).",
                "Mengimbau, meminta, atau menuntut sesuatu (REQUEST dan DEMAND dalam PLOVER)."),
    "RETREAT": ("retreat", "mundur",
                "Withdraw, demobilise, disarm, cease fire or de-escalate.",
                "Menarik diri, mendemobilisasi, melucuti senjata, gencatan senjata, atau meredakan ketegangan."),
    "SANCTION": ("sanction", "menjatuhkan sanksi",
                 "Impose sanctions or embargoes, reduce or break relations, cut aid.",
                 "Menjatuhkan sanksi atau embargo, mengurangi atau memutus hubungan, menghentikan bantuan."),
    "SUPPORT": ("support", "mendukung",
                "Express support, praise, approval or sympathy.",
                "Menyatakan dukungan, pujian, persetujuan, atau simpati."),
    "THREATEN": ("threaten", "mengancam",
                 "Threaten, give an ultimatum or warn of action.",
                 "Mengancam, memberikan ultimatum, atau memperingatkan akan adanya tindakan."),
}  # fmt: skip


QUAD_EN = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_ID = {1: "kerja sama verbal", 2: "kerja sama material", 3: "konflik verbal", 4: "konflik material"}


def quad_of_root(root: str) -> int:
    """GDELT's quad class of a CAMEO root.

    1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).

    >>> quad_of_root("04"), quad_of_root("08"), quad_of_root("13"), quad_of_root("19")
    (1, 2, 3, 4)
    """
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The ``#`` note lines and the rows of ``cameo.tsv``, checked."""
    notes: list[str] = []
    body: list[str] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            if line.startswith("#"):
                notes.append(line[1:].rstrip("\r\n").removeprefix(" ").rstrip())
            elif line.strip():
                body.append(line)
    reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    if reader.fieldnames != COLUMNS:
        raise SystemExit(f"{path}: expected columns {COLUMNS}, got {reader.fieldnames}")
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for n, raw in enumerate(reader, start=2):
        row = {k: (raw.get(k) or "").strip() for k in COLUMNS}
        where = f"{path}: row {n} ({row['code']!r})"
        code, root = row["code"], row["root"]
        if not (code.isdigit() and 2 <= len(code) <= 4 and code[:2] == root and 1 <= int(root) <= 20):
            raise SystemExit(f"{where}: bad code/root")
        if code in seen:
            raise SystemExit(f"{where}: duplicate code")
        seen.add(code)
        if not row["label_en"] or not row["label_id"]:
            raise SystemExit(f"{where}: missing label")
        try:
            g = Decimal(row["goldstein"])
        except InvalidOperation:
            raise SystemExit(f"{where}: goldstein {row['goldstein']!r} is not a number") from None
        if not -10 <= g <= 10:
            raise SystemExit(f"{where}: goldstein out of -10..10")
        if row["quad_class"] != str(quad_of_root(root)):
            raise SystemExit(f"{where}: quad_class {row['quad_class']} does not match root {root}")
        if row["plover"] and row["plover"] not in PLOVER_TYPES:
            raise SystemExit(f"{where}: unknown PLOVER type {row['plover']!r}")
        rows.append(row)
    roots = {r["root"] for r in rows if len(r["code"]) == 2}
    if roots != {f"{i:02d}" for i in range(1, 21)}:
        raise SystemExit(f"{path}: the 20 roots 01..20 must all be listed (have {sorted(roots)})")
    return notes, sorted(rows, key=lambda r: r["code"])


def parent_of(code: str, codes: set[str]) -> str | None:
    """The nearest listed ancestor of ``code`` (4 -> 3 -> 2 digits), or None for a root."""
    for k in (code[:3], code[:2]):
        if len(k) < len(code) and k in codes:
            return k
    return None


def lit(text: str, lang: str | None = None) -> str:
    """A Turtle string literal."""
    esc = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{esc}"' + (f"@{lang}" if lang else "")


def decimal_lit(value: str) -> str:
    """An xsd:decimal in Turtle's short form (always with a decimal point: ``-10.0``, ``3.4``)."""
    d = Decimal(value)
    text = format(d, "f")
    if "." not in text:
        text += ".0"
    if text.startswith("-") and Decimal(text) == 0:
        text = text[1:]
    return text


def statement(subject: str, pairs: list[tuple[str, list[str]]]) -> str:
    """One Turtle statement: ``subject p1 o1, o2 ; p2 o3 .`` laid out one predicate per line."""
    lines = [subject]
    for i, (pred, objs) in enumerate(pairs):
        end = " ." if i == len(pairs) - 1 else " ;"
        lines.append(f"    {pred} {' , '.join(objs)}{end}")
    return "\n".join(lines) + "\n"


def render(notes: list[str], rows: list[dict[str, str]]) -> str:
    codes = {r["code"] for r in rows}
    roots = [r["code"] for r in rows if len(r["code"]) == 2]
    out: list[str] = [
        "# CAMEO event types as a SKOS concept scheme, for kg (https://w3id.org/kg-news/).",
        "# GENERATED by scripts/make_cameo_ttl.py from data/cameo/cameo.tsv: do not edit; edit the TSV and re-run.",
        "#",
        "# Source notes from cameo.tsv:",
        *[f"#   {n}".rstrip() for n in notes],
        "",
        *[f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()],
        "",
    ]
    scheme_pairs = [
        ("a", ["skos:ConceptScheme"]),
        ("dcterms:title", [lit("CAMEO event types", "en"), lit("Jenis peristiwa CAMEO", "id")]),
        ("skos:prefLabel", [lit("CAMEO event types", "en"), lit("Jenis peristiwa CAMEO", "id")]),
        ("rdfs:label", [lit("CAMEO event types", "en"), lit("Jenis peristiwa CAMEO", "id")]),
        ("rdfs:comment", [
            lit("The CAMEO event taxonomy (Conflict and Mediation Event Observations): codes and English labels from "
                "the CAMEO codebook (Schrodt et al., version 1.1b3, Penn State Event Data Project, 2012), the code set "
                "used by GDELT; Indonesian labels are kg's translations. kg:goldstein is the Goldstein conflict-cooperation "
                "score (Goldstein 1992) as mapped to CAMEO codes by GDELT; kg:quadClass is GDELT's quad class by root "
                "(1 verbal cooperation 01-05, 2 material cooperation 06-08, 3 verbal conflict 09-13, 4 material conflict "
                "14-20). skos:closeMatch to PLOVER is kg's own approximation, based on the PLOVER specification and its "
                "CAMEO-to-PLOVER table (Schrodt 2021); it is not an official mapping.", "en"),
            lit("Taksonomi peristiwa CAMEO (Conflict and Mediation Event Observations): kode dan label bahasa Inggris "
                "dari buku kode CAMEO (Schrodt dkk., versi 1.1b3, Penn State Event Data Project, 2012), himpunan kode yang "
                "dipakai GDELT; label bahasa Indonesia merupakan terjemahan kg. kg:goldstein adalah skor konflik-kerja sama "
                "Goldstein (Goldstein 1992) sebagaimana dipetakan ke kode CAMEO oleh GDELT; kg:quadClass adalah kelas "
                "kuadran GDELT menurut akar (1 kerja sama verbal 01-05, 2 kerja sama material 06-08, 3 konflik verbal "
                "09-13, 4 konflik material 14-20). skos:closeMatch ke PLOVER adalah perkiraan kg sendiri, berdasarkan "
                "spesifikasi PLOVER dan tabel CAMEO-ke-PLOVER-nya (Schrodt 2021); bukan pemetaan resmi.", "id"),
        ]),
        ("dcterms:source", [
            "<http://data.gdeltproject.org/documentation/CAMEO.Manual.1.1b3.pdf>",
            "<https://www.gdeltproject.org/data/lookups/CAMEO.eventcodes.txt>",
            "<https://www.gdeltproject.org/data/lookups/CAMEO.goldsteinscale.txt>",
            "<https://github.com/openeventdata/PLOVER>",
        ]),
        ("dcterms:bibliographicCitation", [
            lit("Schrodt, P. A. et al. (2012). CAMEO Conflict and Mediation Event Observations Event and Actor Codebook, "
                "version 1.1b3. Penn State Event Data Project."),
            lit("Goldstein, J. S. (1992). A Conflict-Cooperation Scale for WEIS Events Data. "
                "Journal of Conflict Resolution 36(2): 369-385."),
            lit("Schrodt, P. A. (2021). PLOVER: Political Language Ontology for Verifiable Event Records. "
                "Specification, Open Event Data Alliance."),
        ]),
        ("owl:versionInfo", [lit("CAMEO 1.1b3")]),
        ("skos:hasTopConcept", [f"cameo:{c}" for c in roots]),
    ]
    out += ["# ---- the CAMEO scheme ----", "", statement("cameo:scheme", scheme_pairs)]

    out += ["# ---- PLOVER event types (targets of skos:closeMatch) ----", ""]
    out.append(statement("plover:scheme", [
        ("a", ["skos:ConceptScheme"]),
        ("skos:prefLabel", [lit("PLOVER event types", "en"), lit("Jenis peristiwa PLOVER", "id")]),
        ("rdfs:label", [lit("PLOVER event types", "en"), lit("Jenis peristiwa PLOVER", "id")]),
        ("rdfs:comment", [
            lit("The event types of PLOVER (Political Language Ontology for Verifiable Event Records; Schrodt 2021), "
                "the successor of CAMEO, as far as kg maps CAMEO codes to them. kg's own IRIs: PLOVER publishes no RDF.", "en"),
            lit("Jenis peristiwa PLOVER (Political Language Ontology for Verifiable Event Records; Schrodt 2021), "
                "penerus CAMEO, sejauh kg memetakan kode CAMEO ke sana. IRI milik kg sendiri: "
                "PLOVER tidak menerbitkan RDF.", "id"),
        ]),
        ("dcterms:source", ["<https://github.com/openeventdata/PLOVER>"]),
        ("skos:hasTopConcept", [f"plover:{t}" for t in sorted(PLOVER_TYPES)]),
    ]))
    for t in sorted(PLOVER_TYPES):
        en, id_, def_en, def_id = PLOVER_TYPES[t]
        out.append(statement(f"plover:{t}", [
            ("a", ["skos:Concept"]),
            ("skos:inScheme", ["plover:scheme"]),
            ("skos:topConceptOf", ["plover:scheme"]),
            ("skos:notation", [lit(t)]),
            ("skos:prefLabel", [lit(en, "en"), lit(id_, "id")]),
            ("rdfs:label", [lit(en, "en"), lit(id_, "id")]),
            ("skos:definition", [lit(def_en, "en"), lit(def_id, "id")]),
            ("rdfs:comment", [lit(f"PLOVER event type {t}: {def_en}", "en"), lit(f"Jenis peristiwa PLOVER {t}: {def_id}", "id")]),
        ]))

    out += ["# ---- CAMEO codes ----", ""]
    for r in rows:
        code = r["code"]
        parent = parent_of(code, codes)
        quad = int(r["quad_class"])
        gold = decimal_lit(r["goldstein"])
        plover_en = f" Close to PLOVER {r['plover']} (kg's approximation)." if r["plover"] else ""
        plover_id = f" Dekat dengan PLOVER {r['plover']} (perkiraan kg)." if r["plover"] else ""
        comment_en = (f"CAMEO {code}: {r['label_en']}. Goldstein score {gold} (GDELT's CAMEO Goldstein table); quad class "
                      f"{quad}, {QUAD_EN[quad]} (GDELT, by root {r['root']}).{plover_en}")
        comment_id = (f"CAMEO {code}: {r['label_id']}. Skor Goldstein {gold} (tabel Goldstein CAMEO dari GDELT); kelas kuadran "
                      f"{quad}, {QUAD_ID[quad]} (GDELT, menurut akar {r['root']}).{plover_id}")
        pairs = [
            ("a", ["skos:Concept"]),
            ("skos:inScheme", ["cameo:scheme"]),
            ("skos:notation", [lit(code)]),
            ("skos:prefLabel", [lit(r["label_en"], "en"), lit(r["label_id"], "id")]),
            ("rdfs:label", [lit(r["label_en"], "en"), lit(r["label_id"], "id")]),
            ("rdfs:comment", [lit(comment_en, "en"), lit(comment_id, "id")]),
        ]
        pairs.append(("skos:broader", [f"cameo:{parent}"]) if parent else ("skos:topConceptOf", ["cameo:scheme"]))
        pairs.append(("kg:goldstein", [decimal_lit(r["goldstein"])]))
        pairs.append(("kg:quadClass", [str(int(r["quad_class"]))]))
        if r["plover"]:
            pairs.append(("skos:closeMatch", [f"plover:{r['plover']}"]))
        out.append(statement(f"cameo:{code}", pairs))
    return "\n".join(out)


def check(path: Path, n_codes: int) -> None:
    """Parse the output back with rdflib (if installed) and check the concept count."""
    try:
        from rdflib import Graph, Namespace
        from rdflib.namespace import RDF, SKOS
    except ImportError:
        print("rdflib not installed: output not parsed back", file=sys.stderr)
        return
    g = Graph().parse(path, format="turtle")
    cameo = Namespace(CAMEO_NS)
    n = sum(1 for s in g.subjects(RDF.type, SKOS.Concept) if str(s).startswith(CAMEO_NS))
    if n != n_codes or len(list(g.objects(cameo.scheme, SKOS.hasTopConcept))) != 20:
        raise SystemExit(f"{path}: parsed {n} CAMEO concepts, expected {n_codes}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT,
                    help=f"CAMEO table (default: {DEFAULT_INPUT.relative_to(ROOT_DIR)})")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                    help=f"Turtle file to write (default: {DEFAULT_OUTPUT.relative_to(ROOT_DIR)})")
    args = ap.parse_args(argv)
    notes, rows = read_tsv(args.input)
    text = render(notes, rows)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_name(f".{args.output.name}.tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(args.output)
    check(args.output, len(rows))
    print(f"wrote {args.output} ({len(rows)} CAMEO concepts, {sum(1 for r in rows if r['plover'])} PLOVER matches)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
