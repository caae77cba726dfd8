"""kg/nlp/triggers.py: event trigger words found in a Doc (TriggerTagger, load_triggers)."""

from __future__ import annotations

import pytest

from kg.nlp.context import kg_get, span_list
from kg.nlp.triggers import load_triggers

from .support import processed_doc


def found(extractor, text, lang):
    doc = processed_doc(extractor, text, lang)
    return [(t.text, t.label_) for t in span_list(doc, "kg_triggers")]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Russia attacked Ukraine.", [("attacked", "190")]),
    ("id", "Rusia menyerang Ukraina.", [("menyerang", "190")]),
])
def test_inflected_verb_matches_its_base_form(window_extractor, lang, text, expected):
    assert found(window_extractor, text, lang) == expected


@pytest.mark.parametrize("lang,text,word", [
    ("id", "Iran diserang.", "diserang"),
    ("id", "Serangan itu terjadi.", "Serangan"),
    ("id", "Mereka terus serang-menyerang.", "serang-menyerang"),  # "saling serang" is an entry of its own
])
def test_indonesian_affixed_forms_reach_the_stem(window_extractor, lang, text, word):
    doc = processed_doc(window_extractor, text, lang)
    (trig,) = span_list(doc, "kg_triggers")
    assert (trig.text, kg_get(trig)["form"], trig.label_) == (word, "serang", "190")


def pos_of(extractor, text, lang):
    doc = processed_doc(extractor, text, lang)
    return [(t.text, t.label_, kg_get(t)["trigger"].pos) for t in span_list(doc, "kg_triggers")]


@pytest.mark.parametrize("text,expected", [
    # h46: a noun trigger in a meN-/di- form (morphology transitive_prefixes) is the verb of the same act
    ("Thailand mengekstradisi peretas itu ke Amerika Serikat.", [("mengekstradisi", "063", "verb")]),
    ("Pekerja itu dideportasi oleh Arab Saudi.", [("dideportasi", "174", "verb")]),
    ("Ekstradisi peretas itu ditunda.", [("Ekstradisi", "063", "noun")]),
    # ber- is intransitive: its target is a prepositional phrase, as the noun's is
    ("Massa berdemonstrasi menuju kedutaan.", [("berdemonstrasi", "141", "noun")]),
    # a noun that only starts like di-, its own stem
    ("Dialognya dengan Jepang berlangsung lama.", [("Dialognya", "040", "noun")]),
    # an entry's "except" forms: to show is no protest
    ("Korea Utara mendemonstrasikan rudal barunya.", []),
])
def test_a_noun_trigger_with_a_transitive_prefix_is_a_verb(window_extractor, text, expected):
    assert pos_of(window_extractor, text, "id") == expected


@pytest.mark.parametrize("text,expected", [
    # h46: the talks a suspension acts on are its object, no meeting of their own, though "dialog" starts like di-
    ("Korea Utara menangguhkan dialog dengan Korea Selatan.", [("menangguhkan", "164")]),
    # a required word in a verbal form stays an act of its own: the one urged to yield does
    ("Amerika Serikat mendesak Ukraina mengalah kepada Rusia.", [("mendesak", "025"), ("mengalah kepada", "080")]),
])
def test_an_event_noun_a_trigger_requires_is_its_object(window_extractor, text, expected):
    assert [(w, c) for w, c in found(window_extractor, text, "id")] == expected


def test_multiword_trigger_is_one_span(window_extractor):
    assert found(window_extractor, "Egypt called for a ceasefire in Gaza.", "en") == [("called for", "0256")]


@pytest.mark.parametrize("text,code", [
    ("Russia offered condolences to Turkey.", "018"),
    ("Russia offered weapons to Syria.", "0332"),
    ("Russia offered help to Syria.", "030"),
])
def test_required_word_after_the_verb_picks_the_code(window_extractor, text, code):
    assert found(window_extractor, text, "en")[0] == ("offered", code)


