"""Errors gapcheck raises on purpose.

Every error a user can cause (a missing file, an unreadable PDF, a broken custom-skills file) is a
:class:`GapcheckError`. Its ``str()`` is one line that names the file and the problem, so the CLI can
print it as it is and exit non-zero, and a batch can record it in an error row and go on.
"""

from __future__ import annotations


class GapcheckError(Exception):
    """Base class: a problem with the user's input or set-up, explained in one line."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.problem = message
        super().__init__(f"{source}: {message}" if source else message)


class ReadError(GapcheckError):
    """A document could not be read: missing, unsupported, empty, encrypted, scanned, too big ..."""


class UnsupportedFormatError(ReadError):
    """The file's type is not one gapcheck reads."""


class LimitExceededError(ReadError):
    """The input is over one of the safety limits (size, pages, decompressed size, parse time)."""


class DataFileError(GapcheckError):
    """A rules, taxonomy or custom-skills file is invalid; the message names the file and line."""


class ModelsMissingError(GapcheckError):
    """The compiled files in models/ are missing or stale; the message says how to build them."""
