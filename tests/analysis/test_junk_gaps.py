"""Words of an advert that name no skill a CV could lack: the hours ("Fridays", "weekends and bank holidays"),
and taxonomy aliases that read otherwise in adverts ("keep on top of", "make-up air units")."""

from __future__ import annotations

from datetime import date

from gapcheck import read_text
from gapcheck.api import _schedule, analyse_document, compare_documents

ADVERT = """HVAC/R Service Technician
Requirements
- Diagnose and repair packaged rooftop units, split systems, make-up air units and exhaust fans
- Complete planned maintenance visits and write up repair quotes for customers
- Keep on top of refrigerant logs and work with Engineering on recurring faults
- Work Fridays and alternate weekends and bank holidays on the on-call rota
- Write clear, persuasive quotes
"""

CV = """Lee Park
HVAC/R Technician

EXPERIENCE
Service Technician | Loess Hills Mechanical | Sep 2024 - Present
- Repair rooftop units and split systems for restaurants and grocery stores.
"""


def test_the_hours_are_no_term():
    assert _schedule("Fridays") and _schedule("weekends and bank holidays") and _schedule("May-September")
    assert not _schedule("Friday Night Lights") and not _schedule("shift handover") and not _schedule("and")


def test_words_that_read_otherwise_give_no_gap():
    r = compare_documents(analyse_document(read_text(CV), "cv"), analyse_document(read_text(ADVERT), "advert"),
                          today=date(2026, 11, 22))
    names = {g.name.lower() for g in r.gaps}
    for junk in ("cosmetics", "persist", "perform planning", "liaise with industrial professionals", "fridays",
                 "weekends and bank holidays", "promote ideas, products, services"):
        assert junk not in names, (junk, names)
    assert "exhaust fans" in names  # the real duties stay


def test_the_office_to_contact_is_no_hr_skill(extractor):
    text = "If you are a Presidential Appointee, you must disclose this to the Human Resources Office."
    assert not any(m.name.lower() == "human resources" for m in extractor.extract(text))
    assert any(m.name.lower() == "human resources" for m in extractor.extract("Five years in Human Resources."))


def test_an_action_quotes_a_sentence_of_the_advert_not_its_tag_line():
    from gapcheck.gaps.actions import _telling_quote
    from gapcheck.reporting.model import MentionRef

    text = ("DevOps Engineer\nTechnologies:\nazure . net asp.net-web-api powershell json.net\n"
            "You will run build and deployment pipelines for web services on Azure App Service and SQL.\n")
    refs = [MentionRef("azure", "other", text.index("azure"), text.index("azure") + 5),
            MentionRef("Azure", "requirements", text.index("Azure App"), text.index("Azure App") + 5)]
    m, q = _telling_quote(refs, text)
    assert m is refs[1] and "deployment pipelines for web services on Azure" in q
    assert _telling_quote(refs[:1], text)[0] is refs[0]  # one mention: that one


def test_a_trade_union_is_no_team_to_work_in(extractor):
    text = "Experience of working with a recognised trade union"
    assert not any(m.name == "work in teams" for m in extractor.extract(text))
    assert any(m.name == "work in teams" for m in extractor.extract("You will work alongside other trades on site."))
