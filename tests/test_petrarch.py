"""The PETRARCH2 import: the converter on small dictionaries written here, the committed output, the loader."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.lexicon import cameo
from kg.lexicon.lexicon import Lexicon, bundled_files, load_lexicon
from kg.resources import data_dir, read_jsonl

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "import_petrarch.py"
SHARED = REPO.parent / "shared" / "petrarch"
OUT = data_dir() / "petrarch"
CODE = re.compile(r"^([A-Z]{3}|IGO:[A-Z0-9_]+|NSA:[A-Z0-9_]+)$")
SECTORS = {"GOV", "MIL", "POL", "INT", "DIP", "JUD", "LEG", "OPP", "MED", "BUS", "REL", "REB", "CVL"}


def _load_script():
    spec = importlib.util.spec_from_file_location("import_petrarch", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["import_petrarch"] = mod
    spec.loader.exec_module(mod)
    return mod


ip = _load_script()
STATES = {"IRN", "USA", "LBN", "IDN", "AFG", "KOR"}


# -- converter units, on dictionary text written for these tests ----------------------------------------------------

ACTORS = """# a comment line
# another one

ZORAN_VELIKIC_  # CountryInfo.txt
+Z._VELIKIC_
+ZORAN_VELIKICH
\t[IRNELI 750101-990630]
\t[IRNGOV 990630-050803]
\t[IRNGOV >130803]
\t[IRNELI]
AMARA_TULUS_  # CountryInfo.txt
\t[IDNMIL <020115]
\t[IDNGOV 020115-19991231]
WESTERN_HILLS_LIBERATION_FRONT_(WHLF)_ [LBNREB] #  zz 01 Jan 13
+HILLS_FRONT_
OCEANIA_  [---]
"""


def test_actor_records_dated_roles_two_digit_years_synonyms_and_comments():
    recs = ip.parse_actor_file(ACTORS, "Phoenix.Countries.actors.txt")
    assert [r.phrases[0] for r in recs] == ["ZORAN_VELIKIC_", "AMARA_TULUS_", "WESTERN_HILLS_LIBERATION_FRONT_(WHLF)_", "OCEANIA_"]
    zoran = recs[0]
    assert zoran.phrases == ["ZORAN_VELIKIC_", "Z._VELIKIC_", "ZORAN_VELIKICH"]
    assert "CountryInfo" in zoran.comment
    r = zoran.restrictions
    # 75 -> 1975, 99 -> 1999, 05 -> 2005, 13 -> 2013 (PETRARCH: 00-30 are 20YY)
    assert (r[0].code, r[0].start, r[0].end) == ("IRNELI", date(1975, 1, 1), date(1999, 6, 30))
    assert (r[2].start, r[2].end) == (date(2013, 8, 3), None)
    assert not r[3].dated and r[3].code == "IRNELI"
    amara = recs[1]
    assert (amara.restrictions[0].start, amara.restrictions[0].end) == (None, date(2002, 1, 15))
    # an interval whose end comes before its start is unreadable: skipped and reported, not guessed
    assert amara.bad == ["IDNGOV 020115-19991231"]


def test_actor_entry_gives_kg_codes_sectors_and_the_cameo_code():
    rep = ip.Report()
    cur = ip.Curated(STATES, {}, {}, {}, {}, [])
    recs = ip.parse_actor_file(ACTORS, "Phoenix.Countries.actors.txt")
    zoran = ip._actor_entry(recs[0], "Phoenix.Countries.actors.txt", cur, rep, "x")
    assert zoran["kind"] == "person" and zoran["code"] == "IRN" and zoran["cameo"] == "IRNELI"
    assert [(r["sector"], r["start"], r["end"], r["cameo"]) for r in zoran["roles"]] == [
        (None, "1975-01-01", "1999-06-30", "IRNELI"),
        ("GOV", "1999-06-30", "2005-08-03", "IRNGOV"),
        ("GOV", "2013-08-03", None, "IRNGOV"),
    ]
    front = ip._actor_entry(recs[2], "Phoenix.MilNonState.actors.txt", cur, rep, "x")
    assert (front["kind"], front["code"], front["country"], front["sector"], front["cameo"]) == (
        "armed_group", "NSA:WHLF", "LBN", "REB", "LBNREB")
    # the null code gives nothing kg can code
    assert ip._actor_entry(recs[3], "Phoenix.Countries.actors.txt", cur, rep, "x") is None


def test_people_states_and_groups_are_told_apart():
    text = """ZORAN_VELIKIC_  # CountryInfo.txt
