"""Evidence snippets (pieces around a mention) and the inline SVG charts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from gapcheck.reporting.charts import (
    coverage_chart,
    coverage_split,
    frequency_bars,
    histogram,
    score_colour,
    score_ring,
)
from gapcheck.reporting.model import SkillItem
from gapcheck.reporting.render import snippet


def test_snippet_is_the_clause_with_the_mention_apart():
    text = "About us. We build things.\n- Run services on Kubernetes with Terraform.\nBenefits"
    i = text.index("Kubernetes")
    s = snippet(text, i, i + len("Kubernetes"))
    assert (s.pre, s.hit, s.post) == ("Run services on ", "Kubernetes", " with Terraform.")


def test_snippet_cuts_long_text_at_word_boundaries():
    words = " ".join(f"word{i}" for i in range(60))
    text = f"{words} Python {words}"
    i = text.index("Python")
    s = snippet(text, i, i + 6, limit=60)
    assert s.hit == "Python"
    assert s.pre.startswith("…word") and s.post.endswith("…")
    assert re.fullmatch(r"…(word\d+ )+", s.pre) and re.fullmatch(r"( word\d+)+…", s.post)
    assert len(str(s)) <= 80


def test_snippet_of_a_very_long_mention_keeps_its_ends():
    text = "Designed " + "network " * 40 + "configurations."
    s = snippet(text, 0, len(text) - 1, limit=60)
    assert s.pre == s.post == "" and " … " in s.hit and s.hit.startswith("Designed")
    assert s.hit.endswith("configurations")


def test_snippet_ignores_html_entities_and_bullets():
    text = "Duties\n• Bachelor&rsquo;s degree in Computer Science required."
    i = text.index("Computer Science")
    s = snippet(text, i, i + 16)
    assert s.pre == "Bachelor&rsquo;s degree in "


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .;\n•&#<>!?-"), min_size=1, max_size=300), st.data())
def test_snippet_always_contains_the_mention(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, min(len(text), start + 20)))
    s = snippet(text, start, end, limit=40)
    assert s.hit == re.sub(r"\s+", " ", text[start:end])
    assert "\n" not in str(s)
    # The pieces come from the text in order: pre ends just before the mention, post starts after it.
    assert re.sub(r"\s+", " ", text[:start]).endswith(s.pre.removeprefix("…"))
    assert re.sub(r"\s+", " ", text[end:]).startswith(s.post.removesuffix("…"))


def _item(i, level, kind):
    return SkillItem(id=f"s{i}", name=f"skill {i}", kind=kind, mentions=[], requirement=level)


def test_coverage_split_counts_by_level_and_kind():
    skills = [_item(1, "required", "hard"), _item(2, "required", "hard"), _item(3, "required", "soft"),
              _item(4, "preferred", "hard")]
    groups = coverage_split(skills, [skills[0], skills[3]])
    assert [(g.level, g.kind, g.asked, g.covered) for g in groups] == [
        ("required", "hard", 2, 1), ("required", "soft", 1, 0), ("preferred", "hard", 1, 1),
        ("preferred", "soft", 0, 0)]
    assert groups[0].missing == ("skill 2",) and groups[3].share is None
    svg = coverage_chart(groups)
    assert isinstance(svg, Markup) and svg.startswith("<svg") and svg.count("<svg") == 1
    assert "none asked" in svg and ">1</tspan> of 2" in svg


def test_charts_escape_their_labels():
    bars = frequency_bars([("<script>x</script>", 3), ("Go & Rust", 1)], total=5)
    assert "<script>" not in bars and "&lt;script&gt;" in bars and "Go &amp; Rust" in bars
    assert "<script" not in histogram([1, 50, 99], title="<script>")
    ring = score_ring(56)
    assert ">56<" in ring and score_colour(56) in ring
    assert score_ring(None).count("–") >= 1
