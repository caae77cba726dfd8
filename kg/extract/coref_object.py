"""Object anaphors inside their own sentence (conservative; a part of :class:`kg.extract.coref.CorefRules`).

- **object anaphor** (``coref:object``, event rule ``...+object``): "Turkey criticised Sweden and urged it to ...",
  "The US imposed sanctions on Myanmar, accusing it of ...", "Israel's army struck Hamas fighters and accused the
  group of ...", "Turki mengkritik Swedia dan mendesaknya ...", "... dan menuduh negara itu ...". A verb that goes on
  a clause whose subject it shares (the parse: a ``conj`` or ``advcl`` verb on an earlier verb, with no subject of
  its own; a verb with an object clitic, which the parser hangs anywhere, after a coordinator or comma), whose object is an object pronoun (``object_pronouns`` in lang.json: "it", "him"), an object clitic on
  the verb itself (``object_suffixes``: "mendesak-nya") or a definite description (``description_nouns``: "the
  country", "the group", "negara itu"), aims its act at the one other actor of that kind named earlier in the
  sentence (after the subject's first word). A pronoun never stands for its own clause's subject (that would be
  "itself"), so the subject's side is left out; when two or more others are named ("China, which backs Russia,
  criticised Ukraine and urged it ..."), which one is meant is not known and nothing is resolved. Never for an event
  noun, a passive verb ("diserangnya" is "attacked by him"), or a pronoun that is a clause's subject ("warned it
  would respond").
"""

from __future__ import annotations

from kg.extract.sentence import _Arg

SHARED_SUBJECT_DEPS = ("conj", "advcl")  # a verb on an earlier verb, whose subject it takes
OBJECT_DEPS = ("obj", "iobj")
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "csubj")
STATE_KINDS = ("state", "government")
ANY_KIND = "*"  # an object clitic: an actor of any kind
CLAUSE_DEPS = ("acl", "acl:relcl", "appos", "parataxis", "advcl")


