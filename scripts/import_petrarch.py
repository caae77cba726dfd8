#!/usr/bin/env python3
"""Convert the PETRARCH2/Phoenix coding dictionaries (MIT) into kg's data formats under ``data/petrarch/``.

    python scripts/import_petrarch.py                      # (re)write data/petrarch/ from ../shared/petrarch
    python scripts/import_petrarch.py --check              # exit 1 if the committed output is not up to date
    python scripts/import_petrarch.py --src DIR --out DIR  # other folders

The conversion is deterministic: the same dictionaries give byte-identical files. What it writes (all
entries carry ``"source": "petrarch2"``; formats in data/FORMATS.md, "Imported PETRARCH2 dictionaries"):

- ``actors.jsonl``     states' extra names, people with dated roles, IGOs, NGOs, companies, armed groups,
                       in kg's actor format, each with its original CAMEO/Phoenix code (``cameo``);
- ``triggers.jsonl``   verb lemmas that code an event on their own, in kg's trigger format;
- ``patterns.jsonl``   the verb patterns, with what stands before and after the verb and where the
                       source (``$``) and target (``+``) are;
- ``synsets.json``     the ``&SYNSET`` word lists patterns refer to;
- ``sectors.jsonl``    agent nouns (``MINISTER_ [~GOV]``) as kg sector nouns;
- ``negative_contexts.jsonl``  the discard phrases (sentence or story level);
- ``CONFLICTS.tsv``    every disagreement with kg's curated data and how it was resolved;
- ``REPORT.md``        counts, and the CAMEO codes kg's Indonesian triggers lack.

Rule: **kg's curated data wins.** An imported name that a curated actor already has (compared
case-insensitively) is dropped from the imported entry; when the curated actor has another code the drop is
listed as a conflict. An imported entry left without names is dropped. A verb lemma or agent noun that kg's
curated English data codes differently is not imported, and listed. Within PETRARCH, a name claimed by two
entries stays with the first one read (files in the order Countries, International, MilNonState).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SRC = REPO.parent / "shared" / "petrarch"
DEFAULT_OUT = REPO / "data" / "petrarch"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
SOURCE = "petrarch2"

# -- CAMEO actor codes -> kg codes ---------------------------------------------------------------------------------

# CAMEO country codes that are not ISO 3166-1 alpha-3 but name a state kg knows.
COUNTRY_ALIASES = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD"}
# Regions, transnational and religious prefixes: the actor has no home state.
NON_STATE_PREFIXES = {
    "INT", "MEA", "SAS", "WEU", "SEA", "EAF", "LAM", "CFR", "ASA", "AFR", "SAF", "NMR", "EEU", "EUR", "CAS", "EIN",
    "SAM", "NAF", "WAF", "KKL", "BUD", "MUS", "CHR", "JEW", "HIN", "SIK", "MOS", "BAH", "ELI", "MED", "ANG", "GLP",
    "KAS", "CRB", "SCN", "ARB", "PRI",
}
# CAMEO role codes -> kg sectors (data/FORMATS.md). Codes not listed here keep no kg sector (the CAMEO code stays).
ROLE_SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "COP": "POL", "SPY": "INT", "JUD": "JUD", "LEG": "LEG", "OPP": "OPP", "MED": "MED",
    "BUS": "BUS", "MNC": "BUS", "REB": "REB", "INS": "REB", "UAF": "REB", "SEP": "REB", "CVL": "CVL", "REL": "REL",
    "CHR": "REL", "MUS": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL", "CTH": "REL", "PRO": "REL", "DIP": "DIP",
}
ROLE_LABELS = {
    "GOV": "Government", "MIL": "Military", "COP": "Police", "SPY": "Intelligence", "JUD": "Judiciary",
    "LEG": "Legislature", "OPP": "Opposition", "MED": "Media", "BUS": "Business", "REB": "Rebel", "INS": "Insurgent",
    "UAF": "Armed group", "CVL": "Civilian", "REL": "Religious", "ELI": "Elite", "PTY": "Party", "HLH": "Health",
    "EDU": "Education", "AGR": "Agriculture", "LAB": "Labour", "DEV": "Development", "ENV": "Environment",
    "HRI": "Human rights", "REF": "Refugees", "CRM": "Criminal", "SPY_": "Intelligence", "MOD": "Moderate",
    "RAD": "Radical", "IGO": "International organisation", "NGO": "NGO", "OCC": "Occupation",
}
# CAMEO IGO codes (the most specific three-letter part) -> kg's IGO acronyms (../shared/corpus/ACTOR_CODES.md).
IGO_CODES = {
    "UNO": "UN", "IAE": "IAEA", "WHO": "WHO", "ICJ": "ICJ", "ICC": "ICC", "WBK": "WORLDBANK", "IMF": "IMF",
    "WTO": "WTO", "EEC": "EU", "NAT": "NATO", "ASN": "ASEAN", "OPC": "OPEC", "AFU": "AU", "ARL": "ARABLEAGUE",
    "OAS": "OAS", "GCC": "GCC", "OIC": "OIC", "ECW": "ECOWAS", "SAD": "SADC", "IGD": "IGAD", "APC": "APEC",
    "OSC": "OSCE", "COE": "COE", "CRC": "CARICOM", "SCO": "SCO", "CST": "CSTO", "OPW": "OPCW", "WAS": "ECOWAS",
    "GOS": "G7", "IAD": "IGAD", "SAA": "SAARC", "GOE": "G8", "GSS": "G77", "CSS": "CENSAD",
}
# Parts of IGO codes that name a region or a field, not an organisation.
IGO_GENERIC = {"WST", "EEU", "NAM", "SAM", "CAF", "WAF", "EAF", "SAF", "NAF", "ASA", "SEA", "SAS", "MEA", "ARB", "EUR",
               "AFR", "LAM", "CRB", "SCN", "CAS", "MOS", "NON"}
IGO_CODE_ORDER = [c for c in IGO_CODES if c != "UNO"] + ["UNO"]  # agencies before the UN they belong to
ORG_WORDS = {
    "ORGANIZATION", "ORGANISATION", "COMMITTEE", "COUNCIL", "AGENCY", "ASSOCIATION", "FUND", "BANK", "FOUNDATION",
    "INSTITUTE", "UNION", "COMMISSION", "PROGRAM", "PROGRAMME", "NETWORK", "CENTER", "CENTRE", "FRONT", "ARMY",
    "MOVEMENT", "GROUP", "PARTY", "BRIGADE", "BRIGADES", "FORCE", "FORCES", "LEAGUE", "CORPORATION", "COMPANY",
    "INC", "CORP", "LTD", "SOCIETY", "FEDERATION", "OFFICE", "MISSION", "COURT", "TRIBUNAL", "PANEL", "INITIATIVE",
    "ALLIANCE", "CELLS", "NUCLEI", "COMMAND", "MINISTRY", "DEPARTMENT", "UNITED", "NATIONS", "INTERNATIONAL",
}


def _chunks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


@dataclass
class KgCode:
    code: str | None  # kg event-table code
    country: str | None  # home state (ISO3)
    sector: str | None  # kg sector
    kind: str  # state, organisation, igo, armed_group
    roles: list[str] = field(default_factory=list)  # CAMEO role parts


def split_code(cameo: str, states: set[str], name_code: str | None = None) -> KgCode | None:
    """Split a CAMEO/Phoenix actor code into kg's code, home state and sector.

    ``name_code`` is the ``NSA:<NAME>`` code to use for non-state actors (from the entry's name).
    Returns ``None`` for codes kg cannot represent (null ``---``, historical or dependent territories).

    >>> s = {"IRN", "USA", "LBN", "KOR"}
    >>> split_code("IRNGOV", s)
    KgCode(code='IRN', country='IRN', sector='GOV', kind='state', roles=['GOV'])
    >>> split_code("USAGOVMIL", s).sector
    'GOV'
    >>> split_code("IGOUNOIAE", s).code, split_code("IGOUNOKID", s).code, split_code("IGOWSTNAT", s).code
    ('IGO:IAEA', 'IGO:UN', 'IGO:NATO')
    >>> split_code("LBNREB", s, "NSA:HEZBOLLAH")
    KgCode(code='NSA:HEZBOLLAH', country='LBN', sector='REB', kind='armed_group', roles=['REB'])
    >>> split_code("IGOAFRAFU", s).code, split_code("IGOWAFWAS", s).code, split_code("IGOASAADB", s).code
    ('IGO:AU', 'IGO:ECOWAS', 'IGO:ADB')
    >>> split_code("IGOSEA", s, "NSA:MEKONG_RIVER_COMMISSION").code
    'IGO:MEKONG_RIVER_COMMISSION'
    >>> split_code("BMUGOV", s) is None, split_code("---", s) is None
    (True, True)
    """
    cameo = cameo.strip().upper()
    if not re.fullmatch(r"[A-Z]{3,}[A-Z0-9]*", cameo):
        return None
    parts = _chunks(re.sub(r"[0-9]+$", "", cameo))
    head, rest = parts[0], parts[1:]
    if head == "IGO":
        for c in IGO_CODE_ORDER:
            if c in rest:
                return KgCode(f"IGO:{IGO_CODES[c]}", None, _sector(rest), "igo", rest)
        specific = [r for r in rest if r not in ROLE_SECTORS and r not in ROLE_LABELS and r not in IGO_GENERIC and r not in states]
        if specific:
            return KgCode(f"IGO:{specific[-1]}", None, _sector(rest), "igo", rest)
        # a generic CAMEO code (IGOAFR, IGOENV): the organisation is named by its own name
        return KgCode(name_code.replace("NSA:", "IGO:", 1) if name_code else None, None, _sector(rest), "igo", rest)
    if head in ("NGO", "MNC", "IMG"):
        country = _country(rest[0], states) if rest else None
        roles = rest[1:] if country else rest
        kind = "armed_group" if head == "IMG" else "organisation"
        sector = "REB" if head == "IMG" else ("BUS" if head == "MNC" else _sector(roles))
        return KgCode(name_code, country, sector, kind, roles)
    country = _country(head, states)
    if country is None:
        if head in NON_STATE_PREFIXES and rest:
            sector = _sector(rest)
            return KgCode(name_code, None, sector, "armed_group" if sector == "REB" else "organisation", rest)
        return None
    sector = _sector(rest)
    if sector == "REB" or (rest and rest[0] in ("REB", "INS", "UAF", "SEP")):
        return KgCode(name_code, country, "REB", "armed_group", rest)
    if rest and rest[0] in ("OPP", "PTY", "NGO", "NGM", "CVL") and name_code:
        return KgCode(name_code, country, sector, "organisation", rest)
    return KgCode(country, country, sector, "state", rest)


def _country(chunk: str, states: set[str]) -> str | None:
    chunk = COUNTRY_ALIASES.get(chunk, chunk)
    return chunk if chunk in states else None


def _sector(roles: list[str]) -> str | None:
    for r in roles:
        if r in ROLE_SECTORS:
            return ROLE_SECTORS[r]
    return None


def role_label(roles: list[str]) -> str:
    words = [ROLE_LABELS.get(r, r) for r in roles] or ["Official"]
    return words[0] + (f" ({', '.join(w.lower() for w in words[1:])})" if len(words) > 1 else "")


# -- dates --------------------------------------------------------------------------------------------------------


def parse_date(text: str) -> date | None:
    """``YYMMDD`` (two-digit years 00-30 are 20YY, others 19YY, as PETRARCH reads them) or ``YYYYMMDD``.

    >>> parse_date("130803"), parse_date("450703"), parse_date("18970101")
    (datetime.date(2013, 8, 3), datetime.date(1945, 7, 3), datetime.date(1897, 1, 1))
    >>> parse_date("2004017") is None, parse_date("100231") is None
    (True, True)
    """
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), text[2:]
    else:
        year, rest = int(text[:4]), text[4:]
    try:
        return date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        return None


@dataclass
class Restriction:
    code: str
    start: date | None = None
    end: date | None = None
    dated: bool = False


def parse_restriction(body: str) -> Restriction | None:
    """The inside of ``[...]``: ``CODE``, ``CODE >YYMMDD``, ``CODE <YYMMDD`` or ``CODE YYMMDD-YYMMDD``.

    >>> parse_restriction("IRNGOV 130803-210803")
    Restriction(code='IRNGOV', start=datetime.date(2013, 8, 3), end=datetime.date(2021, 8, 3), dated=True)
    >>> parse_restriction("USAGOV >090120").start, parse_restriction("USAGOV <090120").end
    (datetime.date(2009, 1, 20), datetime.date(2009, 1, 20))
    >>> parse_restriction("AFGELI")
    Restriction(code='AFGELI', start=None, end=None, dated=False)
    >>> parse_restriction("USAGOV 990231-") is None
    True
    """
    parts = body.split()
    if not parts:
        return None
    code, rest = parts[0], "".join(parts[1:])
    if not rest:
        return Restriction(code)
    if rest.startswith(">"):
        d = parse_date(rest[1:])
        return Restriction(code, start=d, dated=True) if d else None
    if rest.startswith("<"):
        d = parse_date(rest[1:])
        return Restriction(code, end=d, dated=True) if d else None
    if "-" in rest:
        a, _, b = rest.partition("-")
        da, db = parse_date(a), parse_date(b)
        if da and db and da <= db:
            return Restriction(code, start=da, end=db, dated=True)
    return None


# -- actor dictionaries --------------------------------------------------------------------------------------------


@dataclass
class RawActor:
    phrases: list[str]  # primary phrase first, as written (``HAMID_KARZAI_``)
    restrictions: list[Restriction]
    comment: str
    file: str
    line: int
    bad: list[str] = field(default_factory=list)  # unreadable restrictions


_BRACKET = re.compile(r"\[([^\]]*)\]")


def parse_actor_file(text: str, file: str = "") -> list[RawActor]:
    """Records of a PETRARCH actor dictionary: a primary phrase, ``+`` synonyms, tab-indented restrictions.

    >>> recs = parse_actor_file("# c\\nJAMES_BYRNES_  ; CountryInfo.txt\\n+JIMMY_BYRNES\\n\\t[USAELI 18970101-450703]\\n\\t[USAGOV 450703-470121]\\nUN_ [IGOUNO] # x\\n")
    >>> [(r.phrases, [x.code for x in r.restrictions]) for r in recs]
    [(['JAMES_BYRNES_', 'JIMMY_BYRNES'], ['USAELI', 'USAGOV']), (['UN_'], ['IGOUNO'])]
    """
    out: list[RawActor] = []
    current: RawActor | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        comment = raw.partition("#")[2].strip()
        line = raw.partition("#")[0]
        if line.lstrip().startswith("<!"):
            continue
        stripped = line.strip()
        if not stripped:
            continue
        brackets = _BRACKET.findall(stripped)
        phrase = _BRACKET.sub(" ", stripped).split(";")[0].strip()
        if stripped.startswith("["):
            phrase = ""
        elif stripped.startswith("+"):
            phrase = phrase[1:].strip()
            if current is not None and phrase:
                current.phrases.append(phrase)
            phrase = ""
        elif phrase:
            current = RawActor([phrase], [], comment, file, number)
            out.append(current)
        if current is None:
            continue
        for body in brackets:
            r = parse_restriction(body)
            if r is None:
                current.bad.append(body)
            else:
                current.restrictions.append(r)
    return out


_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "del", "della", "di", "do", "dos", "das", "du", "van",
              "von", "der", "den", "la", "le", "y", "ul", "ud", "ben"}
_MINOR = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "by", "with", "des", "et"}


def phrase_words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[_ ]+", phrase.strip()) if w]


def norm_key(text: str) -> str:
    """Case-, accent- and spacing-insensitive key of a name (``"Ban Ki-moon"`` -> ``"BAN KI-MOON"``).

    >>> norm_key("  Ban_Ki-moon_ "), norm_key("Bachelet Jeria, Michèle")
    ('BAN KI-MOON', 'BACHELET JERIA, MICHELE')
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(phrase_words(text)).upper()


def display_name(phrase: str, person: bool) -> str:
    """A PETRARCH phrase as news writes it: ``HAMID_KARZAI_`` -> ``Hamid Karzai``.

    Person names are title-cased with lower-case particles inside the name (``Bashar al-Assad``); in
    organisation names short vowel-less words, dotted and bracketed words stay upper case (``UN``, ``U.N.``).

    >>> display_name("BASHAR_AL-ASSAD_", True), display_name("SEAN_O'BRIEN", True), display_name("K._ANNAN_", True)
    ('Bashar al-Assad', "Sean O'Brien", 'K. Annan')
    >>> display_name("UN_SECRETARY_GENERAL", False), display_name("THE_UNITED_NATIONS_", False)
    ('UN Secretary General', 'the United Nations')
    >>> display_name("ISLAMIC_ARMY_OF_ADEN_(IAA)_", False), display_name("IAEA_", False)
    ('Islamic Army of Aden (IAA)', 'IAEA')
    >>> display_name("HAMMARSKJOLD)", True), display_name("JFK", True), display_name("PRESIDENT_XI_JINPING", True)
    ('Hammarskjold', 'JFK', 'President Xi Jinping')
    """
    if phrase.count("(") != phrase.count(")"):
        phrase = phrase.replace("(", " ").replace(")", " ")
    words = phrase_words(phrase)
    out = []
    for i, w in enumerate(words):
        out.append(_case_word(w, person, first=(i == 0), single=len(words) == 1))
    return " ".join(out)


def _case_word(word: str, person: bool, first: bool, single: bool) -> str:
    if word.startswith("(") or "." in word.strip(".") or (word.endswith(".") and len(word) <= 3 and not person):
        return word.upper() if not person else _title(word)
    low = word.lower()
    if not person:
        letters = re.sub(r"[^A-Za-z]", "", word)
        if single and len(letters) <= 5 or (letters and not re.search(r"[AEIOUY]", letters.upper())):
            return word.upper()
        if len(letters) == 2 and low not in _PARTICLES and low not in _MINOR:
            return word.upper()
        if low in _MINOR:
            return low
    if low in _MINOR and not first:
        return low
    if person and single and len(word) <= 4 and not re.search(r"[AEIOUY]", word.upper()):
        return word.upper()  # JFK, LBJ
    if word in ("II", "III", "IV", "VIII") and not first:  # regnal numbers; not "Xi" (Jinping)
        return word.upper()
    if not first and low in _PARTICLES:
        return low
    return "-".join(_title_particle(p, i == 0 and first) for i, p in enumerate(word.split("-")))


def _title_particle(part: str, first: bool) -> str:
    if not first and part.lower() in _PARTICLES and len(part) <= 2:
        return part.lower()
    return _title(part)


def _title(part: str) -> str:
    return "'".join(p[:1].upper() + p[1:].lower() if len(p) > 1 else p.upper() for p in part.split("'"))


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", text.lower())).strip("_") or "x"


# -- curated data --------------------------------------------------------------------------------------------------


@dataclass
class Curated:
    states: set[str]
    surfaces: dict[str, tuple[str, str | None, str | None]]  # norm key -> (actor id, code, country)
    triggers: dict[str, set[str]]  # words -> codes (English, entries without `requires`)
    trigger_any: dict[str, set[str]]  # words -> codes (any English entry)
    sectors: dict[str, str]  # words -> sector (English)
    id_triggers: list[dict]


def load_curated(data: Path) -> Curated:
    states: set[str] = set()
    surfaces: dict[str, tuple[str, str | None, str | None]] = {}
    plural_rules = {}  # "Iranian" -> "Iranians", as kg.lexicon derives them
    for lang_json in sorted((data / "lang").glob("*/lang.json")):
        plural_rules[lang_json.parent.name] = json.loads(lang_json.read_text(encoding="utf-8")).get("demonym_plural")
    for path in sorted((data / "actors").glob("*.jsonl")):
        for obj in _jsonl(path):
            if obj.get("kind") == "state":
                states.add(obj["code"])
            code = obj.get("code")
            if code is None and obj.get("roles"):
                r = obj["roles"][-1]
                code = r.get("code") or r.get("country")
            forms = [obj["name"]] + [n for ns in (obj.get("names") or {}).values() for n in ([ns] if isinstance(ns, str) else ns)]
            for lang, ns in (obj.get("adjectives") or {}).items():
                rule = plural_rules.get(lang) or {}
                forms += ns + [n + rule["suffix"] for n in ns if rule and n.endswith(tuple(rule.get("endings", [])))]
            forms += [n for ns in (obj.get("metonyms") or {}).values() for n in ns]
            for f in forms:
                surfaces.setdefault(norm_key(f), (obj["id"], code, obj.get("country")))
    for path in sorted((data / "places").glob("*.jsonl")):  # a curated place is no actor: its names stay places
        for obj in _jsonl(path):
            for f in [obj["name"]] + [n for ns in (obj.get("names") or {}).values() for n in ns]:
                surfaces.setdefault(norm_key(f), ("place:" + obj["id"], None, obj.get("country")))
    triggers: dict[str, set[str]] = defaultdict(set)
    trigger_any: dict[str, set[str]] = defaultdict(set)
    for obj in _jsonl(data / "lang" / "en" / "triggers.jsonl"):
        if obj.get("pos", "verb") == "verb":
            trigger_any[obj["words"].lower()].add(str(obj["code"]))
            if not obj.get("requires"):
                triggers[obj["words"].lower()].add(str(obj["code"]))
    sectors = {o["words"].lower(): o["sector"] for o in _jsonl(data / "lang" / "en" / "sectors.jsonl")}
    return Curated(states, surfaces, dict(triggers), dict(trigger_any), sectors, list(_jsonl(data / "lang" / "id" / "triggers.jsonl")))


def _jsonl(path: Path):
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            yield json.loads(line)


# -- actors -> kg --------------------------------------------------------------------------------------------------


class Report:
    def __init__(self) -> None:
        self.conflicts: list[tuple[str, ...]] = []
        self.counts: Counter = Counter()

    def conflict(self, kind: str, item: str, petrarch: str, kg: str, resolution: str, where: str) -> None:
        self.conflicts.append((kind, item, petrarch, kg, resolution, where))


def _is_person(rec: RawActor, file: str) -> bool:
    words = {w.strip("()").upper() for w in phrase_words(rec.phrases[0])}
    if words & ORG_WORDS:
        return False
    if "CountryInfo" in rec.comment or "rulers" in rec.comment:
        return True
    if any(len(r.code) == 3 for r in rec.restrictions):  # a state's names, dated or not (KUWAIT [KWT <900802] ...)
        return False
    if file == "Phoenix.Countries.actors.txt" and any(r.code[3:6] == "ELI" for r in rec.restrictions):
        return True  # CAMEO's elites are people (HU_JINTAO_ [CHNELI] without the CountryInfo marker)
    return any(r.dated for r in rec.restrictions) and file != "Phoenix.MilNonState.actors.txt"


def convert_actors(src: Path, cur: Curated, rep: Report) -> tuple[list[dict], list[dict]]:
    """Imported actors, and the extra names of states kg knows (``state_names.jsonl``)."""
    entries: list[dict] = []
    state_names: dict[str, dict] = {}
    claimed: dict[str, str] = {}  # norm key -> imported id that has it
    used_ids: set[str] = set()
    read: list[tuple[str, RawActor, dict | None]] = []
    for fname in ACTOR_FILES:
        for rec in parse_actor_file((src / fname).read_text(encoding="utf-8", errors="replace"), fname):
            rep.counts["records"] += 1
            where = f"{fname}:{rec.line}"
            for bad in rec.bad:
                rep.conflict("bad_restriction", rec.phrases[0], f"[{bad}]", "", "restriction skipped", where)
                rep.counts["bad_restrictions"] += 1
            read.append((fname, rec, _actor_entry(rec, fname, cur, rep, where)))
    members = _group_members(read, cur, rep)
    for fname, rec, entry in read:
        where = f"{fname}:{rec.line}"
        if id(rec) in members:
            entry = members[id(rec)]
        if entry is None:
            continue
        person, state = entry["kind"] == "person", entry["kind"] == "state"
        names, same_as = [], None
        for phrase in rec.phrases:
            shown = display_name(phrase, person or state)
            key = norm_key(phrase)
            if len(key) < 2:
                continue
            if key in cur.surfaces:
                cid, ccode, ccountry = cur.surfaces[key]
                mine = entry.get("code") or _person_code(entry)
                if cid.startswith("place:"):
                    rep.conflict("place_name", shown, f"{mine} ({entry['cameo']})", cid, "kept kg's place; name dropped from import", where)
                    rep.counts["place_conflicts"] += 1
                    continue
                if ccode != mine:
                    resolution = "kept kg's; name dropped from import"
                    if not person and not state and same_as is None:
                        resolution += f", the entry's other names take {ccode}"
                    rep.conflict("actor_name", shown, f"{mine} ({entry['cameo']})", f"{ccode} ({cid})", resolution, where)
                    rep.counts["actor_conflicts"] += 1
                else:
                    rep.counts["names_already_curated"] += 1
                if same_as is None:
                    same_as = cid
                    if not person and not state:  # the same group or body: kg's code wins for all its names
                        entry["code"], entry["country"] = ccode, ccountry
                continue
            if key in claimed:
                if claimed[key] != entry["id"]:
                    rep.counts["names_claimed_earlier"] += 1
                continue
            names.append(shown)
        if not names:
            rep.counts["entries_fully_curated"] += 1
            continue
        for phrase in rec.phrases:
            claimed.setdefault(norm_key(phrase), entry["id"])
        if state:
            row = state_names.setdefault(entry["code"], {"code": entry["code"], "cameo": entry["cameo"], "names": {"en": []},
                                                         "petrarch": rec.phrases[0], "source": SOURCE})
            row["names"]["en"] += [n for n in names if n not in row["names"]["en"]]
            rep.counts["state_names"] += len(names)
            continue
        base = entry["id"]
        if base in used_ids:
            suffix = (entry.get("country") or entry["cameo"][:3]).lower()
            base = f"{base}_{suffix}"
            n = 2
            while base in used_ids:
                base = f"{entry['id']}_{suffix}_{n}"
                n += 1
        entry["id"] = base
        used_ids.add(base)
        entry["name"] = names[0]
        entry["names"] = {"en": names}
        entry["same_as"] = same_as
        entry["petrarch"] = rec.phrases[0]
        entry["source"] = SOURCE
        entries.append(_ordered(entry))
        rep.counts[f"kind_{entry['kind']}"] += 1
        rep.counts["roles"] += len(entry.get("roles", []))
    _drop_bare_given_names(entries, rep)
    return entries, [state_names[c] for c in sorted(state_names)]


def _drop_bare_given_names(entries: list[dict], rep: Report) -> None:
    """A one-word person name that begins two or more other people's names ("Hassan", "Abdullah") is ambiguous."""
    firsts = Counter(n.split()[0].lower() for e in entries if e["kind"] == "person" for n in e["names"]["en"] if " " in n)
    for e in entries:
        if e["kind"] != "person":
            continue
        keep = [n for n in e["names"]["en"] if " " in n or firsts[n.lower()] < 2]
        for n in e["names"]["en"]:
            if n not in keep:
                rep.conflict("ambiguous_name", n, e["id"], "", f"dropped: begins {firsts[n.lower()]} other people's names", e["id"])
                rep.counts["bare_given_names_dropped"] += 1
        if keep and keep != e["names"]["en"]:
            e["names"]["en"] = keep
            e["name"] = keep[0]
        elif not keep:
            e["names"]["en"] = []
    entries[:] = [e for e in entries if e["names"]["en"]]


# Words that make a name a group's even without an ORG_WORDS word ("Mariano Moreno ... Commando").
GROUP_WORDS = {"COMMANDO", "COMMANDOS", "BOARD", "BATTALION", "BATTALIONS", "GUERILLA", "GUERRILLA", "MILITIA", "CELL",
               "SQUAD", "UNIT", "ORDER", "NATION", "FIGHTERS", "MUJAHIDEEN", "MUJAHIDIN", "TIGERS"}
# A comment that says what a person is in the group ("# co-founder jma", "# senior leader").
_MEMBER_NOTE = re.compile(r"\b(leader|founder|member|commander|spokes(?:man|person))", re.I)
_NAME_START_SKIP = {"AL", "EL", "AL-", "EL-", "THE"}


def _group_members(read: list[tuple[str, "RawActor", dict | None]], cur: Curated, rep: Report) -> dict[int, dict | None]:
    """People whom PETRARCH codes as an armed group ("SHEIKH_AHMED_YASSIN [PSEREBHMS 19870101-20040322]").

    Such an entry would become a one-man group (``NSA:SHEIKH_AHMED_YASSIN``). It is a person when its name has no
    group word and it has a dated code (a membership period), or a comment naming a post in the group, or a first
    word that begins the names of three or more of the dictionaries' people. The person is imported with a role
    whose code is the group's when the code names one group: its last part is a specific group code (``HMS``,
    ``ALQ``, ``JMA``, not a region, religion or role), and the entries coded with it that are groups have one kg
    code (kg's curated one when a curated name is among them). Otherwise the person is left out: kg has no code
    for them. Entries with a curated name keep the curated code, as every imported entry does. Returns
    ``id(record) -> entry`` (None: not imported) for the entries it changes."""
    firsts: Counter = Counter()
    for fname, rec, entry in read:
        words = phrase_words(rec.phrases[0])
        if entry is not None and entry["kind"] == "person" and len(words) > 1:
            firsts[words[0].upper()] += 1

    def curated_code(rec: RawActor) -> str | None:
        for phrase in rec.phrases:
            hit = cur.surfaces.get(norm_key(phrase))
            if hit and not hit[0].startswith("place:"):
                return hit[1]
        return None

    def person_like(rec: RawActor) -> bool:
        words = [w.strip("()").upper() for w in phrase_words(rec.phrases[0])]
        if not words or set(words) & (ORG_WORDS | GROUP_WORDS) or words[0] in _NAME_START_SKIP:
            return False
        return (any(r.dated for r in rec.restrictions) or bool(_MEMBER_NOTE.search(rec.comment))
                or (len(words) > 1 and firsts[words[0]] >= 3))

    members = [(fname, rec, entry) for fname, rec, entry in read
               if entry is not None and entry["kind"] == "armed_group" and curated_code(rec) is None and person_like(rec)]
    member_ids = {id(rec) for _f, rec, _e in members}
    group_codes: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"curated": set(), "other": set()})
    for _fname, rec, entry in read:
        if entry is None or entry["kind"] != "armed_group" or id(rec) in member_ids:
            continue
        mine = curated_code(rec)
        group_codes[entry["cameo"]]["curated" if mine else "other"].add(mine or entry["code"])
    generic = set(ROLE_SECTORS) | set(ROLE_LABELS) | NON_STATE_PREFIXES | cur.states | {"IMG", "NGO", "MNC", "IGO"}
    out: dict[int, dict | None] = {}
    for fname, rec, entry in members:
        cameo = entry["cameo"]
        parts = _chunks(re.sub(r"[0-9]+$", "", cameo))
        codes = group_codes.get(cameo, {"curated": set(), "other": set()})
        group = None
        if len(parts) > 1 and parts[-1] not in generic:
            found = codes["curated"] or codes["other"]
            group = next(iter(found)) if len(found) == 1 else None
        where = f"{fname}:{rec.line}"
        name = display_name(rec.phrases[0], True)
        if group is None:
            out[id(rec)] = None
            rep.conflict("group_person", name, f"{entry['code']} ({cameo})", "", "not imported: a person, and the code names no one group", where)
            rep.counts["group_people_dropped"] += 1
            continue
        dated = [r for r in rec.restrictions if r.dated and r.code == cameo]
        role = {"post": "Member", "country": None, "sector": "REB",
                "start": dated[-1].start.isoformat() if dated and dated[-1].start else None,
                "end": dated[-1].end.isoformat() if dated and dated[-1].end else None, "code": group, "cameo": cameo}
        out[id(rec)] = {"id": "p2_" + slug(rec.phrases[0]), "kind": "person", "roles": [role], "cameo": cameo,
                        "country": _country(parts[0], cur.states)}  # IMGMUSALQ: no home state (MUS is no state here)
        rep.conflict("group_person", name, f"{entry['code']} ({cameo})", group, "imported as a person of the group", where)
        rep.counts["group_people"] += 1
    return out


