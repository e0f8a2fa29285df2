#!/usr/bin/env python3
"""See an HTML report as a person does: render it with headless Chromium to a PNG (and a PDF).

    scripts/render_png.py REPORT.html OUT.png                  # screenshot, 1240x1754 (A4 proportions)
    scripts/render_png.py REPORT.html OUT.png --pdf OUT.pdf    # also print to PDF (A4, the page's print CSS)
    scripts/render_png.py REPORT.html OUT.png --pdf OUT.pdf --pages DIR   # and each PDF page as a PNG

Prints what it made and, with --pdf, how many A4 pages the report prints on. Needs Chromium (Debian:
``apt-get install chromium``) and, for --pages, pdftoppm (``poppler-utils``). Chromium runs with a fresh
profile in a temporary folder and every background service off; the report is a local file with nothing
external to load, so nothing goes over the network.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--mute-audio")


def find_browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    sys.exit("render_png: no Chromium found (Debian: apt-get install -y chromium)")


def chromium(browser: str, url: str, *extra: str, timeout: float = 120) -> None:
    with tempfile.TemporaryDirectory(prefix="gapcheck-chromium-") as profile:
        cmd = [browser, *FLAGS, f"--user-data-dir={profile}", *extra, url]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        sys.exit(f"render_png: chromium failed ({r.returncode}):\n{r.stderr[-2000:]}")


def pdf_pages(pdf: Path) -> int:
    """Pages in a PDF: pdfinfo when it is installed, else the page objects Chromium writes."""
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", out, re.M)
        if m:
            return int(m.group(1))
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("html", type=Path, help="the HTML report")
    ap.add_argument("png", type=Path, help="the screenshot to write")
    ap.add_argument("--pdf", type=Path, help="also print the page to this PDF (A4) and count its pages")
    ap.add_argument("--pages", type=Path, help="with --pdf: write each PDF page as DIR/page-N.png")
    ap.add_argument("--window-size", default="1240,1754", help="screenshot size, WIDTH,HEIGHT")
    args = ap.parse_args(argv)

    if not args.html.is_file():
        sys.exit(f"render_png: {args.html}: no such file")
    browser = find_browser()
    url = args.html.resolve().as_uri()
    args.png.parent.mkdir(parents=True, exist_ok=True)
    chromium(browser, url, f"--screenshot={args.png.resolve()}", f"--window-size={args.window_size}")
    print(f"{args.png}: screenshot {args.window_size.replace(',', 'x')}")
    if args.pdf:
        args.pdf.parent.mkdir(parents=True, exist_ok=True)
        chromium(browser, url, f"--print-to-pdf={args.pdf.resolve()}", "--no-pdf-header-footer",
                 "--print-to-pdf-no-header")
        n = pdf_pages(args.pdf)
        print(f"{args.pdf}: {n} A4 page{'s' if n != 1 else ''}")
        if args.pages:
            if not shutil.which("pdftoppm"):
                sys.exit("render_png: --pages needs pdftoppm (Debian: apt-get install -y poppler-utils)")
            args.pages.mkdir(parents=True, exist_ok=True)
            subprocess.run(["pdftoppm", "-png", "-r", "80", str(args.pdf), str(args.pages / "page")],
                           check=True)
            print(f"{args.pages}/: {', '.join(sorted(p.name for p in args.pages.glob('page*.png')))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
