"""Human-readable assessment records (PDF)."""
