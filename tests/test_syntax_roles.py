"""kg.extract.syntax: who did what to whom from the parse of kg's own shipped syntax pipelines.

One sentence per construction and language, written for these tests. The sentences are parsed by the
shipped models (data/syntax/<lang>); the actors are given by their surface strings, so the tests
exercise the dependency paths, not the actor lexicon. Where the shipped parser gets a construction
wrong the sentence was replaced by one it parses right; those parser errors are counted in
``PARSER_MISSES`` below (they are the parser's to fix, not this module's).
"""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from kg.nlp.syntax import load_syntax, parse

from kg.extract.syntax import Frame, explain, frame, frames, role_data

# sentences of the first draft the shipped parser got wrong (construction: what the parser did)
PARSER_MISSES = {
    "en": [
        "intransitive+obl: 'Japan protested against China' parsed as a noun phrase with an acl",
        "parataxis speech: 'Russia attacked Ukraine, officials in Kyiv said' -> 'said' as obl",
        "object: 'Ban Ki-moon met Putin in Moscow' -> 'Putin' as xcomp",
        "apposition: 'The foreign minister, Retno Marsudi, criticized' -> two nsubj (the module keeps the name)",
        "possessor: 'the north's bombing campaign' -> 'bombing' as the root verb",
    ],
    "id": [
        "bare passive agent: 'Gedung itu dikecam Indonesia' -> 'Indonesia' as flat:name of the verb (the module accepts it)",
        "patient nominal: 'Pengeboman Gaza oleh Israel dikecam Indonesia' -> 'Gaza' as flat:name, 'Indonesia' as punct",
        "speech subject: 'Hamas ... mengatakan pihaknya siap berunding' -> 'pihaknya' as obj of mengatakan",
        "title+name: 'Menteri Luar Negeri Retno Marsudi mengecam Israel' -> 'mengecam' as compound of 'Menteri'",
        # after the parser was retrained in GSD's conventions (a4f0550):
        "apposition: 'Presiden Jokowi, pemimpin Indonesia, mengecam Israel' -> 'Presiden' as root, 'mengecam' as"
        " its appos ('Jokowi, presiden Indonesia, mengecam ...': 'mengecam' as conj of 'Jokowi')",
    ],
}


def _have_model(lang: str) -> bool:
    try:
        load_syntax(lang)
        return True
    except LookupError:
        return False


_BLANK: dict = {}


def _doc(lang: str, text: str):
    nlp = _BLANK.setdefault(lang, spacy.blank(lang))
    return parse(nlp(text), lang)


def _span(doc, text: str, nth: int = 1):
    start = -1
    for _ in range(nth):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    assert span is not None, text
    return span


def _frame(lang: str, text: str, actors: list[str], trigger: str, **options) -> tuple:
    doc = _doc(lang, text)
    spans = [_span(doc, a) for a in actors]
    word, _, nth = trigger.partition("#")
    trig = _span(doc, word, int(nth or 1))
    return doc, spans, frame(doc, spans, trig, lang, **options)


def _names(doc, args) -> list[str]:
    return [doc[a.start : a.end].text for a in args]


