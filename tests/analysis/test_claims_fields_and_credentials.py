"""Stretched claims the taxonomy cannot name: years in a field held to the roles in that field, and
credentials named in the summary but listed nowhere."""

from __future__ import annotations

from datetime import date

from gapcheck import read_text
from gapcheck.api import analyse_document, compare_documents

ADVERT = read_text("""Warehouse Shift Manager
Requirements
- 5+ years of warehouse experience, including 2 years supervising a team
- Counterbalance forklift licence
- NEBOSH General Certificate
""", source="advert.txt")

CV = """JORDAN BLAKE
Warehouse team leader

PROFILE
Warehouse team leader with 10 years' warehouse experience in high-volume distribution. Certified
Lean Six Sigma Green Belt and holding the IOSH Managing Safely certificate.

EXPERIENCE
Warehouse Team Leader — Northgate Distribution, Leeds
March 2022 – Present
- Lead a team of 14 pickers on nights; pick accuracy up from 98.1% to 99.6%.
- Run toolbox talks and MHE checks at every shift start.

Warehouse Operative — Northgate Distribution, Leeds
May 2019 – February 2022
- Picked and packed 1,200 units a shift on a counterbalance forklift.

Sales Assistant — High Street Shoes, Leeds
September 2016 – April 2019
- Served customers and ran the till; trained three new starters.

CERTIFICATIONS
Counterbalance forklift licence (RTITB), 2019
IOSH Managing Safely, 2023
"""


def report(cv_text: str):
    cv = analyse_document(read_text(cv_text, source="cv.txt"), "cv")
    ad = analyse_document(ADVERT, "advert")
    return compare_documents(cv, ad, today=date(2026, 11, 1))


def claims_by_kind(r, kind):
    return [c for c in r.stretched_claims if c.details["claim"] == kind]


def test_years_in_a_field_are_held_to_the_roles_in_that_field():
    r = report(CV)
    years = [c for c in claims_by_kind(r, "years_exceed_history") if c.id.startswith("gapcheck:years-in")]
    assert len(years) == 1
    c = years[0]
    assert c.name == "10 years' warehouse experience"
    assert "7.6 years" in c.reason and "10.2" in c.reason  # May 2019 .. Nov 2026, vs from Sept 2016
    assert r.cv.text[c.mentions[0].start:c.mentions[0].end] == c.name


def test_a_career_in_one_field_is_not_flagged():
    honest = CV.replace("Sales Assistant — High Street Shoes, Leeds", "Warehouse Assistant — Northgate Distribution, Leeds")
    honest = honest.replace("Served customers and ran the till", "Loaded trailers and ran the goods-in desk")
    r = report(honest)
    assert not [c for c in r.stretched_claims if c.id.startswith("gapcheck:years-in")]


def test_credentials_named_only_in_the_summary_are_flagged():
    r = report(CV)
    certs = {c.name: c for c in claims_by_kind(r, "cert_unbacked")}
    lean = next(c for n, c in certs.items() if "Six Sigma" in n)
    assert lean.details["unbackable"]
    assert "not listed under certifications" in lean.reason
    # IOSH is in the summary *and* under certifications: held, not stretched.
    assert not any("IOSH" in n for n in certs)


def test_a_credential_listed_under_certifications_is_not_flagged():
    listed = CV.replace("IOSH Managing Safely, 2023", "IOSH Managing Safely, 2023\nLean Six Sigma Green Belt (ASQ), 2024")
    r = report(listed)
    assert not any("Six Sigma" in c.name for c in claims_by_kind(r, "cert_unbacked"))


def test_associate_is_not_professional():
    """CSWA (Associate) listed under certifications does not back a CSWP (Professional) claim."""
    cv = """SAM REED
Mechanical design engineer

PROFILE
Mechanical engineer, Certified SOLIDWORKS Professional (CSWP).

EXPERIENCE
Design Engineer — Acme Pumps
June 2021 – Present
- Designed pump housings in SolidWorks; cut part count by 20%.

CERTIFICATIONS
Certified SOLIDWORKS Associate (CSWA), 2021
"""
    r = report(cv)
    assert any("SOLIDWORKS Professional" in c.name for c in claims_by_kind(r, "cert_unbacked"))


