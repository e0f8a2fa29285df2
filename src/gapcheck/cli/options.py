"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

from gapcheck.errors import GapcheckError

HELP_OUTPUT = "Write to this file instead of standard output."


class DocType(str, Enum):
    auto = "auto"
    cv = "cv"
    advert = "advert"


def emit(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            raise GapcheckError(f"cannot write the report ({e.strerror or e})", source=str(output)) from None


