"""Generate a synthetic news corpus (English and Indonesian) for the corpus benchmark.

Usage: python bench/corpus_gen.py OUT_DIR [--words 5000000] [--seed 7] [--id-share 0.5]

Writes OUT_DIR/news-<lang>-<n>.jsonl.gz (fields id, text, date, lang, url, title, publisher) and prints
the word count. Articles are made from templates, but are not repetitive text (which spaCy's tokenizer
cache would make unrealistically fast): actors, places and people come from kg's own lexicons (all of
them, so entity variety is realistic), every article has its own invented officials, numbers and dates,
and background sentences are assembled from several word banks. Density: about one event sentence in
three, 2-4 actors per 100 words, like wire copy. Each "happening" is reported by 1-6 outlets with
different wording on dates up to a day apart, so merging across documents has work to do.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS_PER_FILE = 2000

EN_MONTHS = "January February March April May June July August September October November December".split()
ID_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
EN_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ID_DAYS = "Senin Selasa Rabu Kamis Jumat Sabtu Minggu".split()

# event templates: {S} source, {T} target, {P} place, {D} date phrase
EN_EVENTS = [
    "{S} struck {T} positions near {P} on {D}, killing at least {n} people.",
    "{S} launched airstrikes against {T} in {P} on {D}.",
    "{S} accused {T} of violating the ceasefire on {D}.",
    "{S} and {T} signed a trade agreement in {P} on {D}.",
    "{S} criticised {T} on {D} over its handling of the {topic}.",
    "{S} condemned {T} for the {topic} on {D}.",
    "{S} held talks with {T} in {P} on {D}.",
    "{S} imposed sanctions on {T} on {D}, targeting its {topic}.",
    "{S} threatened {T} with retaliation on {D}.",
    "{S} provided humanitarian aid to {T} on {D}.",
    "{S} expelled diplomats of {T} on {D}.",
    "{S} praised {T} on {D} for its role in the {topic}.",
    "{S} met {T} in {P} on {D} to discuss the {topic}.",
    "{S} called on {T} on {D} to release detained {group}.",
]
ID_EVENTS = [
    "{S} menyerang {T} di {P} pada {D}, menewaskan sedikitnya {n} orang.",
    "{S} menuduh {T} melanggar gencatan senjata pada {D}.",
    "{S} dan {T} menandatangani perjanjian perdagangan di {P} pada {D}.",
    "{S} mengkritik {T} pada {D} terkait {topic}.",
    "{S} mengecam {T} atas {topic} pada {D}.",
    "{S} bertemu dengan {T} di {P} pada {D} untuk membahas {topic}.",
    "{S} menjatuhkan sanksi terhadap {T} pada {D}.",
    "{S} mengancam {T} pada {D}.",
    "{S} memberikan bantuan kemanusiaan kepada {T} pada {D}.",
    "{S} mengusir diplomat {T} pada {D}.",
    "{S} memuji {T} pada {D} atas perannya dalam {topic}.",
    "{S} meminta {T} pada {D} untuk membebaskan {group} yang ditahan.",
]
EN_TOPICS = ["border dispute", "grain deal", "refugee crisis", "nuclear programme", "fishing rights", "pipeline project",
             "prisoner exchange", "election dispute", "maritime incident", "energy talks", "debt restructuring",
             "port expansion", "drone incident", "water-sharing plan", "customs dispute", "visa policy"]  # fmt: skip
ID_TOPICS = ["sengketa perbatasan", "kesepakatan gandum", "krisis pengungsi", "program nuklir", "hak penangkapan ikan",
             "proyek pipa gas", "pertukaran tahanan", "sengketa pemilu", "insiden maritim", "pembicaraan energi",
             "restrukturisasi utang", "perluasan pelabuhan", "insiden drone", "kebijakan visa"]  # fmt: skip
EN_GROUPS = ["journalists", "aid workers", "fishermen", "students", "activists", "sailors"]
ID_GROUPS = ["wartawan", "relawan", "nelayan", "mahasiswa", "aktivis", "pelaut"]

EN_FILLER_SUBJ = ["Analysts in {city}", "A senior official", "Local residents", "The ministry's spokesperson {person}",
                  "Diplomats familiar with the matter", "Economists at a {city} bank", "Witnesses", "The opposition leader {person}",
                  "Aid agencies", "Shipping companies", "Market traders in {city}", "A regional expert, {person},"]  # fmt: skip
EN_FILLER_VERB = ["said", "warned", "noted", "told reporters", "estimated", "argued", "added", "suggested"]
EN_FILLER_OBJ = ["that prices of {goods} had risen {n} percent since {month}", "that {n} families had left the area by {month}",
                 "the talks could resume within {n} weeks", "that the {topic} would dominate the agenda in {month}",
                 "that about {n} trucks were waiting at the crossing", "the budget for {goods} would grow to {n} million dollars",
                 "that the {topic} had cost the economy {n} million dollars", "the harbour in {city} stayed closed for {n} days",
                 "that exports of {goods} fell by {n} percent", "the curfew in {city} would be lifted after {n} days"]  # fmt: skip
EN_GOODS = ["wheat", "fuel", "rice", "cooking oil", "fertiliser", "cement", "medicine", "steel", "coffee", "palm oil", "sugar", "timber"]
ID_FILLER_SUBJ = ["Pengamat di {city}", "Seorang pejabat senior", "Warga setempat", "Juru bicara kementerian, {person},",
                  "Sejumlah diplomat", "Ekonom dari sebuah bank di {city}", "Para saksi", "Tokoh oposisi {person}",
                  "Lembaga bantuan", "Perusahaan pelayaran", "Pedagang pasar di {city}"]  # fmt: skip
ID_FILLER_VERB = ["mengatakan", "memperingatkan", "menyebutkan", "menjelaskan", "memperkirakan", "menambahkan"]
ID_FILLER_OBJ = ["bahwa harga {goods} naik {n} persen sejak {month}", "sebanyak {n} keluarga telah mengungsi hingga {month}",
                 "perundingan dapat dilanjutkan dalam {n} minggu", "bahwa {topic} akan mendominasi agenda pada {month}",
                 "sekitar {n} truk masih menunggu di perbatasan", "anggaran untuk {goods} akan naik menjadi {n} juta dolar",
                 "bahwa ekspor {goods} turun {n} persen", "pelabuhan di {city} ditutup selama {n} hari"]  # fmt: skip
ID_GOODS = ["gandum", "bahan bakar", "beras", "minyak goreng", "pupuk", "semen", "obat-obatan", "baja", "kopi", "minyak sawit", "gula"]
SYLL = ["ka", "ri", "mo", "sa", "ten", "lu", "wi", "bo", "de", "na", "har", "yo", "mi", "so", "ra", "ti", "gun", "pra", "le", "an"]
PUBLISHERS = {"en": ["Daily Ledger", "Global Wire", "Morning Courier", "The Harbour Times", "World Dispatch", "Capital Post",
                     "Evening Standard-Bearer", "Frontier Report"],
              "id": ["Harian Nusantara", "Kabar Dunia", "Warta Kota", "Suara Samudra", "Berita Pagi", "Tribun Khatulistiwa",
                     "Koran Bhinneka"]}  # fmt: skip


def _jsonl(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            out.append(json.loads(line))
    return out


def load_entities() -> dict:
    """Surface names per language from kg's lexicons: states, people (in office 2020-2024), organisations, places."""
    states = _jsonl(REPO / "data" / "actors" / "states.jsonl")
    people = _jsonl(REPO / "data" / "actors" / "people.jsonl")
    orgs = _jsonl(REPO / "data" / "actors" / "organisations.jsonl")
    places = _jsonl(REPO / "data" / "places" / "places.jsonl")

    def names(rec, lang):
        n = rec.get("names", {})
        return [x for x in (n.get(lang) or n.get("*") or []) if len(x) > 3 and not x.isupper()] or [rec["name"]]

    ents = {}
    for lang in ("en", "id"):
        actors = [names(s, lang)[0] for s in states]
        actors += [names(p, lang)[0] for p in people if any((r.get("end") or "9999") >= "2020" for r in p.get("roles", []))]
        actors += [names(o, lang)[0] for o in orgs if o.get("kind") in ("igo", "armed_group")]
        cities = [p["name"] for p in places if p.get("kind") in ("capital", "city")]
        ents[lang] = {"actors": sorted(set(actors)), "places": sorted(set(cities))}
    return ents


