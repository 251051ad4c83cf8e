"""A real provider (uvicorn on a free loopback port), an enrolled workstation client, the console, and a
throwaway PostgreSQL server for the tests that run on both database engines."""

from console_support import console_as, console_clock, console_server, console_service  # noqa: F401
from postgres_support import database_url, postgres_cluster, postgres_url  # noqa: F401
from seaweed_support import seaweed  # noqa: F401
from small_disk import small_disk  # noqa: F401
from sync_support import fast_bundles, provider, workstation  # noqa: F401
