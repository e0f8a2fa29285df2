"""Prose adverts without a benefits heading: what the employer offers is no requirement."""

from __future__ import annotations

from gapcheck import analyze, read_text
from gapcheck.sectioning import company_voice_spans, offer_spans

ADVERT = """Bookkeeper, Harbour Accountancy
Harbour Accountancy is looking for a part-time bookkeeper to look after twenty small-business clients.
You will reconcile bank accounts in Xero, run payroll for four clients and prepare VAT returns.
You need at least two years of bookkeeping experience and a working knowledge of Xero and Excel.
In return, you'll get 25 days' holiday, private healthcare, a mentoring programme and a paid AAT
qualification. We offer hybrid working, a wellbeing budget and free yoga classes.
"""

CV = """Sam Lee
Bookkeeper
EXPERIENCE
Bookkeeper, Acme Ltd
March 2021 – Present
- Reconciled bank accounts in Xero for 15 clients and ran payroll for three.
SKILLS
Xero, Excel, VAT returns
"""


def test_offer_sentences_are_out_of_scope():
    spans = offer_spans(ADVERT)
    offer = ADVERT.index("In return")
    we_offer = ADVERT.index("We offer")
    assert any(a <= offer < b for a, b in spans)
    assert any(a <= we_offer < b for a, b in spans)
    duties = ADVERT.index("You will reconcile")
    assert not any(a <= duties < b for a, b in spans)
    # "In return, you'll get ..." speaks to the applicant, so it is no company-voice sentence: only the
    # offer rule takes it out.
    assert not any(a <= offer < b for a, b in company_voice_spans(ADVERT))


def test_benefits_in_prose_are_not_gaps():
    r = analyze(read_text(CV, source="cv.txt"), read_text(ADVERT, source="advert.txt"))
    asked = {s.name.lower() for s in r.advert_skills}
    gaps = {g.name.lower() for g in r.gaps}
    assert not any("yoga" in n or "mentoring" in n or "healthcare" in n for n in asked | gaps)
    assert "advise others" not in gaps  # ESCO's name for "mentoring", from the offer sentence
    assert any("xero" in n for n in asked)  # the requirements are still read


def test_how_experience_is_counted_states_no_requirement():
    """US federal adverts: the volunteer-credit boilerplate named "AmeriCorps" as a missing requirement."""
    text = ("Qualifications\nYou must have one year of specialized experience in data analysis. "
            "VOLUNTEER WORK EXPERIENCE: Refers to paid and unpaid experience, including volunteer work done "
            "through National Service Programs (i.e., Peace Corps, AmeriCorps) and other organizations "
            "(e.g., professional; philanthropic; religious). Experience with Python is required.\n")
    spans = offer_spans(text)
    ameri = text.index("AmeriCorps")
    assert any(a <= ameri < b for a, b in spans)  # "i.e.," ends no sentence
    for kept in ("specialized experience", "Experience with Python"):
        i = text.index(kept)
        assert not any(a <= i < b for a, b in spans)
    cv = read_text("Data analyst\nEXPERIENCE\nAnalyst, Acme\n2020 – Present\n- Python and SQL reports\n",
                   source="cv.txt")
    r = analyze(cv, read_text(text, source="advert.txt"))
    assert not any("AmeriCorps" in g.name for g in r.gaps)


def test_a_hard_wrapped_sentence_is_one_sentence():
    from gapcheck.sectioning import company_voice_spans, offer_spans

    text = ("Plumber\nWe\nare also a factory authorized dealer on the HVAC side, and our project managers run every job in\n"
            "Procore, so you will always know where to be.\nIn return you will get a pension paid monthly, a car allowance of £250 a\n"
            "month, 25 days' holiday plus your birthday off, Perkbox, and a clear path to Branch Manager.\n"
            "Requirements\n- Journeyman plumber license\n")
    voice = company_voice_spans(text)
    hvac = text.index("HVAC")
    assert any(a <= hvac < b for a, b in voice)  # "We" wrapped onto the next line is still the company
    offers = offer_spans(text) + company_voice_spans(text)
    perk = text.index("Perkbox")
    assert any(a <= perk < b for a, b in offers) or any(a <= perk < b for a, b in voice)
    lic = text.index("Journeyman")
    assert not any(a <= lic < b for a, b in voice + offer_spans(text))  # a new line in capitals is new
