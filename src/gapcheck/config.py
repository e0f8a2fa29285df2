"""gapcheck's config file: where your custom skills live, so you need not pass ``--skills`` each time.

Looked for, first found wins: the file in ``GAPCHECK_CONFIG``, ``./gapcheck.toml``, then
``~/.config/gapcheck/config.toml``::

    [skills]
    custom = ["my_trade_skills.jsonl", "/abs/path/tools.csv"]   # relative to the config file

Unknown sections or keys are errors (a typo should not be silently ignored).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from gapcheck.errors import DataFileError

ENV_VAR = "GAPCHECK_CONFIG"
_ALLOWED = {"skills": {"custom"}}


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    custom_skills: tuple[str, ...] = field(default=())


def config_path() -> Path | None:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    for p in (Path.cwd() / "gapcheck.toml", Path.home() / ".config" / "gapcheck" / "config.toml"):
        if p.is_file():
            return p
    return None


def load_config(path: str | Path | None = None) -> Config:
    """The config (empty when there is no file). Raises ``DataFileError`` naming the file and problem."""
    p = Path(path) if path else config_path()
    if p is None:
        return Config()
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError("config file not found", source=str(p)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(f"cannot read config file ({e})", source=str(p)) from None
    except tomllib.TOMLDecodeError as e:
        raise DataFileError(f"invalid TOML ({e})", source=str(p)) from None
    for section, value in data.items():
        if section not in _ALLOWED or not isinstance(value, dict):
            raise DataFileError(f"unknown section [{section}]; allowed: {sorted(_ALLOWED)}", source=str(p))
        unknown = set(value) - _ALLOWED[section]
        if unknown:
            raise DataFileError(f"unknown key(s) {sorted(unknown)} in [{section}]", source=str(p))
    custom = data.get("skills", {}).get("custom", [])
    if not isinstance(custom, list) or not all(isinstance(c, str) for c in custom):
        raise DataFileError("[skills] custom must be a list of file paths", source=str(p))
    base = p.parent
    return Config(p, tuple(str((base / c) if not Path(c).is_absolute() else Path(c)) for c in custom))