def test_credentials_in_other_wordings_are_flagged_only_when_not_listed():
    summary = ("Warehouse team leader with 10 years' warehouse experience. Qualified TAQA assessor.\n"
               "WRAS Approved Plumber. FPC-certified and SHRM-CP. Envision Sustainability Professional (ENV SP).")
    cv = CV.replace("Warehouse team leader with 10 years' warehouse experience in high-volume distribution. "
                    "Certified\nLean Six Sigma Green Belt and holding the IOSH Managing Safely certificate.", summary)
    assert summary in cv
    flagged = " | ".join(c.name for c in claims_by_kind(report(cv), "cert_unbacked"))
    for name in ("TAQA", "WRAS", "FPC", "SHRM-CP", "Envision Sustainability Professional"):
        assert name in flagged
    listed = cv.replace("IOSH Managing Safely, 2023", "TAQA assessor award (CAVA), 2020\nSHRM-CP, 2022")
    flagged = " | ".join(c.name for c in claims_by_kind(report(listed), "cert_unbacked"))
    assert "TAQA" not in flagged and "SHRM-CP" not in flagged and "WRAS" in flagged


def test_credentials_with_a_cue_after_them_are_flagged_only_when_not_listed():
    """"CeMAP and DipPFS qualified" (wrapped before its cue), "LSVT LOUD certified", "AU-designated", "Forest School
    Level 3 trained", "Certified Maintenance & Reliability Technician (CMRT)"."""
    summary = ("Warehouse team leader with 10 years' warehouse experience, CeMAP and DipPFS\nqualified. LSVT LOUD "
               "certified. AU-designated. Forest School Level 3 trained.\nCertified Maintenance & Reliability "
               "Technician (CMRT).")
    cv = CV.replace("Warehouse team leader with 10 years' warehouse experience in high-volume distribution. "
                    "Certified\nLean Six Sigma Green Belt and holding the IOSH Managing Safely certificate.", summary)
    assert summary in cv
    flagged = [c.name for c in claims_by_kind(report(cv), "cert_unbacked")]
    for name in ("CeMAP", "DipPFS", "LSVT LOUD", "AU", "Forest School Level 3", "Maintenance & Reliability Technician (CMRT)"):
        assert name in flagged, (name, flagged)
    listed = cv.replace("IOSH Managing Safely, 2023", "CeMAP, 2019\nForest School Leader Level 3, 2021\nAU, The Institutes, 2023")
    flagged = [c.name for c in claims_by_kind(report(listed), "cert_unbacked")]
    assert "CeMAP" not in flagged and "AU" not in flagged and "Forest School Level 3" not in flagged, flagged
    assert "DipPFS" in flagged and "LSVT LOUD" in flagged, flagged


def test_a_heading_or_a_name_above_a_qualified_line_is_no_credential():
    cv = CV.replace("JORDAN BLAKE\nWarehouse team leader\n\nPROFILE\nWarehouse team leader with",
                    "JORDAN BLAKE\nQualified warehouse team leader\n\nPROFILE\nCertified team leader with")
    names = [c.name for c in claims_by_kind(report(cv), "cert_unbacked")]
    assert not any(n in ("JORDAN BLAKE", "PROFILE") for n in names), names


def test_job_titles_and_units_are_no_credentials():
    cv = CV.replace("Warehouse team leader with 10 years' warehouse experience in high-volume distribution.",
                    "Qualified electrician, Approved Electrician grade, ten years in the Intensive Care Unit (ICU).")
    assert not claims_by_kind(report(cv), "cert_unbacked") or all(
        "Six Sigma" in c.name for c in claims_by_kind(report(cv), "cert_unbacked"))


def test_a_tool_the_taxonomy_does_not_know_listed_only_in_skills_is_a_claim():
    advert = read_text("""SOC Analyst
Requirements
- SIEM tools such as Splunk and Zscaler
- Incident response
""", source="advert.txt")
    cv = """ALEX KIM
SOC analyst

EXPERIENCE
SOC Analyst, Acme Bank
June 2022 – Present
- Triaged 40 alerts a day in Splunk and led incident response for two phishing campaigns.

SKILLS
Splunk, Zscaler, incident response
"""
    cv_doc = analyse_document(read_text(cv, source="cv.txt"), "cv")
    r = compare_documents(cv_doc, analyse_document(advert, "advert"), today=date(2026, 11, 1))
    listed = {c.name: c for c in claims_by_kind(r, "listed_only")}
    assert "Zscaler" in listed
    c = listed["Zscaler"]
    assert c.details["asked_by_advert"] and all(m.section == "skills" for m in c.mentions)
    # Splunk is backed by a bullet: never flagged.
    assert not any("Splunk" in n for n in listed)


