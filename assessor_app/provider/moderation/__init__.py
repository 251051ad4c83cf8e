"""External moderation: second-marker verdicts on sampled assessments and how far they agree."""
