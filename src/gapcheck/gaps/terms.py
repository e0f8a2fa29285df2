"""Requirements the taxonomy does not name: acronyms, product names and "experience with X" phrases.

No taxonomy knows every trade's tools and credentials (CMMS, ECMO, NIHSS, Microlise, Guidewire,
"variable speed drives"). In the advert's requirement text, this module picks out:

- acronyms (CCRN, HIPAA, SOC 2) and product names (Argo CD, HashiCorp Vault, TrackWise) that are not
  ordinary words;
- the object of "experience with / knowledge of / familiarity with / trained in ..." ("experience of
  variable speed drives").

Each becomes a ``gapcheck:term:<slug>`` skill. It is matched in the CV literally (acronyms and names,
any case) or by its content words appearing together in one line (phrases), so a term counts as a gap
only when the CV shows no trace of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from gapcheck.extraction.mention import Mention
from gapcheck.sectioning.scope import CASE_ODD

# "Not after a word character, a dot or a hyphen" is tested once the first capital is matched
# ("[A-Z](?<![\w.-][A-Z])", the same condition as "(?<![\w.-])[A-Z]"): a pattern that starts with a
# character class lets the regex engine skip ahead to the next capital instead of trying every position.
_ACRONYM = re.compile(r"([A-Z](?<![\w.-][A-Z])[A-Z0-9&+]*[A-Z0-9](?:-[A-Z0-9]+)*(?:\s\d{1,4}(?![\d.,]))?)(?![\w-])")
_CAMEL = re.compile(r"(?<![\w.-])([A-Z][a-z]+[A-Z][A-Za-z]+|[a-z]+[A-Z][A-Za-z]+)(?![\w-])")
_PROPER = re.compile(r"((?:[A-Z](?<![\w.-][A-Z])[\w+&.-]*[\w+&])(?:[ \t]+(?:[A-Z][\w+&.-]*[\w+&]|[A-Z]{2,}|\d+)){0,3})")
#: A name is a tool or credential only in a list of skills or after a cue ("experience with Microlise",
#: "HubSpot or Marketo"); elsewhere a capitalised word is a place, a day, a school ...
_NAME_CUE_BEFORE = re.compile(
    r"(?:\b(?:with|using|of|in|on|such\s+as|e\.\s?g\.?|including|like|via|through)|[,/(]|\bor|\band)\s*$",
    re.IGNORECASE,
)
_SHOUTING = re.compile(r"(?:[A-Z]{2,}[ ,]+){2}$|^[ ,]+(?:[A-Z]{2,}[ ,]+){2}")
_NAME_CUE_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:experience|knowledge|certification|certified|implementation|skills|proficiency|"
    r"licen[cs]e|expertise|administration|development|configuration)\b",
    re.IGNORECASE,
)
#: How far around a name its line and sentence are looked at (bounded, so a line with no full stop in a
#: huge advert stays linear).
WINDOW = 300
_PLACE_CONTEXT = re.compile(
    r"\b(?:state|states|territory|territories|district\s+of|commonwealth|located\s+in|based\s+in|based\s+at|"
    r"location|relocat\w+|citizens?|residents?|county|province|city\s+of)\b",
    re.IGNORECASE,
)
_DOC_REFERENCES = frozenset("Appendix Section Part Schedule Chapter Article Annex Title Figure Table Page".split())
_PAY_GRADE = re.compile(r"(?:Level|Grade|Band|Step|Tier|Pay\s+Band|Payband|GS|WG|Nurse)(?:\s+[IVX]{1,4}|\s+\d{1,2})+")
_NOT_NAMES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december permanent temporary contract full-time part-time fixed-term hybrid remote
mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
_CUE = re.compile(
    r"\b(?:experience|experienced|background|knowledge|understanding|familiarity|familiar|trained|training|"
    r"qualified|competen(?:t|ce|cy)|skilled|proficien(?:t|cy)|expertise|certified|certification|"
    r"exposure|ability to use|working knowledge|track record)"
    r"\s+(?:of|with|in|on|using|to|as|handling|managing|running|leading|delivering|supporting|building|"
    r"operating|maintaining|designing|teaching)\s+"
    # "experience of working in a multi-academy trust": the place worked in is the thing asked for
    r"(?:(?:working|work)\s+(?:in|within|for|at|on|with)\s+(?!(?:a\s+|an\s+)?(?:team|teams|partnership)\b))?",
    re.IGNORECASE,
)
_NOT_SECTOR = frozenset("above below before similar other others such those these them".split())
_WORKED_IN = re.compile(r"\bwork(?:ing)?\s+\w+\s*$", re.IGNORECASE)
#: What is asked for in prose: "you must hold", "who hold", "if you hold", "have worked in", "served as": the
#: thing after it is checked like one after "experience with". ("You have" / "you'll need" are not cues:
#: what follows them is as often a quality, "a professional attitude", "a sense of humour".)
_HAVE_CUE = re.compile(
    r"\b(?:(?:you|candidates?|applicants?|who|if\s+you)(?:['’]ll|\s+will|\s+must|\s+should)?\s+"
    r"(?:also\s+|already\s+)?(?:need\s+to\s+)?(?:hold|holds)"
    r"|(?:have\s+|has\s+|['’]ve\s+)(?:previously\s+|already\s+)?(?:worked|served)\s+(?:in|on|with|as)"
    r"|(?:served|worked)\s+as)\s+"
    # not "you'll hold your own clinics"
    r"(?!(?:your|their|our|my|his|her|its|this|these|those|what|everything|something|nothing)\b)",
    re.IGNORECASE,
)
#: Words that make what follows "you have" / "you must hold" a form of words, not a thing to check ("a high
#: quality level of knowledge", "the following skills", "a combination of education", "a degree").
_HAVE_NOISE = frozenset("""level levels necessary opportunity opportunities freedom salary combination following
set lots plenty range maximum minimum degree degrees bachelor bachelor's bachelors master master's masters
doctorate phd education year years successfully completed obtained sufficient quality status profile able
talented great unique every chance benefits package mind-set mindset discussions collaborative personal""".split())


def _asked_thing(phrase: str) -> bool:
    """A phrase after "you have" / "you must hold" names a thing to check in a CV (see _HAVE_NOISE)."""
    words = [w.lower().strip(".,'’\"") for w in phrase.split()]
    return bool(words) and words[0] not in _NOT_ITEM_START and not (set(words) & (_HAVE_NOISE | _CLAUSE_WORDS)) \
        and words[0] not in _CUE_WORDS and phrase.isascii() and "<" not in phrase


#: Words that start a cue of their own ("you have experience with ..."): that cue reads the phrase.
_CUE_WORDS = frozenset("""experience experienced background knowledge understanding familiarity familiar trained
training qualified competent competence competency skilled proficient proficiency expertise certified
certification exposure skills skill abilities ability""".split())
_LEAD = re.compile(
    r"^(?:(?:a|an|the|other|at\s+least|some|strong|good|solid|excellent|proven|working|practical|hands-on|basic|"
    r"sound|thorough|demonstrable|demonstrated|relevant|recent|previous|prior|current|up-to-date|"
    r"detailed|deep|broad|extensive|wide|any|one|two|modern|common|standard|industry-standard|"
    r"using|use|of|with|in|on)\s+)+",
    re.IGNORECASE,
)
#: Where a phrase after a cue ends. Words count only as whole words of their own: "not-for-profit" and
#: "end-to-end" do not stop at "for" or "to". A line break ends it before a new item or sentence (a
#: bullet, a capital, a blank line), not where a hard-wrapped sentence goes on in lower case.
_STOP_AT = re.compile(
    r"\s*(?:[,.;:()\[\]/•!?]|\s-\s|\$|\n(?=[ \t]*(?:[•·▪●◦‣*+–—-]|(?-i:[A-Z])|\n|$))|(?<![\w-])(?:and|or|including|such|like|to|is|are|would|will|within|"
    r"for|in|at|as|from|across|which|that|where|when|preferred|desired|desirable|essential|required|"
    r"a\s+plus|beneficial|ideally)(?![\w-]))",
    re.IGNORECASE,
)
#: Words that make a phrase generic ("a similar role", "a fast-paced environment").
GENERIC = frozenset("""
experience role roles environment environments team teams work working field fields industry industries sector
sectors setting settings position positions company companies organisation organization organisations
organizations area areas similar relevant related equivalent this that these those fast-paced busy high-volume
various different other all any use using job jobs business businesses client clients customer customers people
staff colleagues manner way ways level levels type types range variety number lot lots years year months
month week weeks day days time times task tasks duties duty responsibilities practice practices skills skill
knowledge ability abilities it them us our your their its his her basis own new large small high low good
excellent strong best world life something everything things thing service services system systems process
processes product products project projects tools tool software hardware data information technology
technologies platform platforms solutions solution equipment methods method techniques technique principles
standards standard requirements requirement procedures procedure policies policy specialty specialties
speciality specialities discipline disciplines subject subjects topic topics attitude attitudes mindset approach
spoken written oral verbal night nights weekend weekends morning mornings evening evenings shift shifts
rules casework eye eyes aspect aspects facet facets fluent fluency conversational
""".split())
#: All-caps words that are not skill names.
ACRONYM_STOP = frozenset("""
US USA UK EU EEA CV CVS ID IT OK FAQ EEO EOE TBD ASAP FTE PTO CEO CTO CFO COO CIO VP SVP EVP LLC LTD INC GS WG
NF AM PM USD GBP EUR DOE DOD DHA OPM VA NHS DBS HMRC AND OR THE NOT WHO ALL NEW NA N/A KPI KPIS OTE HQ PA PT FT
TX CA NY NJ WA MA IL OH PA FL GA NC VA CO AZ MD MN MO WI IN MI DC SF LA HR ETC AS IS TO OF ON AT BY IF NO YES
PLUS AI ML UI UX QA IT US ROI B2B B2C SME SMES IPO YOY QOQ EOD WFH ETA ASAP RSVP NB PS MR MRS MS DR JR SR
USAJOBS DKK SEK NOK CHF AUD CAD NZD JPY INR CNY HKD SGD ZAR PLN CZK
""".split())


@dataclass(frozen=True)
class Term:
    text: str
    start: int
    end: int
    kind: str  # acronym | name | phrase | duty (a duty's object) | credential (a named award or law)

    @property
    def key(self) -> str:
        return normalise(self.text)

    @property
    def skill_id(self) -> str:
        return "gapcheck:term:" + re.sub(r"[^a-z0-9]+", "-", self.key).strip("-")


def normalise(s: str) -> str:
    return " ".join(re.sub(r"[-‐‑_/]", " ", s.lower()).split())


def _singular(w: str) -> str:
    """Lower case, a plural ending dropped ("studies" -> "study", "catheters" -> "catheter")."""
    w = w.lower()
    for suf in ("ies", "es", "s"):
        if len(w) > 4 and w.endswith(suf):
            return w[: -len(suf)] + ("y" if suf == "ies" else "")
    return w


def _stem(w: str) -> str:
    """A crude stem for matching a phrase's words in a CV: the first five letters ("management" and
    "managed", "isolation" and "isolate", "optimization" and "optimised" agree), whole short words."""
    return _singular(w)[:5]


def _same_word(a: str, b: str) -> bool:
    """Two singular lower-case words with the same :func:`_stem` are forms of one word when they also
    share half of the longer one ("titration" and "titrate", "optimization" and "optimised"), not only
    their first five letters ("internationalization" and "interfaces", "publication" and "public"); with
    only four letters in common, the shorter must be all but one of them ("nurse" and "nursing", not
    "pressure" and "present")."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 0.5 * max(len(a), len(b)) and (n >= 5 or n >= min(len(a), len(b)) - 1)


