"""Why reports were merged: ``merges.json`` written and read back, ``kg explain``."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.graph.merge import EventMention, MergeOptions, mentions_of, why_not


def _mention_from_record(r: dict) -> EventMention:
    """A :class:`EventMention` back from a record of ``G.graph["merges"]`` (for near misses without the unmerged graph)."""
    code = str(r.get("event_code", ""))
    m = EventMention(
        event_id=r["event_id"], doc_id=r["doc_id"], sources=frozenset(r.get("sources", ())), targets=frozenset(r.get("targets", ())),
        symmetric=bool(r.get("symmetric")), code=code, root=str(r.get("event_root") or code[:2]), modality=r.get("modality", "asserted"),
        date=r.get("date") or "", precision=r.get("date_precision") or "", inferred=bool(r.get("date_inferred")),
        place_id=r.get("place_id") or "", confidence=float(r.get("confidence", 0.5)), headline=bool(r.get("headline")),
        char_start=int(r.get("char_start") or 0),
    )  # fmt: skip
    m.edges = [("", "", "", {"sentence": r.get("sentence", "")})]
    return m


def write_merges(H: nx.MultiDiGraph, path: str | Path) -> Path:
    """``merges.json``: the merge options and, per event, every mention and why it was merged."""
    from kg.util import atomic_write_text

    data = {"merge_options": H.graph.get("merge_options", {}), "merges": H.graph.get("merges", {})}
    return atomic_write_text(path, json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n")


def find_event(H: nx.MultiDiGraph, event_id: str) -> str | None:
    """The merged event that is, or absorbed, ``event_id`` (a merged graph from :func:`merge_events`)."""
    merges = H.graph.get("merges", {})
    if event_id in merges:
        return event_id
    for mid, rec in merges.items():
        if any(m["event_id"] == event_id for m in rec["mentions"]):
            return mid
    if len(event_id) >= 8:  # a unique prefix will do ("ev_8053ee29")
        found = {mid for mid, rec in merges.items() for m in rec["mentions"] if m["event_id"].startswith(event_id)}
        if len(found) == 1:
            return found.pop()
    return None


def explain(H: nx.MultiDiGraph, event_id: str, G: nx.MultiDiGraph | None = None, options: MergeOptions | None = None,
            near: int = 10) -> dict | None:  # fmt: skip
    """What a merged event is made of and why, and near misses: mentions that share the event's
    participants within a week but were kept apart, with the reasons (from the unmerged graph ``G``, or,
    without it, from the mention records of ``H``)."""
    mid = find_event(H, event_id)
    if mid is None:
        return None
    rec = H.graph["merges"][mid]
    edge = next(d for _u, _v, k, d in H.edges(keys=True, data=True) if d.get("event_id") == mid and "event_code" in d)
    asked = next((m["event_id"] for m in rec["mentions"] if m["event_id"].startswith(event_id)), event_id)
    out = {
        "event_id": mid,
        "asked": asked,
        "event_code": edge["event_code"], "event_label": edge["event_label"], "date": edge.get("date", ""),
        "place": edge.get("place", ""), "source": edge.get("source_name", ""), "target": edge.get("target_name", ""),
        "mentions": edge.get("mentions", len(rec["mentions"])), "articles": edge.get("articles", 1),
        "sources": edge.get("sources", 1), "publishers": edge.get("publishers", []),
        "merge_options": H.graph.get("merge_options", {}), "members": rec["mentions"], "near_misses": [],
    }  # fmt: skip
    known = {f.name for f in MergeOptions.__dataclass_fields__.values()}
    options = options or MergeOptions(**{k: v for k, v in H.graph.get("merge_options", {}).items() if k in known})
    if G is not None:
        ms = mentions_of(G)
    elif all("sources" in m for r in H.graph["merges"].values() for m in r["mentions"]):
        ms = {m["event_id"]: _mention_from_record(m) for r in H.graph["merges"].values() for m in r["mentions"]}
    else:
        return out
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
        misses.sort(key=lambda x: (x["doc_id"] != anchor.doc_id, len(x["not_merged_because"]), x["date"], x["event_id"]))
        out["near_misses"] = misses[:near]
    return out
