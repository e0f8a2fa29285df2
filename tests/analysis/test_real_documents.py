"""Every real CV PDF and every real USAJOBS advert analyses without error, and each CV yields its real
skills (the ones a reader sees in its pdftotext version)."""

from __future__ import annotations

import pytest

from conftest import shared

from gapcheck import analyze
from gapcheck.api import analyse_document

# What each CV plainly shows (checked by reading shared/data/raw/resumes/text/*.txt).
EXPECTED = {
    "sb2nov_sourabh_bajaj_resume.pdf": {"TensorFlow", "Apache Beam", "Hadoop", "Cassandra", "Docker",
                                         "Amazon Web Services", "Amazon Redshift", "machine learning", "Git",
                                         "Python (computer programming)", "ETL", "A/B testing"},
    "awesome-cv_examples_resume.pdf": {"Kubernetes", "Terraform", "Amazon Web Services", "Istio", "Argo CD",
                                        "Docker", "Elasticsearch", "Apache Kafka", "Grafana", "Ansible",
                                        "AWS Lambda", "Linux"},
    "awesome-cv_examples_cv.pdf": {"Docker", "Kubernetes", "Terraform", "Jenkins (tools for software configuration management)",
                                    "Django", "React", "Node.js", "Python (computer programming)", "Korean",
                                    "English", "Japanese"},
}
RENDERCV = {"PyTorch", "TensorFlow", "Kubernetes", "Python (computer programming)", "C++", "Rust", "Julia",
            "machine learning", "deep learning", "Google Cloud Platform", "Microsoft Azure"}
# Words that must not turn into skills in these CVs.
NOT_SKILLS = {"Scratch (computer programming)", "security panels", "Adobe Presenter", "economics",
              "Scadex Technologies MAESTRO", "Source (digital game creation systems)"}


def cv_pdfs():
    return sorted(shared("raw", "resumes", "pdf").glob("*.pdf"))


def adverts():
    return sorted(shared("raw", "job_postings", "usajobs_2017", "txt").glob("*.txt"))


def test_each_cv_pdf_yields_its_skills():
    pdfs = cv_pdfs()
    assert len(pdfs) == 7
    for pdf in pdfs:
        d = analyse_document(pdf, "cv")
        names = {m.name for m in d.mentions}
        want = EXPECTED.get(pdf.name, RENDERCV)
        missing = want - names
        assert not missing, f"{pdf.name}: missing {sorted(missing)}"
        assert not names & NOT_SKILLS, f"{pdf.name}: false skills {sorted(names & NOT_SKILLS)}"
        sections = {s.name for s in d.sections}
        assert {"experience", "education"} <= sections, pdf.name
        for m in d.mentions:
            assert d.text[m.start:m.end] == m.text


@pytest.mark.slow
def test_every_cv_against_every_advert_analyses():
    """7 CVs x 50 adverts: no error, sane scores, and gaps that point into the advert."""
    ads = adverts()
    assert len(ads) == 50
    cvs = [analyse_document(p, "cv") for p in cv_pdfs()]
    from gapcheck.api import compare_documents

    ad_docs = [analyse_document(p, "advert") for p in ads]
    for ad in ad_docs:
        assert ad.mentions, f"{ad.document.source}: no skills at all"
        for cv in cvs:
            r = compare_documents(cv, ad)
            assert 0 <= r.score.match <= 100
            for g in r.gaps:
                m = g.mentions[0]
                assert ad.text[m.start:m.end] == m.text
            assert len(r.actions) <= 3


def test_it_cv_fits_it_adverts_better_than_nursing_ones():
    cv = shared("raw", "resumes", "pdf", "sb2nov_sourabh_bajaj_resume.pdf")
    folder = shared("raw", "job_postings", "usajobs_2017", "txt")
    it = analyze(cv, folder / "usajobs_08_Computer_Scientist_DHA.txt").score.match
    nurse = analyze(cv, folder / "usajobs_26_Registered_Nurse_Surgical_Quality_Nurse.txt").score.match
    assert it > nurse + 15
