"""An agency's prose advert (the employer's name repeated, "Our client requires ...", "It would be an
advantage if you hold ...", "Our client offers:") against a CV whose certificates sit under a joint
heading ("EDUCATION AND CERTIFICATES"), and the credential rules that pair needs."""

from __future__ import annotations

from datetime import date

import pytest

from gapcheck import read_text
from gapcheck.api import analyse_document, compare_documents
from gapcheck.gaps.terms import CVText, Term, term_in_cv
from gapcheck.sectioning import split_sections

ADVERT = """Wind Turbine Technician - Onshore
Gorsefield Technical Recruitment, on behalf of our client
£40,000 - £46,000 basic | Permanent

Gorsefield Technical Recruitment is delighted to be working with an independent service provider
that maintains 300 onshore turbines across Scotland.

You will carry out scheduled services and fault-finding on pitch and yaw systems, use SCADA to review
alarms before you climb, and complete risk assessments for every task.

The successful candidate will have completed GWO Basic Safety Training. Our client also requires
GWO Basic Technical Training, as its own induction builds on it. You must be confident with hydraulic
fault-finding.

It would be an advantage if you hold GWO Advanced Rescue Training. It would be an advantage if you
hold an IRATA ticket for blade repair.

Our client offers:
- Company van and fuel card
- 25 days' holiday

To apply, send your CV to Ross. Gorsefield
Technical Recruitment is acting as an employment agency in relation to this vacancy.
"""

CV = """CALLUM REID
Wind Turbine Technician

PROFILE
Wind turbine technician holding GWO BST and GWO ART. I find faults quickly using SCADA.

EXPERIENCE
Wind Turbine Technician — Cairnhill Renewables, Abington
Apr 2021 – Present
- Six-monthly and annual services on Vestas turbines; fault-finding on pitch, yaw and hydraulic
  brake systems, cutting repeat call-outs by a third.
- Write risk assessments with my climbing partner before each task.

EDUCATION AND CERTIFICATES
- NVQ Level 3 in Electrotechnical Technology, 2020
- GWO Basic Safety Training (BST), renewed March 2025
"""


@pytest.fixture(scope="module")
def report():
    cv = analyse_document(read_text(CV, source="cv.txt"), "cv")
    ad = analyse_document(read_text(ADVERT, source="advert.txt"), "advert")
    return compare_documents(cv, ad, today=date(2026, 11, 1))


def test_a_joint_heading_is_a_section():
    names = [(s.name, s.heading) for s in split_sections(CV, doc_type="cv")]
    assert ("education", "EDUCATION AND CERTIFICATES") in names
    # in an advert, a joint heading whose parts disagree stays unknown
    ad = "Title\n\nRequirements and salary\nYou will fit boilers.\n"
    assert all(s.heading is None for s in split_sections(ad, doc_type="advert"))
    assert split_sections("NAME\n\nSkills, tools / languages\nPython\n", doc_type="cv")[1].name == "skills"


def test_our_client_offers_is_the_benefits_list():
    secs = split_sections(ADVERT, doc_type="advert")
    assert ("benefits", "Our client offers:") in [(s.name, s.heading) for s in secs]
    # ... but "What you offer" is about the applicant
    secs = split_sections("Title\n\nWhat you offer:\n- Five years of Java\n", doc_type="advert")
    assert all(s.name != "benefits" for s in secs)


def test_agency_name_and_benefits_are_no_gaps(report):
    names = {g.name.lower() for g in report.gaps}
    assert "recruitment" not in names
    assert not any("van" in n or "fuel card" in n for n in names)


def test_the_client_requires_a_named_course(report):
    gap = next(g for g in report.gaps if g.name == "GWO Basic Technical Training")
    assert gap.requirement == "required"


def test_it_would_be_an_advantage_if_you_hold_is_preferred(report):
    irata = next(g for g in report.gaps if g.name == "IRATA")
    assert irata.requirement == "preferred"


def test_a_body_course_shortened_after_the_issuer(report):
    # the CV's "GWO ART" is the advert's "GWO Advanced Rescue Training" (claimed, not listed)
    assert "GWO Advanced Rescue Training" in {m.name for m in report.matched}
    assert "GWO Basic Safety Training" in {m.name for m in report.matched}
    cv = CVText("Holding GWO ART since 2023")
    assert term_in_cv(Term("GWO Advanced Rescue Training", 0, 28, "credential"), cv) is not None
    assert term_in_cv(Term("GWO Basic Technical Training", 0, 28, "credential"), cv) is None


