"""The skill matcher on the traps users complain about, and on the offsets contract."""

from __future__ import annotations

import pytest


def names(extractor, text):
    return [(m.text, m.name) for m in extractor.extract(text)]


def found(extractor, text):
    return {m.name for m in extractor.extract(text)}


@pytest.mark.parametrize("text, absent", [
    ("I excel at building relationships with customers.", "Microsoft Excel"),
    ("She will go the extra mile for every patient.", "Go"),
    ("Go ahead and apply today.", "Go"),
    ("Employees get access to training and a gym.", "Microsoft Access"),
    ("Start date: spring 2025; the spring season is busy.", "Spring"),
    ("We react quickly to incidents.", "React"),
    ("Excellent written English is essential.", "Microsoft Excel"),
    ("Grade C or above in GCSE Maths.", "C"),
    ("Take 5 ml of the solution.", "machine learning"),
])
def test_ordinary_words_are_not_technologies(extractor, text, absent):
    assert absent not in found(extractor, text)


@pytest.mark.parametrize("text, present", [
    ("Languages: Python, Go, Java, C, R and SQL.", {"Go", "C", "R", "SQL"}),
    ("Strong Excel skills and advanced Excel modelling.", {"Microsoft Excel"}),
    ("Backend services in Python and Go on AWS.", {"Go", "Amazon Web Services"}),
    ("Nice to have: Go or Rust.", {"Go", "Rust"}),
    ("Built APIs with Spring Boot on Kubernetes (k8s) and Postgres.", {"Spring Boot", "Kubernetes",
                                                                        "PostgreSQL"}),
    ("Front-end work in React, Node.js and TypeScript.", {"React", "Node.js", "TypeScript"}),
])
def test_technologies_are_found(extractor, text, present):
    assert present <= found(extractor, text)


def test_java_is_not_found_inside_javascript(extractor):
    ms = extractor.extract("Five years of JavaScript and TypeScript.")
    assert "JavaScript" in {m.name for m in ms}
    assert not any(m.name.startswith("Java (") for m in ms)


def test_hyphen_and_space_variants_are_one_skill(extractor):
    a = {m.skill_id for m in extractor.extract("front-end development")}
    b = {m.skill_id for m in extractor.extract("front end development")}
    assert a and a == b


def test_soft_skill_phrasings_use_lemmas(extractor):
    got = found(extractor, "She communicates clearly, works well under pressure and mentored junior staff.")
    assert {"communication", "cope with stress", "advise others"} <= got
    kinds = {m.name: m.kind for m in extractor.extract("strong communication skills and a team player")}
    assert kinds.get("communication") == "soft"
    assert kinds.get("work in teams") == "soft"


@pytest.mark.parametrize("text", [
    "BS, MS or PhD in a quantitative or computational discipline.",  # "disciplined" as a lemma
    "The Faculty determines the distribution of the various assignments.",  # "determined"
    "For more information please contact the Head of Department, Dr Jane Smith.",
    "The Personalised Medicine project is an initiative between two regions.",
    "Provide strategic advice to priority initiatives as defined by the director.",
    "In the longer term the ambition is to reduce the time spent on manual tasks.",
    "To pursue our ambitious expansion strategy we are looking for a developer.",
])
def test_ordinary_senses_of_soft_skill_words_are_no_soft_skills(extractor, text):
    assert not [m for m in extractor.extract(text) if m.kind == "soft"]


def test_soft_skill_words_in_their_own_sense_are_found(extractor):
    got = found(extractor, "A disciplined, determined self-starter who shows initiative and ambition; "
                           "you will head the support team.")
    assert {"work in an organised manner", "show determination", "show initiative", "lead others"} <= got


def test_ignore_phrases_swallow_the_skill_inside(extractor):
    got = found(extractor, "Apply through the Office of Personnel Management website.")
    assert "personnel management" not in {n.lower() for n in got}


def test_offsets_index_the_text_exactly(extractor):
    text = "Résumé\n• Python — pandas, NumPy\r\n• Kubernetes\t(k8s)  and Terraform\n\n"
    ms = extractor.extract(text)
    assert len(ms) >= 5
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert m.kind in ("hard", "soft")
        assert m.skill_id.split(":")[0] in ("esco", "onet", "gapcheck", "custom")


def test_phrases_do_not_span_line_breaks(extractor):
    # "machine" ends one line and "learning" starts the next: not "machine learning".
    ms = extractor.extract("Operated the packing machine\nLearning new procedures quickly")
    assert "machine learning" not in {m.name for m in ms}


def test_extract_texts_streams_in_order(extractor):
    texts = ["Python and SQL", "", "Kubernetes", "nothing here"]
    out = list(extractor.extract_texts(texts))
    assert [len(x) for x in out][1] == 0
    assert {m.name for m in out[2]} == {"Kubernetes"}
    assert len(out) == 4


def test_a_chef_in_a_kitchen_is_not_the_chef_tool(extractor):
    text = "Sous Chef\nSupport our Head Chef with Kitchen CUT stock software; run the pass in the Head Chef's absence."
    assert not [n for n in found(extractor, text) if n.startswith("Chef")]
    assert [n for n in found(extractor, "Configuration management with Ansible, Chef or Puppet.") if n.startswith("Chef")]


def test_testing_of_other_things_is_not_software_testing(extractor):
    text = "Support external audits, including SOX controls testing; annual backflow testing and PAT testing."
    assert "Software testing" not in found(extractor, text)
    assert "Software testing" in found(extractor, "Design, development and testing of Java services.")


def test_an_ambiguous_name_glued_by_a_hyphen_is_part_of_a_compound(extractor):
    assert not found(extractor, "Paramedics who hold the FP-C or CCP-C; C-suite reporting.") & {"C"}
    assert "C" in found(extractor, "Embedded programming in C and Python.")


def test_lower_case_tags_in_a_job_boards_technology_field_are_names(extractor):
    text = "Technologies\ntypescript node.js react go\nJob description\nWe react quickly and go far."
    got = [(m.text, m.name) for m in extractor.extract(text)]
    assert ("react", "React") in got and ("go", "Go") in got
    assert [m.start for m in extractor.extract(text) if m.name in ("React", "Go")] == [
        text.index("react"), text.index("go")]  # not in the sentence after the field
    assert {"C", "REST"} <= found(extractor, "Technologies: linux embedded c rest")
    assert "React" in found(extractor, "Technologies:\nreact\n")
