"""Expected failures of video capture, each with a message naming the device or file."""

from __future__ import annotations

from assessor_app.errors import AssessorError


class VideoError(AssessorError):
    """Base of the video layer's expected failures."""


class CameraUnavailable(VideoError):
    """A camera (or video file) could not be opened or stopped delivering frames."""


class VideoWriteError(VideoError):
    """A segment or clip file could not be written."""


class SegmentIntegrityError(VideoError):
    """A file on disk is not the file whose bytes were hashed (rewritten, truncated, replaced)."""


class ConsentRequired(VideoError):
    """Recording was asked for before the candidate's consent to video was recorded."""


class ClipEmptyError(VideoError):
    """No recorded frame falls in the requested timeline range."""
