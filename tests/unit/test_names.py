"""kg/nlp/names.py: names the lexicon's exact surface forms miss (runs of capitalised words, name keys,
bare surnames by document and by office on the date)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.nlp.context import kg_get, span_list
from kg.nlp.names import _runs, _starts

from .support import processed_doc


def people(extractor, text, lang, ref=dt.date(2024, 4, 16)):
    doc = processed_doc(extractor, text, lang, ref)
    return [(sp.text, sp.kb_id_, (kg_get(sp) or {}).get("rule")) for sp in span_list(doc, "kg_actors")]


def test_reversed_name_order_is_a_variant(window_extractor):
    assert people(window_extractor, "Netanyahu Benjamin spoke.", "en") == [("Netanyahu Benjamin", "benjamin_netanyahu", "names:variant")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Joko Widodo met Xi. Widodo said it."),
    ("id", "Joko Widodo bertemu Xi. Widodo mengatakan itu."),
])
def test_bare_surname_of_a_person_named_in_full_earlier(window_extractor, lang, text):
    assert people(window_extractor, text, lang)[-1] == ("Widodo", "joko_widodo", "names:surname-in-document")


def test_bare_surname_of_the_officeholder_on_the_date(window_extractor):
    found = people(window_extractor, "Prime Minister Blair spoke.", "en", dt.date(2005, 4, 16))
    assert found == [("Blair", "tony_blair", "names:surname-in-office")]


def test_bare_surname_out_of_office_is_unresolved(window_extractor):
    assert people(window_extractor, "Prime Minister Blair spoke.", "en", dt.date(2010, 4, 16)) == []


def test_unknown_capitalised_run_is_no_actor(window_extractor):
    assert people(window_extractor, "Hassan Smith spoke.", "en") == []


@pytest.mark.parametrize("text", ["Recep Tayyip Erdoğan met Xi.", "Recep Tayyip Erdogan met Xi."])
def test_accented_and_plain_spellings_are_one_person(window_extractor, text):
    assert people(window_extractor, text, "en")[0][1] == "recep_tayyip_erdogan"


def test_name_with_a_joiner_is_one_run(window_extractor):
    doc = processed_doc(window_extractor, "Mohammed bin Salman spoke.", "en")
    assert (0, 3) in _runs(doc)
    assert people(window_extractor, "Mohammed bin Salman spoke.", "en")[0][1] == "mohammed_bin_salman"


def test_runs_stop_at_lower_case_words_and_sentence_starts(window_extractor):
    doc = processed_doc(window_extractor, "Joko Widodo met Xi. Widodo spoke.", "en")
    assert _runs(doc) == [(0, 2), (3, 4), (5, 6)]


def test_name_like_tokens(window_extractor):
    doc = processed_doc(window_extractor, "W. NATO met iran", "en")
    assert [_starts(t) for t in doc] == [True, True, False, False]


# A person introduced with an affiliation is named again by one part of the name (alias_mentions, issue #12)
@pytest.mark.parametrize("lang,text,alias,rule", [
    ("en", "Chad's defence minister Idriss Mahamat spoke in Ndjamena. Mahamat then left.", "Mahamat", "names:alias-last"),
    ("en", "Amina Yusuf, Niger's foreign minister, spoke in Niamey. Later Amina Yusuf left and Yusuf returned.", "Yusuf", "names:alias-last"),
    ("id", "Menteri Pertahanan Chad Idriss Mahamat berbicara di Ndjamena. Mahamat kemudian pergi.", "Mahamat", "names:alias-last"),
    ("id", "Menteri Pertahanan Chad Idriss Mahamat berbicara di Ndjamena. Idriss kemudian pergi.", "Idriss", "names:alias-first"),
])
def test_alias_of_a_person_introduced_with_a_state(window_extractor, lang, text, alias, rule):
    found = people(window_extractor, text, lang)
    first = found[0]
    later = [x for x in found if x[0] == alias]
    assert len(later) == 1 and later[0][1] == first[1] and later[0][2] == rule


@pytest.mark.parametrize("lang,text,word", [
    ("en", "Mahamat spoke first. Chad's defence minister Idriss Mahamat spoke in Ndjamena.", "Mahamat"),  # before
    ("en", "Chad's defence minister Idriss Mahamat spoke in Ndjamena. Idriss then left.", "Idriss"),  # English: last part only
    ("en", "Chad's defence minister Idriss Mahamat spoke. Niger's defence minister Ali Mahamat spoke. Mahamat left.", "Mahamat"),
    ("en", "Chad's defence minister Idriss Mahamat spoke. Mahamat Stadium was full.", "Mahamat"),  # part of a longer name
    ("en", "Chadian businessman Idriss Mahamat spoke in Ndjamena. Mahamat then left.", "Mahamat"),  # no affiliation
    ("id", "Menteri Pertahanan Chad Idriss Mahamat berbicara. Menteri Pertahanan Niger Ali Mahamat berbicara. Mahamat pergi.", "Mahamat"),
    ("id", "Pengusaha Chad Idriss Mahamat berbicara di Ndjamena. Idriss kemudian pergi.", "Idriss"),
])
def test_no_alias_before_the_introduction_when_shared_or_without_affiliation(window_extractor, lang, text, word):
    assert not [x for x in people(window_extractor, text, lang) if x[0] == word]


def test_a_part_that_is_a_lexicon_name_is_no_alias(window_extractor):
    # "Jordan" stays whatever the lexicon says it is: never an alias of the minister
    found = people(window_extractor, "Ghana's defence minister Kofi Jordan spoke in Accra. Jordan then left.", "en")
    assert not [x for x in found if x[0] == "Jordan" and x[2].startswith("names:alias")]
    found = people(window_extractor, "Menteri Pertahanan Malaysia Ahmad bin Yusof berbicara. Bin pergi.", "id")
    assert not [x for x in found if x[0] == "Bin"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Chad's defence minister Idriss Mahamat spoke. Foreign Minister Mahamat left."),
    ("id", "Menteri Pertahanan Chad Idriss Mahamat berbicara. Menteri Mahamat pergi."),
])
def test_a_role_noun_before_the_part_is_a_title(window_extractor, lang, text):
    assert [x[2] for x in people(window_extractor, text, lang) if x[0] == "Mahamat"] == ["names:alias-last"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Chad's defence minister Idriss Mahamat spoke. Niger's ambassador Mahamat left."),
    ("id", "Menteri Pertahanan Chad Idriss Mahamat berbicara. Duta Besar Niger Mahamat pergi."),
])
def test_another_states_role_before_the_part_names_another_person(window_extractor, lang, text):
    assert not [x for x in people(window_extractor, text, lang) if x[0] == "Mahamat" and x[2].startswith("names:alias")]
