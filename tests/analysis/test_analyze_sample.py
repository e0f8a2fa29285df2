"""The whole analysis on the bundled sample CV (a real PDF) and advert, checked as a careful reader would."""

from __future__ import annotations

import json

from conftest import SAMPLES


def by_name(items):
    return {i.name: i for i in items}


def test_gaps_are_what_the_cv_lacks(sample_report):
    gaps = by_name(sample_report.gaps)
    # The advert asks for these; the CV (sb2nov's resume) never mentions them.
    for name in ("Apache Kafka", "Kubernetes", "PostgreSQL", "Terraform", "Prometheus"):
        assert name in gaps, name
    # Required before preferred, and each ordered by importance.
    levels = [g.requirement for g in sample_report.gaps]
    assert levels == sorted(levels, key=lambda x: x != "required")
    assert gaps["Kubernetes"].requirement == "required"
    assert gaps["Terraform"].requirement == "preferred"


def test_no_gap_for_skills_the_cv_plainly_shows(sample_report):
    matched = by_name(sample_report.matched)
    gaps = by_name(sample_report.gaps)
    for name in ("Python (computer programming)", "Amazon Web Services", "Docker", "machine learning",
                 "computer science"):
        assert name in matched and name not in gaps, name
    # The CV shows Amazon Redshift, which is SQL: no SQL gap.
    assert matched["SQL"].via == "Amazon Redshift"


def test_company_blurb_and_benefits_are_not_requirements(sample_report):
    asked = {s.name for s in sample_report.advert_skills}
    assert "Slack" not in asked            # "use Slack and Notion every day" (about us)
    assert "Microsoft Access" not in asked  # "Access to training" (benefits)
    for s in sample_report.advert_skills:
        for m in s.mentions:
            assert m.section not in ("about", "benefits")


def test_mentions_index_their_documents(sample_report):
    cv, ad = sample_report.cv.text, sample_report.advert.text
    for s in sample_report.cv_skills + sample_report.matched:
        for m in s.mentions:
            assert cv[m.start:m.end] == m.text
    for s in sample_report.advert_skills + sample_report.gaps:
        for m in s.mentions:
            assert ad[m.start:m.end] == m.text


def test_json_contract(sample_report):
    d = json.loads(sample_report.to_json())
    assert d["schema_version"] == 1
    assert set(d) >= {"cv", "advert", "score", "cv_skills", "advert_skills", "matched", "gaps",
                      "stretched_claims", "actions"}
    assert d["advert"]["title"] == "Senior Backend Engineer (Data Platform)"
    assert d["cv"]["source"].endswith("cv_software_engineer.pdf")
    assert {"experience", "education", "projects"} <= set(d["cv"]["sections"])
    assert {"requirements", "preferred", "benefits", "about"} <= set(d["advert"]["sections"])
    sc = d["score"]
    assert 0 <= sc["match"] <= 100 and isinstance(sc["match"], int)
    for k in ("similarity", "required_coverage", "preferred_coverage"):
        assert 0.0 <= sc[k] <= 1.0
    skill_keys = {"id", "name", "kind", "mentions"}
    for lst in ("cv_skills", "advert_skills", "matched", "gaps"):
        for s in d[lst]:
            assert skill_keys <= set(s) and s["kind"] in ("hard", "soft")
            for m in s["mentions"]:
                assert set(m) == {"text", "section", "start", "end"}
    for s in d["advert_skills"] + d["matched"] + d["gaps"]:
        assert s["requirement"] in ("required", "preferred")
    imps = [g["importance"] for g in d["gaps"] if g["requirement"] == "required"]
    assert imps == sorted(imps, reverse=True) and all(0 <= x <= 1 for x in imps)
    assert len(d["actions"]) == 3 and all(isinstance(a, str) for a in d["actions"])


def test_actions_cite_the_advert(sample_report):
    top = sample_report.gaps[0]
    first = sample_report.actions[0]
    assert first.kind == "learn" and first.text.startswith(f"Learn {top.name}:")
    assert "\"" in first.text  # quotes the advert's words
    assert first.evidence and first.document == "advert"
    ad = sample_report.advert.text
    for m in first.evidence:
        assert ad[m.start:m.end] == m.text


def test_markdown_report_has_every_part(sample_report):
    md = sample_report.to_markdown()
    for heading in ("## The three things to address", "## Gaps", "## Over-stretched claims", "## Matched skills"):
        assert heading in md
    assert "| Kubernetes | hard | required |" in md


def test_dataframes(sample_report):
    fr = sample_report.frames()
    assert set(fr) == {"skills", "gaps", "matched", "stretched_claims", "mentions"}
    assert len(fr["gaps"]) == len(sample_report.gaps)
    assert set(fr["mentions"]["document"]) == {"cv", "advert"}


def test_similarity_orders_related_and_unrelated_adverts():
    from gapcheck.scoring.tfidf import load_tfidf

    tf = load_tfidf()
    cv = (SAMPLES / "advert_backend_engineer.txt").read_text()
    assert tf.cosine(cv, "Python engineer building data pipelines on AWS with Kafka") > \
        tf.cosine(cv, "Registered nurse for a surgical ward, patient care and medication")
