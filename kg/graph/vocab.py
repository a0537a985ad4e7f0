"""The closed vocabulary of ``ontologies/kg.ttl`` and the IRI bases of the graph.

A typo in a term is an AttributeError, not a new predicate (``_fail = True``).
``tests/test_ontology.py`` keeps this list and the ontology file in sync.

How a dataset is laid out (see ``docs/rdf-model.md`` and ``kg/graph/rdf.py``):

* every article ``ART[sha256]`` has its own named graph ``GRAPH[sha256]``, and that graph is
  self-contained so that removing an article is dropping its graph. It holds
  the ``schema:NewsArticle`` description of the article; ``rdf:type``, ``rdfs:label``
  (``@en``, ``@ko``), ``skos:altLabel`` and ``owl:sameAs`` (Wikidata) of every entity
  ``ENT[key]`` that its facts mention; the plain triple ``<s> kg:released <o>`` of each
  stated fact; and the ``kg:Fact`` (``rdf:Statement``) and ``kg:Evidence`` nodes.
* the same fact from two articles is the same ``FACT[hash]`` node, so the union of the
  article graphs (the merged view) gathers all evidence for it; the merged view adds
  ``kg:supportCount`` on each fact.
* amounts are ``kg:MonetaryAmount`` nodes (``schema:value``, ``schema:currency``).
"""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

BASE = "https://w3id.org/aikg/"

#: Entities: ``ENT["deepseek"]``.
ENT = Namespace(BASE + "id/")
#: Articles (the ``schema:NewsArticle`` resources): ``ART[sha256]``.
ART = Namespace(BASE + "article/")
#: Named graph of one article: ``GRAPH[sha256]``.
GRAPH = Namespace(BASE + "graph/")
#: Fact (statement) nodes: ``FACT[hash]``.
FACT = Namespace(BASE + "fact/")
#: Evidence nodes: ``EVID[hash]``.
EVID = Namespace(BASE + "evidence/")
#: Monetary amounts: ``AMT["USD-5576000"]``.
AMT = Namespace(BASE + "amount/")
#: Extractors (``prov:SoftwareAgent``): ``AGENT["rules-ko"]``.
AGENT = Namespace(BASE + "agent/")

WIKIDATA = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
#: The ontology document itself (``owl:Ontology``).
ONTOLOGY = URIRef(BASE + "ontology")


class KG(DefinedNamespace):
    """Terms of the kg ontology."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes: entity types
    Company: URIRef
    Government: URIRef
    Person: URIRef
    AIModel: URIRef
    Hardware: URIRef
    Policy: URIRef
    Project: URIRef
    Country: URIRef
    # classes: provenance
    Fact: URIRef
    Evidence: URIRef
    MonetaryAmount: URIRef
    Modality: URIRef

    # relations between entities
    released: URIRef
    enacted: URIRef
    announced: URIRef
    repealed: URIRef
    trainedOn: URIRef
    manufactures: URIRef
    outperforms: URIRef
    participatesIn: URIRef
    leads: URIRef
    basedIn: URIRef
    subsidiaryOf: URIRef
    operates: URIRef
    # relations to amounts
    developmentCost: URIRef
    investment: URIRef

    # provenance properties
    supports: URIRef  # Evidence -> Fact
    sentence: URIRef  # Evidence -> the evidence sentence (lang-tagged literal)
    startOffset: URIRef  # Evidence -> xsd:integer
    endOffset: URIRef  # Evidence -> xsd:integer
    confidence: URIRef  # Evidence -> xsd:decimal in [0, 1]
    modality: URIRef  # Evidence -> one of the Modality individuals
    claimant: URIRef  # Evidence -> entity that made the claim
    eventDate: URIRef  # Evidence -> xsd:date when the event happened
    supportCount: URIRef  # Fact -> xsd:integer (merged view)
    contentHash: URIRef  # NewsArticle -> sha256 hex of the normalised text
    sourceFile: URIRef  # NewsArticle -> where it was read from
    articleId: URIRef  # NewsArticle -> the id given on input (file stem or jsonl id)

    # modality individuals
    Asserted: URIRef
    Claimed: URIRef
    Planned: URIRef
    Reported: URIRef
    Negated: URIRef


#: Prefixes bound on every graph we build or load, so output never shows ``ns1:``.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "ent": str(ENT),
    "art": str(ART),
    "graph": str(GRAPH),
    "fact": str(FACT),
    "ev": str(EVID),
    "amt": str(AMT),
    "agent": str(AGENT),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "wd": str(WIKIDATA),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def bind_prefixes(graph) -> None:
    """Bind :data:`PREFIXES` on an rdflib Graph or Dataset (replacing clashing bindings)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
