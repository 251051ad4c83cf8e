"""The base of every expected failure: its message is written for the person reading it."""


class AssessorError(Exception):
    """An expected failure (bad file, unreadable store, missing device) with a readable message."""
