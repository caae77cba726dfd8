"""kg/extract/syntax/quoted.py: a direct quote before its speaker ('"We ...," the minister said', '"Kami ...," kata
Menteri ...') is parsed as the quote and the clause of saying apart, joined as the reported form. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from kg.extract.syntax.quoted import quote_split

from .support import extract


def _events(ex):
    return {(s.code, t.code, e.root) for e in ex.events for s in e.sources for t in e.targets}


@pytest.mark.parametrize("words,want", [
    ('" We condemn it , " the minister said .', (1, 4, 6)),  # comma inside the quote
    ('“ We condemn it ” , said the ministry .', (1, 4, 6)),  # curly marks, comma after the closing one
    ('" Kami mengecam Israel , " kata Menteri .', (1, 4, 6)),
])
def test_split(words, want):
    assert quote_split(words.split(), "en") == want


@pytest.mark.parametrize("words", [
    'The minister said : " we condemn it . "',  # no quote opening the sentence
    '" Why ? " the minister asked .',  # a quote closed by no comma
    '" We condemn it , " the minister said , " and we will respond . "',  # another quote after the clause of saying
    '" Peace " is a word .',
])
def test_no_split(words):
    assert quote_split(words.split(), "en") is None


@pytest.mark.parametrize("lang,text,want", [
    ("en", '"We will expel the Serbian ambassador," the Croatian foreign minister said.', ("HRV", "SRB", "16")),
    ("en", '"We condemn Azerbaijan\'s shelling of our villages," said the Armenian foreign ministry.', ("ARM", "AZE", "11")),
    ("id", '"Kami akan mengusir duta besar Serbia," kata Menteri Luar Negeri Kroasia.', ("HRV", "SRB", "16")),
    ("id", '"Kami mengecam Azerbaijan," ujar Kementerian Luar Negeri Armenia.', ("ARM", "AZE", "11")),
])
def test_speaker_after_quote(full_extractor, lang, text, want):
    assert want in _events(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text", [
    ("en", '"We will expel the Serbian ambassador," a protester said.'),  # no actor says it: "we" is nobody
    ("id", '"Kami akan mengusir duta besar Serbia," kata seorang pengunjuk rasa.'),
])
def test_unresolved_we(full_extractor, lang, text):
    assert not _events(extract(full_extractor, text, lang))