class ObjectAnaphorRules:
    """Object pronouns, object clitics and descriptions for the other party named earlier in the sentence."""

    def object_anaphor(self, trig, source: _Arg | None, nominal: bool, passive: bool) -> _Arg | None:
        """The actor an object anaphor of ``trig`` stands for (module doc); None when there is none, or not one."""
        if source is None or nominal or passive or self.syntax is None:
            return None
        sub, off = self.syntax
        verb = trig.start - off
        if not 0 <= verb < len(sub):
            return None
        node = sub[verb]
        clitic = self._clitic(node, trig)
        if node.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECT_DEPS for c in node.children):
            return None  # a subject of its own: "Turkey criticised Sweden and Greece urged it ..."
        if clitic:  # "... dan mendesaknya mengekstradisi ...", parsed as anything: joined by the coordinator before it
            if verb == 0 or not (sub[verb - 1].lower_ in self.s.coordinators or sub[verb - 1].is_punct):
                return None
        elif node.dep_ not in SHARED_SUBJECT_DEPS or node.head.i >= node.i:
            return None
        if not self._shared_subject(node, off, source, any_dep=clitic):
            return None  # "... said its aircraft had targeted Hamas fighters and accused the group": not Hamas's act
        found = self._object_at(node, off, trig)
        if found is None:
            return None
        at, kind = found
        me = {self._who(sp) for sp in source.spans}
        first = min(sp.start for sp in source.spans)
        if first >= trig.start:
            return None
        spans = [sp for sp in self._spans_of_sentence(self.sent, trig.start) if sp.start > first and self._who(sp) not in me]
        if any(sp.start <= at < sp.end for sp in self.actors + self.places):
            return None
        return self._one_of_kind(spans, kind, at)

    def _shared_subject(self, node, off: int, source: _Arg, any_dep: bool = False) -> bool:
        """Whether the subject of the verb ``node`` goes on (up its ``conj`` and ``advcl`` chain; with ``any_dep``, up
        any chain: a clitic verb the parser hangs anywhere) is one of ``source``'s spans."""
        head = node.head
        for _ in range(4):
            if any(c.dep_ in SUBJECT_DEPS for c in head.children) or head.head.i == head.i:
                break
            if not any_dep and head.dep_ not in SHARED_SUBJECT_DEPS + ("xcomp",):
                break
            head = head.head
        subj = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        if not subj:
            return False
        clauses = {t.i for c in subj[0].children if c.dep_ in CLAUSE_DEPS for t in c.subtree}
        words = {t.i + off for t in subj[0].subtree if t.i not in clauses}  # not "China, which backs Russia, ..."
        return any(k in words for sp in source.spans for k in range(sp.start, sp.end))

    def _clitic(self, node, trig) -> bool:
        """Whether the one-word verb ``node`` carries an object clitic (``object_suffixes``: "mendesaknya")."""
        low, suffixes = node.lower_, self.s.object_suffixes
        if not suffixes or not low.endswith(suffixes) or trig.end - trig.start != 1:
            return False
        return len(low) - max(len(x) for x in suffixes if low.endswith(x)) >= 4

    def _object_at(self, node, off: int, trig) -> tuple[int, str] | None:
        """(the token, the kind) of the object anaphor of the verb ``node`` of the parse: a pronoun or a description
        as its object, or an object clitic on the verb itself."""
        s = self.s
        if self._clitic(node, trig):
            return node.i + off, ANY_KIND
        for c in node.children:
            if c.dep_ not in OBJECT_DEPS or c.i < node.i:
                continue
            kind = s.object_pronouns.get(c.lower_) if isinstance(s.object_pronouns, dict) else None
            if kind is not None:
                nxt = node.doc[c.i + 1] if c.i + 1 < len(node.doc) else None
                if nxt is not None and nxt.pos_ in ("AUX", "VERB") and nxt.head.i != node.i:
                    return None  # "warned it would respond": the subject of a clause
                return c.i + off, kind
            described = self._description_object(c, off)
            if described is not None:
                return described
        return None

    def _description_object(self, noun, off: int) -> tuple[int, str] | None:
        """A definite description headed by the parse's object ``noun`` ("the group", "negara itu")."""
        nouns = self.s.description_nouns
        if noun.lower_ not in nouns:
            return None
        if self.s.head_final:
            end = noun.i + off  # "the (Gulf) country"
        else:  # "negara (Teluk) itu"
            dets = [c.i for c in noun.children if c.i > noun.i and c.lower_ in self.s.description_determiners]
            if not dets:
                return None
            end = dets[0] + off
        if self._description_at(end) is None:
            return None
        return noun.i + off, "described:" + nouns[noun.lower_]

    def _one_of_kind(self, spans: list, kind: str, at: int) -> _Arg | None:
        """A reference at ``at`` to the one actor of ``kind`` among ``spans``: for a pronoun's ``state`` kind any actor
        but a person, for ``person`` a person, for a clitic (``any``) anyone; for a description's kind
        (``described:``), the one state it names (a state noun) or the one actor that fits it."""
        if kind.startswith("described:"):
            kind = kind.removeprefix("described:")
            if kind in STATE_KINDS:
                states = {}
                for sp in spans:
                    state = self._state_of(sp)
                    if state is not None:
                        states.setdefault(state, sp)
                if len(states) != 1:
                    return None
                state, sp = next(iter(states.items()))
                return _Arg([self._state_ref(state, sp, kind, at)], "coref")
            found = {self._who(sp): sp for sp in spans if sp.label_ != "place" and self._fits(sp, kind)}
        elif kind == "person":
            found = {self._who(sp): sp for sp in spans if self._person_like(sp)}
        elif kind == ANY_KIND:
            found = {self._who(sp): sp for sp in spans}
        else:  # "it": a state, an organisation, a group
            found = {self._who(sp): sp for sp in spans if not self._person_like(sp)}
        found.pop(None, None)
        if len(found) != 1:
            return None
        return _Arg([self._ref_to(next(iter(found.values())), at, "coref:object")], "coref")
