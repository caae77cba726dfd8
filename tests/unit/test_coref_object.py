"""kg/extract/coref_object.py: the object of a verb sharing an earlier verb's subject ("... and urged it to",
"accusing it of", "accused the country of", "warned the group", "mendesaknya", "menuduh negara itu") is the one other
party of its kind named before in the sentence. Sentences written for these tests."""

from __future__ import annotations

import pytest

from .support import extract


def _events(ex, root):
    return {(s.code, t.code) for e in ex.events if e.root == root for s in e.sources for t in e.targets}


@pytest.mark.parametrize("lang,text,root,want", [
    ("en", "Chile criticised Bolivia and urged it to reopen the border.", "02", ("CHL", "BOL")),
    ("en", "Norway imposed sanctions on Eritrea, accusing it of arming rebels.", "11", ("NOR", "ERI")),
    ("en", "Kenya summoned the Somali ambassador and urged the country to reopen the border.", "02", ("KEN", "SOM")),
    ("en", "Israel shelled Hamas positions in Gaza and warned the group against new raids.", "13", ("ISR", "NSA:HAMAS")),
    ("id", "Chili mengkritik Bolivia dan mendesaknya membuka kembali perbatasan.", "02", ("CHL", "BOL")),
    ("id", "Norwegia menjatuhkan sanksi kepada Eritrea dan menuduh negara itu mempersenjatai pemberontak.", "11", ("NOR", "ERI")),
])
def test_object_anaphor_is_the_other_party_named_before(full_extractor, lang, text, root, want):
    assert want in _events(extract(full_extractor, text, lang), root)


@pytest.mark.parametrize("lang,text,root,absent", [
    # the pronoun is the subject of a clause, not the verb's object
    ("en", "Iran condemned the Israeli strike and warned it would respond.", "13", ("IRN", "ISR")),
    # two other parties named before: which one is not known (and Peru asked nothing)
    ("en", "Chile, which backs Peru, criticised Bolivia and urged it to reopen the border.", "02", ("PER", "BOL")),
    # a subject of its own
    ("en", "Chile criticised Bolivia, and Peru urged it to reopen the border.", "02", ("PER", "BOL")),
    ("en", "Chile criticised Bolivia, and Peru urged it to reopen the border.", "02", ("PER", "CHL")),
])
def test_no_object_anaphor(full_extractor, lang, text, root, absent):
    assert absent not in _events(extract(full_extractor, text, lang), root)
