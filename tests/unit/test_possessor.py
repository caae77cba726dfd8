"""kg/extract/possessor.py: the doer written on an event noun: its possessor, a possessive pronoun for an earlier
person, or for the one a verb acts on when the noun gives the verb's reason."""

from __future__ import annotations

import pytest

from .support import rules_for, trigger


@pytest.mark.parametrize("lang,text,noun,kb,how", [
    ("en", "The US condemned Russia for its attacks on Ukraine.", "attacks", "rus", "reason-possessor"),
    ("en", "Japan criticised China over its military drills near Taiwan.", "military drills", "chn", "reason-possessor"),
    ("id", "AS mengecam Rusia atas serangannya terhadap Ukraina.", "serangannya", "rus", "reason-possessor"),
    ("id", "Mesir memuji Qatar karena mediasinya antara Israel dan Hamas.", "mediasinya", "qat", "reason-possessor"),
    ("en", "Israel's strike on Gaza killed ten people.", "strike", "isr", "possessor"),
    ("id", "Serangan Israel ke Gaza menewaskan sepuluh orang.", "Serangan", "isr", "genitive"),
])
def test_the_doer_written_on_an_event_noun(window_extractor, lang, text, noun, kb, how):
    rules = rules_for(window_extractor, text, lang)
    arg = rules.nominal_agent(trigger(rules, noun))
    assert arg is not None and [s.kb_id_ for s in arg.spans] == [kb] and arg.how == how


@pytest.mark.parametrize("lang,text,noun", [
    ("en", "Russia continued its attacks on Ukraine.", "attacks"),  # no reason adposition: not the reason's
    ("id", "Rusia melanjutkan serangannya terhadap Ukraina.", "serangannya"),
    ("en", "The US condemned the raid for its brutality in Gaza.", "raid"),  # no actor before the reason
])
def test_no_reason_possessor_without_an_actor_acted_on_before_the_reason(window_extractor, lang, text, noun):
    rules = rules_for(window_extractor, text, lang)
    arg = rules.nominal_agent(trigger(rules, noun))
    assert arg is None or arg.how != "reason-possessor"
