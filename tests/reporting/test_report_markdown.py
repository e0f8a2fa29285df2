"""The Markdown report mirrors the HTML one and keeps document text from becoming Markdown or HTML."""

from __future__ import annotations

import re

import pytest
from reporting_helpers import IMG, SCRIPT, STYLE_END

from gapcheck import analyze, read_text
from gapcheck.reporting.render import md_escape


@pytest.fixture(scope="module")
def md(sample_report):
    return sample_report.to_markdown()


def _section(md: str, heading: str) -> str:
    i = md.index(heading)
    j = md.find("\n## ", i + 1)
    return md[i:] if j < 0 else md[i:j]


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_headings_and_score(sample_report, md):
    assert md.startswith("# gapcheck:")
    for heading in ("## The three things to address", "## Gaps", "## Over-stretched claims", "## Matched skills"):
        assert heading in md
    assert f"**Match {sample_report.score.match}/100**" in md


def test_coverage_split_hard_and_soft(sample_report, md):
    for label in ("Required · hard", "Required · soft", "Preferred · hard", "Preferred · soft"):
        assert f"| {label} |" in md
    asked = [s for s in sample_report.advert_skills if s.requirement == "required" and s.kind == "hard"]
    ids = {m.id for m in sample_report.matched}
    assert f"| Required · hard | {sum(s.id in ids for s in asked)} of {len(asked)} " in md


def test_every_gap_with_level_and_relatives(sample_report, md):
    gaps = _section(md, "## Gaps")
    for g in sample_report.gaps:
        line = next(li for li in gaps.splitlines() if li.startswith(f"| {md_escape(g.name)} |"))
        assert f"| {g.kind} | {g.requirement} |" in line
        assert all(md_escape(rel) in line for rel in g.related)
        assert f"**{' '.join(g.mentions[0].text.split())}**" in line  # the mention in bold
        assert _unescaped_pipes(line) == 7
    assert "| Kubernetes | hard | required |" in md


def test_actions_and_matched_evidence(sample_report, md):
    actions = _section(md, "## The three things to address")
    assert actions.count("\n1. ") == 1 and len(sample_report.actions) == 3 and "\n3. " in actions
    matched = _section(md, "## Matched skills")
    for m in sample_report.matched:
        line = next(li for li in matched.splitlines() if li.startswith(f"| {md_escape(m.name)}"))
        assert f"**{' '.join(m.mentions[0].text.split())}**" in line
        assert f"({m.mentions[0].section})" in line
        assert _unescaped_pipes(line) == 5


def test_stretched_claims_listed_with_reason_and_advice():
    cv = read_text("Summary\nExpert leader with 20 years of Kubernetes.\nExperience\nDeveloper, Acme (2021 - 2024)\n"
                   "- Built Python services.\n", source="cv.txt")
    ad = read_text("Requirements\n- Kubernetes and Python.\n- Leadership.\n", source="ad.txt")
    r = analyze(cv, ad)
    md = r.to_markdown()
    claims = _section(md, "## Over-stretched claims")
    if not r.stretched_claims:
        assert "None found." in claims
    for c in r.stretched_claims:
        assert f"**{md_escape(c.name)}**" in claims and md_escape(c.reason or "") in claims
        if c.advice:
            assert md_escape(c.advice) in claims


def test_hostile_text_cannot_become_markup():
    cv = read_text(f"Experience\nDeveloper, Acme (2020 - 2024)\n- Python {SCRIPT} and SQL | pipes | {IMG}\n",
                   source=f"{SCRIPT}.txt")
    ad = read_text(f"Requirements\n- Python {STYLE_END} and Kubernetes [link](javascript:alert(1)) *x*\n",
                   source="ad.txt")
    md = analyze(cv, ad).to_markdown()
    assert not re.search(r"(?<!\\)[<>]", md), "an unescaped < or > from a document"
    assert r"\<script\>" in md
    assert not re.search(r"(?<!\\)\]\(", md), "a Markdown link from a document"
    for line in md.splitlines():
        if line.startswith("| Python") or line.startswith("| Kubernetes"):
            assert _unescaped_pipes(line) in (5, 7), line


def test_md_escape():
    assert md_escape("a|b") == r"a\|b"
    assert md_escape("cv_software_engineer.pdf") == "cv_software_engineer.pdf"  # intraword _ is literal
    assert md_escape("_x_ *y* `z` [a](b) <c>") == r"\_x\_ \*y\* \`z\` \[a\](b) \<c\>"
