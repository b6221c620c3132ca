"""Fixtures for the evaluate tests: a small article with its gold file, and a perfect Result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wirecoder.evaluate import gold as gold_module

BODY = (
    "Russian President Vladimir Putin said on Friday that any foreign troops entering Ukraine "
    'would be "legitimate targets". He was speaking in Vladivostok.\n\n'
    '"No country can buy its security at the cost of another," Kremlin spokesman Dmitry Peskov '
    "told reporters.\n\n"
    "France and Germany agreed on Friday to send air defence systems to Ukraine next month."
)
ARTICLE = f"---\ntitle: Putin warns foreign troops\npublished: 2025-09-06\n---\n\n{BODY}\n"

SENTENCE_1 = (
    "Russian President Vladimir Putin said on Friday that any foreign troops entering Ukraine "
    'would be "legitimate targets".'
)
SENTENCE_3 = (
    "France and Germany agreed on Friday to send air defence systems to Ukraine next month."
)


def gold_data(article: str = "examples/articles/putin.txt") -> dict[str, Any]:
    return {
        "article": article,
        "published": "2025-09-06",
        "actors": [
            {
                "name": "Vladimir Putin",
                "kind": "person",
                "country": "RUS",
                "sector": "GOV",
                "role": "President",
            },
            {
                "name": "Dmitry Peskov",
                "kind": "person",
                "country": "RUS",
                "sector": "GOV",
                "role": "spokesman",
            },
            {"name": "France", "kind": "country", "country": "FRA", "sector": "GOV"},
            {"name": "Germany", "kind": "country", "country": "DEU", "sector": "GOV"},
        ],
        "statements": [
            {
                "speaker": "Vladimir Putin",
                "speaker_text": "Vladimir Putin",
                "cue": "said",
                "kind": "mixed",
                "content": 'any foreign troops entering Ukraine would be "legitimate targets"',
                "addressee": None,
                "place": "Vladivostok",
                "date": "2025-09-05",
            },
            {
                "speaker": "Dmitry Peskov",
                "speaker_text": "Dmitry Peskov",
                "cue": "told",
                "kind": "direct",
                "content": "No country can buy its security at the cost of another",
                "addressee": "reporters",
                "place": None,
                "date": None,
            },
        ],
        "events": [
            {
                "event": "THREATEN",
                "mode": "violence",
                "modality": "asserted",
                "actor": ["Vladimir Putin"],
                "recipient": ["foreign troops"],
                "trigger": "legitimate targets",
                "sentence": SENTENCE_1,
                "place": "Vladivostok",
                "place_country": "RUS",
                "date": "2025-09-05",
                "date_raw": "Friday",
                "contexts": ["military"],
                "cameo": "138",
            },
            {
                "event": "AGREE",
                "mode": None,
                "modality": "future",
                "actor": ["France", "Germany"],
                "recipient": ["Ukraine"],
                "trigger": "agreed",
                "sentence": SENTENCE_3,
                "place": None,
                "place_country": None,
                "date": "2025-09-05",
                "date_raw": "on Friday",
                "contexts": ["military"],
                "cameo": "0332",
            },
        ],
        "places": [
            {"name": "Vladivostok", "country": "RUS", "precision": "city"},
            {"name": "Ukraine", "country": "UKR", "precision": "country"},
        ],
    }


def write_repo(
    root: Path, gold: dict[str, Any] | None = None, *, split: str = "test", name: str = "putin"
) -> Path:
    """A repository-shaped folder: examples/articles/<name>.txt and gold/<split>/<name>.json."""
    (root / "examples" / "articles").mkdir(parents=True, exist_ok=True)
    (root / "examples" / "articles" / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    for s in ("dev", "test"):
        (root / "gold" / s).mkdir(parents=True, exist_ok=True)
    data = gold if gold is not None else gold_data(f"examples/articles/{name}.txt")
    path = root / "gold" / split / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _own_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests pin the text to the gold format's own front-matter rule, whatever ingest does.
    monkeypatch.setattr(gold_module, "_read_ingest", lambda path: None)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write_repo(tmp_path)
    return tmp_path


@pytest.fixture
def article(repo: Path) -> gold_module.GoldArticle:
    return gold_module.load_gold("test", repo / "gold")[0]


def perfect_result(article: gold_module.GoldArticle) -> dict[str, Any]:
    """The Result dict a flawless pipeline would give for `article`."""
    ids = {a.name: f"a{i}" for i, a in enumerate(article.actors, 1)}
    return {
        "schema": "wirecoder/1",
        "article": {
            "id": "x",
            "title": article.title,
            "text": article.text,
            "published": article.published,
        },
        "actors": [
            {
                "id": ids[a.name],
                "name": a.name,
                "kind": a.kind,
                "country": a.country,
                "sector": a.sector,
                "role": a.role,
                "mentions": [],
            }
            for a in article.actors
        ],
        "statements": [
            {
                "id": f"s{i}",
                "speaker": ids.get(s.speaker or ""),
                "speaker_text": s.speaker_text,
                "kind": s.kind,
                "cue": s.cue,
                "content": s.content,
                "start": s.start,
                "end": s.end,
                "place": s.place,
                "date": s.date,
            }
            for i, s in enumerate(article.statements, 1)
        ],
        "events": [
            {
                "id": f"e{i}",
                "event": e.event,
                "mode": e.mode,
                "modality": e.modality,
                "contexts": e.contexts,
                "actor": [ids[n] for n in e.actor],
                "recipient": [],
                "event_text": e.trigger or "",
                "sentence": {"start": e.sentence.start, "end": e.sentence.end},
                "trigger_start": e.trigger_span.start if e.trigger_span else None,
                "trigger_end": e.trigger_span.end if e.trigger_span else None,
                "place": {"name": e.place, "country": e.place_country} if e.place else None,
                "date": e.date,
            }
            for i, e in enumerate(article.events, 1)
        ],
        "places": [{"name": p.name, "country": p.country, "mentions": []} for p in article.places],
    }


@pytest.fixture
def perfect() -> Any:
    """`perfect(article)`: the Result dict a flawless pipeline would give."""
    return perfect_result


@pytest.fixture
def make_gold() -> Any:
    """`make_gold(article_path)`: the gold dict for the sample article."""
    return gold_data


@pytest.fixture
def make_repo() -> Any:
    """`make_repo(root, gold=None, split="test", name="putin")`: write article and gold file."""
    return write_repo


@pytest.fixture
def sample() -> dict[str, str]:
    return {"article": ARTICLE, "body": BODY, "sentence_1": SENTENCE_1, "sentence_3": SENTENCE_3}
