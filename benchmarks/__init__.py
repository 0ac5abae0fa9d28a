"""Benchmarks of the performance targets (DESIGN.md §6); run them with ``make bench``.

See ``benchmarks/run.py`` and docs/benchmarks.md.
"""