def _person_code(entry: dict) -> str | None:
    roles = entry.get("roles") or []
    return (roles[-1].get("code") or roles[-1].get("country")) if roles else entry.get("country")


def _ordered(entry: dict) -> dict:
    order = ["id", "kind", "name", "code", "country", "sector", "cameo", "names", "roles", "same_as", "petrarch", "source"]
    return {k: entry[k] for k in order if k in entry and entry[k] is not None}


def _nsa_code(rec: RawActor) -> str:
    words = [w for w in re.sub(r"\([^)]*\)", " ", " ".join(phrase_words(rec.phrases[0]))).split() if w]
    acr = re.search(r"\(([A-Z0-9-]{2,})\)", rec.phrases[0])
    if acr and len(words) > 3:
        name = acr.group(1)
    else:
        name = "_".join(words)
    name = re.sub(r"[^A-Z0-9_]", "", re.sub(r"[-\s]+", "_", name.upper().replace("'", "")))
    return "NSA:" + (name or "UNKNOWN")[:40].strip("_")


def _actor_entry(rec: RawActor, fname: str, cur: Curated, rep: Report, where: str) -> dict | None:
    primary = rec.phrases[0]
    defaults = [r for r in rec.restrictions if not r.dated]
    dated = [r for r in rec.restrictions if r.dated]
    if not rec.restrictions:
        rep.counts["no_code"] += 1
        return None
    nsa = _nsa_code(rec)
    if _is_person(rec, fname) and fname != "Phoenix.MilNonState.actors.txt":
        roles = []
        for r in dated:
            kc = split_code(r.code, cur.states, None)
            if kc is None or (kc.code is None):
                rep.counts["roles_unmappable"] += 1
                continue
            post = f"{kc.code.split(':', 1)[1]} official" if kc.kind == "igo" else role_label(kc.roles)
            role = {"post": post, "country": kc.country, "sector": kc.sector,
                    "start": r.start.isoformat() if r.start else None, "end": r.end.isoformat() if r.end else None}
            if kc.code and not kc.code.startswith(tuple(cur.states)) and kc.code != kc.country:
                role["code"] = kc.code
            role["cameo"] = r.code
            roles.append(role)
        roles = _merge_roles(roles, rep)
        default = split_code(defaults[-1].code, cur.states, None) if defaults else None
        if not roles and (default is None or default.code is None):
            rep.counts["people_unmappable"] += 1
            return None
        entry = {"id": "p2_" + slug(primary), "kind": "person", "roles": roles,
                 "cameo": defaults[-1].code if defaults else (roles[-1]["cameo"] if roles else None)}
        if default is not None and default.code:
            entry["code"] = default.code
            entry["country"] = default.country
        else:
            countries = Counter(r["country"] for r in roles if r["country"])
            entry["country"] = countries.most_common(1)[0][0] if countries else None
        return entry
    pick = defaults[-1] if defaults else max(dated, key=lambda r: r.start or date.min)
    kc = split_code(pick.code, cur.states, nsa)
    if kc is None or kc.code is None:
        rep.counts["entries_unmappable"] += 1
        rep.conflict("unmapped_code", display_name(primary, False), pick.code, "", "not imported (no kg code)", where)
        return None
    if kc.kind == "state":
        if len(pick.code) == 3:
            return {"id": "p2_" + kc.code.lower(), "kind": "state", "code": kc.code, "country": kc.country, "cameo": pick.code}
        # a state agency or office given by name: kg codes it as the state with a sector
        return {"id": "p2_" + slug(primary), "kind": "organisation", "code": kc.code, "country": kc.country,
                "sector": kc.sector, "cameo": pick.code}
    return {"id": "p2_" + slug(primary), "kind": kc.kind, "code": kc.code, "country": kc.country, "sector": kc.sector,
            "cameo": pick.code}