def date_phrase(rng: random.Random, d: date, lang: str, pub: date) -> str:
    if lang == "en":
        forms = [f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}", f"{EN_MONTHS[d.month - 1]} {d.day}", f"{EN_DAYS[d.weekday()]}"]
    else:
        forms = [f"{d.day} {ID_MONTHS[d.month - 1]} {d.year}", f"{ID_DAYS[d.weekday()]} ({d.day}/{d.month}/{d.year})",
                 f"{d.day} {ID_MONTHS[d.month - 1]}"]  # fmt: skip
    if (pub - d).days > 6:
        forms = forms[:1]
    return rng.choice(forms)


def person(rng: random.Random) -> str:
    def word():
        return "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def fill(rng: random.Random, template: str, lang: str, ents: dict, **fixed) -> str:
    values = {
        "city": rng.choice(ents[lang]["places"]), "person": person(rng), "n": str(rng.randint(2, 950)),
        "goods": rng.choice(EN_GOODS if lang == "en" else ID_GOODS), "topic": rng.choice(EN_TOPICS if lang == "en" else ID_TOPICS),
        "month": rng.choice(EN_MONTHS if lang == "en" else ID_MONTHS), "group": rng.choice(EN_GROUPS if lang == "en" else ID_GROUPS),
    }  # fmt: skip
    values.update(fixed)
    return template.format(**values)


