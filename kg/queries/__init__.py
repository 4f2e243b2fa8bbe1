"""Queries: the saved SPARQL questions (the `*.rq` files here), their library (`library`: listing, parameters,
prefixes) and the printing of results as tables, CSV, TSV, JSON or Turtle (`results`)."""
