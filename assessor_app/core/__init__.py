"""Checklist specifications, the assessment engine, its rules and clock: pure Python."""
