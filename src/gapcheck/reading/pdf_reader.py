"""PDF -> text with pdfminer.six (imported only when a PDF is read).

pdfminer finds the characters and groups them into line segments; :mod:`gapcheck.reading.pdf_layout`
puts the segments in reading order. Icon-font glyphs (Font Awesome and the like: the phone and e-mail
symbols in a CV's header) are dropped as they are read; dingbat fonts (Wingdings, ZapfDingbats) used for
bullets become a private-use placeholder that :mod:`gapcheck.reading.cleanup` turns into "•" at the start
of a line.

Safety: the page count is checked before any page is parsed; every compressed stream is decompressed
with a cap (``Limits.max_decompressed_bytes``); the deadline is polled per page, every few thousand
tokens pdfminer parses (so a content stream of millions of operators that draw nothing, or a huge
object, cannot run past it) and every few hundred glyphs drawn. At most ``Limits.max_chars`` glyphs are
drawn per document (a few KB of nested form XObjects can otherwise draw billions, each a layout object);
operands left on the interpreter's stack are trimmed; paths and images are only counted, never turned
into layout objects, so they cost time (which the deadline bounds) but no memory.
"""

from __future__ import annotations

import contextvars
import io
import logging
import re
import zlib
from typing import Any

from gapcheck.errors import LimitExceededError, ReadError
from gapcheck.reading.limits import Deadline, Limits, human_size
from gapcheck.reading.pdf_layout import Seg, page_text

ENCRYPTED = "is encrypted (password-protected); save an unprotected copy"
NO_TEXT_LAYER = "has no text layer (a scanned image?); run OCR on it first"

_ICON_FONT = re.compile(
    r"awesome|glyphicon|academicons|ionicons|material.?(?:icons|symbols)|octicons|fontello|entypo|"
    r"linearicons|themify|simple.?line|typicons|bootstrap.?icons|remixicon|tabler.?icons|phosphor|"
    r"feather|icomoon|devicon|simpleicons|socicon",
    re.IGNORECASE,
)
_DINGBAT_FONT = re.compile(r"wingding|webding|dingbat", re.IGNORECASE)
_BULLET_PLACEHOLDER = "\ue000"
_CID = re.compile(r"\(cid:\d+\)")
_TICK_EVERY = 256

_stream_cap: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "gapcheck_pdf_stream_cap", default=None
)
# Streams that failed to decompress during the current read (pdfminer silently replaces them with nothing).
_stream_errors: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "gapcheck_pdf_stream_errors", default=None
)
# The deadline of the current read, polled as pdfminer parses tokens (content streams and objects alike).
_token_budget: contextvars.ContextVar[_TokenBudget | None] = contextvars.ContextVar(
    "gapcheck_pdf_token_budget", default=None
)
_patched = False
_TOKENS_PER_CHECK = 4096
#: Operands pdfminer keeps on its interpreter stack; no operator takes more than a few dozen.
_MAX_OPERANDS = 4096


class _TokenBudget:
    __slots__ = ("deadline", "tokens")

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.tokens = 0

    def tick(self) -> None:
        self.tokens += 1
        if not self.tokens % _TOKENS_PER_CHECK:
            self.deadline.check()


class _StreamTooLarge(Exception):
    pass


class _CappedDecompressor:
    """A zlib decompressobj that refuses to produce more than the current cap."""

    def __init__(self, cap: int) -> None:
        self._d = zlib.decompressobj()
        self._left = cap

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._d.decompress(data, self._left + 1)
        self._left -= len(out)
        if self._left < 0:
            raise _StreamTooLarge
        return out

    def flush(self, *args: Any) -> bytes:
        return self._d.flush(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._d, name)


