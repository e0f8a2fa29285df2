"""Alternatives the advert allows that gapcheck does not know as skills ("ServiceTitan or BuildOps", "Flux or
Argo CD"), examples after a kind's noun ("e-tendering portals such as Proactis, Delta eSourcing and
Jaggaer"), and a term written differently in the CV ("PivotTables", "SMEs")."""

from __future__ import annotations

from datetime import date

from gapcheck import read_text
from gapcheck.api import analyse_document, compare_documents
from gapcheck.gaps.analysis import _alternatives, met_by_alternative
from gapcheck.gaps.terms import CVText, Term, term_in_cv
from gapcheck.reporting.model import MentionRef, SkillItem

ADVERT = """Senior Platform Engineer (Azure)
Brightwater Analytics | Remote (UK) | £80,000 - £90,000

You will run our Azure landing zones with Terraform and ship services to AKS, with GitOps delivery through
Flux or Argo CD. You will upload bids through e-tendering portals such as Proactis, Delta eSourcing and
Jaggaer, and keep our field-service records in ServiceTitan.

Requirements
- 4+ years of Microsoft Azure in production
- Terraform modules and state management
- Experience with ServiceTitan or BuildOps
- Excel skills including VLOOKUPs and pivot tables
- A degree in computer science or physics

What we offer
- 30 days' holiday and a Mac or Linux laptop
"""

CV = """Sam Okafor
Platform Engineer

PROFILE
Platform engineer with six years on Microsoft Azure, Terraform and Kubernetes (AKS).

SKILLS
Azure · Terraform · AKS · Flux v2 · Helm · Excel (VLOOKUP, PivotTables)

EXPERIENCE
Platform Engineer | Northgate Cloud | Mar 2020 - present
- Introduced GitOps with Flux v2 and Helm charts, cutting failed deployments by 70%.
- Built Terraform modules for 40 Azure subscriptions and ran the remote state in Azure Storage.
- Logged jobs, parts and photos in ServiceTitan for the facilities contract.
- Submitted tenders through Delta eSourcing and Proactis with the bids team.

EDUCATION
BSc Mathematics, University of Leeds, 2019
"""


def _report(tmp_path=None):
    return compare_documents(analyse_document(read_text(CV), "cv"), analyse_document(read_text(ADVERT), "advert"),
                             today=date(2026, 11, 22))


def test_an_alternative_the_cv_shows_meets_the_gap(tmp_path):
    r = _report(tmp_path)
    gaps = {g.name for g in r.gaps}
    via = {m.name: m.via for m in r.matched}
    assert "Argo CD" not in gaps and via.get("Argo CD") == "Flux"  # "Flux or Argo CD", the CV's Flux v2
    assert "BuildOps" not in gaps  # "ServiceTitan or BuildOps"
    assert not any("pivot" in g for g in gaps)  # "VLOOKUPs and pivot tables", the CV's PivotTables
    # the matched item's evidence is where the CV writes the alternative
    argo = next(m for m in r.matched if m.name == "Argo CD")
    assert all(CV[x.start:x.end] == "Flux" for x in argo.mentions)


def test_the_other_examples_of_a_kind_are_no_gaps_once_the_cv_has_one(tmp_path):
    r = _report(tmp_path)
    gaps = {g.name.lower() for g in r.gaps}
    assert "jaggaer" not in gaps  # Proactis (and Delta eSourcing) are in the CV: the list is met
    assert not any("tendering" in g or "procurement" in g for g in gaps)


def test_a_term_written_as_one_word_or_by_initials_is_in_the_cv():
    cv = CVText("Excel (VLOOKUP, PivotTables)\n- Interviewed SMEs for every bid\n- Terminated SWA cable")
    found = lambda t, k="phrase": term_in_cv(Term(t, 0, len(t), k), cv)  # noqa: E731
    assert found("pivot tables") == (cv.text.index("PivotTables"), cv.text.index("PivotTables") + 11)
    assert found("pivot table") is not None
    assert found("pivot charts") is None
    assert found("interview subject matter experts", "duty") == (cv.text.index("SMEs"), cv.text.index("SMEs") + 4)
    # initials must agree in number: an electrician's SWA cable is no "scalable web applications"
    assert found("scalable web applications") is None


