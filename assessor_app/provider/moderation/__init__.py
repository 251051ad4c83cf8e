"""External moderation of practical assessments by sampling."""
