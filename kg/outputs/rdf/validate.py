"""SHACL validation of an export against ``ontology/shapes.ttl``."""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.outputs.rdf.vocab import new_graph
from kg.outputs.rdf.write import load


def _union(g: Graph) -> Graph:
    if isinstance(g, Dataset) or type(g).__name__ == "ConjunctiveGraph":
        out = new_graph()
        for s, p, o, _c in g.quads((None, None, None, None)):
            out.add((s, p, o))
        return out
    return g


@cache
def _shapes_and_ontology() -> tuple[Graph, Graph, dict]:
    from kg.resources import ontology_dir

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    ont = Graph().parse(ontology_dir() / "kg.ttl", format="turtle")
    supers: dict = defaultdict(set)
    for sub, sup in ont.subject_objects(RDFS.subClassOf):
        if isinstance(sup, URIRef):
            supers[sub].add(sup)
    changed = True
    while changed:  # transitive closure (a few dozen classes)
        changed = False
        for cls, sups in supers.items():
            more = set().union(*(supers.get(x, set()) for x in sups)) - sups
            if more:
                sups |= more
                changed = True
    return shapes, ont, dict(supers)


def validate(g: Graph | str | Path) -> tuple[bool, str]:
    """SHACL-validate an export (an rdflib graph or dataset, or a file) against ``ontology/shapes.ttl``.

    The class hierarchy of ``ontology/kg.ttl`` is applied first (a kg:State is also a kg:Actor, a
    sem:Actor ...), and kg.ttl is mixed in as the ontology graph (kg's org:Role individuals). This is
    RDFS subclass reasoning only, not domain/range inference, so a link to a node that was never described
    (an actor with no type) is reported by ``sh:class`` as it is. The same check from the command line:
    ``pyshacl -s ontology/shapes.ttl -e ontology/kg.ttl -i rdfs graph.ttl``.
    """
    import pyshacl

    if isinstance(g, (str, Path)):
        g = load(g)
    shapes, ont, supers = _shapes_and_ontology()
    data = Graph()
    for t in _union(g).triples((None, None, None)):
        data.add(t)
    for s, cls in list(data.subject_objects(RDF.type)):
        for sup in supers.get(cls, ()):
            data.add((s, RDF.type, sup))
    with _sparql_parse_cache():
        conforms, _graph, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ont, inference="none")
    return bool(conforms), str(text)


class _QueryText(str):
    """A SPARQL text whose parsing is deferred to the (cached) translation."""


@contextmanager
def _sparql_parse_cache():
    """pySHACL runs each SPARQL constraint once per focus node, and rdflib parses the same text every time
    (~0.1 s with pyparsing): parse and translate each text once while validating."""
    from rdflib.plugins.sparql import processor

    parse, translate = processor.parseQuery, processor.translateQuery
    cache_: dict = {}

    def cached_translate(parsed, base=None, initNs=None):
        if not isinstance(parsed, _QueryText):
            return translate(parsed, base, initNs)
        key = (str(parsed), base, tuple(sorted((k, str(v)) for k, v in (initNs or {}).items())))
        if key not in cache_:
            cache_[key] = translate(parse(str(parsed)), base, initNs)
        return cache_[key]

    processor.parseQuery, processor.translateQuery = _QueryText, cached_translate
    try:
        yield
    finally:
        processor.parseQuery, processor.translateQuery = parse, translate
