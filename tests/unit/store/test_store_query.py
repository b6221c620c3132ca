"""Search, event listing, statistics and record iteration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wirecoder.errors import QueryError
from wirecoder.store import MAX_LIMIT, Store, fts_query

HOSTILE = [
    '"',
    "'",
    "a AND",
    "NEAR(",
    "*",
    "-x",
    ")(",
    "<script>",
    "x" * 100_000,
    "Putin OR",
    "content:Putin",
    "^Putin",
    '"unbalanced phrase',
    "a NOT b",
    "+",
    "NEAR(Putin troops, 2)",
    "\x00",
    "'; DROP TABLE articles; --",
    "Putin*troops*",
    "{speaker_name}: x",
    "a" * 3 + " " + "b " * 5000,
    "(((((",
    "“curly”",
    "🙂",
]


def test_store_search_statements_finds_a_word(filled: Store, results: list[dict[str, Any]]) -> None:
    hits = filled.search_statements("impossible", limit=100)
    assert len(hits) == 6  # one Peskov quote per coded article
    hit = hits[0]
    assert hit["speaker"] == "Dmitry Peskov" and hit["cue"] == "told"
    assert hit["content"].startswith("It is impossible")
    assert "[impossible]" in hit["snippet"]
    ids = {r["article"]["id"]: r for r in results}
    assert hit["title"] == ids[hit["article_id"]]["article"]["title"]
    assert hit["published"] == ids[hit["article_id"]]["article"]["published"]
    assert set(hit) >= {
        "id",
        "article_id",
        "title",
        "published",
        "speaker",
        "content",
        "cue",
        "snippet",
        "kind",
        "start",
        "end",
    }


def test_store_search_statements_by_speaker_stem_and_phrase(filled: Store) -> None:
    assert {h["speaker"] for h in filled.search_statements("Putin", limit=50)} == {"Vladimir Putin"}
    assert filled.search_statements("targeted")  # porter stemming: targeted ~ targets
    assert filled.search_statements("legitim*")
    assert filled.search_statements('"legitimate targets"')
    assert not filled.search_statements('"targets legitimate"')
    assert not filled.search_statements("impossible zebra")  # words are ANDed


def test_store_search_pages(filled: Store) -> None:
    all_hits = [h["id"] for h in filled.search_statements("impossible", limit=100)]
    pages = [
        h["id"]
        for off in range(0, 6, 2)
        for h in filled.search_statements("impossible", limit=2, offset=off)
    ]
    assert pages == all_hits
    assert filled.search_statements("impossible", limit=0) == []


@pytest.mark.parametrize("q", HOSTILE)
def test_store_hostile_queries_never_raise(filled: Store, q: str) -> None:
    assert isinstance(filled.search_statements(q), list)
    assert isinstance(filled.search_sentences(q), list)


def test_store_hostile_words_are_literal(filled: Store) -> None:
    assert filled.search_statements("-legitimate")  # "-" is not NOT
    assert filled.search_statements("(legitimate)")
    assert not filled.search_statements("NEAR(legitimate")  # the phrase "near legitimate"
    assert filled.search_statements("security OF")  # "of" is a word, not an operator...
    assert not filled.search_statements("security AND")  # ...and so is "and"...
    assert not filled.search_statements("legitimate OR zebra")  # ...and "or"


@pytest.mark.parametrize("q", ["", "   ", "\n\t"])
def test_store_empty_query_raises(filled: Store, q: str) -> None:
    with pytest.raises(QueryError, match=r"\[E311\]"):
        filled.search_statements(q)


def test_store_fts_query_quotes_everything() -> None:
    assert fts_query('a AND "b c" d*') == '"a" "AND" "b c" "d" *'
    assert fts_query('say "x""y') == '"say" "x" "y"'
    assert fts_query(")(") is None
    assert fts_query("x " * 1000).count('"x"') == 32


def test_store_paging_is_checked(filled: Store) -> None:
    with pytest.raises(QueryError, match=r"\[E312\]"):
        filled.search_statements("Putin", offset=-1)
    with pytest.raises(QueryError, match=r"\[E312\]"):
        filled.list_events(limit="10")  # type: ignore[arg-type]
    assert len(filled.list_events(limit=10**9)) == 12  # capped at MAX_LIMIT, not refused
    assert MAX_LIMIT == 1000


def test_store_search_sentences(filled: Store) -> None:
    hits = filled.search_sentences("consult", limit=100)  # matches the event type column
    assert len(hits) == 6 and {h["event"] for h in hits} == {"CONSULT"}
    hits = filled.search_sentences("Macron Paris")
    assert hits[0]["sentence"].startswith("French President Emmanuel Macron")
    assert [a["name"] for a in hits[0]["actors"]] == ["Emmanuel Macron"]
    assert [a["country"] for a in hits[0]["recipients"]] == ["UKR"]


def test_store_list_events_filters(filled: Store) -> None:
    assert filled.count_events() == 12
    assert {e["event"] for e in filled.list_events(event="THREATEN")} == {"THREATEN"}
    assert filled.count_events(event=["THREATEN", "CONSULT"]) == 12
    assert filled.count_events(actor_country="RUS") == 6
    assert filled.count_events(recipient_country="RUS") == 0
    assert filled.count_events(country="UKR") == 6
    assert filled.count_events(actor="vladimir putin") == 6  # case-insensitive
    assert filled.count_events(place_country="FRA", modality="asserted") == 6
    assert filled.count_events(date_from="2025-09-05") == 6
    assert filled.count_events(min_confidence=0.75) == 6
    assert filled.count_events(event="THREATEN", date_to="2025-09-04") == 0
    e = filled.list_events(event="CONSULT", limit=1)[0]
    assert e["place"]["name"] == "Paris" and e["contexts"] == ["diplomatic"]
    assert e["actors"][0]["name"] == "Emmanuel Macron"
    assert filled.list_events(event="THREATEN", limit=1)[0]["place"] is None


def test_store_list_events_sorts(filled: Store) -> None:
    by_intensity = [e["intensity"] for e in filled.list_events(sort="-intensity")]
    assert by_intensity == sorted(by_intensity, reverse=True)
    by_date = [e["date"] for e in filled.list_events(sort="date")]
    assert by_date == sorted(by_date)
    pages = [
        e["id"]
        for off in range(0, 12, 5)
        for e in filled.list_events(sort="event", limit=5, offset=off)
    ]
    assert len(pages) == len(set(pages)) == 12


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sort": "date; DROP TABLE events"},
        {"sort": "n"},
        {"bogus": "x"},
        {"event": {"a": 1}},
        {"date_from": ["2025", "2026"]},
    ],
)
def test_store_list_events_rejects_bad_input(filled: Store, kwargs: dict[str, Any]) -> None:
    with pytest.raises(QueryError, match=r"\[E312\]"):
        filled.list_events(**kwargs)


def test_store_stats(filled: Store) -> None:
    filled.write_rejected("bad.bin", "E202", "binary content")
    filled.write_duplicate("d", "copy.txt", "d")
    s = filled.stats(top=3)
    assert (s["articles"], s["coded"], s["not_coded"]) == (7, 6, 1)
    assert (s["rejected"], s["duplicates"]) == (1, 1)
    assert (s["actors"], s["statements"], s["events"], s["places"]) == (30, 12, 12, 12)
    assert s["events_by_type"] == {"CONSULT": 6, "THREATEN": 6}
    assert s["rejected_by_code"] == {"E202": 1}
    assert s["pipelines"] == {"test-1": 7}
    assert len(s["top_actors"]) == 3
    assert s["top_actors"][0]["events"] == 6
    assert {a["name"] for a in s["top_actors"]} <= {
        "Emmanuel Macron",
        "Ukraine",
        "Vladimir Putin",
        "foreign troops",
    }
    assert [(p["name"], p["statements"]) for p in s["top_speakers"]] == [
        ("Dmitry Peskov", 6),
        ("Vladimir Putin", 6),
    ]


def test_store_iter_results_in_id_order(filled: Store, results: list[dict[str, Any]]) -> None:
    assert list(filled.iter_results()) == sorted(results, key=lambda r: r["article"]["id"])


def test_store_readonly_reads(filled: Store, db_path: Path) -> None:
    with Store(db_path, readonly=True) as ro:
        assert ro.stats()["events"] == 12
        assert ro.search_statements("Putin")


def test_store_time_limit_interrupts_slow_reads(filled: Store, db_path: Path) -> None:
    slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c"
    with Store(db_path, readonly=True, time_limit=0.05) as ro:
        with pytest.raises(QueryError, match=r"\[E313\]"):
            ro.read(slow)
        assert ro.stats()["articles"] == 7  # the connection is still usable


def test_store_snippet_marks_are_chosen_by_caller(filled: Store) -> None:
    hit = filled.search_statements("impossible", mark=("\x02", "\x03"))[0]
    assert "\x02impossible\x03" in hit["snippet"]