def _gap(text: str, words: str, name: str | None = None) -> SkillItem:
    a = text.index(words)
    return SkillItem(f"x:{words}", name or words, "hard", [MentionRef(words, "requirements", a, a + len(words))],
                     requirement="required")


def test_alternatives_are_names_or_parallel_phrases_only():
    text = ("- A degree in computer science or physics\n- Experience in bakery or chilled food production\n"
            "- A Master or PhD degree\n- Python or similar\n- 2 years in a warehouse or distribution centre\n")
    cv = "BSc Computer Science. Ten years in plant bakery food production. Master of Science. Python."
    gaps = [_gap(text, "physics"), _gap(text, "food production"), _gap(text, "PhD"), _gap(text, "Python")]
    matched: list[SkillItem] = []
    left = met_by_alternative(text, gaps, matched, cv)
    # "computer science or physics": "science" ends a longer alternative; "Master" names an award
    assert {g.name for g in left} == {"physics", "PhD", "Python"}
    assert [(m.name, m.via) for m in matched] == [("food production", "bakery food production")]
    # the alternatives read off the text
    m = gaps[1].mentions[0]
    line_start = text.rfind("\n", 0, m.start) + 1
    assert _alternatives(text, m, line_start, text.find("\n", m.end)) == [("bakery food production", False)]


def test_an_alternative_must_be_in_the_cv_as_written():
    text = "- Experience with ServiceTitan or BuildOps\n"
    gaps = [_gap(text, "BuildOps")]
    assert met_by_alternative(text, gaps, [], "Used Service Titan daily") == gaps
    assert met_by_alternative(text, gaps, [], "Used servicetitan daily") == gaps
    matched: list[SkillItem] = []
    assert met_by_alternative(text, gaps, matched, "Logged calls in ServiceTitan.") == []
    assert matched[0].via == "ServiceTitan" and matched[0].details["alternative"] == "ServiceTitan"


def test_an_alias_is_matched_however_its_case_splits_it(extractor):
    # spaCy splits "id" as "I'd" but keeps "ID" whole; "node.js" is one token, "Node.JS" three
    found = {(m.text, m.name) for m in extractor.extract("Identity with Entra ID; services in Node.JS; MLIS, 2022")}
    assert ("Entra ID", "Microsoft Entra ID") in found
    assert ("Node.JS", "Node.js") in found
    assert ("MLIS", "MLIS") in found


def test_named_degrees_meet_a_masters_degree(tmp_path):
    advert = ("Processing Archivist\n\nRequirements\n- Master's degree in Library and Information Science from an "
              "ALA-accredited program\n- Experience with ArchivesSpace\n")
    cv = "Jo Marsh\n\nEXPERIENCE\n- Processed 40 collections in ArchivesSpace\n\nEDUCATION\nMLIS, University of Pittsburgh, 2022\n"
    r = compare_documents(analyse_document(read_text(cv), "cv"), analyse_document(read_text(advert), "advert"),
                          today=date(2026, 11, 22))
    gaps = {g.name for g in r.gaps}
    assert not any("master" in g.lower() or "library" in g.lower() for g in gaps), gaps
    assert "ALA-accredited" not in gaps  # the school's accreditation, not the candidate's skill
    assert any(m.name in ("MLIS", "Master's degree") for m in r.matched)


