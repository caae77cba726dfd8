"""Event merging: the reports of one happening become one event with many mentions, inside one article
(headline, lead, recap) and across articles (many outlets), in ``kg build`` and ``kg export`` alike.

kg extracts one event per mention (a sentence of one article). :func:`merge_events` folds mentions of the
same happening into one event, like GDELT's NumMentions, NumSources and NumArticles, and records why each
mention was folded in, so that ``kg explain`` can show it. It works in two steps, with one set of rules
(:class:`MergeOptions`), whatever made the graph (``kg build`` or a store):

1. **Inside one document** (``same_document``), two mentions are one act when they have the same modality,
   the same actors in the same roles (for symmetric events such as calls, the same participants), the
   same or compatible CAMEO codes (equal, or one more specific than the other: "190" and "195"; a
   call "041" and a visit "043" are two acts), compatible places (equal, or one names none) and compatible dates:
   equal, one containing the other ("2024-04" and "2024-04-16"), or one of them *weak*. A weak date is one
   that was not stated in the body: inferred from the document's date, missing, or stated in the headline
   (the headline is the document's title when the text starts with it); a weak date is accepted when it
   is at most ``inferred_days`` after the stated one (and at most ``window_days`` before it). A headline
   mention is evidence, never the date source when the body states one. The report takes the best
   supported date: stated in the body beats stated in the headline beats inferred; day beats month beats
   year.
2. **Across documents**, the reports (one per act per document) are one happening when they have the
   same modality, actors, root (or code), date precision, dates at most ``window_days`` apart (equal for
   month and year precision; undated reports never merge) and compatible places. Two reports of one
   document never merge here: the first step kept them apart.

Clustering is deterministic and independent of the order documents were added in: mentions are sorted by
date strength and offset inside a document, reports by (date, event id) across documents, and each joins
the first open cluster compatible with its anchor (its first member), so chains of near dates never
drift. The merged event keeps the anchor's id (a single mention keeps its own id), the most specific code
its mentions support, the best supported date, a place if any mention names one, and gets edge attributes
``mentions``, ``articles``, ``sources`` (distinct publishers, else URL hosts, else documents),
``publishers``, ``doc_ids`` and ``merged_from`` (member event ids). ``G.graph["merges"]`` holds, per
merged event, every mention with its provenance and the reason it was merged (``merges.json`` next to a
build's outputs, read by ``kg explain``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from urllib.parse import urlsplit

import networkx as nx

MATCHES = ("root", "code")


MERGES_FILE = "merges.json"


@dataclass(frozen=True)
class MergeOptions:
    window_days: int = 1
    match: str = "root"  # "root" or "code"
    same_document: bool = True  # may two mentions in one article be the same happening (headline, lead, recap)?
    enabled: bool = True
    inferred_days: int = 7  # in one article, how many days before a weak (inferred, headline) date a stated one may be

    def __post_init__(self):
        if self.match not in MATCHES:
            raise ValueError(f"match must be one of {', '.join(MATCHES)}, not {self.match!r}")
        if self.window_days < 0:
            raise ValueError("window_days must be >= 0")
        if self.inferred_days < 0:
            raise ValueError("inferred_days must be >= 0")


@dataclass
class EventMention:
    """One extracted event (one mention in one document), as the merger sees it: read back from the event
    graph's edges. Not :class:`kg.model.Mention`, which is where in a text an event was said."""

    event_id: str
    doc_id: str
    sources: frozenset[str]
    targets: frozenset[str]
    symmetric: bool
    code: str
    root: str
    modality: str
    date: str
    precision: str
    inferred: bool
    place_id: str
    confidence: float
    edges: list[tuple[str, str, str, dict]] = field(default_factory=list)
    place_edge: tuple[str, str, str, dict] | None = None
    headline: bool = False  # said in the document's title line
    char_start: int = 0
    coref: dict[str, str] = field(default_factory=dict)  # actor named by role -> the person holding it here

    @property
    def participants(self) -> frozenset[str]:
        return self.sources | self.targets

    @property
    def weak(self) -> bool:
        """No date stated in the body: undated, inferred from the document's date, or from the headline."""
        return not self.date or self.inferred or self.headline

    @property
    def date_rank(self) -> int:
        """How well the date is supported (lower is better): stated in the body (day, month, year), stated
        in the headline, inferred from the document's date, none."""
        if not self.date:
            return 6
        if self.inferred:
            return 5
        return {"day": 0, "month": 1, "year": 2}.get(self.precision, 2) + (3 if self.headline else 0)

    def day(self) -> date | None:
        if self.precision != "day" or not self.date:
            return None
        try:
            return date.fromisoformat(self.date)
        except ValueError:
            return None


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_headline(title: str, sentence: str, char_start: int) -> bool:
    """Is a mention at ``char_start`` in ``sentence`` said in the document's title line (the title being the
    text's first line: ingest takes it from metadata or the first line, and HTML pages start with it)?"""
    t, s = _norm(title or ""), _norm(sentence or "")
    if not t or not s or char_start > len(title) + 2:
        return False
    return t.startswith(s) or s.startswith(t)


