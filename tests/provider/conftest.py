"""A real provider (uvicorn on a free loopback port) and an enrolled workstation client."""

from small_disk import small_disk  # noqa: F401
from sync_support import fast_bundles, provider, workstation  # noqa: F401
