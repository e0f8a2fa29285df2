"""Section and requirement-cue rules, read from the JSON data files in ``rules/``.

Following medspaCy's idea of section rules as data, each heading rule is a small JSON object::

    {"literal": "work experience", "category": "experience"}
    {"pattern": "^(professional|work|employment)\\s+(history|experience)$", "category": "experience"}

Files (shipped as package data, ``gapcheck/sectioning/rules/``):

``cv_sections.json`` / ``advert_sections.json``
    ``{"doc_type": "cv"|"advert", "lead_category": str, "description": str?, "rules": [rule, ...]}``.
    A rule has exactly one of ``literal`` (matched exactly against the normalised heading, after
    normalising the literal the same way) or ``pattern`` (a Python regular expression that must match
    the *whole* normalised heading), a ``category`` (one of the document type's categories, see
    :data:`CV_CATEGORIES` / :data:`ADVERT_CATEGORIES`), and optionally ``inline`` (bool, default true:
    whether the rule may also label a "Heading: rest of line" line) and ``comment`` (str, ignored).
    Literal rules win over pattern rules; patterns are tried in file order, first match wins.

``requirement_cues.json``
    ``{"description": str?, "cues": [cue, ...]}``. A cue has exactly one of ``literal`` (a phrase,
    matched case-insensitively on word boundaries) or ``pattern`` (a regular expression, matched
    case-insensitively), a ``level`` (``required`` or ``preferred``), and optionally ``explicit``
    (bool, default false: a required cue strong enough to override a ``preferred`` section, e.g.
    "must"), ``scope`` (``forward``: governs mentions after it, "ideally X"; ``backward``: mentions
    before it, "X is a plus"; ``both``, the default) and ``comment``.

Any problem (bad JSON, unknown key, wrong type, unknown category, bad regex, duplicate literal) raises
:class:`gapcheck.errors.DataFileError` naming the file, the rule's index and its line in the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from gapcheck.errors import DataFileError
from gapcheck.sectioning.headings import normalize_heading, squash

CV_CATEGORIES: tuple[str, ...] = (
    "header",
    "summary",
    "experience",
    "education",
    "skills",
    "projects",
    "certifications",
    "other",
)
ADVERT_CATEGORIES: tuple[str, ...] = (
    "about",
    "responsibilities",
    "requirements",
    "preferred",
    "benefits",
    "other",
)
CATEGORIES: dict[str, tuple[str, ...]] = {"cv": CV_CATEGORIES, "advert": ADVERT_CATEGORIES}
LEVELS: tuple[str, ...] = ("required", "preferred")

SECTION_FILES: dict[str, str] = {"cv": "cv_sections.json", "advert": "advert_sections.json"}
CUES_FILE = "requirement_cues.json"

_SECTION_TOP_KEYS = {"doc_type", "lead_category", "description", "rules"}
_SECTION_RULE_KEYS = {"literal", "pattern", "category", "inline", "comment"}
_CUE_TOP_KEYS = {"description", "cues"}
_CUE_KEYS = {"literal", "pattern", "level", "explicit", "scope", "comment"}
SCOPES: tuple[str, ...] = ("forward", "backward", "both")
#: the joints of a compound heading ("education and certificates", "tools, languages")
_COMPOUND_SPLIT = re.compile(r"\s*(?:,|/|\band\b)\s*")


@dataclass(frozen=True)
class SectionRules:
    """The compiled heading rules of one document type."""

    doc_type: str
    lead_category: str
    literals: dict[str, tuple[str, bool]]  # normalised literal -> (category, inline)
    squashed: dict[str, tuple[str, bool]]  # literal without spaces -> (category, inline)
    pattern: re.Pattern[str] | None  # all pattern rules as one alternation of named groups r0, r1 ...
    pattern_targets: dict[str, tuple[str, bool]]  # group name -> (category, inline)
    source: str

    def match(self, normalized: str, *, squashed: bool = False) -> tuple[str, bool] | None:
        """The (category, inline) of the first rule matching a normalised heading, or None."""
        hit = self.literals.get(normalized)
        if hit is not None:
            return hit
        if self.pattern is not None:
            m = self.pattern.fullmatch(normalized)
            if m is not None:
                return self.pattern_targets[m.lastgroup]  # type: ignore[index]
        if squashed:
            return self.squashed.get(squash(normalized))
        if " and " in normalized or "," in normalized or "/" in normalized:
            return self._compound(normalized)
        return None

    def _compound(self, normalized: str) -> tuple[str, bool] | None:
        """A heading joining known headings ("education and certificates", "skills, tools / languages"):
        in a CV the first part's category (the CV reads on under it); in an advert only when all parts
        agree, because "responsibilities and benefits" would put one of them in the wrong place."""
        parts = [p for p in _COMPOUND_SPLIT.split(normalized) if p]
        if len(parts) < 2:
            return None
        hits = [self.match(p) for p in parts]
        if any(h is None for h in hits):
            return None
        categories = {h[0] for h in hits}  # type: ignore[index]
        if len(categories) > 1 and self.doc_type != "cv":
            return None
        return hits[0][0], all(h[1] for h in hits)  # type: ignore[index]


@dataclass(frozen=True)
class CueRules:
    """The compiled requirement cues.

    ``regex`` is every cue in one alternation without capturing groups (with one named group per cue
    it runs some twenty times slower); :meth:`find` tells which cue matched by trying the cues one by
    one, in the alternation's order, at the few places where the alternation matched. When every cue
    can only start where a word starts and with known letters (the shipped ones, see
    :func:`_first_letters`), the alternation is tried only where a word starts, and there only the cues
    that can start with its letter, in their order: the same matches in about a third of the time.
    """

    regex: re.Pattern[str]
    alternatives: tuple[tuple[re.Pattern[str], tuple[str, bool, str]], ...]  # (cue, (level, explicit, scope))
    source: str
    #: with the word-start shortcut: the alternatives that can start with each letter, in their order
    by_letter: dict[str, tuple[tuple[re.Pattern[str], tuple[str, bool, str]], ...]] | None = None

    def find(self, text: str) -> list[tuple[int, int, str, bool, str]]:
        """Every cue in ``text``: (start, end, level, explicit, scope), in order."""
        found = []
        by_letter = self.by_letter or {}
        for m in self.regex.finditer(text):
            start, end = m.span()
            # The first alternative that matches here is the one the alternation matched; only those
            # that can start with the letter there can (a character that is no letter's plain lower
            # case, such as "ſ", which matches "s" ignoring case, gets them all).
            for cue, target in by_letter.get(text[start].lower(), self.alternatives):
                if cue.match(text, start) is not None:
                    found.append((start, end, *target))
                    break
        return found


@dataclass(frozen=True)
class Rules:
    """Everything :func:`load_rules` returns."""

    sections: dict[str, SectionRules]
    cues: CueRules

    @property
    def cv(self) -> SectionRules:
        return self.sections["cv"]

    @property
    def advert(self) -> SectionRules:
        return self.sections["advert"]


def _rules_dir() -> Any:
    from importlib import resources  # imported on first use: it costs ~7 ms at start-up

    return resources.files("gapcheck.sectioning") / "rules"


def _read_json(path: Any, source: str) -> tuple[Any, str]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError("rules file is missing", source=source) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read rules file ({exc})", source=source) from None
    try:
        return json.loads(raw), raw
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"line {exc.lineno}, column {exc.colno}: invalid JSON: {exc.msg}", source=source
        ) from None


def _element_lines(raw: str, key: str, count: int) -> list[int | None]:
    """1-based line numbers of the elements of the top-level array ``key``, for error messages."""
    m = re.search(rf'"{re.escape(key)}"\s*:\s*\[', raw)
    if m is None:
        return [None] * count
    decoder = json.JSONDecoder()
    lines: list[int | None] = []
    pos = m.end()
    try:
        for _ in range(count):
            while raw[pos] in " \t\r\n,":
                pos += 1
            lines.append(raw.count("\n", 0, pos) + 1)
            _, pos = decoder.raw_decode(raw, pos)
    except (ValueError, IndexError):
        return [None] * count
    return lines


def _where(i: int, lines: list[int | None]) -> str:
    line = lines[i] if i < len(lines) else None
    return f"rule {i}" + (f" (line {line})" if line else "")


def _check_top(data: Any, allowed: set[str], required: set[str], source: str) -> None:
    if not isinstance(data, dict):
        raise DataFileError("the file must hold one JSON object", source=source)
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise DataFileError(f"unknown top-level key(s) {', '.join(map(repr, unknown))}", source=source)
    missing = sorted(required - set(data))
    if missing:
        raise DataFileError(f"missing top-level key(s) {', '.join(map(repr, missing))}", source=source)
    if "description" in data and not isinstance(data["description"], str):
        raise DataFileError("'description' must be a string", source=source)


def _check_rule_shape(rule: Any, allowed: set[str], where: str, source: str) -> None:
    if not isinstance(rule, dict):
        raise DataFileError(f"{where}: must be a JSON object, not {type(rule).__name__}", source=source)
    unknown = sorted(set(rule) - allowed)
    if unknown:
        raise DataFileError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}", source=source)
    has_lit, has_pat = "literal" in rule, "pattern" in rule
    if has_lit == has_pat:
        raise DataFileError(f"{where}: needs exactly one of 'literal' or 'pattern'", source=source)
    key = "literal" if has_lit else "pattern"
    if not isinstance(rule[key], str) or not rule[key].strip():
        raise DataFileError(f"{where}: '{key}' must be a non-empty string", source=source)
    if "comment" in rule and not isinstance(rule["comment"], str):
        raise DataFileError(f"{where}: 'comment' must be a string", source=source)


def _compile_pattern(pattern: str, flags: int, where: str, source: str) -> re.Pattern[str]:
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise DataFileError(f"{where}: bad regular expression {pattern!r}: {exc}", source=source) from None
    if compiled.groupindex or re.search(r"\\[1-9]", pattern):
        raise DataFileError(
            f"{where}: named groups and back-references are not allowed in {pattern!r}", source=source
        )
    try:  # it must still compile once wrapped in a group of the combined alternation
        re.compile(f"(?P<x>{pattern})|x", flags)
    except re.error as exc:
        raise DataFileError(
            f"{where}: pattern {pattern!r} cannot be combined with others: {exc}", source=source
        ) from None
    if compiled.fullmatch("") is not None:
        raise DataFileError(f"{where}: pattern {pattern!r} matches the empty string", source=source)
    return compiled


def load_section_rules(path: Any, doc_type: str) -> SectionRules:
    """Read and validate one ``*_sections.json`` file (``path``: a Path or importlib Traversable)."""
    source = str(path)
    data, raw = _read_json(path, source)
    _check_top(data, _SECTION_TOP_KEYS, {"doc_type", "lead_category", "rules"}, source)
    if data["doc_type"] != doc_type:
        raise DataFileError(f"'doc_type' is {data['doc_type']!r}, expected {doc_type!r}", source=source)
    categories = CATEGORIES[doc_type]
    lead = data["lead_category"]
    if lead not in categories:
        raise DataFileError(f"unknown lead_category {lead!r} (known: {', '.join(categories)})", source=source)
    rules = data["rules"]
    if not isinstance(rules, list) or not rules:
        raise DataFileError("'rules' must be a non-empty list", source=source)
    lines = _element_lines(raw, "rules", len(rules))

    literals: dict[str, tuple[str, bool]] = {}
    squashed: dict[str, tuple[str, bool]] = {}
    parts: list[str] = []
    targets: dict[str, tuple[str, bool]] = {}
    for i, rule in enumerate(rules):
        where = _where(i, lines)
        _check_rule_shape(rule, _SECTION_RULE_KEYS, where, source)
        category = rule.get("category")
        if not isinstance(category, str):
            raise DataFileError(f"{where}: 'category' must be a string", source=source)
        if category not in categories:
            raise DataFileError(
                f"{where}: unknown category {category!r} for {doc_type} (known: {', '.join(categories)})",
                source=source,
            )
        inline = rule.get("inline", True)
        if not isinstance(inline, bool):
            raise DataFileError(f"{where}: 'inline' must be true or false", source=source)
        if "literal" in rule:
            key = normalize_heading(rule["literal"])
            if not key:
                raise DataFileError(
                    f"{where}: literal {rule['literal']!r} is empty once normalised", source=source
                )
            if key in literals:
                raise DataFileError(f"{where}: duplicate literal {rule['literal']!r}", source=source)
            literals[key] = (category, inline)
            squashed.setdefault(squash(key), (category, inline))
        else:
            _compile_pattern(rule["pattern"], 0, where, source)
            name = f"r{i}"
            parts.append(f"(?P<{name}>{rule['pattern']})")
            targets[name] = (category, inline)
    pattern = re.compile("|".join(parts)) if parts else None
    return SectionRules(doc_type, lead, literals, squashed, pattern, targets, source)


def _cue_regex_part(cue: dict[str, Any]) -> str:
    if "literal" in cue:
        words = [re.escape(w) for w in cue["literal"].split()]
        body = r"\s+".join(words)
        first, last = cue["literal"].strip()[0], cue["literal"].strip()[-1]
        return (r"\b" if first.isalnum() else "") + body + (r"\b" if last.isalnum() else "")
    return cue["pattern"]


def load_cue_rules(path: Any) -> CueRules:
    """Read and validate ``requirement_cues.json``."""
    source = str(path)
    data, raw = _read_json(path, source)
    _check_top(data, _CUE_TOP_KEYS, {"cues"}, source)
    cues = data["cues"]
    if not isinstance(cues, list) or not cues:
        raise DataFileError("'cues' must be a non-empty list", source=source)
    lines = _element_lines(raw, "cues", len(cues))
    entries: list[tuple[int, int, str, str]] = []  # (patterns first, longest literal first, name, regex)
    targets: dict[str, tuple[str, bool, str]] = {}
    seen: set[str] = set()
    for i, cue in enumerate(cues):
        where = _where(i, lines)
        _check_rule_shape(cue, _CUE_KEYS, where, source)
        level = cue.get("level")
        if level not in LEVELS:
            raise DataFileError(
                f"{where}: 'level' must be one of {', '.join(LEVELS)}, not {level!r}", source=source
            )
        explicit = cue.get("explicit", False)
        if not isinstance(explicit, bool):
            raise DataFileError(f"{where}: 'explicit' must be true or false", source=source)
        if explicit and level != "required":
            raise DataFileError(f"{where}: only 'required' cues can be 'explicit'", source=source)
        scope = cue.get("scope", "both")
        if scope not in SCOPES:
            raise DataFileError(
                f"{where}: 'scope' must be one of {', '.join(SCOPES)}, not {scope!r}", source=source
            )
        if "literal" in cue:
            key = " ".join(cue["literal"].lower().split())
            if key in seen:
                raise DataFileError(f"{where}: duplicate literal {cue['literal']!r}", source=source)
            seen.add(key)
        else:
            _compile_pattern(cue["pattern"], re.IGNORECASE, where, source)
        name = f"c{i}"
        part = _cue_regex_part(cue)
        # Patterns first (they are the long, specific constructions), then literals longest first, so
        # that at any position the alternation prefers "not required" over "required".
        order = (0, 0) if "pattern" in cue else (1, -len(cue["literal"]))
        entries.append((order[0], order[1], name, part))
        targets[name] = (level, explicit, scope)
    entries.sort(key=lambda e: (e[0], e[1]))
    alts = [f"(?:{e[3]})" for e in entries]
    letters = [_first_letters(e[3], re.IGNORECASE) for e in entries]
    alternatives = tuple((re.compile(e[3], re.IGNORECASE), targets[e[2]]) for e in entries)
    compiled_by_letter = None
    if all(letters):
        # Each cue under each letter it can start with, in the alternation's order: at any place the
        # cues tried are those that could match there, in the same order, so the matches are the same.
        by_letter: dict[str, list[str]] = {}
        by_letter_compiled: dict[str, list] = {}
        for alt, compiled, first in zip(alts, alternatives, letters):
            for c in sorted(first):  # type: ignore[arg-type]
                by_letter.setdefault(c, []).append(alt)
                by_letter_compiled.setdefault(c, []).append(compiled)
        regex = r"(?<!\w)(?=\w)(?:" + "|".join(f"(?={c})(?:{'|'.join(a)})" for c, a in by_letter.items()) + ")"
        compiled_by_letter = {c: tuple(a) for c, a in by_letter_compiled.items()}
    else:
        regex = "|".join(alts)
    regex = re.compile(regex, re.IGNORECASE)
    return CueRules(regex, alternatives, source, compiled_by_letter)


def _first_letters(pattern: str, flags: int) -> frozenset[str] | None:
    """The lower-case ASCII letters and digits a match of ``pattern`` can start with, if it begins with
    ``\\b`` and then one of them on every branch (so it matches only where a word starts); else None.
    Decided on the parsed pattern; None when in doubt."""
    try:  # the standard library's own regex parser (private: a Python without it gets no shortcut)
        from re import _constants as sre
        from re import _parser
    except ImportError:
        return None

    def first(items: list, *, after_boundary: bool) -> set[str] | None:
        """The letters ``items`` can start with; before the ``\\b`` is met (``after_boundary`` False) only
        groups and branches may come first."""
        if not items:
            return None
        op, av = items[0]
        if op is sre.BRANCH:
            sets = [first(list(alt) + items[1:], after_boundary=after_boundary) for alt in av[1]]
            return set().union(*sets) if all(x is not None for x in sets) else None
        if op is sre.SUBPATTERN and not (av[1] or av[2]):  # a group without flags of its own ("(?a:")
            return first(list(av[3]) + items[1:], after_boundary=after_boundary)
        if not after_boundary:
            return first(items[1:], after_boundary=True) if op is sre.AT and av is sre.AT_BOUNDARY else None
        if op is sre.LITERAL:
            c = chr(av)
            return {c.lower()} if c.isascii() and c.isalnum() else None
        if op is sre.IN:
            chars = [chr(a) if o is sre.LITERAL else "" for o, a in av]
            return {c.lower() for c in chars} if all(c.isascii() and c.isalnum() for c in chars) else None
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            return first(list(av[2]), after_boundary=True)
        return None

    try:
        parsed = _parser.parse(pattern, flags)
        if parsed.state.flags & (re.ASCII | re.LOCALE):
            return None
        letters = first(list(parsed), after_boundary=False)
    except Exception:  # noqa: BLE001 - a parser that changed shape: no shortcut, the same matches
        return None
    return frozenset(letters) if letters else None


@lru_cache(maxsize=8)
def _load(rules_dir: str | None) -> Rules:
    base = _rules_dir() if rules_dir is None else Path(rules_dir)
    sections = {dt: load_section_rules(base / name, dt) for dt, name in SECTION_FILES.items()}
    return Rules(sections, load_cue_rules(base / CUES_FILE))


def load_rules(rules_dir: str | Path | None = None) -> Rules:
    """Read, validate and compile the rules files (cached).

    Args:
        rules_dir: a folder holding ``cv_sections.json``, ``advert_sections.json`` and
            ``requirement_cues.json``; by default the ones shipped in the package.

    Raises:
        DataFileError: a file is missing or invalid; the message names the file and the rule.
    """
    return _load(None if rules_dir is None else str(rules_dir))
