"""RDF: what was extracted → RDF. The vocabulary (`namespace`: the closed kg: namespace and prefixes),
deterministic IRIs (`iri`), the quads of one document's named graph (`graph`), the ontology and SHACL shapes
(`ontology`), the metric scheme an indicator's kg:measure points into (`measures`), validation against them
(`validate`) and the export formats (`export`)."""
