"""kg/nlp/placed.py: groups and a state's own agents coded by where they are ("Protesters in Amman",
"Police in Dhaka", "Otoritas di Teheran")."""

from __future__ import annotations

import pytest

from kg.nlp.context import kg_get, span_list

from .support import processed_doc


def placed(extractor, text, lang):
    doc = processed_doc(extractor, text, lang)
    return [(sp.text, sp.kb_id_, (kg_get(sp) or {}).get("sector"), (kg_get(sp) or {}).get("rule"))
            for sp in span_list(doc, "kg_actors") if (kg_get(sp) or {}).get("rule", "").endswith("+place")]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Police in Dhaka arrested three men.", ("Police", "bgd", "POL", "combo:agent+place")),
    ("en", "The authorities in Tehran closed the airport.", ("authorities", "irn", "GOV", "combo:agent+place")),
    ("id", "Polisi di Myanmar menahan dua nelayan.", ("Polisi", "mmr", "POL", "combo:agent+place")),
    ("id", "Pihak berwenang di Teheran menutup bandara.", ("Pihak berwenang", "irn", "GOV", "combo:agent+place")),
    ("en", "Protesters in Pakistan burned flags.", ("Protesters", "pak", "CVL", "combo:group+place")),
    ("id", "Demonstran di Jakarta membakar bendera.", ("Demonstran", "idn", "CVL", "combo:group+place")),
])
def test_agents_and_groups_take_the_state_of_the_place_after_them(window_extractor, lang, text, want):
    assert placed(window_extractor, text, lang) == [want]


@pytest.mark.parametrize("lang,text", [
    ("en", "Health officials in Gaza counted the dead."),  # a modifier names another body
    ("en", "Police near the border with Syria found a car."),  # not 'in'/'from' the place
    ("en", "Police arrested three men after a rally in Dhaka."),  # an agent's place must follow it at once
    ("id", "Pejabat kesehatan di Gaza menghitung korban."),
    ("id", "Polisi menangkap tiga pria setelah unjuk rasa di Dhaka."),
])
def test_an_agent_takes_no_state_without_a_place_of_its_own(window_extractor, lang, text):
    assert placed(window_extractor, text, lang) == []


def test_a_state_named_before_the_agents_wins(window_extractor):
    doc = processed_doc(window_extractor, "Turkish police in Istanbul detained two men.", "en")
    police = [sp for sp in span_list(doc, "kg_actors") if sp.text.endswith("police")]
    assert [sp.kb_id_ for sp in police] == ["tur"]
    assert not (kg_get(police[0]) or {}).get("rule", "").endswith("+place")
