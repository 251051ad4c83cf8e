"""Workstation side of delivery to the training provider."""
