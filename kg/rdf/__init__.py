"""RDF: what was extracted → RDF. The vocabulary (`namespace`: the closed kg: namespace and prefixes),
deterministic IRIs (`iri`), the quads of one document's named graph (`graph`), the ontology and SHACL shapes
(`ontology`), validation against them (`validate`) and the export formats (`export`)."""