def find_terms(text: str, spans: list[tuple[int, int]], covered: list[tuple[int, int]], *,
               is_english, is_verb=None) -> list[Term]:
    """Terms in the given character spans of an advert, outside ``covered`` (taxonomy mentions).

    Args:
        text: the advert.
        spans: where requirements can be (requirement-bearing sections, outside company-voice sentences).
        covered: spans of the taxonomy's mentions; a term overlapping one is not reported.
        is_english: predicate telling whether a lower-case word is an ordinary English word.
        is_verb: predicate telling whether a word is the base form of a verb; with it, the objects of
            duties ("Keep the controlled drugs register", "you will carry out site surveys") are terms.
    """
    out: list[Term] = []
    seen: set[str] = set()

    # Covered characters as a mask (taxonomy mentions, then each accepted term): overlap checks stay
    # constant-time however many mentions a long advert has.
    mask = bytearray(len(text) + 1)
    for a, b in covered:
        mask[a:b] = b"\x01" * (b - a)
    taxonomy = bytes(mask)  # the taxonomy's mentions alone (mask also takes each accepted term)
    covered_sorted = sorted(covered)

    def free(a: int, b: int) -> bool:
        return not any(mask[a:b])

    def add(t: Term) -> None:
        if t.key and t.key not in seen and free(t.start, t.end):
            seen.add(t.key)
            out.append(t)
            mask[t.start:t.end] = b"\x01" * (t.end - t.start)

    for lo, hi in spans:
        chunk = text[lo:hi]
        # What the case-insensitive patterns below need to find anything, looked for first (see _CUE_WORDS_IN)
        low = chunk.lower() if chunk.isascii() or not _CASE_ODD.search(chunk) else None
        # A named award or law: "IBMS Higher Specialist Diploma", "Propertymark Level 3 Award in Residential
        # Letting", "Renters' Rights Act", "Health and Safety at Work Act 1974": checked whole (before its
        # acronym alone takes the place).
        for m in (_CREDENTIAL_NAME.finditer(chunk) if any(k in chunk for k in _CREDENTIAL_KINDS) else ()):
            words = m.group(1).split()
            kind = m.group("kind")
            if words[0] in ACRONYM_STOP or words[0] in ("Appendix", "Section", "Part", "Schedule"):
                continue  # "OPM Qualification Standards", "Appendix G-6 Nurse Qualification"
            head = words[:words.index(kind)]
            # an award is named by a word no dictionary has or a level ("High School Diploma" names none);
            # a law by two words or more, or with its year ("Renters' Rights Act", "Procurement Act 2023", not
            # "LSC Act")
            if kind == "Training" and (len(head) < 3 or not head[0].isupper()):
                continue  # "GWO Basic Safety Training": a body's named course, not "Manual Handling Training"
            law = kind in ("Act", "Regulations") and (len(head) >= 2 or re.search(r"\s(?:19|20)\d\d$", m.group(1)))
            if law or any(not is_english(w.lower().strip("'’")) for w in head):
                if law:  # checked whole, though the taxonomy names a word of it ("Procurement")
                    mask[lo + m.start(1):lo + m.end(1)] = b"\x00" * (m.end(1) - m.start(1))
                add(Term(m.group(1), lo + m.start(1), lo + m.end(1), "credential"))
        # A qualification asked for at a level: "a Level 4 Food Safety qualification", "Level 3 HACCP". The
        # taxonomy names its subject (food hygiene), which a CV with the Level 3 award also shows; the level
        # is checked with the name (see term_in_cv), so the taxonomy's words are no cover here.
        for m in (_LEVEL_NAMED.finditer(chunk) if "Level" in chunk else ()):
            a, b = lo + m.start(), lo + m.end()
            issuer = _ISSUER.search(text, max(lo, a - 8), a)  # "ILM Level 3 ...", "NVQ Level 3 ..."
            if issuer and not is_english(issuer.group().strip().lower()):
                a = issuer.start()
            words = m.group("name").split()
            if words[-1].lower() in _ROLE_NOUNS or words[-1].lower() in _LEVEL_NOT_QUALIFICATION \
                    or _PAY_GRADE.fullmatch(text[a:b]):
                continue  # "a Level 2 Support Analyst", "Level 3 Support": a job, not a qualification
            awarded = m.group("kind") or _LEVEL_KIND_AFTER.match(text, b)
            if not (awarded or any(taxonomy[a:b])):
                continue
            if m.group("kind") and not any(not is_english(w.lower().strip("'’")) for w in words):
                continue  # "Level 3 Diploma": a level with no subject names nothing to check
            mask[a:b] = b"\x00" * (b - a)
            add(Term(text[a:b], a, b, "credential"))
        # A named certification: "AWS Certified Security – Specialty", "Certified Kubernetes Administrator":
        # checked whole, though the taxonomy names its parts ("AWS", "Security").
        for m in (_CERTIFIED_NAME.finditer(chunk) if "Certified" in chunk else ()):
            issuer = _ISSUER.search(chunk, max(0, m.start() - 8), m.start())
            a, b = lo + (issuer.start() if issuer else m.start()), lo + m.end()
            if len(text[a:b].split()) >= 3:
                mask[a:b] = b"\x00" * (b - a)
                add(Term(text[a:b], a, b, "credential"))
        # A letter and a number naming a standard or a ticket: "(G3) qualification", "G99 applications".
        for m in (_CODE.finditer(chunk) if _CAP_DIGIT.search(chunk) else ()):
            add(Term(m.group(1), lo + m.start(1), lo + m.end(1), "acronym"))
        for m in _ACRONYM.finditer(chunk):
            word = m.group(1)
            core = word.split()[0]
            letters = sum(c.isupper() for c in core)
            stem = core.split("-")[0]
            if letters < 2 or stem in ACRONYM_STOP or stem.rstrip("S") in ACRONYM_STOP:
                continue
            if re.fullmatch(r"[IVXL]+", stem):
                continue  # a roman numeral ("Analyst II/III")
            if re.search(r"[A-Z]{2,}/$", chunk[max(0, m.start(1) - 6):m.start(1)]):
                continue  # the second name of a joint one ("ISO/IEC 27001", "TCP/IP"): the first stands for it
            if is_english(stem.lower()):
                continue  # a word in capitals ("DUTIES", "MUST", "BE")
            a, b = m.start(1), m.end(1)
            if _SHOUTING.search(chunk[max(0, a - 30):a]) or _SHOUTING.match(chunk[b:b + 30]):
                continue  # inside a run of capitals ("APPLICANTS MUST BE ABLE TO ...")
            if " " in word and any(mask[lo + a:lo + a + len(core)]) and not any(mask[lo + a + len(core):lo + b]):
                # "OSHA 30" where the taxonomy names OSHA: the number is the level asked for, and a CV with
                # OSHA 10 does not have it; the whole code is checked.
                mask[lo + a:lo + b] = b"\x00" * (b - a)
            add(Term(word, lo + m.start(1), lo + m.end(1), "acronym"))
        camel = list(_CAMEL.finditer(chunk)) if _CAMEL_JOINT.search(chunk) else []
        for m in camel + list(_PROPER.finditer(chunk)):
            words = m.group(1).split()
            if chunk.startswith("#", m.end(1)) or words[0] in ACRONYM_STOP:
                continue  # "Bachelor&#39;s": an HTML entity left in scraped text; "DKK 174": a currency
            if words[0] in _DOC_REFERENCES or _PAY_GRADE.fullmatch(m.group(1)):
                continue  # "Appendix G-6 Nurse Qualification", "Level III", "Band 6": a document or a pay grade
            # The cheap tests first (most capitalised words are ordinary words); every test only rejects.
            if all(is_english(w.lower().strip(".")) for w in words if not w.isdigit()):
                continue
            if len(words) == 1 and words[0].isupper():
                continue  # acronyms are handled above
            if any(w.lower() in _NOT_NAMES for w in words):
                continue
            s = lo + m.start(1)
            if re.search(r"[A-Z]{2,}/$", text[max(0, s - 6):s]):
                continue  # "ISO/IEC 27001": the joint name's first part stands for it
            line_start = max(text.rfind("\n", max(0, s - WINDOW), s) + 1, s - WINDOW)
            before = text[line_start:s]
            # The first word of a line, a sentence or a bullet is capitalised anyway: only a word that is
            # no English word ("Guidewire implementation experience") can be a name there.
            at_start = not before.strip(" \t•*-–") or re.search(r"[.!?:]\s*$", before)
            if at_start:
                after = text[lo + m.end(1):lo + m.end(1) + 40]
                if is_english(words[0].lower()) or not _NAME_CUE_AFTER.match(after):
                    continue
            elif not (_NAME_CUE_BEFORE.search(before[-40:]) or _near_skill(covered_sorted, s, lo + m.end(1), text)):
                continue
            parts = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", m.group(1))
            if len(words) == 1 and len(parts) > 1 and all(is_english(p.lower()) or p.isdigit() for p in parts) \
                    and (words[0][0].islower() or any(p.lower() in _RUN_TOGETHER for p in parts)):
                continue  # "ExperienceTo", "analysisSpecifically": words run together ("ServiceTitan" is a name)
            if re.fullmatch(r"[A-Z]{2,}s", words[0]) and len(words) == 1:
                continue  # "OPMs", "DRTs": an acronym's plural or possessive, not a name of its own
            w_lo, w_hi = max(0, s - WINDOW), min(len(text), s + WINDOW)
            sent_lo = max(text.rfind(".", w_lo, s), text.rfind("\n", w_lo, s), w_lo - 1) + 1
            sent_hi = min((i for i in (text.find(".", s, w_hi), text.find("\n", s, w_hi)) if i >= 0), default=w_hi)
            if _PLACE_CONTEXT.search(text[sent_lo:sent_hi]):
                continue  # "licensed in a State, the District of Columbia, Puerto Rico": places
            add(Term(m.group(1), s, lo + m.end(1), "name"))
        cues = sorted(_finditer_if(_CUE, chunk, low, _CUE_WORDS_IN)
                      + _finditer_if(_HAVE_CUE, chunk, low, _HAVE_WORDS_IN)
                      + (list(_LIST_CUE.finditer(chunk)) if "including" in chunk or "such" in chunk else []),
                      key=lambda m: m.start())
        for m in cues:
            # "Experience with pumps, valves or other fluid-handling equipment": each item of the list
            # after the cue is a phrase of its own, up to a stop that ends the list.
            items = _list_items(chunk, m.end(), _STOP_AT, _LIST_SEPARATORS)
            # "state wage and hour laws", "disciplinary and grievance procedures": a short item joined by
            # "and" to the last shares its noun; the two are one phrase.
            # (Not a name written in capitals: "VLOOKUPs and pivot tables" are two things.)
            if len(items) >= 2 and items[-1][2] == "and" and len(chunk[items[-2][0]:items[-2][1]].split()) <= 2 \
                    and not any(mask[lo + items[-2][0]:lo + items[-2][1]]) \
                    and not _CAPS_NAME.fullmatch(chunk[items[-2][0]:items[-2][1]].strip()):
                items[-2:] = [(items[-2][0], items[-1][1], items[-2][2])]
            worked_in = m.re is _CUE and m.group().rstrip()[-1:].isalpha() and _WORKED_IN.search(m.group())
            sector = m.re is _HAVE_CUE and re.search(r"worked\s+(?:in|with)\s*$", m.group(), re.IGNORECASE)
            for start, end, _sep in items:
                term = _cue_phrase(chunk, lo, start, end, taxonomy, is_english)
                if term is None and sector:
                    # "if you've worked with restaurants or hospitality": one word names the sector
                    word = re.fullmatch(r"\s*(?:the\s+|a\s+|an\s+)?([a-z][a-z-]{3,})\s*",
                                        _TRAILING_FUNCTION.sub("", chunk[start:end]))
                    if word and word.group(1) not in GENERIC and word.group(1) not in _PEOPLE \
                            and word.group(1) not in _NOT_SECTOR and word.group(1) not in _ROLE_NOUNS \
                            and word.group(1) not in _SECTOR_WORDS and not any(taxonomy[lo + start:lo + end]):
                        term = Term(word.group(1), lo + start + word.start(1), lo + start + word.end(1), "phrase")
                if term is not None and worked_in and not _list_item(term.text):
                    continue  # "working in an Agile environment participating in ...": a clause, not a place
                if term is not None and (start == m.end() or _list_item(term.text)) \
                        and (m.re is not _LIST_CUE or _listed_thing(term.text)) \
                        and (m.re is not _HAVE_CUE or _asked_thing(term.text)):
                    if term.kind == "narrower":
                        term = Term(term.text, term.start, term.end, "phrase")
                        mask[term.start:term.end] = b"\x00" * (term.end - term.start)
                    add(term)
        # What a sentence says is wanted after naming it: "Dementia Friends awareness would be a plus",
        # "Lumion or Twinmotion experience is useful".
        for m in _finditer_if(_BACK_CUE, chunk, low, _BACK_WORDS_IN):
            bounds = [x.end() for x in _CLAUSE_BOUND.finditer(chunk, max(0, m.start() - 80), m.start())]
            a = bounds[-1] - 1 if bounds else max(0, m.start() - 80) - 1
            head = chunk[a + 1:m.start()]
            head = re.sub(r"^\s*(?:and|or|but|while|also|plus)\s+", "", head)
            item = _ITEM_TAIL.sub("", head).strip()
            if not item or len(item.split()) > 4 or item.split()[0].lower() in _CLAUSE_WORDS:
                continue
            b0 = chunk.find(item, a + 1)
            term = _cue_phrase(chunk, lo, b0, b0 + len(item), taxonomy, is_english)
            if term is not None and term.kind != "narrower" and _list_item(term.text) and _asked_thing(term.text) \
                    and not (" " not in term.text and is_english(term.text.lower())):
                add(term)
        # A duty: the things a bullet or "you will" sentence says the job does ("Fit and set up smart
        # thermostats", "Design, train and ship learning-to-rank models"): each item of its object.
        for m in (_DUTY.finditer(chunk) if is_verb else ()):
            end = _duty_verbs(chunk, m.end(), is_verb)
            for _clause in range(4):
                if end is None:
                    break
                items = _list_items(chunk, end, _DUTY_STOP, _DUTY_SEPARATORS)
                for i, (a, b, _sep) in enumerate(items):
                    term = _cue_phrase(chunk, lo, a, b, taxonomy, is_english)
                    if term is not None:
                        term = _without_adverb(term, is_english)
                    if term is not None and term.kind != "narrower" and (i == 0 or _list_item(term.text)) \
                            and _duty_object(term.text, is_verb):
                        add(Term(term.text, term.start, term.end, "duty"))
                # the sentence's next clause, if it is another duty: "You will prepare LPA applications for
                # registration, assemble probate applications and ..."
                nxt = _NEXT_CLAUSE.search(chunk, items[-1][1], min(len(chunk), items[-1][1] + 120))
                end = None
                if nxt is not None and not re.search(r"[.;!?]|\n\s*\n", chunk[items[-1][1]:nxt.start()]):
                    verb = _DUTY_VERB.match(chunk, nxt.end())
                    if verb and not verb.group(1).endswith("ing"):
                        end = _duty_verbs(chunk, nxt.end(), is_verb)
        # A bullet that is a name and nothing else ("• Earned value management", "- Voice picking
        # experience", "- Forest School Level 3"): an item of the advert's list of requirements.
        for line in _BULLET_LINE.finditer(chunk):
            a = lo + line.start("item")
            item = _ITEM_TAIL.sub("", _PAREN.sub("", line.group("item"))).strip()
            stop = _STOP_AT.search(item)
            if len(item.split()) > 5 and not (_LICENCE_ITEM.match(item) and stop and len(item[:stop.start()].split()) <= 5):
                continue  # a sentence ("Carry out safe isolation before work on any circuit"), not a name
            item = item[:stop.start()].strip() if stop else item
            if text[a:a + len(item)] != item or not item or item.split()[0].lower() in _NOT_ITEM_START \
                    or _VERB_LIKE.match(item):
                continue
            # Words at either end a taxonomy mention covers are its business ("Observability with
            # Prometheus" -> "Observability"), then qualifiers ("Current BLS") and trailing "with".
            ws = [(m.start() + a, m.end() + a) for m in re.finditer(r"\S+", item)]
            whole = ws[:]
            while ws and any(mask[ws[0][0]:ws[0][1]]):
                ws.pop(0)
            while ws and any(mask[ws[-1][0]:ws[-1][1]]):
                ws.pop()
            if ws and len(ws) < len(whole) and ws[0] == whole[0] and len(ws) <= 2 \
                    and not _LEAD.match(text[ws[0][0]:ws[-1][1]] + " ") \
                    and text[ws[0][0]:ws[0][1]].lower() not in _QUALIFIERS \
                    and all(re.fullmatch(r"[A-Za-z][\w-]*", text[x:y]) for x, y in ws) \
                    and not any(text[x:y].lower() in _FUNCTION for x, y in ws):
                # A modifier in front of a taxonomy name is a narrower skill of its own ("Earned value
                # management" is not "value management"): the whole item is checked.
                ws = whole
                mask[whole[0][0]:whole[-1][1]] = b"\x00" * (whole[-1][1] - whole[0][0])
            if not ws or any(mask[ws[0][0]:ws[-1][1]]):
                continue  # covered in the middle: the taxonomy's name is the requirement
            lead = _LEAD.match(text, ws[0][0], ws[-1][1])
            a, b = (lead.end() if lead else ws[0][0]), ws[-1][1]
            item = _TRAILING_FUNCTION.sub("", text[a:b])
            b = a + len(item)
            words = item.split()
            if not 1 <= len(words) <= 4 or normalise(item) in seen:
                continue
            content = [w for w in words if w.lower() not in GENERIC and w.lower() not in _FUNCTION and len(w) > 2]
            if not content or (len(words) == 1 and is_english(words[0].lower().strip(".,"))):
                continue  # "Flexibility", "Observability": one ordinary word is no requirement to check
            add(Term(item, a, b, "phrase"))
    return out


