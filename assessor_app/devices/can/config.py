"""How to reach a CAN adapter, and who it is: recorded with every capture and snapshot."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import can

from assessor_app.errors import AssessorError

#: python-can interfaces that take a ``listen_only`` flag of their own.
_LISTEN_ONLY_KWARG = {"slcan", "vector", "gs_usb"}


class CanDeviceError(AssessorError):
    """A CAN adapter could not be opened or stopped answering."""


@dataclass(frozen=True)
class CanConfig:
    """One adapter channel: what python-can needs to open it, and what the evidence records."""

    interface: str
    channel: str
    bitrate: int = 500_000
    listen_only: bool = False
    #: Own transmissions (diagnostic requests) come back as frames with is_rx=False, so they are
    #: logged too; only adapters that support it (socketcan, virtual, pcan...) honour it.
    receive_own_messages: bool = False
    #: Interface-specific keyword arguments (e.g. ``{"tty_baudrate": 115200}`` for slcan).
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CanConfig:
        return cls(
            interface=str(data["interface"]),
            channel=str(data["channel"]),
            bitrate=int(data.get("bitrate", 500_000)),
            listen_only=bool(data.get("listen_only", False)),
            receive_own_messages=bool(data.get("receive_own_messages", False)),
            extra=dict(data.get("extra") or {}),
        )

    def describe(self) -> str:
        """Short name for messages: 'pcan PCAN_USBBUS1 at 500 kbit/s'."""
        return f"{self.interface} {self.channel} at {self.bitrate // 1000} kbit/s"


@dataclass(frozen=True)
class DeviceIdentity:
    """What is known about the physical adapter (serial number, USB ids, firmware)."""

    interface: str
    channel: str
    description: str = ""
    serial: str | None = None
    usb_vid_pid: str | None = None
    kind: str = "can"  # "can" (python-can interface), "elm327" (AT commands over serial), "slcan?" (a guess)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


BusFactory = Callable[[CanConfig], can.BusABC]


def _bus_kwargs(config: CanConfig) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "interface": config.interface,
        "channel": config.channel,
        "bitrate": config.bitrate,
        "receive_own_messages": config.receive_own_messages,
    }
    if config.listen_only:
        if config.interface in _LISTEN_ONLY_KWARG:
            kwargs["listen_only"] = True
        elif config.interface == "pcan":
            kwargs["state"] = can.BusState.PASSIVE
        elif config.interface == "kvaser":
            kwargs["driver_mode"] = False  # canlib's DRIVER_MODE_SILENT
    kwargs.update(config.extra)
    return kwargs


def open_bus(config: CanConfig) -> can.BusABC:
    """Open the adapter, or raise CanDeviceError saying which one and why."""
    try:
        bus = can.Bus(**_bus_kwargs(config))
    except (can.CanError, OSError, ValueError, ImportError) as exc:
        raise CanDeviceError(f"The CAN adapter {config.describe()} could not be opened: {exc}") from exc
    if config.listen_only and config.interface not in _LISTEN_ONLY_KWARG | {"pcan", "kvaser", "virtual"}:
        # Interfaces without a flag of their own may still honour the passive bus state.
        try:
            bus.state = can.BusState.PASSIVE
        except (NotImplementedError, can.CanError) as exc:
            bus.shutdown()
            raise CanDeviceError(
                f"The CAN adapter {config.describe()} cannot listen without transmitting: {exc}"
            ) from exc
    return bus


def identify(bus: can.BusABC, config: CanConfig) -> DeviceIdentity:
    """The identity python-can can tell about an open bus (channel info; serial where exposed)."""
    serial = None
    for attr in ("serial", "serial_number", "_serial_number"):
        value = getattr(bus, attr, None)
        if isinstance(value, str | int) and value:
            serial = str(value)
            break
    return DeviceIdentity(config.interface, config.channel, str(getattr(bus, "channel_info", "")), serial)
