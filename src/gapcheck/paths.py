"""Where gapcheck finds its compiled models.

``models/`` sits at the top of the repository (built by ``scripts/build_models.py``). An editable install
finds it next to ``src/``; any other install points ``GAPCHECK_MODELS_DIR`` at a built copy.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from gapcheck.errors import ModelsMissingError

ENV_VAR = "GAPCHECK_MODELS_DIR"


@lru_cache(maxsize=None)
def models_dir() -> Path:
    """Return the directory holding ``MANIFEST.json`` and the compiled tables.

    Raises:
        ModelsMissingError: if no built models directory can be found.
    """
    env = os.environ.get(ENV_VAR)
    candidates = [Path(env)] if env else []
    candidates.append(Path(__file__).resolve().parents[2] / "models")
    for c in candidates:
        if (c / "MANIFEST.json").is_file():
            return c
    where = candidates[0]
    raise ModelsMissingError(
        "compiled models not found; run `make models` (or python scripts/build_models.py) first",
        source=str(where),
    )
