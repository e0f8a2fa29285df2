"""Bytes -> str for plain-text inputs, detecting the encoding, and nothing else.

The text that comes out is the file's text exactly as an editor would show it: only a byte-order mark
is removed and line ends are normalised the way Python's universal newlines do it (``\\r\\n`` and a lone
``\\r`` become ``\\n``). For a UTF-8 file, ``decode_text(data)`` equals
``Path(f).read_text(encoding="utf-8")`` (less a leading BOM), so character offsets into it can be checked
against the file.

Order of attempts: strict UTF-8 (by far the most common), then a UTF-32/UTF-16 byte-order mark, then
BOM-less UTF-16 (recognised from where its zero bytes fall), then mostly-UTF-8 text with a few bad bytes,
then charset-normalizer's detection (with a preference for cp1252 among look-alike Western code pages).
Data that is mostly control bytes is refused as binary.
"""

from __future__ import annotations

import codecs
import re

from gapcheck.errors import ReadError

# C0 controls other than \t \n \v \f \r and ESC, plus DEL and the C1 controls, plus U+FFFD.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")
_BAD_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_MAX_BAD_FRACTION = 0.05
_SAMPLE = 1 << 16

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Single-byte code pages that charset-normalizer often picks for short Western European text, where
# cp1252 (Windows' default, a superset of Latin-1's printable characters) is usually the truth.
_WESTERN = {
    "cp1252",
    "windows_1252",
    "latin_1",
    "iso8859_1",
    "iso8859_15",
    "cp1250",
    "windows_1250",
    "iso8859_2",
    "cp1257",
    "iso8859_4",
    "iso8859_9",
    "cp1254",
    "iso8859_13",
    "iso8859_16",
    "mac_roman",
    "mac_latin2",
    "cp850",
    "cp437",
    "cp858",
    "iso8859_3",
    "iso8859_10",
    "iso8859_14",
    "hp_roman8",
    "cp1258",
}
_COMMON_SYMBOLS = set("“”‘’‚„–—…•€£¥©®™°·«»×÷§¶±€¢¿¡")


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` -> ``\\n``, exactly as Python's universal-newlines mode reads them."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = (
        text if len(text) <= 4 * _SAMPLE else text[:_SAMPLE] + text[len(text) // 2 : len(text) // 2 + _SAMPLE]
    )
    return len(_BAD_CHARS.findall(sample)) > _MAX_BAD_FRACTION * len(sample)


def _plausibility(text: str) -> int:
    """Higher when the non-ASCII characters look like letters or common punctuation."""
    score = 0
    for ch in text:
        if ord(ch) < 128:
            continue
        score += 1 if (ch.isalpha() or ch in _COMMON_SYMBOLS) else -1
    return score


def _utf16_without_bom(data: bytes) -> str | None:
    n = len(data) // 2
    if n < 2:
        return None
    sample = data[: 2 * min(n, _SAMPLE)]
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        enc = "utf-16-le"
    elif even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        enc = "utf-16-be"
    else:
        return None
    try:
        return data[: 2 * n].decode(enc)
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """Decode as UTF-8 replacing bad bytes, if the data is clearly UTF-8 with a few stray bytes."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if multibyte >= max(replaced, 1) and replaced <= max(8, len(data) // 200):
        return text, replaced
    return None


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * _SAMPLE] if len(data) > 4 * _SAMPLE else data).best()
    if best is None:
        return None
    encoding = best.encoding
    if encoding in _WESTERN and encoding != "cp1252":
        try:
            as_1252 = data.decode("cp1252")
        except UnicodeDecodeError:
            as_1252 = None
        if as_1252 is not None:
            try:
                other = data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                other = None
            if other is None or _plausibility(as_1252) >= _plausibility(other):
                return as_1252, "cp1252"
            return other, encoding
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return str(best), encoding


def decode_text(data: bytes, source: str) -> tuple[str, str, tuple[str, ...]]:
    """Decode a plain-text file's bytes.

    Returns:
        ``(text, encoding, warnings)``; ``text`` has its BOM removed and its newlines normalised.

    Raises:
        ReadError: if the data is empty, whitespace only, or binary rather than text.
    """
    if not data:
        raise ReadError("is empty", source=source)
    warnings: list[str] = []
    text: str | None = None
    encoding = "utf-8"
    try:
        text = data.decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
            encoding = "utf-8-sig"
    except UnicodeDecodeError:
        pass
    if text is None:
        for bom, enc in _BOMS:
            if data.startswith(bom):
                encoding = enc
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    text = data.decode(enc, errors="replace")
                    warnings.append(f"replaced bytes that are not valid {enc} with U+FFFD")
                text = text.removeprefix("\ufeff")
                break
    if text is None and data.count(0) > len(data) // 8:
        text = _utf16_without_bom(data)
        if text is not None:
            encoding = "utf-16 (no BOM)"
    if text is None:
        head = data[:_SAMPLE]
        if len(_BAD_BYTES.findall(head)) > _MAX_BAD_FRACTION * len(head):
            raise ReadError("looks like binary data, not text", source=source)
        mostly = _mostly_utf8(data)
        if mostly is not None:
            text, replaced = mostly
            warnings.append(f"replaced {replaced} byte(s) that are not valid UTF-8 with U+FFFD")
        else:
            detected = _detect(data)
            if detected is None:
                # No encoding fits the data well: keep what is UTF-8 and let the binary check decide.
                text = data.decode("utf-8", errors="replace")
                encoding = "utf-8 (with invalid bytes replaced)"
                warnings.append(
                    "no text encoding fits the data; replaced bytes that are not valid UTF-8 with U+FFFD"
                )
            else:
                text, encoding = detected
    if encoding not in ("utf-8", "utf-8-sig", "utf-8 (with invalid bytes replaced)"):
        warnings.append(f"decoded as {encoding}")
    if _looks_binary(text):
        raise ReadError("looks like binary data, not text", source=source)
    text = normalise_newlines(text)
    if not text:
        raise ReadError("is empty", source=source)
    if text.isspace():
        raise ReadError("has no text (it is only whitespace)", source=source)
    return text, encoding, tuple(warnings)
