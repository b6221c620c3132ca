"""The whole pipeline over real text: schema-valid records with exact offsets."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from wirecoder.ingest import ArticleRecord, read_paths
from wirecoder.model import Result, iter_spans

UNSEEN = (
    "GENEVA (Reuters-style test copy) - Iran's Foreign Minister Abbas Araqchi met the head of "
    "the UN nuclear watchdog in Geneva on Tuesday, and the two sides agreed to hold further "
    "talks next month, Iranian state media reported.\n\n"
    "\u201cWe are ready to work with the agency in good faith,\u201d Araqchi told reporters after "
    "the meeting. \u201cBut pressure will not bring results.\u201d\n\n"
    "The United States on Monday imposed new sanctions on Iranian oil exports. Washington "
    "accused Tehran of expanding its enrichment programme, a charge Iran denied.\n\n"
    "Rafael Grossi, the agency's director general, said inspectors had not been given access "
    "to two sites since June."
)


@pytest.fixture(scope="module")
def schema() -> dict:
    path = resources.files("wirecoder") / "schema" / "wirecoder-1.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_results(pipeline, root) -> list[Result]:
    records = [r for r in read_paths([root / "examples" / "articles"])
               if isinstance(r, ArticleRecord)]
    assert len(records) >= 5
    return list(pipeline.extract_many(records))


def assert_offsets_exact(result: Result) -> None:
    text = result.article.text
    for where, start, end, expected in iter_spans(result):
        assert text[start:end] == expected, f"{where}: {text[start:end]!r} != {expected!r}"
    for event in result.events:
        assert 0 <= event.sentence.start < event.sentence.end <= len(text)
        assert event.event_text in text[event.sentence.start : event.sentence.end] or \
            event.trigger_start is not None


def test_pipeline_codes_every_sample_article_with_exact_offsets(sample_results, schema) -> None:
    for result in sample_results:
        assert result.status == "coded", result.reason
        jsonschema.validate(result.to_dict(), schema)
        assert_offsets_exact(result)
        ids = {a.id for a in result.actors}
        for s in result.statements:
            assert s.speaker is None or s.speaker in ids
        for e in result.events:
            assert set(e.actor) | set(e.recipient) <= ids


def test_pipeline_finds_actors_statements_and_events_in_the_corpus(sample_results) -> None:
    assert sum(len(r.statements) for r in sample_results) >= 10 * len(sample_results)
    assert sum(len(r.events) for r in sample_results) >= 4 * len(sample_results)
    types = {e.event for r in sample_results for e in r.events}
    assert len(types) >= 8


def test_pipeline_codes_an_unseen_report(pipeline, schema) -> None:
    result = pipeline.extract(UNSEEN, published="2025-03-12", article_id="unseen-1")
    data = result.to_dict()
    jsonschema.validate(data, schema)
    assert_offsets_exact(result)
    assert result.article.id == "unseen-1"
    names = {a.id: a for a in result.actors}
    araqchi = next(a for a in result.actors if a.name == "Abbas Araqchi")
    assert (araqchi.country, araqchi.sector, araqchi.role) == ("IRN", "GOV", "Foreign Minister")
    quotes = [s for s in result.statements if s.kind == "direct"]
    assert {s.content for s in quotes} >= {"We are ready to work with the agency in good faith",
                                           "But pressure will not bring results."}
    assert all(names[s.speaker].name == "Abbas Araqchi" for s in quotes)
    assert any(s.place == "Geneva" or s.addressee == "reporters" for s in quotes)
    events = {(e.event, tuple(names[a].name for a in e.actor)) for e in result.events}
    assert ("SANCTION", ("United States",)) in events
    sanction = next(e for e in result.events if e.event == "SANCTION")
    assert sanction.date == "2025-03-10"  # "on Monday" before a Wednesday paper


def test_pipeline_round_trips_through_json(pipeline) -> None:
    result = pipeline.extract(UNSEEN, published="2025-03-12")
    again = Result.from_dict(json.loads(result.to_json()))
    assert again == result


def test_pipeline_marks_non_english_and_empty_as_not_coded(pipeline) -> None:
    german = pipeline.extract("Der Bundeskanzler sagte am Freitag in Berlin, dass ...",
                              language="de")
    assert german.status == "not_coded"
    assert "E211" in german.reason
    assert german.events == [] and german.statements == []
    empty = pipeline.extract("   ")
    assert empty.status == "not_coded" and "E204" in empty.reason


def test_pipeline_parallel_equals_serial(pipeline, root) -> None:
    records = [r for r in read_paths([root / "examples" / "articles"])
               if isinstance(r, ArticleRecord)][:4]
    serial = [r.to_dict() for r in pipeline.extract_many(records)]
    parallel = [r.to_dict() for r in pipeline.extract_many(records, processes=2, batch_size=2)]
    assert parallel == serial
