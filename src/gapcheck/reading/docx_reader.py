"""DOCX -> text with python-docx (imported only when a DOCX is read).

python-docx opens the package; the text is taken by walking the body's XML in document order, so that
what python-docx's ``paragraphs``/``tables`` lists skip is not lost: content controls (``w:sdt``, used
by Word's CV templates), text boxes (``w:txbxContent``, common for side columns), hyperlinks, tracked
insertions, and tables nested in tables. Deleted text and field instructions are left out. The headers
of the sections (often the name and contact line) come first; footers are ignored.

List paragraphs (numbered or bulleted in Word) start with "• ". Table rows whose cells are all one line
are joined with tabs; otherwise each cell's text follows the previous cell's.

Safety: before python-docx sees it, the zip is checked: at most ``Limits.max_zip_members`` members, the
declared uncompressed sizes summing to at most ``Limits.max_decompressed_bytes``, and then every member
is actually decompressed while counting, stopping as soon as the count passes the limit (a zip whose
headers lie is caught too, by the count or by zipfile's CRC check). The XML parts may hold at most
``max(10 * Limits.max_chars, 1,000,000)`` tags (counted as ``<``), which bounds the memory lxml's tree
takes.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from gapcheck.errors import LimitExceededError, ReadError
from gapcheck.reading.limits import Deadline, Limits, human_size, max_markup_tags, short_detail

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_T, _TAB, _PTAB, _BR, _CR, _NBH, _SYM = (
    W + t for t in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen", "sym")
)
_TXBX = W + "txbxContent"
_SKIP_IN_RUNS = frozenset(
    {
        W + "delText",
        W + "instrText",
        W + "rPr",
        W + "pPr",
        W + "delInstrText",
        W + "del",
        MC + "Fallback",
        _TXBX,
        W + "footnoteReference",
        W + "commentReference",
        W + "fldData",
    }
)
_CONTAINERS = frozenset(
    {
        _SDT_CONTENT,
        W + "customXml",
        W + "ins",
        W + "smartTag",
        W + "moveTo",
        MC + "Choice",
        MC + "AlternateContent",
        W + "body",
        W + "hdr",
        W + "ftr",
    }
)
_CHUNK = 1 << 16


def check_zip(data: bytes, source: str, limits: Limits, deadline: Deadline) -> None:
    """Refuse a zip that is not a DOCX, or that would unpack beyond the limits."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReadError(
            "is not a valid DOCX (Word) file (it is not a zip archive, or the zip is damaged)", source=source
        ) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_zip_members:
            raise LimitExceededError(
                f"has {len(infos)} parts, over the limit of {limits.max_zip_members}", source=source
            )
        names = {i.filename for i in infos}
        if "word/document.xml" not in names:
            raise ReadError(
                "is a zip archive but not a Word document (it has no word/document.xml)", source=source
            )
        cap = limits.max_decompressed_bytes
        declared = sum(i.file_size for i in infos)
        if declared > cap:
            raise LimitExceededError(
                f"would expand to {human_size(declared)} when unpacked, over the {human_size(cap)} limit "
                "(a zip bomb?)",
                source=source,
            )
        total = 0
        tags = 0
        max_tags = max_markup_tags(limits)
        try:
            for info in infos:
                if info.is_dir():
                    continue
                is_xml = info.filename.lower().endswith((".xml", ".rels"))
                with zf.open(info) as member:
                    while True:
                        chunk = member.read(_CHUNK)
                        if not chunk:
                            break
                        total += len(chunk)
                        if total > cap:
                            raise LimitExceededError(
                                f"expands beyond the {human_size(cap)} limit when unpacked (a zip bomb?)",
                                source=source,
                            )
                        if is_xml:
                            tags += chunk.count(b"<")
                            if tags > max_tags:
                                raise LimitExceededError(
                                    f"has more than {max_tags:,} XML tags, too many for the "
                                    f"{limits.max_chars:,}-character limit on its text",
                                    source=source,
                                )
                        deadline.check()
        except ReadError:
            raise
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            RuntimeError,
            NotImplementedError,
            ValueError,
        ) as exc:
            # zipfile stops at the declared size and then fails the CRC check when a header lies
            raise ReadError(
                f"is a damaged zip archive, not a readable DOCX ({short_detail(exc)})", source=source
            ) from None


