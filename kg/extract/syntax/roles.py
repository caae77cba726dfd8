"""The dependency walks: actors inside a noun phrase, subjects (shared, controlled, inherited), objects and
obliques, the arguments of event nouns, and the speech act a clause is reported in."""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.apposed import GROUP_WORDS, apposed_members, group_heads
from kg.extract.syntax.addressee import _case, addressed
from kg.extract.syntax.parties import PartyRoles
from kg.extract.syntax.joint import joint_partners
from kg.extract.syntax.additive import marked_apart, more_targets
from kg.extract.syntax.dated import date_words, dated_conjuncts
from kg.extract.syntax.clauses import clause_verb_after, relative_antecedent, split_subject, stray_subject, time_word_subject
from kg.extract.syntax.data import AGENTS, NOUN_POS, NP_INNER, OBJECTS, PASSIVE_SUBJECTS, SUBJECTS, VERB_POS, _is, away_nouns, leaving_nouns, role_data
from kg.extract.syntax.results import Arg, Speech, _re, _span_bounds, head_token
from kg.extract.syntax.selfref import self_described
from kg.lang.settings import settings


NOMINAL_HEADS = ("NOUN", "PROPN", "ADJ", "NUM", "PRON")
MAX_LISTED = 8  # the most tokens a listed actor and its separator take, where an object's list is looked for
PRE_VERB = ("aux", "aux:pass", "auxpass", "advmod", "neg", "discourse")  # "..., Niger, have also announced"


# a name hung on a name by these, with an "and" in the list, is the next member of a list: "Jepang, Korea Selatan, dan
# Amerika Serikat" (appos); "Estonia, Latvia and Lithuania" with Latvia as GUM's nmod:unmarked of Estonia
LIST_DEPS = ("appos", "nmod:unmarked")


