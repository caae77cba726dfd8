"""Construction sentence suites (issue #12 item 6): tests/data/constructions_<lang>.jsonl.

Hand-written news sentences, about ten per syntactic construction and language (passives with and without
an agent, nominal events with a possessor, appositions, relative clauses, control verbs, reported speech,
accusations, refusals, condemnations, trigger words inside names, negation, long sentences, negatives...).
Each line is the events_<lang>.jsonl format (data/FORMATS.md) plus "construction". A seeded third of every
construction is held apart in bench/heldapart/constructions_<lang>.jsonl and is only validated here, never
scored. The floors sit just under the numbers measured when they were set (python bench/sentences.py
--file tests/data/constructions_en.jsonl --file tests/data/constructions_id.jsonl --by construction): raise
them as the rules improve, never lower them.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path

import pytest

from kg.model import Modality
from kg.resources import data_dir, read_jsonl

ROOT = Path(__file__).resolve().parents[1]
DEV = {lang: ROOT / "tests" / "data" / f"constructions_{lang}.jsonl" for lang in ("en", "id")}
HELD = {lang: ROOT / "bench" / "heldapart" / f"constructions_{lang}.jsonl" for lang in ("en", "id")}

CONSTRUCTIONS = {
    "svo", "passive_agent", "passive_no_agent", "object", "oblique", "nominal_possessor", "apposition",
    "conjunction", "relative_clause", "control_verb", "reported_speech", "accusation", "withdrawal_refusal",
    "condemnation", "name_trigger", "negation_modality", "long_multi", "negative", "group_noun", "previous_sentence",
    "dateline", "surname_alias", "place_of_act",
    "group_leader", "title_ruler",
    "cooperation", "cession", "end_attacks", "lift_sanctions", "funding_aid", "capacity_adjunct",
    "topic_target", "received_from", "asked_from", "passive_light_verb",
    "gapped_names", "nationals_as_targets", "group_members", "rejected_proposal", "named_halves", "asked_of", "yield_to",
    "loanword_verb", "concept_verbs", "from_party", "suspend_talks",
    "weapon_doer", "agent_phrase_noun", "protest_at_embassy",
    "definite_description",
    "subject_aside",
    "hoped_act",
    "flight_not_visit",
    "asked_own",
    "negated_promise",
    "progressive_active",
    "halted_act",
    "coordinated_pair",
    "fronted_clause_actor",
    "agent_noun",
    "reciprocal",
    "deployed_forces",
    "between_sides",
    "forces_withdrawal",
    "dated_conjuncts",
    "coordinated_clauses",
    "dated_event_noun",
    "recognised_state",
    "time_between_subject_and_verb",
    "act_party_in_compound",
    "place_in_object_compound",
    "promised_withdrawal",
    "topic_in_trigger",
    "group_modifier_name",
    "aid_goods",
    "claimed_act",
    "exchange_fire",
    "gift_recipient",
    "time_in_other_clause",
    "time_adjunct",
    "relative_clause_on_event_object",
    "member_doer_place",
    "weekday_of_week",
    "wanted_doer",
    "week_noun_not_sunday",
    "ceasefire_between",
    "downed_aircraft",
    "day_possessor_of_event",
    "vow_threat",
    "placed_agents",
    "title_with_of",
    "persuade_appeal",
    "abbreviated_title",
    "by_gerund_act",
    "future_auxiliary",
    "planned_act",
    "threatened_act",
    "trailing_attribution",
    "reason_possessor",
    "posted_envoy",
    "hosted_talks",
    "effect_verb_object",
    "evaluative_speech",
    "drew_criticism",
    "listed_subjects",
    "named_affiliation",
    "discussed_topic",
    "attributed_source",
    "state_epithet",
    "quoted_speaker",
    "fronted_participle_meeting",
    "sanctions_light_verb",
    "namesake_spelling",
    "report_date",
    "according_to_speaker",
    "recalled_envoy",
    "ended_agreement",
    "apposed_group_list",
    "member_from_state",
    "halted_supply",
    "asked_possessed", "group_relative",
    "object_anaphor", "speaker_own_side", "halted_others_act", "pressed_appeal",
    "victim_of_nominal_act", "joint_partner_act", "time_word_clause_subject",
    "title_case_headline", "titled_dateline", "halted_support", "claim_on_own_place", "pledged_aid_intent",
    "place_then_group_clause",
    "future_retaliation", "saying_day",
    "agreed_act", "armed_group_bombing", "hostage_light_verb",
    "repeated_adposition_conjunct", "echoed_doer", "additive_stacked_adposition",
    "quote_first_speech", "pronoun_conjunct_subject",
}  # fmt: skip
# constructions written with their rule (h32) and so without a held-apart third: sentences written after the rule
# by its author would not be held apart from it
DEV_ONLY = {"dateline", "surname_alias", "place_of_act", "cooperation", "cession", "end_attacks", "lift_sanctions", "funding_aid",
            "capacity_adjunct", "topic_target", "received_from", "asked_from", "passive_light_verb",
            "gapped_names", "nationals_as_targets", "group_members", "rejected_proposal", "named_halves", "asked_of", "yield_to",
            "loanword_verb", "concept_verbs", "from_party", "suspend_talks",
            "weapon_doer", "agent_phrase_noun", "protest_at_embassy",
            "definite_description",
            "subject_aside",
            "hoped_act",
            "flight_not_visit",
            "asked_own",
            "negated_promise",
            "progressive_active",
            "halted_act",
            "coordinated_pair",
            "fronted_clause_actor",
            "agent_noun",
            "reciprocal", "group_leader", "title_ruler",
            "deployed_forces", "between_sides", "forces_withdrawal", "dated_conjuncts", "coordinated_clauses", "dated_event_noun", "recognised_state",
            "time_between_subject_and_verb", "act_party_in_compound", "claimed_act", "exchange_fire", "agreed_act", "armed_group_bombing", "hostage_light_verb",
            "time_in_other_clause", "place_in_object_compound", "time_adjunct", "promised_withdrawal", "gift_recipient",
            "relative_clause_on_event_object", "topic_in_trigger", "member_doer_place",
            "weekday_of_week", "wanted_doer",
            "week_noun_not_sunday", "group_modifier_name", "ceasefire_between", "aid_goods", "downed_aircraft",
            "day_possessor_of_event", "vow_threat", "placed_agents", "title_with_of", "persuade_appeal", "abbreviated_title", "by_gerund_act", "future_auxiliary", "reason_possessor", "posted_envoy", "hosted_talks", "effect_verb_object", "planned_act", "evaluative_speech", "drew_criticism", "threatened_act", "listed_subjects", "named_affiliation", "discussed_topic", "attributed_source", "trailing_attribution", "state_epithet", "quoted_speaker", "fronted_participle_meeting", "sanctions_light_verb", "namesake_spelling", "report_date", "according_to_speaker",
            "recalled_envoy", "ended_agreement", "apposed_group_list", "member_from_state", "halted_supply",
            "asked_possessed", "group_relative",
            "object_anaphor", "speaker_own_side", "halted_others_act", "pressed_appeal",
            "victim_of_nominal_act", "joint_partner_act", "time_word_clause_subject",
            "title_case_headline", "titled_dateline", "halted_support", "claim_on_own_place", "pledged_aid_intent",
            "place_then_group_clause",
            "future_retaliation", "saying_day",
            "repeated_adposition_conjunct", "echoed_doer", "additive_stacked_adposition",
            "quote_first_speech", "pronoun_conjunct_subject"}

# measured 2026-12-03 on 71b0c1f: en 126 sentences, 89 pass (0.706), event precision 0.904, dates 0.977;
# id 126 sentences, 83 pass (0.659), precision 0.846, dates 0.988
# measured 2026-12-03 with syntax on (issue #12, H17): en 129 sentences, 94 pass (0.729), precision 0.909,
# dates 0.968; id 129 sentences, 85 pass (0.659), precision 0.836, dates 0.978
# then, with speakers' accusations of violations ("Manila said Beijing had violated ...") and three new
# reported-speech sentences per language: en 132 sentences, 100 pass (0.758), precision 0.913, dates 0.970;
# id 132, 89 pass (0.674), precision 0.850, dates 0.978
# then, with the partner of what is left ("pulled out of its pact with France") and three new withdrawal and
# refusal sentences per language: en 135 sentences, 104 pass (0.770), precision 0.915, dates 0.971; id 135,
# 93 pass (0.689), precision 0.870, dates 0.979
# then (h23), with event anaphora restricted to attacks ("Germany recalled its ambassador. France condemned the
# attack": the shelling before it is what was condemned) and relative clauses dating their own noun, three new
# condemnation sentences and one relative-clause sentence per language: en 139 sentences, 107 pass (0.770),
# precision 0.921, dates 0.955; id 139, 97 pass (0.698), precision 0.879, dates 0.981
# then, with 'tiba di' taking the city after 'di' as its host (as 'arrived in' does) and one arrival sentence per
# language: en 140, 108 pass (0.771), precision 0.922; id 140, 99 pass (0.707), precision 0.881
# then, with a passive verb's required word read before it ("Moscow's envoy was expelled by Estonia": 16, not
# 174) and one passive expulsion per language: en 141, 111 pass (0.787), precision 0.938; id 141, 102 pass
# (0.723), precision 0.898
# then, with a verb trigger's bare word read as a noun where the parse says so ("mengecam blokade Israel
# atas Gaza", "condemned the US strikes on ...": the condemners did not blockade or strike) and one such
# condemnation per language: en 142, 112 pass (0.789), precision 0.939; id 142, 103 pass (0.725), precision 0.899
# then, with a state's own 'protest'/'protes' coded as an official complaint (114; its people's stays 14) and
# 'protested to X' naming the recipient, one sentence per language: en 143, 114 pass (0.797), precision 0.940;
# id 143, 104 pass (0.727), precision 0.901
# then, with 'call/sebut X a violation ...' taking only its object as the accused (no target after a preposition)
# and one such sentence per language: en 144, 115 pass (0.799), precision 0.940; id 144, 105 pass (0.729), 0.901
# then (h26), with 16 new sentences per language of two constructions (a group noun for the pair named before:
# "Both sides agreed", "Kedua negara menandatangani"; a pronoun subject for the previous sentence's subject: "Japan's
# foreign minister arrived in Seoul. He signed ...", "Ia menandatangani ...") and the rules for them (kg/extract/coref.py):
# en 160, 126 pass (0.787; 0.744 before the rules), precision 0.936; id 160, 118 pass (0.738; 0.694 before), precision 0.916
# then (h27), with refusals taking the other party of the refused act as their target (and the refused act no
# event), stopping cooperation coded as 16, weapon and force nouns with a nationality as doers ("Russian missiles
# hit Kyiv"), an attack's patient located in a state ("a clinic in Dnipro"), makers not doers ("Russian-made"),
# and 38 new sentences per language (refusals, 16, weapon doers, possessor events, negatives): en 198, 170 pass
# (0.859), precision 0.948; id 198, 157 pass (0.793), precision 0.930
# then, with a rejected request's asker as the target ("rejected calls from the United States to ...") and the act
# it asks for no event ("rejected calls to impose sanctions on Russia"), five sentences per language: en 203, 175
# pass (0.862), precision 0.949; id 203, 162 pass (0.798), precision 0.932
# then (h26), with a person pronoun joined to an actor ("he and Albanese signed", "ia dan ... menandatangani") and
# 'terbang ke' as a visit, two conjunction sentences per language: en 205, 177 pass (0.863), precision 0.950; id 205,
# 164 pass (0.800), precision 0.933
# then, with cutting or suspending communication, a hotline or contacts with X coded as 16, three sentences per
# language (measured with h26's two above: en 208, 180 pass (0.865), precision 0.950; id 208, 168 pass (0.808),
# precision 0.934)
# then (h26), with a counterpart noun without a nationality as the host of its actor's visit ("... arrived in
# Vientiane. He signed ... with his counterpart", "Ia dan mitranya menandatangani ..."), two previous_sentence
# sentences per language: en 210, 182 pass (0.867), precision 0.951; id 210, 170 pass (0.810), precision 0.936
# then, with a trigger's doer words before it ('before': "Ukrainian drones targeted", "Drone Ukraina menyasar"),
# three sentences per language: en 213, 185 pass (0.869), precision 0.952; id 213, 173 pass (0.812), precision 0.936
# then, with a rejected thing's maker as the target ("rejected the proposal put forward by Egypt", "menolak rencana
# yang disusun Hungaria"), three sentences per language: en 216, 188 pass (0.870), precision 0.952; id 216, 176 pass
# (0.815), precision 0.937
# then, with a refusal noun's refused act ("Hungary's refusal to send weapons to Ukraine") giving its target and
# being no event (it was asserted: 07, 06), three sentences per language: en 219, 190 pass (0.868), precision 0.953;
# id 219, 179 pass (0.817), precision 0.938
# then, with 'declined to' and 'enggan' as refusals (their act no event, however the parser labels it), three
# sentences per language: en 222, 193 pass (0.869), precision 0.953; id 222, 182 pass (0.820), precision 0.938
# then, with force nouns ("Russian forces hit", "Israeli tanks hit") among 'hit'/'target' doers, three sentences per
# language: en 225, 196 pass (0.871), precision 0.953; id 225, 185 pass (0.822), precision 0.939
# then (h29), with a group noun as the object of a third party's appeal, demand or criticism ("Egypt urged both sides
# to ...", "PBB mendesak kedua pihak ...": one event to each of the pair, never with the speaker among them, and the
# act asked of them no act of theirs), nine sentences per language (two negatives): en 234, 205 pass (0.876; 0.855
# before the rule), precision 0.957; id 234, 194 pass (0.829; 0.803 before), precision 0.942
# then, with 'landed in' and 'mendarat di' as visits (042) and no visit by a state's name that only modifies the
# subject's noun ("A Japanese tourist landed in Seoul", "Rudal Korea Utara mendarat di ..."), ten oblique and negative
# sentences per language: en 244, 216 pass (0.885; 0.873 before), precision 0.957; id 244, 206 pass (0.844; 0.828
# before), precision 0.948
# then, with an act done by a pair or a previous subject ("Both sides signed", "He signed") dated by the one date
# stated in its antecedents' sentence of the same paragraph when its own sentence states none, eight sentences per
# language: en 256, 227 pass (0.887; 0.867 before), dates 0.972; id 256, 218 pass (0.852; 0.832 before), dates 0.976
# then, with a group noun for three ("the three countries", "ketiga negara itu") after a list of exactly three, as the
# object of a third party's appeal, criticism or praise (one event to each) or the subject of a joint act, and praise
# (051) among the acts a group noun is the object of, eight sentences per language (three negatives; a trio's joint act
# still lacks the dyad between the second and third named): en 265, 235 pass (0.887; 0.872 before), precision 0.960;
# id 265, 226 pass (0.853; 0.838 before), precision 0.955
# then, with a person's title and name after a state's name or adjective as the object ("met Chinese President Xi
# Jinping", "menelepon Presiden Ukraina Volodymyr Zelensky"), seven object sentences per language (two negatives; "met
# Chinese businessman Jack Ma" still gives a wrong JPN-CHN meeting): en 275, 243 pass (0.884), precision 0.957; id 275,
# 235 pass (0.855), precision 0.953
# then (h31), with a rejection or denial of "the accusation", "this", "tuduhan itu" aimed at the accusation's maker
# (kg/extract/coref.py, '+accuser'; denials coded 016 as PETRARCH2 does) and a comma-set-off participle of saying or
# accusing taking the main clause's subject ("imposed sanctions on Belarus, accusing Minsk of ..."), 19 sentences per
# language (previous_sentence, accusation; three negatives): en 294, 261 pass (0.888; 0.857 before the rules),
# precision 0.962; id 294, 250 pass (0.850; 0.823 before), precision 0.948
# then (h33), with pledges and offers of aid or cooperation (a recipient as people 'for'/'untuk' in a named state, a
# controlled 'siap memperkuat ... dengan Y' after a speech verb), background acts ("the war between A and B broke out",
# "perang antara A dan B pecah", "menginvasi") and withdrawals from an organisation (a trigger's target_kinds: 'igo'),
# 30 sentences per language in existing constructions (notes 'h33 (...)'; 5 negatives; measured after h31): en 324,
# 291 pass (0.898; 0.855 before the rules), precision 0.965; id 324, 279 pass (0.861; 0.812 before), precision 0.952
# then (h32), with a sentence's date line ("KYIV, Ukraine (AP) —", "JAKARTA (ANTARA) -", "BEIRUT, Minggu (21/1/2024) -")
# no part of its parse and its place no party, 14 dateline sentences per language (before the rule: en 13 pass, id 9;
# measured after h33): en 338, 305 pass (0.902), precision 0.966; id 338, 292 pass (0.864), precision 0.951
# then (h31), with 'without'/'tanpa' before a noun negating that noun, not a later act ("Without warning, Russian
# bombers struck ...", "... tanpa izin dan menuduh London ..."), an accusation joined to a reported clause being the
# speaker's, and the act an accusation alleges no event ("menuduh Rusia menembaki Kharkiv"), four sentences in English
# and three in Indonesian (measured after h32): en 342, 311 pass (0.909), precision 0.969; id 341, 300 pass (0.880),
# precision 0.962 (on 298/297 sentences before h33 and h32: en 0.886 -> 0.896, id 0.845 -> 0.865)
# then (h31), with a rejection of "the demand", "the request", "tuntutan itu", "desakan tersebut" aimed at who demanded
# or appealed before (lang.json demand_nouns), four previous_sentence sentences per language (one negative): en 346, 315
# pass (0.910; 0.902 before the rule), precision 0.970; id 345, 304 pass (0.881; 0.872 before), precision 0.963 (with
# the intent sentences landed beside it: en 348, 317 pass (0.911), precision 0.970; id 347, 305 pass (0.879), 0.963)
# then (h33), with a group noun for three as the subject of any act (each of the one list of three named before; it
# was joint acts only) and a group noun or pronoun before a speech verb right before the act as its subject ("Ketiga
# negara itu menyatakan keluar dari ..."), four group_noun sentences per language (two negatives) and two 'deepen ...
# partnership' ones (measured with h31's demand rule): en 352, 321 pass (0.912), precision 0.970; id 351, 309 pass
# (0.880), precision 0.964
# then (h33), with a referring organisation noun ("the bloc", "the alliance", "organisasi itu"; lang.json
# organisation_nouns) right after a trigger as the one organisation named before (kg/extract/coref.py, '+org'), eight
# previous_sentence sentences per language (three negatives; main passed 3 of 8): en 360, 329 pass (0.914), precision
# 0.971; id 359, 317 pass (0.883), precision 0.965
# then (h31), with a rejected or denied claim that a speaker reported ("Russia said Ukrainian drones had attacked ...
# Kyiv denied the claim") aimed at the speaker, three previous_sentence sentences per language: en 356, 325 pass (0.913;
# 0.904 before the rule), precision 0.971; id 354, 312 pass (0.881; 0.873 before), precision 0.964 (with the sentences
# landed beside it: en 368, 337 pass (0.916), precision 0.972; id 366, 324 pass (0.885), precision 0.966)
# then (h32), with the one an object-control verb addresses read from the parse when the parser makes it the subject
# of the controlled clause ("meminta Israel menjamin ...": ccomp>nsubj) and a ccomp of such a verb controlled by its
# object ("mendesak Hamas menghentikan ..."), the one asked as the doer of the act asked for instead of the window's
# asker, nine control_verb sentences per language (one negative; measured after h31's claim rule): en 377, 345 pass
# (0.915; same before), precision 0.970; id 375, 334 pass (0.891; 0.885 before), precision 0.969 (0.964 before)
# then (h31), with a clause opened by an adverbial subordinator (syntax.json adverbial_marks: "while", "seraya") that
# the parser hangs on a noun taking the main subject, like one set off by a comma, one accusation sentence per
# language: en 369, 338 pass (0.916; the same before), precision 0.972; id 367, 325 pass (0.886; 0.883 before), 0.966
# (with the sentences landed beside it: en 388, 356 pass (0.918), precision 0.971; id 385, 344 pass (0.894), 0.970)
# then (h32), with an appeal to someone who is no actor ("menyerukan negara-negara anggotanya memutus hubungan dengan
# Israel", "asked its allies to impose sanctions on Iran") naming no party of the act asked for (kg/extract/syntax/use.py
# 'asked-of-others' veto, appeals and demands only) and more appeal words as hypothetical markers (id menyerukan,
# mengajak, diajak, didesak, diminta, mendesakkan; en asking, called: 'asked' is also a label of kg's), nine
# control_verb sentences per language (seven negatives; main passed en 4, id 4; measured after h31's adverbial
# marks): en 400, 364 pass (0.910; 0.907 before), precision 0.960 (0.955); id 397, 356 pass (0.897; 0.887 before),
# precision 0.970 (0.956)
# then (h31), with the sentences a rejected accusation may be looked for in counted without the line breaks the
# splitter makes "sentences" of (an accusation two paragraphs back was four "sentences" back), two previous_sentence
# sentences per language: en 393, 361 pass (0.919; 0.913 before), precision 0.971; id 390, 349 pass (0.895; 0.890
# before), precision 0.970
# then (h31), with a speaker's statement, remarks or report ("Stockholm rejected the remarks", "membantah pernyataan
# tersebut") among the claims a rejection may answer, two previous_sentence sentences per language (main passed none):
# with the sentences landed beside it: en 408, 372 pass (0.912), precision 0.961; id 405, 364 pass (0.899), precision 0.971
# then (h37), with a person introduced with an affiliation named again by the last name (and, in Indonesian, the
# first: lang.json person_alias_parts), a role noun before the part read as a title ("Minister Keita") and another
# state's role before it ("Benin's ambassador Agbeko") naming another person, 14 surname_alias sentences per language
# (six negatives for the alias in English, five in Indonesian; main 061fd2d passed 7 and 6): en 425, 389 pass (0.915;
# 0.899 before), precision 0.962; id 422, 381 pass (0.903; 0.884 before), precision 0.972
# then (h32), with an act a threat controls ("threatened to expel Sweden's ambassador", "mengancam akan menyerang kapal
# perang Amerika Serikat") no event (as a refused act is none) and the threat's target that act's other party
# ('xcomp-refused>'), eight negation_modality sentences per language (the construction on main a3c9dce: en 9 of 18 pass,
# id 10; now en 14, id 16): en 414, 376 pass (0.908; 0.896 on main), precision 0.957 (0.946); id 411, 370 pass (0.900;
# 0.883), precision 0.971 (0.955)
# then (h31), with the line breaks the sentence splitter makes "sentences" of left out when coref counts sentences back
# (a pronoun opening a paragraph is the previous paragraph's subject; a pair or a visit as far back), one
# previous_sentence sentence per language (main passed neither): en 412, 376 pass (0.913), precision 0.961; id 409,
# 368 pass (0.900), precision 0.971
# then (h38), with a state given only by the place of its force's act ("Russian troops took Bakhmut", "moved into most
# of Fallujah", "Pasukan Rusia merebut Avdiivka": a gazetteer place as a territorial verb's object, triggers.jsonl
# requires_place), 14 place_of_act sentences per language (7 negatives; main passed 6 en and 7 id of them): measured on main
# 79fe796: en 429 -> 443, 391 -> 405 pass (0.911 -> 0.914), precision 0.958; id 426 -> 440, 385 -> 399 pass (0.904 -> 0.907),
# precision 0.972 -> 0.973
# then (session 23), with a role or title between a verb and its person object read through ("met President Macky Sall",
# "bertemu Perdana Menteri Fumio Kishida": the window rules stopped at the capitalised title, and a meeting whose partner
# only the parse found was dropped), eight object sentences per language (two negatives; main 6feffdd passed 4 en, 5 id):
# en 456, 414 -> 418 pass (0.917), precision 0.959; id 453, 409 -> 413 pass (0.912), precision 0.973
# then (h38), with Indonesian detentions of people ('menahan' + a person noun: 173) and raids ('menggerebek': 190) in a
# place of another state, eight place_of_act sentences per language (four negatives; main 53d0dfe passed en 8, id 4):
# measured with session 23's object sentences beside it: en 464, 426 pass (0.918), precision 0.960; id 461, 422 pass (0.915),
# precision 0.974
# then (h40), with cooperation ('cooperate/collaborate/partnered with', 'close ranks with', 'berkolaborasi/bermitra
# dengan'), cession ('ceded its colonies to', 'menyerahkan wilayah kepada'), ending attacks or a blockade ('ended its
# attacks on', 'an end to rocket attacks', 'mengakhiri serangannya') and lifting sanctions ('lifted all sanctions
# against', 'mencabut semua sanksi'), 8-10 sentences per construction per language (negatives included; main passed
# en 16/34, id 19/32 of them): a verb's required word is its object, not a second event ('lifted all sanctions' is no 16)
# then (h40), 'joined forces/teamed up with', 'bergandengan tangan/bahu-membahu dengan' (060), 'scrapped/dropped
# sanctions', 'menghapus semua sanksi' (085), 'handed over/gave up' + territory, 'melepaskan wilayah' (080): 14 more
# sentences per language (main passed en 7, id 9 of them; now all)
# then (h40), funding ('funded/financed/bankrolled', 'mendanai/membiayai': 061, PETRARCH FINANCE) and aid by air or
# in bulk ('airlifted food/medical supplies to' 073, 'menggelontorkan dana/bantuan' 071): 8 sentences per language
# (3 negatives; main passed en 3, id 4; now all)
# then (h41), an event noun in an 'as' phrase is the act of its clause's doer ('sent destroyers to the Red Sea as a
# warning to the Houthis', 'sebagai peringatan bagi'), not after a judgement verb ('described the test as a warning
# to', 'menyebut ... sebagai'): 6 sentences per language (2 negatives; main passed en 3, id 4; now en 5, id 6)
# then (h41), the target of a statement, appeal, inquiry, demand or criticism where (or by whom) its topic happens
# ('concern over the escalating violence in Cambodia', 'an investigation into subsidies by the Chinese government',
# 'mendesak reformasi pemilu di Zimbabwe'): 10 sentences per language (2 negatives; main passed 2 each; now all)
# then (h41), aid received: 'received tents and blankets from Qatar' is Qatar's aid (07; triggers.jsonl 'reverse'):
# 10 sentences per language (4 negatives: a letter, a delegation, refugees, political support; main passed the 4;
# now en 10, id 9: 'belum menerima tank yang dijanjikan dari Jerman' stops at the relative clause's verb)
# then (h41), the one asked, demanded of or rejected after 'from'/'dari' ('requested air defence systems from Germany',
# 'menuntut kompensasi dari Italia'): 6 sentences per language (1 negative; main passed 2 each; now all)
# then (h42), a thing asked of, demanded from or refused from an actor marked by 'from'/'dari' ('demanded reparations from
# Germany', 'meminta informasi dari Maroko', 'menolak tawaran pinjaman dari Tiongkok'), by the parse: 9 sentences per
# language (3 negatives); now en 8, id 9 ('requested emergency firefighting aircraft' misparsed)
# then (h42), yielding to another party, CAMEO 08 ('gave in to Bolivia', 'mengalah kepada Bolivia', 'tunduk pada tekanan AS'):
# en 6 sentences (2 negatives), id 9 (4 negatives: 'mengalahkan' and 'menundukkan' share the stems); main passed
# en 2, id 4; now en 6, id 8 ('Tim Inggris mengalah kepada Prancis' in a rugby final is still read as yielding)
# then (h41), a verb trigger's word as the subject of a passive light verb is the event noun ('Sanctions were imposed
# on Iran's oil sector by Canada'): 4 sentences per language (1 negative; main passed en 2, id 3; now en 4, id 3)
# then (h46), Indonesian trigger coverage against English: a noun trigger with meN-/di- is the verb of its act
# ('mengekstradisi ... ke AS', 'dideportasi oleh Arab Saudi', 'menganeksasi'; a passive's recipient 'ke'/'to' phrase of
# the entry's own target adpositions is its target: 'diekstradisi ke AS oleh Swiss'), and news verbs the Indonesian
# lexicon lacked (menerima + a visiting leader 04, melatih 06, memenggal 20, mengganjal/memblokir 12, memanggil kuasa
# usaha 11); English: progressives are active ('is investigating ... by Russia'), 'hack' 176, 'pleaded guilty' no
# appeal. loanword_verb en 10 (3 negatives), id 14 (4 negatives); concept_verbs en 8 (1), id 12 (3); main passed
# en 7 and 6, id 8 and 4; now en 10 and 7 ('summoned Jordan's charge d'affaires' still fails), id 14 and 12
# then (h46), what is accepted, refused or bought from another actor names it in a 'from'/'dari' phrase ('menerima
# tawaran mediasi dari Kenya' 038, 'accepted peacekeepers from Kenya' 0861, 'rejected humanitarian aid from the United
# States' 122, 'membeli dua kapal perang dari Korea Selatan' 062): from_party, 10 sentences per language (4 negatives);
# main passed en 5, id 6; now all
# then (h46), suspending, freezing or cancelling talks or a visit is 164 ('menangguhkan dialog dengan Korea Selatan',
# 'membatalkan kunjungannya ke China', 'froze peace talks with India' read the talks as held, 04): suspend_talks, 7
# sentences per language (2 negatives); main passed en 6, id 2; now all
# then (h47), the doer of an act named through its weapon or by an event noun's doer, and the place such a noun
# happened in ('Russian missiles struck Zaporizhzhia', 'the bombing by ISIS in Kerman', 'serangan Israel di Khan
# Younis'), with makers that are no doers ('Russian-built jets', 'jet tempur buatan Rusia'): en 13 sentences (6
# negatives), id 12 (6 negatives); main passed en 7, id 7; now en 13, id 12
# then (h47), an event noun with its doer after 'by'/'oleh' and its partner after 'with'/'dengan' ('Penangguhan
# perundingan dagang oleh Tokyo dengan Seoul'), with talks suspended no meeting ('menangguhkan dialog'; the rule is h46's
# suspend_talks, landed first): en 2 (1 near miss), id 3 (1 near miss); all pass
# then (h47), weapon_doer grows by passives with a weapon agent whose clause the parse mislabels ('Odesa was struck by
# Russian missiles', 'dihantam rudal Rusia', 'Kherson digempur artileri Rusia') and by agents of a modifier of the doer
# noun, doers only for syntax.json doer_participles ('Missiles fired by Russia' yes; 'Rebels backed by Iran', 'Milisi yang
# dilatih AS' no): en +4 (2 negatives), id +6 (3 negatives); main passed en 2, id 2 of them; now all
# then (h46), a target phrase the parse hangs on a non-head word of a trigger of several words is the trigger's
# ('berunjuk rasa di depan Kedutaan Besar Jepang di Jakarta': the embassy hangs on 'rasa', and the verb's own 'di
# Jakarta' was the target, the protesters' own state): protest_at_embassy, 5 sentences per language (1 negative);
# main passed en 3, id 3; now en 3 ('in front of' is no target preposition in English), id 4 ('Massa Turki' names no one)
# then (h45), a definite description opening a sentence ('The country also condemned ...', 'Negara itu ...', 'Pihaknya
# ...') for the previous sentence's subject of its kind: en 18 sentences (8 negatives), id 19 (8); main passed en 8, id 8
# then (hB), with 'antara' among the partner prepositions of 'perundingan', 'konsultasi', 'tatap muka', 'pemulihan
# hubungan' and a symmetric noun's two sides named after 'between'/'antara' its parties, not its host ('Turki menjadi tuan
# rumah perundingan antara Rusia dan Ukraina'): between_sides, en 7 (4 guards), id 9 (4 guards); main passed en 6, id 4
# then (hB), with a target coordinated across the first target's date ('berkunjung ke India 10-12 Mei dan Vietnam 13-14
# Mei', 'visited Cambodia on Monday and Laos on Wednesday'; kg/extract/syntax/dated.py): dated_conjuncts, en 6 (2 guards),
# id 7 (3 guards); main passed en 2, id 3; now all (the second target still takes the first one's date)
# then (hA), a nominal conjunct followed at once by a verb with no subject of its own is that clause's subject, not one
# more object ('Russia attacked Ukraine and Belarus condemned the attack', 'Israel menyerang Gaza dan Mesir mengecam ...'),
# and "X and Y" parsed as such a clause's subject after a verb with no object is that verb's object and the clause's
# subject: coordinated_clauses, 11 per language (5 guards); main passed en 5, id 5; now all
# then (hB), with recognition of a state named as the direct object ('mengakui Beijing', 'recognised Palestine';
# triggers.jsonl requires_object, kg/extract/syntax/object_act.py) and 'recognise' needing its object or its words in
# English ('recognised that China was stronger' was 054): recognised_state, en 6 (2 guards), id 7 (4 guards); main
# passed en 4, id 4; now all
# then (hA), a negation inside an act governed by a verb of hoping, wishing or expecting (lang.json wish_words: 'The US
# hopes Iran will not attack Israel', 'AS berharap Iran tidak akan menyerang Israel') makes it hypothetical, not negated:
# hoped_act +6 en (2 guards), +7 id (2 guards); main passed en 7 of 11, id 6 of 11; now all
# then (hE), a day between the subject and its verb that the parse hangs on the subject or on an oblique ('Germany on
# Friday summoned ...', '... dalam pernyataannya, Kamis (7/3/2024), mengecam ...') dates the verb (kg/extract/syntax/when.py):
# time_between_subject_and_verb, en 6 (2 guards), id 5 (2 guards); main passed en 2, id 4; now all
# then (hB), with the other party of a threatened or refused act found on a word of its object's compound ('mengancam
# membatasi impor buah naga [dari Thailand]', the phrase hung on 'naga'): act_party_in_compound, 5 per language (2 guards);
# main passed en 4, id 4; now en 4 ('refused to lift the ban on seafood imports from China' still gives nothing), id 5
# then (hE), a date inside a subordinate clause the act is not part of, with a subject of its own or opened by a
# clause_breaks word ('criticised China and noted that Washington had been bound ... since 1951', '... setelah gempa
# mengguncang ibu kota pada Selasa'), does not date the act (kg/extract/syntax/when.py): time_in_other_clause, 6 per language
# (2 guards); main passed en 2, id 2; now all
# then (hE), the same with a time closing a clause opened by such a word that the parse hangs on the act or leaves without
# a subject ('sent aid ... after a powerful earthquake hit the capital on Tuesday'): time_in_other_clause +2 per language
# (1 guard each); main passed en 1, id 1 of them; now all
# then (hB), with a verb's target phrase found on a word of its object's compound ('menarik pasukan penjaga perdamaiannya
# [dari Lebanon selatan]', the phrase hung on 'penjaga'; a place named as the target): place_in_object_compound, en 4 (2
# guards), id 6 (2 guards); main passed en 4, id 3; now all
# then (hA), what the act of a temporal phrase after the verb is done to ("halted talks after the attack on Israel",
# "setelah serangan terhadap Israel"; syntax.json adpositions 'time') is no target the window may give the verb, and a
# doer before such a phrase no doer of the act it names: time_adjunct, en 9 (4 guards), id 10 (4 guards); main passed
# en 4, id 4; now all
# then (hB), with 'dari' the target preposition of 'berjanji menarik pasukan' (0356) as of 'menarik pasukan':
# promised_withdrawal, 5 per language (2 guards); main passed en 4, id 2; now en 4 ('promised to withdraw troops from
# northern Gaza' still gives nothing in English), id 5
# then (hE), a day in a relative clause on a noun inside the phrase of an event word the act governs ('condemned the
# Israeli strike in Rafah that killed 20 civilians on Sunday', 'mengutuk serangan Israel di Rafah yang menewaskan ... pada
# Minggu'), the parse hanging the clause or its noun on the act, is that event's, not the act's
# (kg/extract/syntax/when.py): relative_clause_on_event_object, 5 per language (2 guards); main passed en 2, id 2; now all
# then (hE), with a clause the English parser labels 'dep' ('... that killed 30 people on Monday'): +2 en, +1 id, all passing on
# main (parse variants kept as regression lines)
# then (hB), with the topic of an appeal or demand written inside a trigger of several words ('menuntut pergantian rezim
# [di Kuba]', as 'demanded regime change in Cuba'): topic_in_trigger, en 5 (2 guards), id 6 (3 guards); main passed en 5,
# id 3; now all
# then (hA), a name inside the object of a verb is no doer of the subjectless verb joined to it ('The rebels attacked
# British ships and warned Washington', 'Para pemberontak menyerang kapal Inggris dan memperingatkan Washington'):
# coordinated_clauses +4 en (2 guards), +3 id (2 guards); main passed en 13 of 15, id 13 of 14; now all
# then (hE), a weekday written beside a relative week ('on Monday last week', 'last week on Tuesday', 'pada Rabu pekan
# lalu') is that day of that week, weeks starting on Monday (kg/nlp/timex.py): weekday_of_week, 4 per language (1 guard);
# main passed en 1, id 1; now all
# then (hA), 'want', 'expect', 'wish' + an object + an infinitive are object control (syntax.json object_control: 'The
# EU wants Russia to withdraw ...': Russia's act, not the EU's), and 'menginginkan' hypothetical: wanted_doer, en 7 (3
# guards), id 6 (3 guards); main passed en 3, id 3; now all
# then (hB), with a people's or creed's capitalised name before a group's name no given name (lang.json group_modifiers:
# 'milisi Kurdi SDF', 'the Shia Hezbollah movement' lost the group): group_modifier_name, 6 per language (2 guards); main
# passed en 3, id 2; now all
# then (hE), a weekday name that is also a unit word, in lower case ('selama dua minggu', 'berminggu-minggu', 'tiga
# minggu terakhir'), is the unit, not a Sunday (kg/nlp/timex.py, from time.json units): week_noun_not_sunday, id 5 (2
# guards), en 3 guards (English has no such homonym); main passed en 3, id 2; now all
# then (hB), with 'tepung' (flour) among the aid goods of 'beri', 'kirim', 'salur' (073) as 'flour' is in English ('gandum'
# left out: wheat to another state is mostly trade): aid_goods, en 4 (2 guards), id 5 (3 guards); main passed en 4, id 3
# then (hA), a relative clause the parser hangs on the main verb ("China mengkritik Jepang yang dibela AS") is about the
# noun right before its pronoun, not the main subject: relative_clause +4 en (3 guards), +7 id (1 guard); main passed
# en 10 of 13, id 8 of 16; now en 11, id 14
# then (hA), a window doer across a relative pronoun whose antecedent is another actor is no doer of the act in the
# relative clause ('Germany welcomed Norway, which hosted talks with Iran'): relative_clause +3 en (1 guard), +1 id
# (a guard; Indonesian was read right already)
# then (hE), a day written as the possessor of an event noun after the verb ('condemned Tuesday's Houthi attack',
# lang.json possessives) is that event's day, not the verb's (kg/extract/dates.py): day_possessor_of_event, en 3 (1 guard),
# id 2 guards (no possessive 's); main passed en 1, id 2; now all
# then (lead), a state's own agents written with the place they are in ('Police in Dhaka', 'Otoritas di Teheran',
# lang.json placed_agents) are that state's, and a state named itself is a place for them and for protesters ('in
# Myanmar'): placed_agents, en 8 (2 guards), id 7 (2 guards); main passed en 2 guards, id 2 guards; now all
# then (lead), a title with 'of' inside ('Secretary of State', 'Minister of Foreign Affairs', sectors.jsonl) is one
# role noun, so the 'of' is the title's and not a preposition governing the name after it: title_with_of, en 5, id 4
# (Indonesian titles have no 'of'; written as the same events); main passed en 1, id 4; now all
# then (hG), persuading or convincing someone to act is an appeal (02) as 'urge X to' is, only with the clause it asks
# for (triggers.jsonl requires_clause: 'convinced that ...' is none): persuade_appeal, en 12 (5 guards), id 11 (5 guards);
# main passed en 5, id 5; now all
# then (hF), an actor inside a temporal or causal phrase ('following', 'in the wake of', 'in response to', 'di tengah',
# 'sebagai tanggapan atas') is no target of a main act that is no response to the phrase's act ('Egypt closed the border
# following the Israeli strike on Gaza', 'Jordan sent aid after Israel's attack'): time_adjunct +9 en (4 guards), +8 id
# (4 guards); main passed en 13 of 18, id 14 of 18; now all
# then (lead), an abbreviated rank ('Maj.', 'Lt.', 'Col.', 'Capt.', 'Brig.'; lang.json titles) stays one token, so its
# full stop no longer ends a sentence inside 'Maj. Gen. Pat Ryder': abbreviated_title, en 4, id 4 (Indonesian ranks
# are written without a full stop; the same events as a check); main passed en 0, id 4; now all
# then (hG), an act done 'by V-ing' whose gerund is an event noun's word ('retaliated by bombing Gaza', 'continued
# shelling Kharkiv') is the subject's act on the gerund's object, and an Indonesian verb written with its verbal prefix
# ('membalas dengan mengebom Gaza') is a verb though tagged a noun: by_gerund_act, en 10 (4 guards), id 8 (4 guards);
# main passed en 4, id 4; now all
# then (hH), a future marker that is also a preposition (Indonesian 'akan') is the auxiliary of the verb after it, and the actor
# after that verb its object ('Turki bersumpah akan membalas Suriah'): future_auxiliary, en 5 (1 guard), id 7 (3 guards);
# main passed en 5 (English has no such word), id 3 guards; now all
# then (hH), Indonesian plan and vow words are future markers as English 'plan', 'planned', 'vowed' are ('merencanakan',
# 'direncanakan', 'rencananya', 'bersumpah', lang.json future): planned_act, en 8 (2 guards), id 8 (2 guards); main passed
# en 8, id 2 guards; now all
# then (hH), an act a threat names after a future marker ('bersumpah akan terus menyerang', syntax/use.py _after_threat) is the
# threat's, as 'vowed it would attack' is, whatever the parse made of the vow: threatened_act, en 4 (1 guard), id 6 (2
# guards); main passed en 4, id 3; now all
# then (hH), a name between a comma and a speech verb at the end ('..., a US official said') is the attribution's speaker,
# no party of the act before it (sentence.py trailing_speaker; the window's list and the parse's object): trailing_attribution,
# en 5 (3 guards), id 4 (all guards: Indonesian was read right); main passed en 3, id 4; now all
# then (lead), a possessive ('its', '-nya') on an event noun that gives a verb's reason ('for', 'over', 'atas', 'karena';
# lang.json reason_preps) is the one the verb acts on: 'condemned Russia for its attacks on Ukraine' -> RUS->UKR, and
# 'mengecam Rusia atas serangannya' no longer gives the condemner as the attacker (the parser tags the fused
# 'serangannya' ADV): reason_possessor, en 5 (2 guards), id 4 (1 guard); main passed en 2, id 1; now all
# then (hF), a name inside a relative clause set off by commas is no doer of a verb after the clause's closing comma
# ('Iran accused Israel, which the US calls an ally, of attacking Syria'); a sentence opening with the clause's
# antecedent has it as the doer ('The US, which Israel trusts, sanctioned Iran'): relative_clause +8 en (3 guards),
# +6 id (3 guards); main passed en 17 of 24, id 18 of 23; now en 21, id 21
# then (lead), the state an envoy is posted to ('duta besar Swedia untuk Indonesia', 'the Japanese ambassador to China';
# lang.json role_destination_preps) is part of the envoy's mention, no party of the verb: posted_envoy, en 4, id 5
# (1 guard); main passed en 4, id 3; now all
# then (hG), the host of talks or a meeting 'between X and Y' is no party ('Turkey hosted talks between Russia and
# Ukraine', lang.json venue_verbs; 'Mesir menggelar perundingan antara Israel dan Hamas', a light verb's subject; 'held
# talks between'): the two sides are: hosted_talks, en 10 (5 guards), id 8 (3 guards); main passed en 5, id 6; now all
# then (hF), the one a verb of feeling or effect names after an act ('Iran's support for Hezbollah worries Israel', 'membuat
# khawatir'; syntax.json effect_verbs) feels the act and is no target of it: effect_verb_object, en 6 (3 guards), id 5
# guards (Indonesian was read right already); main passed en 3, id 5; now en 5, id 5
# then (lead), a speaker calling another's act illegal, unacceptable, a violation or a war crime criticises it (111;
# triggers.jsonl 'be' / 'adalah' / 'merupakan' + evaluation words, 'tidak dapat diterima', speaker_source), and a speech
# verb may stand up to 7 words before the clause ('said on Friday that the new US sanctions ...'): evaluative_speech,
# en 7 (3 guards), id 6 (2 guards); main passed the 5 guards; now all
# then (hF), an act in spite of which another is done ('despite', 'meskipun', 'terlepas dari'; syntax.json adpositions
# 'concessive') is answered only by a verbal or diplomatic reaction, never by yielding or force ('Egypt opened the
# crossing despite the Israeli bombing of Rafah', 'Israel launched airstrikes despite Egypt's warnings'): time_adjunct
# +4 en (1 guard), +3 id (1 guard); main passed en 19 of 22, id 19 of 21; now all
# then (lead), criticism a subject draws, sparks, faces or receives 'from' another ('menuai/memicu/mendapat kecaman
# dari') is that other's criticism of the subject (triggers.jsonl reverse entries with required words): drew_criticism,
# en 6 (2 guards), id 5 (1 guard); main passed en 2, id 1; now all
# then (lead), the head of a list of subjects that the parser lost ('Mali, Burkina Faso dan Niger', 'Mali' read as an
# adverb) is kept from the window's reading when only a comma joins it to the parse's subjects (coordination.py
# listed_before): listed_subjects, en 2 (1 guard), id 3 (1 guard; 1 still fails: the parse hangs 'Niger' on 'Faso');
# main passed en 2, id 1; now en 2, id 2; then a conjunct the parse hangs on a later word of a name ('Niger' on 'Faso'
# of 'Burkina Faso') is the name's conjunct (roles.py actors_in): id 3 of 3
# then (lead), the state or body named beside a person's role is the person's over the lexicon's code for that name
# (a namesake, or a post left): named_affiliation, en 4 (2 guards), id 3 (1 guard); main passed the 3 guards; now all
# main passed en 2, id 1; now en 2, id 2
# then (hF), the doer of a relative clause on a common noun, the pronoun not its subject, is no target of the verb
# before the noun ('Israel attacked a group that Iran funds', 'Turki mengkritik pemberontak yang dipersenjatai AS'), and
# a name before the noun no party of the clause's act ('AS mengecam milisi yang didukung Iran'): relative_clause +4 en
# (2 guards), +5 id (2 guards); main passed en 23 of 28, id 23 of 28; now en 25, id 26
# then (lead), 'discuss X with Y' / 'membahas X dengan Y' is a consultation with Y, and its direct object is the topic,
# never a party (triggers.jsonl topic_object): discussed_topic, en 4 (1 guard), id 4 (1 guard); main passed en 1, id 2
# (and gave USA->UKR for 'Blinken membahas Ukraina'); now all
# then (lead), an actor right after an attribution word ('menurut', 'according to'; lang.json speech_verbs) is the
# report's source and joins no list with the subject after its comma: attributed_source, en 2 (1 guard), id 3;
# main passed en 2, id 1; now all
# then (hF), a verb right after the closing comma of a relative clause on an actor continues that actor, not a doer
# named before it ('Iran menuduh Israel, yang dipasok senjata oleh AS, membom Lebanon'): relative_clause +1 en guard,
# +3 id (2 guards); main passed en 26 of 29, id 28 of 31; now en 26, id 29
# then (lead), Indonesian news names states by epithets ('Negeri Para Mullah', 'Negeri Singa', 'Negeri Kincir Angin',
# 'Negeri Kiwi', 'Negeri Zionis'; data/actors/states.jsonl id names): state_epithet, id 4, en 1 (the state's own name);
# main passed id 0, en 1; now all
# then (hF), the act an accusation alleges stays alleged when the parser hangs its 'of' clause on a relative clause on the
# accused ('Iran accused Israel, which relies on the US, of bombing Lebanon'): accusation +4 en (2 guards), +2 id guards;
# main passed en 32 of 34, id 27 of 29; now en 33, id 27
# then (lead), a verb trigger with its own subject in the parse is a verb though tagged NOUN ('"We condemn Israel,"
# Egypt's foreign ministry said'; reading.py read_as_verb): quoted_speaker, en 3, id 2; main passed en 0, id 1; now en 2,
# id 1 (left: 'condemn this aggression by Israel', 'Kami mengecam keras Filipina')
# then (lead), a list head must open its clause: 'Usai bertemu Presiden Prancis, Kanselir Jerman mengkritik Rusia' gave FRA
# as a second critic through listed_before: listed_subjects +1 en, +1 id (guards); now en 3, id 4
# then (hF), a relative clause on an event noun names that event's doer, the one a criticism of it targets ('Turkey
# condemned the attack which the PKK carried out', 'Turki mengecam serangan yang dilakukan PKK'; the object-relative
# veto had taken it), and a 'that' the tagger calls a complementizer opens a relative clause when its verb lacks an
# object ('The US condemned the militia that Iran funds'): relative_clause +3 en (2 guards), +1 id; main passed en 27 of
# 32, id 29 of 32; now en 29, id 30
# then (lead), a subjectless meeting clause before the main clause ('After meeting Emmanuel Macron in Paris, Olaf Scholz
# ...') shares the main clause's subject (extractor CONTROLLED: advcl-share-subj), and two names in apposition are a
# list only with an 'and'/'dan' (roles.py actors_in; else the name right before the verb is its subject):
# fronted_participle_meeting, en 3 (1 guard), id 3 (1 guard): main passed the 2 guards; now en 3, id 2 (left: 'Sebelum
# bertemu Joe Biden ...', parsed with 'bertemu' as the root)
# then (lead), Indonesian 'mengenakan/dikenai/dikenakan sanksi' imposes sanctions as 'menjatuhkan/dijatuhi' does
# (triggers.jsonl 'kena' + sanksi/embargo/tarif): sanctions_light_verb, id 4 (1 guard), en 2 (the English passive
# 'was hit with sanctions by' still fails); main passed id 1, en 1; now id 4, en 1
# then (lead), reciprocal accusations and expulsions are one symmetric event ('accused each other', 'traded accusations',
# 'expelled each other's diplomats'; 'saling menuduh/tuding/kecam/usir'): reciprocal +3 en, +3 id; main passed none of
# them; now all
# then (lead), 'traded/exchanged strikes/fire/threats' and 'saling ancam' are one symmetric event: reciprocal +3 en, +2 id
# then (lead), a two-word name that matches a listed person only through spelling variants ('Mohammed Hassan' for
# Mohamad Hasan, MYS; 'Ahmed Ali' for PETRARCH's Ahmadu Ali, CMR) is that person only when the document names the
# person's state (kg/nlp/names.py _spelled_as_listed): namesake_spelling, en 5 (2 guards), id 5 (2 guards); main passed
# the 4 guards and gave MYS/CMR sources for the other 6; now all
# then (lead), an act with no date of its own takes the one day stated in a trailing attribution ('..., according to a
# statement by the army on Monday', '..., menurut pernyataan militer pada Senin (3/6/2024)'; kg/extract/dates.py
# _attribution_date): report_date, en 5 (2 guards), id 5 (2 guards); main passed en 3, id 5 (Indonesian took the date
# that closes the sentence already); now all. And the window fallback never takes the speaker of 'according to' /
# 'menurut' as a target ('attacked a ship, according to British officials' gave GBR; arguments.py after):
# according_to_speaker, en 6 (4 with a target kept), id 6; main passed en 5 (ISR->TUR for 'struck a convoy near
# Damascus, according to Turkish state media'), id 6; now all
# then (hR16), recalling one's envoy to/from a state is 161 against that state ('recalled its ambassador to Israel',
# 'memanggil pulang duta besarnya untuk Israel': 'to'/'untuk' among recall's target_preps), a required word after a
# content mark belongs to the reported clause ('recalled that its ambassador to Russia ...'; triggers.py), and ending,
# scrapping or suspending an agreement with a partner is 160 against it ('terminated its defence pact with France',
# 'membatalkan perjanjian ... dengan'): recalled_envoy en 8 (2 guards), id 8 (3 guards); ended_agreement en 8
# (2 guards), id 7 (2 guards); main passed recalled_envoy en 3, id 4, ended_agreement en 2, id 2 (and gave 03 for
# 'membatalkan kesepakatan/perjanjian ... dengan'); now all
# then (hGL), a list of actors set off by commas after a group noun is the group ('Three countries led by military
# juntas, Mali, Burkina Faso and Niger, announced ...', 'Empat pemerintah Barat, Amerika Serikat, Inggris, Kanada dan
# Australia, menjatuhkan sanksi ...'), read off the words (kg/extract/apposed.py; syntax.json group_heads) for the
# parse's subject, object and oblique (roles.py) and for the window rules' closing comma (arguments.py):
# apposed_group_list, en 9 (2 guards), id 9 (2 guards); main passed en 8, id 5; now all
# then (hIDR), a name after a person noun by 'from'/'dari' or a comma is who that noun names ('met officials from China',
# 'bertemu dengan mitranya dari Tiongkok', 'met his counterpart, Wang Yi'; arguments.py _named_member, syntax.json
# member_nouns + official/delegation/representative/counterpart, pejabat/delegasi/perwakilan/mitra; after a comma only
# when the name closes with punctuation): member_from_state, en 8, id 8 (3 guards each); main passed the guards only;
# now en 8, id 7 (left: 'Menteri Perdagangan Indonesia', no actor); 'Chile received a delegation from Peru'
# (received_from) now expects the hosted visit (04)
# then (hIDR), halting a transfer or trade to a state reduces relations (triggers.jsonl henti/tangguh/tunda/beku/potong/
# putus + pasokan/pengiriman/ekspor/penjualan/impor/perdagangan, 162/163; English halt/suspend/... + supplies/exports/
# sales/imports/trade), and the bare noun 'bom' is no bombing verb: halted_supply, en 8, id 8 (2 guards each); main
# passed en 4, id 2 (guards); now all
# then (lead), a three-name subject list the English parser hangs as nmod:unmarked ('Estonia, Latvia and Lithuania
# signed ...' gave EST alone) is a list like an apposed one with its 'and' (roles.py LIST_DEPS): listed_subjects +6 en
# (1 guard), +6 id (1 guard); main passed en 5 of 6, id 6; now all
# then (hENV), an envoy recalled by its own side with its posting in its own name is 161 against the posting ('Peru
# recalled the Peruvian ambassador to Mexico', 'Argentina's ambassador to Venezuela was recalled', 'Duta Besar Argentina
# untuk Venezuela dipanggil pulang/ditarik'): the mention keeps the posting it takes in (actors.py _posting, kg
# 'posted'), and a trigger marked posting_target (recall/withdraw, panggil pulang/tarik + envoy) takes it as target,
# with the envoy's state as doer when none is written (kg/extract/posting.py); new id entry 'tarik' + envoy (passive
# 'ditarik'): recalled_envoy +9 en, +9 id (3 guards each: a posted envoy meeting, a summons, no posting); main passed
# the guards only; now all
# then (hPREC), an event noun a possessive marks ('its support', 'dukungannya') in the clause an appeal or demand
# controls is the one asked's, never the asker's, and asserted of nobody; a passive appeal's clause is its passive
# subject's ('Israel was urged by Egypt to halt ...', 'didesak ... agar'); a demand's clause with no addressee names
# no one asked ('mendesak agar dukungannya terhadap Rusia dihentikan', 'demanded that ...') (asked.py, roles.py):
# asked_possessed, en 9 (2 guards), id 8 (2 guards); main passed en 5, id 4; and a relative clause whose subject is a
# group noun naming no actor ('negara-negara Barat yang memasok ...', 'countries that ...'; syntax.json group_heads,
# member_nouns) has that noun as its doer: no event borrows the main verb's subject, and the main verb takes no party
# from inside it (relative.py): group_relative, en 7 (1 guard), id 9 (3 guards); main passed en 4, id 5; now all
# then (hUDEN), the object of a verb sharing an earlier verb's subject ('criticised Sweden and urged it to', 'accusing
# it of', 'accused the country of', 'warned the group', 'mendesaknya', 'menuduh negara itu') is the one other party of
# its kind named before in the sentence (kg/extract/coref_object.py; lang.json object_pronouns, object_suffixes):
# object_anaphor, en 8 (2 guards), id 8 (2 guards); main passed the guards only; now all. A reported clause's subject that is the speaker's own side ('said his country/his
# forces would', 'pasukannya', and 'the group'/'kelompok itu' of an armed group's speaker only) is the speaker
# (kg/extract/syntax/selfref.py; syntax.json self_nouns, self_group_nouns, self_determiners): speaker_own_side, en 7
# (2 guards), id 7 (2 guards); main passed en 2, id 3 (guards, 'negaranya'); now all. Ending or halting another's act
# ('urged Israel to end Iran's attacks on Syria', 'menghentikan serangan Iran') is no de-escalation (087) by the one
# asked (kg/extract/syntax/halted_owner.py): halted_others_act, en 7 (2 guards), id 7 (2 guards); main passed the
# guards only; now all. Pressing someone to act is an appeal, active or passive ('pressed/pressured X to', 'was
# pressed by Y to', 'menekan X untuk/agar', 'ditekan Y agar'; triggers.jsonl press/pressure, menekan/ditekan with
# requires_clause as persuade; 'pressured', 'menekan', 'ditekan' hypothetical words): pressed_appeal, en 7 (2 guards),
# id 7 (2 guards); main passed the guards only; now en 6 ('to normalise ties' parsed as an adjective), id 5 (the
# asked acts 'mengizinkan bantuan masuk', 'membuka perlintasan' are no triggers); control_verb en +1 ('Egypt pressed
# Hamas to stop firing rockets')
# then (hUDID), an event noun with its doer but no target that is the object or oblique of a verb of dying, suffering
# or surviving was done to that verb's subject ('Three Syrian soldiers were killed in an Israeli air strike', 'Warga
# desa Ukraina selamat dari pendudukan Rusia'; syntax.json victim_verbs, act_context.py victim_target; 'brutal',
# 'mematikan' skippable before an Indonesian possessor): victim_of_nominal_act, en 7, id 7 (2 guards each); main passed
# the guards only; now en 6 (the parser makes 'drone strike' a verb), id 7; the dated_event_noun guard 'Two Iranian
# generals died in Monday's Israeli strike in Damascus' now expects ISR->IRN (still no Damascus target). And the partner
# ('with', 'dengan') of a verb of joining forces does the subjectless clause it governs too ('France cooperated with
# Germany to impose sanctions on Iran', 'Jepang berkolaborasi dengan Bank Dunia membantu ...'; syntax.json joint_verbs,
# syntax/joint.py): joint_partner_act, en 7, id 7 (2 guards each); main passed en 1, id 2; now en 4 (the English parser
# misreads 'send humanitarian aid', 'to condemn'), id 6. A name after a time word right before a bare advcl is that
# clause's subject, where the English parser hangs 'after China' as an oblique ('Japan stayed calm after China
# attacked Vietnam' gave JPN->VNM; clauses.py time_word_subject): time_word_clause_subject, en 6, id 6 (1 guard each);
# main passed en 5, id 6; now all. udreal id tune tp 12->15, P 0.857->0.882
# then (hGAPS), news styles and stops: a title-case headline's trigger words go to the parser in lower case and an
# Indonesian one's bare verb with meN- ("China Peringatkan Taiwan", "Malaysia Tolak ...": syntax.json
# headline_small_words, headline_verb_prefixes; names.py headline_words, triggers.py _headline_stems):
# title_case_headline, en 7 (1 guard), id 7 (1 guard); main passed en 7, id 3; a date line whose place is in title
# case ("Doha - ...", "Jakarta, CNN Indonesia -- ...": timex.py _titled_dateline) is no party: titled_dateline, en 6,
# id 6 (1 guard each); main passed 4 and 4; support, cooperation or aid stopped by its own doer is a reduction (160,
# 162; act_context.py STOPPED, as 087 for an attack): halted_support, en 7, id 7 (2 guards each); main passed 4 and
# 5; a protest whose parsed target is only the protester's own place takes the object set aside for it ("memprotes
# klaim Jepang atas Dokdo": places.py own_place_object): claim_on_own_place, en 6, id 6 (1 guard each); main passed 5
# and 3, en still misses "protested a visit by Japanese officials to Dokdo"; and pledged_aid_intent, en 6, id 6
# (1 guard each), already passing on main (033 for a pledge of aid, future 16 for sanctions to come); a headline's
# capitalised word right after a name is read in its active form when the lemma table knows it ("Hizbullah Balas"),
# and the actor after "place," joins the target only when it is that place's state ("Hanoi, Vietnam"), not the next
# clause's subject ("Lebanon Selatan, Hizbullah membalas": places.py with_located_state): place_then_group_clause,
# en 4, id 4 (1 guard each); main passed en 1, id 2
# then (hFUT), a strike-back said of the future in what its doer's speaker says is that speaker's threat (138, asserted:
# 'Iran said it would retaliate against Israel', '"Kami akan membalas Israel," kata Iran'; triggers.jsonl future_threat,
# extract/threat.py); an asserted retaliation, another's prediction and 'membalas surat' give nothing: future_retaliation,
# en 7, id 7 (2 guards each); main passed the guards only; now all. And a day phrase on the verb of saying dates the
# saying (the past weekday), not the act said to come, which takes the saying's date as the intent does ('Indonesia said
# on Monday it would send aid to Gaza': 07 future and 033 on the past Monday; dates.py dates_saying, said_on):
# saying_day, en 6, id 5 (1 guard each); main passed en 2, id 1; now all. measure_all unchanged but constructions id F1
# then (hROOT), dyads found with the wrong CAMEO root: agreeing to a ceasefire or to talks is that act (0871, 036), in
# Indonesian too ('menyepakati gencatan senjata', 'sepakat untuk berunding' gave 030; triggers.jsonl sepakat + requires):
# agreed_act, en 7, id 7 (2 guards each); main passed en 7, id 3; now all. A non-state group's bombing is a non-military
# bombing (183), a state's an air strike (195) ('ISIS bombed a mosque', 'pengeboman oleh ISIS' gave 195; triggers.jsonl
# armed_group_code, extractor.py): armed_group_bombing, en 7, id 7 (2 guards each); main passed en 3, id 2; now all.
# Taking hostages named by a light verb with the captives between it and the noun ('took 30 Israelis hostage',
# 'menjadikan X (sebagai) sandera', 'menahan X sebagai sandera': hostage_patient looks 6 words on): hostage_light_verb,
# en 7, id 7 (2 guards each); main passed the guards only; now all. events_id P 0.942->0.948, R 0.846->0.852
# then (hIDR), Indonesian recall on real text. A target coordinated with its adposition repeated, across a year or a
# relative period ('from Mali in 2022 and from Niger last year', 'pada 2019 dan terhadap Venezuela': dated.py now reads
# a year and time.json's units and relative-period words as a date) or hung by the parser on the object or the event
# noun ('pasukan ke Latvia dan ke Polandia': additive.py marked_apart): repeated_adposition_conjunct, en 9, id 9 (2
# guards each); main passed en 3, id 2; now 8 and 8 (the 'aid ... last month and to Syria this month' parses miss).
# A second doer after an echo of the act ('and so did France', 'as did', 'begitu pula Prancis'; lang.json
# echo_doer_markers, extract/echo_doer.py), never the act's target: echoed_doer, en 6, id 6 (2 guards each); main
# passed the guards only; now all. An additive adposition stacked on a target adposition ('Selain ke Jepang, ...
# juga berkunjung ke Korea Selatan'; syntax.json adpositions.additive, syntax/additive.py), English 'as well as to X':
# additive_stacked_adposition, en 6, id 6 (1 guard each); main passed en 5, id 1; now en 5, id 6. udreal id tune
# P 0.882->0.944, R 0.429->0.486 (tp 15->17, fp 2->1); dev2 id root R 0.91->0.93, P unchanged; the rest unchanged
# then (hQUOTE), a direct quote before its speaker ('"We will send aid to Gaza," Egypt's foreign minister said on Monday.',
# '"...," said the Malaysian foreign ministry', '"...," ujar Kementerian ...'): the quote and the clause of saying are
# parsed apart and joined as the reported form (syntax/quoted.py; syntax.json quote_pairs), so 'we', 'our troops',
# 'kami', 'pasukan kami' (id possessive_pronouns + kami) are the speaker's side and the day on the verb of saying dates
# what is quoted (dates.py); Indonesian 'mengirim bantuan' reads 'mengirim' as a light verb: quote_first_speech, en 9,
# id 8 (2 guards each); main passed en 6, id 5; now all. A pronoun joined to a named actor with an office word the
# name's span leaves out ('He and President Ferdinand Marcos Jr. signed ...', 'Ia dan Presiden ...'; the named form
# 'Prabowo and President Marcos ...' too: sentence.py _before_office in _group_left/_pronoun_conjunct), and 'Jr.' no
# longer ends an Indonesian sentence (lang.json name_suffixes kept as abbreviations): pronoun_conjunct_subject, en 8,
# id 8 (2 guards each); main passed en 3, id 3; now all. heldapart id root P 0.79->0.80, quad R 0.40->0.41; dev2 en
# root R 0.75->0.77; nothing fell
FLOORS = {"en": {"pass_rate": 0.84, "precision": 0.94}, "id": {"pass_rate": 0.78, "precision": 0.92}}
# sentences passing per construction at that measurement; a construction may lose at most one of them
PASSED = {
    "en": {"accusation": 33, "apposition": 5, "condemnation": 10, "conjunction": 9, "control_verb": 25, "dateline": 14, "group_noun": 6, "long_multi": 5,
           "name_trigger": 6, "negation_modality": 14, "negative": 14, "nominal_possessor": 14, "object": 23, "oblique": 9,
           "passive_agent": 7, "passive_no_agent": 7, "previous_sentence": 7, "relative_clause": 29, "reported_speech": 9,
           "svo": 17, "withdrawal_refusal": 41, "surname_alias": 14, "place_of_act": 22,
           "cooperation": 14, "cession": 14, "end_attacks": 8, "lift_sanctions": 12, "funding_aid": 8,
           "capacity_adjunct": 5, "topic_target": 13,
           "received_from": 13, "asked_from": 6, "passive_light_verb": 4,
           "gapped_names": 6, "nationals_as_targets": 6, "group_members": 6, "rejected_proposal": 6, "named_halves": 6, "asked_of": 12, "yield_to": 6,
           "loanword_verb": 10, "concept_verbs": 7, "from_party": 10, "suspend_talks": 7,
           "weapon_doer": 13, "agent_phrase_noun": 2, "protest_at_embassy": 3,
           "definite_description": 18, "subject_aside": 4, "hoped_act": 11, "flight_not_visit": 4, "asked_own": 5, "negated_promise": 5, "progressive_active": 4, "halted_act": 4, "coordinated_pair": 8, "fronted_clause_actor": 5,
           "agent_noun": 4, "reciprocal": 9, "group_leader": 7, "title_ruler": 4, "deployed_forces": 6, "between_sides": 6, "forces_withdrawal": 10, "dated_conjuncts": 6,
           "coordinated_clauses": 15, "dated_event_noun": 5, "recognised_state": 6,
           "time_between_subject_and_verb": 6, "act_party_in_compound": 4, "claimed_act": 7, "exchange_fire": 5,
           "time_in_other_clause": 8, "place_in_object_compound": 4,
           "time_adjunct": 22, "promised_withdrawal": 4, "gift_recipient": 4,
           "relative_clause_on_event_object": 7, "topic_in_trigger": 5, "member_doer_place": 5,
           "weekday_of_week": 4,
           "wanted_doer": 7,
           "week_noun_not_sunday": 3, "group_modifier_name": 6, "ceasefire_between": 6, "aid_goods": 4, "downed_aircraft": 4,
           "day_possessor_of_event": 3, "vow_threat": 7, "placed_agents": 8, "title_with_of": 5, "persuade_appeal": 12, "abbreviated_title": 4, "by_gerund_act": 10, "future_auxiliary": 5, "reason_possessor": 5, "posted_envoy": 4, "effect_verb_object": 5, "planned_act": 8, "evaluative_speech": 7, "hosted_talks": 10, "drew_criticism": 6, "threatened_act": 4, "listed_subjects": 9, "named_affiliation": 4, "discussed_topic": 4, "attributed_source": 2, "trailing_attribution": 5, "state_epithet": 1, "quoted_speaker": 2, "fronted_participle_meeting": 3, "sanctions_light_verb": 1, "namesake_spelling": 5, "report_date": 5, "according_to_speaker": 6,
           "recalled_envoy": 17, "ended_agreement": 8, "apposed_group_list": 9, "member_from_state": 8, "halted_supply": 8, "asked_possessed": 9, "group_relative": 7,
           "object_anaphor": 8, "speaker_own_side": 7, "halted_others_act": 7, "pressed_appeal": 6,
           "victim_of_nominal_act": 6, "joint_partner_act": 4, "time_word_clause_subject": 6,
           "title_case_headline": 7, "titled_dateline": 6, "halted_support": 7, "claim_on_own_place": 5, "pledged_aid_intent": 6,
           "place_then_group_clause": 4,
           "future_retaliation": 7, "saying_day": 6,
           "agreed_act": 7, "armed_group_bombing": 7, "hostage_light_verb": 7,
           "repeated_adposition_conjunct": 8, "echoed_doer": 6, "additive_stacked_adposition": 5,
           "quote_first_speech": 9, "pronoun_conjunct_subject": 8},
    "id": {"accusation": 27, "apposition": 6, "condemnation": 11, "conjunction": 7, "control_verb": 27, "dateline": 13, "group_noun": 7, "long_multi": 5,
           "name_trigger": 6, "negation_modality": 16, "negative": 13, "nominal_possessor": 11, "object": 21, "oblique": 6,
           "passive_agent": 8, "passive_no_agent": 7, "previous_sentence": 8, "relative_clause": 30, "reported_speech": 9,
           "svo": 17, "withdrawal_refusal": 41, "surname_alias": 14, "place_of_act": 22,
           "cooperation": 12, "cession": 14, "end_attacks": 8, "lift_sanctions": 12, "funding_aid": 8,
           "capacity_adjunct": 6, "topic_target": 13,
           "received_from": 13, "asked_from": 6, "passive_light_verb": 3,
           "gapped_names": 6, "nationals_as_targets": 7, "group_members": 4, "rejected_proposal": 4, "named_halves": 6, "asked_of": 13, "yield_to": 8,
           "loanword_verb": 14, "concept_verbs": 12, "from_party": 10, "suspend_talks": 7,
           "weapon_doer": 12, "agent_phrase_noun": 3, "protest_at_embassy": 4,
           "definite_description": 19, "subject_aside": 3, "hoped_act": 11, "flight_not_visit": 4, "asked_own": 6, "negated_promise": 4, "progressive_active": 3, "halted_act": 4, "coordinated_pair": 8, "fronted_clause_actor": 5,
           "agent_noun": 8, "reciprocal": 11, "group_leader": 7, "title_ruler": 4, "deployed_forces": 7, "between_sides": 9, "forces_withdrawal": 9, "dated_conjuncts": 7,
           "coordinated_clauses": 14, "dated_event_noun": 3, "recognised_state": 7,
           "time_between_subject_and_verb": 5, "act_party_in_compound": 5, "claimed_act": 7, "exchange_fire": 3,
           "time_in_other_clause": 8, "place_in_object_compound": 6,
           "time_adjunct": 21, "promised_withdrawal": 5, "gift_recipient": 2,
           "relative_clause_on_event_object": 6, "topic_in_trigger": 6, "member_doer_place": 2,
           "weekday_of_week": 4,
           "wanted_doer": 6,
           "week_noun_not_sunday": 5, "group_modifier_name": 6, "ceasefire_between": 5, "aid_goods": 5, "downed_aircraft": 2,
           "day_possessor_of_event": 2, "vow_threat": 9, "placed_agents": 7, "title_with_of": 4, "persuade_appeal": 11, "abbreviated_title": 4, "by_gerund_act": 8, "future_auxiliary": 7, "reason_possessor": 4, "posted_envoy": 5, "effect_verb_object": 5, "planned_act": 8, "evaluative_speech": 6, "hosted_talks": 8, "drew_criticism": 5, "threatened_act": 6, "listed_subjects": 10, "named_affiliation": 3, "discussed_topic": 4, "attributed_source": 3, "trailing_attribution": 4, "state_epithet": 4, "quoted_speaker": 1, "fronted_participle_meeting": 2, "sanctions_light_verb": 4, "namesake_spelling": 5, "report_date": 5, "according_to_speaker": 6,
           "recalled_envoy": 17, "ended_agreement": 7, "apposed_group_list": 9, "member_from_state": 7, "halted_supply": 8, "asked_possessed": 8, "group_relative": 9,
           "object_anaphor": 8, "speaker_own_side": 7, "halted_others_act": 7, "pressed_appeal": 5,
           "victim_of_nominal_act": 7, "joint_partner_act": 6, "time_word_clause_subject": 6,
           "title_case_headline": 7, "titled_dateline": 6, "halted_support": 7, "claim_on_own_place": 6, "pledged_aid_intent": 6,
           "place_then_group_clause": 4,
           "future_retaliation": 7, "saying_day": 5,
           "agreed_act": 7, "armed_group_bombing": 7, "hostage_light_verb": 7,
           "repeated_adposition_conjunct": 8, "echoed_doer": 6, "additive_stacked_adposition": 6,
           "quote_first_speech": 8, "pronoun_conjunct_subject": 8},
}  # fmt: skip


def _bench():
    spec = importlib.util.spec_from_file_location("bench_sentences", ROOT / "bench" / "sentences.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _codes() -> set[str]:
    codes = set()
    for name in ("states.jsonl", "organisations.jsonl"):
        for _, obj in read_jsonl(data_dir() / "actors" / name):
            # an actor whose code changes with time (the Taliban: NSA:TALIBAN, then AFG) has each of its codes
            codes |= {obj["code"], *(c["code"] for c in obj.get("codes", ()))}
    return codes


def _roots() -> set[str]:
    lines = (data_dir() / "cameo" / "cameo.tsv").read_text(encoding="utf-8").splitlines()
    return {c for c in (line.split("\t")[0] for line in lines if line and not line.startswith("#")) if len(c) == 2}


def _date(text: str) -> str:
    """A valid ISO date of year, month or day precision, padded to a comparable day."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    assert m, f"bad date {text!r}"
    y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    return dt.date(y, mo, d).isoformat()


