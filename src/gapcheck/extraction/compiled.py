"""The compiled skill tables in ``models/``: their schema, validation and loading.

``scripts/build_models.py`` writes them; :func:`load_compiled` reads them (plain JSON, nothing unpickled).
The validators here are shared by the build script and by the loader of user-supplied custom skills, so a
rule file is checked the same way wherever it comes from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from gapcheck.errors import DataFileError, ModelsMissingError
from gapcheck.paths import models_dir

FORMAT_VERSION = 5

#: tokens that are transparent when matching: "front-end" matches "front end" and "frontend" is an alias
TRANSPARENT_TOKENS = frozenset({"-", "\u2010", "\u2011"})


def phrase_key_tokens(tokens: list[str]) -> list[str]:
    """Lower-case tokens as the matcher compares them, with hyphens made transparent."""
    return [t.lower() for t in tokens if t not in TRANSPARENT_TOKENS and not t.isspace()]


_CURATED_KEYS = {"name", "kind", "aliases", "display", "tech", "id", "domain", "credential", "trait"}
_AMBIGUOUS_KEYS = {"alias", "forms", "accept_near_tech", "accept_next", "accept_prev", "block_next",
                   "block_prev", "why"}
_TOKEN_ATTRS = {"LOWER", "LEMMA", "IS_ALPHA", "IS_PUNCT", "OP", "ORTH", "TEXT", "IS_DIGIT", "LIKE_NUM"}


def jsonl_rows(lines, path: Path | str):
    """``(line number, object)`` for each JSON line; blank lines, ``//`` lines and ``{"_comment": ...}``
    rows are skipped; a bad line raises ``DataFileError`` naming the file and line. Shared by the build
    script (curation files) and by custom-skill loading."""
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataFileError(f"line {lineno}: invalid JSON ({e.msg})", source=str(path)) from None
        if not isinstance(row, dict):
            raise DataFileError(f"line {lineno}: expected a JSON object", source=str(path))
        if "_comment" in row:
            continue
        yield lineno, row


def _fail(path: Path | str, lineno: int, msg: str) -> DataFileError:
    return DataFileError(f"line {lineno}: {msg}", source=str(path))


def validate_curated_row(row: dict[str, Any], path: Path | str, lineno: int) -> None:
    """Check one curated/custom skill row: ``{"name", "kind", "aliases"?, "display"?, "tech"?, "id"?}``."""
    unknown = set(row) - _CURATED_KEYS
    if unknown:
        raise _fail(path, lineno, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_CURATED_KEYS)}")
    if not isinstance(row.get("name"), str) or not row["name"].strip():
        raise _fail(path, lineno, "'name' must be a non-empty string")
    if row.get("kind") not in ("hard", "soft"):
        raise _fail(path, lineno, "'kind' must be \"hard\" or \"soft\"")
    al = row.get("aliases", [])
    if not isinstance(al, list) or not all(isinstance(a, str) and a.strip() for a in al):
        raise _fail(path, lineno, "'aliases' must be a list of non-empty strings")
    for k in ("display", "id"):
        if k in row and (not isinstance(row[k], str) or not row[k].strip()):
            raise _fail(path, lineno, f"'{k}' must be a non-empty string")
    if row.get("credential") not in (None, "degree", "certification"):
        raise _fail(path, lineno, "'credential' must be \"degree\" or \"certification\"")
    for k in ("tech", "domain", "trait"):
        if k in row and not isinstance(row[k], bool):
            raise _fail(path, lineno, f"'{k}' must be true or false")


def validate_ambiguous_rule(row: dict[str, Any], path: Path | str, lineno: int) -> None:
    """Check one context rule for an ambiguous alias."""
    unknown = set(row) - _AMBIGUOUS_KEYS
    if unknown:
        raise _fail(path, lineno, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_AMBIGUOUS_KEYS)}")
    if not isinstance(row.get("alias"), str) or not row["alias"].strip():
        raise _fail(path, lineno, "'alias' must be a non-empty string")
    for k in ("forms", "accept_next", "accept_prev", "block_next", "block_prev"):
        v = row.get(k, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise _fail(path, lineno, f"'{k}' must be a list of strings")
    if not isinstance(row.get("accept_near_tech", False), bool):
        raise _fail(path, lineno, "'accept_near_tech' must be true or false")


def validate_token_pattern_row(row: dict[str, Any], path: Path | str, lineno: int) -> None:
    """Check one spaCy Matcher token pattern row: ``{"skill": name, "pattern": [ {...}, ... ]}``."""
    unknown = set(row) - {"skill", "pattern", "why"}
    if unknown:
        raise _fail(path, lineno, f"unknown key(s) {sorted(unknown)}")
    if not isinstance(row.get("skill"), str):
        raise _fail(path, lineno, "'skill' must be a skill name")
    pat = row.get("pattern")
    if not isinstance(pat, list) or not pat or not all(isinstance(t, dict) and t for t in pat):
        raise _fail(path, lineno, "'pattern' must be a non-empty list of token objects")
    for t in pat:
        bad = set(t) - _TOKEN_ATTRS
        if bad:
            raise _fail(path, lineno, f"unsupported token attribute(s) {sorted(bad)}")
        if t.get("OP", "1") not in ("1", "?", "*", "+", "!"):
            raise _fail(path, lineno, f"bad OP {t.get('OP')!r}")


class SkillRecord(NamedTuple):
    """One skill of the compiled table (a NamedTuple: 23,000 of them load in a few milliseconds)."""

    id: str
    name: str
    kind: str
    tech: bool
    #: an industry or field ("financial services", "retail"): a requirement only where the advert asks
    domain: bool = False
    #: ``degree`` or ``certification`` for credentials, else None
    credential: str | None = None
    #: a personality trait ("passionate", "hands-on"): extracted, never reported as a gap or a claim
    trait: bool = False
    #: the name in plain words ("mentoring" for ESCO's "advise others")
    plain: str = ""
    #: fields of work (ESCO knowledge areas and skill groups, O*NET occupation groups), for field similarity
    fields: tuple[str, ...] = ()


_COLUMNS = ("id", "name", "kind", "tech", "domain", "credential", "trait", "plain", "fields")


class SkillTable:
    """The skill table as columns; a :class:`SkillRecord` is built when a row is asked for.

    Building 23,000 records up front cost ~0.05 s of every start; a run looks at a few hundred.
    """

    def __init__(self, columns: dict[str, list]) -> None:
        self.columns = columns
        self._n = len(columns["id"])
        self._cache: dict[int, SkillRecord] = {}

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> SkillRecord:
        rec = self._cache.get(i)
        if rec is None:
            if not -self._n <= i < self._n:
                raise IndexError(i)
            c = self.columns
            fields = c["fields"][i]
            rec = SkillRecord(c["id"][i], c["name"][i], c["kind"][i], c["tech"][i], c["domain"][i],
                              c["credential"][i], c["trait"][i], c["plain"][i] or c["name"][i],
                              tuple(fields.split(";")) if fields else ())
            self._cache[i] = rec
        return rec

    def __iter__(self):
        return (self[i] for i in range(self._n))

    def column(self, name: str) -> list:
        return self.columns[name]

    def extended(self, records: list[SkillRecord]) -> "SkillTable":
        """A new table with ``records`` appended (custom skills)."""
        cols = {k: list(v) for k, v in self.columns.items()}
        for r in records:
            for k in _COLUMNS:
                v = getattr(r, k)
                cols[k].append(";".join(v) if k == "fields" else v)
        return SkillTable(cols)


@dataclass(frozen=True)
class CompiledSkills:
    """Everything the skill matcher needs, as loaded from ``models/``."""

    skills: SkillTable
    lower: dict[str, int]
    lemma: dict[str, int]
    first_lower: dict[str, int]
    first_lemma: dict[str, int]
    ambiguous: dict[str, dict[str, Any]]
    token_patterns: list[dict[str, Any]]
    lemmas: dict[str, str]
    #: "verb object" lemma pairs of ESCO skill phrases -> skill index (see the build script)
    pairs: dict[str, int] = None  # type: ignore[assignment]
    #: the first two words of each key of three or more words -> the most words such a key has
    #: (see :func:`two_word_prefixes`), for ``lower`` and ``lemma``
    second_lower: dict[str, int] = None  # type: ignore[assignment]
    second_lemma: dict[str, int] = None  # type: ignore[assignment]
    #: the first word of each key of two or more words -> the words that come second in such keys,
    #: space-joined (see :func:`second_words`), for ``lower`` and ``lemma``
    next_lower: dict[str, str] = None  # type: ignore[assignment]
    next_lemma: dict[str, str] = None  # type: ignore[assignment]

    @property
    def pair_objects(self) -> dict[str, dict[str, int]]:
        """``pairs`` by verb: verb lemma -> object lemma -> skill index (``pairs.get(verb + " " + obj)`` is
        ``pair_objects[verb].get(obj)`` for a verb without spaces, with no string built per look-up)."""
        v = self.__dict__.get("_pair_objects")
        if v is None:
            v = {}
            for key, sk in (self.pairs or {}).items():
                verb, space, obj = key.partition(" ")
                if space:
                    v.setdefault(verb, {})[obj] = sk
            object.__setattr__(self, "_pair_objects", v)
        return v

    def by_id(self) -> dict[str, int]:
        return {sid: i for i, sid in enumerate(self.skills.column("id"))}


def _read_json(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise ModelsMissingError("missing; run `make models`", source=str(path)) from None
    except (OSError, json.JSONDecodeError) as e:
        raise ModelsMissingError(f"unreadable ({e}); run `make models`", source=str(path)) from None
    if not isinstance(data, dict) or data.get("format") not in (FORMAT_VERSION, 1):
        raise ModelsMissingError("built by another version of gapcheck; run `make models`", source=str(path))
    return data


@lru_cache(maxsize=4)
def load_compiled(directory: str | None = None) -> CompiledSkills:
    """Load (once per process) the compiled skill tables."""
    d = Path(directory) if directory else models_dir()
    sk = _read_json(d / "skills.json")
    ph = _read_json(d / "phrases.json")
    col = sk["columns"]
    n = len(col["id"])
    for k, default in (("domain", False), ("credential", None), ("trait", False), ("plain", None),
                       ("fields", "")):
        if k not in col:
            col[k] = [default] * n
    skills = SkillTable(col)
    lower, lemma = _table(ph["lower"]), _table(ph["lemma"])
    return CompiledSkills(
        skills=skills, lower=lower, lemma=lemma, first_lower=_table(ph["first_lower"]),
        first_lemma=_table(ph["first_lemma"]), ambiguous=ph["ambiguous"], token_patterns=ph["token_patterns"],
        lemmas=_table(ph["lemmas"]), pairs=_table(ph["pairs"]) if "pairs" in ph else {},
        second_lower=_table(ph["second_lower"]), second_lemma=_table(ph["second_lemma"]),
        # (models built before the second-word tables: derived here, at some cost to every start)
        next_lower=_table(ph["next_lower"]) if "next_lower" in ph else second_words(lower),
        next_lemma=_table(ph["next_lemma"]) if "next_lemma" in ph else second_words(lemma),
    )


def two_word_prefixes(keys) -> dict[str, int]:
    """The first two words of each key of three or more words -> the most words such a key has. The
    matcher stops growing a candidate phrase at its second word unless some phrase starts with those
    two words. Built with the tables (scripts/build_models.py): at ~100,000 keys it costs ~70 ms."""
    out: dict[str, int] = {}
    for k in keys:
        parts = k.split(" ", 2)
        if len(parts) == 3:
            two = parts[0] + " " + parts[1]
            words = k.count(" ") + 1
            if out.get(two, 0) < words:
                out[two] = words
    return out


def second_words(keys) -> dict[str, str]:
    """The first word of each key of two or more words -> the words that come second in such keys, sorted
    and joined by spaces (no key's word holds a space). The matcher looks a candidate phrase up beyond its
    first word only when the next word is one of these: most words that start a phrase are followed by
    none of their phrases' second words. Built with the tables (scripts/build_models.py)."""
    sets: dict[str, set[str]] = {}
    for k in keys:
        parts = k.split(" ", 2)
        if len(parts) >= 2:
            sets.setdefault(parts[0], set()).add(parts[1])
    return {first: " ".join(sorted(words)) for first, words in sets.items()}


def _table(t: dict[str, Any]) -> dict[str, Any]:
    """A key/value table stored as ``{"keys": "k1\\nk2...", "values": [...]}``."""
    keys = t["keys"].split("\n") if t["keys"] else []
    if len(keys) != len(t["values"]):
        raise ModelsMissingError("a phrase table is damaged; run `make models`")
    return dict(zip(keys, t["values"]))


@lru_cache(maxsize=1)
def _english_table(directory: str | None) -> dict[str, Any]:
    """models/english.json, read once for both of its lists."""
    d = Path(directory) if directory else models_dir()
    return _read_json(d / "english.json")


@lru_cache(maxsize=1)
def load_verbs(directory: str | None = None) -> frozenset[str]:
    """Base forms of English verbs (lower case), for telling a duty ("Fit and set up ...") from a name."""
    data = _english_table(directory)
    if not isinstance(data.get("verbs"), str):
        raise ModelsMissingError("models/english.json has no verb list; run `make models`")
    return frozenset(data["verbs"].split("\n"))


@lru_cache(maxsize=1)
def load_english(directory: str | None = None) -> frozenset[str]:
    """Ordinary English words (lower case), for telling product names from words."""
    return frozenset(_english_table(directory)["words"].split("\n"))


@lru_cache(maxsize=1)
def load_word_logprob(directory: str | None = None) -> dict[str, float]:
    """How common each ordinary English word is (a log probability); words off the list are rarer."""
    data = _english_table(directory)
    if not isinstance(data.get("logprob"), str):
        raise ModelsMissingError("models/english.json has no word frequencies; run `make models`")
    words = data["words"].split("\n")
    return {w: int(lp) / 10 for w, lp in zip(words, data["logprob"].split(",")) if lp}
