"""The training provider's import service."""
