"""Stretched claims about skills no taxonomy names: items of the skills list ("Makaton", "Air source heat
pumps", "CUDA (expert)") and proficiencies in the summary ("Expert in Reapit") that no experience,
project, certification or education line shows; and credentials named by role and initials."""

from __future__ import annotations

from datetime import date

from gapcheck import read_text
from gapcheck.api import analyse_document, compare_documents
from gapcheck.gaps.claims import skills_list_items

ADVERT = read_text("""Solar PV Installer
Requirements
- NICEIC or NAPIT registration and 18th Edition wiring regulations
- Experience installing domestic solar PV and battery storage
- Full UK driving licence
Desirable
- Air source heat pump installation
""", source="advert.txt")

CV = """SAM OKAFOR
Solar PV installer · Bristol

SUMMARY
Electrician and solar installer with four years on domestic roofs. Expert in Tesla Powerwall
commissioning and expert in threat hunting. Critical Care Paramedic (CCP-C). Qualified
canine hydrotherapist. Senior Installer (ICU) at heart.

EXPERIENCE
Solar PV Installer — BrightRoof Energy, Bristol
March 2023 – Present
- Install 4-12 kWp systems on pitched roofs, GivEnergy hybrid inverters and batteries; 180
  installations with zero call-backs in 2025.
- Run weekly threat hunts through the monitoring portal for failed strings.
- Read and interpret 12-lead single-line drawings from the design team before each job.

Electrician — Avon Electrical, Bath
June 2021 – February 2023
- Rewires, consumer unit changes and EICRs in occupied homes.

CERTIFICATIONS
18th Edition (BS 7671), 2021
NICEIC Domestic Installer, 2022

SKILLS
PV: Solar PV installation, GivEnergy and Enphase · Makaton · CUDA (expert) · Air source heat pumps ·
Consumer unit changes and
rewires · STEMI and battery recognition · Threat hunting · Spanish · Full UK driving licence ·
12-lead drawing interpretation · PROFESSIONAL MEMBERSHIP
"""


def report(cv_text: str = CV):
    cv = analyse_document(read_text(cv_text, source="cv.txt"), "cv")
    ad = analyse_document(ADVERT, "advert")
    return compare_documents(cv, ad, today=date(2026, 11, 1))


def claims(r) -> dict[str, str]:
    return {c.name: c.details["claim"] for c in r.stretched_claims}


def test_skills_list_items_split_on_bullets_commas_labels_and_capitalised_and():
    text = CV
    start = text.index("SKILLS\n") + len("SKILLS\n")
    items = [(" ".join(text[a:b].split()), p) for a, b, p in skills_list_items(text, start, len(text))]
    names = [n for n, _ in items]
    assert names[:4] == ["Solar PV installation", "GivEnergy", "Enphase", "Makaton"]  # label "PV:" dropped
    assert ("CUDA", "expert") in items  # the bracket's proficiency kept, the bracket dropped
    # a line ending in "and" wraps onto the next; a line ending in an item does not
    assert "Consumer unit changes and rewires" in names
    assert "STEMI and battery recognition" in names


def test_unbacked_list_items_are_listed_only_and_proficiency_makes_them_proficiency_claims():
    got = claims(report())
    assert got.get("Makaton") == "listed_only"
    assert got.get("Air source heat pumps") == "listed_only"
    assert got.get("CUDA") == "proficiency_unbacked"
    assert got.get("Tesla Powerwall commissioning") == "proficiency_unbacked"


def test_items_a_backing_line_shows_in_other_forms_are_not_claims():
    got = claims(report())
    # "Threat hunting" in "Run weekly threat hunts"; "Consumer unit changes and rewires" in a role bullet;
    # "12-lead drawing interpretation" shows all but one of its words ("interpret 12-lead ... drawings")
    for backed in ("Threat hunting", "threat hunting", "Consumer unit changes and\nrewires",
                   "Consumer unit changes and rewires", "12-lead drawing interpretation", "GivEnergy",
                   "Solar PV installation"):
        assert backed not in got, backed


def test_a_list_item_of_two_parts_is_judged_part_by_part():
    got = claims(report())
    # STEMI appears nowhere, battery recognition nowhere either: both parts are claims, not the whole
    assert "STEMI and battery recognition" not in got
    assert got.get("STEMI") == "listed_only"
    r = report(CV.replace("- Rewires,", "- Called STEMI alerts; rewires,"))
    assert "STEMI" not in claims(r)
    assert claims(r).get("battery recognition") == "listed_only"


