"""Products the taxonomies do not name, curated with what they imply (a CMMS, an ERP, a PLC platform), and a
tool the employer trains people on, which is no requirement."""

from __future__ import annotations

from datetime import date

from gapcheck import read_text
from gapcheck.api import analyse_document, compare_documents

ADVERT = """Maintenance Technician (Millwright) - 2nd Shift
Front Range Foods | Loveland, CO

Front Range Foods bakes bread for grocers across three states. We look after our people: life insurance
and a 401(k) match for everyone from day one.

What you'll do
- Troubleshoot conveyors, gearboxes and PLC faults; close out every work order in our CMMS
- Support line changeovers with production

Requirements
- Two years of PLC troubleshooting on Allen-Bradley or Siemens platforms
- Experience with an MRP/ERP system (we use Epicor Kinetic, but training is given)
"""

CV = """TRAVIS HOLLEN
Journeyman Millwright

EXPERIENCE
Maintenance Technician, Rocky Ridge Mills, Fort Collins, CO
June 2018 - Present
- Cleared PLC faults on ControlLogix racks with Studio 5000, cutting line downtime by 12%.
- Closed 40 work orders a week in IBM Maximo with parts and labor.
- Raised purchase requisitions in Sage X3 for spares.
"""


def _report(cv_text: str = CV):
    cv = analyse_document(read_text(cv_text, source="cv.txt"), "cv")
    ad = analyse_document(read_text(ADVERT, source="advert.txt"), "advert")
    return compare_documents(cv, ad, today=date(2026, 11, 1))


def test_products_meet_what_they_are():
    r = _report()
    gaps = [g.name for g in r.gaps]
    assert not any("CMMS" in n or "maintenance management" in n for n in gaps), gaps  # Maximo is a CMMS
    assert not any("Allen-Bradley" in n or "Siemens" in n for n in gaps), gaps  # ControlLogix is Allen-Bradley
    assert not any("ERP" in n for n in gaps), gaps  # Sage X3 is an ERP


def test_without_the_products_the_requirements_are_gaps():
    bare = CV.replace(" on ControlLogix racks with Studio 5000", "").replace(" in IBM Maximo", "") \
        .replace(" in Sage X3", "")
    gaps = " | ".join(g.name for g in _report(bare).gaps)
    assert "CMMS" in gaps and "Allen-Bradley" in gaps, gaps


def test_a_tool_the_employer_trains_on_and_a_benefit_are_no_requirements():
    r = _report()
    names = [s.name for s in r.advert_skills]
    assert "Epicor" not in names, names
    assert "Life insurance" not in names, names


def test_welding_processes_are_siblings_not_the_same_skill():
    """MIG on the CV meets "weld and fabricate (MIG)", not "TIG welding experience" (rule 1: a sibling is a gap,
    reported with the relative named)."""
    advert = ADVERT.replace("- Support line changeovers with production",
                            "- Weld and fabricate (MIG) guards and brackets\n- TIG welding on sanitary stainless tubing")
    cv = CV + "- Fabricated guards and platforms with MIG welding; passed the site welding test in 2021.\n"
    r = compare_documents(analyse_document(read_text(cv, source="cv.txt"), "cv"),
                          analyse_document(read_text(advert, source="advert.txt"), "advert"), today=date(2026, 11, 1))
    gaps = {g.name: g for g in r.gaps}
    assert "TIG welding" in gaps, list(gaps)
    assert "MIG welding" in gaps["TIG welding"].related
    assert any(m.name == "MIG welding" for m in r.matched)


def test_an_emergency_first_aid_course_is_not_the_full_certificate():
    advert = read_text("Nursery Room Leader\n\nWhat you'll need\n- A full 12-hour Paediatric First Aid certificate\n"
                       "- Level 3 in Early Years\n", source="advert.txt")
    cv = read_text("CHLOE MARSDEN\n\nQualifications\n- Emergency Paediatric First Aid (6-hour), renewed 2024\n"
                   "- CACHE Level 3 Diploma for the Early Years Workforce, 2020\n", source="cv.txt")
    r = compare_documents(analyse_document(cv, "cv"), analyse_document(advert, "advert"), today=date(2026, 11, 1))
    gaps = {g.name: g for g in r.gaps}
    assert "Paediatric First Aid" in gaps, list(gaps)
    assert "Emergency Paediatric First Aid" in gaps["Paediatric First Aid"].related