class _Roles(PartyRoles):
    def __init__(self, doc, actors: Sequence, lang: str, events: Sequence[int] = ()):
        self.doc, self.lang = doc, lang
        self.events = frozenset(events)  # tokens of event words: "its annexation of Crimea" names no actor by "of"
        self.d = role_data(lang)
        self.dates = date_words(lang)
        self.bounds = [_span_bounds(a) for a in actors]
        self.at: dict[int, int] = {}
        for k, (s, e) in enumerate(self.bounds):
            for i in range(s, e):
                self.at.setdefault(i, k)
        # "North and South Korea", "Korea Utara dan Selatan": the one-word mention of a gapped name (marked
        # "gapped" by kg.nlp.actor_ellipsis) is a conjunct of the name it shares a word with, beyond the
        # coordinator, whatever the parser made of the bare word
        self.gapped: dict[int, list[int]] = {}
        for k, a in enumerate(actors):
            if not (isinstance(a, tuple) and len(a) > 2 and a[2] == "gapped"):
                continue
            s, e = self.bounds[k]
            for partner in (self.at.get(e + 1), self.at.get(s - 2)):
                if partner is not None and partner != k and (self.bounds[partner][0] == e + 1 or self.bounds[partner][1] == s - 1):
                    self.gapped.setdefault(partner, []).append(k)
                    break

    # actors inside a noun phrase --------------------------------------------------------------------
    def _case(self, tok) -> str | None:
        return _case(tok)

    def actors_in(self, tok, rule: str, *, depth: int = 3, seen: set | None = None) -> list[Arg]:
        """The actors ``tok``'s phrase names: ``tok``'s own actor span, else the nearest ones reached by
        noun-phrase-internal relations (breadth first); conjuncts ("Russia and China") each count."""
        seen = set() if seen is None else seen
        out = self._np_actors(tok, rule, depth, seen)
        k = self.at.get(tok.i)
        # a conjunct the parser hung on a later word of the same name: "Burkina Faso dan Niger" with "Niger" on "Faso"
        inner = [cc for f in tok.children if f.dep_ in ("flat", "flat:name") and k is not None and self.at.get(f.i) == k
                 for cc in f.children if cc.dep_ == "conj"]
        for c in [*tok.children, *inner]:
            if c.dep_ == "conj" and c.i not in seen and c.pos_ not in VERB_POS and clause_verb_after(c, self.d, self.lang) is None and not marked_apart(c, tok):
                out += self.actors_in(c, f"{rule}+conj", depth=depth, seen=seen)
            elif c.dep_ in LIST_DEPS and tok.i in self.at and c.i in self.at and self.at[c.i] not in seen:
                if any(x.dep_ == "cc" for x in self.doc[min(tok.i, c.i) : max(c.right_edge.i + 1, tok.head.i)]):  # its "and"
                    # "Jepang, Korea Selatan, dan Amerika Serikat": a list parsed as a name in apposition to a name
                    out += self.actors_in(c, f"{rule}+appos-list", depth=depth, seen=seen)
                elif c.dep_ == "appos" and c.i > tok.i and self.bounds[self.at[c.i]][1] == tok.head.i and tok.head.pos_ in VERB_POS:
                    # "Sebelum bertemu Joe Biden di Gedung Putih, Fumio Kishida mengunjungi Kanada" parsed with Kishida in
                    # apposition to Biden: the name right before the verb, after a comma, is its subject
                    out = self.actors_in(c, f"{rule}+appos-at-verb", depth=depth, seen=seen)
            elif out and c.dep_ != "conj":  # "India 21-23 Agustus dan Malaysia" (kg.extract.syntax.dated)
                out += [a for cc in dated_conjuncts(c, self.dates) for a in self.actors_in(cc, f"{rule}+conj", depth=depth, seen=seen)]
        return out

    def _gapped(self, k: int, rule: str, seen: set) -> list[Arg]:
        out = []
        for g in self.gapped.get(k, ()):
            if g not in seen:
                seen.add(g)
                s, e = self.bounds[g]
                out.append(Arg(s, e, g, f"{rule}+gapped", token=s))
        return out

    def _np_actors(self, tok, rule: str, depth: int, seen: set) -> list[Arg]:
        if tok.i in self.at:
            k = self.at[tok.i]
            if k in seen:
                return []
            seen.add(k)
            s, e = self.bounds[k]
            return [Arg(s, e, k, rule, token=tok.i)] + self._gapped(k, rule, seen)
        if _is(tok, self.d.origin_words, self.lang):
            return []  # "dari stok buatan Rusia", parsed with "buatan" heading the phrase: the maker did not act
        # in the phrase of an act of leaving a source phrase is the place left, even on a member noun: "penarikan
        # pejuang asing dari Libya" (fighters leaving Libya), not "pejuang dari Hizbullah" (Hezbollah's fighters)
        members = frozenset() if _is(tok, leaving_nouns(self.lang), self.lang) else self.d.member_nouns
        level = [(tok, rule)]
        for _ in range(depth):
            nxt, found = [], []
            for t, r in level:
                for c in t.children:
                    dep = c.dep_
                    if dep == "obl" and t.pos_ in NOMINAL_HEADS:
                        dep = "nmod"  # "most of Basra" parsed with an obl on "most": a nominal's oblique is its nmod
                    if dep not in NP_INNER or _is(c, self.d.origin_words, self.lang):
                        continue  # "Russian-made drones", "drone buatan Rusia": the maker did not act
                    adp = self._case(c)
                    if dep == "nmod" and adp is not None and (adp not in self.d.adps("of") or t.i in self.events) \
                            and not (adp in self.d.adps("source") and _is(t, members, self.lang)):
                        continue  # "the attack on Gaza", "the annexation of Crimea" are not who acted; "forces of Russia" is
                    label = f"{r}>{dep}" + (f"({adp})" if adp else "")
                    if c.i in self.at:
                        k = self.at[c.i]
                        s0, e0 = self.bounds[k]
                        h = head_token(self.doc, s0, e0)
                        hadp = self._case(h)
                        if h.i != c.i and hadp is not None and hadp not in self.d.adps("of"):
                            continue  # "posisi Hizbullah di [Lebanon] selatan": the name belongs to a place phrase
                        if k not in seen:
                            seen.add(k)
                            s, e = self.bounds[k]
                            found.append(Arg(s, e, k, label, token=c.i))
                            found += self._gapped(k, label, seen)
                            for cc in c.children:  # "Russia's and China's"
                                if cc.dep_ == "conj":
                                    found += self.actors_in(cc, f"{label}+conj", seen=seen)
                    else:
                        nxt.append((c, label))
            if found:
                return found
            level = nxt
        return []

    # verbs ------------------------------------------------------------------------------------------
    def negated(self, tok) -> bool:
        return any(c.dep_ in ("advmod", "neg", "aux", "det", "part") and _is(c, self.d.negation, self.lang) for c in tok.children)

    def is_passive(self, tok) -> bool:
        deps = {c.dep_ for c in tok.children}
        if deps & {"nsubj:pass", "nsubjpass", "aux:pass", "auxpass", "obl:agent", "csubj:pass"}:
            return True
        low = tok.lower_
        if tok.pos_ == "VERB" and any(low.startswith(p) and len(low) > len(p) + 3 for p in self.d.passive_prefixes):
            return True  # Indonesian di- verbs, whatever the parser made of their subject
        if deps & {"nsubj", "obj"}:
            return False
        if "Pass" in tok.morph.get("Voice"):
            return True
        # a participle modifying a noun: "troops deployed by Russia"
        return tok.dep_ == "acl" and tok.tag_ == "VBN"

    def subject_of(self, tok, passive: bool, depth: int = 0) -> list[Arg]:
        """The doer of the verb ``tok``: its own subject or agent, else one it shares or is controlled by."""
        if depth > 4:
            return []
        out: list[Arg] = []
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS] if not passive else []
        # (or the group noun the parser made the head of the verb: "Dua negara Teluk, Qatar dan Oman, mengecam Israel"
        # parsed with 'mengecam' as a conjunct of 'negara')
        group = [tok.head] if not subjects and not passive and tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.pos_ in NOUN_POS else []
        listed = self.apposed_subject(tok, subjects or group)
        if listed:  # "Tiga negara, Mali, Burkina Faso dan Niger, menyatakan ...": the list is the group
            return listed
        if len(subjects) > 1:
            # "The foreign minister, Retno Marsudi, criticized ...": an apposition parsed as two subjects;
            # the one that is a name itself wins, else the one nearest the verb
            # ("Spain, Ireland and Norway recognised ...", parsed as two subjects, keeps both names)
            named = [c for c in subjects if c.i in self.at]
            if len(named) < 2:
                subjects = [named[-1] if named else max(subjects, key=lambda c: c.i)]
        split = split_subject(tok, self.d, self.lang) if subjects else None
        if split is not None:  # "Iran attacked Israel and Jordan closed ...": only Jordan closed
            return self.actors_in(split[1], "conj-clause-subj")
        for c in subjects:
            out += self._subject_actors(tok, c, c.dep_)
        for c in tok.children:
            if not passive and c.dep_ in SUBJECTS:
                continue
            elif passive and c.dep_ in AGENTS:
                out += self.actors_in(c, "obl:agent")
            elif passive and c.dep_ in ("obl", "nmod") and self._case(c) in self.d.passive_agent:
                out += self.actors_in(c, f"obl({self._case(c)})")
        if out:
            return out
        if passive and self.d.bare_passive_agent:
            for c in tok.children:  # "rumah itu dibom Israel": the agent right after a di- verb
                # (or a noun the parser made an adverb: "Kharkiv dihantam rudal Rusia", 'rudal' as advmod)
                nounish = ("advmod",) if c.pos_ in ("NOUN", "PROPN", "X") else ()
                deps = OBJECTS + ("obl", "nmod", "compound", "flat", "flat:name") + nounish
                if c.dep_ in deps and self._case(c) is None and c.i > tok.i:
                    found = self.actors_in(c, "obj-agent")
                    if found:
                        return found
        if passive or any(c.dep_ in SUBJECTS + PASSIVE_SUBJECTS for c in tok.children):
            return out  # a subject that names no actor: nothing is inherited
        stray = stray_subject(tok, self.d, self.lang) or time_word_subject(tok, self.d, self.lang)
        if stray is not None:  # "Russia attacked Ukraine and Belarus condemned ...": Belarus, parsed as a conjunct
            return self.actors_in(stray, "conj-clause-subj")
        return self.inherited_subject(tok, depth)

    def apposed_subject(self, verb, subjects) -> list[Arg]:
        """The actors listed between commas after a group noun that is ``verb``'s subject ("Three countries led by
        military juntas, Mali, Burkina Faso and Niger, announced ..."; :mod:`kg.extract.apposed`), read off the words:
        the parser splits such a list across the group noun's conjunct, a second subject or a relative clause."""
        heads = group_heads(self.lang)
        for g in subjects:
            if g.i in self.at or g.i > verb.i or not _is(g, heads, self.lang):
                continue
            close = verb.i - 1  # the comma closing the list, before the verb's auxiliaries and adverbs
            while close > g.i and self.doc[close].head.i == verb.i and self.doc[close].dep_ in PRE_VERB:
                close -= 1
            found = apposed_members(self.doc, self.at, self.bounds, close, self.lang)
            if found is not None and self._group_phrase(g, found[1]):
                label = g.dep_ if g.head.i == verb.i else "conj-head"
                return [Arg(*self.bounds[k], k, f"{label}>appos-list", token=self.bounds[k][0]) for k in found[0]]
        return []

    def apposed_object(self, g, rule: str) -> list[Arg]:
        """The actors listed between commas after the group noun ``g``, an object ("France criticised two countries,
        Mali and Niger, for ...", parsed with the names as conjuncts of the verb), closed by a comma or the sentence's
        end; else []."""
        if g.i in self.at or not _is(g, group_heads(self.lang), self.lang):
            return []
        for close in range(g.i + 3, min(len(self.doc), g.i + GROUP_WORDS + 3 * MAX_LISTED)):
            found = apposed_members(self.doc, self.at, self.bounds, close, self.lang, final=True)
            if found is not None:
                if not self._group_phrase(g, found[1]):
                    return []
                return [Arg(*self.bounds[k], k, f"{rule}>appos-list", token=self.bounds[k][0]) for k in found[0]]
        return []

    def _group_phrase(self, g, opener: int) -> bool:
        """Whether the words from the group noun ``g`` to the comma ``opener`` of a list may be one phrase: after it,
        short, and naming no actor ("Three countries backed by Russia, Mali, ...": no apposition read)."""
        return g.i < opener <= g.i + GROUP_WORDS and not any(i in self.at for i in range(g.i, opener))

    def _subject_actors(self, verb, subj, label: str) -> list[Arg]:
        if subj.lower_ in self.d.relative_pronouns and verb.head.i != verb.i:  # (on the noun, or misparsed on a verb)
            return [] if (ante := relative_antecedent(verb, subj)) is None else self.actors_in(ante, "relcl-antecedent")
        found = self.actors_in(subj, label)
        if found:
            return found
        selfref = "ccomp-self-pronoun" if subj.lower_ in self.d.self_pronouns else self_described(subj, self.d)  # "his country"
        if selfref:
            speech = self.speech_of(verb)
            if speech is not None and speech.speakers:
                return [Arg(a.start, a.end, a.index, selfref, token=subj.i) for a in speech.speakers]
        return []

    def inherited_subject(self, tok, depth: int) -> list[Arg]:
        head, dep = tok.head, tok.dep_
        if head.i == tok.i:
            return []
        if head.i < tok.i and any(t.lower_ in self.d.relative_adverbs for t in tok.doc[head.i + 1 : tok.i]):
            # "summoned the envoy over a shootout in Kosovo, where armed Serbs attacked police" (parsed as an advcl
            # of 'summoned'), "..., di mana sekitar 30 pria bersenjata menyerang ...": a clause a relative adverb
            # opens is about the place; its doer is its own, never one inherited across the adverb
            return []
        if dep == "conj" and head.pos_ in VERB_POS + ("ADJ",):
            said = head.head if head.dep_ == "ccomp" and head.head.i != head.i else None
            if said is not None and said.pos_ in VERB_POS and _is(said, self.d.speech_verbs, self.lang) and _is(tok, self.d.speech_verbs, self.lang):
                # "Rusia mengatakan kapal Inggris berlayar tanpa izin dan menuduh London ...": a verb of saying or
                # accusing joined to the reported clause is the speaker's second act, not the reported subject's
                return [_re(a, "conj-speaker") for a in self.subject_of(said, self.is_passive(said), depth + 1)]
            return [_re(a, "conj-share-subj") for a in self.subject_of(head, self.is_passive(head), depth + 1)]
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        # tok has no subject of its own: whom head addresses is its object, or, if head is an object-control verb, an
        # oblique naming an actor ("called on Israel to allow aid in", "menyerukan kepada Israel untuk ...")
        control = _is(head, self.d.object_control, self.lang)
        objs = addressed(head, tok, self.lang, lambda c: control and bool(self.actors_in(c, "addressee")))
        if dep == "ccomp" and objs and marks <= self.d.control_marks and _is(head, self.d.object_control, self.lang):
            dep = "xcomp"  # "Mesir mendesak Hamas menghentikan ...", parsed as a ccomp: object control all the same
        if dep in ("xcomp", "advcl") and head.pos_ in VERB_POS:
            if self.is_passive(head) and (dep == "xcomp" or control and marks and marks <= self.d.control_marks):
                # "Russia was ordered by the court to halt ...": the passive subject is the one controlled (also as an
                # advcl: "Israel didesak Mesir agar menghentikan ...", "Israel was urged by Egypt to halt ...")
                found = [a for c in head.children if c.dep_ in PASSIVE_SUBJECTS for a in self.actors_in(c, "xcomp-control(pass)")]
                if found:
                    return found
            if objs and (_is(head, self.d.object_control, self.lang) or dep == "xcomp") and marks <= self.d.control_marks:
                found = [a for o in objs for a in self.actors_in(o, "xcomp-control(obj)")]
                if found:
                    return found
                return []  # the object is the doer, and it is no actor
            label = "xcomp-control" if dep == "xcomp" or marks & self.d.infinitive_marks else "advcl-share-subj"
            # "called on the United States to stop selling weapons to Taiwan": an act inside the act asked for is asked for too
            asked = label == "xcomp-control"
            return [a if asked and a.rule.startswith("xcomp-control(obj)") else _re(a, label)
                    for a in self.subject_of(head, self.is_passive(head), depth + 1)] + joint_partners(self, head, tok, label)  # fmt: skip
        if dep == "ccomp" and head.pos_ in VERB_POS + ("ADJ",) and _is(head, self.d.subject_control, self.lang):
            # "siap [memperkuat kemitraan]" parsed as a ccomp: a control word's complement is done by its subject
            return [_re(a, "ccomp-control") for a in self.subject_of(head, self.is_passive(head), depth + 1)]
        if (dep == "ccomp" or dep in OBJECTS and tok.pos_ in VERB_POS) and head.pos_ in VERB_POS and _is(head, self.d.speech_verbs, self.lang):
            # "Hamas mengatakan siap berunding": a reported clause without a subject is the speaker's (the parser
            # may make its verb the speech verb's object: "Beijing menyatakan siap ...")
            return [_re(a, "ccomp-speaker") for a in self.subject_of(head, self.is_passive(head), depth + 1)]
        if dep == "acl:relcl":
            return self.actors_in(head, "relcl-antecedent")
        if dep == "acl" and head.pos_ in NOUN_POS:
            main = self._set_off_main_verb(tok)
            if main is not None:
                return [_re(a, "advcl-share-subj") for a in self.subject_of(main, self.is_passive(main), depth + 1)]
            return self.actors_in(head, "acl-antecedent")
        return []

    def _set_off_main_verb(self, tok):
        """The main clause's verb of a verb of saying or accusing (``speech_verbs``), or of an event word, that a
        comma or an adverbial subordinator (``adverbial_marks``: "while", "seraya") sets off after the clause, which
        the parser hung on one of its nouns: "imposed sanctions on Belarus, accusing Minsk of ...", "export controls on
        Chinese firms, saying Beijing had violated ...", "lodged a protest with Beijing, calling the incursion a
        violation ...", "menutup kedutaannya di Teheran seraya menyalahkan Iran". Such a clause is the main subject's
        comment on its own act, not something done by the noun; None for any other acl."""
        marked = any(c.dep_ == "mark" and c.lower_ in self.d.adverbial_marks for c in tok.children)
        if tok.i == 0 or not (marked or tok.doc[tok.i - 1].text == ","):
            return None
        if not (tok.i in self.events or _is(tok, self.d.speech_verbs, self.lang)):
            return None
        node = tok.head
        for _ in range(4):
            if node.head.i == node.i or node.dep_ in ("acl", "acl:relcl", "appos", "conj"):
                return None
            node = node.head
            if node.pos_ in VERB_POS:
                return node
        return None

    def objects_of(self, tok, preps: frozenset, prefer_adps: bool = False) -> tuple[list[Arg], list[Arg]]:
        """(targets, other obliques) of the verb ``tok``; with ``prefer_adps`` an oblique marked by one
        of ``preps`` goes before the object ("extradited a hacker [to the United States]")."""
        targets: list[Arg] = []
        obliques: list[Arg] = []
        for c in tok.children:
            if c.dep_ in OBJECTS:
                targets += self.apposed_object(c, "obj") or self.actors_in(c, "obj")
            elif c.dep_ == "iobj":
                targets += self.actors_in(c, "iobj")
        if not targets:
            for c in tok.children:
                bare = not any(x.dep_ in ("case", "cop", "mark") for x in c.children)
                if c.dep_ == "xcomp" and c.pos_ == "PROPN" and c.i in self.at and bare:
                    # "Russian troops entered Kharkiv.": a rare name the parser made a predicate is the object
                    targets += self.actors_in(c, "xcomp-obj")
        if not targets:
            for c in tok.children:
                split = split_subject(c, self.d, self.lang) if c.pos_ in VERB_POS else None
                if split is not None:  # "Iran attacked Israel and Jordan closed ...": Israel, parsed as a subject
                    targets += self._np_actors(split[0], "clause-subj-obj", 3, set())
        if not targets:
            for c in tok.children:
                if c.dep_ in OBJECTS and c.i not in self.at:
                    # "sent troops to Ukraine", "mengirim pasukan ke Ukraina": the target hangs on the object
                    for cc in c.children:
                        adp = self._case(cc)
                        if cc.dep_ == "nmod" and adp in preps:
                            targets += self.actors_in(cc, f"obj>nmod({adp})")
        if not targets:  # "menarik pasukan penjaga perdamaian [dari Lebanon]": on a word of the object's compound
            targets = [a for c in tok.children if c.dep_ in OBJECTS and c.i not in self.at for a in self.marked_in_np(c, preps, "obj")]
        by_adp: list[Arg] = []
        for c in tok.children:
            if c.dep_ in ("obl", "nmod", "obl:arg"):
                c, adp = self.through_compound_adp(c)
                if adp is None or adp in self.d.passive_agent:
                    continue
                found = self.apposed_object(c, f"obl({adp})") or self.actors_in(c, f"obl({adp})")
                roles = self.d.adp_roles.get(adp, ())
                if adp in preps and (not targets or prefer_adps):
                    by_adp += found
                else:
                    obliques += [_re(a, a.rule, adp=adp, role=roles[0] if roles else None) for a in found]
        if prefer_adps and by_adp:
            obliques += [_re(a, a.rule, adp=None, role="object") for a in targets]
            return by_adp + more_targets(self, tok, by_adp, preps), obliques
        if not targets and not by_adp:
            by_adp = self._partner_of_left(tok)
        found = targets + by_adp
        if found:
            found += more_targets(self, tok, found, preps)
        return found, obliques

    def through_compound_adp(self, tok):
        """(the phrase, its adposition) of the oblique ``tok``, seen through a multi-word adposition the parse made a
        noun (syntax.json ``compound_adpositions``): "in front of the Japanese embassy" parsed as "in [front] of
        [embassy]" is the embassy's phrase marked like "outside"; any other oblique is itself with its own case."""
        adp = self._case(tok)
        if adp is None or not self.d.compound_adps:
            return tok, adp
        for c in tok.children:
            inner = self._case(c)
            if c.dep_ == "nmod" and c.i > tok.i and inner is not None:
                same = self.d.compound_adps.get(f"{adp} {tok.lower_} {inner}")
                if same:
                    return c, same
        return tok, adp

    def controlled_subject(self, tok) -> list[Arg]:
        """The one an object-control verb addresses when the parse made it the subject of the controlled clause
        ("Indonesia meminta Israel menjamin keselamatan ...": ``ccomp`` with ``nsubj`` Israel, not ``obj`` and
        ``xcomp``): the subject right after the verb of a clausal complement with no mark but a control mark
        ("untuk", "agar"; not "bahwa": "warned that Israel would ..." addresses no one)."""
        if not _is(tok, self.d.object_control, self.lang):
            return []
        for c in tok.children:
            if c.dep_ not in ("ccomp", "xcomp") or c.pos_ not in VERB_POS or c.i < tok.i:
                continue
            if not {m.lower_ for m in c.children if m.dep_ == "mark"} <= self.d.control_marks:
                continue
            for subj in addressed(tok, c, self.lang, lambda o: bool(self.actors_in(o, "addressee"))):
                if subj.head.i == c.i and subj.dep_ in SUBJECTS:
                    return self.actors_in(subj, f"{c.dep_}>nsubj")
        return []

    def _partner_of_left(self, tok) -> list[Arg]:
        """"pulled out of its defence pact with France", "menarik diri dari pakta dengan Prancis": the
        partner of what the verb leaves (an oblique marked by a source adposition, or after a source
        particle: "out of") is the verb's target."""
        source = self.d.adps("source")
        particle = any(c.dep_ == "compound:prt" and c.lower_ in source for c in tok.children)
        partner = self.d.adps("partner")
        found: list[Arg] = []
        for c in tok.children:
            adp = self._case(c) if c.dep_ in ("obl", "obl:arg") else None
            if adp is None or not (adp in source or particle) or c.i in self.at:
                continue
            for cc in c.children:
                inner = self._case(cc)
                if cc.dep_ == "nmod" and inner in partner:
                    found += self.actors_in(cc, f"obl({adp})>nmod({inner})")
        return found

    def marked_in_np(self, noun, preps: frozenset, rule: str, *, depth: int = 3) -> list[Arg]:
        """The actors of the ``nmod`` phrases marked by one of ``preps`` inside the noun phrase of ``noun`` (no actor
        itself), on the noun or on the bare nouns that modify it ("ganti rugi perang [dari Jerman]", "pasukan penjaga
        perdamaian [dari PBB]": the parse hangs the phrase on any word of the compound). The walk does not enter an
        event noun whose own party such an adposition marks (:func:`~kg.extract.syntax.data.away_nouns`):
        "penarikan pasukan dari Ukraina" is where the troops leave, not who is asked."""
        found: list[Arg] = []
        level = [noun]
        for _ in range(depth):
            nxt = []
            for t in level:
                if t.i in self.at or _is(t, away_nouns(self.lang), self.lang):
                    continue
                for c in t.children:
                    adp = self._case(c)
                    if c.dep_ == "nmod" and adp in preps:
                        found += self.actors_in(c, f"{rule}>nmod({adp})")
                    elif c.dep_ in ("compound", "flat") or (c.dep_ == "nmod" and adp is None and c.i > t.i):
                        nxt.append(c)
            if found:
                return found
            level = nxt
        return found

    def located_patient(self, tok, noun: bool) -> list[Arg]:
        """The place an attack's patient is in, when the patient names no actor: "hit a clinic in Dnipro",
        "shelling of Kurdish towns in northern Syria", "menyerang kilang minyak di Ryazan". The object's (a
        verb's) or the of-phrase's (an event noun's, or its bare patient: "pengeboman kota di ...") nmod
        marked by a *containment* adposition, unless it names the sea or the coast (``vicinity_words``)."""
        inside = self.d.adps("containment")
        found: list[Arg] = []
        for c in tok.children:
            adp = self._case(c)
            if noun:
                patient = c.dep_ in ("nmod", "compound") and (adp in self.d.adps("of") or (adp is None and c.i > tok.i))
            else:
                patient = c.dep_ in OBJECTS
            if not patient or c.i in self.at:
                continue
            for cc in c.children:
                inner = self._case(cc)
                if cc.dep_ == "nmod" and inner in inside and not _is(cc, self.d.vicinity_words, self.lang):
                    # not "a ship in the waters off Yemen", "kapal di lepas pantai Yaman": the sea is no state's
                    found += self.actors_in(cc, f"{c.dep_}{f'({adp})' if adp else ''}>nmod({inner})")
        return found

    # nouns ------------------------------------------------------------------------------------------
    def _patient_noun(self, tok) -> bool:
        low = tok.lower_
        if low in self.d.patient_prefix_exceptions:
            return False
        return any(low.startswith(p) and len(low) > len(p) + 3 for p in self.d.patient_prefixes)

    def noun_args(self, tok, preps: frozenset) -> tuple[list[Arg], list[Arg], list[Arg]]:
        """(sources, targets, obliques) of the event noun ``tok`` from its own dependents."""
        sources: list[Arg] = []
        targets: list[Arg] = []
        obliques: list[Arg] = []
        of_args: list[Arg] = []
        bare: list[Arg] = []
        for c in tok.children:
            dep = c.dep_
            c, adp = self.through_compound_adp(c)
            if dep in ("nmod:poss", "det:poss"):
                found = self.actors_in(c, "nmod:poss")
                if not found and c.lower_ in self.d.possessive_pronouns:
                    found = [_re(a, "poss-pronoun") for a in self.pronoun_owner(tok)]
                sources += found
            elif dep in ("amod", "compound", "flat") and c.i < tok.i:
                sources += self.actors_in(c, dep)
            elif (dep in ("nmod", "obl", "acl") or dep == "conj" and marked_apart(c, tok)) and adp is not None:  # "dan ke Suriah"
                if adp in self.d.adps("agent"):
                    sources += self.actors_in(c, f"nmod({adp})")
                elif adp in self.d.adps("of"):
                    of_args += self.actors_in(c, f"nmod({adp})")
                elif adp in preps:
                    targets += self.actors_in(c, f"nmod({adp})")
                else:
                    roles = self.d.adp_roles.get(adp, ())
                    obliques += [_re(a, a.rule, adp=adp, role=roles[0] if roles else None) for a in self.actors_in(c, f"nmod({adp})")]
            elif dep in ("nmod", "compound", "flat", "flat:name") and adp is None and c.i > tok.i:
                bare += self.actors_in(c, "nmod")  # "Blokade [Arab Saudi] atas ...", parsed as a name
        if bare:
            # Indonesian "serangan Israel" (agent) / "pengeboman Gaza" (patient) / English "the Gaza strikes" (none)
            if self.d.bare_nmod == "agent" and (targets or not self._patient_noun(tok)):
                sources += bare
            elif self.d.bare_nmod == "agent":
                targets += bare
        if of_args:
            if sources:
                targets += of_args
            elif _is(tok, self.d.of_agent_nouns, self.lang):
                sources += [_re(a, a.rule + "-agent") for a in of_args]
            else:
                targets += of_args
        return sources, targets, obliques

    def pronoun_owner(self, noun) -> list[Arg]:
        """Whose "its"/"their" is it: the object of the verb whose reason the noun gives ("condemned Russia for its
        attacks", lang.json ``reason_preps``), else the subject of the clause the noun belongs to ("Russia defended
        its annexation"), or the speaker ("Iran said its strike was ...")."""
        verb = noun
        for _ in range(6):
            if verb.head.i == verb.i:
                break
            verb = verb.head
            if verb.pos_ in VERB_POS:
                break
        if verb.pos_ not in VERB_POS:
            return []
        if noun.head.i == verb.i and self._case(noun) in settings(self.lang).reason_preps:
            # "condemned Russia for its attacks", "mengecam Rusia atas serangannya": the one acted on, for its own act
            found = [a for c in verb.children if c.dep_ in OBJECTS for a in self.actors_in(c, "obj", depth=1)]
            if found:
                return found
        found = self.subject_of(verb, self.is_passive(verb), 2) if not self.is_passive(verb) else []
        if found:
            return found
        speech = self.speech_of(verb)
        return list(speech.speakers) if speech else []

    def governor(self, noun):
        """The verb a noun trigger is an argument of (through compounds and conjoined nouns)."""
        tok = noun
        for _ in range(4):
            if tok.dep_ in ("compound", "conj", "flat", "appos") and tok.head.i != tok.i:
                tok = tok.head
                continue
            break
        if tok.dep_ in OBJECTS + SUBJECTS + PASSIVE_SUBJECTS + ("obl", "nmod", "xcomp") and tok.head.pos_ in VERB_POS:
            return tok.head, tok.dep_
        return None, None

    # speech -----------------------------------------------------------------------------------------
    def speech_of(self, tok) -> Speech | None:
        """The speech act ``tok`` is reported in: up through its clause to a ``ccomp`` of a speech verb;
        or a speech verb in ``parataxis`` under the clause; or "according to X"."""
        node = tok
        for _ in range(8):
            for c in node.children:
                if c.dep_ == "parataxis" and c.pos_ in VERB_POS and _is(c, self.d.speech_verbs, self.lang) and c.i != tok.i:
                    return Speech(c.i, tuple(_re(a, "parataxis-speech") for a in self.subject_of(c, self.is_passive(c), 3)), "parataxis-speech", self.negated(c))
                if c.dep_ in ("obl", "nmod", "advmod", "obl:arg") and node.pos_ in VERB_POS:
                    adp = self._case(c)
                    if adp in self.d.speaker_adps or c.lower_ in self.d.speaker_adps:
                        found = tuple(_re(a, "according-to") for a in self.actors_in(c, "according-to"))
                        if found:
                            return Speech(c.i, found, "according-to")
            head = node.head
            if head.i == node.i:
                return None
            if node.dep_ in ("ccomp", "parataxis", "xcomp") and head.pos_ in VERB_POS and _is(head, self.d.speech_verbs, self.lang):
                if node.dep_ == "xcomp" and any(c.dep_ in OBJECTS + ("iobj",) for c in head.children):
                    node = head
                    continue  # "warned Israel to stop": asked of the object, not said to have happened
                rule = "ccomp<speech" if node.dep_ == "ccomp" else f"{node.dep_}<speech"
                return Speech(head.i, tuple(_re(a, rule) for a in self.subject_of(head, self.is_passive(head), 3)), rule, self.negated(head))
            if node.dep_ in ("acl:relcl",):
                return None  # a relative clause is not what was said
            node = head
        return None

