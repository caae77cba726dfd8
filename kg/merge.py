"""Cross-document event merging: many reports of one happening become one event with many mentions.

kg extracts one event per mention (a sentence of one article). Over a corpus the same strike is reported
by many outlets; :func:`merge_events` folds those mentions into one event, like GDELT's NumMentions,
NumSources and NumArticles, and records why each mention was folded in, so that ``kg explain`` can show it.

Two mentions are the same happening when (conservative defaults, see :class:`MergeOptions`):

- they have the same modality (an asserted strike never merges with a denied or a planned one);
- they have the same actors in the same roles (the same set of sources and the same set of targets; for
  symmetric events such as meetings, the same set of participants whatever the roles);
- they have the same CAMEO root (``match="root"``, the default) or the same code (``match="code"``);
- both are dated with the same precision, and the dates are at most ``window_days`` apart (day
  precision) or equal (month, year); undated mentions are never merged;
- their places are compatible: the same place, or one of them has none.

Clustering is deterministic and independent of the order documents were added in: mentions are sorted by
(date, event id), and each joins the first open cluster it is compatible with; every member of a cluster
is within the window of its first (anchor) mention, so chains of near dates never drift. The merged event
keeps the anchor's id (a single mention keeps its own id, so a one-document graph is unchanged) and gets
edge attributes ``mentions``, ``articles``, ``sources`` (distinct publishers, else URL hosts, else
documents), ``publishers``, ``doc_ids`` and ``merged_from`` (member event ids). ``G.graph["merges"]``
holds, per merged event, every mention with its provenance and the reason it was merged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from urllib.parse import urlsplit

import networkx as nx

MATCHES = ("root", "code")


@dataclass(frozen=True)
class MergeOptions:
    window_days: int = 1
    match: str = "root"  # "root" or "code"
    same_document: bool = True  # may two mentions in one article be the same happening (lead + recap)?
    enabled: bool = True

    def __post_init__(self):
        if self.match not in MATCHES:
            raise ValueError(f"match must be one of {', '.join(MATCHES)}, not {self.match!r}")
        if self.window_days < 0:
            raise ValueError("window_days must be >= 0")


@dataclass
class Mention:
    """One extracted event (one mention in one document), as the merger sees it."""

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

    @property
    def participants(self) -> frozenset[str]:
        return self.sources | self.targets

    def day(self) -> date | None:
        if self.precision != "day" or not self.date:
            return None
        try:
            return date.fromisoformat(self.date)
        except ValueError:
            return None


def mentions_of(G: nx.MultiDiGraph) -> dict[str, Mention]:
    """Every event of ``G`` as a :class:`Mention`, keyed by event id."""
    out: dict[str, Mention] = {}
    places: dict[str, tuple] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        if "event_code" not in d:
            if d.get("kind") == "place_of" and d.get("event_id"):
                places[d["event_id"]] = (u, v, k, d)
            continue
        m = out.get(d["event_id"])
        if m is None:
            m = out[d["event_id"]] = Mention(
                event_id=d["event_id"], doc_id=d["doc_id"], sources=frozenset(), targets=frozenset(),
                symmetric=bool(d.get("symmetric")), code=str(d["event_code"]), root=str(d["event_root"]),
                modality=d.get("modality", "asserted"), date=d.get("date") or "", precision=d.get("date_precision") or "",
                inferred=bool(d.get("date_inferred")), place_id=d.get("place_id") or "", confidence=float(d.get("confidence", 0.5)),
            )  # fmt: skip
        m.sources = m.sources | {u}
        m.targets = m.targets | {v}
        m.edges.append((u, v, k, d))
    for eid, edge in places.items():
        if eid in out:
            out[eid].place_edge = edge
    for m in out.values():
        m.edges.sort(key=lambda e: e[2])
    return out


def why_not(a: Mention, b: Mention, options: MergeOptions, *, place: str | None = None) -> list[str]:
    """Reasons ``b`` is not the same happening as ``a`` (empty: they may merge). ``place``: the cluster's."""
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
    if options.match == "code" and a.code != b.code:
        reasons.append(f"CAMEO code {a.code} vs {b.code}")
    elif a.root != b.root:
        reasons.append(f"CAMEO root {a.root} vs {b.root}")
    if not a.date or not b.date:
        reasons.append("undated mention")
    elif a.precision != b.precision:
        reasons.append(f"date precision {a.precision} vs {b.precision}")
    elif a.precision == "day":
        da, db = a.day(), b.day()
        if da is None or db is None or abs((db - da).days) > options.window_days:
            reasons.append(f"dates {a.date} and {b.date} more than {options.window_days} day(s) apart")
    elif a.date != b.date:
        reasons.append(f"dates {a.date} vs {b.date}")
    p = a.place_id if place is None else place
    if p and b.place_id and p != b.place_id:
        reasons.append(f"places {p} vs {b.place_id}")
    return reasons