#: Where a text has one of these, its lower case may lack a word a case-insensitive pattern finds (see
#: gapcheck.sectioning.scope.CASE_ODD).
_CASE_ODD = CASE_ODD
#: Words (lower case) one of which every match of _CUE, _HAVE_CUE and _BACK_CUE holds: a text without any
#: is not searched.
_CUE_WORDS_IN = ("experience", "background", "knowledge", "understanding", "familiar", "trained", "training",
                 "qualified", "competen", "skilled", "proficien", "expertise", "certifi", "exposure",
                 "ability to use", "track record")
_HAVE_WORDS_IN = ("hold", "worked", "served")
_BACK_WORDS_IN = ("plus", "bonus", "benefit", "advantage", "useful", "helpful", "desirable", "essential",
                  "beneficial", "welcome")
#: What every match of _CREDENTIAL_NAME, _CODE and _CAMEL holds (case as written).
_CREDENTIAL_KINDS = ("Award", "Certificate", "Diploma", "Qualification", "Portfolio", "Act", "Regulations",
                     "Training")
_CAP_DIGIT = re.compile(r"[A-Z]\d")
_CAMEL_JOINT = re.compile(r"[a-z][A-Z]")


def _finditer_if(pattern: re.Pattern[str], chunk: str, low: str | None, words: tuple[str, ...]) -> list:
    """``list(pattern.finditer(chunk))``, or ``[]`` at once when ``low`` (the chunk in lower case, None when
    that cannot be trusted) holds none of ``words``, one of which every match of the case-insensitive
    ``pattern`` holds."""
    if low is not None and not any(w in low for w in words):
        return []
    return list(pattern.finditer(chunk))