# (id, lang, text, actors, trigger, sources, targets, rule fragment, extra checks)
CASES = [
    # -- English ----------------------------------------------------------------------------------
    ("en-subject-object", "en", "Russia condemned Ukraine on Monday.", ["Russia", "Ukraine"], "condemned",
     ["Russia"], ["Ukraine"], "verb:nsubj>obj", {}),
    ("en-passive-by", "en", "Iran was attacked by Israel.", ["Iran", "Israel"], "attacked",
     ["Israel"], ["Iran"], "passive:obl:agent>nsubj:pass", {}),
    ("en-oblique-adp", "en", "North Korea fired missiles at South Korea.", ["North Korea", "South Korea"], "fired",
     ["North Korea"], ["South Korea"], "obl(at)", {}),
    ("en-possessor-noun", "en", "Russia condemned Ukraine's attack on Belgorod.", ["Russia", "Ukraine", "Belgorod"], "attack",
     ["Ukraine"], ["Belgorod"], "noun:nmod:poss>nmod(on)", {}),
    ("en-pronoun-possessor", "en", "Russia defended its annexation of Crimea.", ["Russia", "Crimea"], "annexation",
     ["Russia"], ["Crimea"], "noun:poss-pronoun>nmod(of)", {}),
    ("en-of-not-through-event", "en", "Russia defended its annexation of Crimea.", ["Russia", "Crimea"], "defended",
     ["Russia"], [], "verb:nsubj>-", {"events": "annexation"}),
    ("en-by-and-of", "en", "The bombing of Gaza by Israel drew criticism.", ["Gaza", "Israel"], "bombing",
     ["Israel"], ["Gaza"], "nmod(by)>nmod(of)", {}),
    ("en-adjective-agent", "en", "Israeli strikes killed dozens in Gaza.", ["Israeli", "Gaza"], "killed",
     ["Israeli"], [], "nsubj>amod", {}),
    ("en-location-oblique", "en", "Israel bombed the hospital in Gaza.", ["Israel", "Gaza"], "bombed",
     ["Israel"], [], "verb:nsubj>-", {"oblique": ("Gaza", "in")}),
    ("en-object-of-phrase", "en", "Protesters attacked the embassy of Israel in Amman.", ["Israel", "Amman"], "attacked",
     [], ["Israel"], "obj>nmod(of)", {"oblique": ("Amman", "in")}),
    ("en-apposition", "en", "Russia criticized its neighbour, Ukraine, on Monday.", ["Russia", "Ukraine"], "criticized",
     ["Russia"], ["Ukraine"], "obj>appos", {}),
    ("en-apposition-as-two-subjects", "en", "Indonesia's foreign minister, Retno Marsudi, criticized Israel.",
     ["Indonesia", "Retno Marsudi", "Israel"], "criticized", ["Retno Marsudi"], ["Israel"], "verb:nsubj>obj", {}),
    ("en-conjoined-subjects", "en", "Russia and China criticized the United States.", ["Russia", "China", "United States"], "criticized",
     ["Russia", "China"], ["United States"], "nsubj+conj", {}),
    ("en-conj-share-subject", "en", "Russia attacked Ukraine and threatened NATO.", ["Russia", "Ukraine", "NATO"], "threatened",
     ["Russia"], ["NATO"], "conj-share-subj>obj", {}),
    ("en-conj-share-object", "en", "Indonesia condemned and rejected the Israeli plan.", ["Indonesia", "Israeli"], "condemned",
     ["Indonesia"], ["Israeli"], "conj-share-obj", {}),
    ("en-relative-clause", "en", "Hezbollah, which attacked Israel, is backed by Iran.", ["Hezbollah", "Israel", "Iran"], "attacked",
     ["Hezbollah"], ["Israel"], "relcl-antecedent>obj", {}),
    ("en-subject-control", "en", "Turkey agreed to host talks with Russia.", ["Turkey", "Russia"], "host",
     ["Turkey"], [], "xcomp-control", {"control": "agree"}),
    ("en-object-control", "en", "China urged Russia to withdraw its troops.", ["China", "Russia"], "withdraw",
     ["Russia"], [], "xcomp-control(obj)", {}),
    ("en-reported-speech", "en", "Germany said that Russia had attacked Ukraine.", ["Germany", "Russia", "Ukraine"], "attacked",
     ["Russia"], ["Ukraine"], "verb:nsubj>obj@ccomp<speech", {"speaker": ["Germany"]}),
    ("en-speech-self-pronoun", "en", "Iran said it would attack Israel.", ["Iran", "Israel"], "attack",
     ["Iran"], ["Israel"], "ccomp-self-pronoun>obj", {"speaker": ["Iran"]}),
    ("en-according-to", "en", "According to Ukraine, Russia shelled Kharkiv.", ["Ukraine", "Russia", "Kharkiv"], "shelled",
     ["Russia"], ["Kharkiv"], "@according-to", {"speaker": ["Ukraine"]}),
    ("en-negation", "en", "Japan did not criticize China.", ["Japan", "China"], "criticize",
     ["Japan"], ["China"], "verb:nsubj>obj", {"negated": True}),
    ("en-light-verb", "en", "Russia launched an offensive against Ukraine.", ["Russia", "Ukraine"], "offensive",
     ["Russia"], ["Ukraine"], "noun:light-verb-subj>nmod(against)", {"light": True}),
    ("en-symmetric-with", "en", "Putin met with Erdogan in Sochi.", ["Putin", "Erdogan", "Sochi"], "met",
     ["Putin"], ["Erdogan"], "obl(with)", {"symmetric": True}),
    ("en-condemned-attack-not-light", "en", "Iran condemned the attack on Syria.", ["Iran", "Syria"], "attack",
     [], ["Syria"], "noun:->nmod(on)", {"light": False, "governor": "condemned"}),
    ("en-trigger-inside-name", "en", "Ban Ki-moon visited Jakarta.", ["Ban Ki-moon", "Jakarta"], "Ban",
     None, None, "", {}),
    # a refusal's target is the other party of the act it refuses (the caller says the trigger is a 12)
    ("en-refusal-recipient", "en", "Greece refused to extradite the pilot to Turkey.", ["Greece", "Turkey"], "refused",
     ["Greece"], ["Turkey"], "verb:nsubj>xcomp-refused>", {"refusal": True}),
    ("en-refusal-of-a-request", "en", "Chile rejected demands by Peru to return the artefacts.", ["Chile", "Peru"], "rejected",
     ["Chile"], ["Peru"], "verb:nsubj>request-refused>obj>obl:agent(by)", {"refusal": True, "events": "demands"}),
    ("en-refusal-of-what-another-made", "en", "Chile rejected the treaty drafted by Peru.", ["Chile", "Peru"], "rejected",
     ["Chile"], ["Peru"], "verb:nsubj>request-refused>obj>acl>", {"refusal": True}),
    ("en-refusal-needs-its-code", "en", "Greece refused to extradite the pilot to Turkey.", ["Greece", "Turkey"], "refused",
     ["Greece"], [], "verb:nsubj>-", {}),
    # an attack's patient in a state (the caller says the trigger is an 18-20), but not at sea off it
    ("en-located-patient", "en", "Russia shelled a school in Kharkiv.", ["Russia", "Kharkiv"], "shelled",
     ["Russia"], ["Kharkiv"], "verb:nsubj>obj>nmod(in)", {"located": True}),
    ("en-located-not-at-sea", "en", "The rebels attacked a tanker in the waters off Yemen.", ["Yemen"], "attacked",
     [], [], "verb:->-", {"located": True}),
    ("en-maker-not-doer", "en", "Iranian-made drones hit Kyiv.", ["Iranian", "Kyiv"], "hit",
     [], ["Kyiv"], "verb:->obj", {}),
    # -- Indonesian --------------------------------------------------------------------------------
    ("id-subject-object", "id", "Tiongkok mengecam Amerika Serikat pada hari Jumat.", ["Tiongkok", "Amerika Serikat"], "mengecam",
     ["Tiongkok"], ["Amerika Serikat"], "verb:nsubj>obj", {}),
    # the agent of a di- passive, whether the parser labels the oleh phrase obl:agent (CSUI) or obl (GSD)
    ("id-passive-oleh", "id", "Kapal itu ditembak oleh militer Tiongkok.", ["militer Tiongkok"], "ditembak",
     ["militer Tiongkok"], [], "passive:obl", {}),
    ("id-passive-bare-agent", "id", "Warga Palestina dibunuh tentara Israel di Tepi Barat.", ["Warga Palestina", "tentara Israel", "Tepi Barat"], "dibunuh",
     ["tentara Israel"], ["Warga Palestina"], "passive:obj-agent>nsubj:pass", {}),
    ("id-nominal-bare-possessor", "id", "Serangan Israel terhadap Gaza menewaskan 20 orang.", ["Israel", "Gaza"], "Serangan",
     ["Israel"], ["Gaza"], "noun:nmod>nmod(terhadap)", {}),
    ("id-event-noun-subject", "id", "Serangan Israel terhadap Gaza menewaskan 20 orang.", ["Israel", "Gaza"], "menewaskan",
     ["Israel"], [], "verb:nsubj>nmod>-", {}),
    ("id-conjoined-subjects", "id", "Tiongkok dan Rusia mengecam Amerika Serikat.", ["Tiongkok", "Rusia", "Amerika Serikat"], "mengecam",
     ["Tiongkok", "Rusia"], ["Amerika Serikat"], "nsubj+conj", {}),
    ("id-title-nmod", "id", "Menteri Luar Negeri Retno Marsudi mengkritik Israel pada hari Senin.", ["Retno Marsudi", "Israel"], "mengkritik",
     ["Retno Marsudi"], ["Israel"], "verb:nsubj>", {}),  # the title heads the name: since the Dec 2026 model as nmod (GSD's
    # proper noun after a noun), before as compound + flat:name; either way the subject is the person
    ("id-apposition", "id", "Retno Marsudi, menteri luar negeri Indonesia, telah mengecam Israel.", ["Retno Marsudi", "Indonesia", "Israel"],
     "mengecam", ["Retno Marsudi"], ["Israel"], "verb:nsubj>obj", {}),
    ("id-relative-yang", "id", "Hamas, yang menyerang Israel pada Oktober, mengatakan pihaknya siap berunding.", ["Hamas", "Israel"], "menyerang",
     ["Hamas"], ["Israel"], "relcl-antecedent>obj", {}),
    ("id-object-control", "id", "Indonesia mendesak Israel untuk menghentikan serangan terhadap Gaza.", ["Indonesia", "Israel", "Gaza"], "menghentikan",
     ["Israel"], ["Gaza"], "xcomp-control(obj)", {}),
    ("id-reported-speech", "id", "Menteri Luar Negeri Retno Marsudi mengatakan bahwa Israel telah menyerang Lebanon.",
     ["Retno Marsudi", "Israel", "Lebanon"], "menyerang",
     ["Israel"], ["Lebanon"], "verb:nsubj>obj@ccomp<speech", {"speaker": ["Retno Marsudi"]}),
    ("id-speech-dropped-subject", "id", "Hamas mengatakan siap berunding dengan Israel.", ["Hamas", "Israel"], "berunding",
     ["Hamas"], ["Israel"], "obl(dengan)", {"symmetric": True, "speaker": ["Hamas"]}),
    # h33: the parser makes 'siap' the speech verb's object and the act a ccomp of 'siap': the controller's subject
    ("id-speech-object-control", "id", "Beijing menyatakan siap memperkuat kemitraan strategis dengan Jakarta.",
     ["Beijing", "Jakarta"], "memperkuat", ["Beijing"], ["Jakarta"], "ccomp-control>obl(dengan)", {"symmetric": True}),
    ("id-negation-object-nmod", "id", "Jepang tidak akan mengirim pasukan ke Ukraina.", ["Jepang", "Ukraina"], "mengirim",
     ["Jepang"], ["Ukraina"], "obj>nmod(ke)", {"negated": True}),
    ("id-light-verb", "id", "Rusia melancarkan serangan ke Ukraina.", ["Rusia", "Ukraina"], "serangan",
     ["Rusia"], ["Ukraina"], "noun:light-verb-subj>nmod(ke)", {"light": True}),
    ("id-trigger-inside-name", "id", "Sekjen PBB Ban Ki-moon mengunjungi Jakarta.", ["Ban Ki-moon", "Jakarta"], "Ban",
     None, None, "", {}),
    ("id-refusal-recipient", "id", "Yunani menolak mengembalikan kapal itu kepada Turki.", ["Yunani", "Turki"], "menolak",
     ["Yunani"], ["Turki"], "verb:nsubj>xcomp-refused>", {"refusal": True}),
    ("id-refusal-word-on-the-verb", "id", "Yunani enggan mengembalikan kapal itu kepada Turki.", ["Yunani", "Turki"], "enggan",
     ["Yunani"], ["Turki"], "verb:refused-act>nsubj>refused-act>", {"refusal": True}),
    ("id-located-patient", "id", "Rusia membom sebuah sekolah di Kharkiv.", ["Rusia", "Kharkiv"], "membom",
     ["Rusia"], ["Kharkiv"], "verb:nsubj>obj>nmod(di)", {"located": True}),
    ("id-maker-not-doer", "id", "Drone buatan Iran menghantam Kyiv.", ["Iran", "Kyiv"], "menghantam",
     [], ["Kyiv"], "verb:->obj", {}),
    # h28: a clause a relative adverb opens has its own doer, never one inherited across the adverb
    ("en-relative-adverb-own-doer", "en", "Poland summoned the Belarusian envoy over a clash near Grodno, where armed men attacked "
     "Lithuania's border guards.", ["Poland", "Lithuania"], "attacked", [], ["Lithuania"], "verb:->obj", {}),
    ("id-relative-adverb-own-doer", "id", "Polandia memanggil duta besar Belarus atas bentrokan di dekat Grodno, di mana sekelompok pria "
     "bersenjata menyerang penjaga perbatasan Lituania.", ["Polandia", "Lituania"], "menyerang", [], ["Lituania"], "verb:->obj", {}),
]