def test_accrediting_bodies_are_no_requirements():
    from gapcheck.api import _accreditor

    text = ("Graduate of a school accredited by one of the following accrediting bodies: The Accreditation "
            "Commission for Education in Nursing (ACEN) or The Commission on Collegiate Nursing Education (CCNE). "
            "Hold a CCNE-accredited BSN and Epic certification; a course approved by IHEEM.\n"
            "A master's degree from a program accredited by the NLNAC and certification as a nurse practitioner.\n")

    def at(word: str, kind: str = "acronym", nth: int = 0) -> bool:
        i = -1
        for _ in range(nth + 1):
            i = text.index(word, i + 1)
        return _accreditor(text, i, i + len(word), kind)

    assert at("ACEN") and at("CCNE") and at("NLNAC") and at("CCNE", nth=1)
    assert not at("Epic", "name") and not at("BSN")
    assert not at("nurse practitioner", "phrase")  # a real requirement after the accreditor, same sentence


def test_the_cv_shows_a_skill_in_other_words_of_the_same_family():
    from gapcheck.extraction.mention import Mention
    from gapcheck.gaps.analysis import _wording_shown

    cv = ("Credit Controller, 2023 - present\n- Negotiated payment plans with 40 customers\n"
          "SKILLS\nProduction and labour planning · HACCP\n")

    def mention(text: str, kind: str) -> Mention:
        return Mention("x:1", text, kind, text, 0, len(text))

    a, b = _wording_shown([mention("negotiation", "soft")], cv)
    assert cv[a:b] == "Negotiated"
    a, b = _wording_shown([mention("production planning", "hard")], cv)
    assert cv[a:b] == "Production and labour planning"
    assert _wording_shown([mention("presentation", "soft")], cv) is None  # "present" is a date, not a skill
    assert _wording_shown([mention("negotiation", "hard")], cv) is None  # word families for soft skills only
    assert _wording_shown([mention("capacity planning", "hard")], cv) is None


def test_a_cv_written_in_english_shows_english(extractor):
    from gapcheck.gaps.analysis import english_prose

    def report(advert: str):
        return compare_documents(analyse_document(read_text(CV), "cv"), analyse_document(read_text(advert), "advert"),
                                 today=date(2026, 11, 22))

    r = report("Data Analyst\n\nRequirements\n- Fluent written and spoken English\n- SQL and Tableau\n")
    english = [m for m in r.matched if m.name == "English"]
    assert english and CV[english[0].mentions[0].start:english[0].mentions[0].end].startswith("Platform engineer")
    assert not any("fluent" in g.name.lower() for g in r.gaps)  # "Fluent written" is no term
    # English the subject, or one of two languages a bilingual post needs, is not shown by writing in it
    for advert in ("Teacher\n\nRequirements\n- A degree in English\n- QTS\n",
                   "Payroll Specialist\n\nRequirements\n- Bilingual English/Spanish\n- ADP\n"):
        assert not any(m.name == "English" and m.details.get("source") == "written_in" for m in report(advert).matched)
    # a CV in another language shows no English
    german = "Erfahrener Entwickler mit zehn Jahren Erfahrung in der Softwareentwicklung und im Betrieb. " * 8
    assert english_prose(german, extractor.is_english) is None
    assert english_prose(CV, extractor.is_english) is not None


def test_degrees_named_with_their_award_form_one_either_or(extractor):
    from gapcheck.gaps.requirements import parse_groups

    text = "You will hold a Master of Science Degree or a PhD Degree in Engineering.\n"
    groups = parse_groups(text, extractor.extract(text))
    assert [sorted(g.names) for g in groups] == [["Master's degree", "PhD"]]
    # a PhD position or scholarship is what the advert offers, not a degree it asks for
    assert not any(m.name == "PhD" for m in extractor.extract("A 3-year PhD scholarship is available in our group."))
    assert any(m.name == "PhD" for m in extractor.extract("Applicants should hold a PhD in physics."))


def test_bare_bs_and_ms_are_degrees_only_beside_degree_words(extractor):
    names = lambda t: [m.name for m in extractor.extract(t)]  # noqa: E731
    assert names("BS MS or PhD in a quantitative discipline")[:2] == ["Bachelor's degree", "Master's degree"]
    assert "Master's degree" in names("an MS in Statistics")
    assert "Master's degree" not in names("MS Office and MS SQL") and "Bachelor's degree" not in names("BS 7671")
