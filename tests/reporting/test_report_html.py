"""The HTML one-pager: structure, self-containment, and that no document text can become markup."""

from __future__ import annotations

import copy
import re

import pytest
from conftest import SAMPLES, shared
from reporting_helpers import HOSTILE, IMG, SCRIPT, STYLE_END, assert_self_contained_and_inert, norm, parse

from gapcheck import analyze, read_text
from gapcheck.reporting.model import Action, MentionRef, SkillItem

SECTIONS = ("summary", "score", "coverage", "actions", "gaps", "claims", "matched")


def _figure(html: str, ident: str) -> str:
    i = html.index(f'id="{ident}"')
    return html[i:html.index("</figure>", i)]


@pytest.fixture(scope="module")
def sample_html(sample_report):
    return sample_report.to_html()


def test_sample_page_is_self_contained_and_inert(sample_html):
    assert sample_html.startswith("<!DOCTYPE html>")
    assert_self_contained_and_inert(sample_html)


def test_sample_page_has_every_section_and_the_score(sample_report, sample_html):
    page = parse(sample_html)
    for ident in SECTIONS:
        assert ident in page.text_by_id, f"section #{ident} missing"
    sc = sample_report.score
    assert f"Match {sc.match}/100" in page.text_by_id["score"]
    assert f"{round(100 * sc.required_coverage)}%" in page.text_by_id["score"]
    assert "The three things to address" in page.text_by_id["actions"]
    assert page.text_by_id["actions"].count("close a gap") + page.text_by_id["actions"].count("claim") \
        >= len(sample_report.actions)
    assert sample_report.advert.title in page.text_by_id.get("summary", "") or \
        sample_report.advert.title in page.text


def test_every_gap_is_listed_with_its_level_and_relatives(sample_report, sample_html):
    page = parse(sample_html)
    rows = [a for t, a in page.tags if t == "tr" and "gap" in (a.get("class") or "").split()]
    assert len(rows) == len(sample_report.gaps) > 0
    assert [a["class"].split()[-1] for a in rows] == [f"level-{g.requirement}" for g in sample_report.gaps]
    gaps_text = page.text_by_id["gaps"]
    for g in sample_report.gaps:
        assert norm(g.name) in gaps_text
        for rel in g.related:
            assert rel in gaps_text
    assert any(g.related for g in sample_report.gaps), "the sample has a transferable relative (Docker)"


def test_coverage_chart_is_inline_svg_split_hard_and_soft(sample_report, sample_html):
    fig = _figure(sample_html, "coverage")
    assert "<svg" in fig and "</svg>" in fig
    for label in ("Required · hard", "Required · soft", "Preferred · hard", "Preferred · soft"):
        assert label in fig
    # The numbers in the chart are the advert's skills and the matched ones, by level and kind.
    asked = [s for s in sample_report.advert_skills if s.requirement == "required" and s.kind == "hard"]
    ids = {m.id for m in sample_report.matched}
    covered = sum(1 for s in asked if s.id in ids)
    assert re.search(rf">{covered}</tspan> of {len(asked)}\b", fig)
    # The score ring is inline SVG too.
    assert parse(sample_html).count("svg") >= 2


def test_evidence_snippets_mark_the_mention(sample_report, sample_html):
    page = parse(sample_html)
    marks = page.marks
    for m in sample_report.matched:
        assert norm(m.mentions[0].text) in marks, m.name
    for g in sample_report.gaps:
        assert norm(g.mentions[0].text) in marks, g.name
    # One mark per snippet: a matched skill, a gap, a claim, an action's first evidence.
    expected = (len(sample_report.matched) + len(sample_report.gaps) + len(sample_report.stretched_claims)
                + sum(1 for a in sample_report.actions if a.evidence))
    assert len(marks) == expected


def test_matched_skills_show_evidence_and_via(sample_report, sample_html):
    text = parse(sample_html).text_by_id["matched"]
    for m in sample_report.matched:
        assert norm(m.name) in text
        if m.via:
            assert f"via {m.via}" in text


def test_print_css_for_a4(sample_html):
    style = parse(sample_html).style
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", style)
    assert "@media print" in style
    assert "break-inside: avoid" in style


# ------------------------------------------------------------------------------------------------ hostile

CV_TEXT = f"""Jane Doe
Experience
Software Engineer, Acme Ltd (2019 - 2024)
- Built backend services in Python {SCRIPT} and Docker {IMG} on AWS.
- Wrote SQL {STYLE_END} reports for the finance team.
Skills
Python, Docker, SQL, Kubernetes {STYLE_END}
"""

ADVERT_TEXT = f"""Backend Engineer {SCRIPT}
Requirements
- Python and Kubernetes {IMG} experience.
- Terraform {STYLE_END} and Apache Kafka.
- SQL {SCRIPT} skills.
Nice to have
- Go {SCRIPT} is a plus.
"""


@pytest.fixture(scope="module")
def hostile_report():
    cv = read_text(CV_TEXT, source=f"{SCRIPT}cv.txt")
    ad = read_text(ADVERT_TEXT, source=f"{IMG}advert.txt")
    return analyze(cv, ad)


def test_hostile_documents_are_found_and_escaped(hostile_report):
    r = hostile_report
    assert r.gaps and r.matched, "the hostile fixture should give gaps and matches to render"
    html = r.to_html()
    page = assert_self_contained_and_inert(html)
    # The hostile strings are shown as text, not run or rendered.
    assert SCRIPT in page.text  # in the title and snippets, as text
    assert IMG in page.text
    assert "</style>" in page.text
    assert page.count("img") == 0 and page.count("u") == 0
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;/style&gt;" in html
    # The file names are escaped in <title> and the heading.
    head = html[:html.index("</title>")]
    assert "<script>" not in head and "&lt;script&gt;alert(1)&lt;/script&gt;cv.txt" in head


