"""Extractor components: each module registers itself with ``kg.pipeline.component``."""
