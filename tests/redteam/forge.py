"""What a hostile workshop can do to a bundle it sealed: rewrite files, rehash, and re-sign anything."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from securesystemslib.dsse import Envelope

from assessor_app.core.events import Event
from assessor_app.evidence.keys import SigningKey
from assessor_app.evidence.seal import PAYLOAD_TYPE

SEAL = "seal/statement.dsse.json"
RECORD = "data/record.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Forge:
    def __init__(self, root: Path, device: SigningKey, assessor: SigningKey):
        self.root, self.device, self.assessor = root, device, assessor

    # ------------------------------------------------------------ files
    def read(self, name: str) -> bytes:
        return (self.root / name).read_bytes()

    def write(self, name: str, data: bytes) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def rehash_tags(self, extra: Iterable[str] = ()) -> None:
        """Rewrite tagmanifest-sha256.txt for the tag files it lists (and ``extra``): it is not signed."""
        lines = self.read("tagmanifest-sha256.txt").decode().splitlines()
        listed = [line.split("  ", 1)[1] for line in lines]
        names = sorted({*listed, *extra})
        self.write("tagmanifest-sha256.txt", "".join(
            f"{sha256(self.read(n))}  {n}\n" for n in names if (self.root / n).is_file()).encode())

    def rehash_manifest(self) -> None:
        """Rewrite manifest-sha256.txt over every file now under data/."""
        names = sorted(p.relative_to(self.root).as_posix() for p in (self.root / "data").rglob("*")
                       if p.is_file())
        self.write("manifest-sha256.txt", "".join(f"{sha256(self.read(n))}  {n}\n" for n in names).encode())

    # ------------------------------------------------------------ the seal
    def envelope(self) -> dict[str, Any]:
        return json.loads(self.read(SEAL))

    def statement(self) -> dict[str, Any]:
        return json.loads(base64.b64decode(self.envelope()["payload"]))

    def sign_payload(self, payload: bytes, keys: Iterable[SigningKey] | None = None) -> None:
        """A valid DSSE envelope over any bytes at all, signed by the workshop's own keys."""
        envelope = Envelope(payload=payload, payload_type=PAYLOAD_TYPE, signatures={})
        for key in keys or (self.device, self.assessor):
            envelope.sign(key.signer)
        self.write(SEAL, json.dumps(envelope.to_dict(), indent=1).encode())
        self.rehash_tags()

    def reseal(self, change: Callable[[dict[str, Any]], object],
               keys: Iterable[SigningKey] | None = None) -> None:
        statement = self.statement()
        change(statement)
        self.sign_payload(json.dumps(statement, sort_keys=True, separators=(",", ":")).encode(), keys)

    def reseal_for_contents(self) -> None:
        """Seal what is there now: subjects and manifest hash from the current files."""
        manifest = {line.split("  ", 1)[1]: line.split("  ", 1)[0]
                    for line in self.read("manifest-sha256.txt").decode().splitlines()}

        def update(statement: dict[str, Any]) -> None:
            records = [s for s in statement["subject"] if not s["name"].startswith("data/")]
            statement["subject"] = sorted(
                [{"name": n, "digest": {"sha256": d}} for n, d in manifest.items()] + records,
                key=lambda s: s["name"])
            statement["predicate"]["manifest_sha256"] = sha256(self.read("manifest-sha256.txt"))

        self.reseal(update)

    # ------------------------------------------------------------ the record
    def replace_record(self, data: bytes) -> None:
        """A new data/record.json, consistently in the manifest and the (re-signed) seal."""
        self.write(RECORD, data)
        self.rehash_manifest()
        self.rehash_tags()
        self.reseal_for_contents()

    def record(self) -> dict[str, Any]:
        return json.loads(self.read(RECORD))

    def rechain(self, change: Callable[[list[dict[str, Any]]], object]) -> None:
        """Change events, then recompute every hash and link and the chain head the seal names."""
        record = self.record()
        change(record["events"])
        prev = "0" * 64
        for e in record["events"]:
            e["prev_hash"] = prev
            e["hash"] = ""
            e["hash"] = prev = Event(**{k: v for k, v in e.items()}).compute_hash()
        record["event_chain_head"] = prev
        self.replace_record(json.dumps(record, indent=1, sort_keys=True).encode())
        self.reseal(lambda s: s["predicate"].update(event_chain_head=prev))
