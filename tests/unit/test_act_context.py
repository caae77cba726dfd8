"""kg/extract/act_context.py: the doers change the kind of act (tourists' arrival, a suicide bomber's attack); a
rejection names the addressee of the offer it rejects and does not negate it."""

from __future__ import annotations

import pytest

from kg.model import Modality

from .support import extract, pairs


@pytest.mark.parametrize("lang,text", [
    ("en", "Chinese tourists arrived in Bali on Monday."),
    ("id", "Wisatawan China tiba di Bali pada Senin."),
])
def test_an_arrival_of_a_population_is_no_state_visit(full_extractor, lang, text):
    assert pairs(extract(full_extractor, text, lang)) == set()


@pytest.mark.parametrize("lang,text", [
    ("en", "Israeli officials arrived in Cairo on Monday."),
    ("id", "Pejabat Israel tiba di Kairo pada Senin."),
])
def test_officials_arriving_still_visit(full_extractor, lang, text):
    assert ("ISR", "EGY", "04") in pairs(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "A suicide bomber from the Pakistani Taliban attacked Pakistani police in Peshawar."),
    ("id", "Seorang pelaku bom bunuh diri dari Taliban Pakistan menyerang polisi Pakistan di Peshawar."),
])
def test_a_suicide_bombers_attack_is_a_suicide_bombing(full_extractor, lang, text):
    ex = extract(full_extractor, text, lang)
    assert [(e.code, [p.code for p in e.sources]) for e in ex.events] == [("183", ["NSA:TTP"])]


def test_bombers_alone_are_aircraft(full_extractor):
    ex = extract(full_extractor, "Russian bombers attacked Aleppo.", "en")
    assert [e.code for e in ex.events] == ["190"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Armenia rejected Azerbaijan's offer of direct talks."),
    ("id", "Armenia menolak tawaran Azerbaijan untuk perundingan langsung."),
])
def test_a_rejected_offer_was_made_to_the_rejecter(full_extractor, lang, text):
    ex = extract(full_extractor, text, lang)
    assert pairs(ex) == {("ARM", "AZE", "12"), ("AZE", "ARM", "03")}
    offer = [e for e in ex.events if e.root == "03"][0]
    assert offer.modality is Modality.ASSERTED  # the rejection does not negate the offer it answers


@pytest.mark.parametrize("lang,text", [
    ("en", "China rejected Japan's demand to release the businessmen."),  # a demand: the rejection alone
    ("en", "Japan rejected China's claim to the islands."),  # a claim is addressed to no one
    ("id", "China menolak tuntutan Jepang untuk membebaskan para pengusaha."),
])
def test_only_offers_get_the_rejecter_as_addressee(full_extractor, lang, text):
    src = "CHN" if "China" in text.split()[0] else "JPN"
    assert {p for p in pairs(extract(full_extractor, text, lang)) if p[2] != "12"} == set()
    assert {p[0] for p in pairs(extract(full_extractor, text, lang))} == {src}


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "Hezbollah claimed responsibility for a rocket attack on Israel.", ("NSA:HEZBOLLAH", "ISR")),
    ("id", "Hizbullah mengaku bertanggung jawab atas serangan roket ke Israel.", ("NSA:HEZBOLLAH", "ISR")),
])
def test_the_act_claimed_is_the_claimers_own(full_extractor, lang, text, pair):
    found = pairs(extract(full_extractor, text, lang))
    assert {pair + ("01",), pair + ("19",)} <= found


@pytest.mark.parametrize("lang,text", [
    ("en", "Ukraine did not claim responsibility for the drone attack on Moscow."),
    ("id", "Ukraina tidak mengaku bertanggung jawab atas serangan drone ke Moskow."),
    ("en", "Russia denied responsibility for the attack on Kyiv."),
])
def test_no_act_from_a_claim_not_made_or_denied(full_extractor, lang, text):
    assert not {p for p in pairs(extract(full_extractor, text, lang)) if p[2] == "19"}


@pytest.mark.parametrize("lang,text", [
    ("en", "Four Georgian police officers were wounded in a Russian attack."),
    ("id", "Empat polisi Georgia terluka dalam serangan Rusia."),
])
def test_a_victim_verbs_subject_suffered_the_noun_act(full_extractor, lang, text):
    assert ("RUS", "GEO", "19") in pairs(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "Four Georgian police officers were wounded in an attack."),
    ("id", "Empat polisi Georgia terluka dalam serangan itu, kata Rusia."),
])
def test_no_doer_in_the_noun_no_victim_event(full_extractor, lang, text):
    assert pairs(extract(full_extractor, text, lang)) == set()
