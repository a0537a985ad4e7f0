"""graph stage: extractions → RDF.

* :mod:`kg.graph.vocab` — the closed vocabulary and the graph layout.
* :mod:`kg.graph.iri` — every IRI is minted here.
* :mod:`kg.graph.rdf` — ``article_graph``, ``to_dataset``, ``merged_graph``.
* :mod:`kg.graph.io` — ``write_graph`` (atomic, strictly re-parsed) and ``load``.
* :mod:`kg.graph.validate` — SHACL validation with ``ontologies/shapes.ttl``.
* :mod:`kg.graph.store` — the persistent Oxigraph store.
"""
