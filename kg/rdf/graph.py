"""Extraction → RDF quads in the document's named graph, exactly as DATA-MODEL.md describes."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from itertools import combinations

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, serialize

from kg.extract.pipeline import Extraction
from kg.rdf.iri import document_iri, mint_iri
from kg.rdf.measures import measure_of
from kg.rdf.namespace import (
    DCT_ISSUED,
    DCT_PART_OF,
    DCT_TITLE,
    DEFAULT_BASE,
    KG,
    METRIC_NS,
    PROV_DERIVED,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
    XSD_NS,
)

XSD_INTEGER = NamedNode(XSD_NS + "integer")
XSD_DECIMAL = NamedNode(XSD_NS + "decimal")
XSD_GYEAR = NamedNode(XSD_NS + "gYear")
XSD_DATE = NamedNode(XSD_NS + "date")


def zh(text: str) -> Literal:
    """A Chinese-language literal."""
    return Literal(text, language="zh")


def integer(n: int) -> Literal:
    """An xsd:integer literal."""
    return Literal(str(int(n)), datatype=XSD_INTEGER)


def decimal(value: Decimal | float) -> Literal:
    """An xsd:decimal literal in plain notation (no exponent)."""
    text = format(Decimal(str(value)).normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD_DECIMAL)


def gyear(year: int) -> Literal:
    """An xsd:gYear literal."""
    return Literal(f"{year:04d}", datatype=XSD_GYEAR)


def doc_iri_of(result: Extraction, *, base: str = DEFAULT_BASE) -> str:
    """The IRI of the document an extraction came from."""
    doc = result.doc
    return document_iri(issuer=doc.issuer, year=doc.year, title=doc.title, source=doc.source, base=base)


def entity_iri(cls: str, label: str, *, base: str = DEFAULT_BASE) -> NamedNode:
    """The IRI node of an entity."""
    return NamedNode(mint_iri(cls, label, base=base))


def _short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def stated(graph_iri: str, triple: tuple[NamedNode, NamedNode, NamedNode], evidence: NamedNode, *,
           extractor: str, confidence: float, key: str) -> list[tuple]:
    """A typed relation as its plain triple plus the kg:Statement that gives its evidence, rule and confidence."""
    s, p, o = triple
    stmt = NamedNode(f"{graph_iri}/statement/{_short_hash(s.value, p.value, o.value, key)}")
    return [triple, (stmt, RDF_TYPE, KG.Statement), (stmt, RDF_SUBJECT, s), (stmt, RDF_PREDICATE, p),
            (stmt, RDF_OBJECT, o), (stmt, KG.evidence, evidence), (stmt, KG.extractor, Literal(extractor)),
            (stmt, KG.confidence, decimal(confidence))]


def extraction_quads(result: Extraction, *, base: str = DEFAULT_BASE) -> list[Quad]:
    """All quads of one document: provenance, entities, mentions, relations, co-mentions, indicators.

    The list is sorted (as extraction_ntriples sorts) so that the same input always serialises to the same bytes.
    """
    g = NamedNode(doc_iri_of(result, base=base))
    return [Quad(t.subject, t.predicate, t.object, g) for t in extraction_ntriples(result, base=base)[0]]


def extraction_ntriples(result: Extraction, *, base: str = DEFAULT_BASE) -> tuple[list[Triple], bytes]:
    """The distinct triples of one document's graph, sorted by their N-Triples lines, and those lines.

    Sorting the serialised lines (bytes, compared in C) costs a fraction of sorting by the terms' strings, which
    Python builds one by one; a corpus worker sends the lines as they are.
    """
    triples = [Triple(s, p, o) for s, p, o in _triples(result, base)]
    lines = serialize(triples, format=RdfFormat.N_TRIPLES).split(b"\n")
    if len(lines) != len(triples) + 1:  # N-Triples is one line per triple (line breaks in literals are escaped)
        raise ValueError(f"{len(triples)} triples serialised as {len(lines) - 1} lines")
    first: dict[bytes, int] = {}
    for k, line in enumerate(lines[:-1]):
        first.setdefault(line, k)
    order = sorted(first)
    return [triples[first[line]] for line in order], b"".join(line + b"\n" for line in order)


def _triples(result: Extraction, base: str) -> list[tuple]:
    """The triples of one document's graph as (subject, predicate, object) tuples, in the order made."""
    doc = result.doc
    graph_iri = doc_iri_of(result, base=base)
    g = NamedNode(graph_iri)
    triples: list[tuple] = []
    add = triples.append

    # Provenance: the document, its sections and sentences.
    add((g, RDF_TYPE, KG.Document))
    if doc.title:
        add((g, DCT_TITLE, zh(doc.title)))
    if doc.date:
        add((g, DCT_ISSUED, Literal(doc.date, datatype=XSD_DATE)))
    if doc.year:
        add((g, KG.year, gyear(doc.year)))
    if doc.issuer:
        add((g, KG.issuer, entity_iri("AdministrativeArea", doc.issuer, base=base)))
    add((g, KG.sha256, Literal(doc.sha256)))
    if result.built_with:
        add((g, KG.builtWith, Literal(result.built_with)))
    add((g, PROV_DERIVED, Literal(doc.source)))
    add((g, KG.sentenceCount, integer(len(doc.sentences))))
    section_nodes = [NamedNode(f"{graph_iri}/section/{sec.index}") for sec in doc.sections]
    for sec, node in zip(doc.sections, section_nodes, strict=True):
        add((node, RDF_TYPE, KG.Section))
        add((node, KG.heading, zh(sec.heading)))
        add((node, RDFS_LABEL, zh(sec.heading or "（标题）")))
        add((node, KG.order, integer(sec.index)))
        add((node, KG.level, integer(sec.level)))
        add((node, KG.start, integer(sec.span.start)))
        add((node, KG.end, integer(sec.span.end)))
        add((node, DCT_PART_OF, g if sec.parent is None or sec.level <= 1 else section_nodes[sec.parent]))
    sentence_nodes = [NamedNode(f"{graph_iri}/sentence/{s.index}") for s in doc.sentences]
    for sent, node in zip(doc.sentences, sentence_nodes, strict=True):
        add((node, RDF_TYPE, KG.Sentence))
        add((node, KG.text, zh(sent.text)))
        add((node, KG.start, integer(sent.span.start)))
        add((node, KG.end, integer(sent.span.end)))
        add((node, KG.order, integer(sent.index)))
        add((node, DCT_PART_OF, section_nodes[sent.section]))

    # Entities and their mentions.
    iri_of: dict[tuple[str, str], NamedNode] = {}
    for ent in result.entities:
        node = entity_iri(ent.cls, ent.label, base=base)
        iri_of[(ent.cls, ent.label)] = node
        add((node, RDF_TYPE, KG[ent.cls]))
        add((node, RDFS_LABEL, zh(ent.label)))
        for alias in sorted(ent.aliases):
            add((node, SKOS_ALT, zh(alias)))
        for sent_index in sorted({m.sentence for m in ent.mentions}):
            add((node, KG.mentionedIn, sentence_nodes[sent_index]))
        if ent.mentions:
            add((node, KG.mentionCount, integer(len(ent.mentions))))
            add((node, KG.confidence, decimal(ent.confidence)))
        else:  # the issuer area the text never names: known from the document's metadata (kg:issuer)
            add((node, KG.extractor, Literal("metadata.issuer")))
        for name in ent.extractors:
            add((node, KG.extractor, Literal(name)))
        if ent.division_code:
            add((node, KG.divisionCode, Literal(ent.division_code)))
        for m in ent.mentions:
            mnode = NamedNode(f"{graph_iri}/mention/{m.span.start}-{m.span.end}-{ent.cls}")
            add((mnode, RDF_TYPE, KG.Mention))
            add((mnode, KG.refersTo, node))
            add((mnode, KG.text, zh(doc.text[m.span.start:m.span.end])))
            add((mnode, KG.start, integer(m.span.start)))
            add((mnode, KG.end, integer(m.span.end)))
            add((mnode, KG.inSentence, sentence_nodes[m.sentence]))
            add((mnode, KG.extractor, Literal(m.extractor)))

    # Every area is kg:partOf its parent (DATA-MODEL). A parent the document never names gets that link from the
    # division lexicon (at the parent's deterministic IRI and label, so documents join on it); a parent the
    # document names gets it only where the text writes it (relations.partOf.division: 济南市章丘区), because a
    # reader checks a relation against its sentence and a shared sentence or none does not state it.
    area_labels = {ent.label for ent in result.entities if ent.cls == "AdministrativeArea"}
    for ent in result.entities:
        if ent.cls != "AdministrativeArea" or not ent.parent_label or ent.parent_label in area_labels:
            continue
        node = iri_of[(ent.cls, ent.label)]
        parent = entity_iri("AdministrativeArea", ent.parent_label, base=base)
        add((parent, RDFS_LABEL, zh(ent.parent_label)))
        triples.extend(stated(graph_iri, (node, KG.partOf, parent), sentence_nodes[ent.mentions[0].sentence],
                              extractor="lexicon.divisions", confidence=0.95, key="lexicon"))

    # Co-mentions: entities named in the same sentence (kept apart from typed relations).
    by_sentence: dict[int, set[NamedNode]] = {}
    for ent in result.entities:
        for m in ent.mentions:
            by_sentence.setdefault(m.sentence, set()).add(iri_of[(ent.cls, ent.label)])
    related: set[tuple[str, str]] = set()
    for nodes in by_sentence.values():
        for a, b in combinations(sorted(nodes, key=lambda n: n.value), 2):
            related.add((a.value, b.value))
    for a, b in sorted(related):
        add((NamedNode(a), KG.relatedTo, NamedNode(b)))

    # Typed relations, each with a Statement carrying its evidence.
    for rel in result.relations:
        s = iri_of.get(rel.subject) or entity_iri(*rel.subject, base=base)
        o = iri_of.get(rel.object) or entity_iri(*rel.object, base=base)
        triples.extend(stated(graph_iri, (s, KG[rel.predicate], o), sentence_nodes[rel.sentence],
                              extractor=rel.extractor, confidence=rel.confidence, key=str(rel.sentence)))

    # Indicators.
    for k, ind in enumerate(result.indicators):
        node = NamedNode(f"{graph_iri}/indicator/{ind.span.start}-{ind.span.end}-{k}")
        add((node, RDF_TYPE, KG.Indicator))
        add((node, KG.metric, zh(ind.metric)))
        add((node, KG.value, decimal(ind.value)))
        add((node, KG.unit, zh(ind.unit)))
        if ind.value_max is not None:
            add((node, KG.valueMax, decimal(ind.value_max)))
        measure = ind.measure or measure_of(ind.metric, ind.unit, ind.direction)
        if measure:  # the metric scheme's concept, when the wording names one for sure
            add((node, KG.measure, NamedNode(METRIC_NS + measure)))
        if ind.qualifier:
            add((node, KG.qualifier, zh(ind.qualifier)))
        if ind.year:
            add((node, KG.year, gyear(ind.year)))
        if ind.period:
            add((node, KG.period, Literal(ind.period)))
        add((node, KG.valueKind, KG.Target if ind.kind == "Target" else KG.Actual))
        if ind.direction:
            add((node, KG.direction, Literal(ind.direction)))
        if ind.about and ind.about in iri_of:
            add((node, KG.about, iri_of[ind.about]))
        add((node, KG.evidence, sentence_nodes[ind.sentence]))
        add((node, KG.text, zh(doc.text[ind.span.start:ind.span.end])))
        add((node, KG.start, integer(ind.span.start)))
        add((node, KG.end, integer(ind.span.end)))
        add((node, KG.extractor, Literal(ind.extractor)))

    return triples