#: Words of an award's name that do not tell one award from another.
_CREDENTIAL_WORDS = frozenset("award certificate diploma qualification portfolio training certified level in and of the for at &"
                              .split())
_CAP = r"(?:[A-Z][\w&'’-]*|\d+)"
_CREDENTIAL_NAME = re.compile(
    rf"(?<![\w-])(?!(?:A|An|The|This|Our|Your)\b)({_CAP}(?:[ \t]+(?:(?:and|of|at|for|&)[ \t]+)?{_CAP}){{0,5}}[ \t]+"
    rf"(?P<kind>Award|Certificate|Diploma|Qualification|Portfolio|Act|Regulations|Training)"
    rf"(?:[ \t]+(?:19|20)\d\d)?(?:[ \t]+in[ \t]+[A-Z][\w-]*(?:[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w-]*){{0,3}})?)(?![\w-])"
)
#: A qualification at a level: "Level 4 Food Safety", "Level 3 Award in HACCP", "Level 2 Food Hygiene".
_LEVEL_NAMED = re.compile(
    r"(?<![\w-])Level[ \t]+\d(?![\w.])(?:[ \t]+(?P<kind>Award|Certificate|Diploma|Qualification)[ \t]+in)?"
    r"(?P<name>(?:[ \t]+(?:(?:and|&|in)[ \t]+)?(?!(?:and|or|in|to|qualification|award|certificate|diploma)\b)"
    r"[A-Z][\w&'’-]*){1,4})")
