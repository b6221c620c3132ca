"""A small hand-made store for tests and demos of the explorer, hostile text included.

    from wirecoder.web.fixtures import build_store
    build_store("fixtures.db")          # 8 articles: 6 ordinary, 2 hostile (one with a 1 MB line)

The ordinary articles are written by us for the tests (not real reporting). The hostile ones put
script tags, attribute breakouts, `javascript:` links, right-to-left overrides and a 1 MB line
into every text field a page shows: titles, URLs, sources, actor names and roles, statement
content and cues, event triggers, place names. Any payload that runs sets `window.__pwned`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..store import Store

SCRIPT = "<script>window.__pwned=1</script>"
BREAKOUT = '"><img src=x onerror="window.__pwned=1">'
JS_URL = "javascript:window.__pwned=1"
RTL = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
HOSTILE_STRINGS = (SCRIPT, BREAKOUT, JS_URL, RTL)
LONG_LINE_CHARS = 1_000_000


def _span(text: str, part: str) -> dict[str, Any]:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def _sentence(text: str, start: int) -> dict[str, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    return {"start": left + 1 if left >= 0 else 0, "end": (min(right) + 1) if right else len(text)}


def record(
    *, title: str, published: str, text: str, source: str = "Fixture Wire",
    url: str | None = None, language: str = "en",
    actors: list[tuple[str, str, str, str | None, str | None, str | None]] = (),
    statements: list[tuple[str, str | None, str, str, str]] = (),
    events: list[dict[str, Any]] = (),
    places: list[tuple[str, int | None, float | None, float | None, str | None]] = (),
) -> dict[str, Any]:
    """A wirecoder/1 record with offsets computed from the text.

    actors: (id, name, kind, country, sector, role); each name's first occurrence is a mention.
    statements: (id, speaker id or None, kind, cue, content).
    events: dicts with id, event, trigger, and optional mode, modality, contexts, actor,
        recipient, place (a name from `places`), date, date_raw, statement.
    places: (name, geonameid, lat, lon, country).
    """
    art_id = hashlib.sha1(text.encode()).hexdigest()
    place_info = {p[0]: p for p in places}
    out_events = []
    for e in events:
        trigger = _span(text, e["trigger"])
        place = place_info.get(e.get("place"))
        out_events.append({
            "id": e["id"], "event": e["event"], "mode": e.get("mode"),
            "modality": e.get("modality", "asserted"), "contexts": e.get("contexts", []),
            "actor": e.get("actor", []), "recipient": e.get("recipient", []),
            "event_text": trigger["text"], "sentence": _sentence(text, trigger["start"]),
            "place": None if place is None else dict(zip(
                ("name", "geonameid", "lat", "lon", "country"), place, strict=True),
                precision="city"),
            "date": e.get("date"), "date_raw": e.get("date_raw"), "cameo": None,
            "intensity": e.get("intensity"), "statement": e.get("statement"),
            "confidence": 0.8, "trigger_start": trigger["start"], "trigger_end": trigger["end"],
        })
    return {
        "schema": "wirecoder/1",
        "article": {"id": art_id, "title": title, "url": url, "source": source,
                    "published": published, "language": language, "text": text},
        "actors": [{"id": a, "name": n, "kind": k, "country": c, "sector": s, "role": r,
                    "wikidata": None, "mentions": [_span(text, n)]}
                   for a, n, k, c, s, r in actors],
        "statements": [{"id": s, "speaker": spk, "speaker_text": None, "kind": kind, "cue": cue,
                        "content": content, **{k: v for k, v in _span(text, content).items()
                                               if k != "text"},
                        "addressee": None, "place": None, "date": None}
                       for s, spk, kind, cue, content in statements],
        "events": out_events,
        "places": [{"name": n, "geonameid": g, "lat": la, "lon": lo, "country": c,
                    "precision": "city", "mentions": [_span(text, n)]}
                   for n, g, la, lo, c in places],
        "status": "coded",
        "reason": None,
        "pipeline": "fixtures-1",
    }


def ordinary_records() -> list[dict[str, Any]]:
    return [
        record(
            title="Kremlin warns over foreign troops", published="2025-09-06",
            url="https://news.example/kremlin-warns",
            text=("Vladimir Putin said on Friday that foreign troops in Ukraine would be "
                  "legitimate targets. \"Security cannot be built at the expense of others,\" "
                  "Dmitry Peskov told reporters in Vladivostok."),
            actors=[("a1", "Vladimir Putin", "person", "RUS", "GOV", "President"),
                    ("a2", "Ukraine", "country", "UKR", "GOV", None),
                    ("a3", "Dmitry Peskov", "person", "RUS", "GOV", "spokesman")],
            statements=[("s1", "a3", "direct", "told",
                         "Security cannot be built at the expense of others")],
            events=[{"id": "e1", "event": "THREATEN", "mode": "violence", "trigger":
                     "legitimate targets", "actor": ["a1"], "recipient": ["a2"],
                     "contexts": ["military"], "date": "2025-09-05", "date_raw": "Friday",
                     "place": "Vladivostok", "intensity": -3.5}],
            places=[("Vladivostok", 2013348, 43.1, 131.9, "RUS")],
        ),
        record(
            title="Paris talks on guarantees", published="2025-09-07",
            url="https://news.example/paris-talks",
            text=("Emmanuel Macron met Volodymyr Zelensky in Paris on Thursday. France agreed "
                  "to give Ukraine security guarantees, Macron announced."),
            actors=[("a1", "Emmanuel Macron", "person", "FRA", "GOV", "President"),
                    ("a2", "Volodymyr Zelensky", "person", "UKR", "GOV", "President"),
                    ("a3", "France", "country", "FRA", "GOV", None),
                    ("a4", "Ukraine", "country", "UKR", "GOV", None)],
            statements=[("s1", "a1", "indirect", "announced",
                         "France agreed to give Ukraine security guarantees")],
            events=[{"id": "e1", "event": "CONSULT", "mode": "visit", "trigger": "met",
                     "actor": ["a1"], "recipient": ["a2"], "contexts": ["diplomatic"],
                     "date": "2025-09-04", "place": "Paris", "intensity": 2.5},
                    {"id": "e2", "event": "AGREE", "trigger": "agreed", "actor": ["a3"],
                     "recipient": ["a4"], "contexts": ["military"], "modality": "future",
                     "statement": "s1", "intensity": 2.5}],
            places=[("Paris", 2988507, 48.85, 2.35, "FRA")],
        ),
        record(
            title="Strikes and denials in Gaza", published="2025-09-08",
            url="https://news.example/gaza",
            text=("Israel launched air strikes on Gaza overnight. Hamas accused Israel of "
                  "breaking the truce. Israel denied that its troops crossed the line."),
            actors=[("a1", "Israel", "country", "ISR", "GOV", None),
                    ("a2", "Hamas", "group", "PSE", "REB", None)],
            statements=[("s1", "a2", "indirect", "accused", "Israel of breaking the truce")],
            events=[{"id": "e1", "event": "ASSAULT", "mode": "aerial", "trigger": "air strikes",
                     "actor": ["a1"], "recipient": ["a2"], "contexts": ["military"],
                     "place": "Gaza", "intensity": -9},
                    {"id": "e2", "event": "ACCUSE", "mode": "allege", "trigger": "accused",
                     "actor": ["a2"], "recipient": ["a1"], "statement": "s1", "intensity": -3},
                    {"id": "e3", "event": "MOBILIZE", "mode": "troops", "trigger": "crossed",
                     "actor": ["a1"], "modality": "negated", "intensity": -5.5}],
            places=[("Gaza", 281133, 31.5, 34.47, "PSE")],
        ),
        record(
            title="Nairobi police arrest protesters", published="2025-10-02",
            url="https://news.example/nairobi",
            text=("Kenyan police arrested dozens of protesters in Nairobi on Tuesday. "
                  "Protesters marched against the finance bill."),
            actors=[("a1", "Kenyan police", "organization", "KEN", "COP", None),
                    ("a2", "protesters", "group", "KEN", "CVL", None)],
            events=[{"id": "e1", "event": "COERCE", "mode": "arrest", "trigger": "arrested",
                     "actor": ["a1"], "recipient": ["a2"], "date": "2025-09-30",
                     "place": "Nairobi", "intensity": -7},
                    {"id": "e2", "event": "PROTEST", "mode": "demo", "trigger": "marched",
                     "actor": ["a2"], "recipient": ["a1"], "place": "Nairobi",
                     "intensity": -5}],
            places=[("Nairobi", 184745, -1.28, 36.82, "KEN")],
        ),
        record(
            title="Beijing backs Moscow", published="2025-10-15", source="Other Wire",
            url="https://other.example/beijing",
            text=("China praised Russia for its restraint. Xi Jinping will visit Moscow next "
                  "month, a ministry spokesperson said."),
            actors=[("a1", "China", "country", "CHN", "GOV", None),
                    ("a2", "Russia", "country", "RUS", "GOV", None),
                    ("a3", "Xi Jinping", "person", "CHN", "GOV", "President")],
            statements=[("s1", None, "indirect", "said", "Xi Jinping will visit Moscow next "
                                                         "month")],
            events=[{"id": "e1", "event": "SUPPORT", "trigger": "praised", "actor": ["a1"],
                     "recipient": ["a2"], "intensity": 5},
                    {"id": "e2", "event": "CONSULT", "mode": "visit", "trigger": "visit",
                     "actor": ["a3"], "recipient": ["a2"], "modality": "future",
                     "place": "Moscow", "date": "2025-11", "intensity": 2.5}],
            places=[("Moscow", 524901, 55.75, 37.62, "RUS")],
        ),
        record(
            title="Ceasefire talks resume", published="2025-11-20",
            url="https://news.example/ceasefire",
            text=("Ukraine and Russia agreed to resume ceasefire talks in Istanbul. "
                  "\"We want a ceasefire now,\" Volodymyr Zelensky said."),
            actors=[("a1", "Ukraine", "country", "UKR", "GOV", None),
                    ("a2", "Russia", "country", "RUS", "GOV", None),
                    ("a3", "Volodymyr Zelensky", "person", "UKR", "GOV", "President")],
            statements=[("s1", "a3", "direct", "said", "We want a ceasefire now")],
            events=[{"id": "e1", "event": "AGREE", "trigger": "agreed", "actor": ["a1"],
                     "recipient": ["a2"], "contexts": ["diplomatic"], "place": "Istanbul",
                     "intensity": 2.5}],
            places=[("Istanbul", 745044, 41.01, 28.98, "TUR")],
        ),
    ]


def hostile_records() -> list[dict[str, Any]]:
    evil = f"Evil{SCRIPT} Corp"
    breakout = f"Minister{BREAKOUT}"
    rtl = f"{RTL}lanoitan Front"
    place = f"Port{SCRIPT}town"
    quote = f"We will {SCRIPT} burn {BREAKOUT} it all {RTL}down"
    text = (f"{evil} attacked {breakout} in {place} on Monday. \"{quote},\" {rtl} said. "
            f"See {JS_URL} for details.")
    long_quote = "x" * 200 + " " + ("y" * 999 + " ") * (LONG_LINE_CHARS // 1000)
    long_text = f"{evil} warned {rtl}: \"{long_quote}\" and nothing else."
    return [
        record(
            title=f"{SCRIPT}Headline {BREAKOUT} {RTL}txet", published="2025-09-09",
            source=f"Wire{BREAKOUT}", url=JS_URL, text=text,
            actors=[("a1", evil, "organization", "XXX", "CRM", f"boss{SCRIPT}"),
                    ("a2", breakout, "person", "YYY", "GOV", BREAKOUT),
                    ("a3", rtl, "group", "ZZZ", "REB", RTL + "role")],
            statements=[("s1", "a3", "direct", f"said{SCRIPT}", quote)],
            events=[{"id": "e1", "event": "ASSAULT", "mode": "firearms", "trigger": "attacked",
                     "actor": ["a1"], "recipient": ["a2"], "place": place, "date_raw": SCRIPT,
                     "intensity": -9}],
            places=[(place, None, 10.0, 10.0, "XXX")],
        ),
        record(
            title="A very long line " + RTL, published="2025-09-10", url="https://x.example/" +
            "a" * 100, text=long_text,
            actors=[("a1", evil, "organization", "XXX", "CRM", None),
                    ("a2", rtl, "group", "ZZZ", "REB", None)],
            statements=[("s1", "a1", "direct", "warned", long_quote)],
            events=[{"id": "e1", "event": "THREATEN", "trigger": "warned", "actor": ["a1"],
                     "recipient": ["a2"], "intensity": -3.5}],
        ),
    ]


def build_store(path: str | Path) -> Path:
    """Write the fixture records into a new or existing store; returns its path."""
    with Store(path) as store:
        store.write_results([*ordinary_records(), *hostile_records()])
    return Path(path)
