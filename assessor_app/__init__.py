"""Offline assessor for safety-critical EV workshop tasks."""

__version__ = "0.1.0"