def role_holders(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], str]:
    """Per document, the person who holds a role: ``(doc_id, code, role) -> person`` when the document
    names exactly one person in that role ("presiden Iran, Ebrahim Raisi")."""
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for u, v, d in G.edges(data=True):
        if "event_code" not in d:
            continue
        for side, node in (("source", u), ("target", v)):
            role, code = (d.get(f"{side}_role") or "").casefold(), d.get(f"{side}_code") or ""
            if role and code and G.nodes[node].get("kind") == "person":
                found[(d["doc_id"], code, role)].add(node)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def mentions_of(G: nx.MultiDiGraph) -> dict[str, EventMention]:
    """Every event of ``G`` as an :class:`EventMention`, keyed by event id. Inside a document, an actor named
    by its role only ("Presiden Iran", coded as the state) stands for the one person the document names
    in that role (coreference), so a headline and its body have the same participants."""
    out: dict[str, EventMention] = {}
    places: dict[str, tuple] = {}
    docs = G.graph.get("documents", {})
    holders = role_holders(G)
    for u, v, k, d in G.edges(keys=True, data=True):
        if "event_code" not in d:
            if d.get("kind") == "place_of" and d.get("event_id"):
                places[d["event_id"]] = (u, v, k, d)
            continue
        m = out.get(d["event_id"])
        if m is None:
            start = int(d.get("char_start") or 0)
            title = docs.get(d["doc_id"], {}).get("title", "")
            m = out[d["event_id"]] = EventMention(
                event_id=d["event_id"], doc_id=d["doc_id"], sources=frozenset(), targets=frozenset(),
                symmetric=bool(d.get("symmetric")), code=str(d["event_code"]), root=str(d["event_root"]),
                modality=d.get("modality", "asserted"), date=d.get("date") or "", precision=d.get("date_precision") or "",
                inferred=bool(d.get("date_inferred")), place_id=d.get("place_id") or "", confidence=float(d.get("confidence", 0.5)),
                headline=is_headline(title, d.get("sentence", ""), start), char_start=start,
            )  # fmt: skip
        ends = []
        for side, node in (("source", u), ("target", v)):
            person = None
            if G.nodes[node].get("kind") != "person" and d.get(f"{side}_role"):
                person = holders.get((d["doc_id"], d.get(f"{side}_code") or "", d[f"{side}_role"].casefold()))
            if person and person != node:
                m.coref[node] = person
            ends.append(person or node)
        m.sources = m.sources | {ends[0]}
        m.targets = m.targets | {ends[1]}
        m.edges.append((u, v, k, d))
    for eid, edge in places.items():
        if eid in out:
            out[eid].place_edge = edge
    for m in out.values():
        m.edges.sort(key=lambda e: e[2])
    return out


def _stem(code: str) -> str:
    """A code without its "not specified" zero: "190" -> "19", "1041" -> "1041", "040" -> "04"."""
    return code[:2] if len(code) == 3 and code.endswith("0") else code


def refines(specific: str, general: str) -> bool:
    """Is ``specific`` the code ``general`` or a more specific one ("195" refines "190", "1041" "104")?"""
    return specific == general or specific.startswith(_stem(general))


def specificity(code: str) -> int:
    return len(_stem(code))


def codes_compatible(a: str, b: str) -> bool:
    return refines(a, b) or refines(b, a)