#: A level in a CV line ("Level 3 Award in ...", "Food Safety Level 4").
_LEVEL_OF = re.compile(r"(?<![\w-])Level[ \t]+(\d)(?![\w.])", re.IGNORECASE)
#: A level's words that name no qualification ("Level 2 Support", "Level 3 Engineer").
_LEVEL_NOT_QUALIFICATION = frozenset("support desk helpdesk line role roles position grade band pay salary".split())
_LEVEL_KIND_AFTER = re.compile(r"[ \t]+(?:award|certificate|diploma|qualification|certification)\b", re.IGNORECASE)
#: A law's name ("Procurement Act 2023", "Public Contracts Regulations 2015").
LAW_NAME = re.compile(r"\b(?:Act|Regulations)\b")
_CLAUSE_BOUND = re.compile(r"[.;:,•(]|\n(?![ \t]*[a-z])")
#: A cue after the thing it asks for (see find_terms).
_BACK_CUE = re.compile(r"\b(?:would\s+be|is|are|will\s+be)\s+(?:a\s+(?:real\s+|big\s+)?(?:plus|bonus|benefit)|"
                       r"an\s+advantage|useful|helpful|desirable|essential|advantageous|beneficial|welcome)\b",
                       re.IGNORECASE)
#: A letter or a number that grades a thing ("Category C", "Level 3", "Class 1").
_GRADE = re.compile(r"[A-Z]|\d{1,2}")
_AWARD_KINDS = frozenset("award certificate diploma".split())
_CERTIFIED_NAME = re.compile(r"\bCertified(?:[ \t]+[A-Z][\w+/-]*){1,4}(?:[ \t]+[–—-][ \t]+[A-Z][\w-]*)?")
_ISSUER = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{1,5}[ \t]+$")
#: Where a duty starts: after a bullet, or "you will" / "you'll".
_DUTY = re.compile(r"^[ \t]*[•·▪●◦‣⁃○■□➢►▶✓✔❖◆◇*+–—-][ \t]+|\byou(?:['’]ll|\s+will)\s+(?:also\s+|regularly\s+)?",
                   re.MULTILINE | re.IGNORECASE)
_DUTY_VERB = re.compile(r"([A-Za-z]+)(?:(,[ \t]*|[ \t]+and[ \t]+|[ \t]+or[ \t]+|[ \t]+&[ \t]+)|[ \t]+)")
_DUTY_SEPARATORS = frozenset({",", "and", "or"})
_PARTICLES = frozenset("up out on off down over to with in for into".split())
#: Where a duty's object ends: a list stop, or a preposition that starts how or where it is done.
_DUTY_STOP = re.compile(_STOP_AT.pattern.replace("(?:and|or|", "(?:and|or|by|with|using|on|into|before|after|"
                                                 "during|through|so|via|under|against|of|about|between|around|"
                                                 "per|than|alongside|without|whenever|if|behind|beyond|"), re.IGNORECASE)


#: Where a sentence's next clause starts: ", assemble ...", ", and open ...".
_NEXT_CLAUSE = re.compile(r",[ \t\n]+(?:and[ \t\n]+)?(?=[a-z])")


def _duty_verbs(chunk: str, pos: int, is_verb) -> int | None:
    """Where the object of a duty starts, after its verbs ("Design, train and ship ", "Fit and set up ",
    "Contribute to "), or None when the words at ``pos`` are no verbs."""
    n = 0
    while n < 4:
        m = _DUTY_VERB.match(chunk, pos)
        if not m:
            return None
        w = m.group(1)
        base = w.lower()
        if not _is_verb_form(base, is_verb) or base in _NOT_ITEM_START or (n and w[0].isupper()) \
                or base in _NOT_DUTY_VERBS:
            break
        n += 1
        pos = m.end()
        if not m.group(2):  # no list of verbs goes on: a particle may follow, then the object
            p = re.match(r"([a-z]+)[ \t]+", chunk[pos:pos + 12])
            if p and p.group(1) in _PARTICLES:
                pos += p.end()
            return pos
    return None


def _is_verb_form(w: str, is_verb) -> bool:
    """A verb's base form, its -s form or its -ing form ("Writing the weekly staff rotas")."""
    if is_verb(w) or (w.endswith("s") and is_verb(w[:-1])):
        return True
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        return is_verb(stem) or is_verb(stem + "e") or (stem[-1:] == stem[-2:-1] and is_verb(stem[:-1]))
    return False


def _duty_object(phrase: str, is_verb) -> bool:
    """A duty's object worth checking in a CV: two to four words, not generic, not people, not another
    verb's clause ("manage two assistant accountants", "oversee pre-employment checks")."""
    words = [w.lower().strip(".,") for w in phrase.split()]
    content = [w for w in words if w not in GENERIC and w not in _FUNCTION and len(w) > 2]
    named_of = len(re.findall(r"\b[A-Z][a-z]+ of [A-Z]", phrase))  # "Lasting Power of Attorney applications"
    if not (2 <= len(words) - named_of <= 4 and len(content) >= 2) or set(content) & _PEOPLE \
            or words[-1] in _PARTICLES or words[0] in _NOT_OBJECT_START or (words[0].endswith("ly") and words[0] not in _LY_ADJECTIVES) or set(words) & _CLAUSE_WORDS \
            or "<" in phrase:
        return False
    return not (_VERB_LIKE.match(phrase) or (is_verb(words[0]) and words[1] in _NOT_OBJECT_START))


#: Objects that are people ("hospitalised patients", "new starters"), not things a CV shows.
_PEOPLE = frozenset("""patient patients customer customers client clients colleague colleagues staff team teams
member members pupil pupils student students child children people person user users visitor visitors guest
guests resident residents family families manager managers starter starters stakeholder stakeholders
squad squads crew crews department departments representative representatives reps
doctor doctors nurse nurses physician physicians surgeon surgeons midwife midwives therapist therapists
teacher teachers engineer engineers developer developers technician technicians worker workers assistant
assistants apprentice apprentices trainee trainees operative operatives volunteer volunteers carer carers""".split())
#: A gerund opening a phrase after a cue ("managing", "running", "supporting").
_GERUND = re.compile(r"(?:managing|running|leading|delivering|supporting|handling|building|operating|"
                     r"maintaining|designing|developing|providing|conducting|preparing|using)\s+", re.IGNORECASE)
#: Verbs after "you will" that tell what the job gives or is like, not what it does ("you'll find a
#: collaborative environment", "you will join our team", "you will report to").
_NOT_DUTY_VERBS = frozenset("""be is are have has get gets find finds join joins enjoy enjoys receive receives
love like thrive feel become benefit gain grow see meet need want play report reports belong earn
bring brings also discover experience explore benefit count rely work works""".split())
#: Adjectives that end like adverbs ("the weekly rota", "early mobility"); other -ly words start no object
#: ("extremely fast paced").
_LY_ADJECTIVES = frozenset("daily weekly fortnightly monthly quarterly yearly annually hourly nightly early "
                           "friendly costly timely orderly elderly".split())
#: Words no duty's object starts with: possessives, quantifiers, "make sure".
_NOT_OBJECT_START = frozenset("""our your their its my his her this these those the a an every each all any some
more most other sure certain that two three four five several us them him me you it others everyone everybody
people""".split())


#: Lists inside a requirement: "monitoring of cleanrooms and utilities, including water system sampling",
#: "Lead health and safety on shift: toolbox talks, MHE checks and accident investigation".
_LIST_CUE = re.compile(r"\b(?:including|such\s+as)\s+")
_ROLE_NOUNS = frozenset("""operator operators analyst analysts chief chiefs engineer engineers technician technicians
assistant assistants manager managers officer officers specialist specialists nurse nurses clerk clerks""".split())


def _listed_thing(phrase: str) -> bool:
    """An item after "including" / "such as" names a thing, not a duty ("writing code", "configuring new
    laptops": a CV says "wrote" and "configured") or a job ("such as computer operator")."""
    words = phrase.lower().split()
    return not words[0].endswith("ing") and words[0] not in _FUNCTION and words[-1] not in _ROLE_NOUNS \
        and len(words[-1]) > 3 and words[0] not in _NOT_ITEM_START and words[0] not in _NOT_OBJECT_START \
        and not re.search(r"['’´]s$", words[0])  # "all materials", "the applicant's former work"