class _CappedZlib:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes`` to defeat decompression bombs."""

    error = zlib.error

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        cap = _stream_cap.get()
        if cap is None:
            return zlib.decompress(data, *args, **kwargs)
        d = zlib.decompressobj()
        try:
            out = d.decompress(data, cap + 1)
            if len(out) > cap:
                raise _StreamTooLarge
            if not d.eof:
                raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        except zlib.error as exc:
            errors = _stream_errors.get()
            if errors is not None:
                errors.append(str(exc))
            raise
        return out

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        cap = _stream_cap.get()
        if cap is None or args or kwargs:
            return zlib.decompressobj(*args, **kwargs)
        return _CappedDecompressor(cap)


def _install_stream_cap() -> None:
    """Patch pdfminer once: capped zlib in ``pdftypes``, and a deadline poll in the tokenizer.

    Both are inert outside :func:`read_pdf_bytes` (their context variables are unset).
    """
    global _patched
    if _patched:
        return
    import pdfminer.pdftypes
    from pdfminer.psparser import PSBaseParser

    pdfminer.pdftypes.zlib = _CappedZlib()  # type: ignore[assignment]
    nexttoken = PSBaseParser.nexttoken

    def _polled_nexttoken(self: Any) -> Any:
        budget = _token_budget.get()
        if budget is not None:
            budget.tick()
        return nexttoken(self)

    PSBaseParser.nexttoken = _polled_nexttoken  # type: ignore[method-assign]
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())
    _patched = True


def _make_interpreter(rsrcmgr: Any, device: Any) -> Any:
    from pdfminer.pdfinterp import PDFPageInterpreter

    class _Interpreter(PDFPageInterpreter):  # type: ignore[misc]
        def push(self, obj: Any) -> None:
            stack = self.argstack
            stack.append(obj)
            if len(stack) > _MAX_OPERANDS:  # operands no operator consumes ("1 2 3 ..." by the million)
                del stack[:-64]

    return _Interpreter(rsrcmgr, device)


def _make_device(rsrcmgr: Any, laparams: Any, deadline: Deadline, limits: Limits, source: str) -> Any:
    from pdfminer.converter import PDFPageAggregator

    cap = limits.max_chars

    class _Device(PDFPageAggregator):  # type: ignore[misc]
        ticks = 0
        glyphs = 0
        paths = 0
        images = 0

        def _tick(self) -> None:
            self.ticks += 1
            if self.ticks % _TICK_EVERY == 0:
                deadline.check()

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self._tick()
            self.glyphs += 1
            if self.glyphs > cap:  # each glyph is a layout object (~0.5 KB): refuse before memory runs out
                raise LimitExceededError(
                    f"draws too many characters of text, over the limit of {cap:,}", source=source
                )
            return super().render_char(*args, **kwargs)

        # Paths and images are counted (a page of only images and paths is a scan), never laid out: the
        # text does not need them, and a few bytes of content stream can draw millions of them.
        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            self._tick()
            self.paths += 1

        def render_image(self, *args: Any, **kwargs: Any) -> None:
            self._tick()
            self.images += 1

    return _Device(rsrcmgr, laparams=laparams)


class _PageStats:
    __slots__ = ("chars", "cid_chars", "icons", "images", "paths", "visible")

    def __init__(self) -> None:
        self.chars = 0
        self.visible = 0
        self.cid_chars = 0
        self.icons = 0
        self.images = 0
        self.paths = 0


_font_kinds: dict[str, int] = {}  # font name -> 0 text, 1 icon font (dropped), 2 dingbat font (bullets)


def _font_kind(font: str) -> int:
    kind = _font_kinds.get(font)
    if kind is None:
        kind = 1 if _ICON_FONT.search(font) else 2 if _DINGBAT_FONT.search(font) else 0
        if len(_font_kinds) < 10_000:
            _font_kinds[font] = kind
    return kind


def _segments(layout: Any, height: float, stats: _PageStats) -> list[Seg]:
    """Walk a pdfminer page layout (text boxes, figures) and return its line segments."""
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTTextLine

    segs: list[Seg] = []
    stack = [layout]
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTTextLine):
            parts: list[str] = []
            for item in obj:
                text = item.get_text()
                if isinstance(item, LTChar):
                    stats.chars += 1
                    kind = _font_kind(item.fontname or "")
                    if kind == 1:
                        stats.icons += 1
                        continue
                    if kind == 2:
                        text = _BULLET_PLACEHOLDER
                    elif "(cid:" in text:
                        stats.cid_chars += 1
                        text = _CID.sub("", text)
                    if text.strip():
                        stats.visible += 1
                parts.append(text)
            text = "".join(parts).replace("\n", " ")
            if text.strip():
                segs.append(Seg(obj.x0, obj.x1, height - obj.y1, height - obj.y0, text))
        elif isinstance(obj, LTImage):
            stats.images += 1
        elif isinstance(obj, LTCurve):
            stats.paths += 1
        elif isinstance(obj, LTChar):  # a character outside any line (vertical text and the like)
            stats.chars += 1
        elif isinstance(obj, LTContainer):
            stack.extend(reversed(list(obj)))
    return segs


def read_pdf_bytes(
    data: bytes, source: str, limits: Limits, deadline: Deadline
) -> tuple[str, tuple[str, ...]]:
    """Extract a PDF's text in reading order (not yet cleaned). Raises :class:`ReadError` subclasses."""
    head = data[:1024]
    if b"%PDF-" not in head:
        raise ReadError("is not a valid PDF (it does not start with %PDF-)", source=source)
    if b"%%EOF" not in data[-16384:]:
        raise ReadError(
            "is not a complete PDF (it does not end with %%EOF: truncated or damaged); download or export it again",
            source=source,
        )
    _install_stream_cap()
    token = _stream_cap.set(limits.max_decompressed_bytes)
    errors_token = _stream_errors.set([])
    budget_token = _token_budget.set(_TokenBudget(deadline))
    try:
        return _extract(data, source, limits, deadline)
    except ReadError:
        raise
    except _StreamTooLarge:
        raise LimitExceededError(
            f"has a compressed stream that expands beyond the {human_size(limits.max_decompressed_bytes)} limit",
            source=source,
        ) from None
    except MemoryError:
        raise LimitExceededError("needs too much memory to read", source=source) from None
    except RecursionError:
        raise ReadError("is damaged or too deeply nested to read as a PDF", source=source) from None
    # pdfminer raises many types (PSException, KeyError, TypeError, ...)
    except Exception as exc:  # noqa: BLE001
        raise _pdf_error(exc, source) from None
    finally:
        _stream_cap.reset(token)
        _stream_errors.reset(errors_token)
        _token_budget.reset(budget_token)


