"""Reading order on synthetic page geometry (no PDF involved)."""

from __future__ import annotations

from gapcheck.reading.pdf_layout import Seg, page_text


def seg(x0: float, top: float, text: str, width: float | None = None, h: float = 10) -> Seg:
    return Seg(x0, x0 + (width if width is not None else 5 * len(text)), top, top + h, text)


def test_dates_on_the_right_are_attached_to_their_entry() -> None:
    segs = [
        seg(50, 106, "Experience"),
        seg(50, 120, "Acme, Engineer"),
        seg(480, 120, "London", 80),
        seg(55, 133, "• Built the billing service in Go and"),
        seg(480, 133, "2020 – 2023", 80),
        seg(62, 146, "PostgreSQL"),
        seg(55, 159, "• Ran the on-call rota"),
        seg(50, 185, "Widgets, Intern"),
        seg(480, 185, "Leeds", 80),
        seg(55, 198, "• Wrote tests"),
        seg(480, 198, "2019", 80),
    ]
    assert page_text(segs) == (
        "Experience\n"
        "Acme, Engineer\tLondon\n2020 – 2023\n• Built the billing service in Go and\nPostgreSQL\n• Ran the on-call rota\n"
        "\n"
        "Widgets, Intern\tLeeds\n2019\n• Wrote tests"
    )


def test_dates_on_the_left_stay_with_the_title_not_the_heading() -> None:
    segs = [
        seg(150, 100, "Education"),
        seg(40, 116, "2014 – 2018", 70),
        seg(150, 116, "BSc Physics, Leeds"),
        seg(150, 129, "• First-class honours"),
        seg(150, 142, "• Dissertation on lasers"),
    ]
    assert page_text(segs) == (
        "Education\n2014 – 2018\tBSc Physics, Leeds\n• First-class honours\n• Dissertation on lasers"
    )


def test_a_table_is_read_row_by_row() -> None:
    rows = [
        ("2021", "2nd Place, GameDay", "Online"),
        ("2020", "Finalist, DEFCON", "Las Vegas"),
        ("2018", "Finalist, DEFCON", "Las Vegas"),
    ]
    segs = [seg(40, 106, "Awards")]
    for k, (year, title, place) in enumerate(rows):
        top = 120 + 13 * k
        segs += [seg(40, top, year, 20), seg(90, top, title), seg(480, top, place, 60)]
    assert page_text(segs) == (
        "Awards\n2021\t2nd Place, GameDay\tOnline\n2020\tFinalist, DEFCON\tLas Vegas\n2018\tFinalist, DEFCON\tLas Vegas"
    )


def test_true_columns_are_read_one_after_the_other() -> None:
    left = ["SKILLS", "Python", "SQL", None, "LANGUAGES", "English", "German", None, "HOBBIES", "Chess"]
    right = [
        "PROFILE",
        "I build data platforms and like it.",
        "Ten years of it.",
        None,
        None,
        "EXPERIENCE",
        "Data Lead, Foo",
        "• Built a lakehouse",
        "• Hired six people",
        "Engineer, Bar",
        "• Pipelines",
    ]
    segs = []
    for x, items, step in ((40, left, 14), (200, right, 13)):
        top = 100.0
        for text in items:
            if text is None:
                top += 20
                continue
            segs.append(seg(x, top, text))
            top += step
    text = page_text(segs)
    assert text.index("Chess") < text.index("PROFILE")
    assert "SKILLS\nPython\nSQL\n\nLANGUAGES\nEnglish\nGerman\n\nHOBBIES\nChess\n\nPROFILE\n" in text
    assert (
        "EXPERIENCE\nData Lead, Foo\n• Built a lakehouse\n• Hired six people\nEngineer, Bar\n• Pipelines"
        in text
    )


def test_rows_join_close_segments_with_a_space_and_far_ones_with_a_tab() -> None:
    segs = [seg(40, 100, "•", 3), seg(48, 100, "Introduced Okta"), seg(400, 100, "2020", 30)]
    assert page_text(segs) == "• Introduced Okta\t2020"


def test_rows_overlapping_slightly_stay_separate() -> None:
    segs = [seg(200, 20, "Claud D. Park", h=32), seg(230, 50, "DevOps Engineer", h=8)]
    assert page_text(segs) == "Claud D. Park\nDevOps Engineer"


def test_pathological_staircase_does_not_recurse_forever() -> None:
    segs = [seg(10 + 3 * k, 10 + 11 * k, f"w{k}", 20) for k in range(3000)]
    lines = page_text(segs).splitlines()
    assert len(lines) == 3000 and lines[0] == "w0" and lines[-1] == "w2999"


def test_empty_page() -> None:
    assert page_text([]) == ""
    assert page_text([seg(10, 10, "   ")]) == ""