@pytest.mark.parametrize("text,expected", [
    ("Turki mengakui kemerdekaan Kosovo.", [("mengakui", "054")]),
    ("Turki mengakui kesalahan itu.", []),
])
def test_indonesian_trigger_without_its_required_word_is_no_trigger(window_extractor, text, expected):
    assert found(window_extractor, text, "id") == expected


def test_trigger_word_inside_a_name_is_no_trigger(window_extractor):
    assert found(window_extractor, "Ban Ki-moon met Putin.", "en") == [("met", "040")]


@pytest.mark.parametrize("lang,text,noun", [
    ("en", "Israel condemned the airstrikes on Gaza.", "airstrikes"),
    ("id", "Indonesia mengecam serangan Israel terhadap Gaza.", "serangan"),
])
def test_event_noun_after_a_verb_is_its_own_trigger(window_extractor, lang, text, noun):
    assert noun in [t for t, _ in found(window_extractor, text, lang)]


@pytest.mark.parametrize("lang,text,expected", [
    # the word a verb's ``requires`` found is what the act is about, not a second act of the same doer
    ("en", "Washington lifted all sanctions against Cuba.", [("lifted", "085")]),
    ("en", "Hamas announced an end to rocket attacks on Israel.", [("end", "087")]),
    ("en", "Israel launched airstrikes on Gaza.", [("launched", "190")]),
    ("id", "Hizbullah mengakhiri serangannya terhadap Israel.", [("mengakhiri", "087")]),
    ("id", "Washington mencabut semua sanksi terhadap Kuba.", [("mencabut", "085")]),
])
def test_required_object_is_no_trigger_of_its_own(window_extractor, lang, text, expected):
    assert found(window_extractor, text, lang) == expected


@pytest.mark.parametrize("lang,text,verb", [
    # a required word that is a verb of its own clause stays a trigger: the meeting is an event of its own
    ("en", "The two presidents agreed to meet in Paris.", "meet"),
    ("id", "Rusia mengancam Ukraina dan menggempur Kharkiv.", "menggempur"),
])
def test_required_word_that_is_a_verb_stays_a_trigger(window_extractor, lang, text, verb):
    assert verb in [t for t, _ in found(window_extractor, text, lang)]


def test_speaker_trigger_is_marked(window_extractor):
    doc = processed_doc(window_extractor, "The US said Iran was responsible for the attack.", "en")
    trig = span_list(doc, "kg_triggers")[0]
    assert trig.text == "responsible for" and kg_get(trig)["trigger"].speaker


@pytest.mark.parametrize("lang", ["en", "id"])
def test_trigger_file_loads_with_codes_and_numbers(lang):
    trigs = load_triggers(lang)
    assert len(trigs) > 300
    assert all(t.code.isdigit() and t.words for t in trigs)
    assert [t.number for t in trigs] == sorted(t.number for t in trigs)


def test_unknown_language_has_no_triggers():
    assert load_triggers("xx") == ()


@pytest.mark.parametrize("lang,text,expected", [
    # a weapon written before the verb is its doer and settles it ("before" words)
    ("en", "Syrian rockets hit the town.", [("hit", "190")]),
    ("id", "Roket Suriah menyasar kota itu.", [("menyasar", "190")]),
    # not any word before it: an attack noun before "targets" (the noun) makes no trigger of it
    ("en", "The strikes on rebel targets continued.", [("strikes", "190")]),
    ("en", "The storm hit the town.", []),
    # the Indonesian noun of the same root is a target, not an act
    ("id", "Roket itu jatuh jauh dari sasaran.", []),
])
def test_doer_word_before_the_verb_settles_it(window_extractor, lang, text, expected):
    assert found(window_extractor, text, lang) == expected


