"""The ``gapcheck`` command: a thin layer over the library (see :mod:`gapcheck.api`).

    gapcheck CV ADVERT [--format table|json|markdown] [-o FILE]
    gapcheck skills FILE... [--format jsonl|json|table]

One module per command in this package; shared options in :mod:`gapcheck.cli.options`. Data goes to
standard output, messages to standard error. Exit status: 0 ok, 1 an input was refused (the message names
the file and the problem), 2 usage error, 3 internal error.
"""

from __future__ import annotations

import os
import re
import sys

import typer

from gapcheck.errors import GapcheckError

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="How your CV stands against a job advert: matched skills, gaps, over-stretched claims and what "
    "to fix first. Runs fully offline.",
)

# Importing the command modules registers their commands on ``app``.
from gapcheck.cli import analyze as _analyze  # noqa: E402,F401
from gapcheck.cli import followup as _followup  # noqa: E402,F401
from gapcheck.cli import skills as _skills  # noqa: E402,F401
from gapcheck.cli import screen as _screen  # noqa: E402,F401

#: Commands; anything else as the first argument means ``analyze`` (``gapcheck CV ADVERT``).
COMMANDS = {name for name in (c.name for c in app.registered_commands) if name}


def main(argv: list[str] | None = None) -> None:
    """Entry point: ``gapcheck CV ADVERT`` runs ``analyze``; errors become one line on stderr."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in COMMANDS and (args[0] == "-" or not args[0].startswith("-")):
        args.insert(0, "analyze")
    try:
        rc = app(args=args, prog_name="gapcheck", standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except GapcheckError as e:
        # One line whatever the message holds: control characters (a newline in a file name) are escaped.
        msg = re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: repr(m.group())[1:-1], str(e))
        print(f"gapcheck: error: {msg}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("gapcheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as e:  # click usage errors and anything unexpected
        # typer ships its own copy of click, so match click's exceptions by what they offer.
        if hasattr(e, "show") and isinstance(getattr(e, "exit_code", None), int):
            e.show()  # usage errors: "Usage: ... Error: Missing argument 'ADVERT'."
            sys.exit(e.exit_code)
        if type(e).__name__ == "Abort":
            print("gapcheck: aborted", file=sys.stderr)
            sys.exit(1)
        if os.environ.get("GAPCHECK_DEBUG"):
            raise
        msg = " ".join(str(e).split())[:300]
        print(f"gapcheck: internal error: {type(e).__name__}: {msg} (set GAPCHECK_DEBUG=1 for details)",
              file=sys.stderr)
        sys.exit(3)
