"""Back from RDF: any kg export (or a store's) read into the networkx event graph, losslessly."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.outputs.rdf.vocab import CLASS_KIND, KG, KGR, MODALITY, PRECISION, WD, date_precision_of, source_of
from kg.util import iri_unescape

_DOC_QUERY = """
SELECT ?d ?id ?title ?url ?lang ?date ?source ?publisher WHERE {
  ?d a kg:Document ; dcterms:identifier ?id .
  OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d schema:url ?url } OPTIONAL { ?d dcterms:language ?lang }
  OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d dcterms:source ?source } OPTIONAL { ?d dcterms:publisher ?publisher }
}"""


_ACTOR_QUERY = """
SELECT ?a ?cls ?label ?id ?code ?country ?sector ?wd WHERE {
  VALUES ?cls { kg:State kg:Person kg:Organisation kg:InternationalOrganisation kg:ArmedGroup kg:Group kg:Actor }
  ?a a ?cls .
  OPTIONAL { ?a rdfs:label ?label } OPTIONAL { ?a dcterms:identifier ?id } OPTIONAL { ?a kg:code ?code }
  OPTIONAL { ?a kg:countryCode ?country } OPTIONAL { ?a kg:sector ?sector } OPTIONAL { ?a owl:sameAs ?wd }
}"""


_ALIAS_QUERY = "SELECT ?a ?alias WHERE { ?a skos:altLabel ?alias }"


_PLACE_QUERY = """
SELECT ?p ?label ?kind ?country ?lat ?lon WHERE {
  ?p a kg:Place . OPTIONAL { ?p rdfs:label ?label } OPTIONAL { ?p kg:placeKind ?kind }
  OPTIONAL { ?p kg:countryCode ?country } OPTIONAL { ?p wgs:lat ?lat ; wgs:long ?lon }
}"""


_MEMBERSHIP_QUERY = """
SELECT ?person ?post ?country ?code ?sector ?start ?end WHERE {
  ?m a org:Membership ; org:member ?person ; kg:postTitle ?post .
  OPTIONAL { ?m kg:countryCode ?country } OPTIONAL { ?m kg:code ?code } OPTIONAL { ?m kg:sector ?sector }
  OPTIONAL { ?m org:memberDuring/time:hasBeginning/time:inXSDDate ?start }
  OPTIONAL { ?m org:memberDuring/time:hasEnd/time:inXSDDate ?end }
}"""


_EVENT_QUERY = """
SELECT ?e ?code ?root ?quad ?gold ?mod ?conf ?sym ?trigger ?rule ?quantities ?date ?prec ?inferred ?place ?label
       ?nmentions ?narticles ?nsources ?primary