def test_certificates_under_the_joint_heading_back_the_claims(report):
    flagged = " ".join(c.name for c in report.stretched_claims)
    assert "NVQ" not in flagged
    assert "ART" in flagged  # GWO ART is claimed in the profile and listed nowhere
    # ... each credential of "holding GWO BST and GWO ART" on its own: BST is listed
    assert "GWO ART" in {c.name for c in report.stretched_claims}
    assert "BST" not in flagged


def test_an_acronym_both_documents_write_is_matched_whatever_the_taxonomy_takes_it_for():
    ad = read_text("Occupational Therapist\n\nWhat you'll do\n- Deliver ADL retraining and transfer training\n",
                   source="advert.txt")
    cv = read_text("PRIYA\nOccupational Therapist\n\nEXPERIENCE\nOT — Lakeshore Hospital\nJul 2023 – Present\n"
                   "- ADLs and self-care retraining for stroke patients\n", source="cv.txt")
    r = compare_documents(analyse_document(cv, "cv"), analyse_document(ad, "advert"), today=date(2026, 11, 1))
    assert not any(g.name.upper().endswith("ADL") for g in r.gaps)


def test_a_licence_in_a_long_bullet_is_checked():
    ad = read_text("Occupational Therapist\n\nRequirements\n- Current Minnesota OT license at start date\n",
                   source="advert.txt")
    cv = read_text("PRIYA\nOccupational Therapist\n\nCERTIFICATIONS\n- Wisconsin Occupational Therapist "
                   "license, active\n", source="cv.txt")
    r = compare_documents(analyse_document(cv, "cv"), analyse_document(ad, "advert"), today=date(2026, 11, 1))
    assert any("Minnesota" in g.name for g in r.gaps)


def test_an_issuers_certification_named_after_its_acronym():
    cv = """DEVIKA RAO
ML engineer

SUMMARY
Machine learning engineer. AWS Certified Machine Learning – Specialty.

EXPERIENCE
ML Engineer — Shopline
Jan 2023 – Present
- Built ranking models in PyTorch.

EDUCATION
M.S. Computer Science (Machine Learning), 2021

CERTIFICATIONS
AWS Certified Cloud Practitioner (2023)
"""
    ad = read_text("ML Engineer\n\nRequirements\n- PyTorch\n", source="advert.txt")
    r = compare_documents(analyse_document(read_text(cv, source="cv.txt"), "cv"), analyse_document(ad, "advert"),
                          today=date(2026, 11, 1))
    certs = [c for c in r.stretched_claims if c.details["claim"] == "cert_unbacked"]
    assert any("Specialty" in c.name for c in certs)


def test_a_bodys_graded_title_and_an_expert_phrase_in_the_summary():
    cv = """DAN KOWAL
HGV Technician

PROFILE
HGV technician. IRTEC Master Technician, with expert gearbox and clutch rebuilds, and happy to be on
the road at 3am. Certified Customer Success Manager (CCSM) and fluent Portuguese speaker.

EXPERIENCE
HGV Technician — Northern Trucks, Rotherham
May 2020 – Present
- PMI inspections on DAF and Scania tractor units; first-time MOT pass rate 96%.

QUALIFICATIONS
- IRTEC Heavy Vehicle Inspection Technician licence, 2022
"""
    ad = read_text("HGV Technician\n\nRequirements\n- PMI inspections\n", source="advert.txt")
    r = compare_documents(analyse_document(read_text(cv, source="cv.txt"), "cv"), analyse_document(ad, "advert"),
                          today=date(2026, 11, 1))
    by_kind = {(c.details["claim"], c.name) for c in r.stretched_claims}
    assert ("cert_unbacked", "IRTEC Master Technician") in by_kind
    assert any(k == "proficiency_unbacked" and "gearbox" in n for k, n in by_kind)
    # "fluent" is said of Portuguese, not of the CCSM before it
    assert not any(k == "proficiency_unbacked" and "CCSM" in n for k, n in by_kind)


def test_a_duty_in_the_companys_words_still_names_what_the_job_does():
    ad = read_text("""Cloud Security Engineer

What you'll do
- Harden our Kubernetes clusters, including admission control with OPA Gatekeeper or Kyverno
- Integrate SAST and dependency scanning into our GitHub Actions pipelines

About us
We run our platform on Kyverno-free clusters and our SAST vendor is Acmescan.
""", source="advert.txt")
    cv = read_text("SAM\nCloud security engineer\n\nEXPERIENCE\nEngineer — Paylane\nJan 2020 – Present\n"
                   "- Built GitHub Actions pipelines and Kubernetes clusters on EKS.\n", source="cv.txt")
    r = compare_documents(analyse_document(cv, "cv"), analyse_document(ad, "advert"), today=date(2026, 11, 1))
    names = {g.name for g in r.gaps}
    assert {"SAST", "Kyverno"} <= names
    assert "Acmescan" not in names  # the company's blurb still asks for nothing