def test_languages_licences_and_headings_in_a_skills_list_are_not_unnamed_claims():
    # (the taxonomy knows Spanish and driving licences; it judges them, not the skills-list rule)
    unnamed = [c.name for c in report().stretched_claims if c.id.startswith("gapcheck:term:")]
    for name in ("Spanish", "Full UK driving licence", "PROFESSIONAL MEMBERSHIP"):
        assert name not in unnamed
    assert "Makaton" in unnamed


def test_claims_carry_the_skills_list_or_summary_mention_they_rest_on():
    r = report()
    cuda = next(c for c in r.stretched_claims if c.name == "CUDA")
    assert [(m.section, r.cv.text[m.start:m.end]) for m in cuda.mentions] == [("skills", "CUDA")]
    tesla = next(c for c in r.stretched_claims if c.name == "Tesla Powerwall commissioning")
    assert tesla.mentions[0].section == "summary"
    assert r.cv.text[tesla.mentions[0].start:tesla.mentions[0].end] == "Expert in Tesla Powerwall\ncommissioning"


def test_role_credentials_abbreviated_by_their_initials_and_qualified_specialisms_are_checked():
    got = claims(report())
    assert got.get("Critical Care Paramedic (CCP-C)") == "cert_unbacked"
    assert got.get("canine hydrotherapist") == "cert_unbacked"
    assert not any("ICU" in name for name in got)  # the bracket is not the role's initials
    held = CV.replace("NICEIC Domestic Installer, 2022",
                      "NICEIC Domestic Installer, 2022\nCanine Hydrotherapy (Level 3), 2020\nCCP-C, 2024")
    got = claims(report(held))
    assert "canine hydrotherapist" not in got
    assert "Critical Care Paramedic (CCP-C)" not in got


def test_a_list_item_is_backed_by_a_role_showing_the_words_the_taxonomy_does_not_cover():
    advert = read_text("Production Manager\nRequirements\n- Root cause analysis and continuous improvement\n"
                       "- Sourdough production\n", source="advert.txt")
    cv = read_text("""Ana Silva
Production Manager

SKILLS
Kaizen and 5S · 5 Whys root cause analysis · Sourdough · Artisan bread

EXPERIENCE
Production Manager — Oakfield Bakery, Leeds
Jan 2020 – Present
- Use 5 Whys on every complaint and stoppage over 30 minutes; complaints per million fell 31%.
- Ran kaizen events on the roll line.
""", source="cv.txt")
    r = compare_documents(analyse_document(cv, "cv"), analyse_document(advert, "advert"), today=date(2026, 11, 22))
    claimed = {c.name for c in r.stretched_claims}
    assert not any("Whys" in n for n in claimed), claimed  # the role uses 5 Whys
    assert any("Sourdough" in n or "sourdough" in n.lower() for n in claimed), claimed  # no role shows it


def test_cta_is_the_tax_adviser_only_where_the_context_says_so(extractor):
    names = lambda t: {m.name for m in extractor.extract(t)}  # noqa: E731
    assert "CTA" in names("ATT/CTA qualified tax senior") and "CTA" in names("You will be CTA qualified.")
    assert "CTA" not in names("Scan across head, chest, CTA and paediatric head lists")


def test_a_certificate_named_with_and_in_the_summary_and_a_level_not_held_are_claims():
    advert = read_text("Credit Controller\nRequirements\n- AAT Level 3 or CICM Level 3\n- Sage 200\n",
                       source="advert.txt")
    cv = read_text("""Jo Park
Credit Controller

PROFILE
Credit controller, AAT Level 3 qualified. Holder of the SAA Arrangement and Description Certificate.

EXPERIENCE
Credit Controller — Pennine Foods, Wakefield
Oct 2023 – Present
- Chase 300 accounts in Sage 200; DSO fell from 46 to 38 days.

EDUCATION AND QUALIFICATIONS
- AAT Level 2 Certificate in Accounting, Leeds City College, 2021
- SAA member since 2022
""", source="cv.txt")
    r = compare_documents(analyse_document(cv, "cv"), analyse_document(advert, "advert"), today=date(2026, 11, 22))
    certs = {c.name: c.reason for c in r.stretched_claims if c.reason and "certifications" in c.reason}
    assert any("Level 3" in reason and "Level 2" in reason for reason in certs.values()), certs
    assert any("Arrangement and Description" in name for name in certs), certs
