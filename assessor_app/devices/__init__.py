"""Capture from attached hardware (camera, CAN/OBD). Threads and queues, never Qt."""
