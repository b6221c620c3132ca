"""Fixtures for the store tests: hand-built Result dicts and a fresh store per test."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from wirecoder.model import Result
from wirecoder.store import Store

TEXT = (
    "Russian President Vladimir Putin said on Friday that foreign troops in Ukraine would be "
    'legitimate targets. "It is impossible to ensure the security of one country," Kremlin '
    "spokesman Dmitry Peskov told reporters in Vladivostok. French President Emmanuel Macron "
    "met Ukrainian officials in Paris on Thursday."
)
COUNTED_TABLES = (
    "articles",
    "actors",
    "mentions",
    "statements",
    "events",
    "event_actors",
    "places",
    "place_mentions",
    "rejected",
    "duplicates",
)


def span(text: str, part: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


def sentence_of(text: str, part: str) -> dict[str, int]:
    i = text.index(part)
    start = text.rfind(". ", 0, i)
    start = 0 if start < 0 else start + 2
    end = text.index(".", i) + 1
    return {"start": start, "end": end}


def make_result(
    n: int = 0,
    *,
    pipeline: str = "test-1",
    status: str = "coded",
    name: str = "Vladimir Putin",
    extra: str = "",
) -> dict[str, Any]:
    """A realistic wirecoder/1 record; `n` varies the text (and so the article id)."""
    text = TEXT + f" Report number {n}.{extra}"
    art = {
        "id": hashlib.sha1(text.encode()).hexdigest(),
        "title": f"Putin warns ({n})",
        "text": text,
        "published": f"2025-09-{1 + n % 28:02d}",
        "url": f"https://news.example/{n}",
        "source": "Example Wire",
        "language": "en",
    }
    if status != "coded":
        return Result.from_dict(
            {"article": art, "status": status, "reason": "E211 not English", "pipeline": pipeline}
        ).to_dict()

    def actor(
        aid: str,
        label: str,
        kind: str,
        country: str | None,
        sector: str | None,
        role: str | None,
        *mentions: str,
    ) -> dict[str, Any]:
        return {
            "id": aid,
            "name": label,
            "kind": kind,
            "country": country,
            "sector": sector,
            "role": role,
            "wikidata": None,
            "mentions": [span(text, m) for m in mentions],
        }

    def place(label: str, gid: int, lat: float, lon: float, country: str) -> dict[str, Any]:
        return {
            "name": label,
            "geonameid": gid,
            "lat": lat,
            "lon": lon,
            "country": country,
            "precision": "city",
        }

    peskov_quote = "It is impossible to ensure the security of one country"
    threat = "foreign troops in Ukraine would be legitimate targets"
    data = {
        "schema": "wirecoder/1",
        "article": art,
        "actors": [
            actor("a1", name, "person", "RUS", "GOV", "President", "Vladimir Putin"),
            actor("a2", "Dmitry Peskov", "person", "RUS", "GOV", "spokesman", "Dmitry Peskov"),
            actor("a3", "Emmanuel Macron", "person", "FRA", "GOV", "President", "Emmanuel Macron"),
            actor("a4", "foreign troops", "group", None, "MIL", None, "foreign troops"),
            actor("a5", "Ukraine", "country", "UKR", "GOV", None, "Ukrainian officials"),
        ],
        "statements": [
            {
                "id": "s1",
                "speaker": "a1",
                "speaker_text": "Vladimir Putin",
                "kind": "indirect",
                "cue": "said",
                **_offsets(text, threat),
                "content": threat,
                "addressee": None,
                "place": None,
                "date": "2025-09-05",
                "speaker_start": text.index("Vladimir"),
                "speaker_end": text.index("Vladimir") + 14,
                "cue_start": text.index("said"),
                "cue_end": text.index("said") + 4,
            },
            {
                "id": "s2",
                "speaker": "a2",
                "speaker_text": "Dmitry Peskov",
                "kind": "direct",
                "cue": "told",
                **_offsets(text, peskov_quote),
                "content": peskov_quote,
                "addressee": "reporters",
                "place": "Vladivostok",
                "date": None,
                "speaker_start": None,
                "speaker_end": None,
                "cue_start": None,
                "cue_end": None,
            },
        ],
        "events": [
            {
                "id": "e1",
                "event": "THREATEN",
                "mode": "violence",
                "modality": "asserted",
                "contexts": ["military"],
                "actor": ["a1"],
                "recipient": ["a4"],
                "event_text": "legitimate targets",
                "sentence": sentence_of(text, "Putin"),
                "place": None,
                "date": "2025-09-05",
                "date_raw": "Friday",
                "cameo": "138",
                "intensity": -3.5,
                "statement": "s1",
                "confidence": 0.8,
                "trigger_start": text.index("legitimate targets"),
                "trigger_end": text.index("legitimate targets") + 18,
            },
            {
                "id": "e2",
                "event": "CONSULT",
                "mode": None,
                "modality": "asserted",
                "contexts": ["diplomatic"],
                "actor": ["a3"],
                "recipient": ["a5"],
                "event_text": "met",
                "sentence": sentence_of(text, "Macron"),
                "place": place("Paris", 2988507, 48.85341, 2.3488, "FRA"),
                "date": "2025-09-04",
                "date_raw": "Thursday",
                "cameo": "040",
                "intensity": 2.5,
                "statement": None,
                "confidence": 0.7,
                "trigger_start": None,
                "trigger_end": None,
            },
        ],
        "places": [
            {
                **place("Vladivostok", 2013348, 43.10562, 131.87353, "RUS"),
                "mentions": [span(text, "Vladivostok")],
            },
            {**place("Paris", 2988507, 48.85341, 2.3488, "FRA"), "mentions": [span(text, "Paris")]},
        ],
        "status": "coded",
        "reason": None,
        "pipeline": pipeline,
    }
    # The record must have exactly the shape Result.to_dict() produces.
    assert Result.from_dict(data).to_dict() == data
    return data


def _offsets(text: str, part: str) -> dict[str, int]:
    start = text.index(part)
    return {"start": start, "end": start + len(part)}


def count_rows(store: Store) -> dict[str, int]:
    return {
        t: store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES
    }


def check_fts(store: Store) -> None:
    """FTS5's own consistency check between the indexes and their content tables."""
    for table in ("statements_fts", "sentences_fts"):
        store.conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


@pytest.fixture
def results() -> list[dict[str, Any]]:
    return [make_result(n) for n in range(6)] + [make_result(100, status="not_coded")]


@pytest.fixture
def result_factory() -> Callable[..., dict[str, Any]]:
    return make_result


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as s:
        yield s


@pytest.fixture
def filled(store: Store, results: list[dict[str, Any]]) -> Store:
    store.write_results(results)
    return store


@pytest.fixture
def counts() -> Callable[[Store], dict[str, int]]:
    return count_rows


@pytest.fixture
def fts_ok() -> Callable[[Store], None]:
    return check_fts
