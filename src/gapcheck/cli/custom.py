"""The ``--skills FILE`` option shared by the commands that extract skills."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

SkillsOption = Annotated[
    Optional[list[Path]],
    typer.Option("--skills", help="Your own skills (JSONL or CSV, see README); repeatable. Adds to the "
                 "files named in gapcheck.toml."),
]


def custom_skill_files(skills: Optional[list[Path]]) -> tuple[str, ...]:
    """The custom-skill files to use: the config file's, then those given with --skills."""
    from gapcheck.config import load_config

    files = list(load_config().custom_skills)
    files += [str(p) for p in (skills or [])]
    return tuple(dict.fromkeys(files))


def extractor_for(skills: Optional[list[Path]]):
    """The extractor with the custom skills loaded (errors name the file and line)."""
    from gapcheck.extraction import load_extractor

    return load_extractor(custom_skills=custom_skill_files(skills))
