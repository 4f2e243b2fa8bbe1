"""Store: RDF graphs → a store on disk or a remote one. The pyoxigraph facade (`graphstore`), the SPARQL Graph
Store client (`remote`), the build lock (`lock`), corpus builds that extract reports in parallel and stream
each graph in (`corpus`, `executors`), the cross-report alias pass (`corpus_resolve`), per-graph statistics
(`graph_stats`), the summary graph made from them (`summary`) and per-document output parts (`parts`)."""
