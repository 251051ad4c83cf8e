"""Evidence bundles: sealing and verification over plain data."""