def _merge_roles(roles: list[dict], rep: Report) -> list[dict]:
    """Overlapping or touching intervals of one post in one country merge (kg forbids overlaps)."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in roles:
        groups[(r["post"], r["country"], r.get("code"))].append(r)
    out = []
    for rs in groups.values():
        rs.sort(key=lambda r: (r["start"] or "0000", r["end"] or "9999"))
        merged = [dict(rs[0])]
        for r in rs[1:]:
            last = merged[-1]
            if (last["end"] or "9999") > (r["start"] or "0000"):
                rep.counts["role_overlaps_merged"] += 1
                if last["end"] is not None and (r["end"] is None or r["end"] > last["end"]):
                    last["end"] = r["end"]
            else:
                merged.append(dict(r))
        out.extend(merged)
    out.sort(key=lambda r: (r["start"] or "0000", r["end"] or "9999", r["post"]))
    return out


# -- verbs ---------------------------------------------------------------------------------------------------------


def _verb_forms(spec: str) -> tuple[str, list[str]]:
    """``HURRY {HURRIES HURRIED}`` -> (``hurry``, forms); ``+STIR_UP {...}`` -> (``stir up``, ...)."""
    head, _, forms = spec.partition("{")
    lemma = " ".join(w.lstrip("+").lower() for w in phrase_words(head.replace("+", "+")))
    given = [" ".join(w.lstrip("+").lower() for w in phrase_words(f)) for f in forms.rstrip("} ").split()]
    return lemma, [g for g in given if g]


def _regular_forms(lemma: str) -> list[str]:
    words = lemma.split()
    v = words[0]
    if v.endswith("e"):
        forms = [v + "s", v + "d", v[:-1] + "ing"]
    else:
        forms = [v + ("es" if v[-1] in "sxz" else "s"), v + "ed", v + "ing"]
    return [" ".join([f] + words[1:]) for f in forms]


_PAT_TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


def parse_pattern_side(text: str) -> list[dict]:
    """One side of a verb pattern as a list of elements.

    >>> parse_pattern_side("{FINANCIAL AID} (FOR +) &WEAPON $")
    [{'type': 'noun', 'words': ['financial', 'aid'], 'head': 'aid'}, {'type': 'prep', 'prep': 'for', 'object': {'type': 'target'}}, {'type': 'synset', 'name': '&WEAPON'}, {'type': 'source'}]
    """
    out = []
    for tok in _PAT_TOKEN.findall(text):
        if tok.startswith("("):
            inner = tok[1:-1].split(None, 1)
            prep = inner[0].lower().replace("_", " ") if inner else ""
            obj = parse_pattern_side(inner[1])[0] if len(inner) > 1 and parse_pattern_side(inner[1]) else None
            out.append({"type": "prep", "prep": prep, "object": obj})
        else:
            out.append(_element(tok))
    return out


def _element(tok: str) -> dict:
    marks = {"$": "source", "+": "target", "%": "compound", "^": "skip"}
    if tok in marks:
        return {"type": marks[tok]}
    if tok.startswith("{"):
        words = [w.rstrip("_") if w.startswith("&") else w.lower() for w in tok[1:-1].split()]
        return {"type": "noun", "words": words, "head": words[-1] if words else ""}
    if tok.startswith("&"):
        return {"type": "synset", "name": tok.rstrip("_")}
    words = [w.lower() for w in phrase_words(tok)]
    return {"type": "noun", "words": words, "head": words[-1] if words else ""}


def _synset_refs(elems: list[dict]) -> set[str]:
    out = set()
    for e in elems:
        inner = e.get("object") if e["type"] == "prep" else e
        if not inner:
            continue
        if inner["type"] == "synset":
            out.add(inner["name"])
        out |= {w for w in inner.get("words", []) if w.startswith("&")}
    return out


def _positions(elems: list[dict], side: str, found: dict) -> None:
    for e in elems:
        inner = e.get("object") if e["type"] == "prep" else e
        if inner and inner["type"] in ("source", "target") and inner["type"] not in found:
            found[inner["type"]] = {"side": side, "prep": e.get("prep")} if e["type"] == "prep" else {"side": side}


def _code_pair(text: str) -> tuple[str | None, str | None]:
    a, sep, b = text.strip().partition(":")
    norm = lambda c: re.sub(r"[^0-9]", "", c) or None  # noqa: E731 - "---" is the null code; "080!" is 080
    return norm(a), (norm(b) if sep else None)


def convert_verbs(src: Path, cur: Curated, rep: Report):
    text = (src / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    synsets: dict[str, list[str]] = {}
    triggers: list[dict] = []
    patterns: list[dict] = []
    block_code: str | None = None
    block: list[dict] = []  # verbs of the current block
    block_name = ""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        raw = lines[i]
        number = i + 1
        i += 1
        line = raw.partition("#")[0].rstrip() if not raw.startswith("#") else ""
        if not line.strip():
            continue
        m = re.search(r"\[([^\]]*)\]", line)
        code_text = m.group(1) if m else ""
        body = (line[: m.start()] if m else line).strip()
        if body.startswith("---"):
            block_name = body.strip("- ").strip()
            block_code = _code_pair(code_text)[0]
            block = []
            continue
        if body.startswith("&"):
            name = body.rstrip("_")
            noplural = body.endswith("_")
            words = []
            while i < len(lines) and lines[i].startswith("+"):
                w = lines[i][1:].partition("#")[0].strip()
                i += 1
                stop = noplural or w.endswith("_")
                phrase = " ".join(phrase_words(w)).lower()
                if phrase:
                    words.append(phrase)
                    if not stop:
                        words.append(_plural(phrase))
            synsets[name] = sorted(set(words))
            rep.counts["synsets"] += 1
            continue
        if body.startswith("~"):
            rep.counts["transformations"] += 1
            patterns.append({"block": block_name, "transformation": body[1:].strip(), "line": number, "source": SOURCE})
            continue
        if body.startswith("-"):
            code, reverse = _code_pair(code_text)
            pat = body[1:].replace("_ ", " ").strip()
            before, star, after = pat.partition("*")
            if not star:
                rep.counts["patterns_skipped"] += 1
                continue
            b, a = parse_pattern_side(before), parse_pattern_side(after)
            undefined = _synset_refs(b + a) - set(synsets)
            if undefined:  # as PETRARCH does: a pattern using an undefined synset is ignored
                rep.counts["patterns_undefined_synset"] += 1
                rep.conflict("undefined_synset", pat, " ".join(sorted(undefined)), "", "pattern skipped", f"CAMEO.2.0.txt:{number}")
                continue
            found: dict = {}
            _positions(b, "before", found)
            _positions(a, "after", found)
            entry = {"block": block_name, "verbs": [v["words"] for v in block], "code": code}
            if reverse:
                entry["reverse_code"] = reverse
            entry.update({"before": b, "after": a})
            if "source" in found:
                entry["source_position"] = found["source"]
            if "target" in found:
                entry["target_position"] = found["target"]
            entry.update({"pattern": pat, "line": number, "source": SOURCE})
            patterns.append(entry)
            rep.counts["patterns"] += 1
            continue
        # a verb of the current block
        lemma, forms = _verb_forms(body)
        if not lemma:
            continue
        if not forms:
            forms = _regular_forms(lemma)
        own = _code_pair(code_text)[0] if code_text else None
        code = own or block_code
        verb = {"words": lemma, "forms": forms, "block": block_name}
        block.append(verb)
        rep.counts["verbs"] += 1
        rep.counts["verb_forms"] += 1 + len(forms)
        if code is None:
            continue
        kg_codes = cur.triggers.get(lemma)
        if kg_codes and code not in kg_codes:
            rep.conflict("trigger_code", lemma, code, ",".join(sorted(kg_codes)), "kept kg's; not imported", f"CAMEO.2.0.txt:{number}")
            rep.counts["trigger_conflicts"] += 1
            continue
        if kg_codes:
            rep.counts["triggers_already_curated"] += 1
            continue
        triggers.append({"words": lemma, "code": code, "pos": "verb", "forms": forms, "block": block_name,
                         "line": number, "source": SOURCE})
    # patterns with one bare object noun are also checked against kg's two-word triggers ("hold talk")
    for p in patterns:
        if "transformation" in p or p["before"] or len(p["after"]) != 1 or p["after"][0]["type"] != "noun" or not p["code"]:
            continue
        for v in p["verbs"]:
            phrase = f"{v} {' '.join(p['after'][0]['words'])}"
            kg_codes = cur.trigger_any.get(phrase)
            if kg_codes and p["code"] not in kg_codes:
                rep.conflict("pattern_code", phrase, p["code"], ",".join(sorted(kg_codes)), "kept kg's; pattern kept, marked", f"CAMEO.2.0.txt:{p['line']}")
                p.setdefault("kg_conflict", []).append(phrase)
                rep.counts["pattern_conflicts"] += 1
    return triggers, patterns, synsets


def _plural(phrase: str) -> str:
    if phrase.endswith("y"):
        return phrase[:-1] + "ies"
    if phrase.endswith("s"):
        return phrase + "es"
    return phrase + "s"


# -- agents and discards -------------------------------------------------------------------------------------------


def convert_agents(src: Path, cur: Curated, rep: Report) -> list[dict]:
    subst: dict[str, list[str]] = {}
    out: dict[str, dict] = {}
    for number, raw in enumerate((src / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.partition("#")[0].strip()
        if not line or line.startswith("<!"):
            continue
        if "!" in line and "=" in line:
            marker, _, items = line.partition("=")
            subst[marker.strip().strip("!")] = [x.strip() for x in items.split(",") if x.strip()]
            continue
        m = re.search(r"\[([^\]}]*)[\]}]", line)
        if not m:
            rep.counts["agents_without_code"] += 1
            continue
        code = m.group(1).strip()
        phrase = line[: m.start()].strip()
        plural = None
        if "{" in phrase:
            phrase, _, pl = phrase.partition("{")
            plural = pl.partition("}")[0].strip()
            phrase = phrase.strip()
        forms: list[str]
        if "!" in phrase:
            pre, _, restm = phrase.partition("!")
            marker, _, post = restm.partition("!")
            forms = [pre + s + post for s in subst.get(marker, [])]
        else:
            forms = [phrase]
            if plural is None:
                forms.append(_plural(" ".join(phrase_words(phrase)).lower()))
            elif plural:
                forms.append(plural)
        roles = _chunks(code.replace("~", ""))
        sector = _sector(roles)
        after = code.startswith("~")
        rep.counts["agents"] += 1
        for f in forms:
            words = " ".join(phrase_words(f)).lower()
            if not words or words in out:
                continue
            if words in cur.sectors and cur.sectors[words] != sector:
                rep.conflict("sector_noun", words, f"{sector} ({code})", cur.sectors[words], "kept kg's; not imported", f"Phoenix.agents.txt:{number}")
                rep.counts["agent_conflicts"] += 1
                continue
            if words in cur.sectors:
                rep.counts["agents_already_curated"] += 1
                continue
            out[words] = {"words": words, "sector": sector, "cameo": code, "code_order": "actor_first" if after else "agent_first",
                          "line": number, "source": SOURCE}
            rep.counts["agent_forms"] += 1
    return [out[k] for k in sorted(out)]


def convert_discards(src: Path, rep: Report) -> list[dict]:
    out = []
    seen = set()
    for number, raw in enumerate((src / "Phoenix.discards.txt").read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.partition("#")[0].strip()
        if not line:
            continue
        scope = "story" if line.startswith("+") else "sentence"
        text = line.lstrip("+").strip()
        whole = text.endswith("_")
        words = " ".join(phrase_words(text)).lower()
        if not words or (words, scope) in seen:
            continue
        seen.add((words, scope))
        out.append({"words": words, "scope": scope, "match": "word" if whole else "stem", "line": number, "source": SOURCE})
        rep.counts["discards"] += 1
    return out


# -- coverage ------------------------------------------------------------------------------------------------------


def coverage(triggers: list[dict], patterns: list[dict], cur: Curated, cameo_codes: set[str]) -> tuple[list[str], list[str], set[str]]:
    """CAMEO codes the petrarch verb dictionary covers that kg's Indonesian triggers lack."""
    pcodes = {t["code"] for t in triggers}
    pcodes |= {p["code"] for p in patterns if p.get("code")}
    pcodes |= {p["reverse_code"] for p in patterns if p.get("reverse_code")}
    # codes of curated English forms count too: petrarch covers them, kg kept its own code
    idcodes = {str(t["code"]) for t in cur.id_triggers}
    known = sorted(c for c in pcodes if c in cameo_codes and c not in idcodes)
    unknown = sorted(c for c in pcodes if c not in cameo_codes)
    return known, unknown, pcodes


