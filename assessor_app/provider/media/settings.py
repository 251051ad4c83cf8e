"""How web proxies are made: a setting of the provider (ProviderConfig.proxy), not a constant.

Kept apart from the encoder (no OpenCV import) so the provider's configuration stays light.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

#: what each codec setting writes: OpenCV fourcc, the WebM CodecID, the MIME type for <video>
CODECS = {
    "vp9": ("VP90", "V_VP9", 'video/webm; codecs="vp9"'),
    "vp8": ("VP80", "V_VP8", 'video/webm; codecs="vp8"'),
}
#: bumped when the way a proxy is made changes in a way the settings do not show
RECIPE = 1


@dataclass(frozen=True)
class ProxySettings:
    """The web proxy's codec, size cap, frame-rate cap and quality (libvpx CRF, 0 best .. 63)."""

    codec: str = "vp9"
    max_height: int = 360  # larger sources are scaled down to this height (aspect kept)
    #: faster sources keep evenly spaced frames. 10 fps: libvpx's VP9 at the speed OpenCV leaves
    #: it (no speed option reaches it) makes 320x240 at ~6x real time per core, 15 fps only ~4x
    #: (benchmarks/bench_proxies.py); a review of hand work reads well at 10 fps, and the sealed
    #: original keeps every frame
    max_fps: float = 10.0
    crf: int = 40

    def __post_init__(self) -> None:
        if self.codec not in CODECS:
            raise ValueError(f"proxy codec {self.codec!r} is not one of {', '.join(CODECS)}")
        if not 48 <= self.max_height <= 2160:
            raise ValueError(f"proxy max height {self.max_height} is outside 48..2160")
        if not 0 < self.max_fps <= 120:
            raise ValueError(f"proxy max fps {self.max_fps} is outside (0, 120]")
        if not 0 <= self.crf <= 63:
            raise ValueError(f"proxy CRF {self.crf} is outside 0..63")

    @property
    def fourcc(self) -> str:
        return CODECS[self.codec][0]

    @property
    def codec_id(self) -> str:
        return CODECS[self.codec][1]

    @property
    def media_type(self) -> str:
        return CODECS[self.codec][2]

    def fingerprint(self) -> str:
        """SHA-256 of the settings and recipe: a proxy made otherwise is a different derivative."""
        text = json.dumps({**asdict(self), "recipe": RECIPE}, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()