def why_merged(anchor: Mention, m: Mention, options: MergeOptions) -> str:
    if m.event_id == anchor.event_id:
        return "anchor: the earliest mention of the cluster (its id is the merged event's id)"
    actors = (f"same participants {_ids(m.participants)}" if m.symmetric or anchor.symmetric
              else f"same sources {_ids(m.sources)} and targets {_ids(m.targets)}")  # fmt: skip
    kind = f"same CAMEO code {m.code}" if m.code == anchor.code else f"same CAMEO root {m.root} ({anchor.code} vs {m.code})"
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
    return f"merged with {anchor.event_id}: {m.modality}, {actors}, {kind}, {when}, {where}"


def _ids(s: frozenset[str]) -> str:
    return "{" + ", ".join(sorted(s)) + "}"


def _sort_key(m: Mention) -> tuple:
    return (m.date or "~", m.event_id)


def cluster(mentions: dict[str, Mention], options: MergeOptions) -> list[list[Mention]]:
    """Mentions grouped into happenings, deterministically (each cluster sorted, anchor first)."""
    if not options.enabled:
        return [[m] for m in sorted(mentions.values(), key=_sort_key)]
    groups: dict[tuple, list[Mention]] = defaultdict(list)
    for m in mentions.values():
        if not m.date:
            groups[("undated", m.event_id)].append(m)
            continue
        groups[(m.modality, m.precision, m.participants, m.root)].append(m)
    out: list[list[Mention]] = []
    for _key, members in sorted(groups.items(), key=lambda kv: _sort_key(min(kv[1], key=_sort_key))):
        members.sort(key=_sort_key)
        clusters: list[dict] = []  # {"members": [...], "place": str, "docs": set}
        active: list[dict] = []
        for m in members:
            day = m.day()
            if day is not None:
                active = [c for c in active if (day - c["members"][0].day()).days <= options.window_days]
            for c in active:
                if not options.same_document and m.doc_id in c["docs"]:
                    continue
                if not why_not(c["members"][0], m, options, place=c["place"]):
                    c["members"].append(m)
                    c["docs"].add(m.doc_id)
                    c["place"] = c["place"] or m.place_id
                    break
            else:
                c = {"members": [m], "place": m.place_id, "docs": {m.doc_id}}
                clusters.append(c)
                active.append(c)
        out.extend(c["members"] for c in clusters)
    out.sort(key=lambda ms: _sort_key(ms[0]))
    return out


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
    """A new graph in which mentions of one happening are one event (``G`` is left unchanged)."""
    H = nx.MultiDiGraph()
    H.graph.update({k: v for k, v in G.graph.items() if k != "merges"})
    H.graph["merge_options"] = asdict(options)
    merges: dict[str, dict] = {}
    H.graph["merges"] = merges
    H.add_nodes_from(G.nodes(data=True))
    docs = G.graph.get("documents", {})
    for members in cluster(mentions_of(G), options):
        anchor = members[0]
        mid = anchor.event_id
        rep = _representative(members)
        date_m = _date_member(members)
        place_m = next((m for m in members if m.place_id), None)
        doc_ids = sorted({m.doc_id for m in members})
        publishers = sorted({source_of(docs.get(d, {}), d) for d in doc_ids})
        merged_from = sorted(m.event_id for m in members)
        extra = {"mentions": len(members), "articles": len(doc_ids), "sources": len(publishers),
                 "publishers": publishers, "doc_ids": doc_ids, "merged_from": merged_from}  # fmt: skip
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
            H.add_edge(u, v, key=f"{mid}#{n}", **attrs)
        if place_m is not None:
            src = sorted(rep.sources)[0] if not rep.place_edge else rep.place_edge[0]
            H.add_edge(src, f"place:{place_m.place_id}", key=f"{mid}@place", kind="place_of", event_id=mid)
        merges[mid] = {
            "anchor": anchor.event_id,
            "mentions": [_mention_record(m, docs, why_merged(anchor, m, options)) for m in members],
        }
    return H


