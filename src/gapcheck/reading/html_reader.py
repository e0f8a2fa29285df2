"""Visible text of a saved web page (a job advert saved from a browser, or a CV exported to HTML).

Uses the standard library's event-driven :class:`html.parser.HTMLParser`, which keeps no tree and never
recurses, so 100,000 nested ``<div>`` elements cost nothing special. Content of ``script``, ``style``,
``noscript``, ``template``, ``head`` (so also ``title``), ``svg``, ``iframe`` and friends is dropped, as
is any element with the ``hidden`` attribute or an inline ``display:none`` / ``visibility:hidden``
style. Block elements become line breaks (headings and paragraphs get a blank line around them) so a
heading stays on its own line; list items become ``• item`` lines; table cells are separated by tabs.
Character references are decoded once, so ``&lt;script&gt;`` written in the page's text stays as the
literal text ``<script>``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from gapcheck.errors import LimitExceededError, ReadError
from gapcheck.reading.limits import Deadline

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "select",
        "datalist",
        "audio",
        "video",
        "map",
        "button",
    }
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "frame",
        "basefont",
        "isindex",
    }
)
_PARA = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
        "dl",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "form",
        "fieldset",
        "figure",
        "details",
        "address",
        "hgroup",
    }
)
_BLOCK = _PARA | frozenset(
    {
        "div",
        "li",
        "dt",
        "dd",
        "tr",
        "caption",
        "figcaption",
        "summary",
        "legend",
        "body",
        "html",
        "center",
        "option",
        "label",
    }
)
_CELL = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WS = re.compile(r"[ \t\n\r\f]+")
_CHECK_EVERY = 4096
_MAX_SHARED_ENTRIES = 4096


class _TextExtractor(HTMLParser):
    def __init__(self, deadline: Deadline | None) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str | int] = []  # text, or 1 / 2 for a line break / blank line
        # (tag, hides its content). Entries are shared tuples (see _push): a page of millions of unclosed
        # tags then costs a pointer per tag, not a tuple and a string.
        self.stack: list[tuple[str, bool]] = []
        self._entries: dict[tuple[str, bool], tuple[str, bool]] = {}
        self.open_count: dict[str, int] = {}
        self.hidden_depth = 0
        self.pre_depth = 0
        self.deadline = deadline
        self.events = 0

    # -- helpers -----------------------------------------------------------------------------------------
    def _tick(self) -> None:
        self.events += 1
        if self.deadline is not None and self.events % _CHECK_EVERY == 0:
            self.deadline.check()

    def _break(self, blank: bool = False) -> None:
        self.parts.append(2 if blank else 1)

    def _push(self, tag: str, hides: bool) -> None:
        entry = self._entries.get((tag, hides))
        if entry is None:
            entry = (tag, hides)
            if len(self._entries) < _MAX_SHARED_ENTRIES:
                self._entries[entry] = entry
        self.stack.append(entry)
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        if hides:
            self.hidden_depth += 1
        if tag in ("pre", "textarea"):
            self.pre_depth += 1

    def _pop_to(self, tag: str) -> bool:
        """Close ``tag`` and anything opened inside it; False if it is not open."""
        if not self.open_count.get(tag):
            return False
        while self.stack:
            name, hides = self.stack.pop()
            self.open_count[name] -= 1
            if hides:
                self.hidden_depth -= 1
            if name in ("pre", "textarea"):
                self.pre_depth -= 1
            if name == tag:
                return True
        return True

    # -- parser events -------------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tick()
        if tag == "body" and self.open_count.get("head"):
            self._pop_to("head")
        if (
            tag in ("p", "li", "dt", "dd", "tr", "td", "th", "option")
            and self.stack
            and self.stack[-1][0] == tag
        ):
            # <li>a<li>b: the second closes the first (enough of HTML's implied end tags for text)
            self._pop_to(tag)
        if tag in _VOID:
            if tag == "br" and not self.hidden_depth:
                self.parts.append("\n")  # a hard line break, kept even next to block breaks
            elif tag == "hr" and not self.hidden_depth:
                self._break(blank=True)
            elif tag == "img" and not self.hidden_depth:
                pass  # alt text is not visible text
            return
        hides = tag in _SKIP
        if not hides:
            for name, value in attrs:
                if name == "hidden" or (name == "style" and value and _HIDDEN_STYLE.search(value)):
                    hides = True
                    break
                if name == "aria-hidden" and value == "true" and tag == "i":
                    hides = True  # an icon glyph (<i class="fa fa-phone" aria-hidden="true">)
                    break
        self._push(tag, hides)
        if self.hidden_depth:
            return
        if tag in _PARA:
            self._break(blank=True)
        elif tag in _BLOCK:
            self._break()
        elif tag in _CELL:
            self.parts.append("\t")
        if tag == "li":
            self.parts.append("• ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <div/> ...: an element with no content
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self._tick()
        was_hidden = self.hidden_depth > 0
        if not self._pop_to(tag):
            if tag == "p" and not self.hidden_depth:  # a stray </p> is an empty paragraph
                self._break(blank=True)
            elif tag == "br" and not self.hidden_depth:
                self.parts.append("\n")
            return
        if was_hidden and self.hidden_depth:
            return
        if tag in _PARA:
            self._break(blank=True)
        elif tag in _BLOCK:
            self._break()

    def handle_data(self, data: str) -> None:
        self._tick()
        if self.hidden_depth or not data:
            return
        if self.pre_depth:
            self.parts.append(data)
        else:
            self.parts.append(_WS.sub(" ", data))


def html_to_text(
    html: str, *, deadline: Deadline | None = None, source: str = "<html>", max_tags: int | None = None
) -> str:
    """Visible text of an HTML document, with line breaks at block boundaries (not yet cleaned).

    Raises :class:`~gapcheck.errors.LimitExceededError` past ``deadline``, or at once if the page has more
    than ``max_tags`` tags (counted as ``<``: Python's parser takes about 4 s per million tags).
    """
    if max_tags is not None and html.count("<") > max_tags:
        raise LimitExceededError(f"has more than {max_tags:,} HTML tags, over the limit", source=source)
    parser = _TextExtractor(deadline)
    try:
        parser.feed(html)
        parser.close()
    except ReadError:
        raise
    except (AssertionError, ValueError, IndexError, RecursionError) as exc:  # pragma: no cover - defensive
        raise ReadError(f"is not valid HTML ({type(exc).__name__})", source=source) from None
    out: list[str] = []
    pending = 0  # the strongest block break seen since the last text
    for part in parser.parts:
        if isinstance(part, int):
            pending = max(pending, part)
            continue
        if pending:
            if part.isspace() and part != "\n":
                continue  # whitespace (or a cell tab) between blocks
            if out:
                out.append("\n" * pending)
            pending = 0
        out.append(part)
    text = "".join(out)
    # Spaces next to line breaks go.
    return re.sub(r"[ ]*\n[ ]*", "\n", text)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def html_charset(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta charset>`` within its first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    import codecs

    name = m.group(1).decode("ascii", "ignore")
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # codecs also knows bytes-to-bytes codecs ("zlib", "base64", "hex", "rot13"); bytes.decode() refuses
    # them, so a page declaring one is decoded as if it declared nothing.
    if not getattr(info, "_is_text_encoding", True):
        return None
    return info.name
