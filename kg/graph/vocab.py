"""The closed vocabulary of ``ontologies/kg.ttl`` and the IRI bases of the graph.

A typo in a term is an AttributeError, not a new predicate (``_fail = True``).
A test keeps this list and the ontology file in sync.

How a graph is laid out (see ``ontologies/kg.ttl`` for the definitions):

* every entity is ``ENT[key]`` with ``rdf:type`` one of the eight classes, ``rdfs:label``
  per language (``@en``, ``@ko``), ``skos:altLabel`` for other names, ``owl:sameAs`` its
  Wikidata IRI when known; entity descriptions live in the named graph ``GRAPH_ENTITIES``.
* every article is ``ART[sha256]``, a ``schema:NewsArticle`` described in its own named graph
  ``GRAPH[sha256]``, which also holds the facts extracted from it:
  the plain triple ``<s> kg:released <o>`` (only for stated facts) and a ``kg:Fact`` node
  (``rdf:Statement``: ``rdf:subject``/``rdf:predicate``/``rdf:object``) with one
  ``kg:Evidence`` node per sentence that supports it.
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

#: The named graph that holds entity descriptions shared by all articles.
GRAPH_ENTITIES = URIRef(BASE + "graph/entities")

WIKIDATA = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")


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
