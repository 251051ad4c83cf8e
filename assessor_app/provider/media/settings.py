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
#: the shipped face model's SHA-256 (media/models/README.md): part of an anonymised derivative's settings
FACE_MODEL_SHA256 = "09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc"
#: bumped when the way faces are blurred changes in a way the settings do not show
FACE_RECIPE = 1


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


@dataclass(frozen=True)
class FaceBlurSettings:
    """How faces are found and blurred in the anonymised derivatives a moderator sees."""

    #: the detector's confidence from which a box is blurred: low, so a doubtful face is blurred too
    threshold: float = 0.2
    enlarge: float = 1.8  # each face's box is grown this much about its centre (hair, ears, chin)
    #: a face found in one kept frame of a proxy is blurred in this many following frames too, so a
    #: frame where the detector misses a face it saw a moment ago does not show it
    carry_frames: int = 2
    photo_max_side: int = 1920  # a larger photo is made this size (longest side), then searched
    photo_quality: int = 90  # the anonymised photo's JPEG quality

    def __post_init__(self) -> None:
        if not 0 < self.threshold < 1:
            raise ValueError(f"face threshold {self.threshold} is outside (0, 1)")
        if not 1 <= self.enlarge <= 4:
            raise ValueError(f"face enlargement {self.enlarge} is outside 1..4")
        if not 0 <= self.carry_frames <= 30:
            raise ValueError(f"face carry-over {self.carry_frames} is outside 0..30 frames")
        if not 64 <= self.photo_max_side <= 8192:
            raise ValueError(f"photo size {self.photo_max_side} is outside 64..8192")
        if not 1 <= self.photo_quality <= 100:
            raise ValueError(f"photo quality {self.photo_quality} is outside 1..100")

    def fingerprint(self, proxy: ProxySettings) -> str:
        """SHA-256 of these settings, the proxy's, the model and the recipes: one derivative per change."""
        text = json.dumps({**asdict(self), "proxy": proxy.fingerprint(), "model": FACE_MODEL_SHA256,
                           "recipe": FACE_RECIPE}, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()
