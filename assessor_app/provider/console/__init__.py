"""The provider's web console under /console/: staff accounts, sessions, pages (kept light to import)."""