def test_a_named_certification_is_checked_whole():
    ad = read_text("Cloud Security Engineer\n\nPreferred\n- AWS Certified Security – Specialty\n", source="advert.txt")
    cv = read_text("SAM\nCloud security engineer\n\nCERTIFICATIONS\n- AWS Certified Solutions Architect – Associate, "
                   "2022\n", source="cv.txt")
    r = compare_documents(analyse_document(cv, "cv"), analyse_document(ad, "advert"), today=date(2026, 11, 1))
    assert "AWS Certified Security – Specialty" in {g.name for g in r.gaps}
    held = read_text("SAM\nCloud security engineer\n\nCERTIFICATIONS\n- AWS Security Specialty (certified 2024)\n",
                     source="cv.txt")
    r = compare_documents(analyse_document(held, "cv"), analyse_document(ad, "advert"), today=date(2026, 11, 1))
    assert "AWS Certified Security – Specialty" not in {g.name for g in r.gaps}


def test_an_award_of_another_kind_does_not_show_the_one_asked_for():
    cv = CVText("EDUCATION AND TRAINING\n- ILSPA Legal Secretaries Certificate, 2022\n")
    diploma = Term("ILSPA Legal Secretaries Diploma", 0, 31, "credential")
    assert term_in_cv(diploma, cv) is None
    assert term_in_cv(diploma, CVText("- ILSPA Legal Secretaries Diploma (distinction), 2023\n")) is not None
    assert term_in_cv(diploma, CVText("- Legal Secretaries course (ILSPA), 2023\n")) is not None  # no kind named


def test_a_thing_named_before_would_be_a_plus():
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.terms import find_terms

    ex = load_extractor()
    text = ("We would be delighted to hear from candidates who hold the CILEx qualification, and Dementia Friends\n"
            "awareness would be a plus. Performance is essential. Knowledge from related industry is useful.")
    got = {t.text for t in find_terms(text, [(0, len(text))], [], is_english=ex.is_english, is_verb=ex.is_verb)}
    assert "Dementia Friends" in got
    assert not {"Performance", "Knowledge from related industry"} & got


def test_a_kind_of_thing_is_met_by_one_of_its_examples():
    ad = read_text("Legal Secretary\n\nRequirements\n- Experience of a case management system such as Proclaim or "
                   "LEAP is essential\n- Excellent spelling and grammar\n", source="advert.txt")
    cv = read_text("CHLOE\nLegal Secretary\n\nEXPERIENCE\nLegal Secretary — Penrose Dixon, Chester\nJul 2022 – Present\n"
                   "- File opening and closing on Proclaim, with AML checks on every new client.\n"
                   "- Proofread all outgoing letters.\n", source="cv.txt")
    r = compare_documents(analyse_document(cv, "cv"), analyse_document(ad, "advert"), today=date(2026, 11, 1))
    assert not r.gaps, [g.name for g in r.gaps]
    system = next(m for m in r.matched if m.name == "case management system")
    assert system.via == "Proclaim"
    other = read_text("CHLOE\nLegal Secretary\n\nEXPERIENCE\nLegal Secretary — Penrose Dixon, Chester\nJul 2022 – "
                      "Present\n- Typed letters from BigHand dictation.\n", source="cv.txt")
    r = compare_documents(analyse_document(other, "cv"), analyse_document(ad, "advert"), today=date(2026, 11, 1))
    assert "case management system" in {g.name for g in r.gaps}


def test_header_lines_ask_for_nothing_and_a_licence_is_not_listed_only():
    ad = read_text("Domestic Gas Engineer\nHarbour Heating – Plymouth\n£38,000 basic + overtime + on-call + company "
                   "van | Permanent\n\nThe role\nYou will service boilers.\n\nRequirements\n- Full UK driving "
                   "licence\n", source="advert.txt")
    cv = read_text("GARETH\nElectrician | Full UK driving licence\n\nEXPERIENCE\nElectrician — Dee Valley, Chester\n"
                   "Apr 2021 – Present\n- Install lighting and power.\n", source="cv.txt")
    r = compare_documents(analyse_document(cv, "cv"), analyse_document(ad, "advert"), today=date(2026, 11, 1))
    assert not any(m.text == "on-call" for g in r.gaps for m in g.mentions)
    assert not [c for c in r.stretched_claims if "licence" in c.name.lower()]
