"""kg/extract/syntax/use.py: how the extractor uses the parse: modes, the frame's pair, the veto, dates of other events."""

from __future__ import annotations

import pytest

from kg.extract.syntax.use import DEFAULT_MODE, parse_mode

from .support import extract, one_event, pairs


@pytest.mark.parametrize("value,mode", [
    (None, DEFAULT_MODE), (True, DEFAULT_MODE), (False, frozenset()), ("off", frozenset()),
    ("full", frozenset({"full"})), ("veto, full", frozenset({"full", "veto"})),
])
def test_syntax_modes(value, mode):
    assert parse_mode(value) == mode


def test_unknown_syntax_mode_is_a_one_line_error():
    with pytest.raises(ValueError, match="unknown syntax mode 'deep'"):
        parse_mode("full,deep")


@pytest.mark.parametrize("lang,text", [
    ("en", "Israel was attacked by Iran on Saturday."),
    ("id", "Israel diserang oleh Iran pada Sabtu."),
])
def test_frame_with_both_sides_gives_the_event_its_rule(full_extractor, lang, text):
    e = one_event(extract(full_extractor, text, lang))
    assert e.rule == "syntax:passive:obl:agent>nsubj:pass"
    assert ([p.code for p in e.sources], [p.code for p in e.targets]) == (["IRN"], ["ISR"])


@pytest.mark.parametrize("lang,text", [
    ("en", "Egypt condemned the attack on Syria."),
    ("id", "Mesir mengecam serangan terhadap Suriah."),
])
def test_condemner_of_an_attack_is_not_the_attacker(full_extractor, lang, text):
    assert ("EGY", "SYR", "19") not in pairs(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "The United States said Iran attacked Israel."),
    ("id", "Amerika Serikat mengatakan Iran menyerang Israel."),
])
def test_speaker_is_not_the_doer_with_the_parse(full_extractor, lang, text):
    assert pairs(extract(full_extractor, text, lang)) == {("IRN", "ISR", "19")}


@pytest.mark.parametrize("lang,text", [
    ("en", "In response to the bombing in December 2023, Jordan recalled its envoy from Israel."),
    pytest.param("id", "Menanggapi pengeboman pada Desember 2023, Yordania memanggil pulang duta besarnya dari Israel.",
                 marks=pytest.mark.xfail(strict=True, reason="the Indonesian parse does not attach the fronted date to "
                                         "'pengeboman': the recall is dated December 2023")),
])
def test_date_of_a_fronted_event_noun_does_not_date_the_main_verb(full_extractor, lang, text):
    ex = extract(full_extractor, text, lang)
    jordan = [e for e in ex.events if e.sources and e.sources[0].code == "JOR"]
    assert jordan and all(e.date.value != "2023-12" for e in jordan)


def test_parse_off_gives_window_rules(window_extractor):
    e = one_event(extract(window_extractor, "Israel was attacked by Iran on Saturday.", "en"))
    assert e.rule.startswith("window:passive")
