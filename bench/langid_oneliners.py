"""Language identification on one-line texts: how many English and Indonesian one-liners kg would skip
as "another language", and how many clearly-other texts (French, German, Spanish) it recognises.

Usage: python bench/langid_oneliners.py [--n 10000] [--seed 3]

The one-liners are made with bench/corpus_gen.py's templates and kg's own lexicons (an event sentence
or a background sentence each, names of real actors and invented people); the French, German and
Spanish texts below were written for this benchmark. "before" is py3langid over all its languages,
as kg used it (a first choice outside en/id/ms was a skip); "after" is kg.ingest.identify_language.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

OTHER = {
    "fr": [
        "Le ministre des affaires étrangères a rencontré son homologue allemand à Paris mardi.",
        "Les deux pays ont signé un accord commercial après trois jours de négociations.",
        "La police a arrêté douze manifestants devant l'ambassade samedi soir.",
        "Le gouvernement a annoncé de nouvelles sanctions contre les entreprises concernées.",
        "Des milliers de personnes ont fui les combats dans le nord du pays.",
        "Le président a promis une aide d'urgence aux familles touchées par les inondations.",
        "Selon l'armée, deux soldats ont été blessés lors d'une attaque contre un poste frontière.",
        "Les pourparlers reprendront la semaine prochaine à Genève, a déclaré un porte-parole.",
        "L'opposition accuse le premier ministre d'avoir caché la vérité sur l'accord.",
        "Le Conseil de sécurité se réunira jeudi pour examiner la situation humanitaire.",
    ],
    "de": [
        "Der Außenminister traf am Dienstag seinen französischen Amtskollegen in Berlin.",
        "Die beiden Länder unterzeichneten nach drei Tagen Verhandlungen ein Handelsabkommen.",
        "Die Polizei nahm am Samstagabend zwölf Demonstranten vor der Botschaft fest.",
        "Die Regierung kündigte neue Sanktionen gegen die betroffenen Unternehmen an.",
        "Tausende Menschen flohen vor den Kämpfen im Norden des Landes.",
        "Der Präsident versprach den von der Flut betroffenen Familien schnelle Hilfe.",
        "Nach Angaben der Armee wurden bei einem Angriff auf einen Grenzposten zwei Soldaten verletzt.",
        "Die Gespräche werden nächste Woche in Genf fortgesetzt, sagte ein Sprecher.",
        "Die Opposition wirft dem Kanzler vor, die Wahrheit über das Abkommen verschwiegen zu haben.",
        "Der Sicherheitsrat wird am Donnerstag über die humanitäre Lage beraten.",
    ],
    "es": [
        "El ministro de Asuntos Exteriores se reunió el martes con su homólogo alemán en Madrid.",
        "Los dos países firmaron un acuerdo comercial tras tres días de negociaciones.",
        "La policía detuvo a doce manifestantes frente a la embajada el sábado por la noche.",
        "El gobierno anunció nuevas sanciones contra las empresas implicadas.",
        "Miles de personas huyeron de los combates en el norte del país.",
        "El presidente prometió ayuda urgente a las familias afectadas por las inundaciones.",
        "Según el ejército, dos soldados resultaron heridos en un ataque contra un puesto fronterizo.",
        "Las conversaciones se reanudarán la próxima semana en Ginebra, dijo un portavoz.",
        "La oposición acusa al primer ministro de ocultar la verdad sobre el acuerdo.",
        "El Consejo de Seguridad se reunirá el jueves para examinar la situación humanitaria.",
    ],
}


def one_liners(lang: str, n: int, seed: int = 3) -> list[str]:
    """``n`` one-line texts in ``lang`` (en or id): half event sentences, half background sentences."""
    from corpus_gen import EN_EVENTS, ID_EVENTS, date_phrase, fill, filler, load_entities

    rng = random.Random(seed)
    ents = load_entities()
    out = []
    for i in range(n):
        if i % 2:
            out.append(filler(rng, lang, ents))
            continue
        s, t = rng.sample(ents[lang]["actors"], 2)
        when = date(2024, 1, 1) + timedelta(days=rng.randint(0, 364))
        out.append(fill(rng, rng.choice(EN_EVENTS if lang == "en" else ID_EVENTS), lang, ents, S=s, T=t,
                        P=rng.choice(ents[lang]["places"]), D=date_phrase(rng, when, lang, when)))  # fmt: skip
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    from kg.io.ingest import _known_codes, detect_language, identify_language

    known = _known_codes()
    for lang in ("en", "id"):
        texts = one_liners(lang, args.n, args.seed)
        before = sum(detect_language(t) not in known for t in texts)
        guesses = [identify_language(t) for t in texts]
        other = sum(g.lang is None for g in guesses)
        wrong = sum(g.lang not in (None, lang) for g in guesses)
        near = sum(g.lang is not None and g.top not in known for g in guesses)
        print(f"{lang}: {len(texts):,} one-liners; skipped before {before:,}; after: skipped {other:,}, "
              f"read as the other language {wrong:,}, near-misses read as {lang} with a log line {near:,}")  # fmt: skip
    for lang, texts in OTHER.items():
        words5 = [" ".join(t.split()[:5]) for t in texts]
        print(f"{lang}: {sum(identify_language(t).lang is None for t in texts)}/{len(texts)} one-liners recognised as "
              f"another language; first five words only: {sum(identify_language(t).lang is None for t in words5)}/{len(texts)}")  # fmt: skip


if __name__ == "__main__":
    main()
