"""Explore: a store → answers about its entity network. The network view (`network`) and its cache beside a
store (`network_cache`), finding entities by name, shortest paths and neighbourhoods (`paths`), centrality and
communities (`analytics`), and two reports side by side (`compare`)."""
