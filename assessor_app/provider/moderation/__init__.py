"""External moderation by sampling: a reproducible risk-weighted sample, and how far second markers agree."""
