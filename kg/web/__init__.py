"""Web: what a person opens in a browser. The self-contained interactive page of the entity network (`viz`,
with its HTML, CSS and JavaScript in `page/`) and the SPARQL endpoint with its query page (`serve`)."""
