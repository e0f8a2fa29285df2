"""Requirement bullets that are a name and nothing else become terms the CV is checked for."""

from __future__ import annotations

from conftest import advert_terms_of

from gapcheck.reading import read_text

ADVERT = """Warehouse Shift Supervisor
What you'll need
- Voice picking experience
- Forest School Level 3
• Charge nurse experience
- Flexibility
- Carry out safe isolation before any work on live circuits
- Current BLS and ACLS
- Observability with Prometheus
- Manage the weekly rota
- Writing the weekly staff rotas
- Earned value management
- Strong communication skills
Benefits
- Cycle to work scheme
"""


def terms():
    return advert_terms_of(ADVERT)


def test_name_only_bullets_are_terms():
    found = terms()
    assert {"Voice picking", "Forest School Level 3", "Charge nurse", "Earned value management"} <= set(found)
    for t in found.values():
        assert ADVERT[t.start:t.end] == t.text


def test_sentences_qualifiers_and_single_words_are_not():
    all_terms = terms()
    found = {t for t, term in all_terms.items() if term.kind != "duty"}
    assert "Flexibility" not in found                       # one ordinary word
    assert not any("isolation" in t for t in found)        # a duty sentence, not a name
    assert not any(t.startswith("Current") for t in found)  # a qualifier on a named skill
    assert not any("Observability" in t for t in found)    # the rest of the line is the taxonomy's
    assert not any("rota" in t for t in found)             # duties ("Manage the ...", "Writing the ...")
    assert not any("Cycle" in t for t in all_terms)        # benefits hold no requirements
    # a duty's object is a term of its own kind (tests/analysis/test_duty_terms.py), never the sentence
    duties = {t for t, term in all_terms.items() if term.kind == "duty"}
    assert duties == {"safe isolation", "weekly rota", "weekly staff rotas"}  # "Writing the ...": -ing verbs too


def test_day_names_work_patterns_and_confidence_words_are_no_terms():
    advert = """Contact Centre Advisor
Tallgrass Payments (hybrid, Tue-Thu in office)
Requirements
- Confident using CRM systems
- Willing to work nights, including one weekend night in three
- Microbial identification by MALDI-TOF
"""
    found = set(advert_terms_of(advert))
    assert not {"Tue", "Confident using", "weekend night"} & found
    assert not any(t.endswith(" by") for t in found)


def test_header_lines_under_the_title_hold_no_terms():
    advert = """Registered Veterinary Nurse
Fellside Veterinary Group – Kendal, Cumbria
£28,000–£32,000 · Full-time

About us
Fellside is an independent small animal practice.

Requirements
- Experience with Cumbria Triage Protocols
- RCVS registration
"""
    terms = advert_terms_of(advert).values()
    assert all(t.start > advert.index("Requirements") for t in terms)


def test_camel_case_names_of_two_words_are_names_but_run_together_words_are_not():
    advert = """Commercial Plumber
Requirements
- Close out every service ticket on a tablet in ServiceTitan before you leave the site
- Commission batteries with SolarEdge or Enphase inverters
- Relevant ExperienceTo be considered, send your CV
- Perform cost analysisSpecifically for OPMs programs
"""
    found = set(advert_terms_of(advert))
    assert {"ServiceTitan", "SolarEdge"} <= found
    assert not {"ExperienceTo", "analysisSpecifically", "OPMs"} & found


def test_a_letter_and_number_code_before_a_credential_word_is_a_term():
    advert = """Solar PV Installer
Requirements
- Unvented hot water (G3) qualification
- Prepare G99 applications to National Grid
- Work in Q1 and Q2 on the rollout
"""
    found = set(advert_terms_of(advert))
    assert {"G3", "G99"} <= found
    assert not {"Q1", "Q2"} & found


def test_a_numbered_level_of_a_named_credential_is_checked_whole():
    from gapcheck.api import analyze

    cv = read_text("SAM ORTIZ\nPlumber\n\nEXPERIENCE\nJourneyman Plumber, Acme, 2019 - 2024\n- Installed copper and PEX "
                   "lines on commercial sites.\n\nCERTIFICATIONS\nOSHA 10, 2019\n", source="cv.txt")
    ad = read_text("Commercial Plumber\nRequirements\n- OSHA 30 card\n- Commercial plumbing experience\n",
                   source="advert.txt")
    gaps = {g.name for g in analyze(cv, ad).gaps}
    assert "OSHA 30" in gaps


def test_a_tool_the_employer_says_it_uses_is_still_a_requirement():
    advert = """Biomedical Scientist
About us
Our laboratory is UKAS accredited and we currently use WinPath. Kestrel Pathology is part of the trust.

Requirements
- Experience of a laboratory information management system (WinPath or Telepath)
- Experience with Kestrel Pathology reporting
"""
    found = set(advert_terms_of(advert))
    assert "WinPath" in found
    assert not any(t.startswith("Kestrel") for t in found)  # the employer's own name


def test_document_references_pay_grades_and_html_entities_are_no_names():
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.terms import find_terms

    ex = load_extractor()
    text = ("Applicants must meet the Appendix G-6 Nurse Qualification standard. Nurse I Level III - an ADN "
            "or a Bachelor&#39;s of Science in Nursing (BSN) with experience of Epic or Meditech.")
    got = {t.text for t in find_terms(text, [(0, len(text))], [], is_english=ex.is_english, is_verb=ex.is_verb)}
    assert not {"Appendix G-6 Nurse Qualification", "Level III", "Bachelor&"} & got
    assert "Meditech" in got
