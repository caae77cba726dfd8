"""The other party of an act a request, demand, refusal or threat is about (a part of
:class:`kg.extract.syntax.roles._Roles`): who a demand is made of ("demanded reparations from Germany"), who made what is
refused ("rejected the proposal put forward by Egypt"), and the other party of the act a refusal or a threat controls
("refused to send weapons to Ukraine", "mengancam melarang impor anggur dari Australia")."""

from __future__ import annotations

from kg.extract.syntax.data import AGENTS, OBJECTS, VERB_POS, _is, leaving_nouns
from kg.extract.syntax.results import Arg, _re


class PartyRoles:
    """Methods of :class:`kg.extract.syntax.roles._Roles` (``self.d``, ``self.at``, ``actors_in``, ``objects_of``,
    ``marked_in_np``, ``subject_of``, ``is_passive`` and ``_case`` are the roles')."""

    def asked_of(self, tok) -> list[Arg]:
        """Who a request or a demand (CAMEO 02, 10) is made of when it names what is asked for, not whom: the actor
        marked by a *source* adposition on the verb or inside its object's noun phrase ("demanded reparations from
        Germany", "meminta informasi intelijen dari Maroko", "menuntut ganti rugi perang dari Jerman"). Not inside
        an event word that takes such a phrase itself ("demanded a withdrawal of troops from Ukraine": where the troops
        leave; :meth:`marked_in_np`)."""
        source = self.d.adps("source")
        objs = [c for c in tok.children if c.dep_ in OBJECTS]
        if not objs or any(c.i in self.at or _is(c, leaving_nouns(self.lang), self.lang) for c in objs):
            # an object that takes a source phrase itself: "demanded the withdrawal of Russian forces from Georgia",
            # where the parse may hang "from Georgia" on the verb: where the forces leave, not who is asked
            return []
        found: list[Arg] = []
        for c in tok.children:
            adp = self._case(c) if c.dep_ in ("obl", "obl:arg", "nmod") else None
            if adp in source:
                found += self.actors_in(c, f"obl({adp})")
        for o in objs:
            if not found:
                found += self.marked_in_np(o, source, "obj")
        return [_re(a, f"asked-of>{a.rule}") for a in found]

    def refused_party(self, tok) -> list[Arg]:
        """The other party of what a refusal verb rejects: who asked for or made it ("rejected calls from the
        United States to ...", "rejected demands by Ukraine", "rejected the proposal put forward by Egypt"), else the other party of
        the act refused ("refused to send weapons to Ukraine", "menolak menarik pasukannya dari Lebanon",
        "rejected calls to impose sanctions on Russia"): the controlled verb's object or its oblique marked as
        a target, recipient, partner or source, or such an oblique on its object ("hand over the suspects to
        India")."""
        requests = [c for c in tok.children if c.dep_ in OBJECTS and c.i not in self.at]
        for c in requests:
            found = []
            for cc in c.children:
                adp = self._case(cc)
                if cc.dep_ == "nmod:poss" or (cc.dep_ in ("nmod",) + AGENTS and adp in self.d.adps("agent", "source")):
                    found += self.actors_in(cc, f"obj>{cc.dep_}" + (f"({adp})" if adp else ""))
                elif cc.dep_ in ("acl", "acl:relcl") and cc.pos_ in VERB_POS and (
                    self.is_passive(cc) or any(self._case(x) in self.d.passive_agent for x in cc.children if x.dep_ in ("obl", "nmod"))
                ):  # a participle with a by-phrase is passive, however it was tagged ("put forward by Egypt")
                    # "the proposal put forward by Egypt", "proposal yang diajukan Mesir": who made it
                    found += [_re(a, f"obj>{cc.dep_}>{a.rule}") for a in self.subject_of(cc, True)]
            if not found:  # "menolak tawaran pinjaman [dari Tiongkok]", hung on a word of the compound
                found = self.marked_in_np(c, self.d.adps("agent", "source"), "obj")
            if not found and c.i in self.events:  # "menolak tuntutan reformasi [dari Uni Eropa]", hung on the verb
                found = [a for x in tok.children if x.dep_ in ("obl", "obl:arg") and self._case(x) in self.d.adps("source")
                         for a in self.actors_in(x, f"obl({self._case(x)})")]  # fmt: skip
            if found:
                return [_re(a, f"request-refused>{a.rule}") for a in found]
        acts = [x for x in tok.children if x.pos_ in VERB_POS]  # "refused to ...", "refusal to ..."
        acts += [x for c in requests for x in c.children if x.dep_ == "acl"]  # "rejected calls to ..."
        for x in acts:
            infinitive = any(c.dep_ == "mark" and c.lower_ in self.d.infinitive_marks for c in x.children)
            if x.pos_ not in VERB_POS or not (x.dep_ == "xcomp" or infinitive):
                continue
            found = self.act_party(x)
            if found:
                return [_re(a, f"xcomp-refused>{a.rule}") for a in found]
        return []

    def act_party(self, x) -> list[Arg]:
        """The other party of the act ``x`` (a verb): its object, or its oblique marked as a target, recipient,
        partner or source, or such an oblique on its object ("hand over the suspects to India")."""
        roles = self.d.adps("target", "recipient", "partner", "source")
        targets, obliques = self.objects_of(x, roles)
        found = targets + [a for a in obliques if a.adp in roles]
        if not found:
            for c in x.children:
                if c.dep_ in OBJECTS + ("obl",) and c.i not in self.at:
                    for cc in c.children:
                        adp = self._case(cc)
                        if cc.dep_ == "nmod" and adp in roles:
                            found += self.actors_in(cc, f"{c.dep_}>nmod({adp})")
        # "melarang impor anggur [dari Australia]": the phrase hung on a word of the object's compound
        return found or [a for c in x.children if c.dep_ in OBJECTS and c.i not in self.at for a in self.marked_in_np(c, roles, "obj")]
