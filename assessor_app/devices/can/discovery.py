"""Finding adapters and testing a connection: python-can detection, serial ports, gs_usb by USB id."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from typing import Any

import can

from assessor_app.devices.can.config import (
    BusFactory,
    CanConfig,
    CanDeviceError,
    DeviceIdentity,
    identify,
    open_bus,
)
from assessor_app.devices.can.snapshot import probe_obd

#: Backends whose python-can detection is worth its time on a workshop PC (not slcan/gs_usb/ELM327).
DETECTABLE_INTERFACES = ("pcan", "kvaser", "vector", "ixxat", "socketcan")
GS_USB_IDS = {
    (0x1D50, 0x606F): "candleLight / CANable (gs_usb firmware)",
    (0x1209, 0x2323): "CANable 2 (gs_usb)",
}
SLCAN_USB_IDS = {(0x16D0, 0x117E): "CANable (slcan firmware)", (0x0483, 0x5740): "STM32 virtual COM (slcan?)"}
# USB-serial bridges ELM327 clones are built on; a guess until a test connection says more
ELM327_USB_IDS = {
    (0x1A86, 0x7523): "CH340 serial (ELM327?)",
    (0x0403, 0x6001): "FTDI serial (ELM327?)",
    (0x067B, 0x2303): "PL2303 serial (ELM327?)",
    (0x10C4, 0xEA60): "CP210x serial (ELM327?)",
}


@dataclass(frozen=True)
class FoundDevice:
    identity: DeviceIdentity
    config: CanConfig | None  # how to open it with python-can; None for ELM327 (elm327_snapshot's port)
    source: str  # "python-can detection", "serial port", "usb"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DeviceList:
    devices: list[FoundDevice] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what could not be searched, and why


def _detected(interfaces: tuple[str, ...], timeout_s: float, out: DeviceList) -> None:
    for found in can.detect_available_configs(interfaces=list(interfaces), timeout=timeout_s):
        channel = str(found.get("channel"))
        interface = str(found.get("interface"))
        extra = {k: v for k, v in found.items() if k not in ("interface", "channel")}
        serial = extra.get("device_id") or extra.get("serial")
        out.devices.append(
            FoundDevice(
                DeviceIdentity(
                    interface,
                    channel,
                    str(extra.get("description", "")),
                    str(serial) if serial is not None else None,
                ),
                CanConfig(interface, channel),
                "python-can detection",
            )
        )


def _serial_ports(out: DeviceList) -> None:
    try:
        from serial.tools import list_ports  # pyserial, a runtime dependency
    except ImportError:
        out.notes.append("pyserial is not installed: slcan adapters and ELM327 dongles are not listed.")
        return
    for port in list_ports.comports():
        ids = (port.vid, port.pid)
        text = f"{port.description or ''} {port.manufacturer or ''} {port.product or ''}".lower()
        vid_pid = f"{port.vid:04X}:{port.pid:04X}" if port.vid is not None and port.pid is not None else None
        if ids in SLCAN_USB_IDS or "canable" in text or "slcan" in text:
            out.devices.append(
                FoundDevice(
                    DeviceIdentity(
                        "slcan",
                        port.device,
                        SLCAN_USB_IDS.get(ids, port.description or ""),
                        port.serial_number,
                        vid_pid,
                        kind="slcan",
                    ),
                    CanConfig("slcan", port.device),
                    "serial port",
                )
            )
        elif ids in ELM327_USB_IDS or "elm" in text or "obd" in text:
            out.devices.append(
                FoundDevice(
                    DeviceIdentity(
                        "elm327",
                        port.device,
                        ELM327_USB_IDS.get(ids, port.description or ""),
                        port.serial_number,
                        vid_pid,
                        kind="elm327",
                    ),
                    None,
                    "serial port",
                )
            )


def _gs_usb(out: DeviceList) -> None:
    try:
        import usb.core  # pyusb, optional: only needed for gs_usb adapters
    except ImportError:
        out.notes.append("pyusb is not installed: gs_usb adapters (CANable, candleLight) are not listed.")
        return
    try:
        index = 0
        for (vid, pid), name in GS_USB_IDS.items():
            for dev in usb.core.find(find_all=True, idVendor=vid, idProduct=pid) or ():
                serial = None
                try:
                    serial = usb.util.get_string(dev, dev.iSerialNumber) if dev.iSerialNumber else None
                except (usb.core.USBError, ValueError):
                    serial = None  # reading strings needs access rights; the id alone still lists it
                out.devices.append(
                    FoundDevice(
                        DeviceIdentity(
                            "gs_usb", str(index), name, serial, f"{vid:04X}:{pid:04X}", kind="can"
                        ),
                        CanConfig("gs_usb", str(index), extra={"index": index}),
                        "usb",
                    )
                )
                index += 1
    except (usb.core.NoBackendError, usb.core.USBError) as exc:
        out.notes.append(f"USB could not be searched for gs_usb adapters: {exc}")


def list_devices(interfaces: tuple[str, ...] = DETECTABLE_INTERFACES, timeout_s: float = 2.0) -> DeviceList:
    """Adapters attached now; ``timeout_s`` bounds python-can's detection of each backend."""
    out = DeviceList()
    _detected(interfaces, timeout_s, out)
    _serial_ports(out)
    _gs_usb(out)
    return out


@dataclass
class ConnectionTest:
    ok: bool
    message: str  # one sentence for the person at the bench
    config: CanConfig
    device: DeviceIdentity | None = None
    seconds: float = 0.0
    frames: int = 0
    error_frames: int = 0
    bus_state: str = "unknown"
    obd: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def test_connection(
    config: CanConfig, seconds: float = 2.0, obd_probe: bool = True, bus_factory: BusFactory = open_bus
) -> ConnectionTest:
    """Open the adapter, count frames for ``seconds``, read the bus state, and ask an ECU '01 00'."""
    try:
        bus = bus_factory(config)
    except CanDeviceError as exc:
        return ConnectionTest(False, str(exc), config)
    result = ConnectionTest(True, "", config, identify(bus, config), seconds)
    counts = {"frames": 0, "errors": 0}

    def count(msg: can.Message) -> None:
        counts["frames"] += 1
        counts["errors"] += msg.is_error_frame

    notifier = can.Notifier(bus, [count], timeout=0.1)
    try:
        threading.Event().wait(seconds)  # the measurement window itself
        try:
            result.bus_state = bus.state.name.lower()
        except (NotImplementedError, can.CanError):
            result.bus_state = "unknown"
        if obd_probe and not config.listen_only:
            result.obd = asdict(probe_obd(bus, notifier=notifier))
        elif obd_probe:
            result.obd = {"status": "skipped", "error": "listen-only: the adapter does not transmit"}
    finally:
        notifier.stop()
        bus.shutdown()
    result.frames, result.error_frames = counts["frames"], counts["errors"]
    obd_ok = result.obd is not None and result.obd.get("status") == "ok"
    result.message = (
        f"{config.describe()}: {result.frames} frames in {seconds:g} s, bus {result.bus_state}"
        + (
            "; an ECU answered OBD 01 00."
            if obd_ok
            else "; no ECU answered OBD 01 00."
            if result.obd and result.obd.get("status") != "skipped"
            else "."
        )
    )
    if notifier.exception is not None:
        result.ok = False
        result.message = f"The CAN adapter {config.describe()} failed while testing: {notifier.exception}"
    return result
