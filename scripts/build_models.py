#!/usr/bin/env python
"""Compile everything gapcheck loads at run time into ``models/``, from the sources in ``data/``.

Run with ``make models`` (or ``python scripts/build_models.py``). It writes, as plain JSON (nothing is
pickled, so loading never executes code):

- ``models/skills.json``: the skill table, one canonical id per skill (``esco:<uuid>``, ``onet:<element>``,
  ``onet:tech:<slug>``, ``gapcheck:<slug>``), with display name, kind (hard/soft), a ``tech`` flag and the
  aliases that survived curation.
- ``models/phrases.json``: the compiled phrase tables the skill matcher looks up token by token (lower-case
  keys and lemma keys), the context rules for ambiguous aliases, the token patterns for soft-skill phrasings,
  and the small lemma table those need (cut down from spacy-lookups-data to the words our patterns use).
- ``models/relations.json``: broader/narrower relations between skills (ESCO's skill pillar plus our own
  curated ones), for "transferable skill" hints.
- ``models/tfidf.json``: vocabulary and IDF weights fitted with scikit-learn's ``TfidfVectorizer`` on the
  job-advert corpus in ``data/corpus/``; gapcheck applies them at run time without importing scikit-learn.
- ``models/MANIFEST.json``: versions, input hashes and counts, so a stale build can be detected.

Why compile: building a spaCy PhraseMatcher from ~45,000 patterns costs over a second on every start
(measured: 0.95 s for 30,000 ESCO labels), more than the whole start-up budget; reading these JSON tables
costs a few tens of milliseconds.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT / "src"))

from gapcheck.extraction.compiled import (  # noqa: E402
    FORMAT_VERSION,
    jsonl_rows,
    phrase_key_tokens,
    second_words,
    two_word_prefixes,
    validate_ambiguous_rule,
    validate_curated_row,
    validate_token_pattern_row,
)
from gapcheck.errors import DataFileError  # noqa: E402

csv.field_size_limit(10**8)

# Aliases shorter than this are only used if curated (C, R, Go, JS ...): short strings are mostly noise.
MIN_ALIAS_CHARS = 3
# A one-word ESCO alternative label is kept only if it is rare in general English (log-probability from
# spacy-lookups-data below this); "work", "cooperate", "lecture" are alternative labels of real skills but
# match everywhere. -13.5 keeps jargon ("Javax", "SSIS") and drops ordinary words.
COMMON_WORD_LOGPROB = -13.5
# A one-word ESCO *preferred* label is dropped if it is this common ("source", "law", "design"): the
# skill can still be found by its other labels and by curated aliases.
COMMON_PREFERRED_LOGPROB = -10.0
# Words at least this frequent (log-probability in spacy-lookups-data) count as ordinary English even if
# the lemma table does not list them ("the", "peace", "personnel"); rarer ones may be names (Marketo).
ENGLISH_LOGPROB = -14.5
# Longest alias, in tokens, that we keep (ESCO has a few sentence-long labels).
MAX_ALIAS_TOKENS = 8

VENDORS = [
    "the mathworks", "microsoft", "oracle", "ibm", "adobe", "autodesk", "google", "amazon", "apple", "sap",
    "intuit", "apache", "atlassian", "cisco", "esri", "red hat", "vmware", "salesforce", "dassault systemes",
    "siemens", "bentley", "trimble", "epic systems", "hewlett packard", "hp", "dell", "sas institute",
    "tableau", "elastic", "mongodb", "docker", "hashicorp", "jetbrains", "github", "gitlab", "meta",
    "facebook", "twitter", "linkedin", "corel", "minitab", "qualtrics", "wolfram", "unity technologies",
    "ansys", "ptc", "nemetschek", "graphisoft", "quest software", "micro focus", "broadcom", "informatica",
]
#: Verbs too general to anchor a verb-object match ("use tools", "work with data", "make decisions").
GENERIC_VERBS = {
    "be", "have", "use", "make", "do", "get", "take", "give", "work", "carry", "perform", "apply", "ensure",
    "provide", "support", "help", "keep", "set", "put", "go", "come", "see", "show", "deal", "handle",
    "follow", "adhere", "comply", "check", "operate", "assist", "undertake", "conduct", "execute", "act",
    # seen anchoring false matches on SkillSpan train/dev:
    "research", "cut", "receive", "encourage", "complete", "submit", "achieve", "look", "report", "head",
    "demonstrate", "move", "shape", "open", "hand", "seek", "need", "want", "offer", "join", "grow", "become",
    "bring", "find", "include", "contribute", "gain", "share", "enjoy", "love", "like", "meet", "attend",
    "visit", "run", "start", "turn", "pay", "hold", "write", "read", "learn", "understand",
}
STOPWORDS = {
    "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "by", "at", "as", "is", "be",
    "it", "its", "this", "that", "you", "we", "our", "your", "i", "my", "all", "any", "use", "using",
}


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    h.update(path.read_bytes())
    return h.hexdigest()[:16]


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = s.replace("+", "plus").replace("#", "sharp").replace(".", "dot" if s.startswith(".") else ".")
    return re.sub(r"[^a-z0-9.]+", "-", s).strip("-.") or "x"


class Builder:
    """Collects skills and aliases from every source, then resolves alias conflicts once."""

    # alias priority: higher wins a conflict between two skills
    P_CURATED, P_PREFERRED, P_DERIVED, P_ALT = 4, 3, 2, 1

    def __init__(self, tokenizer, logprob: dict[str, float]) -> None:
        self.tok = tokenizer
        self.logprob = logprob
        self.skills: dict[str, dict] = {}
        self.aliases: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)  # key -> id -> (prio, text)
        self.blocked: set[str] = set()
        self.blocked_for: set[tuple[str, str]] = set()
        self.name_index: dict[str, list[str]] = defaultdict(list)  # key of name or derived name -> ids
        self.stats: dict[str, int] = defaultdict(int)
        self.english: set[str] = set()

    def key(self, text: str) -> str:
        return " ".join(phrase_key_tokens([t.text for t in self.tok(text)]))

    def add_skill(self, sid: str, name: str, kind: str, *, tech: bool, source: str, **extra) -> None:
        self.skills[sid] = {"id": sid, "name": name, "kind": kind, "tech": tech, "source": source, **extra}
        self.name_index[self.key(name)].append(sid)

    def add_alias(self, sid: str, text: str, prio: int) -> None:
        text = " ".join(text.split())
        if not text:
            return
        k = self.key(text)
        if not k or (prio < self.P_CURATED and re.match(r"(?:and|or)\s", k)):
            return  # a fragment of a split label ("and procedures", "or tactile clocks")
        old = self.aliases[k].get(sid)
        if old is None or old[0] < prio:
            self.aliases[k][sid] = (prio, text)

    def is_english_word(self, text: str) -> bool:
        """In the English lemma table (as a form or a lemma) or common: an ordinary word."""
        low = text.lower()
        return low in self.english or self.is_common_word(low)

    def is_common_word(self, text: str) -> bool:
        return self.logprob.get(text.lower(), -99.0) > COMMON_WORD_LOGPROB

    # ---- sources ---------------------------------------------------------------------------------

    def load_esco(self) -> None:
        transversal = set()
        with open(DATA / "taxonomy/esco/transversalSkillsCollection_en.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                transversal.add(row["conceptUri"].rsplit("/", 1)[-1])
        with open(DATA / "taxonomy/esco/esco_skills_merged.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                uid = row["esco_id"]
                groups = set((row["top_groups"] or "").split(";"))
                soft = (
                    uid in transversal
                    or ("A" in groups)
                    or (row["reuseLevel_v1_2_0"] == "transversal" and "L" not in groups)
                )
                tech = "digital" in (row["collections_v1_2_0"] or "")
                name = row["preferredLabel"].strip()
                sid = f"esco:{uid}"
                self.add_skill(sid, name, "soft" if soft else "hard", tech=tech, source="esco",
                               uri=row["conceptUri"],
                               competence=row["skillType_derived"] in ("skill/competence", "mixed"),
                               fields=esco_fields(row["hierarchy_paths"]) if not soft else [])
                single = len(self.key(name).split()) == 1
                if not (single and self.logprob.get(name.lower(), -99.0) > COMMON_PREFERRED_LOGPROB):
                    self.add_alias(sid, name, self.P_PREFERRED)
                else:
                    self.stats["esco_preferred_common_word_dropped"] += 1
                base = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()
                if base and base != name:
                    # The base name links O*NET and curated entries to this skill either way, but
                    # "Scratch (computer programming)" gives no alias "scratch", nor "Assembly (...)"
                    # "assembly": a one-word ordinary English base is too loose (curation adds Python,
                    # Java ...).
                    self.name_index[self.key(base)].append(sid)
                    if not (len(base.split()) == 1 and self.is_english_word(base)):
                        self.add_alias(sid, base, self.P_DERIVED)
                for alt in (row["altLabels"] or "").split("|"):
                    alt = alt.strip()
                    if not alt:
                        continue
                    if len(self.key(alt).split()) == 1 and (self.is_common_word(alt) or alt.islower()):
                        # One lower-case word ("transformer" for security panels, "financials" for
                        # economics) is too loose an alternative label; acronyms and names stay (CCTV, SSIS).
                        self.stats["esco_alt_one_word_dropped"] += 1
                        continue
                    self.add_alias(sid, alt, self.P_ALT)
        self.stats["esco_skills"] = sum(1 for s in self.skills.values() if s["source"] == "esco")

    def add_fields(self, sid: str, fields) -> None:
        have = self.skills[sid].setdefault("fields", [])
        for f in fields:
            if f not in have:
                have.append(f)

    def onet_tech_aliases(self, name: str) -> list[str]:
        out = [name]
        words = name.split()
        # "Structured query language SQL" -> "SQL" and "Structured query language"
        # (an acronym is short: "Scadex Technologies MAESTRO" does not give "MAESTRO")
        # The acronym must spell the words before it ("Genial Genetics iPassport QMS" gives no "QMS").
        if len(words) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9/+#.&-]{1,4}", words[-1]):
            initials = "".join(w[0] for w in words[:-1]).upper()
            if initials.endswith(re.sub(r"[^A-Z]", "", words[-1])):
                out += [words[-1], " ".join(words[:-1])]
        low = name.lower()
        for v in VENDORS:
            if low.startswith(v + " ") and len(name) > len(v) + 1:
                rest = name[len(v) + 1:]
                # "Informatica Big Data" -> not "Big Data", "Adobe Presenter" -> not "Presenter": a
                # remainder of ordinary English words names nothing by itself.
                if not all(self.is_english_word(w) for w in rest.split()):
                    out.append(rest)
                break
        if low.endswith(" software"):
            rest = name[: -len(" software")]
            # "SAP software" -> "SAP", but "Web browser software" stays whole: "web browser" is generic.
            if any(not self.is_common_word(w) for w in rest.split() if w[:1].isupper()):
                out.append(rest)
        return out

    def load_onet(self) -> None:
        hot: dict[str, bool] = {}
        groups: dict[str, list[str]] = defaultdict(list)
        with open(DATA / "taxonomy/onet/Technology_Skills.tsv", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                ex = row["Example"].strip()
                hot[ex] = hot.get(ex, False) or row["Hot Technology"] == "Y"
                groups[ex].append(row["O*NET-SOC Code"][:2])
        merged = new = 0
        for ex in sorted(hot):
            aliases = self.onet_tech_aliases(ex)
            target = None
            for a in aliases:
                ids = [i for i in self.name_index.get(self.key(a), []) if i.startswith("esco:")]
                if ids:
                    target = ids[0]
                    break
            if target is None:
                sid = f"onet:tech:{slug(ex)}"
                if sid in self.skills:
                    sid = f"{sid}-{hashlib.sha1(ex.encode()).hexdigest()[:6]}"
                self.add_skill(sid, ex, "hard", tech=True, source="onet-tech", hot=hot[ex])
                target = sid
                new += 1
            else:
                self.skills[target]["tech"] = True
                merged += 1
            self.add_fields(target, onet_fields(groups[ex]))
            for i, a in enumerate(aliases):
                single = len(self.key(a).split()) == 1
                if single and self.is_common_word(a):
                    continue
                self.add_alias(target, a, self.P_PREFERRED if i == 0 else self.P_DERIVED)
                self.name_index[self.key(a)].append(target)
        self.stats["onet_tech_merged_into_esco"] = merged
        self.stats["onet_tech_new"] = new

    def load_onet_content_model(self) -> None:
        soft_prefixes = ("1.C.", "2.A.", "2.B.1.", "2.B.2.", "2.B.4.", "2.B.5.")
        hard_prefixes = ("2.B.3.", "2.C.")
        with open(DATA / "taxonomy/onet/Content_Model_Reference.tsv", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                eid, name = row["Element ID"], row["Element Name"].strip()
                if eid.count(".") < 3 and not eid.startswith("2.C."):
                    continue  # categories such as "Social Skills", not skills themselves
                if eid.startswith("2.C.") and eid.count(".") < 2:
                    continue
                if eid.startswith(soft_prefixes):
                    kind = "soft"
                elif eid.startswith(hard_prefixes):
                    kind = "hard"
                else:
                    continue
                k = self.key(name)
                existing = [i for i in self.name_index.get(k, []) if i.startswith("esco:")]
                if existing:
                    self.stats["onet_content_merged"] += 1
                    continue
                sid = f"onet:{eid}"
                self.add_skill(sid, name, kind, tech=False, source="onet")
                if len(k.split()) > 1 or not self.is_common_word(name):
                    self.add_alias(sid, name, self.P_PREFERRED)

    def load_curated(self) -> None:
        path = DATA / "curation/skills.jsonl"
        for lineno, row in read_jsonl(path):
            validate_curated_row(row, path, lineno)
            k = self.key(row["name"])
            ids = self.name_index.get(k, [])
            # Prefer the skill whose display name is exactly this name, then ESCO, then O*NET.
            exact = [i for i in ids if self.key(self.skills[i]["name"]) == k]
            pool = exact or ids
            pool = sorted(set(pool), key=lambda i: (not i.startswith("esco:"), i))
            if pool:
                sid = pool[0]
                self.stats["curated_linked"] += 1
            else:
                sid = row.get("id") or f"gapcheck:{slug(row['name'])}"
                self.add_skill(sid, row["name"], row["kind"], tech=row["kind"] == "hard", source="gapcheck")
                self.stats["curated_new"] += 1
            sk = self.skills[sid]
            sk["kind"] = row["kind"]
            sk["curated"] = True
            if row["kind"] == "hard" and row.get("tech", True) and not row.get("domain"):
                sk["tech"] = True
            if row.get("credential"):
                sk["credential"] = row["credential"]
            if row.get("trait"):
                sk["trait"] = True
            if row["kind"] == "soft" and row.get("aliases"):
                # ESCO names soft skills as verb phrases ("advise others"); prose wants the noun people
                # write ("mentoring"): the first curated alias.
                sk["plain"] = row["aliases"][0]
            if row.get("domain"):
                sk["domain"] = True
                sk["tech"] = False
            if row.get("display"):
                sk["name"] = row["display"]
            elif not sid.startswith("esco:"):
                # O*NET names are formal ("IBM Terraform", "Oracle Java"); people write the short one.
                sk["name"] = row["name"]
            self.add_alias(sid, row["name"], self.P_CURATED)
            for a in row.get("aliases", []):
                self.add_alias(sid, a, self.P_CURATED)

    def load_fields(self) -> None:
        path = DATA / "curation/fields.jsonl"
        by_name: dict[str, str] = {}
        for sid, sk in self.skills.items():
            by_name.setdefault(sk["name"].lower(), sid)
        for lineno, row in read_jsonl(path):
            if set(row) - {"field", "skills"} or not isinstance(row.get("skills"), list) \
                    or not re.fullmatch(r"[KSO][0-9.]+", str(row.get("field", ""))):
                raise DataFileError(f"line {lineno}: expected {{\"field\": \"K06\", \"skills\": [names]}}",
                                    source=str(path))
            for name in row["skills"]:
                sid = by_name.get(name.lower())
                if sid is None:
                    ids = self.name_index.get(self.key(name), [])
                    sid = ids[0] if ids else None
                if sid is None:
                    raise DataFileError(f"line {lineno}: unknown skill {name!r}", source=str(path))
                self.add_fields(sid, [row["field"]])

    def load_blocklist(self) -> None:
        path = DATA / "curation/blocklist.jsonl"
        for lineno, row in read_jsonl(path):
            unknown = set(row) - {"alias", "skill", "why"}
            if unknown or not isinstance(row.get("alias"), str):
                raise DataFileError(f"line {lineno}: expected keys alias, skill?, why?; got {sorted(row)}",
                                    source=str(path))
            k = self.key(row["alias"])
            if row.get("skill"):
                self.blocked_for.add((k, row["skill"].lower()))
            else:
                self.blocked.add(k)

    # ---- resolution ------------------------------------------------------------------------------

    def resolve(self, ambiguous: dict[str, dict]) -> dict[str, str]:
        """Pick one skill per alias key; drop blocked, too-short and unresolvable aliases."""
        chosen: dict[str, str] = {}
        for k, cands in self.aliases.items():
            if k in self.blocked:
                self.stats["alias_blocked"] += 1
                continue
            cands = {
                i: v for i, v in cands.items()
                if (k, self.skills[i]["name"].lower()) not in self.blocked_for
            }
            if not cands:
                continue
            toks = k.split()
            best = max(p for p, _ in cands.values())
            if len(toks) > MAX_ALIAS_TOKENS:
                continue
            if best < self.P_CURATED and k not in ambiguous:
                if len(k) < MIN_ALIAS_CHARS or all(t in STOPWORDS for t in toks):
                    self.stats["alias_too_short"] += 1
                    continue
            top = [i for i, (p, _) in cands.items() if p == best]
            if len(top) > 1:
                # Same priority, different skills: prefer a curated skill, then ESCO; otherwise the
                # alias names nothing in particular and is dropped.
                cur = [i for i in top if self.skills[i].get("curated")]
                top = cur if len(cur) == 1 else top
            if len(top) > 1:
                pref = [i for i in top if self.key(self.skills[i]["name"]) == k]
                top = pref if len(pref) == 1 else top
            if len(top) > 1:
                self.stats["alias_conflict_dropped"] += 1
                continue
            chosen[k] = top[0]
        # The tokenizer splits some words by their case: "id" is "i" + "d" (as in "I'd") but "ID" is one
        # token; "angular.js" is one token but "Angular.js" three. An alias is matched in any case, so it
        # also gets the key of its capitalised and upper-case writings where they tokenize differently
        # ("entra id" -> "Entra ID"), unless another alias already has that key.
        for k, sid in list(chosen.items()):
            text = self.aliases[k][sid][1]
            for variant in (text.upper(), text.title()):
                v = self.key(variant)
                if v and v != k and v not in chosen and v not in self.aliases and v not in self.blocked:
                    chosen[v] = sid
                    self.aliases[v][sid] = self.aliases[k][sid]
                    self.stats["alias_case_variants"] += 1
        return chosen


def esco_fields(paths: str) -> list[str]:
    """Fields of work from ESCO hierarchy codes: knowledge areas to three characters ("K06": ICT,
    "K09": health), skill groups to two levels ("S5.6": programming, "S3.2": caring). Transversal (T),
    language (L) and attitude (A) codes name no field."""
    out = []
    for code in (paths or "").split(";"):
        code = code.strip()
        if code.startswith("K") and len(code) >= 3:
            f = code[:3]
        elif code.startswith("S") and "." in code:
            f = ".".join(code.split(".")[:2])
        else:
            continue
        if f not in out:
            out.append(f)
    return out


def onet_fields(soc_majors: list[str]) -> list[str]:
    """O*NET SOC major groups that hold a quarter or more of a tool's occupations ("O15": computer and
    mathematical, "O29": healthcare practitioners); a tool used everywhere (Excel) names no field."""
    if not soc_majors:
        return []
    counts: dict[str, int] = defaultdict(int)
    for g in soc_majors:
        counts[g] += 1
    n = len(soc_majors)
    return [f"O{g}" for g, c in sorted(counts.items()) if c / n >= 0.25 and (n <= 40 or c / n >= 0.4)]


def read_jsonl(path: Path):
    with open(path, encoding="utf-8") as f:
        yield from jsonl_rows(f, path)


def load_lemma_lookup() -> dict[str, str]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def load_logprob() -> dict[str, float]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def build_skills(out: Path) -> dict:
    import spacy

    nlp = spacy.blank("en")
    t0 = time.time()
    logprob = load_logprob()
    b = Builder(nlp.tokenizer, logprob)
    lemma_lookup = load_lemma_lookup()
    b.english = set(lemma_lookup) | set(lemma_lookup.values())
    # Ordinary English words: forms and lemmas of the lemma table that are also reasonably frequent
    # (the table also holds rare names). Used at run time to tell product names from words.
    words = sorted({w for w in b.english if w.isalpha() and w.islower() and logprob.get(w, -99.0) > -16.5}
                   | {w for w, lp in logprob.items() if lp > ENGLISH_LOGPROB and w.isalpha() and w.islower()})
    # Base forms of verbs (WordNet's, via spacy-lookups-data's lemma index): what a duty bullet starts with
    # ("Fit and set up smart thermostats").
    import spacy_lookups_data

    with gzip.open(Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_index.json.gz", "rt",
                   encoding="utf-8") as f:
        verbs = sorted(w for w in json.load(f)["verb"] if w.isalpha() and w.islower())
    # How common each word is (spacy-lookups-data's log probability, in tenths): which word of a phrase is the
    # distinctive one ("refrigerated" in "refrigerated trailers"; a word off the list is rarer still).
    logprobs = ",".join(str(round(10 * logprob[w])) if w in logprob else "" for w in words)
    (out / "english.json").write_text(json.dumps({"format": FORMAT_VERSION, "words": "\n".join(words),
                                                  "verbs": "\n".join(verbs), "logprob": logprobs}),
                                      encoding="utf-8")
    b.stats["english_words"] = len(words)
    b.load_esco()
    b.load_onet()
    b.load_onet_content_model()
    b.load_curated()
    b.load_blocklist()
    b.load_fields()

    ambiguous: dict[str, dict] = {}
    amb_path = DATA / "curation/ambiguous.jsonl"
    for lineno, row in read_jsonl(amb_path):
        validate_ambiguous_rule(row, amb_path, lineno)
        ambiguous[b.key(row["alias"])] = {k: v for k, v in row.items() if k != "alias"}

    chosen = b.resolve(ambiguous)

    def lemma(tok: str) -> str:
        return lemma_lookup.get(tok, tok)

    used_ids = sorted(set(chosen.values()))
    index = {sid: n for n, sid in enumerate(used_ids)}
    skills = []
    aliases_by_skill: dict[str, list[str]] = defaultdict(list)
    for k, sid in chosen.items():
        aliases_by_skill[sid].append(b.aliases[k][sid][1])
    for sid in used_ids:
        s = b.skills[sid]
        skills.append({"id": sid, "name": s["name"], "kind": s["kind"], "tech": bool(s["tech"]),
                       "domain": bool(s.get("domain")), "credential": s.get("credential"),
                       "trait": bool(s.get("trait")), "plain": s.get("plain") or s["name"],
                       "fields": s.get("fields") or [],
                       "source": s["source"]})

    lower: dict[str, int] = {}
    lemma_keys: dict[str, int] = {}
    # Highest-priority aliases first, so a curated alias owns its lemma key ("managing projects" ->
    # project management) before an ESCO alternative label with the same lemmas can take it.
    for k, sid in sorted(chosen.items(), key=lambda kv: (-b.aliases[kv[0]][kv[1]][0], kv[0])):
        i = index[sid]
        toks = k.split()
        prio = b.aliases[k][sid][0]
        lower[k] = i
        if k.endswith(" ."):
            # "b.s." alone tokenises as "b.s" + ".", but "B.S. Biology" keeps "B.S." whole: both forms.
            lower.setdefault(k[:-2] + ".", i)
        sk = b.skills[sid]
        # Plural of a one-word hard alias ("database" -> "databases"), unless that is itself an alias.
        if len(toks) == 1 and sk["kind"] == "hard" and toks[0].isalpha() and not toks[0].endswith("s") \
                and k not in ambiguous and len(toks[0]) >= 4 and k + "s" not in chosen:
            lower.setdefault(k + "s", i)
        # Lemma keys: ESCO's skill phrases (verb phrases: "managed projects" finds "manage projects") and
        # soft skills, so "mentored" finds "mentoring". Names of things (technologies, knowledge areas,
        # products) are matched literally, plus a plural: lemmatising them conflates "accounting" with
        # "account", "software engineering" with the job title "software engineer", "as" with "a".
        if len(toks) > 1 and toks[-1].isalpha() and not toks[-1].endswith("s") and sk["kind"] == "hard" \
                and not sk.get("competence") and k not in ambiguous:
            plural = " ".join(toks[:-1] + [toks[-1] + "s"])
            if plural not in chosen:
                lower.setdefault(plural, i)
        lemma_ok = sk["kind"] == "soft" or (sk["source"] == "esco" and sk.get("competence")
                                             and prio != b.P_CURATED)
        # A one-word adjective made from a participle describes a person ("disciplined", "determined",
        # "committed"); its lemma names something else ("a technical discipline", "determines the
        # distribution", "git commit"), so it is matched as written.
        participle = len(toks) == 1 and toks[0].endswith("ed") and lemma(toks[0]) != toks[0]
        if k not in ambiguous and lemma_ok and not participle and (len(toks) > 1 or sk["kind"] == "soft"):
            lk = " ".join(lemma(t) for t in toks)
            if lk not in chosen and lk not in b.blocked:
                lemma_keys.setdefault(lk, i)

    # Ignore phrases: matched like aliases but mapped to -1, so the longest match swallows the skill inside
    # ("Office of Personnel Management" is an agency, not personnel management).
    ig_path = DATA / "curation/ignore.jsonl"
    n_ignore = 0
    for lineno, row in read_jsonl(ig_path):
        if set(row) - {"phrase", "why"} or not isinstance(row.get("phrase"), str) or not row["phrase"].strip():
            raise DataFileError(f"line {lineno}: expected {{\"phrase\": text, \"why\": text}}", source=str(ig_path))
        k = b.key(row["phrase"])
        lower[k] = -1
        lk = " ".join(lemma(t) for t in k.split())
        if lk != k:
            lemma_keys[lk] = -1
        n_ignore += 1
    b.stats["ignore_phrases"] = n_ignore

    token_patterns = []
    tp_path = DATA / "curation/soft_patterns.jsonl"
    name_to_idx = {}
    for s in skills:
        name_to_idx.setdefault(s["name"].lower(), index[s["id"]])
    for lineno, row in read_jsonl(tp_path):
        validate_token_pattern_row(row, tp_path, lineno)
        sk = row["skill"].lower()
        if sk not in name_to_idx:
            raise DataFileError(f"line {lineno}: unknown skill {row['skill']!r}", source=str(tp_path))
        token_patterns.append({"skill": name_to_idx[sk], "pattern": row["pattern"]})

    # Verb-object pairs: ESCO names skills as short verb phrases ("maintain customer relationships",
    # "develop software"); adverts say "maintain strong relationships with our customers". A pair
    # (verb lemma, last-word lemma) of a 2-4 word ESCO competence label, with the verb not too generic,
    # lets the matcher find the verb and, up to four words on, the object. Pairs shared by several
    # skills are dropped (they name nothing in particular).
    pair_skills: dict[str, set[int]] = defaultdict(set)
    for k, sid in chosen.items():
        sk = b.skills[sid]
        toks = k.split()
        if not (2 <= len(toks) <= 4) or sk["source"] != "esco" or not sk.get("competence"):
            continue
        verb, obj = lemma(toks[0]), lemma(toks[-1])
        if verb in GENERIC_VERBS or verb in STOPWORDS or obj in STOPWORDS or not verb.isalpha() or not obj.isalpha() or len(obj) < 3:
            continue
        pair_skills[f"{verb} {obj}"].add(index[sid])
    pairs = {p: next(iter(ids)) for p, ids in pair_skills.items() if len(ids) == 1}
    b.stats["verb_object_pairs"] = len(pairs)

    # Lemma table cut down to the words any lemma key or token pattern can use.
    needed = set()
    for lk in list(lemma_keys) + list(pairs):
        needed.update(lk.split())
    for tp in token_patterns:
        for tok in tp["pattern"]:
            v = tok.get("LEMMA")
            if isinstance(v, str):
                needed.add(v)
            elif isinstance(v, dict):
                needed.update(v.get("IN", []))
    small_lemmas = {form: lem for form, lem in lemma_lookup.items() if lem in needed and form != lem}

    def first_tokens(keys) -> dict[str, int]:
        first: dict[str, int] = {}
        for k in keys:
            toks = k.split(" ")
            first[toks[0]] = max(first.get(toks[0], 0), len(toks))
        return first

    def table(d: dict) -> dict:
        # Keys as one newline-joined string and values as a list: json.loads of these and a dict(zip())
        # is ~1.5x faster than parsing 120,000 small JSON object members.
        return {"keys": "\n".join(d), "values": list(d.values())}

    phrases = {
        "format": FORMAT_VERSION,
        "lower": table(lower),
        "lemma": table(lemma_keys),
        "first_lower": table(first_tokens(lower)),
        "first_lemma": table(first_tokens(lemma_keys)),
        "second_lower": table(two_word_prefixes(lower)),
        "second_lemma": table(two_word_prefixes(lemma_keys)),
        "next_lower": table(second_words(lower)),
        "next_lemma": table(second_words(lemma_keys)),
        "pairs": table(pairs),
        "ambiguous": {k: v for k, v in ambiguous.items() if k in lower},
        "token_patterns": token_patterns,
        "lemmas": table(small_lemmas),
    }
    # Run time reads columns (one list per field), which loads several times faster than 20,000 objects.
    columns = {f: [s[f] for s in skills] for f in ("id", "name", "kind", "tech", "domain", "credential", "trait")}
    # Smaller to parse: "plain" only where it differs from the name, fields as one ";"-joined string.
    columns["plain"] = [s["plain"] if s["plain"] != s["name"] else None for s in skills]
    columns["fields"] = [";".join(s["fields"]) for s in skills]
    (out / "skills.json").write_text(json.dumps({"format": FORMAT_VERSION, "columns": columns},
                                                ensure_ascii=False), encoding="utf-8")
    # For people and tests, not loaded at run time: every skill with its aliases.
    (out / "aliases.json").write_text(json.dumps(
        {"format": FORMAT_VERSION,
         "skills": [{**s, "aliases": sorted(set(aliases_by_skill[s["id"]]), key=str.lower)} for s in skills]},
        ensure_ascii=False, indent=0), encoding="utf-8")
    (out / "phrases.json").write_text(json.dumps(phrases, ensure_ascii=False), encoding="utf-8")
    b.stats.update({
        "skills": len(skills), "hard": sum(s["kind"] == "hard" for s in skills),
        "soft": sum(s["kind"] == "soft" for s in skills), "lower_keys": len(lower),
        "lemma_keys": len(lemma_keys), "token_patterns": len(token_patterns),
        "lemma_table": len(small_lemmas), "seconds": round(time.time() - t0, 1),
    })
    build_relations(out, b, index, chosen)
    return dict(b.stats)


def build_relations(out: Path, b: Builder, index: dict[str, int], chosen: dict[str, str]) -> None:
    """ESCO broader relations between skills we kept, plus curated relations, as id -> [broader ids]."""
    broader: dict[str, list[str]] = defaultdict(list)
    path = DATA / "taxonomy/esco/broaderRelationsSkillPillar_en.csv"
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            c = "esco:" + row["conceptUri"].rsplit("/", 1)[-1]
            p = "esco:" + row["broaderUri"].rsplit("/", 1)[-1]
            broader[c].append(p)
    groups = {}
    with open(DATA / "taxonomy/esco/skillGroups_en.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            groups["esco:" + row["conceptUri"].rsplit("/", 1)[-1]] = row["preferredLabel"]
    rel_path = DATA / "curation/relations.jsonl"
    related: dict[str, list[str]] = defaultdict(list)
    implies: dict[str, list[str]] = defaultdict(list)
    name_to_id = {}
    for sid in index:
        name_to_id.setdefault(b.skills[sid]["name"].lower(), sid)

    def ids_of(names, lineno):
        ids = []
        for m in names:
            sid = None
            if isinstance(m, str):
                sid = name_to_id.get(m.lower()) or chosen.get(b.key(m))
            if sid is None:
                raise DataFileError(f"line {lineno}: unknown skill {m!r}", source=str(rel_path))
            ids.append(sid)
        return ids

    for lineno, row in read_jsonl(rel_path):
        if "related" in row:
            members = row["related"]
            if set(row) - {"related", "why"} or not isinstance(members, list) or len(members) < 2:
                raise DataFileError(f"line {lineno}: expected {{\"related\": [names...], \"why\": ...}}",
                                    source=str(rel_path))
            ids = ids_of(members, lineno)
            for a in ids:
                for c in ids:
                    if a != c and c not in related[a]:
                        related[a].append(c)
        elif "skill" in row:
            if set(row) - {"skill", "implies", "why"} or not isinstance(row.get("implies"), list):
                raise DataFileError(f"line {lineno}: expected {{\"skill\": name, \"implies\": [names]}}",
                                    source=str(rel_path))
            (a,) = ids_of([row["skill"]], lineno)
            for c in ids_of(row["implies"], lineno):
                if c not in implies[a]:
                    implies[a].append(c)
        else:
            raise DataFileError(f"line {lineno}: expected a 'related' or a 'skill'/'implies' row",
                                source=str(rel_path))
    kept = {sid: ps for sid, ps in broader.items() if sid in index}
    needed_groups = {p for ps in kept.values() for p in ps}
    payload = {
        "format": 1,
        "broader": kept,
        "related": dict(related),
        "implies": dict(implies),
        "labels": {g: groups.get(g) or (b.skills[g]["name"] if g in b.skills else None) for g in needed_groups},
    }
    (out / "relations.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")


def build_tfidf(out: Path) -> dict:
    """Fit IDF on the advert corpus with scikit-learn and store it as JSON."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from gapcheck.scoring.tfidf import TFIDF_PARAMS

    texts = [json.loads(line)["text"] for line in open(DATA / "corpus/skillspan_postings.jsonl", encoding="utf-8")]
    vec = TfidfVectorizer(**{**TFIDF_PARAMS, "ngram_range": tuple(TFIDF_PARAMS["ngram_range"])})
    vec.fit(texts)
    vocab = {t: int(i) for t, i in vec.vocabulary_.items()}
    idf = [round(float(x), 6) for x in vec.idf_]
    payload = {"format": 1, "params": TFIDF_PARAMS, "n_documents": len(texts), "vocabulary": vocab, "idf": idf}
    (out / "tfidf.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return {"tfidf_documents": len(texts), "tfidf_vocabulary": len(vocab)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "models")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    import spacy

    try:
        stats = build_skills(args.out)
        stats.update(build_tfidf(args.out))
    except DataFileError as e:
        print(f"build_models: error: {e}", file=sys.stderr)
        return 1
    inputs = sorted(p for p in DATA.rglob("*") if p.is_file() and p.parts[-3:-1] != ("data", "samples"))
    manifest = {
        "format": FORMAT_VERSION,
        "spacy": spacy.__version__,
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "inputs": {str(p.relative_to(ROOT)): sha256(p) for p in inputs if "samples" not in p.parts},
        "script": sha256(Path(__file__)),
        "stats": stats,
    }
    (args.out / "MANIFEST.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    print(json.dumps(stats, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