def validate(path: Path) -> list[str]:
    """Every problem of a construction sentence file, one string each (empty: the file is valid)."""
    codes, roots, modalities = _codes(), _roots(), {m.value for m in Modality}
    problems, texts = [], set()
    for number, case in read_jsonl(path):
        where = f"{path.name}:{number}"
        if set(case) - {"text", "date", "events", "note", "construction"}:
            problems.append(f"{where}: unknown fields {sorted(set(case) - {'text', 'date', 'events', 'note', 'construction'})}")
        if not isinstance(case.get("text"), str) or not case["text"].strip():
            problems.append(f"{where}: no text")
        elif case["text"] in texts:
            problems.append(f"{where}: duplicate text")
        texts.add(case.get("text"))
        if case.get("construction") not in CONSTRUCTIONS:
            problems.append(f"{where}: unknown construction {case.get('construction')!r}")
        try:
            ref = _date(case.get("date") or "")
            assert len(case["date"]) == 10, "the reference date is a day"
        except (AssertionError, ValueError) as exc:
            problems.append(f"{where}: reference date: {exc}")
            continue
        if not isinstance(case.get("events"), list):
            problems.append(f"{where}: events is not a list")
            continue
        for e in case["events"]:
            if set(e) != {"source", "target", "root", "date", "modality"}:
                problems.append(f"{where}: event fields {sorted(e)}")
                continue
            for role in ("source", "target"):
                if e[role] not in codes:
                    problems.append(f"{where}: unknown {role} code {e[role]!r}")
            if e["source"] == e["target"]:
                problems.append(f"{where}: source and target are both {e['source']}")
            if e["root"] not in roots:
                problems.append(f"{where}: unknown CAMEO root {e['root']!r}")
            if e["modality"] not in modalities:
                problems.append(f"{where}: unknown modality {e['modality']!r}")
            if e["date"] is not None:
                try:
                    when = _date(e["date"])
                except (AssertionError, ValueError) as exc:
                    problems.append(f"{where}: event date: {exc}")
                    continue
                if when > ref and e["modality"] not in ("future", "hypothetical"):
                    problems.append(f"{where}: {e['modality']} event dated after the reference date")
    return problems


