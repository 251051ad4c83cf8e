"""Benchmarks of the foundation (not tests: they measure, they never assert timings)."""
