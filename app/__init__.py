"""Interleave: a deterministic simulator of Python thread scheduling for teaching concurrency."""
