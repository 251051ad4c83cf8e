"""A real provider (uvicorn on a free loopback port) and an enrolled workstation client."""

from sync_support import fast_bundles, provider, workstation  # noqa: F401
