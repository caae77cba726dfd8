"""RDF in kg's vocabulary (``ontology/kg.ttl``): the vocabulary, writing an event graph as RDF, SHACL validation.

Reading RDF back into the event graph is :mod:`kg.query.from_rdf` (it runs SPARQL over Oxigraph).
"""

from __future__ import annotations

from kg.outputs.rdf.validate import validate
from kg.outputs.rdf.vocab import (
    BASE,
    CAMEO,
    CLASS_KIND,
    FORMAT_BY_SUFFIX,
    INSTANCE_KINDS,
    INSTANCE_PREFIXES,
    KG,
    KGR,
    KIND_CLASS,
    MODALITY,
    NIF,
    ORG,
    OX_FORMATS,
    PRECISION,
    PREFIXES,
    QUAD_FORMATS,
    ROLE_IRIS,
    SCHEMA,
    SEM,
    TIME,
    WD,
    WGS,
    actor_iri,
    cameo_concept,
    date_precision_of,
    instance_iri,
    new_graph,
    source_of,
    typed_date,
)
from kg.outputs.rdf.write import format_of, load, query, roles_of, serialize, to_dataset, to_rdf, triples, wikidata_qid, write

__all__ = ["INSTANCE_PREFIXES", "PREFIXES", 'BASE', 'KG', 'KGR', 'CAMEO', 'SEM', 'NIF', 'WD', 'SCHEMA', 'WGS', 'ORG', 'TIME', 'INSTANCE_KINDS', 'KIND_CLASS', 'CLASS_KIND', 'MODALITY', 'PRECISION', 'ROLE_IRIS', 'FORMAT_BY_SUFFIX', 'OX_FORMATS', 'QUAD_FORMATS', 'new_graph', 'actor_iri', 'date_precision_of', 'typed_date', 'cameo_concept', 'source_of', 'instance_iri', 'triples', 'wikidata_qid', 'roles_of', 'to_rdf', 'to_dataset', 'serialize', 'write', 'format_of', 'load', 'query', 'validate']  # fmt: skip
