"""Office holders: who held an office on a given day, found by the name an article uses.

The table is `office_holders.tsv` (heads of state and government compiled from the CIA World
Factbook by `scripts/build_office_holders.py`, plus our curated ministers, spokespeople and heads
of international bodies). Family names are written in capitals there ("Sergei LAVROV",
"XI Jinping"), so a later mention by family name alone ("Lavrov", "Xi") can be matched too.

Names are compared after folding: accents, case and punctuation go, "al-"/"el-" particles go,
the common transliteration endings meet ("Zelenskyy", "Zelenskiy", "Zelensky" all fold to
"zelensky"; "Sergey" and "Sergei" to "sergei"), and the spellings of Muhammad meet. A given name
that differs but starts with the same letter ("Benjamin"/"Benyamin") still counts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from ..lexicon import load_table, split_list

DROPPED = {"al", "el", "ul", "bin", "ibn", "bint", "ibni", "jr", "sr", "ii", "iii", "sheikh", "prince", "sayyid", "ayatollah",
           "dr", "sir", "dame"}
MUHAMMAD = {"mohammed", "mohammad", "mohamed", "mohamad", "muhammed", "muhammad", "mohammod",
            "mohamud", "muhamad"}
_ENDINGS = (("iy", "y"), ("yy", "y"), ("ii", "y"), ("yi", "y"), ("ey", "ei"))


@lru_cache(maxsize=8192)
def fold_token(token: str) -> str:
    """One name token in a form shared by its common spellings."""
    text = unicodedata.normalize("NFKD", token)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]", "", text.replace("ł", "l").replace("ø", "o"))
    if text in MUHAMMAD:
        return "muhammad"
    if len(text) > 4:
        for end, repl in _ENDINGS:
            if text.endswith(end):
                return text[: -len(end)] + repl
    return text


def fold_name(name: str) -> list[str]:
    """The folded tokens of a name, in order, without particles and honorifics."""
    out = []
    for word in re.split(r"[\s\-‐‑–]+", name):
        folded = fold_token(word.strip(".,'’\""))
        if folded and folded not in DROPPED:
            out.append(folded)
    return out


def parse_day(value: str | None) -> date | None:
    """An ISO date of any precision ("2024", "2024-05", "2024-05-12") as its first day."""
    if not value:
        return None
    parts = [int(p) for p in value.strip()[:10].split("-") if p.isdigit()]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def display_name(name: str) -> str:
    """"Sergei LAVROV" -> "Sergei Lavrov" (the table's capitals mark the family name only)."""
    def fix(part: str) -> str:
        if not _is_caps(part) or re.fullmatch(r"[IVX]+", part):
            return part
        return part.lower() if part.lower() in {"al", "el", "bin", "ibn", "bint", "von", "der",
                                                "van", "de", "da", "dos"} else part.capitalize()
    return " ".join("-".join(fix(p) for p in w.split("-")) for w in name.split())


@dataclass(frozen=True)
class Holder:
    """One term of one office."""

    name: str  # display form, "Sergei Lavrov"
    country: str  # ISO3 or UNO/EUR/IGO/NGO
    role: str
    sector: str | None
    start: date | None
    end: date | None
    source: str
    family: str = ""  # the folded family name of the table's main spelling: one person's key

    def held_on(self, day: date | None) -> bool:
        """In office on `day`; with no day, in office when the table was built."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class _Variant:
    holder: Holder
    family: frozenset[str]
    given: frozenset[str]
    words: tuple[str, ...]  # the variant as written, for phrase matching ("Sergei", "Lavrov")


def _variant(text: str, holder: Holder) -> _Variant | None:
    family: set[str] = set()
    given: set[str] = set()
    for word in text.split():
        for part in re.split(r"-", word):
            folded = fold_token(part.strip(".,'’\""))
            if not folded or folded in DROPPED:
                continue
            (family if _is_caps(part) else given).add(folded)
    if not family:
        return None
    return _Variant(holder, frozenset(family), frozenset(given), tuple(display_name(text).split()))


def _role_words(role: str) -> set[str]:
    words = set(re.sub(r"[^a-z ]", " ", role.lower().replace("defense", "defence")).split())
    if words & {"spokesman", "spokeswoman", "spokesperson"}:
        words |= {"spokesman", "spokeswoman", "spokesperson"}
    return words - {"of", "the", "for", "and"}


def roles_agree(a: str | None, b: str | None) -> bool:
    """Do two role strings name the same kind of office ("Foreign Minister", "foreign minister")?"""
    if not a or not b:
        return False
    wa, wb = _role_words(a), _role_words(b)
    heads = {"president", "minister", "premier", "chancellor", "secretary", "spokesman", "king",
             "emir", "taoiseach", "director", "chief", "leader", "envoy", "commissioner",
             "representative", "ambassador", "adviser", "prosecutor", "governor"}
    shared = wa & wb
    if not shared & heads:
        return False
    # "Foreign Minister" and "Defence Minister" share only the head: not the same office.
    qualifiers = {"foreign", "defence", "interior", "prime", "finance", "vice", "deputy",
                  "acting", "trade", "energy", "home", "commerce", "economy", "treasury", "state"}
    qa, qb = wa & qualifiers, wb & qualifiers
    return not (qa and qb and not qa & qb)


@dataclass(frozen=True)
class Match:
    holder: Holder
    current: bool  # in office on the article's day
    surname_only: bool


class OfficeIndex:
    """Office holders indexed by folded family name."""

    def __init__(self, holders: Iterable[tuple[Holder, Sequence[str]]]) -> None:
        self.variants: list[_Variant] = []
        self.by_family: dict[str, list[_Variant]] = {}
        for holder, texts in holders:
            for text in texts:
                v = _variant(text, holder)
                if v is None:
                    continue
                self.variants.append(v)
                for token in v.family:
                    self.by_family.setdefault(token, []).append(v)

    def full_names(self) -> list[tuple[str, ...]]:
        """Every variant with a given name, as words ("Sergei", "Lavrov"), for phrase matching."""
        return sorted({v.words for v in self.variants if v.given and len(v.words) > 1})

    def candidates(self, name: str) -> list[tuple[_Variant, bool]]:
        """Variants whose family name is in `name`, with "matched by family name alone"."""
        tokens = set(fold_name(name))
        seen: set[int] = set()
        out = []
        for token in tokens:
            for v in self.by_family.get(token, []):
                if id(v) in seen or not v.family <= tokens:
                    continue
                seen.add(id(v))
                rest = tokens - v.family
                if not rest:
                    out.append((v, len(tokens) == 1))
                elif not v.given or rest & v.given or \
                        all(any(r[:1] == g[:1] for g in v.given) for r in rest):
                    # a spelling of the given name ("Vladimir", "Volodymyr") starts alike; every
                    # other word must too: "Sun Li-fang" is not Li Shangfu
                    out.append((v, False))
        # The variants that account for most of the name win ("Mohammed bin Salman" is the
        # crown prince, not King Salman).
        def covered(item: tuple[_Variant, bool]) -> int:
            return len(tokens & (item[0].family | item[0].given))
        best = max((covered(i) for i in out), default=0)
        return [i for i in out if covered(i) == best]

    def match(self, name: str, *, on: date | None = None, countries: Sequence[str] = (),
              role: str | None = None) -> Match | None:
        """The office holder an article means by `name`, or None when unknown or ambiguous.

        on: the article's publication day (selects the term); countries: the countries the
        article is about; role: a title the text gives the person. A name given by family name
        alone must be backed by one of these (the holder's country is in `countries`, or the
        role agrees), since "Lee" or "Ali" alone could be anyone.
        """
        found = self.candidates(name)
        if not found:
            return None
        found = [(v, alone) for v, alone in found
                 if not alone or v.holder.country in countries or roles_agree(role, v.holder.role)]
        if not found:
            return None
        holders = [v.holder for v, _ in found]
        current = [h for h in holders if h.held_on(on)]
        pool = current or holders
        if role:
            pool = [h for h in pool if roles_agree(role, h.role)] or pool
        people = {(h.country, h.family) for h in pool}
        if len(people) > 1:
            pool = [h for h in pool if h.country in countries] or pool
            people = {(h.country, h.family) for h in pool}
            if len(people) > 1:
                return None
        if not current:
            best = max(pool, key=lambda h: (h.end or date.max, h.start or date.min))
        else:
            best = max(pool, key=lambda h: (h.start or date.min))
        alone = all(a for v, a in found if v.holder == best)
        return Match(best, bool(current), alone)


@cache
def load_offices() -> OfficeIndex:
    """The office-holder table, indexed once per process."""
    rows = load_table("office_holders.tsv",
                      required=("name", "aliases", "country", "role", "sector", "start", "end",
                                "source"))
    items = []
    for row in rows:
        holder = Holder(name=display_name(row["name"]), country=row["country"],
                        role=row["role"], sector=row["sector"] or None,
                        start=parse_day(row["start"]), end=parse_day(row["end"]),
                        source=row["source"],
                        family=" ".join(sorted(fold_token(p) for w in row["name"].split()
                                               for p in w.split("-") if _is_caps(p)
                                               and fold_token(p) not in DROPPED)))
        items.append((holder, [row["name"], *split_list(row["aliases"])]))
    return OfficeIndex(items)