def _pdf_error(exc: Exception, source: str) -> ReadError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if isinstance(exc, PDFPasswordIncorrect | PDFEncryptionError):
        return ReadError(ENCRYPTED, source=source)
    return ReadError(f"is not a valid PDF or is damaged ({type(exc).__name__})", source=source)


def _page_count(doc: Any) -> int | None:
    from pdfminer.pdftypes import resolve1

    try:
        pages = resolve1(doc.catalog.get("Pages"))
        count = resolve1(pages.get("Count"))
        return int(count) if isinstance(count, int | float) else None
    except Exception:  # noqa: BLE001
        return None


def _extract(data: bytes, source: str, limits: Limits, deadline: Deadline) -> tuple[str, tuple[str, ...]]:
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    parser = PDFParser(io.BytesIO(data))
    doc = PDFDocument(parser)
    if doc.encryption is not None and not doc.is_extractable:
        pass  # the owner forbade copying; it is the user's own document, so we read it anyway
    declared = _page_count(doc)
    n = limits.max_pdf_pages
    too_many = (
        f"has more than {n} page{'s' if n != 1 else ''} (the limit); is it really a CV or a job advert?"
    )
    if declared is not None and declared > limits.max_pdf_pages:
        raise LimitExceededError(too_many, source=source)
    deadline.check()

    laparams = LAParams(
        line_overlap=0.5, char_margin=2.0, word_margin=0.1, line_margin=0.5, boxes_flow=None, all_texts=True
    )
    rsrcmgr = PDFResourceManager(caching=True)
    device = _make_device(rsrcmgr, laparams, deadline, limits, source)
    interpreter = _make_interpreter(rsrcmgr, device)
    pages: list[str] = []
    stats = _PageStats()
    n_pages = 0
    for page in PDFPage.create_pages(doc):
        n_pages += 1
        if n_pages > limits.max_pdf_pages:
            raise LimitExceededError(too_many, source=source)
        deadline.check()
        interpreter.process_page(page)
        layout = device.get_result()
        segs = _segments(layout, layout.bbox[3], stats)
        deadline.check()
        pages.append(page_text(segs))
    if n_pages == 0:
        raise ReadError("has no pages (the PDF is damaged or empty)", source=source)
    stats.images += device.images
    stats.paths += device.paths
    warnings: list[str] = []
    broken = len(_stream_errors.get() or ())
    if broken and stats.visible == 0:
        raise ReadError(
            f"is damaged: {broken} of its compressed streams cannot be decoded; export or download it again",
            source=source,
        )
    if broken:
        warnings.append(f"{broken} damaged stream(s) could not be decoded; some text may be missing")
    if stats.icons:
        warnings.append(f"dropped {stats.icons} icon-font glyph(s)")
    if stats.visible == 0:
        if stats.cid_chars:
            raise ReadError(
                "has text whose fonts have no Unicode mapping, so it cannot be extracted; run OCR on it first",
                source=source,
            )
        if stats.images or stats.paths or stats.chars == 0:
            raise ReadError(NO_TEXT_LAYER, source=source)
        raise ReadError("has no text (its pages are blank)", source=source)
    if stats.cid_chars > stats.visible:
        raise ReadError(
            "has text whose fonts mostly have no Unicode mapping, so it cannot be extracted; run OCR on it first",
            source=source,
        )
    if stats.cid_chars:
        warnings.append(f"dropped {stats.cid_chars} glyph(s) with no Unicode mapping")
    if stats.images and stats.visible < 100 * n_pages:
        warnings.append("has images and very little text; parts of it may be scanned (run OCR on them)")
    return "\n\n".join(p for p in pages if p), tuple(warnings)