def test_a_compound_field_is_held_to_the_roles_named_by_its_head():
    cv = """ALEX RIVERA
SUMMARY
Security analyst with 6 years of cybersecurity experience in SOC operations.

EXPERIENCE
SOC Analyst — Buckeye Managed Security, Columbus, OH
July 2023 – Present
- Triage 60 alerts a shift in Splunk; wrote 12 runbooks.

IT Support Technician — Franklin County Library, Columbus, OH
June 2020 – June 2023
- Reset passwords and imaged 400 laptops.
"""
    years = [c for c in claims_by_kind(report(cv), "years_exceed_history") if c.id.startswith("gapcheck:years-in")]
    # "cybersecurity" is the field of the Managed Security role only (40 months), not the help desk's
    assert [c.name for c in years] == ["6 years of cybersecurity experience"]


def test_listed_skills_a_role_shows_in_other_words_are_not_claims():
    """A skills-list item whose words a role's bullet shows ("Medication administration" and "administer
    medications") is backed; a product named with capitals must be written as such ("Salesforce" is not
    shown by "Sales")."""
    cv = """ANGELA REYES
Registered Nurse

SUMMARY
Registered nurse in a Level I trauma centre.

EXPERIENCE
Staff Nurse — Alamo Regional, San Antonio
September 2022 – Present
- Start IVs and administer medications and blood products; Sales of the unit's training packs.

SKILLS
Medication administration · Salesforce
"""
    ad = read_text("Nurse\n\nRequirements\n- Medication administration\n- Salesforce\n", source="advert.txt")
    r = compare_documents(analyse_document(read_text(cv, source="cv.txt"), "cv"), analyse_document(ad, "advert"),
                          today=date(2026, 11, 1))
    listed = {c.name for c in claims_by_kind(r, "listed_only")}
    assert "Salesforce" in listed
    assert not any("edication" in n for n in listed)


def test_a_licence_stated_in_the_header_is_no_certificate_claim():
    cv = """GARETH PRICE
Electrician | Full UK driving licence

PROFILE
Electrician with a full UK driving licence and my own van.

EXPERIENCE
Electrician — Dee Valley Electrical, Chester
Apr 2021 – Present
- Install lighting and power on commercial fit-outs.
"""
    ad = read_text("Electrician\n\nRequirements\n- Full UK driving licence\n", source="advert.txt")
    r = compare_documents(analyse_document(read_text(cv, source="cv.txt"), "cv"), analyse_document(ad, "advert"),
                          today=date(2026, 11, 1))
    # named in the profile: a claim to list; in the header only: a fact stated
    assert [c.name for c in claims_by_kind(r, "cert_unbacked")] == ["Driving licence"]
    header_only = cv.replace("Electrician with a full UK driving licence and my own van.", "Electrician.")
    r = compare_documents(analyse_document(read_text(header_only, source="cv.txt"), "cv"),
                          analyse_document(ad, "advert"), today=date(2026, 11, 1))
    assert not claims_by_kind(r, "cert_unbacked")


def test_a_credential_word_naming_a_trade_is_no_certificate_claim():
    cv = """DAN KOWAL
HGV Technician

PROFILE
HGV technician with 8 years' experience working on HGVs and their trailers.

EXPERIENCE
HGV Technician — Northern Trucks, Rotherham
May 2018 – Present
- PMI inspections on DAF and Scania tractor units.
"""
    ad = read_text("HGV Technician\n\nRequirements\n- HGV experience\n", source="advert.txt")
    r = compare_documents(analyse_document(read_text(cv, source="cv.txt"), "cv"), analyse_document(ad, "advert"),
                          today=date(2026, 11, 1))
    assert not claims_by_kind(r, "cert_unbacked")