def _actor_reasons(a: EventMention, b: EventMention) -> list[str]:
    reasons = []
    if a.modality != b.modality:
        reasons.append(f"modality {a.modality} vs {b.modality}")
    if a.symmetric or b.symmetric:
        if a.participants != b.participants:
            reasons.append(f"participants {_ids(a.participants)} vs {_ids(b.participants)}")
    else:
        if a.sources != b.sources:
            reasons.append(f"sources {_ids(a.sources)} vs {_ids(b.sources)}")
        if a.targets != b.targets:
            reasons.append(f"targets {_ids(a.targets)} vs {_ids(b.targets)}")
    return reasons


def _code_reasons(a: EventMention, b: EventMention, options: MergeOptions, *, same_document: bool) -> list[str]:
    """Across articles outlets code one act differently: the same root will do (``match="root"``). Inside
    one article, two specific codes of one root are two acts (a call and a visit, an air strike and
    shelling): the codes must be equal or one more specific than the other ("190" and "195")."""
    if same_document:
        ok = a.root == b.root and codes_compatible(a.code, b.code)
        return [] if ok else [f"CAMEO codes {a.code} vs {b.code} (neither is a kind of the other)"]
    if options.match == "code":
        return [] if a.code == b.code else [f"CAMEO code {a.code} vs {b.code}"]
    return [] if a.root == b.root else [f"CAMEO root {a.root} vs {b.root}"]


def _place_reasons(a: EventMention, b: EventMention, place: str | None) -> list[str]:
    p = a.place_id if place is None else place
    return [f"places {p} vs {b.place_id}"] if p and b.place_id and p != b.place_id else []


