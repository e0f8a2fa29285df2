"""Recognise what a file really is from its first bytes, to explain a wrong or missing extension."""

from __future__ import annotations

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")

DESCRIPTIONS = {
    "pdf": "a PDF",
    "zip": "a zip archive (such as a .docx)",
    "docx": "a Word .docx file",
    "ole": "an old-style Office file (such as a .doc)",
    "encrypted-office": "a password-protected Office file",
    "rtf": "an RTF file",
    "html": "an HTML page",
    "image": "an image",
    "text": "plain text",
}


def sniff(data: bytes) -> str | None:
    """``"pdf"``, ``"docx"``, ``"zip"``, ``"ole"``, ``"encrypted-office"``, ``"rtf"``, ``"html"``,
    ``"image"``, ``"text"`` or ``None`` (unknown or binary)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "docx" if b"word/" in data[:65536] else "zip"
    if head.startswith(_OLE):
        return "encrypted-office" if _ENCRYPTION_INFO in data[:262144] else "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")):
        return "image"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or (
        start.startswith(b"<") and b"<body" in data[:8192].lower()
    ):
        return "html"
    if head and b"\x00" not in head:
        try:
            head.decode("utf-8")
            return "text"
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 4:  # a character cut at the end of the sample
                return "text"
    return None


def describe(kind: str | None) -> str | None:
    return DESCRIPTIONS.get(kind) if kind else None
