"""Helpers for the reporting tests: a strict look at an HTML page (tags, attributes, text per section) and
hostile document text. A uniquely named module, not conftest.py (see tests/sectioning)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Document text that would do harm if a renderer let it through as markup.
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
STYLE_END = "</style><u>bold</u>"
HOSTILE = (SCRIPT, IMG, STYLE_END)

#: Every tag the report pages may contain (HTML, and inline SVG for the charts).
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "div", "figure",
    "figcaption", "h1", "h2", "p", "span", "strong", "b", "br", "wbr", "dl", "dt", "dd", "ol", "ul", "li",
    "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "q", "mark", "code",
    "svg", "rect", "circle", "line", "text", "tspan",
}
VOID = {"meta", "br", "wbr", "col", "rect", "circle", "line"}


@dataclass
class Page:
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    #: text inside each element with an id (nested ids collect their text too)
    text_by_id: dict[str, str] = field(default_factory=dict)
    text: str = ""
    style: str = ""
    marks: list[str] = field(default_factory=list)

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, str | None]] = []
        self.buffers: dict[str, list[str]] = {}
        self.all_text: list[str] = []
        self.in_mark = False
        self.mark_buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.page.tags.append((tag, a))
        if tag == "mark":
            self.in_mark, self.mark_buf = True, []
        if tag in VOID:
            return
        ident = a.get("id")
        if ident:
            self.buffers.setdefault(ident, [])
        self.stack.append((tag, ident))

    def handle_startendtag(self, tag, attrs):
        self.page.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "mark" and self.in_mark:
            self.in_mark = False
            self.page.marks.append("".join(self.mark_buf))
        if tag in VOID:
            return
        # Close up to the matching tag (the pages are well formed; this is just robust).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style":
            self.page.style += data
            return
        self.all_text.append(data)
        if self.in_mark:
            self.mark_buf.append(data)
        for _, ident in self.stack:
            if ident:
                self.buffers[ident].append(data)


def parse(html: str) -> Page:
    p = _Parser()
    p.feed(html)
    p.close()
    page = p.page
    page.text = " ".join("".join(p.all_text).split())
    page.text_by_id = {k: " ".join("".join(v).split()) for k, v in p.buffers.items()}
    return page


def assert_self_contained_and_inert(html: str) -> Page:
    """The page loads nothing from outside and runs nothing; returns the parsed page."""
    page = parse(html)
    low = html.lower()
    assert "<script" not in low
    assert "<link" not in low and "@import" not in low
    assert not re.search(r"""(?:src|href|xlink:href|action)\s*=\s*["']?\s*(?:https?:|//|javascript:)""", low)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:|//)", low)
    assert "http://" not in low and "https://" not in low
    assert page.count("style") == 1 and low.count("</style>") == 1, "a second or broken <style>"
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, f"unexpected <{tag}>"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name}= on <{tag}>"
            assert name not in ("src", "href", "srcset", "action", "formaction"), f"{name}= on <{tag}>"
            if name == "style":
                assert "url(" not in (value or "") and "expression(" not in (value or "")
    return page


def norm(s: str) -> str:
    return " ".join(s.split())