# -- writing -------------------------------------------------------------------------------------------------------


def _dump_jsonl(rows: list[dict], header: str) -> str:
    lines = [f"// {h}" for h in header.splitlines()]
    lines += [json.dumps(r, ensure_ascii=False, sort_keys=False, separators=(", ", ": ")) for r in rows]
    return "\n".join(lines) + "\n"


def build(src: Path, data: Path) -> dict[str, str]:
    """Every output file's name and text."""
    cur = load_curated(data)
    rep = Report()
    actors, state_names = convert_actors(src, cur, rep)
    triggers, patterns, synsets = convert_verbs(src, cur, rep)
    agents = convert_agents(src, cur, rep)
    discards = convert_discards(src, rep)
    cameo_codes = set()
    for line in (data / "cameo" / "cameo.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("code\t"):
            cameo_codes.add(line.split("\t")[0])
    missing, unknown, pcodes = coverage(triggers, patterns, cur, cameo_codes)
    gen = "generated by scripts/import_petrarch.py from PETRARCH2's dictionaries (MIT, see LICENSE); do not edit"
    files = {
        "actors.jsonl": _dump_jsonl(actors, f"Imported actors, {gen}.\nkg's curated data/actors win: names they have are dropped here (CONFLICTS.tsv)."),
        "state_names.jsonl": _dump_jsonl(state_names, f"Extra names of the states in data/actors/states.jsonl (spellings, cities PETRARCH codes as the state), {gen}."),
        "triggers.jsonl": _dump_jsonl(triggers, f"Imported English verb triggers, {gen}."),
        "patterns.jsonl": _dump_jsonl(patterns, f"Imported verb patterns with argument positions, {gen}."),
        "sectors.jsonl": _dump_jsonl(agents, f"Imported agent nouns, {gen}.\nsector: kg's sector (null when CAMEO's agent code has none); code_order: actor_first (~GOV: USAGOV) or agent_first (NGO~: NGOUSA)."),
        "negative_contexts.jsonl": _dump_jsonl(discards, f"Imported discard phrases, {gen}.\nscope sentence: the sentence is not coded; story: the document is not coded. match stem|word."),
        "synsets.json": json.dumps(synsets, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
    }
    rows = sorted(set(rep.conflicts))
    files["CONFLICTS.tsv"] = "kind\titem\tpetrarch\tkg\tresolution\twhere\n" + "".join("\t".join(r) + "\n" for r in rows)
    c = rep.counts
    kinds = Counter(a["kind"] for a in actors)
    people_states = {r["country"] for a in actors if a["kind"] == "person" for r in a.get("roles", []) if r.get("country")}
    conflicts_by_kind = Counter(r[0] for r in rows)
    files["REPORT.md"] = "\n".join([
        "# PETRARCH2 import report",
        "",
        "Generated by `python scripts/import_petrarch.py` from ../shared/petrarch (PETRARCH2, MIT); check with `--check`.",
        "",
        "| what | count |",
        "|---|---|",
        f"| actor records read | {c['records']} |",
        f"| people imported | {kinds['person']} |",
        f"| of them people PETRARCH codes as their armed group (coded with the group) / such people left out (no one group) | {c['group_people']} / {c['group_people_dropped']} |",
        f"| their dated roles | {sum(len(a.get('roles', [])) for a in actors)} |",
        f"| states with imported people | {len(people_states)} |",
        f"| states with extra names / names | {len(state_names)} / {c['state_names']} |",
        f"| groups: organisations / IGOs / armed groups | {kinds['organisation']} / {kinds['igo']} / {kinds['armed_group']} |",
        f"| entries dropped: every name already curated | {c['entries_fully_curated']} |",
        f"| entries not imported: no kg code (territories, historical states, null codes) | {c['entries_unmappable'] + c['people_unmappable'] + c['no_code']} |",
        f"| role restrictions unreadable (bad dates) / unmappable / overlaps merged | {c['bad_restrictions']} / {c['roles_unmappable']} / {c['role_overlaps_merged']} |",
        f"| verbs (lemmas) / verb forms | {c['verbs']} / {c['verb_forms']} |",
        f"| triggers imported (lemmas coding alone) | {len(triggers)} |",
        f"| patterns / transformations / synsets | {c['patterns']} / {c['transformations']} / {c['synsets']} |",
        f"| patterns skipped (undefined synset, as PETRARCH does) | {c['patterns_undefined_synset']} |",
        f"| agents (lines) / agent noun forms imported | {c['agents']} / {c['agent_forms']} |",
        f"| discards | {c['discards']} |",
        f"| conflicts (CONFLICTS.tsv) | {len(rows)} |",
        "",
        "Conflicts by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(conflicts_by_kind.items())) + ".",
        "",
        "## CAMEO codes kg's Indonesian triggers lack",
        "",
        f"The petrarch verb dictionary (triggers and patterns) uses {len(pcodes)} codes. Of those in kg's CAMEO table, "
        f"{len(missing)} have no Indonesian trigger in data/lang/id/triggers.jsonl (issue #12: fill them):",
        "",
        _wrap(missing),
        "",
        f"Codes the dictionary uses that kg's CAMEO table (1.1b3) does not have ({len(unknown)}): {_wrap(unknown)}",
        "",
    ])
    return files


def _wrap(codes: list[str]) -> str:
    out, line = [], ""
    for code in codes:
        if len(line) + len(code) + 2 > 110:
            out.append(line.rstrip())
            line = ""
        line += f"`{code}` "
    out.append(line.rstrip())
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="folder of the PETRARCH2 dictionaries")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default data/petrarch)")
    ap.add_argument("--data", type=Path, default=REPO / "data", help="kg's data folder (curated entries win)")
    ap.add_argument("--check", action="store_true", help="exit 1 if the files in --out differ from a fresh conversion")
    args = ap.parse_args(argv)
    missing = [f for f in (*ACTOR_FILES, "CAMEO.2.0.txt", "Phoenix.agents.txt", "Phoenix.discards.txt") if not (args.src / f).is_file()]
    if missing:
        print(f"import_petrarch: {args.src}: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    files = build(args.src, args.data)
    if args.check:
        stale = [n for n, text in files.items() if not (args.out / n).is_file() or (args.out / n).read_text(encoding="utf-8") != text]
        if stale:
            print(f"import_petrarch: out of date: {', '.join(stale)} (run python scripts/import_petrarch.py)", file=sys.stderr)
            return 1
        print(f"import_petrarch: {args.out} is up to date ({len(files)} files)")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_text(text, encoding="utf-8")
    print(f"import_petrarch: wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
