"""How well kg's parser reads a person's name in subject and object position: the evidence for a language's
``placeholder_name`` (data/lang/<code>/syntax.json; kg/extract/syntax/names.py).

For each name given, the name is put into template sentences (written for this bench) and parsed with kg's
shipped syntax model; a sentence counts when the name's head token has the expected relation (``nsubj`` for
the subject templates, ``obj``/``obl``/``conj`` for the others) and the name is one phrase.

Usage:
    python bench/placeholder_names.py --lang en Johnson "John Johnson" Smith Blinken Borrell Albanese
    python bench/placeholder_names.py --lang id Santoso Blinken Borrell
"""

from __future__ import annotations

import argparse

TEMPLATES = {
    "en": [
        ("{} thanked Indonesia for its consistent support for the Palestinian people.", "nsubj"),
        ("{} met Prime Minister Fumio Kishida in Tokyo.", "nsubj"),
        ("{} criticised Russia over the sanctions on Tuesday.", "nsubj"),
        ("{} said on Monday that Russia had attacked Ukraine.", "nsubj"),
        ("{} accused Beijing of harassing Filipino vessels.", "nsubj"),
        ("{} visited Kyiv on Tuesday.", "nsubj"),
        ("{} urged Tehran to release the detained Europeans.", "nsubj"),
        ("{} condemned the strike on the consulate.", "nsubj"),
        ("{} called his Chinese counterpart on Friday.", "nsubj"),
        ("{} welcomed the decision by Japan.", "nsubj"),
        ("{} hosted the Turkish president in Ankara.", "nsubj"),
        ("{} signed a defence pact with Australia.", "nsubj"),
        ("{} rejected the accusation.", "nsubj"),
        ("{} warned Israel against an offensive in Rafah.", "nsubj"),
        ("{} praised Egypt for its mediation.", "nsubj"),
        ("{} told reporters that the talks had failed.", "nsubj"),
        ("{} arrived in Jakarta on Monday for a two-day visit.", "nsubj"),
        ("{} expelled two Russian diplomats.", "nsubj"),
        ("{} promised more aid to Ukraine.", "nsubj"),
        ("{} and Xi discussed trade.", "nsubj"),
        ("Russia criticised {} on Tuesday.", "obj"),
        ("Xi met {} in Beijing on Monday.", "obj"),
        ("Erdogan spoke with {} by phone.", "obl"),
        ("The minister accused {} of lying.", "obj"),
        ("Israel warned {} against escalation.", "obj"),
        ("The talks between Xi and {} ended.", "conj"),
        ("Japan welcomed {} to Tokyo.", "obj"),
        ("China urged {} to stop the drills.", "obj"),
        ("The UN praised {} for the deal.", "obj"),
        ("Iran condemned {} for the remarks.", "obj"),
    ],
    "id": [
        ("{} berterima kasih kepada Indonesia atas dukungannya.", "nsubj"),
        ("{} bertemu Perdana Menteri Fumio Kishida di Tokyo.", "nsubj"),
        ("{} mengkritik Rusia soal sanksi pada Selasa.", "nsubj"),
        ("{} mengatakan pada Senin bahwa Rusia menyerang Ukraina.", "nsubj"),
        ("{} menuduh Beijing mengganggu kapal Filipina.", "nsubj"),
        ("{} mengunjungi Kyiv pada Selasa.", "nsubj"),
        ("{} mendesak Teheran membebaskan warga Eropa.", "nsubj"),
        ("{} mengecam serangan terhadap konsulat itu.", "nsubj"),
        ("{} menelepon mitranya dari China pada Jumat.", "nsubj"),
        ("{} menyambut baik keputusan Jepang.", "nsubj"),
        ("{} menjamu presiden Turki di Ankara.", "nsubj"),
        ("{} menandatangani pakta pertahanan dengan Australia.", "nsubj"),
        ("{} menolak tuduhan itu.", "nsubj"),
        ("{} memperingatkan Israel agar tidak menyerang Rafah.", "nsubj"),
        ("{} memuji Mesir atas mediasinya.", "nsubj"),
        ("{} mengatakan kepada wartawan bahwa perundingan gagal.", "nsubj"),
        ("{} tiba di Jakarta pada Senin untuk kunjungan dua hari.", "nsubj"),
        ("{} mengusir dua diplomat Rusia.", "nsubj"),
        ("{} menjanjikan bantuan tambahan untuk Ukraina.", "nsubj"),
        ("{} dan Xi membahas perdagangan.", "nsubj"),
    ],
}


def score(lang: str, name: str) -> tuple[int, int]:
    """(sentences read right, sentences) for ``name`` in ``lang``'s templates."""
    import spacy

    from kg.nlp.syntax import load_syntax, share_strings

    nlp = load_syntax(lang)
    blank = spacy.blank(lang)
    share_strings(nlp, blank.vocab)
    n = len(name.split())
    ok = 0
    for template, want in TEMPLATES[lang]:
        at = template.split().index("{}")
        doc = blank.make_doc(template.format(name))
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        heads = [t for t in doc[at : at + n] if not at <= t.head.i < at + n or t.head.i == t.i]
        ok += len(heads) == 1 and heads[0].dep_ == want
    return ok, len(TEMPLATES[lang])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", choices=sorted(TEMPLATES), default="en")
    ap.add_argument("names", nargs="+")
    args = ap.parse_args(argv)
    for name in args.names:
        ok, n = score(args.lang, name)
        print(f"{name:24s} {ok}/{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