def _first_day(value: str) -> date | None:
    try:
        parts = [int(x) for x in value.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _last_day(value: str) -> date | None:
    first = _first_day(value)
    if first is None:
        return None
    n = value.count("-")
    if n == 2:
        return first
    if n == 1:
        return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first.replace(month=12, day=31)


def _date_reasons_in_document(a: EventMention, b: EventMention, options: MergeOptions) -> list[str]:
    """Dates of two reports of one document: equal, one containing the other, or one of them weak (then
    the stated date lies at most ``inferred_days`` before the weak one and ``window_days`` after it)."""
    if not a.date or not b.date:
        return []
    if not a.weak and not b.weak:
        if a.date.startswith(b.date) or b.date.startswith(a.date):
            return []
        return [f"dates stated {a.date} vs {b.date}"]
    strong, weak = (a, b) if b.weak else (b, a)
    if strong.weak:  # both weak: the same precision and window rule as across documents
        return _date_reasons_across(a, b, options)
    lo, hi, w = _first_day(strong.date), _last_day(strong.date), _first_day(weak.date)
    if lo is None or hi is None or w is None:
        return [f"dates {a.date} vs {b.date}"]
    if hi < w - timedelta(days=options.inferred_days) or lo > w + timedelta(days=options.window_days):
        how = "inferred" if weak.inferred else "headline's"
        return [f"{how} date {weak.date} more than {options.inferred_days} day(s) after the stated {strong.date}"]
    return []


def _date_reasons_across(a: EventMention, b: EventMention, options: MergeOptions) -> list[str]:
    if not a.date or not b.date:
        return ["undated mention"]
    if a.precision != b.precision:
        return [f"date precision {a.precision} vs {b.precision}"]
    if a.precision == "day":
        da, db = a.day(), b.day()
        if da is None or db is None or abs((db - da).days) > options.window_days:
            return [f"dates {a.date} and {b.date} more than {options.window_days} day(s) apart"]
        return []
    return [] if a.date == b.date else [f"dates {a.date} vs {b.date}"]


def why_not(a: EventMention, b: EventMention, options: MergeOptions, *, place: str | None = None) -> list[str]:
    """Reasons ``b`` is not the same happening as ``a`` (empty: they may merge). ``place``: the cluster's.
    Mentions of one document follow the rules for reports of one article, others those across articles."""
    same = a.doc_id == b.doc_id
    if same and not options.same_document and a.event_id != b.event_id:
        return ["two mentions of one document are kept apart (same_document is off)"]
    reasons = _actor_reasons(a, b) + _code_reasons(a, b, options, same_document=same)
    reasons += _date_reasons_in_document(a, b, options) if same else _date_reasons_across(a, b, options)
    return reasons + _place_reasons(a, b, place)


def _date_relation(anchor: EventMention, m: EventMention) -> str:
    if m.date == anchor.date and m.weak == anchor.weak:
        return f"same date {m.date or '(none)'}"
    if not m.weak:
        return f"stated date {m.date} within {anchor.date}" if m.date != anchor.date else f"same date {m.date}"
    if m.headline and m.date and not m.inferred:
        what = f"the headline's date {m.date}"
    elif m.date:
        what = f"no date stated (the document's date {m.date} was inferred)"
    else:
        what = "no date"
    return f"{what}; the event takes {anchor.date or 'no date'}" + ("" if anchor.weak else " stated in the text")


def why_merged(anchor: EventMention, m: EventMention, options: MergeOptions) -> str:
    if m.event_id == anchor.event_id:
        return "anchor: the best dated report of the earliest article (its id is the merged event's id)"
    actors = (f"same participants {_ids(m.participants)}" if m.symmetric or anchor.symmetric
              else f"same sources {_ids(m.sources)} and targets {_ids(m.targets)}")  # fmt: skip
    if m.code == anchor.code:
        kind = f"same CAMEO code {m.code}"
    elif codes_compatible(m.code, anchor.code):
        kind = f"same CAMEO root {m.root} ({anchor.code} and {m.code}: one is more specific)"
    else:
        kind = f"same CAMEO root {m.root} ({anchor.code} vs {m.code})"
    if m.doc_id == anchor.doc_id:
        head = f"another report of the same act in document {m.doc_id}" + (" (its headline)" if m.headline else "")
        when = _date_relation(anchor, m)
    else:
        head = f"merged with {anchor.event_id}"
        if m.precision == "day":
            da, dm = anchor.day(), m.day()
            days = abs((dm - da).days) if da and dm else 0
            when = f"dates {anchor.date} and {m.date}, {days} day(s) apart (window {options.window_days})"
        else:
            when = f"same {m.precision} {m.date}"
    if m.place_id and anchor.place_id and m.place_id == anchor.place_id:
        where = f"same place {m.place_id}"
    elif m.place_id or anchor.place_id:
        where = "one of them names no place"
    else:
        where = "neither names a place"
    same = "".join(f" ({a} here is {b}, the one person this document names in that role)" for a, b in sorted({**anchor.coref, **m.coref}.items())
                   if m.doc_id == anchor.doc_id)
    return f"{head}: {m.modality}, {actors}{same}, {kind}, {when}, {where}"


def _ids(s: frozenset[str]) -> str:
    return "{" + ", ".join(sorted(s)) + "}"


def _sort_key(m: EventMention) -> tuple:
    return (m.date or "~", m.event_id)


def _doc_key(m: EventMention) -> tuple:
    return (m.date_rank, m.char_start, m.event_id)


def _actor_key(m: EventMention) -> tuple:
    return (m.participants,) if m.symmetric else (m.sources, m.targets)


def _in_document(members: list[EventMention], options: MergeOptions) -> list[list[EventMention]]:
    """Step 1: one document's mentions of one dyad, modality and root grouped into acts (best dated first)."""
    members = sorted(members, key=_doc_key)
    if not options.same_document:
        return [[m] for m in members]
    clusters: list[dict] = []
    for m in members:
        for c in clusters:
            if not why_not(c["members"][0], m, options, place=c["place"]):
                c["members"].append(m)
                c["place"] = c["place"] or m.place_id
                break
        else:
            clusters.append({"members": [m], "place": m.place_id})
    return [c["members"] for c in clusters]


def document_reports(mentions: dict[str, EventMention], options: MergeOptions) -> list[list[EventMention]]:
    """Step 1: each document's mentions grouped into reports of one act (best dated first). It needs only
    one document's mentions at a time, so it can run where the document was extracted (:mod:`kg.scale`)."""
    by_doc: dict[tuple, list[EventMention]] = defaultdict(list)
    for m in mentions.values():
        by_doc[(m.doc_id, m.modality, m.root, m.symmetric) + _actor_key(m)].append(m)
    reports: list[list[EventMention]] = []
    for _key, members in sorted(by_doc.items(), key=lambda kv: min(x.event_id for x in kv[1])):
        reports.extend(_in_document(members, options))
    return reports


def report_key(rep: list[EventMention]) -> tuple:
    """Step 2's blocking key of a report: reports with different keys never merge (an undated report is
    alone). Every date window lies inside one key's reports, so step 2 can run per key anywhere."""
    a = rep[0]
    if not a.date:
        return ("undated", a.event_id)
    return (a.modality, a.precision, a.participants, a.root)


def cluster_reports(reps: list[list[EventMention]], options: MergeOptions) -> list[list[EventMention]]:
    """Step 2 for the reports of one blocking key (:func:`report_key`): happenings across documents."""
    reps = sorted(reps, key=lambda r: _sort_key(r[0]))
    clusters: list[dict] = []  # {"reports": [...], "place": str, "docs": set}
    active: list[dict] = []
    for rep in reps:
        m = replace(rep[0], place_id=_place_of(rep))  # the report: its best dated mention, its place
        day = m.day()
        if day is not None:
            active = [c for c in active if (day - c["anchor"].day()).days <= options.window_days]
        for c in active:
            if m.doc_id in c["docs"]:
                continue  # step 1 kept them apart
            if not why_not(c["anchor"], m, options, place=c["place"]):
                c["reports"].append(rep)
                c["docs"].add(m.doc_id)
                c["place"] = c["place"] or m.place_id
                break
        else:
            c = {"reports": [rep], "anchor": m, "place": m.place_id, "docs": {m.doc_id}}
            clusters.append(c)
            active.append(c)
    return [[x for r in c["reports"] for x in r] for c in clusters]


def cluster(mentions: dict[str, EventMention], options: MergeOptions) -> list[list[EventMention]]:
    """Mentions grouped into happenings, deterministically (each cluster sorted, anchor first): first the
    reports of one act inside each document, then those reports across documents."""
    if not options.enabled:
        return [[m] for m in sorted(mentions.values(), key=_sort_key)]
    groups: dict[tuple, list[list[EventMention]]] = defaultdict(list)
    for rep in document_reports(mentions, options):
        groups[report_key(rep)].append(rep)
    out: list[list[EventMention]] = []
    for _key, reps in groups.items():
        out.extend(cluster_reports(reps, options))
    out.sort(key=lambda ms: _sort_key(ms[0]))
    return out


def _place_of(rep: list[EventMention]) -> str:
    return next((m.place_id for m in rep if m.place_id), "")


def source_of(meta: dict, doc_id: str) -> str:
    """Who published a document: its publisher, else its URL's host, else the document itself."""
    if meta.get("publisher"):
        return meta["publisher"].strip()
    if meta.get("url"):
        host = urlsplit(meta["url"]).hostname or ""
        if host:
            return host.removeprefix("www.")
    return f"doc:{doc_id}"


def merge_events(G: nx.MultiDiGraph, options: MergeOptions = MergeOptions()) -> nx.MultiDiGraph:
    """A new graph in which mentions of one happening are one event (``G`` is left unchanged). With
    ``options.enabled`` off every mention stays its own event (and still gets the count attributes)."""
    docs = G.graph.get("documents", {})
    return merged_graph(G, (merged_event(members, docs, options) for members in cluster(mentions_of(G), options)), options)


def merged_graph(G: nx.MultiDiGraph, events: Iterable[tuple[str, list, dict]], options: MergeOptions) -> nx.MultiDiGraph:
    """The merged graph: ``G``'s nodes and graph attributes (its ``merges`` replaced), then each merged event
    ``(id, edges, record)`` of ``events`` (:func:`merged_event`) in that order. Shared by :func:`merge_events`
    and the Dask merge (:func:`kg.scale.engine.assemble`)."""
    H = nx.MultiDiGraph()
    H.graph.update({k: v for k, v in G.graph.items() if k != "merges"})
    H.graph["merge_options"] = asdict(options)
    merges: dict[str, dict] = {}
    H.graph["merges"] = merges
    H.add_nodes_from(G.nodes(data=True))
    for mid, edges, record in events:
        for u, v, key, attrs in edges:
            H.add_edge(u, v, key=key, **attrs)
        merges[mid] = record
    return H


def merged_event(members: list[EventMention], docs: dict, options: MergeOptions) -> tuple[str, list[tuple[str, str, str, dict]], dict]:
    """One cluster (anchor first) as the merged event: its id, its edges ``(u, v, key, attrs)`` (the dyads,
    then the place link) and its ``merges`` record. ``docs``: the metadata of (at least) its documents."""
    edges: list[tuple[str, str, str, dict]] = []
    anchor = members[0]
    mid = anchor.event_id
    code = _best_code(members)
    rep = _representative(members, code)
    date_m = _date_member(members)
    place_m = next((m for m in members if m.place_id), None)
    doc_ids = sorted({m.doc_id for m in members})
    publishers = sorted({source_of(docs.get(d, {}), d) for d in doc_ids})
    merged_from = sorted(m.event_id for m in members)
    # the event is as credible as its best-found report: a headline's weak report joins a clear body report
    extra = {"mentions": len(members), "articles": len(doc_ids), "sources": len(publishers),
             "publishers": publishers, "doc_ids": doc_ids, "merged_from": merged_from,
             "confidence": max(m.confidence for m in members)}  # fmt: skip
    place_attrs = {}
    if place_m is not None:
        pd = place_m.edges[0][3]
        place_attrs = {"place": pd.get("place", ""), "place_id": pd.get("place_id", "")}
    date_attrs = {}
    if date_m is not None:
        dd = date_m.edges[0][3]
        date_attrs = {"date": dd["date"], "date_precision": dd["date_precision"], "date_inferred": dd["date_inferred"]}
    for n, (u, v, _k, d) in enumerate(rep.edges):
        attrs = {**d, **date_attrs, **place_attrs, **extra, "event_id": mid}
        edges.append((u, v, f"{mid}#{n}", attrs))
    if place_m is not None:
        src = sorted(rep.sources)[0] if not rep.place_edge else rep.place_edge[0]
        edges.append((src, f"place:{place_m.place_id}", f"{mid}@place", {"kind": "place_of", "event_id": mid}))
    heads = {m.doc_id: m for m in reversed(members)}  # each article's first (best dated) report
    record = {
        "anchor": anchor.event_id,
        "mentions": [_mention_record(m, docs, why_merged(anchor if m.doc_id == anchor.doc_id or heads[m.doc_id] is m
                                                         else heads[m.doc_id], m, options))
                     for m in members],
    }  # fmt: skip
    return mid, edges, record


def _best_code(members: list[EventMention]) -> str:
    """The most specific code the mentions support: each code counts the mentions it refines or equals
    (a "195" report is also an instance of a "190" one); then the more specific code, then the smaller."""
    codes = sorted({m.code for m in members})
    votes = {c: sum(1 for m in members if refines(c, m.code)) for c in codes}
    return min(codes, key=lambda c: (-votes[c], -specificity(c), c))


def _representative(members: list[EventMention], code: str | None = None) -> EventMention:
    """The mention whose wording (code, participants' surface forms, sentence) stands for the event: one
    with the event's code, said in a body rather than a headline, with a stated date, most confident."""
    pool = [m for m in members if m.code == code] or members
    return min(pool, key=lambda m: (m.headline, m.weak, -m.confidence, m.event_id))


def _date_member(members: list[EventMention]) -> EventMention | None:
    """The mention whose date is the event's: the best supported class of dates (stated in a body, in a
    headline, inferred), and in it the date most articles give (earliest on ties)."""
    dated = [m for m in members if m.date]
    if not dated:
        return None
    best = min(m.date_rank for m in dated)
    pool = [m for m in dated if m.date_rank == best]
    counts = Counter(m.date for m in {m.doc_id + "\x1f" + m.date: m for m in pool}.values())  # one vote per article
    value = min(counts, key=lambda d: (-counts[d], d))
    return min((m for m in pool if m.date == value), key=lambda m: m.event_id)


def _mention_record(m: EventMention, docs: dict, reason: str) -> dict:
    d = m.edges[0][3]
    meta = docs.get(m.doc_id, {})
    return {
        "event_id": m.event_id, "doc_id": m.doc_id, "date": m.date, "date_precision": m.precision,
        "date_inferred": m.inferred, "event_code": m.code, "event_root": m.root, "event_label": d.get("event_label", ""),
        "sources": sorted(m.sources), "targets": sorted(m.targets), "symmetric": m.symmetric, "place_id": m.place_id,
        "modality": m.modality, "headline": m.headline,
        "sentence": d.get("sentence", ""), "sentence_index": d.get("sentence_index"), "mention": d.get("mention", ""),
        "char_start": d.get("char_start"), "char_end": d.get("char_end"),
        "trigger": d.get("trigger", ""), "confidence": m.confidence, "publisher": source_of(meta, m.doc_id),
        "url": meta.get("url", ""), "title": meta.get("title", ""), "reason": reason,
    }  # fmt: skip
