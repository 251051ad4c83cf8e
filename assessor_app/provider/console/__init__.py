"""The provider's web console: server-rendered pages over the provider's store and held bundles."""