# Constructions the shipped parser misreads today (strict: a model that reads them again must drop them here).
PARSER_MISREADS = {
    "id-speech-dropped-subject": "the Dec 2026 Indonesian model (data/syntax/README.md, run B) makes 'siap' an xcomp of "
    "'mengatakan' and 'berunding' a compound of 'siap', so the reported act has no subject",
}


@pytest.mark.parametrize("case", [pytest.param(c, id=c[0], marks=[pytest.mark.xfail(reason=PARSER_MISREADS[c[0]], strict=True)]
                                               if c[0] in PARSER_MISREADS else []) for c in CASES])  # fmt: skip
def test_construction(case):
    cid, lang, text, actors, trigger, sources, targets, rule, extra = case
    if not _have_model(lang):
        pytest.skip(f"no shipped syntax model for {lang}")
    extra = dict(extra)
    options = {}
    if extra.get("symmetric"):
        options["symmetric"] = True
    for key in ("refusal", "located"):
        if extra.get(key):
            options[key] = True
    if extra.get("events"):
        doc = _doc(lang, text)
        ev = _span(doc, extra["events"])
        options["events"] = list(range(ev.start, ev.end))
    doc, spans, f = _frame(lang, text, actors, trigger, **options)
    if sources is None:
        assert f is None, explain(doc, f)
        return
    assert isinstance(f, Frame)
    got = explain(doc, f)
    assert _names(doc, f.sources) == sources, got
    assert _names(doc, f.targets) == targets, got
    assert rule in f.rule, got
    assert f.negated is extra.get("negated", False), got
    if "speaker" in extra:
        assert f.speech is not None and _names(doc, f.speech.speakers) == extra["speaker"], got
    elif not rule.startswith("@") and "@" not in rule:
        assert f.speech is None, got
    if "control" in extra:
        assert f.control == extra["control"], got
    if "light" in extra:
        assert f.light is extra["light"], got
    if "governor" in extra:
        assert f.governor is not None and doc[f.governor].text == extra["governor"], got
    if "oblique" in extra:
        name, adp = extra["oblique"]
        assert [(doc[a.start : a.end].text, a.adp) for a in f.obliques] == [(name, adp)], got
    # every argument names the path that found it
    assert all(a.rule for a in f.sources + f.targets + f.obliques)


