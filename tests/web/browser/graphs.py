"""Small graphs in the data model for the page's tests: typed relations, an indicator, hostile labels."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf.namespace import (
    DCT_PART_OF,
    DCT_TITLE,
    DEFAULT_BASE,
    KG,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
)

BASE = DEFAULT_BASE
DOC = NamedNode(BASE + "document/test-2026")
XSS_TITLE = "<script>window.__xss=1</script>江北市报告"
XSS_HEADING = '"><img src=x onerror="window.__xss=2">（一）产业'
XSS_SENTENCE = '<script>window.__xss=3</script>在"><img src=x onerror=window.__xss=4>举办博览会。'
XSS_ENTERPRISE = "<script>window.__xss=5</script>"
XSS_ALIAS = '"><img src=x onerror="window.__xss=6">'
XSS_EVENT = "</script><script>window.__xss=7</script>博览会"
SENTENCES = [
    "江北市青山区华星光电集团投资建设青山经济技术开发区。",
    "全市地区生产总值增长6.2％。",
    XSS_SENTENCE,
]


def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def entity(cls: str, label: str) -> NamedNode:
    """The IRI of a test entity."""
    return NamedNode(f"{BASE}{cls}/{label}")


CITY = entity("AdministrativeArea", "江北市")
DISTRICT = entity("AdministrativeArea", "青山区")
COMPANY = entity("Enterprise", "华星光电集团")
ZONE = entity("Zone", "青山经济技术开发区")
HOSTILE = entity("Enterprise", "hostile")
EVENT = entity("Event", "hostile-expo")


def small_graph(*, hostile: bool = True) -> list[Quad]:
    """Four entities with three typed relations and an indicator about the city; two hostile entities."""
    triples: list[tuple] = []
    add = triples.append
    add((DOC, RDF_TYPE, KG.Document))
    add((DOC, DCT_TITLE, _zh(XSS_TITLE if hostile else "2026年江北市政府工作报告")))
    section = NamedNode(DOC.value + "/section/1")
    add((section, RDF_TYPE, KG.Section))
    add((section, KG.heading, _zh(XSS_HEADING if hostile else "（一）产业")))
    add((section, DCT_PART_OF, DOC))
    sentences = [NamedNode(f"{DOC.value}/sentence/{i}") for i in range(len(SENTENCES))]
    for i, (node, text) in enumerate(zip(sentences, SENTENCES, strict=True)):
        if i == 2 and not hostile:
            continue
        add((node, RDF_TYPE, KG.Sentence))
        add((node, KG.text, _zh(text)))
        add((node, KG.order, _int(i)))
        add((node, DCT_PART_OF, section))
    ents = [(CITY, "AdministrativeArea", "江北市", ["江北"], 3, [0, 1], "990100"),
            (DISTRICT, "AdministrativeArea", "青山区", [], 1, [0], "990102"),
            (COMPANY, "Enterprise", "华星光电集团", ["华星光电"], 2, [0], None),
            (ZONE, "Zone", "青山经济技术开发区", ["青山开发区"], 1, [0], None)]
    if hostile:
        ents += [(HOSTILE, "Enterprise", XSS_ENTERPRISE, [XSS_ALIAS], 1, [2], None),
                 (EVENT, "Event", XSS_EVENT, [], 1, [2], None)]
    for node, cls, label, aliases, count, sents, code in ents:
        add((node, RDF_TYPE, KG[cls]))
        add((node, RDFS_LABEL, _zh(label)))
        for alias in aliases:
            add((node, SKOS_ALT, _zh(alias)))
        add((node, KG.mentionCount, _int(count)))
        for k in sents:
            add((node, KG.mentionedIn, sentences[k]))
        if code:
            add((node, KG.divisionCode, Literal(code)))
    for k, (s, p, o) in enumerate([(DISTRICT, "partOf", CITY), (COMPANY, "invests", ZONE),
                                   (ZONE, "locatedIn", DISTRICT)]):
        add((s, KG[p], o))
        stmt = NamedNode(f"{DOC.value}/statement/{k}")
        add((stmt, RDF_TYPE, KG.Statement))
        add((stmt, RDF_SUBJECT, s))
        add((stmt, RDF_PREDICATE, KG[p]))
        add((stmt, RDF_OBJECT, o))
        add((stmt, KG.evidence, sentences[0]))
    related = [(CITY, DISTRICT), (CITY, COMPANY), (CITY, ZONE), (COMPANY, DISTRICT)]
    if hostile:
        related.append((EVENT, HOSTILE))
    for a, b in related:
        a, b = sorted((a, b), key=lambda n: n.value)
        add((a, KG.relatedTo, b))
    ind = NamedNode(DOC.value + "/indicator/1")
    add((ind, RDF_TYPE, KG.Indicator))
    add((ind, KG.metric, _zh("地区生产总值增长")))
    add((ind, KG.value, Literal("6.2", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))))
    add((ind, KG.unit, _zh("%")))
    add((ind, KG.year, Literal("2025", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))))
    add((ind, KG.valueKind, KG.Actual))
    add((ind, KG.about, CITY))
    add((ind, KG.evidence, sentences[1]))
    add((ind, KG.text, _zh("增长6.2％")))
    loose = NamedNode(DOC.value + "/indicator/2")  # an indicator about no entity: not drawn
    add((loose, RDF_TYPE, KG.Indicator))
    add((loose, KG.metric, _zh("新引进企业")))
    add((loose, KG.value, Literal("120", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))))
    add((loose, KG.evidence, sentences[0]))
    return [Quad(s, p, o, DOC) for s, p, o in triples]
