"""The follow-up email names the role and asks what the analysis found."""

from __future__ import annotations

from conftest import FIXTURES

from gapcheck.cli import main


def test_followup_names_role_company_and_the_top_gaps(capsys):
    pair = FIXTURES / "pairs" / "01_backend_engineer"
    try:
        main(["followup", str(pair / "cv.txt"), str(pair / "advert.txt"), "--company", "Ledgerline",
              "--interviewer", "Ms Patel"])
    except SystemExit as e:
        assert not e.code
    out = capsys.readouterr().out
    assert out.startswith("Subject: Thank you for the Backend Engineer")
    assert "Dear Ms Patel," in out and "at Ledgerline" in out
    # the top required gaps of this pair, in plain words, and the stretched Java claim
    assert "such as experience with Apache Kafka and Kubernetes?" in out
    assert "How could I better show my experience with Java" in out
    assert "mentoring" in out  # ESCO's "advise others", as a person writes it
    assert out.rstrip().endswith("Daniel Okafor")  # the CV's first line, title-cased


def test_followup_without_names_stays_polite(capsys):
    from gapcheck import analyze
    from gapcheck.gaps.followup import followup_email

    from conftest import SAMPLES

    r = analyze(SAMPLES / "cv_software_engineer.pdf", SAMPLES / "advert_backend_engineer.txt")
    text = followup_email(r)
    assert "Dear Hiring Manager," in text
    assert "Senior Backend Engineer (Data Platform)" in text
    assert "Did you find any key qualifications missing from my CV" in text


def test_hyphenated_capital_names_and_verb_phrase_skills_read_naturally(capsys):
    from gapcheck.gaps.followup import _reads_as_a_noun, candidate_name

    assert candidate_name("ELENA MARCHETTI-HOWE\nLandscape Architect\n") == "Elena Marchetti-Howe"
    assert candidate_name("SEAN O'NEILL\nElectrician\n") == "Sean O'Neill"
    assert not _reads_as_a_noun("prepare sites for planting of grass")
    assert _reads_as_a_noun("AutoCAD") and _reads_as_a_noun("planting design")
