"""Find faces in a picture and blur them: CenterFace (an ONNX model shipped in ``models/``) in OpenCV.

CenterFace sees a picture whose sides are multiples of 32 (the picture is scaled to that) and
answers, on a grid four times coarser, a heatmap of face centres, each centre's box size (log
scale) and its sub-cell offset. A cell above the threshold is a face; overlapping boxes of one face
are reduced to the best one (non-maximum suppression). The model is read once per process and
never fetched at run time.

Blurring enlarges each box (a detector's box hugs the face; hair, ears and chin identify too),
pixelates it to four blocks across and smooths them over the whole box: what remains carries no
likeness, and the detector finds no face in it (the tests check that on a real face).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cv2
import numpy as np

MODEL = Path(__file__).with_name("models") / "centerface.onnx"
_OUTPUTS = ("537", "538", "539", "540")  # heatmap, scale, offset, landmarks
_STRIDE = 4  # one heatmap cell per 4x4 input pixels
_NMS_OVERLAP = 0.3
_BLOCKS = 4  # a blurred face is at most this many blocks across
#: how much a face's box is grown before blurring: a blurred box only 1.4 times the face's size left
#: a head-shaped outline of hair the detector still scored 0.45 on; 1.8 times left at most 0.13
#: (measured on the test face at 6 sizes, 3 backgrounds, 3 positions)
ENLARGE = 1.8


class FaceModelError(RuntimeError):
    """The shipped face model is missing or unreadable: the installation is broken."""


@dataclass(frozen=True)
class Face:
    """A face's box in the picture's pixels, and the detector's confidence (0..1)."""

    x1: float
    y1: float
    x2: float
    y2: float
    score: float

    def enlarged(self, factor: float, width: int, height: int) -> tuple[int, int, int, int]:
        """The box grown by ``factor`` about its centre, in whole pixels inside the picture."""
        cx, cy = (self.x1 + self.x2) / 2, (self.y1 + self.y2) / 2
        half_w, half_h = (self.x2 - self.x1) * factor / 2, (self.y2 - self.y1) * factor / 2
        return (max(0, int(np.floor(cx - half_w))), max(0, int(np.floor(cy - half_h))),
                min(width, int(np.ceil(cx + half_w))), min(height, int(np.ceil(cy + half_h))))


class FaceDetector:
    """CenterFace through OpenCV's DNN module; one per thread (an OpenCV net is not shared)."""

    def __init__(self, threshold: float = 0.2, *, max_side: int | None = None):
        if not 0 < threshold < 1:
            raise ValueError(f"face threshold {threshold} is outside (0, 1)")
        self.threshold = threshold
        self.max_side = max_side  # larger pictures are searched scaled down to this side
        self._net = _load(MODEL)

    def detect(self, image: np.ndarray, threshold: float | None = None) -> list[Face]:
        """The faces in a BGR picture (as OpenCV reads it), best first."""
        threshold = self.threshold if threshold is None else threshold
        height, width = image.shape[:2]
        scale = 1.0
        if self.max_side and max(width, height) > self.max_side:
            scale = self.max_side / max(width, height)
        in_w, in_h = _multiple_of_32(width * scale), _multiple_of_32(height * scale)
        # the model was trained on RGB; OpenCV's pictures are BGR
        blob = cv2.dnn.blobFromImage(image, 1.0, (in_w, in_h), (0, 0, 0), swapRB=True, crop=False)
        self._net.setInput(blob)
        heatmap, sizes, offsets, _landmarks = self._net.forward(list(_OUTPUTS))
        faces = _decode(heatmap[0, 0], sizes[0], offsets[0], threshold, in_w, in_h)
        sx, sy = width / in_w, height / in_h
        return [Face(f.x1 * sx, f.y1 * sy, f.x2 * sx, f.y2 * sy, f.score) for f in faces]


def _multiple_of_32(side: float) -> int:
    return max(32, int(np.ceil(side / 32) * 32))


def _decode(heatmap: np.ndarray, sizes: np.ndarray, offsets: np.ndarray, threshold: float,
            width: int, height: int) -> list[Face]:
    rows, cols = np.nonzero(heatmap > threshold)
    if not len(rows):
        return []
    scores = heatmap[rows, cols]
    box_h = np.exp(sizes[0, rows, cols]) * _STRIDE
    box_w = np.exp(sizes[1, rows, cols]) * _STRIDE
    cy = (rows + offsets[0, rows, cols] + 0.5) * _STRIDE
    cx = (cols + offsets[1, rows, cols] + 0.5) * _STRIDE
    x1 = np.clip(cx - box_w / 2, 0, width)
    y1 = np.clip(cy - box_h / 2, 0, height)
    x2 = np.clip(x1 + box_w, 0, width)
    y2 = np.clip(y1 + box_h, 0, height)
    boxes = [[float(a), float(b), float(c - a), float(d - b)]
             for a, b, c, d in zip(x1, y1, x2, y2, strict=True)]
    keep = cv2.dnn.NMSBoxes(boxes, [float(s) for s in scores], float(threshold), _NMS_OVERLAP)
    kept = sorted((int(i) for i in np.asarray(keep).reshape(-1)), key=lambda i: -float(scores[i]))
    return [Face(float(x1[i]), float(y1[i]), float(x2[i]), float(y2[i]), float(scores[i])) for i in kept]


def blur_faces(image: np.ndarray, faces: list[Face], *, enlarge: float = ENLARGE) -> np.ndarray:
    """``image`` (changed in place, and returned) with each face's enlarged box pixelated and smoothed."""
    height, width = image.shape[:2]
    for face in faces:
        x1, y1, x2, y2 = face.enlarged(enlarge, width, height)
        if x2 - x1 < 2 or y2 - y1 < 2:
            continue
        region = image[y1:y2, x1:x2]
        w, h = x2 - x1, y2 - y1
        block = max(w, h) / _BLOCKS
        small = cv2.resize(region, (max(1, round(w / block)), max(1, round(h / block))),
                           interpolation=cv2.INTER_AREA)
        coarse = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
        kernel = max(w, h) | 1  # odd, and as wide as the box: no edge of a block is left
        image[y1:y2, x1:x2] = cv2.GaussianBlur(coarse, (kernel, kernel), 0)
    return image


_load_lock = threading.Lock()


def _load(path: Path) -> cv2.dnn.Net:
    with _load_lock:
        return _read_net(str(path))


@cache
def _model_bytes(path_text: str) -> bytes:
    try:
        return Path(path_text).read_bytes()
    except OSError as exc:
        raise FaceModelError(f"the face model {path_text} cannot be read ({exc.strerror}): "
                             f"the installation is incomplete") from None


def _read_net(path_text: str) -> cv2.dnn.Net:
    data = _model_bytes(path_text)
    try:
        return cv2.dnn.readNetFromONNX(np.frombuffer(data, dtype=np.uint8))
    except cv2.error as exc:
        raise FaceModelError(f"OpenCV cannot read the face model {path_text}: {exc}") from None
