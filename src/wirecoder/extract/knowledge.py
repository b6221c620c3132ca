"""The actor and place knowledge tables, loaded once and indexed for lookup.

Tables live in `wirecoder/data/` (see its README); this module only indexes them. Names are
matched case-sensitively (they are proper nouns), title and group nouns case-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from spacy.tokens import Token

from ..lexicon import load_table, split_list


@dataclass(frozen=True)
class Code:
    """What a name stands for: a country or non-state code, a sector, and a display name."""

    code: str | None
    sector: str | None
    name: str
    kind: str  # country | organization | group | person
    role: str | None = None


@dataclass
class Knowledge:
    countries: dict[str, Code] = field(default_factory=dict)  # name/alias -> country
    adjectives: dict[str, str] = field(default_factory=dict)  # "Russian" -> RUS
    demonyms: dict[str, str] = field(default_factory=dict)  # "Russians" -> RUS
    capitals: dict[str, str] = field(default_factory=dict)  # "Moscow" -> RUS
    iso2_to_iso3: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # RUS -> "Russia"
    adjective_of: dict[str, str] = field(default_factory=dict)  # RUS -> "Russian"
    organizations: dict[str, Code] = field(default_factory=dict)  # institutions + metonyms
    shared_names: set[str] = field(default_factory=set)  # names several countries' bodies bear
    titles: dict[str, Code] = field(default_factory=dict)  # "foreign minister" -> GOV
    groups: dict[str, Code] = field(default_factory=dict)  # "troop" -> MIL
    regions: dict[str, dict[str, object]] = field(default_factory=dict)
    # Adjectives of bodies coded with a state and REB -> that state ("Transnistrian" -> MDA):
    # leaders and groups they describe belong to the body: the state's, sector REB (guidelines
    # on breakaway authorities).
    breakaway: dict[str, str] = field(default_factory=dict)
    # Lemmas of nouns for kinds of people -> their use in person_nouns.tsv ("vendor" -> source,
    # "analyst" -> commentator): an apposition headed by one describes a person.
    person_nouns: dict[str, str] = field(default_factory=dict)

    @cached_property
    def max_title_words(self) -> int:
        return max((len(t.split()) for t in self.titles), default=1)

    def code_of_name(self, text: str) -> Code | None:
        """A country, institution or metonym named exactly by `text`."""
        return self.countries.get(text) or self.organizations.get(text)


def _opt(value: str) -> str | None:
    return value or None


@cache
def load_knowledge() -> Knowledge:
    k = Knowledge()
    for row in load_table("countries.tsv", required=("iso3", "iso2", "name"), key="iso3"):
        iso3 = row["iso3"]
        code = Code(iso3, "GOV", row["name"], "country")
        k.country_names[iso3] = row["name"]
        if row["iso2"]:
            k.iso2_to_iso3[row["iso2"]] = iso3
        for name in [row["name"], *split_list(row.get("aliases", ""))]:
            k.countries.setdefault(name, code)
        for adj in split_list(row.get("adjectives", "")):
            k.adjectives.setdefault(adj, iso3)
            k.adjective_of.setdefault(iso3, adj)
        for noun in split_list(row.get("demonyms", "")):
            k.demonyms.setdefault(noun, iso3)
        for capital in split_list(row.get("capital", "")):
            k.capitals.setdefault(capital, iso3)
    for row in load_table("institutions.tsv", required=("name", "code"), key="name"):
        code = Code(_opt(row["code"]), _opt(row.get("sector", "")), row["name"], "organization")
        for name in [row["name"], *split_list(row.get("aliases", ""))]:
            k.organizations.setdefault(name, code)
            if row.get("scope", "") == "shared":
                k.shared_names.add(name)
        for adj in split_list(row.get("adjectives", "")):
            k.adjectives.setdefault(adj, row["code"])
            if code.sector == "REB" and len(row["code"]) == 3 and row["code"].isupper():
                k.breakaway.setdefault(adj, row["code"])
    for row in load_table("metonyms.tsv", required=("name", "code"), key="name"):
        code = Code(_opt(row["code"]), _opt(row.get("sector", "")), row["name"], "organization")
        for name in [row["name"], *split_list(row.get("aliases", ""))]:
            k.organizations.setdefault(name, code)
    for row in load_table("titles.tsv", required=("title", "sector", "role"), key="title"):
        k.titles[row["title"].lower()] = Code(
            _opt(row.get("country", "")), _opt(row["sector"]), row["title"], "person", row["role"]
        )
    for row in load_table("groups.tsv", required=("noun", "sector"), key="noun"):
        k.groups[row["noun"].lower()] = Code(
            _opt(row.get("code", "")), _opt(row["sector"]), row["noun"], row.get("kind") or "group"
        )
    for row in load_table("person_nouns.tsv", required=("lemma",), key="lemma"):
        k.person_nouns[row["lemma"].lower()] = row.get("use") or ""
    for row in load_table("regions.tsv", required=("name", "country", "kind"), key="name"):
        entry = {
            "name": row["name"],
            "country": _opt(row["country"]),
            "kind": row["kind"],
            "lat": float(row["lat"]) if row.get("lat") else None,
            "lon": float(row["lon"]) if row.get("lon") else None,
        }
        for name in [row["name"], *split_list(row.get("aliases", ""))]:
            k.regions.setdefault(name, entry)
    return k


def sent_bounds(tok: Token) -> tuple[int, int]:
    """(start, end) token indices of the sentence holding `tok`. spaCy's `Token.sent` scans the
    document on every call; this computes every sentence once per Doc and keeps them in
    `doc.user_data`."""
    doc = tok.doc
    bounds = doc.user_data.get("wirecoder.sents")
    if bounds is None or len(bounds) != len(doc):
        bounds = [(0, len(doc))] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                bounds[i] = (sent.start, sent.end)
        doc.user_data["wirecoder.sents"] = bounds
    return bounds[tok.i]