\t[IRNGOV >130803]
TARIK_AMARA_
+PRESIDENT_TARIK_AMARA
\t[IDNELI 600101-000101]
\t[IDNGOV 20021115-20130314]
\t[IDNELI]
REPUBLIC_OF_WESTLAND_
+WESTLANDIA_
\t[IRN <900802]
\t[IRNOCC 900802-910226]
\t[IRN >910226]
WESTERN_HILLS_LIBERATION_FRONT_ [LBNREB]
"""
    kinds = [ip._is_person(r, "Phoenix.Countries.actors.txt") for r in ip.parse_actor_file(text)]
    # with the CountryInfo marker; an elite without it; a state whose code changes with time; a group
    assert kinds == [True, True, False, False]


def test_overlapping_intervals_of_one_post_merge():
    rep = ip.Report()
    roles = [
        {"post": "Government", "country": "USA", "sector": "GOV", "start": "2001-01-01", "end": "2005-01-01"},
        {"post": "Government", "country": "USA", "sector": "GOV", "start": "2003-01-01", "end": "2009-01-01"},
        {"post": "Government", "country": "USA", "sector": "GOV", "start": "2010-01-01", "end": None},
    ]
    merged = ip._merge_roles(roles, rep)
    assert [(r["start"], r["end"]) for r in merged] == [("2001-01-01", "2009-01-01"), ("2010-01-01", None)]
    assert rep.counts["role_overlaps_merged"] == 1


@pytest.mark.parametrize(
    "phrase,person,shown",
    [
        ("ZORAN_VELIKIC_", True, "Zoran Velikic"),
        ("ABU_BAKR_AL-FULANI", True, "Abu Bakr al-Fulani"),
        ("MARIA_DE_LA_CRUZ", True, "Maria de la Cruz"),
        ("WESTERN_HILLS_LIBERATION_FRONT_(WHLF)_", False, "Western Hills Liberation Front (WHLF)"),
        ("UN_MONITORING_OFFICE", False, "UN Monitoring Office"),
        ("VELIKIC)", True, "Velikic"),  # an unbalanced bracket in the source
        ("ZVK", True, "ZVK"),  # initials of a person
    ],
)
def test_names_are_written_as_news_writes_them(phrase, person, shown):
    assert ip.display_name(phrase, person) == shown


def test_a_bare_given_name_is_dropped_but_a_bare_surname_kept():
    people = [
        {"id": "p2_a", "kind": "person", "name": "Tarik", "names": {"en": ["Tarik"]}},
        {"id": "p2_b", "kind": "person", "name": "Tarik Velikic", "names": {"en": ["Tarik Velikic", "Velikic"]}},
        {"id": "p2_c", "kind": "person", "name": "Tarik Amara", "names": {"en": ["Tarik Amara"]}},
    ]
    rep = ip.Report()
    ip._drop_bare_given_names(people, rep)
    assert [p["id"] for p in people] == ["p2_b", "p2_c"]
    assert people[0]["names"]["en"] == ["Tarik Velikic", "Velikic"]
    assert rep.conflicts[0][:2] == ("ambiguous_name", "Tarik")


VERBS = """&PLACE
+PORT
+HARBOUR_

&HELPERS_
+WOULD
+MIGHT

---  PUMMEL   [190]  ---
PUMMEL # a comment
SHELLAC {SHELLACS SHELLACKED SHELLACKING} [195]
+BEAT_BACK {+BEATS_BACK +BEAT_BACK +BEATING_BACK}
- * &PLACE (WITH {HEAVY ROCKETS})                 [193]     # PUMMEL
- $ * (ON +)                                      [190:190] # PUMMEL
- + SOLDIER * ^                                   [:182]    # SHELLAC
~ a (a b PUMMEL) SAY = a b 138