def _hostile_everywhere(report):
    """A copy of a report with hostile text in every field a renderer shows."""
    r = copy.deepcopy(report)
    g = r.gaps[0]
    g.name = f"Kafka {SCRIPT}"
    g.related = [f"Docker {IMG}", STYLE_END]
    m = r.matched[0]
    m.name, m.via = f"SQL {IMG}", f"Redshift {SCRIPT}"
    ev = m.mentions[0]
    r.stretched_claims = [SkillItem(
        id="x:claim", name=f"Leadership {SCRIPT}", kind="soft", mentions=[ev], requirement="required",
        reason=f"claimed in the summary only {IMG}", advice=f"give an example {STYLE_END}",
        details={"note": SCRIPT})]
    r.actions = [Action(text=f"Prove it {SCRIPT} {IMG}", kind="prove", evidence=(ev,), document="cv"),
                 Action(text=f"Learn {STYLE_END}", kind="learn", evidence=tuple(g.mentions[:1])),
                 Action(text="Drop it", kind="drop",
                        evidence=(MentionRef(ev.text, f"sec {SCRIPT}", ev.start, ev.end),), document="cv")]
    return r


def test_every_field_is_escaped(sample_report):
    r = _hostile_everywhere(sample_report)
    html = r.to_html()
    page = assert_self_contained_and_inert(html)
    for ident in ("gaps", "matched", "claims", "actions"):
        assert SCRIPT in page.text_by_id[ident] or IMG in page.text_by_id[ident], ident
    assert f"Leadership {SCRIPT}" in page.text_by_id["claims"]
    assert "What to do" in page.text_by_id["claims"] and STYLE_END in page.text_by_id["claims"]
    assert f"via Redshift {SCRIPT}" in page.text_by_id["matched"]
    assert "back a claim" in page.text_by_id["actions"] and "reword a claim" in page.text_by_id["actions"]


@pytest.mark.parametrize("text", [
    "<!-- Python", "Python ]]> <![CDATA[", "Python {{ 7*7 }} {% raw %}", "Python\u2028&amp; &#x3c;script&#x3e;",
])
def test_comment_cdata_and_template_syntax_stay_text(text):
    cv = read_text(f"Experience\nDeveloper (2020 - 2024)\n- {text} services.\n", source="cv.txt")
    ad = read_text(f"Requirements\n- {text} and Docker.\n", source="ad.txt")
    html = analyze(cv, ad).to_html()
    page = assert_self_contained_and_inert(html)
    assert "49" not in page.text_by_id["matched"] or "{{ 7*7 }}" in page.text  # never evaluated
    assert "<!--" not in html.split("<body>", 1)[1] and "<![CDATA[" not in html


# ------------------------------------------------------------------------------------------- real documents


def test_real_cv_against_a_usajobs_advert():
    cv = shared("raw", "resumes", "pdf", "awesome-cv_examples_resume.pdf")
    ad = shared("raw", "job_postings", "usajobs_2017", "txt", "usajobs_17_IT_SPEC_INFORMATION_SECURITY_NF4.txt")
    r = analyze(cv, ad)
    html = r.to_html()
    page = assert_self_contained_and_inert(html)
    assert f"Match {r.score.match}/100" in page.text_by_id["score"]
    assert all(norm(g.name) in page.text_by_id["gaps"] for g in r.gaps)
    # USAJOBS text carries HTML entities ("Bachelor&rsquo;s"): shown as written, never decoded into markup.
    # (whether any shown snippet holds one depends on which gaps are found: every one shown is escaped)
    assert "&rsquo;" in r.advert.text and "&rsquo;" not in html.replace("&amp;rsquo;", "")


def test_an_advert_with_no_skills_still_renders():
    cv = read_text("Experience\nGardener (2010 - 2020)\n- Looked after the roses.\n", source="cv.txt")
    ad = read_text("About us\nWe are a friendly team in a sunny office.\n", source="ad.txt")
    r = analyze(cv, ad)
    page = assert_self_contained_and_inert(r.to_html())
    assert "none asked" in page.text_by_id["coverage"]
    assert "No gaps found" in page.text_by_id["gaps"]


def test_cli_writes_the_html_report(tmp_path, capsys):
    from gapcheck.cli import main

    target = tmp_path / "report.html"
    with pytest.raises(SystemExit) as e:
        main([str(SAMPLES / "cv_software_engineer.pdf"), str(SAMPLES / "advert_backend_engineer.txt"),
              "--format", "html", "-o", str(target)])
        raise SystemExit(0)
    assert (e.value.code or 0) == 0 and capsys.readouterr().out == ""
    page = assert_self_contained_and_inert(target.read_text(encoding="utf-8"))
    assert "Match" in page.text_by_id["score"]


def test_hostile_strings_are_the_ones_we_mean():
    assert all("<" in h for h in HOSTILE)


def test_control_characters_and_bidi_overrides_are_dropped():
    nasty = "\x1b[31m\x07\u202egnp.exe\x00"
    cv = read_text(f"Experience\nDeveloper, Acme (2020 - 2024)\n- Python {nasty} services.\n",
                   source=f"cv{nasty}.txt")
    ad = read_text(f"Requirements\n- Python {nasty} and Docker.\n", source="ad.txt")
    r = analyze(cv, ad)
    for out in (r.to_html(), r.to_markdown()):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", out)
        assert "[31m" in out and "gnp.exe" in out  # the printable rest stays