#: How many items of a list after a cue are read ("experience with A, B, C or D").
_MAX_CONJUNCTS = 4
_LIST_SEPARATORS = frozenset({",", "and", "or", "/"})
_SECTOR_WORDS = frozenset("public private federal state local government commercial civilian volunteer unpaid paid".split())
#: A later item starting with these, or holding a pronoun, is a clause, not a list item ("... magnets,
#: and how they relate to the human body").
_CLAUSE_WORDS = frozenset("how what which who whom whose why it they them you your we our he she his her its "
                          "their this these those there".split())


_NAME_OF = re.compile(r"[ \t]+of[ \t]+[A-Z]")
_CAP_BEFORE = re.compile(r"\b[A-Z][a-z]+$")


#: One word written as a name in capitals or CamelCase: "VLOOKUPs", "PivotTables", "eBay".
_CAPS_NAME = re.compile(r"[A-Z]{2,}s?|[A-Za-z]*[a-z][A-Z][A-Za-z]*")


def _list_items(chunk: str, start: int, stop_at: re.Pattern[str], separators: frozenset[str]
                ) -> list[tuple[int, int, str]]:
    """The items of a list from ``start``: ``(start, end, the separator before it)``, each ending at the
    next ``stop_at``, the list going on while that stop is one of ``separators`` (at most
    _MAX_CONJUNCTS items)."""
    items: list[tuple[int, int, str]] = []
    sep = ""
    for _ in range(_MAX_CONJUNCTS):
        stop = stop_at.search(chunk, start)
        while stop and _NAME_OF.match(chunk, stop.start()) and _CAP_BEFORE.search(chunk, max(0, stop.start() - 30),
                                                                                   stop.start()):
            stop = stop_at.search(chunk, stop.end())  # "Lasting Power of Attorney": one name
        items.append((start, stop.start() if stop else len(chunk), sep))
        sep = stop.group().strip().lower() if stop else ""
        if sep not in separators:
            break
        start = stop.end()
    return items


def _list_item(phrase: str) -> bool:
    """True if a later item of a list after a cue reads as a name: on one line, no clause words, no verb's
    -ing form after its first word ("public sector developing design specifications")."""
    words = phrase.lower().split()
    return "\n" not in phrase and not any(w in _CLAUSE_WORDS for w in words) \
        and not any(w.endswith("ing") and "-" not in w for w in words[1:]) and words[0] not in _FUNCTION


def _cue_phrase(chunk: str, lo: int, start: int, end: int, taxonomy: bytes, is_english) -> Term | None:
    """The phrase in ``chunk[start:end]`` (after a cue, or after a list separator following one) as a
    term, or None when it is a taxonomy name, generic ("a similar role") or one ordinary word.
    ``taxonomy``: per character of the text, non-zero where a taxonomy mention covers it."""
    while start < end and chunk[start].isspace():
        start += 1
    phrase = chunk[start:end]
    lead = _LEAD.match(phrase)
    if lead:
        start += lead.end()
    # "experience of managing employee relations casework": the activity's verb is no part of the thing
    gerund = _GERUND.match(chunk, start, end)
    if gerund and gerund.end() < end:
        start = gerund.end()
    first, last = start, end
    # Words at either end that the taxonomy already names are trimmed ("teaching mixed-age classes" ->
    # "mixed-age classes": teaching is a skill of its own).
    while True:
        ws = list(re.finditer(r"\S+", chunk[start:end]))
        if not ws:
            break
        a0, a1 = lo + start + ws[0].start(), lo + start + ws[0].end()
        z0, z1 = lo + start + ws[-1].start(), lo + start + ws[-1].end()
        if any(taxonomy[a0:a1]):
            start += ws[0].end()
            while start < end and chunk[start].isspace():
                start += 1
        elif any(taxonomy[z0:z1]):
            end = start + ws[-1].start()
        else:
            break
    kept = chunk[start:end].split()
    if start == first and end < last and 1 <= len(kept) <= 2 and len(chunk[end:last].split()) <= 3 \
            and all(w.isalpha() and w.lower() not in _QUALIFIERS and w.lower() not in _FUNCTION
                    and w.lower() not in GENERIC and w.lower() not in _SECTOR_WORDS for w in kept):
        # A modifier in front of the taxonomy's name is a narrower skill ("experience with union payroll"
        # is not payroll): the whole phrase is checked, like a list item's (see find_terms).
        whole = chunk[start:last].rstrip()
        return Term(whole, lo + start, lo + start + len(whole), "narrower")
    phrase = chunk[start:end].strip()
    phrase = _TRAILING_FUNCTION.sub("", phrase)  # "specialty area of" (its noun was a skill and was trimmed)
    words = phrase.split()
    named_of = len(re.findall(r"\b[A-Z][a-z]+ of [A-Z]", phrase))  # "Lasting Power of Attorney applications"
    if not 1 <= len([w for w in words if w.lower() != "and"]) - named_of <= 4:
        return None
    if words[0].lower() in ("and", "or", "&", "your", "our", "their", "my", "his", "her", "its") or "@" in phrase:
        return None  # "building and shipping ...": a verb list, not a thing; "hiring@example.com": an address
    if words[-1].lower().strip(".,") in _PEOPLE:
        return None  # "working with trade union representatives": people, not a skill to show
    content = [w for w in words if w.lower() not in GENERIC and w.lower() not in _FUNCTION and len(w) > 2]
    if not content or (len(words) == 1 and is_english(words[0].lower()) and len(content) == 1
                       and words[0].islower()):
        return None  # one ordinary word ("scheduling", "cooking") is too vague to call a gap
    if all(w.lower() in _SECTOR_WORDS for w in content):
        return None  # "equivalent experience in the private or public sector" asks for no skill
    return Term(phrase, lo + start, lo + start + len(phrase), "phrase")


#: A licence asked for in a long bullet: "Current Minnesota OT license at start date" (read up to its stop).
_LICENCE_ITEM = re.compile(r"(?:current|valid|full|active)\s+(?:[\w-]+\s+){0,3}licen[cs]e\b", re.IGNORECASE)
#: A bulleted line and its text after the bullet mark.
_BULLET_LINE = re.compile(r"^[ \t]*[•·▪●◦‣⁃○■□➢►▶✓✔❖◆◇*+–—-][ \t]+(?P<item>[^\n]+?)[ \t.;]*$", re.MULTILINE)
_PAREN = re.compile(r"\s*\([^)]*\)")
_ITEM_TAIL = re.compile(r"(?:\s+(?:experience|knowledge|skills?|background|exposure|understanding|awareness|"
                        r"qualification|required|essential|preferred|desirable|a\s+plus|is\s+a\s+plus))+\s*$",
                        re.IGNORECASE)
#: Words that qualify a credential rather than name a narrower one.
_QUALIFIERS = frozenset("current valid full clean qualified registered certified licensed active".split())
_FUNCTION = frozenset("of in on at to for with and or the a an by from via using".split())
#: Function words left at the end of a phrase once a named skill after them was trimmed ("specialty area of").
_TRAILING_FUNCTION = re.compile(rf"(?:\s+(?:{'|'.join(sorted(_FUNCTION))}|&|before|previously|already|too))+$",
                                re.IGNORECASE)
#: A bullet starting with these is a sentence, not a name.
_NOT_ITEM_START = frozenset("""
a an the you your we our must should will ability able excellent strong good great proven solid working
at least minimum some any ideally be being have having experience knowledge understanding familiarity
confident comfortable happy willing keen
""".split())
_VERB_LIKE = re.compile(r"^(?:[A-Za-z]+ing(?=\s+(?:the|a|an|our|your|their|all|new|and)\b)|(?:manage|lead|support|deliver|build|run|maintain|provide|"
                        r"handle|write|prepare|own|use|work|ensure|carry|answer|take|make|set|coordinate|develop|"
                        r"design|implement|perform|monitor|review|train|teach|drive|plan|create|conduct|assist|"
                        r"communicate|report|record|complete|respond|diagnose|install|inspect|operate|process|"
                        r"serve|cook|clean|order|check|keep|follow|help|mentor|oversee|supervise|improve|"
                        r"analyse|analyze|test|deploy|publish|partner|liaise|act|join|collaborate|hold|possess|demonstrate|"
                        r"understand|speak|show|bring|need|want|get|give)s?\b)",
                        re.IGNORECASE)


