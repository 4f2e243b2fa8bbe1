"""Sourced, general lexicons (divisions, suffix tables, genre words), loaded once and cached."""