def test_frames_share_events_and_guard():
    """frames() treats the other triggers as event words and gives None for a trigger inside a name."""
    if not _have_model("en"):
        pytest.skip("no shipped English syntax model")
    doc = _doc("en", "Russia defended its annexation of Crimea.")
    actors = [_span(doc, "Russia"), _span(doc, "Crimea")]
    defended, annexation = _span(doc, "defended"), _span(doc, "annexation")
    out = frames(doc, actors, [defended, annexation, (0, 1)], "en")
    assert [a.index for a in out[0].targets] == []  # not Crimea through "its annexation of"
    assert [a.index for a in out[1].targets] == [1]
    assert out[2] is None
    # without the event list, the object's "of" phrase is followed
    alone = frame(doc, actors, defended, "en")
    assert [a.index for a in alone.targets] == [1] and alone.targets[0].rule == "obj>nmod(of)"


def test_trigger_by_token_index_and_tuple_actors():
    if not _have_model("id"):
        pytest.skip("no shipped Indonesian syntax model")
    doc = _doc("id", "Tiongkok mengecam Amerika Serikat.")
    f = frame(doc, [(0, 1), (2, 4)], 1, "id")
    assert [(a.start, a.end, a.index) for a in f.sources] == [(0, 1, 0)]
    assert [(a.start, a.end, a.index) for a in f.targets] == [(2, 4, 1)]


