"""kg/extract/syntax/asked.py: who an appeal or a demand asks, when the window rules would name a party of the act asked for."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text", [
    ("id", "Kenya meminta warganya untuk meninggalkan Sudan."),
    ("id", "Chili mendesak para diplomatnya agar berunding dengan Peru."),
    ("en", "Kenya urged its citizens to leave Sudan."),
])
def test_an_appeal_to_ones_own_people_names_no_party_of_the_act_asked(full_extractor, lang, text):
    assert not any(root in ("02", "10") for _s, _t, root in pairs(extract(full_extractor, text, lang)))


@pytest.mark.parametrize("lang,text,pair", [
    ("id", "Kenya meminta Uganda untuk meninggalkan Sudan.", ("KEN", "UGA", "02")),
    ("id", "Chili mendesak Bolivia agar berunding dengan Peru.", ("CHL", "BOL", "02")),
    ("en", "Kenya urged Uganda to leave Sudan.", ("KEN", "UGA", "02")),
])
def test_an_appeal_to_another_actor_names_it(full_extractor, lang, text, pair):
    found = pairs(extract(full_extractor, text, lang))
    assert pair in found and not any(t == "SDN" and root == "02" for _s, t, root in found), found


def test_a_possessive_after_the_one_asked_is_no_addressee(full_extractor):
    # "membebaskan warganya": the possessive noun comes after the named addressee, inside the act asked for
    assert ("EGY", "ISR", "02") in pairs(extract(full_extractor, "Mesir mendesak Israel membebaskan warganya.", "id"))
