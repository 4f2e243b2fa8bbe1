"""Eval: how good a build is. Gold-standard scoring (`evaluate`), the review table of the merges and classes a
build was least sure of (`review`), and synthetic reports for tests and benchmarks (`synth`)."""
