"""Typed relations between resolved entities, one module per relation family, each its own component."""

from kg.extract.relations import cooperates, headline, hosts, implements, invests, located, partof

__all__ = ["cooperates", "headline", "hosts", "implements", "invests", "located", "partof"]