_CODE = re.compile(r"(?<![\w.-])\(?([A-Z]\d{1,3})\)?(?=\s+(?:applications?|qualification|certificate|certification|"
                   r"licen[cs]e|approval|accreditation|registration|ticket|card|regulations|standard)\b)")
#: Words that mark two words run together by a lost space ("ExperienceTo", "ResponsibilitiesYou").
_RUN_TOGETHER = frozenset("""to and the of in on at for with by or a an is are be we you your our my it this that
from as knowledge ability abilities skill skills experience develop perform specifically responsibilities duties
requirements qualifications""".split())


def _near_skill(covered: list[tuple[int, int]], start: int, end: int, text: str) -> bool:
    """A taxonomy mention on the same line within a few words (a list of tools); ``covered`` is sorted."""
    import bisect

    i = bisect.bisect_left(covered, (start - 200, 0))
    for a, b in covered[i:]:
        if a > end + 25:
            break
        if 0 <= start - b <= 25 or 0 <= a - end <= 25:
            lo, hi = (b, start) if b <= start else (end, a)
            if "\n" not in text[lo:hi]:
                return True
    return False


_CAP_WORD = re.compile(r"[A-Z][a-z]*|\d+")
_WORD = re.compile(r"[A-Za-z0-9+#]+")


class CVText:
    """A CV's text prepared for :func:`term_in_cv`: its capitalised words and its lines with their word
    stems, each computed once (screening looks up every listing's terms in the same CV)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def initials(self) -> str:
        """The first letters (lower case) of the text's running words of three letters or more, "|" where
        anything else comes between: a spelled-out acronym's initials are a substring of this."""
        out = []
        for tok in re.split(r"[ \t-]+", self.text):
            word = re.match(r"([^A-Za-z0-9]*)([A-Za-z]{3,})?", tok)
            if word.group(1):
                out.append("|")
            if word.group(2):
                out.append(word.group(2)[0].lower())
                if word.end() != len(tok):
                    out.append("|")
            else:
                out.append("|")
        return "".join(out)

    @cached_property
    def cap_words(self) -> list[tuple[int, int, str]]:
        """``(start, end, word)`` of capitalised words and numbers, for spelled-out acronyms."""
        return [(m.start(), m.end(), m.group()) for m in _CAP_WORD.finditer(self.text)]

    @cached_property
    def folded(self) -> str:
        """The text in lower case, with every other character that an ASCII letter matches when case is
        ignored written as that letter ("ſ" as "s", the Kelvin sign as "k"): an ASCII word that a
        case-insensitive pattern finds in the text is a substring of this (see :meth:`may_contain`)."""
        import string

        letters = {}
        for ch in set(self.text):
            if not ch.isascii():
                for c in string.ascii_lowercase:
                    if re.fullmatch(c, ch, re.IGNORECASE):
                        letters[ch] = c
                        break
        return self.text.translate(str.maketrans(letters)).lower()

    def may_contain(self, name: str) -> bool:
        """False when :func:`_name_pattern` of ``name`` cannot match the text: one of its ASCII words is
        not in the text whatever the case (a cheap test before building and running the pattern)."""
        folded = self.folded
        return all(p.lower() in folded for p in re.split(r"[\s\-‐]+", name) if p.isascii())

    @cached_property
    def line_stems(self) -> list[tuple[int, int, dict[str, tuple[str, ...]]]]:
        """``(start, end, {first four letters: the line's singular words starting so})`` per line."""
        out, pos = [], 0
        for line in self.text.split("\n"):
            words: dict[str, tuple[str, ...]] = {}
            for w in _WORD.findall(line):
                w = _singular(w)
                words[w[:4]] = words.get(w[:4], ()) + (w,)
            out.append((pos, pos + len(line), words))
            pos += len(line) + 1
        return out


def _expansion_in(acronym: str, cv: CVText) -> tuple[int, int] | None:
    """Where the CV first spells an acronym out (see :func:`_expansions`), or None."""
    return next(_expansions(acronym, cv), None)


def _expansions(acronym: str, cv: CVText):
    """Where the CV spells an acronym out: "Driver Qualification Card" for DQC, "Google Analytics 4" for
    GA4 (capitalised words whose initials, digits kept, give the acronym), or running lower-case words."""
    target = re.sub(r"[^A-Za-z0-9]", "", acronym).upper()
    if len(target) < 3:
        return  # two letters spell too many things ("AN" = "Alive News")
    text, words = cv.text, cv.cap_words
    n = len(target)
    for i in range(len(words)):
        if words[i][2][0] != target[0]:
            continue  # the spelled-out words start with the acronym's first letter (or digits)
        got, j = "", i
        while j < len(words) and len(got) < n:
            w = words[j][2]
            if j > i and text[words[j - 1][1]:words[j][0]].strip(" &-") not in ("", "and", "of", "for"):
                break
            got += w if w.isdigit() else w[0]
            j += 1
        if got == target and j - i >= 2:
            yield words[i][0], words[j - 1][1]
    # ... or in lower case, as running words of three letters or more: "vendor-managed inventory" for VMI
    if target.isalpha() and target.lower() in cv.initials:
        pattern = r"(?<![\w-])" + r"[ \t-]+".join(f"{c}[a-z]{{2,}}" for c in target.lower()) + r"(?![\w-])"
        from gapcheck.scoring._stopwords import ENGLISH_STOP_WORDS

        for m in re.finditer(pattern, text, re.IGNORECASE):
            spelled = [w.lower() for w in re.split(r"[ \t-]+", m.group())]
            # content words only, no verb forms: not "the Coursera platform" (TCP), "Managed customer
            # relationships", "recommender systems using" (RSU)
            if not any(w in ENGLISH_STOP_WORDS or w.endswith("ing") for w in spelled) and not spelled[0].endswith("ed"):
                yield m.span()


def _name_pattern(name: str) -> re.Pattern[str]:
    """A name or acronym as written in a CV: any case, its words joined by a space, a hyphen or nothing."""
    return re.compile(r"(?<![\w])" + r"[\s\-‐]?".join(re.escape(p) for p in re.split(r"[\s\-‐]+", name))
                      + r"(?![\w])", re.IGNORECASE)


