"""Who did what to whom, read from a Universal Dependencies parse (issue #12 item 2).

The package: :mod:`.data` (``syntax.json`` and word forms), :mod:`.results` (Arg, Speech, Frame),
:mod:`.roles` (the dependency walks), :mod:`.frames` (:func:`frame`, :func:`frames`, :func:`explain`) and
:mod:`.use` (how kg's extractor parses the sentences that need it and uses the frames).

Given a Doc parsed by kg's own syntax pipelines (:func:`kg.nlp.syntax.parse`: UD labels such as ``nsubj``,
``nsubj:pass``, ``obj``, ``iobj``, ``obl``, ``obl:agent``, ``nmod``, ``nmod:poss``, ``appos``, ``conj``,
``acl``, ``acl:relcl``, ``xcomp``, ``ccomp``, ``advcl``, ``case``, ``mark``), the actor spans of a sentence
and one trigger (a verb or an event noun), :func:`frame` returns the trigger's :class:`Frame`: its
sources, targets, other obliques with their adposition, whether it is negated, the speech act it is
reported in, and for every argument the ``rule`` (the dependency path) that found it, so that an error
can be traced to the relation that caused it.

The code knows UD relations only; what is particular to a language (which adpositions mark a target, a
recipient or a passive agent, the speech, control and light verbs, negation words, pronouns) is read from
``data/lang/<code>/syntax.json``.

Paths, as they appear in ``Arg.rule`` (``a>b`` reads "the trigger's a, then inside it b"):

- verbs: ``nsubj``, ``obj``, ``iobj``, ``obl(ADP)``; passives: ``nsubj:pass`` (target), ``obl:agent`` or
  ``obl(by)``/``obl(oleh)`` (source), ``obj-agent`` (Indonesian "dibunuh Israel", when the language says
  so); inside an argument: ``>appos``, ``>compound``, ``>flat``, ``>nmod``, ``>nmod:poss``, ``>amod``, ``+conj``;
- a subject taken from elsewhere: ``conj-share-subj``, ``conj-share-obj``, ``xcomp-control`` (subject
  control: "agreed to attack"), ``xcomp-control(obj)`` (object control: "urged Russia to withdraw"),
  ``advcl-share-subj``, ``conj-clause-subj`` (a coordinated clause's subject parsed as a conjunct of the nominal
  before it, :mod:`.clauses`: "attacked Ukraine and Belarus condemned ..."), ``relcl-antecedent``, ``acl-antecedent``, ``ccomp-self-pronoun`` ("Iran said it
  would respond"), ``poss-pronoun`` ("Russia defended its annexation of Crimea");
- event nouns: ``nmod:poss`` ("Israel's strike"), ``amod``/``compound`` ("Israeli strikes", "US strikes"),
  ``nmod(by)``, ``nmod(of)`` (target, or source for nouns such as *visit*), ``nmod(on)`` ...,
  ``nmod`` (Indonesian bare possessor "serangan Israel"), ``light-verb-subj`` ("launched an attack"),
  ``compound-head>...`` ("the north's bombing campaign");
- a target taken from elsewhere: ``xcomp-refused>...`` (a refusal's target is the refused act's other party:
  "refused to send weapons to Ukraine"), ``obj>nmod(in)`` / ``nmod(of)>nmod(in)`` (an attack's patient in a
  state: "hit a clinic in Dnipro", "the shelling of towns in Syria"), ``ccomp>nsubj``/``xcomp>nsubj`` (the one an
  object-control verb addresses, parsed as the subject of the clause it controls: "meminta Israel menjamin ..."),
  ``xcomp-obj`` (a name the parser made a verb's predicate, with no object: "entered Vuhledar on Monday"); an ``obl``
  on a nominal is read as its ``nmod`` ("took most of Basra", parsed with "of Basra" on "most");
- speech: ``ccomp<speech``, ``parataxis-speech`` ("..., the ministry said"), ``according-to``.

Language data (``syntax.json``; a token matches a word on its lower-case form or its lemma):
``adpositions`` (role -> adpositions: ``target``, ``recipient``, ``partner``, ``agent``, ``of``, ``source``,
``instrument``, ``location``, ``containment``: in a place, which an attack's patient may be), ``passive_agent``
("by", "oleh"), ``passive_prefixes`` (Indonesian "di"),
``bare_passive_agent`` (an agent may follow a passive verb without a preposition), ``speaker_adps``
("according", "menurut"), ``speech_verbs``, ``object_control`` / ``subject_control`` verbs, ``negation``,
``light_verbs`` (whose subject is the agent of their event-noun object: "launched an attack"),
``control_marks`` (the marks a controlled clause may carry: "urged X *to*", "accused X *of*"),
``of_agent_nouns`` (nouns whose *of* phrase is the doer: "the visit of"), ``member_nouns`` (people whose *from*
or *of* phrase is the group they belong to: "gunmen from Al-Shabaab", "pelaku bom dari Taliban Pakistan"), ``cessation_verbs`` (verbs whose object is an act stopped: "halt its military operations" codes no operations),
``carrier_verbs`` (travel verbs whose direct object is the craft or load moved, not a place: "flew bombers near the
border" is no visit), ``suicide_attacker_words`` (an attack whose subject phrase has one is a
suicide bombing, CAMEO 183: "a suicide bomber from X attacked"), ``bare_nmod`` (``agent``: an
unmarked noun after an event noun is its doer, "serangan Israel"; ``modifier``: it is not),
``vicinity_words`` (a place near a state, not in it: "waters", "lepas pantai"),
``origin_words`` (a maker is not a doer: a name under "made"/"buatan" is no argument: "Russian-made drones"),
``supply_words`` (the origin words that name a giver: "pasokan Qatar" received is Qatar's, "stok buatan Rusia" is not Russia's gift),
``patient_prefixes`` and ``patient_prefix_exceptions`` (Indonesian peN- nouns whose bare noun is the
patient: "pengeboman Gaza"), ``self_pronouns``, ``possessive_pronouns``, ``relative_pronouns``.

A trigger token inside an actor's span ("Ban" in "Ban Ki-moon") is never a trigger: :func:`frame`
returns None for it.

Python API::

    from kg.extract.syntax import frame, frames
    f = frame(doc, actor_spans, trigger_span, "en")
    f.sources, f.targets, f.obliques, f.negated, f.speech, f.rule
"""

from kg.extract.syntax.data import RoleData, role_data, word_forms
from kg.extract.syntax.frames import explain, frame, frames
from kg.extract.syntax.results import Arg, Frame, Speech, head_token

__all__ = ["Arg", "Frame", "RoleData", "Speech", "explain", "frame", "frames", "head_token", "role_data", "word_forms"]