WHERE {
  ?e a kg:Event ; kg:cameoCode ?code ; kg:quadClass ?quad ; kg:goldstein ?gold ; kg:modality ?mod .
  OPTIONAL { ?e kg:cameoRoot ?root } OPTIONAL { ?e kg:confidence ?conf }
  OPTIONAL { ?e kg:trigger ?trigger } OPTIONAL { ?e kg:symmetric ?sym } OPTIONAL { ?e kg:rule ?rule }
  OPTIONAL { ?e kg:quantities ?quantities }
  OPTIONAL { ?e kg:date ?date } OPTIONAL { ?e kg:datePrecision ?prec } OPTIONAL { ?e kg:dateInferred ?inferred }
  OPTIONAL { ?e sem:hasPlace ?place } OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e kg:numMentions ?nmentions } OPTIONAL { ?e kg:numArticles ?narticles } OPTIONAL { ?e kg:numSources ?nsources }
  OPTIONAL { ?e kg:primaryMention ?primary }
}"""


_MENTION_QUERY = """
SELECT ?e ?m ?doc ?begin ?end ?anchor ?sentence ?sindex ?eid WHERE {
  ?e a kg:Event ; prov:wasDerivedFrom ?m . ?m kg:inDocument ?doc ; nif:beginIndex ?begin ; nif:endIndex ?end .
  OPTIONAL { ?m nif:anchorOf ?anchor } OPTIONAL { ?m kg:sentence ?sentence } OPTIONAL { ?m kg:sentenceIndex ?sindex }
  OPTIONAL { ?m kg:eventId ?eid }
}"""


_PART_QUERY = """
SELECT ?e ?p ?a ?prole ?index ?code ?surface ?sector ?role WHERE {
  ?e kg:hasParticipation ?p . ?p kg:actor ?a ; kg:participantRole ?prole .
  OPTIONAL { ?p kg:participantIndex ?index }
  OPTIONAL { ?p kg:code ?code } OPTIONAL { ?p kg:surface ?surface } OPTIONAL { ?p kg:sector ?sector } OPTIONAL { ?p kg:role ?role }
}"""


def _local(iri, kind: str) -> str:
    return iri_unescape(str(iri).removeprefix(str(KGR) + kind + "/"))


def _ox_store(source) -> ox.Store:
    if isinstance(source, ox.Store):
        return source
    if isinstance(source, Graph):
        store = ox.Store()
        store.bulk_load(source.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return store
    from kg.query.sources import open_store

    return open_store(source)


def _rows(store: ox.Store, q: str) -> Iterator[dict]:
    from kg.query.sparql import with_prefixes

    result = store.query(with_prefixes(q)[0], use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    for sol in result:
        yield {n: sol[n] for n in names}


def _v(term, default: str = "") -> str:
    return term.value if term is not None else default


def to_graph(source: str | Path | Graph | ox.Store) -> nx.MultiDiGraph:
    """Rebuild kg's event graph from one of its RDF exports (the inverse of :func:`to_rdf`): a file in any
    format kg writes, an rdflib ``Graph`` or a pyoxigraph ``Store``."""
    store = _ox_store(source)
    G = nx.MultiDiGraph()
    docs: dict[str, dict] = {}
    doc_ids_by_iri: dict[str, str] = {}  # the ids as written (dcterms:identifier), whatever the IRIs look like
    for r in _rows(store, _DOC_QUERY):
        doc_ids_by_iri[r["d"].value] = _v(r["id"])
        docs[_v(r["id"])] = {"title": _v(r["title"]), "url": _v(r["url"]), "lang": _v(r["lang"]), "date": _v(r["date"]),
                             "source": _v(r["source"]), "publisher": _v(r["publisher"])}  # fmt: skip
    G.graph["documents"] = {k: docs[k] for k in sorted(docs)}
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, _ALIAS_QUERY):
        aliases[r["a"].value].add(r["alias"].value)
    specific: dict[str, dict] = {}
    for r in _rows(store, _ACTOR_QUERY):
        iri = r["a"].value
        kind = CLASS_KIND.get(URIRef(r["cls"].value), "")
        if iri in specific and not kind:
            continue  # kg:Actor as well as a subclass (an inferred graph): keep the subclass
        ident = _v(r["id"]) or _local(iri, "actor")
        name = _v(r["label"], ident)
        wd = _v(r["wd"])
        specific[iri] = dict(ident=ident, type="actor", kind=kind, name=name, code=_v(r["code"]), country=_v(r["country"]),
                             sector=_v(r["sector"]), wikidata=iri_unescape(wd.removeprefix(str(WD))) if wd else "",
                             aliases=sorted(aliases.get(iri, set()) | {name}))  # fmt: skip
    roles: dict[str, list[dict]] = defaultdict(list)
    for r in _rows(store, _MEMBERSHIP_QUERY):
        roles[r["person"].value].append({"post": _v(r["post"]), "country": _v(r["country"]), "code": _v(r["code"]),
                                         "sector": _v(r["sector"]), "start": _v(r["start"]), "end": _v(r["end"])})  # fmt: skip
    actor_ids_by_iri = {iri: attrs["ident"] for iri, attrs in specific.items()}
    for iri, attrs in sorted(specific.items(), key=lambda kv: kv[1]["ident"]):
        ident = attrs.pop("ident")
        if attrs["kind"] == "person":
            attrs["roles"] = sorted(roles.get(iri, []), key=lambda x: (x["start"], x["post"]))
        G.add_node(ident, **attrs)
    for r in _rows(store, _PLACE_QUERY):
        pid = _local(r["p"].value, "place")
        G.add_node("place:" + pid, type="place", name=_v(r["label"], pid), kind=_v(r["kind"]), country=_v(r["country"]),
                   lat=float(r["lat"].value) if r["lat"] is not None else None,
                   lon=float(r["lon"].value) if r["lon"] is not None else None, code="")  # fmt: skip
    parts: dict[str, dict[str, list]] = defaultdict(lambda: {"source": [], "target": []})
    for r in sorted(_rows(store, _PART_QUERY), key=lambda r: (int(_v(r["index"], "0")), r["p"].value)):
        side = "source" if r["prole"].value == str(KG.SourceRole) else "target"
        parts[r["e"].value][side].append(
            {"id": actor_ids_by_iri.get(r["a"].value) or _local(r["a"].value, "actor"), "code": _v(r["code"]), "text": _v(r["surface"]),
             "sector": _v(r["sector"]), "role": _v(r["role"])}  # fmt: skip
        )
    mentions: dict[str, list[dict]] = defaultdict(list)
    for r in _rows(store, _MENTION_QUERY):
        mentions[r["e"].value].append({
            "iri": r["m"].value, "doc_id": doc_ids_by_iri.get(r["doc"].value) or _local(r["doc"].value, "doc"), "char_start": int(r["begin"].value),
            "char_end": int(r["end"].value), "mention": _v(r["anchor"]), "sentence": _v(r["sentence"]),
            "sentence_index": int(r["sindex"].value) if r["sindex"] is not None else None, "event_id": _v(r["eid"]),
        })  # fmt: skip
    prec_name = {str(v[0]): k for k, v in PRECISION.items()}
    mod_name = {str(v): k for k, v in MODALITY.items()}
    events = []
    for r in _rows(store, _EVENT_QUERY):
        e = r["e"].value
        ms = sorted(mentions.get(e, []), key=lambda m: (m["doc_id"], m["char_start"], m["iri"]))
        if not ms:
            continue
        primary = next((m for m in ms if r["primary"] is not None and m["iri"] == r["primary"].value), ms[0])
        events.append((primary["doc_id"], primary["char_start"], e, r, ms, primary))
    merges: dict[str, dict] = {}
    for _doc, _start, e, r, ms, primary in sorted(events, key=lambda x: x[:3]):
        event_id = _local(e, "event")
        place_id = _local(r["place"].value, "place") if r["place"] is not None else ""
        code = r["code"].value
        label = _v(r["label"])
        date = _v(r["date"])
        base = {
            "event_id": event_id, "doc_id": primary["doc_id"], "date": date,
            "date_precision": prec_name.get(_v(r["prec"]), date_precision_of(date) if date else ""),
            "date_inferred": _v(r["inferred"]) == "true", "event_code": code,
            "event_root": _v(r["root"], code[:2]), "event_label": label.split(": ", 1)[1] if ": " in label else code,
            "quad_class": int(r["quad"].value), "goldstein": float(r["gold"].value),
            "place": G.nodes[f"place:{place_id}"]["name"] if place_id and f"place:{place_id}" in G else "",
            "place_id": place_id, "sentence": primary["sentence"],
            "sentence_index": primary["sentence_index"] if primary["sentence_index"] is not None else 0,
            "char_start": primary["char_start"], "char_end": primary["char_end"], "mention": primary["mention"],
            "trigger": _v(r["trigger"]), "modality": mod_name.get(r["mod"].value, "asserted"),
            "confidence": float(r["conf"].value) if r["conf"] is not None else 0.5,
            "symmetric": _v(r["sym"]) == "true", "rule": _v(r["rule"]), "quantities": _v(r["quantities"]),
        }  # fmt: skip
        if any(m["event_id"] for m in ms):  # an export of a merged graph: restore the merge attributes
            doc_ids = sorted({m["doc_id"] for m in ms})
            base.update(mentions=int(_v(r["nmentions"], str(len(ms)))), articles=int(_v(r["narticles"], str(len(doc_ids)))),
                        sources=int(_v(r["nsources"], "1")), doc_ids=doc_ids,
                        publishers=sorted({source_of(docs.get(x, {}), x) for x in doc_ids}),
                        merged_from=sorted({m["event_id"] or event_id for m in ms}))  # fmt: skip
            merges[event_id] = {"anchor": event_id, "mentions": [
                {"event_id": m["event_id"] or event_id, "doc_id": m["doc_id"], "char_start": m["char_start"],
                 "char_end": m["char_end"], "sentence": m["sentence"], "mention": m["mention"],
                 "sentence_index": m["sentence_index"], "publisher": source_of(docs.get(m["doc_id"], {}), m["doc_id"]),
                 "url": docs.get(m["doc_id"], {}).get("url", ""), "title": docs.get(m["doc_id"], {}).get("title", "")}
                for m in ms]}  # fmt: skip
        p = parts[e]
        n = 0
        for s in p["source"]:
            for t in p["target"]:
                attrs = dict(base)
                for side, x in (("source", s), ("target", t)):
                    attrs[f"{side}_code"] = x["code"]
                    attrs[f"{side}_name"] = G.nodes[x["id"]]["name"] if x["id"] in G else x["id"]
                    attrs[f"{side}_text"] = x["text"]
                    attrs[f"{side}_sector"] = x["sector"]
                    attrs[f"{side}_role"] = x["role"]
                G.add_edge(s["id"], t["id"], key=f"{event_id}#{n}", **attrs)
                n += 1
        if place_id and p["source"]:
            G.add_edge(p["source"][0]["id"], f"place:{place_id}", key=f"{event_id}@place", kind="place_of", event_id=event_id)
    if merges:
        G.graph["merges"] = merges
    return G
