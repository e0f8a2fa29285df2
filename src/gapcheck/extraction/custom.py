"""Your own skills: trades and tools our taxonomies miss, added from a JSONL or CSV file.

JSONL, one skill a line (the same schema as ``data/curation/skills.jsonl``)::

    {"name": "Hot work permits", "kind": "hard", "aliases": ["hot-work permit", "HWP"]}

CSV with a header row: ``name,kind,aliases`` (aliases separated by ``|``)::

    name,kind,aliases
    Hot work permits,hard,hot-work permit|HWP

Each row becomes a ``custom:<slug>`` skill; a custom alias that the taxonomy also has is taken by the
custom skill (you asked for it). Files are validated when loaded; an error names the file and the line.
Point gapcheck at them with ``--skills FILE`` (repeatable) or in a config file (see
:mod:`gapcheck.config`).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path

from gapcheck.errors import DataFileError
from gapcheck.extraction.compiled import (
    CompiledSkills,
    SkillRecord,
    jsonl_rows,
    phrase_key_tokens,
    validate_curated_row,
)

#: Most custom skills a file may hold (a guard against pointing --skills at the wrong file).
MAX_ROWS = 50_000


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def read_custom_rows(path: str | Path) -> list[dict]:
    """Rows of a custom-skills file, validated; ``DataFileError`` names the file and line."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise DataFileError("custom skills file not found", source=str(path)) from None
    except OSError as e:
        raise DataFileError(f"cannot read custom skills file ({e.strerror or e})", source=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError("custom skills file is not UTF-8 text", source=str(path)) from None
    rows: list[tuple[int, dict]] = []
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        rows.extend(jsonl_rows(text.splitlines(), path))
    elif suffix in (".csv", ".tsv"):
        reader = csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ",")
        if not reader.fieldnames or "name" not in reader.fieldnames:
            raise DataFileError("line 1: expected a header row with at least 'name' (and 'kind', 'aliases')",
                                source=str(path))
        unknown = set(reader.fieldnames) - {"name", "kind", "aliases"}
        if unknown:
            raise DataFileError(f"line 1: unknown column(s) {sorted(unknown)}; allowed: name, kind, aliases",
                                source=str(path))
        for i, r in enumerate(reader, 2):
            row = {"name": (r.get("name") or "").strip(), "kind": (r.get("kind") or "hard").strip().lower()}
            aliases = [a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()]
            if aliases:
                row["aliases"] = aliases
            rows.append((i, row))
    else:
        raise DataFileError("custom skills must be a .jsonl or .csv file", source=str(path))
    if len(rows) > MAX_ROWS:
        raise DataFileError(f"more than {MAX_ROWS} custom skills; is this the right file?", source=str(path))
    out = []
    for lineno, row in rows:
        row.setdefault("kind", "hard")
        validate_curated_row(row, path, lineno)
        out.append(row)
    return out


def with_custom_skills(compiled: CompiledSkills, files: list[str | Path], tokenize) -> CompiledSkills:
    """A copy of ``compiled`` that also matches the skills in ``files`` (the cached tables stay as
    they are). ``tokenize`` turns a string into token texts, as the pipeline's tokenizer does."""
    new_records: list[SkillRecord] = []
    n0 = len(compiled.skills)
    lower = dict(compiled.lower)
    first = dict(compiled.first_lower)
    second = dict(compiled.second_lower)
    nxt = dict(compiled.next_lower)
    seen_ids = set(compiled.skills.column("id"))
    for f in files:
        for row in read_custom_rows(f):
            sid = "custom:" + _slug(row["name"])
            if sid in seen_ids:
                continue
            seen_ids.add(sid)
            idx = n0 + len(new_records)
            new_records.append(SkillRecord(sid, row.get("display") or row["name"], row["kind"],
                                           row["kind"] == "hard", plain=row["name"]))
            for alias in [row["name"], *row.get("aliases", [])]:
                toks = phrase_key_tokens(tokenize(alias))
                if not toks:
                    continue
                key = " ".join(toks)
                lower[key] = idx
                first[toks[0]] = max(first.get(toks[0], 0), len(toks))
                if len(toks) >= 2:
                    seconds = nxt[toks[0]].split(" ") if toks[0] in nxt else []
                    if toks[1] not in seconds:
                        nxt[toks[0]] = " ".join(sorted(seconds + [toks[1]]))
                if len(toks) >= 3:
                    two = toks[0] + " " + toks[1]
                    second[two] = max(second.get(two, 0), len(toks))
    return replace(compiled, skills=compiled.skills.extended(new_records), lower=lower, first_lower=first,
                   second_lower=second, next_lower=nxt)
