"""kg/nlp/actors.py: actor and place mentions (ActorTagger): lexicon names, state + sector combinations,
leaders' governments, protesters by place, appositions, role phrases, head-noun mentions, metonyms."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.nlp.context import kg_get, span_list

from .support import processed_doc


def mentions(extractor, text, lang, ref=dt.date(2024, 4, 16)):
    doc = processed_doc(extractor, text, lang, ref)
    return [(sp.text, sp.label_, sp.kb_id_, kg_get(sp) or {}) for sp in span_list(doc, "kg_actors")]


def first(extractor, text, lang):
    return mentions(extractor, text, lang)[0]


@pytest.mark.parametrize("lang,text,surface", [
    ("id", "Indonesia memanggil duta besar Swedia untuk Indonesia.", "duta besar Swedia untuk Indonesia"),
    ("en", "China expelled the Japanese ambassador to China.", "Japanese ambassador to China"),
])
def test_the_state_an_envoy_is_posted_to_is_part_of_the_envoys_mention(window_extractor, lang, text, surface):
    got = mentions(window_extractor, text, lang)
    assert [(m[0], m[2], m[3]["role"]) for m in got[1:]] == [(surface, "swe" if lang == "id" else "jpn", "Ambassador")]
    assert got[1][3]["posted"]["id"] == ("idn" if lang == "id" else "chn")  # kept for a recall ("kg/extract/posting.py")


@pytest.mark.parametrize("lang,text,surface", [
    ("en", "Iranian forces attacked the base.", "Iranian forces"),
    ("id", "Pasukan Iran menyerang pangkalan itu.", "Pasukan Iran"),
])
def test_state_and_sector_noun_are_one_agent(window_extractor, lang, text, surface):
    got, label, kb, info = first(window_extractor, text, lang)
    assert (got, label, kb, info["sector"]) == (surface, "combo", "irn", "MIL")


@pytest.mark.parametrize("lang,text,surface", [
    ("en", "The Biden administration criticised Iran.", "Biden administration"),
    ("id", "Pemerintahan Biden mengecam Iran.", "Pemerintahan Biden"),
])
def test_leaders_administration_is_the_government(window_extractor, lang, text, surface):
    got, label, kb, info = first(window_extractor, text, lang)
    assert (got, kb, info["sector"], info["rule"]) == (surface, "usa", "GOV", "combo:leader+government")


@pytest.mark.parametrize("lang,text,noun", [
    ("en", "Protesters in Amman criticised Israel.", "Protesters"),
    ("id", "Demonstran di Amman mengecam Israel.", "Demonstran"),
])
def test_protesters_are_civilians_of_where_they_protest(window_extractor, lang, text, noun):
    got, label, kb, info = first(window_extractor, text, lang)
    assert (got, kb, info["sector"]) == (noun, "jor", "CVL")


def test_place_after_a_locative_preposition_is_locative(window_extractor):
    found = {m[0]: m for m in mentions(window_extractor, "Protesters in Amman criticised Israel.", "en")}
    assert found["Amman"][1] == "place" and found["Amman"][3]["locative"]
    assert not found["Israel"][3]["locative"]


def test_indonesian_role_apposition_joins_the_person(window_extractor):
    got, label, kb, info = first(window_extractor, "Presiden Rusia, Vladimir Putin, bertemu Xi.", "id")
    assert (got, label, kb, info["state"], info["role"]) == ("Presiden Rusia, Vladimir Putin", "apposition", "vladimir_putin", "rus", "President")


@pytest.mark.parametrize("lang,text", [
    ("en", "Indonesian Defence Minister Budi Santoso Wijaya met Xi."),
    ("id", "Menteri Pertahanan Indonesia Budi Santoso Wijaya bertemu Xi."),
])
def test_unknown_name_after_a_role_is_a_discovered_official(window_extractor, lang, text):
    got, label, kb, info = first(window_extractor, text, lang)
    assert (label, kb, info["state"], info["sector"]) == ("discovered", "budi_santoso_wijaya", "idn", "MIL")


@pytest.mark.parametrize("lang,text", [
    ("en", "Ahmed Karimi, a spokesman for the Iranian foreign ministry, said it."),
    ("id", "Juru bicara Kementerian Luar Negeri Iran, Ahmed Karimi, mengatakan itu."),
])
def test_role_phrase_beside_a_name_makes_a_spokesperson(window_extractor, lang, text):
    got, label, kb, info = first(window_extractor, text, lang)
    assert (kb, info["state"], info["role"], info["rule"]) == ("ahmed_karimi", "irn", "Spokesperson", "discovery:role-phrase")


def test_stance_prefix_makes_no_actor(window_extractor):
    assert mentions(window_extractor, "Pro-Palestinian demonstrators gathered.", "en") == []


def test_head_noun_later_stands_for_the_named_group(window_extractor):
    found = mentions(window_extractor, "The Houthi rebels attacked a ship. The rebels fired again.", "en")
    assert [(m[0], m[2], m[3]["rule"]) for m in found] == [("Houthi rebels", "houthis", "lexicon:name"), ("rebels", "houthis", "coref:head")]


def test_capital_stands_for_its_government(window_extractor):
    found = mentions(window_extractor, "Moscow criticised Kyiv.", "en")
    assert [(m[1], m[2], m[3]["sector"]) for m in found] == [("metonym", "rus", "GOV"), ("metonym", "ukr", "GOV")]


def test_state_after_in_is_a_locative_state_not_a_place(window_extractor):
    found = mentions(window_extractor, "Israel struck targets in Lebanon.", "en")
    assert [(m[0], m[1], m[3]["locative"]) for m in found] == [("Israel", "name", False), ("Lebanon", "name", True)]


def test_name_repeated_is_two_mentions_of_one_person(window_extractor):
    found = mentions(window_extractor, "Xi met Putin. Later Putin spoke.", "en")
    assert [m[2] for m in found] == ["xi_jinping", "vladimir_putin", "vladimir_putin"]


@pytest.mark.parametrize("lang,text,name", [
    ("id", "Turki menyerang milisi Kurdi SDF.", "SDF"),
    ("id", "Israel menyerang kelompok Syiah Hizbullah.", "Hizbullah"),
    ("en", "Israel struck the Shia Hezbollah movement.", "Hezbollah"),
])
def test_a_peoples_or_creeds_name_before_a_groups_name_is_no_given_name(full_extractor, lang, text, name):
    """lang.json group_modifiers: 'Kurdi SDF' is the Kurdish SDF, not a person 'Kurdi SDF' hiding the group's name."""
    from .support import processed_doc
    from kg.nlp.context import span_list

    doc = processed_doc(full_extractor, text, lang)
    assert name in [sp.text for sp in span_list(doc, "kg_actors")]