def _sym(el: Any) -> str:
    code = el.get(W + "char")
    if not code:
        return ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:  # symbol fonts map their glyphs into the private-use area
        return "\ue000"
    try:
        return chr(value)
    except (ValueError, OverflowError):
        return ""


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP_IN_RUNS:
            continue
        if tag == _T:
            parts.append(el.text or "")
        elif tag in (_TAB, _PTAB):
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NBH:
            parts.append("-")
        elif tag == _SYM:
            parts.append(_sym(el))
        elif len(el):
            stack.append(iter(el))
    text = "".join(parts)
    ppr = p.find(W + "pPr")
    if ppr is not None and text.strip():
        style = ppr.find(W + "pStyle")
        style_name = (style.get(W + "val") or "") if style is not None else ""
        if ppr.find(W + "numPr") is not None or style_name.lower().startswith("listbullet"):
            text = "• " + text.lstrip()
    return text


def _textboxes(p: Any) -> list[Any]:
    """Text boxes anchored in a paragraph (the mc:Choice copy only, not the VML fallback)."""
    found = []
    for box in p.iter(_TXBX):
        ancestor = box.getparent()
        fallback = False
        while ancestor is not None and ancestor is not p:
            if ancestor.tag == MC + "Fallback":
                fallback = True
                break
            ancestor = ancestor.getparent()
        if not fallback:
            found.append(box)
    return found


class _Walker:
    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.count = 0

    def blocks(self, parent: Any) -> list[str]:
        """Lines of text for the block-level content of ``parent`` (body, cell, text box, header)."""
        out: list[str] = []
        for el in parent:
            tag = el.tag
            if not isinstance(tag, str):
                continue
            self.count += 1
            if self.count % 200 == 0:
                self.deadline.check()
            if tag == _P:
                text = _paragraph_text(el)
                boxes = _textboxes(el)
                if text.strip() or not boxes:
                    out.append(text)
                for box in boxes:
                    out.extend(self.blocks(box))
            elif tag == _TBL:
                out.extend(self.table(el))
            elif tag == _SDT:
                content = el.find(_SDT_CONTENT)
                if content is not None:
                    out.extend(self.blocks(content))
            elif tag in _CONTAINERS:
                out.extend(self.blocks(el))
        return out

    def table(self, tbl: Any) -> list[str]:
        out: list[str] = []
        for tr in tbl.iter(_TR):
            owner = tr.getparent()
            while owner is not None and owner.tag != _TBL:
                owner = owner.getparent()
            if owner is not tbl:
                continue  # a row of a nested table: handled when its cell is walked
            cells: list[list[str]] = []
            for tc in tr:
                if tc.tag == _TC:
                    lines = [line for line in self.blocks(tc) if line.strip()]
                    if lines:
                        cells.append(lines)
                elif tc.tag == _SDT:
                    content = tc.find(_SDT_CONTENT)
                    for inner in content if content is not None else ():
                        if inner.tag == _TC:
                            lines = [line for line in self.blocks(inner) if line.strip()]
                            if lines:
                                cells.append(lines)
            if not cells:
                continue
            if all(len(c) == 1 and "\n" not in c[0] for c in cells):
                out.append("\t".join(c[0].strip() for c in cells))
            else:
                for c in cells:
                    out.extend(c)
                    out.append("")
        out.append("")
        return out


def read_docx_bytes(data: bytes, source: str, limits: Limits, deadline: Deadline) -> str:
    """Extract a DOCX's text (not yet cleaned). Raises :class:`ReadError` subclasses."""
    check_zip(data, source, limits, deadline)
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            document = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError) as exc:
            raise ReadError(f"is not a valid Word document ({type(exc).__name__})", source=source) from None
        deadline.check()
        walker = _Walker(deadline)
        lines: list[str] = []
        seen: set[str] = set()
        for section in document.sections:
            for header in (section.first_page_header, section.header):
                if header.is_linked_to_previous:
                    continue
                text = "\n".join(line for line in walker.blocks(header._element) if line.strip())
                if text and text not in seen:
                    seen.add(text)
                    lines.append(text)
        if lines:
            lines.append("")
        lines.extend(walker.blocks(document.element.body))
    except ReadError:
        raise
    except MemoryError:
        raise LimitExceededError("needs too much memory to read", source=source) from None
    except RecursionError:
        raise ReadError("is damaged or too deeply nested to read as a Word document", source=source) from None
    # lxml XMLSyntaxError, python-docx internals ...
    except Exception as exc:  # noqa: BLE001
        raise ReadError(
            f"is not a valid Word document or is damaged ({type(exc).__name__})", source=source
        ) from None
    return "\n".join(lines)
