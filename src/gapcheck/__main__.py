"""``python -m gapcheck``: the same as the ``gapcheck`` command."""

from gapcheck.cli import main

main()
