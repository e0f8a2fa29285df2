"""scripts/render_png.py: the sample report seen through headless Chromium prints on one or two A4 pages.

Skipped where Chromium is not installed (Debian: apt-get install chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not any(shutil.which(b) for b in BROWSERS), reason="no Chromium installed")]


def test_sample_report_prints_on_one_or_two_a4_pages(sample_report, tmp_path):
    html = tmp_path / "report.html"
    html.write_text(sample_report.to_html(), encoding="utf-8")
    png, pdf = tmp_path / "report.png", tmp_path / "report.pdf"
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "render_png.py"), str(html), str(png),
                        "--pdf", str(pdf)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    m = re.search(r"(\d+) A4 pages?", r.stdout)
    assert m and 1 <= int(m.group(1)) <= 2, r.stdout
