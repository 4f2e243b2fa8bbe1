"""The vocabulary in one place: namespaces, prefixes and a closed kg: namespace (a typo is an error)."""

from __future__ import annotations

from pyoxigraph import NamedNode

KG_NS = "https://w3id.org/govkg/ontology#"
ONTOLOGY_GRAPH = "https://w3id.org/govkg/ontology"
SUMMARY_GRAPH = "https://w3id.org/govkg/summary"  # whole-store counts (kg/store/summary.py)
DEFAULT_BASE = "https://w3id.org/govkg/id/"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
PROV_NS = "http://www.w3.org/ns/prov#"
DCTERMS_NS = "http://purl.org/dc/terms/"
OWL_NS = "http://www.w3.org/2002/07/owl#"
SH_NS = "http://www.w3.org/ns/shacl#"
SCHEMA_NS = "https://schema.org/"

PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
    "skos": SKOS_NS,
    "prov": PROV_NS,
    "dcterms": DCTERMS_NS,
    "owl": OWL_NS,
    "schema": SCHEMA_NS,
}

KG_TERMS = frozenset(
    """
    Entity Enterprise AdministrativeArea Zone Project Policy Organization Event Industry
    Document Section Sentence Statement Indicator Mention ValueKind Actual Target
    mentionedIn divisionCode partOf locatedIn cooperatesWith implements invests hosts relatedTo
    evidence extractor confidence metric value unit qualifier year valueKind about direction
    issuer sha256 order text start end heading level mentionCount refersTo inSentence
    degree pagerank community sentenceCount builtWith
    Summary CoMention member sharedSentenceCount neighbourCount mentionedInCount
    sectionCount entityCount relationCount indicatorCount
    """.split()
)


class _ClosedNamespace:
    """Attribute access to kg: terms; an unknown name raises AttributeError instead of minting a typo."""

    def __init__(self, base: str, terms: frozenset[str]) -> None:
        self._base = base
        self._terms = terms
        self._cache: dict[str, NamedNode] = {}

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_") or name not in self._terms:
            raise AttributeError(f"kg:{name} is not a term of the GovKG ontology")
        if name not in self._cache:
            self._cache[name] = NamedNode(self._base + name)
        return self._cache[name]

    def __getitem__(self, name: str) -> NamedNode:
        return self.__getattr__(name)


KG = _ClosedNamespace(KG_NS, KG_TERMS)
RDF_TYPE = NamedNode(RDF_NS + "type")
RDF_SUBJECT = NamedNode(RDF_NS + "subject")
RDF_PREDICATE = NamedNode(RDF_NS + "predicate")
RDF_OBJECT = NamedNode(RDF_NS + "object")
RDFS_LABEL = NamedNode(RDFS_NS + "label")
SKOS_ALT = NamedNode(SKOS_NS + "altLabel")
DCT_TITLE = NamedNode(DCTERMS_NS + "title")
DCT_ISSUED = NamedNode(DCTERMS_NS + "issued")
DCT_PART_OF = NamedNode(DCTERMS_NS + "isPartOf")
PROV_DERIVED = NamedNode(PROV_NS + "wasDerivedFrom")