---  DAWDLE   [---]  ---
DAWDLE
- * (OVER {PEACE PLAN})                           [0356]    # DAWDLE
- * {&PLACE &NOWHERE}                             [0356]    # DAWDLE: undefined synset, ignored
"""



def _convert(tmp_path, countries: str, international: str, milnonstate: str):
    """Run the converter on a small dictionary written here (the three actor files given, VERBS, one agent, one
    discard); returns (source folder, output folder)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "Phoenix.Countries.actors.txt").write_text(countries, encoding="utf-8")
    (src / "Phoenix.International.actors.txt").write_text(international, encoding="utf-8")
    (src / "Phoenix.MilNonState.actors.txt").write_text(milnonstate, encoding="utf-8")
    (src / "CAMEO.2.0.txt").write_text(VERBS, encoding="utf-8")
    (src / "Phoenix.agents.txt").write_text("DEPUTY [~GOV]\n", encoding="utf-8")
    (src / "Phoenix.discards.txt").write_text("CHESS\n", encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, str(SCRIPT), "--src", str(src), "--out", str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return src, out

def test_verb_blocks_forms_codes_and_patterns_with_argument_positions(tmp_path):
    (tmp_path / "CAMEO.2.0.txt").write_text(VERBS, encoding="utf-8")
    rep = ip.Report()
    cur = ip.Curated(STATES, {}, {"beat back": {"190"}}, {}, {}, [])
    triggers, patterns, synsets = ip.convert_verbs(tmp_path, cur, rep)
    by_words = {t["words"]: t for t in triggers}
    assert by_words["pummel"]["code"] == "190" and by_words["pummel"]["source"] == "petrarch2"
    assert by_words["pummel"]["forms"] == ["pummels", "pummeled", "pummeling"]
    assert by_words["shellac"]["code"] == "195" and "shellacked" in by_words["shellac"]["forms"]
    assert "dawdle" not in by_words  # null code: the verb alone codes nothing
    assert "beat back" not in by_words  # kg's curated trigger codes it the same: nothing to add
    assert synsets["&PLACE"] == ["harbour", "port", "ports"]  # plurals made, except for '_' entries
    assert synsets["&HELPERS"] == ["might", "would"]  # a label ending in '_': no plurals at all
    pats = [p for p in patterns if "transformation" not in p]
    first, second, third, fourth = pats
    assert first["verbs"] == ["pummel", "shellac", "beat back"] and first["code"] == "193"
    assert first["after"] == [
        {"type": "synset", "name": "&PLACE"},
        {"type": "prep", "prep": "with", "object": {"type": "noun", "words": ["heavy", "rockets"], "head": "rockets"}},
    ]
    assert second["source_position"] == {"side": "before"}
    assert second["target_position"] == {"side": "after", "prep": "on"}
    assert (second["code"], second["reverse_code"]) == ("190", "190")
    assert third["code"] is None and third["reverse_code"] == "182"
    assert third["target_position"] == {"side": "before"} and third["after"] == [{"type": "skip"}]
    assert fourth["block"] == "DAWDLE" and fourth["code"] == "0356" and fourth["verbs"] == ["dawdle"]
    assert rep.counts["patterns_undefined_synset"] == 1 and rep.conflicts[0][0] == "undefined_synset"
    assert [p["transformation"] for p in patterns if "transformation" in p] == ["a (a b PUMMEL) SAY = a b 138"]


def test_curated_trigger_code_wins_and_is_listed(tmp_path):
    (tmp_path / "CAMEO.2.0.txt").write_text(VERBS, encoding="utf-8")
    rep = ip.Report()
    cur = ip.Curated(STATES, {}, {"pummel": {"180"}}, {}, {}, [])
    triggers, _p, _s = ip.convert_verbs(tmp_path, cur, rep)
    assert "pummel" not in {t["words"] for t in triggers}
    assert [c[:4] for c in rep.conflicts if c[0] == "trigger_code"] == [("trigger_code", "pummel", "190", "180")]


def test_agents_substitutions_plurals_and_discards(tmp_path):
    (tmp_path / "Phoenix.agents.txt").write_text(
        "# agents\n!PERSON! = MAN, WOMEN\nHARBOUR!PERSON! [~CVL]\nCOASTGUARD {} [~MIL] # no plural\n"
        "QUARTERMASTER_GENERAL {QUARTERMASTERS_GENERAL} [~MILGOV]\nDEPUTY [~GOV]\nWIDGET_GUILD [NGO~]\nSPOKESMAN [~MED]\n",
        encoding="utf-8",
    )
    (tmp_path / "Phoenix.discards.txt").write_text("# discards\n+CHESS OLYMPIAD # story\nPENALTY KICK_\n", encoding="utf-8")
    rep = ip.Report()
    cur = ip.Curated(STATES, {}, {}, {}, {"spokesman": "GOV"}, [])
    agents = {a["words"]: a for a in ip.convert_agents(tmp_path, cur, rep)}
    assert agents["harbourman"]["sector"] == "CVL" and "harbourwomen" in agents and "harbourmen" not in agents
    assert "coastguards" not in agents and agents["coastguard"]["sector"] == "MIL"
    assert agents["quartermasters general"]["sector"] == "MIL"
    assert agents["deputies"]["sector"] == "GOV"  # regular plural made
    assert agents["widget guild"]["sector"] is None and agents["widget guild"]["code_order"] == "agent_first"
    assert agents["deputy"]["code_order"] == "actor_first"
    assert "spokesman" not in agents and rep.conflicts[0][:4] == ("sector_noun", "spokesman", "MED (~MED)", "GOV")
    discards = ip.convert_discards(tmp_path, rep)
    assert discards == [
        {"words": "chess olympiad", "scope": "story", "match": "stem", "line": 2, "source": "petrarch2"},
        {"words": "penalty kick", "scope": "sentence", "match": "word", "line": 3, "source": "petrarch2"},
    ]


def test_whole_conversion_keeps_curated_names_and_reports_conflicts(tmp_path):
    src, out = _convert(tmp_path, ACTORS + "VLADIMIR_PUTIN_  # CountryInfo.txt\n+VOVA_PUTINOVICH_\n\t[UKRGOV 120101-150101]\n",
                        "ZORAN_VELIKICH_\t[IGOUNO]\n", "HAMAS_ [PSEREB]\n+HAMAS_FRIENDS_CLUB_\n")  # fmt: skip
    rows = {o["id"]: o for _n, o in read_jsonl(out / "actors.jsonl")}
    assert all(o["source"] == "petrarch2" for o in rows.values())
    # 'Vladimir Putin' is curated (RUS): the name stays kg's, the conflict is listed, the other synonym survives
    putin = rows["p2_vladimir_putin"]
    assert putin["names"] == {"en": ["Vova Putinovich"]} and putin["same_as"] == "vladimir_putin"
    conflicts = (out / "CONFLICTS.tsv").read_text(encoding="utf-8")
    assert "actor_name\tVladimir Putin\tUKR (UKRGOV)\tRUS (vladimir_putin)" in conflicts
    # Hamas is curated as NSA:HAMAS: the group's other names take kg's code
    club = [o for o in rows.values() if o["names"]["en"] == ["Hamas Friends Club"]][0]
    assert club["code"] == "NSA:HAMAS" and club["cameo"] == "PSEREB"
    # a name already claimed by an earlier PETRARCH entry stays with it (Countries before International)
    assert not any("Zoran Velikich" in o["names"]["en"] for o in rows.values() if o["id"] != "p2_zoran_velikic")
    # rerunnable and deterministic: --check passes on what it just wrote, fails once a file changes
    check = [sys.executable, str(SCRIPT), "--src", str(src), "--out", str(out), "--check"]
    assert subprocess.run(check, capture_output=True).returncode == 0
    (out / "triggers.jsonl").write_text("{}\n", encoding="utf-8")
    bad = subprocess.run(check, capture_output=True, text=True)
    assert bad.returncode == 1 and "triggers.jsonl" in bad.stderr


GROUP_PEOPLE = """DESERT_LIONS_FRONT_ [IMGSASMUS]
+LIONS_OF_THE_DESERT_
ORCHARD_MOVEMENT_
+ORCHARD_GROUP_
\t[PSEREBORC]
SHEIKH_ZAKI_TARNAWI
+ZAKI_TARNAWI
\t[PSEREBORC 19900101-20000101]
QADIR_BALOCH__ [IMGSASMUS] # founder of a cell
NAJIB_SAFFAR__ [IMGMUSWVQ] # senior leader wvq
"""


def test_a_person_petrarch_codes_as_a_group_gets_the_group_or_is_left_out(tmp_path):
    # PETRARCH codes some people with their armed group's code ('SHEIKH_AHMED_YASSIN [PSEREBHMS ...]'): they become
    # persons with the group's code when the code names one group, and are left out when it does not
    _src, out = _convert(tmp_path, "", "", GROUP_PEOPLE)
    rows = {o["name"]: o for _n, o in read_jsonl(out / "actors.jsonl")}
    sheikh = rows["Sheikh Zaki Tarnawi"]  # a dated code: a membership, not a group's founding
    assert sheikh["kind"] == "person" and sheikh["names"]["en"] == ["Sheikh Zaki Tarnawi", "Zaki Tarnawi"]
    assert [(r["code"], r["start"], r["end"]) for r in sheikh["roles"]] == [("NSA:ORCHARD_MOVEMENT", "1990-01-01", "2000-01-01")]
    assert rows["Orchard Movement"]["kind"] == "armed_group" and rows["Orchard Movement"]["code"] == "NSA:ORCHARD_MOVEMENT"
    # IMGSASMUS names a region and a religion, no group; WVQ names a group no entry is: both people are left out
    assert "Qadir Baloch" not in rows and "Najib Saffar" not in rows
    assert rows["Desert Lions Front"]["code"] == "NSA:DESERT_LIONS_FRONT"  # a group's name stays a group
    assert not any(o.get("code") in ("NSA:SHEIKH_ZAKI_TARNAWI", "NSA:QADIR_BALOCH") for o in rows.values())
    conflicts = (out / "CONFLICTS.tsv").read_text(encoding="utf-8")
    assert "group_person\tQadir Baloch\tNSA:QADIR_BALOCH (IMGSASMUS)" in conflicts
    assert "group_person\tSheikh Zaki Tarnawi\tNSA:SHEIKH_ZAKI_TARNAWI (PSEREBORC)\tNSA:ORCHARD_MOVEMENT" in conflicts


def test_missing_dictionaries_give_one_clear_line(tmp_path):
    run = subprocess.run([sys.executable, str(SCRIPT), "--src", str(tmp_path), "--out", str(tmp_path / "o")], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "missing Phoenix.Countries.actors.txt" in run.stderr and "Traceback" not in run.stderr


# -- the committed import --------------------------------------------------------------------------------------------


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/petrarch not present")
def test_committed_import_is_up_to_date():
    run = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def _rows(name):
    return [o for _n, o in read_jsonl(OUT / name)]


def test_imported_actors_meet_the_curated_checks_and_never_shadow_curated_names():
    rows = _rows("actors.jsonl")
    assert len(rows) > 20000
    curated_states = {a.code for a in load_lexicon().actors.values() if a.kind.value == "state"}
    lex = Lexicon()  # the curated files only: office-holders rank above the import at run time instead
    for path in bundled_files():
        lex.add_file(path)
    curated_names = {ip.norm_key(s.text) for lg in ("en", "id") for s in lex.surfaces(lg)
                     if s.target.startswith("place:") or lex.tier(s.target) == "curated"}
    ids = set()
    for o in rows:
        assert o["source"] == "petrarch2" and o["cameo"], o["id"]
        assert re.fullmatch(r"p2_[a-z0-9_]+", o["id"]) and o["id"] not in ids
        ids.add(o["id"])
        assert o["kind"] in ("person", "organisation", "igo", "armed_group")
        for c in [o.get("code")] + [r.get("code") for r in o.get("roles", [])]:
            assert c is None or CODE.match(c), o["id"]
        assert o.get("country") is None or o["country"] in curated_states, o["id"]
        assert o.get("sector") is None or o["sector"] in SECTORS, o["id"]
        assert not any(ip.norm_key(n) in curated_names for ns in o["names"].values() for n in ns), o["id"]
        for r in o.get("roles", []):
            assert r["country"] is None or r["country"] in curated_states
            assert r["start"] is None or r["end"] is None or r["start"] <= r["end"]
    # people PETRARCH codes as their group are persons of the group, not one-man groups
    by_name = {o["name"]: o for o in rows}
    assert by_name["Sheikh Ahmed Yassin"]["kind"] == "person"
    assert {r["code"] for r in by_name["Sheikh Ahmed Yassin"]["roles"]} == {"NSA:HAMAS"}
    assert {r["code"] for r in by_name["Khalid Sheikh Mohammed"]["roles"]} == {"NSA:ALQAEDA"}
    assert "Abu Mohammad al Jawlani" not in by_name  # SYRREBMUS names no one group
    # kg's own loader reads the file whole (the same path as --lexicon)
    lex = Lexicon()
    lex.add_file(OUT / "actors.jsonl")
    assert len(lex.actors) == len(rows)


def test_imported_triggers_sectors_and_contexts_are_valid():
    table = cameo.table()
    for t in _rows("triggers.jsonl"):
        assert t["source"] == "petrarch2" and t["pos"] == "verb" and t["words"] == t["words"].lower()
        assert t["code"] in table or t["code"][:3] in table, t
    for p in _rows("patterns.jsonl"):
        assert p["source"] == "petrarch2"
        if "transformation" not in p:
            assert p["verbs"]  # code None ([---]): the pattern blocks coding ("foil a plot" is no event)
            for c in (p["code"], p.get("reverse_code")):
                assert c is None or re.fullmatch(r"\d{3,4}", c), p
            assert {e["type"] for e in p["before"] + p["after"]} <= {"noun", "prep", "synset", "source", "target", "compound", "skip"}
    for s in _rows("sectors.jsonl"):
        assert s["source"] == "petrarch2" and (s["sector"] is None or s["sector"] in SECTORS)
    for d in _rows("negative_contexts.jsonl"):
        assert d["scope"] in ("sentence", "story") and d["match"] in ("stem", "word") and d["words"]
    synsets = json.loads((OUT / "synsets.json").read_text(encoding="utf-8"))
    used = {e["name"] for p in _rows("patterns.jsonl") for e in p.get("before", []) + p.get("after", []) if e["type"] == "synset"}
    used |= {w for p in _rows("patterns.jsonl") for e in p.get("before", []) + p.get("after", []) for w in e.get("words", []) if w[0] == "&"}
    assert used <= set(synsets)
    assert (OUT / "LICENSE").read_text(encoding="utf-8").startswith("The MIT License")


def test_report_lists_the_codes_indonesian_triggers_lack():
    report = (OUT / "REPORT.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`(\d{3,4})`", report.split("## CAMEO codes kg's Indonesian triggers lack")[1].split("Codes the dictionary uses")[0]))
    id_codes = {str(o["code"]) for _n, o in read_jsonl(data_dir() / "lang" / "id" / "triggers.jsonl")}
    assert listed and not (listed & id_codes)
    assert listed <= set(cameo.table())


# -- the loader ------------------------------------------------------------------------------------------------------


def _fresh(monkeypatch, cache_dir):
    import kg.lexicon.petrarch as p2

    monkeypatch.setenv("KG_CACHE_DIR", str(cache_dir))
    for f in (p2._data, p2.row, p2.actor):
        f.cache_clear()
    return p2


def test_lookup_gives_the_code_and_office_on_the_date(tmp_path, monkeypatch):
    p2 = _fresh(monkeypatch, tmp_path)
    pick = next(o for o in p2.actors().values() if o["kind"] == "person" and len(o.get("roles", [])) >= 2
                and all(r["start"] and r["end"] for r in o["roles"]) and o["roles"][0]["country"] != o["roles"][-1]["country"])
    first, last = pick["roles"][0], pick["roles"][-1]
    for r in (first, last):
        m = [x for x in p2.lookup(pick["name"].upper(), when=r["start"]) if x.id == pick["id"]][0]
        assert (m.code, m.role, m.cameo) == (r.get("code") or r["country"], r["post"], r["cameo"])
    assert p2.lookup("no such person anywhere") == []
    afg = [o for o in _rows("state_names.jsonl") if o["code"] == "AFG"][0]
    assert "Afghanestan" in afg["names"]["en"] and p2.state_code("AFGHANESTAN") == "AFG"  # a spelling kg lacks
    assert p2.state_code("Kandahar") is None  # kg has it as a place: curated wins


def test_loader_writes_and_reuses_its_cache_and_works_without_one(tmp_path, monkeypatch):
    p2 = _fresh(monkeypatch, tmp_path)
    first = p2.lookup("Hezballah")
    assert first and first[0].code == "NSA:HEZBOLLAH" and first[0].same_as == "hezbollah"
    assert len(list(tmp_path.glob("petrarch-*.pickle"))) == 1
    p2 = _fresh(monkeypatch, tmp_path)
    assert p2.lookup("hezballah") == first
    blocked = tmp_path / "file"
    blocked.write_text("x")
    p2 = _fresh(monkeypatch, blocked / "sub")  # cannot be created: no cache, same answers
    assert p2.lookup("HEZBALLAH") == first


def test_default_startup_does_not_read_the_import():
    code = "import sys, kg, kg.cli; from kg.lexicon.lexicon import load_lexicon; load_lexicon(); print('kg.lexicon.petrarch' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ})
    assert run.stdout.strip() == "False", run.stderr
    assert not any("petrarch" in str(p) for p in load_lexicon().sources)


def test_imported_actors_work_as_a_user_lexicon():
    run = subprocess.run(
        [sys.executable, "-m", "kg.cli", "actors", "-", "--lang", "en", "--date", "2010-05-12", "--lexicon", str(OUT / "actors.jsonl")],
        input="Hamid Karzai met Barack Obama.\n", capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    found = {a["id"]: a for a in json.loads(run.stdout.splitlines()[0])}
    assert found["p2_hamid_karzai"]["code"] == "AFG" and found["barack_obama"]["code"] == "USA"


# -- the verb dictionary wired into extraction (kg.nlp.petrarch_layer) ----------------------------------------------


def _extract(text, parts, lang="en", when="2024-05-06"):
    """Events of ``text`` with the PETRARCH layer set to ``parts``: (source, target, code, trigger)."""
    from kg.extract.extractor import Extractor
    from kg.model import Document
    from kg.nlp.pipeline import build_pipeline
    from kg.nlp.triggers import TriggerTagger

    nlp = build_pipeline(lang)
    tagger = TriggerTagger(nlp, lang=lang, petrarch=parts)
    doc = Extractor._process(nlp, text, date.fromisoformat(when))
    doc = tagger(doc)  # the same doc tagged again, with the layer set to ``parts``
    document = Document(id="t", text=text, lang=lang, date=date.fromisoformat(when), date_source="option")
    ex = Extractor().from_doc(document, doc)
    return {(e.sources[0].code, e.targets[0].code, e.code, e.trigger) for e in ex.events}, doc


def test_a_petrarch_only_verb_yields_its_code():
    from kg.nlp.petrarch_layer import DEFAULT_PARTS, load_layer

    # "kick out" is in PETRARCH's DEPORT block (174) and in none of kg's curated English triggers
    assert not any(t.words[:2] == ("kick", "out") for t in __import__("kg.nlp.triggers", fromlist=["x"]).load_triggers("en"))
    text = "Iran kicked out two British diplomats on Monday."
    events, _doc = _extract(text, "0")
    assert not any(code == "174" for _s, _t, code, _w in events)
    events, doc = _extract(text, ",".join(sorted(DEFAULT_PARTS)))
    assert ("IRN", "GBR", "174", "kicked out") in events
    span = [s for s in doc.spans["kg_triggers"] if s.text == "kicked out"][0]
    assert span.kb_id_.startswith("petrarch2:") and span.label_ == "174"
    # one-word verbs coding alone are a part of their own (off by default): "stab" 182
    events, _doc = _extract("Iraqi police stabbed two Turkish soldiers in Mosul on Sunday.", "triggers")
    assert ("IRQ", "TUR", "182", "stabbed") in events
    from kg.nlp.triggers import Trigger, load_triggers

    assert load_layer("id", DEFAULT_PARTS, load_triggers("id"), Trigger) is None  # the dictionaries are English


def test_a_pattern_codes_the_verb_with_its_object_and_skips_curated_nouns():
    events, doc = _extract("Thailand tightened security along the border with Myanmar on Friday.", "patterns")
    tight = [s for s in doc.spans["kg_triggers"] if s.text == "tightened"]
    assert tight and tight[0].label_ == "152"  # "* &SECURITY": the synset word after the verb
    # no object, no pattern: the bare verb codes nothing
    _events, doc = _extract("Thailand tightened the rules on Friday.", "patterns")
    assert not [s for s in doc.spans["kg_triggers"] if s.text == "tightened"]
    # "hold" + TALKS: the curated noun "talks" codes the meeting; the verb adds no second trigger
    _events, doc = _extract("India and China held border talks in Beijing on Monday.", "patterns")
    assert [s.text for s in doc.spans["kg_triggers"] if s.text == "held"] == []


def test_a_discard_phrase_suppresses_the_petrarch_trigger_only():
    text = "Iran kicked out two British diplomats after the soccer match on Monday."
    assert ("IRN", "GBR", "174", "kicked out") in _extract("Iran kicked out two British diplomats after the talks on Monday.", "phrasal,discards")[0]
    assert not any(code == "174" for _s, _t, code, _w in _extract(text, "phrasal,discards")[0])  # "soccer": sentence discarded
    assert ("IRN", "GBR", "174", "kicked out") in _extract(text, "phrasal")[0]  # without the discards it codes
    # a story-scope discard anywhere in the document suppresses the layer in every sentence
    story = "Iran kicked out two British diplomats on Monday. The FIFA delegation left Tehran."
    assert not any(code == "174" for _s, _t, code, _w in _extract(story, "phrasal,discards")[0])
    # kg's curated triggers are not suppressed (years such as 2008 are discards: history, for PETRARCH)
    curated = "Russia attacked Georgia in August 2008."
    assert ("RUS", "GEO") in {(s, t) for s, t, _c, _w in _extract(curated, "phrasal,discards")[0]}
    assert not _extract(curated, "discards_all")[0]  # unless asked


def test_a_curated_trigger_wins_over_a_conflicting_petrarch_entry():
    from kg.nlp.petrarch_layer import PARTS, load_layer
    from kg.nlp.triggers import load_triggers

    from kg.nlp.triggers import Trigger

    curated = {t.words: t.code for t in load_triggers("en")}
    layer = load_layer("en", frozenset(PARTS), load_triggers("en"), Trigger)
    # CONFLICTS.tsv: PETRARCH codes "kill" 190, kg 180; the layer holds no entry for a curated verb
    conflicts = [line.split("\t") for line in (OUT / "CONFLICTS.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    kill = [c for c in conflicts if c[0] == "trigger_code" and c[1] == "kill"][0]
    assert (kill[2], kill[3]) == ("190", curated[("kill",)])
    assert not any(t.words in curated for ts in layer.triggers.values() for t in ts)
    # PETRARCH's "* {ETHNIC VIOLENCE}" pattern codes "warn" 012; kg's curated "warn" (130) is the one used
    assert any(p.code == "012" and p.text == "* {ETHNIC VIOLENCE}" for p in layer.patterns["warn"])
    events, doc = _extract("Indonesia warned Malaysia of ethnic violence on Monday.", "*")
    assert [s.label_ for s in doc.spans["kg_triggers"] if s.text == "warned"] == [curated[("warn",)]]
    assert ("IDN", "MYS", curated[("warn",)], "warned") in events and not any(c == "012" for _s, _t, c, _w in events)
    # where the curated entry does not match ("deliver" needs aid words after it), the layer may code the verb
    _events, doc = _extract("Russia delivered a message to Ukraine on Monday.", "generic_patterns")
    assert [s.label_ for s in doc.spans["kg_triggers"] if s.text == "delivered"] == ["010"]


def test_petrarch_parts_come_from_the_environment(monkeypatch):
    from kg.nlp.petrarch_layer import DEFAULT_PARTS, PARTS, parts_from_env

    monkeypatch.delenv("KG_PETRARCH", raising=False)
    assert parts_from_env() == DEFAULT_PARTS
    monkeypatch.setenv("KG_PETRARCH", "*")
    assert parts_from_env() == frozenset(PARTS)
    monkeypatch.setenv("KG_PETRARCH", "patterns,nonsense")
    with pytest.raises(ValueError, match="nonsense"):
        parts_from_env()