def test_target_kinds_are_loaded_from_the_trigger_file():
    """h33: an entry's ``target_kinds`` (the kinds of actor its target must be) is read from triggers.jsonl."""
    quits = [t for t in load_triggers("en") if t.words == ("quit",) and t.target_kinds]
    assert quits and quits[0].target_kinds == frozenset({"igo"}) and quits[0].code == "160"
    assert all(not t.target_kinds for t in load_triggers("en") if t.words == ("attack",))


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "Russia quit the World Trade Organization.", ("RUS", "IGO:WTO")),
    ("id", "Rusia keluar dari Organisasi Perdagangan Dunia.", ("RUS", "IGO:WTO")),
])
def test_leaving_an_organisation_is_a_withdrawal_from_it(full_extractor, lang, text, pair):
    from .support import extract, pairs

    assert pairs(extract(full_extractor, text, lang)) == {(*pair, "16")}


@pytest.mark.parametrize("lang,text", [
    ("en", "Russia quit Kherson in November."),
    ("en", "Israel left Gaza in 2005."),
    ("id", "Rusia keluar dari Kherson pada November."),
])
def test_leaving_a_place_is_no_withdrawal_from_an_organisation(full_extractor, lang, text):
    """The same verbs with a state or a place as their target: the target_kinds check leaves them out."""
    from .support import extract

    assert [e.root for e in extract(full_extractor, text, lang).events if e.root == "16"] == []


@pytest.mark.parametrize("lang,text,by_place", [
    # h38: a place's name after a territorial verb stands for its required word, and the span says so
    ("en", "Russian troops captured Vuhledar.", True),
    ("en", "Russian troops captured control of the road.", False),  # the required word itself
    ("id", "Pasukan Rusia merebut Vuhledar.", True),
    ("id", "Pasukan Rusia merebut kota itu.", False),
])
def test_a_place_name_stands_for_a_territorial_verbs_required_word(window_extractor, lang, text, by_place):
    doc = processed_doc(window_extractor, text, lang)
    (trig,) = [t for t in span_list(doc, "kg_triggers") if t.label_ == "192"]
    assert bool(kg_get(trig).get("by_place")) is by_place


@pytest.mark.parametrize("lang,text", [
    ("en", "Russian troops captured two men."),  # no place, no required word: no territorial trigger
    ("en", "American marines entered the port."),
    ("id", "Pasukan Amerika memasuki pelabuhan."),
])
def test_a_place_only_trigger_without_a_place_is_none(window_extractor, lang, text):
    assert [t for t in found(window_extractor, text, lang) if t[1] == "192"] == []


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "Russian paratroopers entered Vuhledar on Monday.", ("RUS", "UKR", "19")),  # parsed as an xcomp
    ("en", "Russian paratroopers entered the town of Vuhledar.", ("RUS", "UKR", "19")),
    ("en", "Russia captured Vuhledar.", ("RUS", "UKR", "19")),
    ("id", "Pasukan terjun payung Rusia memasuki Vuhledar.", ("RUS", "UKR", "19")),
    ("id", "Rusia merebut Vuhledar.", ("RUS", "UKR", "19")),
])
def test_a_force_acting_on_a_place_of_another_state_targets_that_state(full_extractor, lang, text, pair):
    from .support import extract, pairs

    assert pairs(extract(full_extractor, text, lang)) == {pair}


@pytest.mark.parametrize("lang,text", [
    ("en", "Ukrainian paratroopers entered the town of Vuhledar."),  # its own state
    ("en", "Russian journalists entered the town of Vuhledar."),  # no force
    ("en", "Russia threatened to take the town of Vuhledar."),  # a threat, not the act
    ("en", "A Russian general took a train to Vuhledar."),  # the place is no object of 'took'
    ("en", "Russian troops moved into Vuhledar to help the Ukrainian army."),  # a deployment with a purpose
    ("id", "Wartawan Rusia memasuki Vuhledar."),
    ("id", "Pasukan Ukraina memasuki Vuhledar."),
    ("id", "Rusia mengancam merebut Vuhledar."),
])
def test_no_act_on_a_place_without_a_foreign_force_as_its_doer_and_the_place_as_its_object(full_extractor, lang, text):
    from .support import extract

    assert [e.root for e in extract(full_extractor, text, lang).events if e.root == "19"] == []
