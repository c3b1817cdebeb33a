"""Benchmarks: a data generator and timed runs of the pages and jobs that must stay fast at
scale (docs/performance.md has the figures and the commands that made them)."""