def test_language_data_is_data():
    for lang in ("en", "id"):
        d = role_data(lang)
        assert d.speech_verbs and d.negation and d.light_verbs and d.passive_agent
        assert d.adps("target") and not d.adps("target") & d.adps("agent")
    assert role_data("id").bare_nmod == "agent" and role_data("en").bare_nmod == "modifier"


def test_unknown_language_is_one_line_error():
    with pytest.raises(LookupError, match="no syntax role data for 'xx'"):
        role_data("xx")


def test_parse_on_fresh_vocabularies_whose_ids_are_reused():
    """share_strings once remembered vocabularies by id(): a new blank pipeline that reused a collected
    one's id was taken as already knowing the labels, and parsing it failed with E018."""
    import gc

    for _ in range(12):
        nlp = spacy.blank("en")
        doc = parse(nlp("Russia attacked Ukraine on Monday."), "en")
        assert doc[1].dep_ and doc[1].pos_ == "VERB"
        del nlp, doc
        gc.collect()


@pytest.mark.parametrize(
    "lang, text, actors, trigger",
    [
        ("en", "Kenya demanded a formal apology from Uganda.", ["Kenya", "Uganda"], "demanded"),
        ("id", "Kenya menuntut permintaan maaf resmi dari Uganda.", ["Kenya", "Uganda"], "menuntut"),
    ],
)
def test_asked_of_is_the_target_of_a_demand_only(lang, text, actors, trigger):
    """``asked``: the one a demand asks a thing of ("dari"/"from" in its object) is its target; without the option (a
    trigger that does not ask) the source phrase names no target. A withdrawal's "from" is never who is asked."""
    if not _have_model(lang):
        pytest.skip(f"no shipped {lang} syntax model")
    from kg.extract.syntax.data import away_nouns

    doc, spans, f = _frame(lang, text, actors, trigger, asked=True)
    assert _names(doc, f.targets) == [actors[1]] and "asked-of" in f.targets[0].rule
    assert not _frame(lang, text, actors, trigger)[2].targets
    assert {"withdrawal", "penarikan"} & away_nouns(lang)
