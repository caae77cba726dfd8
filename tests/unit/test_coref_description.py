"""kg/extract/coref_description.py: a definite description opening a sentence ("The country also ...", "Negara itu
...", "Kelompok itu ...", "Pihaknya ...") for the previous sentence's subject of its kind, else the one actor of its
kind named there. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from .support import extract


# -- a definite description for the previous sentence's subject ("The country ...", "Negara itu ...") --------------
def _rules(ex, root):
    return {(s.code, t.code, e.rule.rsplit("+", 1)[-1]) for e in ex.events if e.root == root for s in e.sources for t in e.targets}


@pytest.mark.parametrize("mode", ["window_extractor", "full_extractor"])
@pytest.mark.parametrize("lang,text,want", [
    ("en", "Norway pledged money for Sudan. The country also criticised Ethiopia.", ("NOR", "ETH")),
    ("en", "Norway pledged money for Sudan. The Nordic kingdom also criticised Ethiopia.", ("NOR", "ETH")),
    ("en", "Chile's foreign ministry issued a statement. The ministry also criticised Bolivia.", ("CHL", "BOL")),
    ("en", "Hamas held a rally in Gaza. The group also criticised Egypt.", ("NSA:HAMAS", "EGY")),
    ("id", "Norwegia menjanjikan dana untuk Sudan. Negara itu juga mengkritik Etiopia.", ("NOR", "ETH")),
    ("id", "Norwegia menjanjikan dana untuk Sudan. Pemerintah negara tersebut juga mengkritik Etiopia.", ("NOR", "ETH")),
    ("id", "Kementerian Luar Negeri Chili mengeluarkan pernyataan. Kementerian tersebut juga mengkritik Bolivia.", ("CHL", "BOL")),
    ("id", "Kementerian Luar Negeri Chili mengeluarkan pernyataan. Pihaknya juga mengkritik Bolivia.", ("CHL", "BOL")),
    ("id", "Hamas menggelar unjuk rasa di Gaza. Kelompok itu juga mengkritik Mesir.", ("NSA:HAMAS", "EGY")),
])
def test_description_is_the_previous_subject_of_its_kind(request, mode, lang, text, want):
    assert _rules(extract(request.getfixturevalue(mode), text, lang), "11") == {(*want, "description")}


@pytest.mark.parametrize("lang,text,want", [
    # the subject before is never so described (an IGO, a state for "the group"): the one actor of the kind named there
    ("en", "The EU criticised Serbia on Monday. The country accused the EU of bias.", ("SRB", "IGO:EU")),
    ("id", "Uni Eropa mengkritik Serbia pada Senin. Negara itu menuduh Uni Eropa bersikap bias.", ("SRB", "IGO:EU")),
    ("en", "Egypt hosted a Hamas delegation. The group also criticised Israel.", ("NSA:HAMAS", "ISR")),
])
def test_description_for_a_subject_of_another_kind_is_the_one_actor_of_its_kind(full_extractor, lang, text, want):
    assert want + ("description",) in _rules(extract(full_extractor, text, lang), "11")


@pytest.mark.parametrize("lang,text", [
    # a person of a state before, another state named: which country is not known
    ("en", "Chile's foreign minister visited Peru. The country also criticised Bolivia."),
    ("id", "Menteri luar negeri Chili mengunjungi Peru. Negara itu juga mengkritik Bolivia."),
    # a pair as the subject before
    ("en", "Chile and Peru signed a fishing deal. The country also criticised Bolivia."),
    ("id", "Chili dan Peru menandatangani perjanjian perikanan. Negara itu juga mengkritik Bolivia."),
    # a state is no ministry, an armed group no country, a ministry needs its noun
    ("en", "Chile issued a statement. The ministry also criticised Bolivia."),
    ("en", "Hamas held a rally in Gaza. The country also criticised Bolivia."),
    ("id", "Hamas menggelar unjuk rasa di Gaza. Negara itu juga mengkritik Bolivia."),
    # possessive, indefinite, plural, inside a clause, after a paragraph break
    ("en", "Chile issued a statement. The country's unions also criticised Bolivia."),
    ("en", "Chile issued a statement. A country also criticised Bolivia."),
    ("en", "Chile issued a statement. The countries also criticised Bolivia."),
    ("en", "Chile issued a statement. Students who left the country also criticised Bolivia."),
    ("en", "Chile issued a statement.\n\nThe country also criticised Bolivia."),
    ("id", "Chili mengeluarkan pernyataan. Serikat buruh negara itu juga mengkritik Bolivia."),
    ("id", "Chili mengeluarkan pernyataan. Mahasiswa yang meninggalkan negara itu juga mengkritik Bolivia."),
    ("id", "Chili mengeluarkan pernyataan.\n\nNegara itu juga mengkritik Bolivia."),
    # "negara ini": this country, the writer's own
    ("id", "Chili mengeluarkan pernyataan. Negara ini juga mengkritik Bolivia."),
    # "pihaknya" after another speaker is that speaker's side
    ("id", "Chili mengeluarkan pernyataan. Mahasiswa mengatakan pihaknya juga mengkritik Bolivia."),
    # a noun the description modifies
    ("en", "Chile issued a statement. The state broadcaster also criticised Bolivia."),
])
def test_description_without_one_antecedent_of_its_kind_is_nobody(full_extractor, lang, text):
    assert not [e for e in extract(full_extractor, text, lang).events if e.rule.endswith("+description")]
    assert not [e for e in extract(full_extractor, text, lang).events if e.root == "11" and e.sources[0].code in ("CHL", "NSA:HAMAS")]


def test_a_description_takes_its_antecedents_date(full_extractor):
    ex = extract(full_extractor, "Norway pledged money for Sudan on Monday. The country also criticised Ethiopia.", "en", dt.date(2024, 4, 18))
    assert {(e.date.value, e.date.inferred) for e in ex.events if e.root == "11"} == {("2024-04-15", False)}
