"""kg/extract/syntax/addressee.py: whom an object-control verb addresses, and the adposition that marks a nominal,
on sentences parsed by kg's shipped syntax pipelines."""

from __future__ import annotations

import pytest

from kg.extract.syntax.addressee import _case, addressed

from .support import parsed_doc


def _span(doc, text: str):
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    assert span is not None, text
    return span


@pytest.mark.parametrize("lang,text,verb,clause,actors,want", [
    # whom an object-control verb addresses (addressee.addressed): its object ...
    ("en", "Egypt urged Hamas to release the hostages.", "urged", "release", ["Egypt", "Hamas"], ["Hamas"]),
    ("en", "Japan asked China to return the fishing boat.", "asked", "return", ["Japan", "China"], ["China"]),
    ("id", "Jepang meminta China untuk mengembalikan kapal nelayan itu.", "meminta", "mengembalikan", ["Jepang", "China"], ["China"]),
    ("id", "Mesir mendesak Hamas agar membebaskan para sandera.", "mendesak", "membebaskan", ["Mesir", "Hamas"], ["Hamas"]),
    # ... else an actor after an addressee adposition, before the clause ...
    ("en", "Kenya called on Somalia to open the border.", "called", "open", ["Kenya", "Somalia"], ["Somalia"]),
    ("id", "Kenya menyerukan kepada Somalia untuk membuka perbatasan.", "menyerukan", "membuka", ["Kenya", "Somalia"], ["Somalia"]),
    # ... else the controlled clause's subject right after the verb
    ("id", "Indonesia meminta Israel menjamin keselamatan pasukannya.", "meminta", "menjamin", ["Indonesia", "Israel"], ["Israel"]),
    # one who is no actor is addressed all the same (the callers tell actors apart) ...
    ("en", "The ministry urged its citizens to leave Lebanon.", "urged", "leave", ["Lebanon"], ["citizens"]),
    ("id", "Kementerian itu meminta warganya untuk meninggalkan Lebanon.", "meminta", "meninggalkan", ["Lebanon"], ["warganya"]),
    # ... but a date after the addressee adposition is no one addressed
    ("en", "Kenya called on Monday to open the border.", "called", "open", ["Kenya"], []),
])
def test_addressed_is_whom_an_object_control_verb_asks(full_extractor, lang, text, verb, clause, actors, want):
    doc = parsed_doc(full_extractor, text, lang)
    named = {i for a in actors for i in range(_span(doc, a).start, _span(doc, a).end)}
    v, c = _span(doc, verb).root, _span(doc, clause).root
    got = addressed(v, c, lang, lambda tok: any(t.i in named for t in tok.subtree))
    assert [t.text for t in got] == want, [(t.text, t.dep_, t.head.text) for t in doc]


@pytest.mark.parametrize("lang,text,word,want", [
    # the nominal's own case child ...
    ("en", "Japan protested to China about the boats.", "China", "to"),
    ("id", "Jepang memprotes kepada China soal kapal itu.", "China", "kepada"),
    # ... none for a bare object ...
    ("en", "Japan criticized China on Monday.", "China", None),
    ("id", "Jepang mengkritik China pada hari Senin.", "China", None),
])
def test_case_is_the_adposition_of_a_nominal(full_extractor, lang, text, word, want):
    doc = parsed_doc(full_extractor, text, lang)
    tok = _span(doc, word).root
    assert _case(tok) == want, [(t.text, t.dep_, t.head.text) for t in doc]