def filler(rng: random.Random, lang: str, ents: dict) -> str:
    if lang == "en":
        s = f"{rng.choice(EN_FILLER_SUBJ)} {rng.choice(EN_FILLER_VERB)} {rng.choice(EN_FILLER_OBJ)}."
    else:
        s = f"{rng.choice(ID_FILLER_SUBJ)} {rng.choice(ID_FILLER_VERB)} {rng.choice(ID_FILLER_OBJ)}."
    return fill(rng, s, lang, ents)


def generate(out: Path, words: int, seed: int = 7, id_share: float = 0.5) -> int:
    rng = random.Random(seed)
    ents = load_entities()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("news-*.jsonl.gz"):
        old.unlink()
    total = 0
    counts = {"en": 0, "id": 0}
    files: dict[str, tuple] = {}
    start = date(2024, 1, 1)
    while total < words:
        lang = "id" if rng.random() < id_share else "en"
        tpl = EN_EVENTS if lang == "en" else ID_EVENTS
        # one happening, reported by 1-6 outlets, and 1-3 other happenings per article
        s, t = rng.sample(ents[lang]["actors"], 2)
        when = start + timedelta(days=rng.randint(0, 364))
        place = rng.choice(ents[lang]["places"])
        kinds = rng.sample(range(len(tpl)), 3)
        for outlet in rng.sample(PUBLISHERS[lang], rng.randint(1, 6)):
            pub = when + timedelta(days=rng.randint(0, 1))
            sents = [fill(rng, tpl[rng.choice(kinds)], lang, ents, S=s, T=t, P=place, D=date_phrase(rng, when, lang, pub))]
            for _ in range(rng.randint(1, 3)):
                s2, t2 = rng.sample(ents[lang]["actors"], 2)
                d2 = pub - timedelta(days=rng.randint(0, 10))
                sents.append(fill(rng, rng.choice(tpl), lang, ents, S=s2, T=t2, P=rng.choice(ents[lang]["places"]),
                                  D=date_phrase(rng, d2, lang, pub)))  # fmt: skip
            n_filler = len(sents) * 2 + rng.randint(2, 14)
            body = sents[:1] + [filler(rng, lang, ents) for _ in range(n_filler)]
            for extra in sents[1:]:
                body.insert(rng.randint(1, len(body)), extra)
            paras = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
            title = sents[0].split(" on ")[0].split(" pada ")[0].rstrip(".")
            text = title + "\n\n" + "\n\n".join(paras)
            n = counts[lang]
            counts[lang] += 1
            slug = outlet.lower().replace(" ", "-")
            rec = {"id": f"{lang}-{n:07d}", "text": text, "date": pub.isoformat(), "lang": lang,
                   "url": f"https://{slug}.example/{pub.isoformat()}/{n}", "title": title, "publisher": outlet}  # fmt: skip
            idx = n // DOCS_PER_FILE
            if lang not in files or files[lang][0] != idx:
                if lang in files:
                    files[lang][1].close()
                files[lang] = (idx, gzip.open(out / f"news-{lang}-{idx:04d}.jsonl.gz", "wt", encoding="utf-8"))
            files[lang][1].write(json.dumps(rec, ensure_ascii=False) + "\n")
            total += len(text.split())
            if total >= words:
                break
    for _idx, fh in files.values():
        fh.close()
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--words", type=int, default=5_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--id-share", type=float, default=0.5, help="share of Indonesian articles")
    args = ap.parse_args()
    n = generate(args.out, args.words, seed=args.seed, id_share=args.id_share)
    print(f"{n:,} words in {args.out}")


if __name__ == "__main__":
    main()
