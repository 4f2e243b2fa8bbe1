"""Extract: Document → mentions → entities, relations and indicators. Each extractor module here registers
itself with ``kg.extract.pipeline.component``; `pipeline` runs them in order, `resolve` merges mentions into
entities, `curation` applies a person's edits, `lexicons/` holds the sourced word lists and `relations/` the
typed relation families."""
