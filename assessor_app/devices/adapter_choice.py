"""The vehicle adapter a workstation uses, from its settings: none, the simulated EV, or an adapter."""

from __future__ import annotations

import json

from assessor_app.devices.can import CanConfig, CanDeviceError

#: The settings value for the simulated EV on python-can's virtual bus (the demo's).
SIMULATED = "simulated"
SIMULATED_CHANNEL = "assessor-simulated-ev"


def can_config_from_setting(value: str) -> CanConfig | None:
    """``""`` -> none; ``simulated`` -> the virtual bus the simulated EV talks on; else JSON."""
    value = value.strip()
    if not value:
        return None
    if value == SIMULATED:
        return CanConfig("virtual", SIMULATED_CHANNEL, 500_000, receive_own_messages=True)
    try:
        data = json.loads(value)
        return CanConfig.from_dict(data)
    except (ValueError, KeyError, TypeError) as exc:
        raise CanDeviceError(f"the vehicle adapter in the settings cannot be read ({exc}): "
                             f"choose it again in Settings") from exc


def setting_from_can_config(config: CanConfig) -> str:
    return json.dumps(config.to_dict(), sort_keys=True)