def term_in_cv(term: Term, cv: CVText) -> tuple[int, int] | None:
    """Where the CV shows the term, or None: literal for acronyms and names (any case, hyphens or spaces),
    all content words in one line for phrases."""
    if term.kind == "acronym":
        exp = _expansion_in(term.text, cv)
        if exp:
            return exp
    if term.kind in ("acronym", "name"):
        m = _name_pattern(term.text).search(cv.text) if cv.may_contain(term.text) else None
        if m is None and term.kind == "name":
            m = _name_variant_in(term.text, cv.text)
        return m.span() if m else None
    if term.kind == "credential":
        # an award or law is shown by its distinctive words on one line, in any order ("Level 3 Award in
        # Residential Letting (Propertymark)"); "Higher" still tells the Higher Specialist Diploma apart
        m = (_name_pattern(term.text).search(cv.text) if cv.may_contain(term.text) else None) \
            or _name_variant_in(term.text, cv.text)
        if m:
            return m.span()
        words = [_singular(w) for w in _WORD.findall(term.text)
                 if w.lower() not in _CREDENTIAL_WORDS and not re.fullmatch(r"(?:19|20)\d\d", w)]
        # ... and a law of two subject words or more by them ("mental capacity assessments" for the Mental
        # Capacity Act, "data protection" for the Data Protection Act 2018; not "procurement" alone)
        if LAW_NAME.search(term.text):
            subject = [w for w in words if w not in ("act", "regulation")]
            if len(subject) >= 2:  # in their order, as a phrase ("Right to Rent" is no Renters' Rights Act)
                m = re.search(r"(?<![\w-])" + r"\w*[\s'’-]+".join(re.escape(w[:max(4, len(w) - 2)]) for w in subject)
                              + r"\w*", cv.text, re.IGNORECASE)
                if m:
                    return m.span()
        # ... and by its kind where the CV names one: an ILSPA Certificate is not the ILSPA Diploma
        kinds = {w.lower() for w in _WORD.findall(term.text)} & _AWARD_KINDS
        # ... and by its level, where one is asked: the same or a higher level on the line ("Level 4 Food
        # Safety" is not shown by "Level 3 Award in Food Safety"; "Level 2 Food Hygiene" is by Level 3)
        level = _LEVEL_OF.search(term.text)
        if level:
            asked = int(level.group(1))
            # the subject after the level; the awarding body before it may differ ("CMI" for "ILM Level 3")
            words = [_singular(w) for w in _WORD.findall(term.text[level.end():]) if w.lower() not in _CREDENTIAL_WORDS] \
                or [w for w in words if w != level.group(1)]  # "Propertymark Level 3 Award": the body is the name
            spare = 1 if len(words) >= 4 else 0  # "Heavy Vehicle Maintenance and Repair" as "... Service and Maintenance"
            for start, end, stems in cv.line_stems:
                if sum(not any(_same_word(w, x) for x in stems.get(w[:4], ())) for w in words) <= spare and \
                        any(int(k) >= asked for k in _LEVEL_OF.findall(cv.text, start, end)):
                    return start, end
            return None
    else:
        kinds = set()
        words = [_singular(w) for w in _WORD.findall(term.text)
                 if (w.lower() not in GENERIC and len(w) > 2 and not re.fullmatch(r"(?:19|20)\d\d", w))
                 or _GRADE.fullmatch(w)]  # "Category C licence" is not "category B"; "Level 3" not "Level 2"
        if len(words) == 2 and words[1] == "management" and len(term.text.split()) == 2:
            words = words[:1]  # "premises management" in "Lead on premises and health and safety"
    if not words:
        return None
    # a duty's object is shown with one modifier missing ("fault finding" for "electrical fault finding"),
    # but a two-word one never without its least common word ("box trailers" is no show of "refrigerated
    # trailers"), nor a longer one without its least common word after the first
    spare = 1 if term.kind == "duty" and len(words) >= 2 else 0  # words a line may lack
    rarest = _rarest(words) if spare else -1
    if rarest == 0 and len(words) >= 3:
        rarest = -1  # a leading modifier of a longer phrase may go, however rare ("electrical fault finding")
    for start, end, stems in cv.line_stems:
        missing = 0
        for k, w in enumerate(words):
            if not any(_same_word(w, x) for x in stems.get(w[:4], ())):
                missing += 1
                if missing > spare or k == rarest:
                    break
        else:
            if kinds:
                named = {x for x in _AWARD_KINDS if x[:4] in stems and x in stems[x[:4]]}
                if named and not named & kinds:
                    continue
            return start, end
    m = _name_variant_in(term.text, cv.text)  # "International Plumbing Code" as "IPC"
    if m is None and term.kind in ("phrase", "duty"):
        m = _phrase_variant_in(term.text, cv, spare)
    return m.span() if m else None


#: Nouns ending in -ly, which end a duty's object as its head ("the parts supply").
_LY_NOUNS = frozenset("assembly supply family anomaly reply rally ally monopoly butterfly jelly belly bully "
                      "italy homily melee".split())


def _without_adverb(term: Term, is_english) -> Term | None:
    """A duty's object without a trailing adverb ("Hunt for threats proactively" -> "threats"); None when
    one ordinary word is left, which names no requirement to check."""
    words = term.text.split()
    last = words[-1].lower()
    if len(words) < 2 or not last.endswith("ly") or last in _LY_NOUNS \
            or not (is_english(last[:-2]) or is_english(last[:-3] + "e") or is_english(last[:-3] + "y")):
        return term
    text = term.text[:term.text.rstrip().rfind(" ")].rstrip()
    if " " not in text and is_english(text.lower()):
        return None
    return Term(text, term.start, term.start + len(text), term.kind)


def _phrase_variant_in(phrase: str, cv: CVText, spare: int) -> re.Match[str] | None:
    """A lower-case phrase as a CV may write it: its words run together ("pivot tables" as "PivotTables",
    "e-tendering" as "etendering"), or, when it has three or more words, by their initials in capitals
    ("subject matter experts" as "SMEs"); ``spare`` leading words (a duty's verb) may be left out."""
    words = phrase.split()
    if 2 <= len(words) <= 3 and all(_WORD.fullmatch(w) for w in words):
        last = words[-1].lower()
        if last.endswith("s") and not last.endswith("ss"):
            last = last[:-1]
        joined = "".join(re.escape(w.lower()) for w in words[:-1]) + re.escape(last)
        if joined.replace("\\", "") in cv.folded:
            m = re.search(r"(?<![a-z0-9])" + joined + r"(?:s|es)?(?![a-z0-9])", cv.folded)
            if m:
                return m
    # an acronym and the words after it by one more capital: "CT angiography" as "CTA", "CT pulmonary
    # angiography" as "CTPA"
    if len(words) >= 2 and re.fullmatch(r"[A-Z]{2,4}", words[0]):
        for n in (2, 1):
            if len(words) > n and all(w.isalpha() and w.islower() for w in words[1:1 + n]):
                short = words[0] + "".join(w[0].upper() for w in words[1:1 + n])
                m = re.search(r"(?<![\w-])" + short + r"(?![\w-])", cv.text) if short in cv.text else None
                if m:
                    return m
    content = [w for w in words if w.lower() not in _FUNCTION]
    for skip in range(spare + 1):
        run = content[skip:]
        if len(run) < 3 or not all(w.isalpha() and w.islower() for w in run):
            continue
        initials = "".join(w[0] for w in run).upper()
        if initials not in cv.text:
            continue
        # capitals, as written, plural as the phrase is ("SMEs" for "subject matter experts"; an electrician's
        # "SWA" cable is no "scalable web applications")
        plural = "s" if run[-1].endswith("s") and not run[-1].endswith("ss") else ""
        m = re.search(r"(?<![\w-])" + initials + plural + r"(?![\w-])", cv.text)
        if m:
            return m
    return None


_YEAR_TAIL = re.compile(r"\s+(?:19|20)\d\d$")


def _name_variant_in(name: str, text: str) -> re.Match[str] | None:
    """A name as a CV may shorten it: without its year ("Tenant Fees Act 2019" as "Tenant Fees Act"), or by
    its initials when it has three or more capitalised words ("International Plumbing Code" as "IPC",
    "Critical Care Paramedic" as "CCP-C")."""
    short = _YEAR_TAIL.sub("", name)
    if short != name:
        m = _name_pattern(short).search(text)
        if m:
            return m
    words = [w for w in short.split() if w.lower() not in _FUNCTION]
    if len(words) >= 3 and all(w[:1].isupper() for w in words):
        initials = "".join(w[0] for w in words)
        m = re.search(r"(?<![\w-])" + initials + r"(?![a-z0-9])", text)  # capitals, as written
        if m is None and words[0].isupper() and len(words) >= 4:
            # the body's name shortened after the issuer's acronym: "GWO Advanced Rescue Training" as "GWO ART"
            m = re.search(r"(?<![\w-])" + re.escape(words[0]) + r"[ \t]+" + initials[1:] + r"(?![a-z0-9])", text)
        return m
    return None


def name_hits_in_cv(term: Term, cv: CVText) -> list[tuple[int, int]]:
    """Every literal occurrence of an acronym or a name in the CV (any case, hyphens or spaces), and where
    an acronym is spelled out; ``[]`` for phrases."""
    if term.kind not in ("acronym", "name"):
        return []
    hits = [m.span() for m in _name_pattern(term.text).finditer(cv.text)]
    exp = list(_expansions(term.text, cv)) if term.kind == "acronym" else []
    return sorted(set(hits + exp))


def mentions_from_terms(terms: list[Term]) -> list[Mention]:
    return [Mention(t.skill_id, t.text, "hard", t.text, t.start, t.end) for t in terms]


#: The log probability given a word no frequency list has: rarer than any listed word.
_UNLISTED = -30.0


def _rarest(words: list[str]) -> int:
    """The index of the least common of a phrase's words (singular, lower case, as term_in_cv has them):
    the one a CV must show for a duty's object ("refrigerated" in "refrigerated trailers", "rotas" in
    "weekly staff rotas"), whichever other word it lacks."""
    from gapcheck.extraction.compiled import load_word_logprob

    lp = load_word_logprob()
    probs = [max((lp[f] for f in (w, w + "e", w + "s", w + "es") if f in lp), default=_UNLISTED) for w in words]
    return probs.index(min(probs))
