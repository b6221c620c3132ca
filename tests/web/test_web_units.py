"""Unit tests of the explorer's helpers: highlighting, cursors, search checks, charts, URLs."""

from __future__ import annotations

import pytest

from wirecoder.errors import QueryError
from wirecoder.web.aggregates import fill_gaps
from wirecoder.web.charts import stacked_bars
from wirecoder.web.highlight import evidence, marked, segments
from wirecoder.web.queries import (
    MARK,
    actor_key,
    decode_cursor,
    encode_cursor,
    match,
    parse_sort,
)
from wirecoder.web.views import article_href, href


def test_highlight_segments_cover_text_and_nest() -> None:
    text = "Putin said troops would be targets."
    spans = [(0, 5, "hl-actor", "a-a1"), (11, 34, "ev-sentence", "e-e1"),
             (27, 34, "hl-event", "e-e1"), (-3, 2, "hl-actor", "bad"), (5, 99, "x", "bad"),
             (9, 9, "x", "empty")]
    segs = segments(text, spans)
    assert "".join(s["text"] for s in segs) == text
    by_text = {s["text"]: s for s in segs}
    assert by_text["Putin"]["refs"] == "a-a1"
    assert by_text["targets"]["classes"] == "ev-sentence hl-event"
    assert by_text["targets"]["refs"] == "e-e1" and by_text["targets"]["context"] == "e-e1"
    assert by_text["troops would be "]["refs"] == "" and by_text["troops would be "]["context"]
    assert all("bad" not in s["refs"] for s in segs)


def test_highlight_segments_of_a_huge_line_stay_few() -> None:
    text = "x" * 1_000_000
    segs = segments(text, [(10, 20, "hl-actor", "a-a1")])
    assert len(segs) == 3 and sum(len(s["text"]) for s in segs) == len(text)


def test_highlight_marked_snippets() -> None:
    o, c = MARK
    assert marked(f"a {o}b{c} c {o}d{c}") == [("a ", False), ("b", True), (" c ", False),
                                               ("d", True)]
    assert marked(None) == [] and marked("plain") == [("plain", False)]


def test_highlight_evidence_splits_sentence_at_trigger() -> None:
    e = {"sentence": "They met in Paris.", "sentence_start": 100, "trigger_start": 105,
         "trigger_end": 108}
    assert evidence(e) == {"before": "They ", "trigger": "met", "after": " in Paris."}
    assert evidence({**e, "trigger_start": None})["trigger"] == ""
    assert evidence({**e, "trigger_start": 90})["trigger"] == ""  # offsets out of the sentence
    long = {"sentence": "a" * 1000 + "hit" + "b" * 1000, "sentence_start": 0,
            "trigger_start": 1000, "trigger_end": 1003}
    parts = evidence(long)
    assert parts["trigger"] == "hit" and len(parts["before"]) < 300 and len(parts["after"]) < 300


def test_cursor_round_trip_and_rejections() -> None:
    cursor = encode_cursor(["-date", 0, "2025-09-01", "abc", 3])
    assert decode_cursor(cursor, 5) == ["-date", 0, "2025-09-01", "abc", 3]
    for bad in ("", "!!!", encode_cursor(["x"]), encode_cursor([{"a": 1}, 1, 2, 3, 4]),
                encode_cursor([True, 1, 2, 3, 4])):
        with pytest.raises(QueryError):
            decode_cursor(bad, 5)


def test_search_check_and_sanitise() -> None:
    assert match("ceasefire talks") == '"ceasefire" "talks"'
    assert match("NEAR(a b)") == '"NEAR(a" "b)"'  # quoted: plain words to FTS5
    for bad in ('"open', "NEAR(a", "(a", "a)"):
        with pytest.raises(QueryError) as err:
            match(bad)
        assert err.value.code == "E312"
    with pytest.raises(QueryError):
        match("*** ---")


def test_sort_whitelist() -> None:
    assert parse_sort("-date", {"date": "d"}) == ("date", "d", True)
    with pytest.raises(QueryError):
        parse_sort("d; DROP", {"date": "d"})


def test_actor_key_is_stable_and_distinguishes_country() -> None:
    assert actor_key("Georgia", "GEO") == actor_key("Georgia", "GEO")
    assert actor_key("Georgia", "GEO") != actor_key("Georgia", "USA")
    assert actor_key("X", None) == actor_key("X", "") and len(actor_key("X", None)) == 16


def test_fill_gaps() -> None:
    assert fill_gaps(["2025-01-30", "2025-02-02"], "day") == [
        "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02"]
    assert fill_gaps(["2024-11", "2025-02"], "month") == ["2024-11", "2024-12", "2025-01",
                                                          "2025-02"]
    assert fill_gaps(["2020", "2022"], "year") == ["2020", "2021", "2022"]
    assert fill_gaps(["1900-01-01", "2025-01-01"], "day") == ["1900-01-01", "2025-01-01"]
    assert fill_gaps(["2025-13", "garbage"], "month") == ["2025-13", "garbage"]


def test_urls() -> None:
    assert href("/events", {"event": ["A", "B"], "q": "", "x": None}, cursor="c") == (
        "/events?event=A&event=B&cursor=c")
    assert article_href("a/b#c?d", "e-e1") == "/articles/a%2Fb%23c%3Fd#e-e1"


def test_stacked_bars_geometry() -> None:
    series = [{"bucket": "2025-01", "by_type": {"AGREE": 2, "ASSAULT": 1}},
              {"bucket": "2025-02", "by_type": {}}]
    chart = stacked_bars(series, "by_type", ["AGREE", "ASSAULT"], "t-")
    assert [b["cls"] for b in chart["bars"]] == ["t-AGREE", "t-ASSAULT"]
    agree, assault = chart["bars"]
    assert agree["y"] > assault["y"] and abs(agree["h"] - 2 * assault["h"]) < 0.05
    assert stacked_bars([], "by_type", [], "t-")["bars"] == []
