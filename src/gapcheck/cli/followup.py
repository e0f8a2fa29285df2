"""``gapcheck followup CV ADVERT``: a thank-you and feedback-request email draft, as plain text."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from gapcheck.cli import app
from gapcheck.cli.analyze import HELP_ADVERT, HELP_CV
from gapcheck.cli.custom import SkillsOption, extractor_for
from gapcheck.cli.options import HELP_OUTPUT, emit


@app.command("followup")
def followup_cmd(
    cv: Annotated[str, typer.Argument(help=HELP_CV, show_default=False, metavar="CV")],
    advert: Annotated[str, typer.Argument(help=HELP_ADVERT, show_default=False, metavar="ADVERT")],
    company: Annotated[Optional[str], typer.Option("--company", help="The company's name.")] = None,
    interviewer: Annotated[Optional[str], typer.Option("--interviewer", help="Who to address, e.g. 'Ms Patel'.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="Your name (default: the CV's first line).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=HELP_OUTPUT)] = None,
    skills: SkillsOption = None,
) -> None:
    """Draft a polite thank-you email that asks the specific feedback questions the analysis raises.

    Example: gapcheck followup cv.pdf advert.txt --company Acme --interviewer "Ms Patel"
    """
    from gapcheck.api import analyze
    from gapcheck.gaps.followup import followup_email

    from gapcheck.reading import read_document

    # Read both files before loading the pipeline, so a bad file is reported at once.
    cv_doc, ad_doc = read_document(cv), read_document(advert)
    report = analyze(cv_doc, ad_doc, extractor=extractor_for(skills))
    emit(followup_email(report, company=company, interviewer=interviewer, candidate=name), output)
