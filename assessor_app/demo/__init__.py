"""The scripted demo: an assessment through the real engine and store, then its delivery.

The delivery (``assessor_app.demo.delivery``) is imported only when a demo delivers, so that
importing ``run_demo`` does not pull in the provider service and the HTTP client.
"""

from assessor_app.demo.assessment import (
    DEMO_CAMERA,
    DEMO_PIN,
    DEMO_SEGMENT_SECONDS,
    DEMO_VIN,
    DemoResult,
    run_demo,
)

__all__ = ["DEMO_CAMERA", "DEMO_PIN", "DEMO_SEGMENT_SECONDS", "DEMO_VIN", "DemoResult", "run_demo"]