def test_a_skill_implied_by_a_backed_one_is_not_listed_only_and_a_named_certificate_is_checked():
    cv = """SAM REED
Site reliability engineer

SUMMARY
SRE with a Google Data Analytics Professional Certificate.

EXPERIENCE
SRE — Paylane, Leeds
Jan 2020 – Present
- Ship services through GitLab CI pipelines and maintain Jenkins jobs for 80 repositories.

SKILLS
CI/CD · Kubernetes
"""
    ad = read_text("SRE\n\nRequirements\n- CI/CD\n- Kubernetes\n", source="advert.txt")
    r = compare_documents(analyse_document(read_text(cv, source="cv.txt"), "cv"), analyse_document(ad, "advert"),
                          today=date(2026, 11, 1))
    listed = {c.name for c in claims_by_kind(r, "listed_only")}
    assert "CI/CD" not in listed and "Kubernetes" in listed
    assert any("Google Data Analytics" in c.name for c in claims_by_kind(r, "cert_unbacked"))



def test_years_claimed_of_a_skill_no_role_names_are_held_to_the_whole_history():
    """Pair 64: "15 years in food manufacturing" (the taxonomy's food engineering, which no role names)
    against a history of 7.8 years: the advice names the history's figure, not the months of the roles
    that name the skill (none: it said "(0+ years)")."""
    from pathlib import Path

    pair = Path(__file__).resolve().parents[1] / "fixtures" / "pairs" / "64_bakery_production_manager"
    r = compare_documents(analyse_document(pair / "cv.txt", "cv"), analyse_document(pair / "advert.txt", "advert"),
                          today=date(2026, 11, 1))
    years = claims_by_kind(r, "years_exceed_history")
    assert [c.name for c in years] == ["food engineering"], [c.name for c in years]
    assert "work history covers 7.8 years" in years[0].reason
    assert "dated roles show (7.8 years)" in years[0].advice, years[0].advice


SALESFORCE_CV = """RILEY PARK
Salesforce Administrator

SUMMARY
{claim} I turn messy sales processes into clean, automated ones.

EXPERIENCE
Salesforce Administrator, Brightline Supply, Columbus, OH
{first} - Present
- Built 40 record-triggered flows in Salesforce and retired 25 workflow rules.

Sales Operations Coordinator, Brightline Supply, Columbus, OH
{second}
- Kept Salesforce opportunity data clean for 30 reps; cut duplicate accounts by 60%.
"""


def _salesforce_years(claim: str, first: str = "January 2023", second: str = "June 2020 - December 2022"):
    cv = SALESFORCE_CV.format(claim=claim, first=first, second=second)
    return [c.name for c in claims_by_kind(report(cv), "years_exceed_history")]


def test_at_least_years_are_held_closely_when_roles_give_their_months():
    """6.4 years of Salesforce (June 2020 to November 2026): "7+ years" overstates it; a plain "6 years" does
    not; and with roles dated by years only, a year's slack stays (the months are unknown)."""
    assert _salesforce_years("7+ years of Salesforce experience.") == ["Salesforce"]
    assert _salesforce_years("Over 7 years of Salesforce experience.") == ["Salesforce"]
    assert _salesforce_years("6 years of Salesforce experience.") == []
    assert _salesforce_years("7+ years of Salesforce experience.", first="2023", second="2020 - 2022") == []


UNDERWRITER_CV = """KENDRA ALBRECHT
Columbus, OH

PROFESSIONAL SUMMARY
Insurance professional with {years} years as a commercial lines underwriter, known for fast answers.

EXPERIENCE
Commercial Lines Underwriter | April 2022 – Present
- Underwrite a $9.4M book of small commercial accounts; grew new business premium by 18% in 2025.

Underwriting Associate | July 2020 – March 2022
- Supported three commercial underwriters: cleared submissions and prepared renewal files.

Customer Service Representative | June 2018 – June 2020
- Serviced personal lines auto and home policies for 1,200 households.
"""


def test_years_as_a_job_are_held_to_the_roles_with_that_job_in_their_title():
    """8+ years "as a commercial lines underwriter": the underwriting roles cover 6.4 years (to November 2026),
    the whole history 8.4, so the claim is stretched; 6 years is not."""
    years = [c for c in claims_by_kind(report(UNDERWRITER_CV.format(years="8+")), "years_exceed_history")]
    assert [c.name for c in years] == ["8+ years as a commercial lines underwriter"], [c.name for c in years]
    assert "6.4 years" in years[0].reason
    assert not claims_by_kind(report(UNDERWRITER_CV.format(years="6")), "years_exceed_history")