@pytest.mark.parametrize("path", [*DEV.values(), *HELD.values()], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_line_is_valid(path):
    assert validate(path) == []


def test_validation_catches_bad_lines(tmp_path):
    bad = tmp_path / "constructions_en.jsonl"
    bad.write_text(
        '{"text": "A", "date": "2024-02-30", "events": [], "construction": "svo"}\n'
        '{"text": "B", "date": "2024-02-01", "events": [{"source": "XXX", "target": "USA", "root": "21", '
        '"date": "2024-03", "modality": "maybe"}], "construction": "passive"}\n',
        encoding="utf-8",
    )
    problems = "\n".join(validate(bad))
    for expected in ("reference date", "unknown source code 'XXX'", "unknown CAMEO root '21'", "unknown modality",
                     "unknown construction 'passive'"):  # fmt: skip
        assert expected in problems


def test_split_is_disjoint_and_covers_every_construction():
    for lang in DEV:
        dev = [case for _, case in read_jsonl(DEV[lang])]
        held = [case for _, case in read_jsonl(HELD[lang])]
        assert not {c["text"] for c in dev} & {c["text"] for c in held}
        assert len(dev) + len(held) >= 150
        for name in CONSTRUCTIONS - DEV_ONLY:
            n_dev = sum(c["construction"] == name for c in dev)
            n_held = sum(c["construction"] == name for c in held)
            assert n_dev >= 5 and n_held >= 3, (lang, name, n_dev, n_held)


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_construction_suite(lang):
    report = _bench().score(DEV[lang], lang, by="construction")
    assert report["sentences"] >= 120
    assert report["pass_rate"] >= FLOORS[lang]["pass_rate"], report["pass_rate"]
    assert report["events"]["precision"] >= FLOORS[lang]["precision"], report["events"]
    assert report["date_accuracy"] is None or report["date_accuracy"] >= 0.85
    by = report["by_construction"]
    assert set(by) == CONSTRUCTIONS
    then = PASSED[lang]
    lost = {name: (by[name]["passed"], then[name]) for name in CONSTRUCTIONS if by[name]["passed"] < then[name] - 1}
    assert not lost, f"constructions that lost more than one passing sentence (now, then): {lost}"


def test_breakdown_matches_the_overall_report():
    """The per-construction numbers add up to kg.evaluate's own totals."""
    report = _bench().score(DEV["en"], "en", by="construction")
    by = report["by_construction"].values()
    assert sum(g["passed"] for g in by) == report["passed"]
    for key in ("tp", "fp", "fn"):
        assert sum(g["events"][key] for g in by) == report["events"][key]