def _representative(members: list[Mention]) -> Mention:
    """The mention whose wording (code, participants' surface forms, sentence) stands for the event:
    the most frequent code first, then stated dates over inferred ones, then confidence, then id."""
    codes = Counter(m.code for m in members)
    return min(members, key=lambda m: (-codes[m.code], m.inferred, -m.confidence, m.event_id))


def _date_member(members: list[Mention]) -> Mention | None:
    """The mention whose date is the event's: the most frequent stated date (earliest on ties)."""
    stated = [m for m in members if m.date and not m.inferred] or [m for m in members if m.date]
    if not stated:
        return None
    counts = Counter(m.date for m in stated)
    best = min(counts, key=lambda d: (-counts[d], d))
    return min((m for m in stated if m.date == best), key=lambda m: m.event_id)


def _mention_record(m: Mention, docs: dict, reason: str) -> dict:
    d = m.edges[0][3]
    meta = docs.get(m.doc_id, {})
    return {
        "event_id": m.event_id, "doc_id": m.doc_id, "date": m.date, "date_precision": m.precision,
        "date_inferred": m.inferred, "event_code": m.code, "event_label": d.get("event_label", ""),
        "sources": sorted(m.sources), "targets": sorted(m.targets), "place_id": m.place_id, "modality": m.modality,
        "sentence": d.get("sentence", ""), "sentence_index": d.get("sentence_index"), "mention": d.get("mention", ""),
        "char_start": d.get("char_start"), "char_end": d.get("char_end"),
        "trigger": d.get("trigger", ""), "confidence": m.confidence, "publisher": source_of(meta, m.doc_id),
        "url": meta.get("url", ""), "title": meta.get("title", ""), "reason": reason,
    }  # fmt: skip


def find_event(H: nx.MultiDiGraph, event_id: str) -> str | None:
    """The merged event that is, or absorbed, ``event_id`` (a merged graph from :func:`merge_events`)."""
    merges = H.graph.get("merges", {})
    if event_id in merges:
        return event_id
    for mid, rec in merges.items():
        if any(m["event_id"] == event_id for m in rec["mentions"]):
            return mid
    return None


def explain(H: nx.MultiDiGraph, event_id: str, G: nx.MultiDiGraph | None = None, options: MergeOptions | None = None,
            near: int = 10) -> dict | None:  # fmt: skip
    """What a merged event is made of and why; with the unmerged graph ``G``, also near misses: mentions
    that share the event's participants within a week but were kept apart, with the reasons."""
    mid = find_event(H, event_id)
    if mid is None:
        return None
    rec = H.graph["merges"][mid]
    edge = next(d for _u, _v, k, d in H.edges(keys=True, data=True) if d.get("event_id") == mid and "event_code" in d)
    out = {
        "event_id": mid,
        "asked": event_id,
        "event_code": edge["event_code"], "event_label": edge["event_label"], "date": edge.get("date", ""),
        "place": edge.get("place", ""), "source": edge.get("source_name", ""), "target": edge.get("target_name", ""),
        "mentions": edge["mentions"], "articles": edge["articles"], "sources": edge["sources"],
        "publishers": edge["publishers"], "merge_options": H.graph.get("merge_options", {}),
        "members": rec["mentions"], "near_misses": [],
    }  # fmt: skip
    if G is not None:
        options = options or MergeOptions(**H.graph.get("merge_options", {}))
        ms = mentions_of(G)
        members = {m["event_id"] for m in rec["mentions"]}
        anchor = ms.get(rec["anchor"])
        if anchor is not None:
            misses = []
            for m in ms.values():
                if m.event_id in members or not (m.participants & anchor.participants):
                    continue
                da, dm = anchor.day(), m.day()
                if da and dm and abs((dm - da).days) > 7:
                    continue
                if m.participants != anchor.participants and m.root != anchor.root:
                    continue
                reasons = why_not(anchor, m, options) or ["joined another cluster first (compatible with its anchor)"]
                misses.append({"event_id": m.event_id, "doc_id": m.doc_id, "event_code": m.code, "date": m.date,
                               "merged_into": find_event(H, m.event_id), "not_merged_because": reasons,
                               "sentence": m.edges[0][3].get("sentence", "")})  # fmt: skip
            misses.sort(key=lambda x: (len(x["not_merged_because"]), x["date"], x["event_id"]))
            out["near_misses"] = misses[:near]
    return out
