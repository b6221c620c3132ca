"""Scoring one article against its gold, and summing over articles."""

from __future__ import annotations

import copy

import pytest

from wirecoder.evaluate.score import (
    PRF,
    Ratio,
    aggregate,
    same_name,
    score_article,
    span_match,
)


def test_score_perfect_match(article, perfect):
    scores = score_article(article, perfect(article)).scores
    st, ev = scores.statements, scores.events
    assert (st.found.tp, st.found.fp, st.found.fn) == (2, 0, 0)
    assert st.found.f1 == 1.0
    assert st.speaker.value == st.kind.value == 1.0
    assert (ev.found.precision, ev.found.recall, ev.found.f1) == (1.0, 1.0, 1.0)
    assert ev.extra_rate == 0.0
    for ratio in (ev.mode, ev.modality, ev.actor_country, ev.date, ev.place):
        assert ratio.value == 1.0
    assert ev.modality_marked == Ratio(1, 1)  # the future AGREE
    assert ev.place.total == 1  # only the THREATEN has a gold place
    assert scores.actors.found == Ratio(4, 4)
    assert scores.places.found.f1 == 1.0
    assert score_article(article, perfect(article)).errors == []


def test_score_accepts_result_objects(article, perfect):
    from wirecoder.model import Result

    result = Result.from_dict(perfect(article))
    assert score_article(article, result).scores.events.found.f1 == 1.0


def test_score_missing_event(article, perfect):
    result = perfect(article)
    result["events"].pop(1)
    out = score_article(article, result)
    ev = out.scores.events
    assert (ev.found.tp, ev.found.fp, ev.found.fn) == (1, 0, 1)
    assert ev.found.precision == 1.0
    assert ev.found.recall == 0.5
    assert ev.found.f1 == pytest.approx(2 / 3)
    assert ev.per_type["AGREE"] == PRF(tp=0, fp=0, fn=1)
    assert any(e.startswith("missed AGREE") for e in out.errors)


def test_score_extra_events(article, perfect):
    result = perfect(article)
    extra = copy.deepcopy(result["events"][0])
    result["events"] += [{**extra, "event": "ASSAULT"}, {**extra, "event": "COERCE"}]
    ev = score_article(article, result).scores.events
    assert (ev.found.tp, ev.found.fp, ev.found.fn) == (2, 2, 0)
    assert ev.extra_rate == 1.0  # 2 extra / 2 gold
    assert ev.found.precision == 0.5
    assert ev.per_type["ASSAULT"] == PRF(tp=0, fp=1, fn=0)


def test_score_extra_event_rate_is_summed_over_articles(article, perfect):
    # Article A: 2 gold, 3 extra; article B: 2 gold, 0 extra; article C: 2 gold, 1 missed.
    a = perfect(article)
    a["events"] += [copy.deepcopy(a["events"][0]) for _ in range(3)]
    b = perfect(article)
    c = perfect(article)
    c["events"].pop()
    total = aggregate(score_article(article, r) for r in (a, b, c)).events
    assert total.gold == 6
    assert total.found.fp == 3
    assert total.extra_rate == pytest.approx(3 / 6)
    assert total.found.recall == pytest.approx(5 / 6)
    assert total.found.precision == pytest.approx(5 / 8)
    assert aggregate([]).events.extra_rate is None


def test_score_wrong_type_is_a_miss_and_an_extra(article, perfect):
    result = perfect(article)
    result["events"][0]["event"] = "ACCUSE"
    ev = score_article(article, result).scores.events
    assert (ev.found.tp, ev.found.fp, ev.found.fn) == (1, 1, 1)
    assert ev.per_type["THREATEN"] == PRF(tp=0, fp=0, fn=1)
    assert ev.per_type["ACCUSE"] == PRF(tp=0, fp=1, fn=0)
    assert ev.extra_rate == 0.5


def test_score_event_in_other_sentence_does_not_match(article, perfect):
    result = perfect(article)
    other = result["events"][1]["sentence"]
    result["events"][0]["sentence"] = dict(other)
    assert score_article(article, result).scores.events.found.tp == 1


def test_score_modality_and_attributes(article, perfect):
    result = perfect(article)
    threaten, agree = result["events"]
    agree["modality"] = "asserted"  # gold: future
    threaten["mode"] = None  # gold: violence
    threaten["date"] = "2025-09-06"
    threaten["place"] = {"name": "Moscow", "country": "RUS"}
    agree["actor"] = agree["actor"][:1]  # France only; gold France and Germany
    out = score_article(article, result)
    ev = out.scores.events
    assert ev.found.f1 == 1.0
    assert ev.modality == Ratio(1, 2)
    assert ev.modality_marked == Ratio(0, 1)
    assert ev.mode == Ratio(1, 2)
    assert ev.date == Ratio(1, 2)
    assert ev.place == Ratio(0, 1)
    assert ev.actor_country == Ratio(1, 2)
    assert any("modality 'asserted' ≠ gold 'future'" in e for e in out.errors)


def test_score_place_prefix_needs_same_country(article, perfect):
    result = perfect(article)
    result["events"][0]["place"] = {"name": "Vladivostok Oblast", "country": "RUS"}
    assert score_article(article, result).scores.events.place == Ratio(1, 1)
    result["events"][0]["place"] = {"name": "Vladivostok Oblast", "country": "USA"}
    assert score_article(article, result).scores.events.place == Ratio(0, 1)


def test_score_prefers_same_trigger(article, perfect, make_repo, make_gold, tmp_path, sample):
    # Two THREATEN events in one sentence with different triggers and modalities: the system
    # lists them in the other order, and the trigger decides the pairing.
    data = make_gold()
    second = {**data["events"][0], "trigger": "foreign troops", "modality": "hypothetical"}
    data["events"].append(second)
    make_repo(tmp_path, data)
    from wirecoder.evaluate.gold import load_gold

    two = load_gold("test", tmp_path / "gold")[0]
    result = perfect(two)
    result["events"] = [result["events"][2], result["events"][1], result["events"][0]]
    ev = score_article(two, result).scores.events
    assert ev.found.tp == 3
    assert ev.modality == Ratio(3, 3)


def test_score_wrong_speaker(article, perfect):
    result = perfect(article)
    result["statements"][1]["speaker"] = "a1"  # Putin for Peskov's quote
    out = score_article(article, result)
    assert out.scores.statements.speaker == Ratio(1, 2)
    assert out.scores.statements.found.f1 == 1.0
    assert any("speaker 'Vladimir Putin' ≠ gold 'Dmitry Peskov'" in e for e in out.errors)


def test_score_speaker_last_name_and_null(article, perfect):
    result = perfect(article)
    result["actors"][0]["name"] = "Putin"
    assert score_article(article, result).scores.statements.speaker == Ratio(2, 2)
    result["statements"][0]["speaker"] = None
    assert score_article(article, result).scores.statements.speaker == Ratio(1, 2)
    article.statements[0].speaker = None  # both null counts as right
    assert score_article(article, result).scores.statements.speaker == Ratio(2, 2)


def test_score_statement_kind(article, perfect):
    result = perfect(article)
    result["statements"][0]["kind"] = "indirect"
    assert score_article(article, result).scores.statements.kind == Ratio(1, 2)


def test_score_statement_partial_span_and_one_to_one(article, perfect):
    result = perfect(article)
    quote = result["statements"][0]
    # The system drops the closing words: still most of the span.
    quote["end"] -= len(' "legitimate targets"')
    # A second system statement over the same text cannot take the same gold statement.
    result["statements"].append({**quote, "id": "s9"})
    st = score_article(article, result).scores.statements
    assert (st.found.tp, st.found.fp, st.found.fn) == (2, 1, 0)


def test_score_missing_and_extra_statements(article, perfect):
    result = perfect(article)
    gone = result["statements"].pop(0)
    result["statements"].append({**gone, "start": 0, "end": 20})  # a different, short span
    st = score_article(article, result).scores.statements
    assert (st.found.tp, st.found.fp, st.found.fn) == (1, 1, 1)
    assert st.found.f1 == 0.5


@pytest.mark.parametrize(
    ("gold", "system", "matches"),
    [
        ((0, 100), (0, 100), True),
        ((0, 100), (50, 150), False),  # overlap 50, union 150, shorter covered 50%
        ((0, 100), (25, 125), True),  # overlap 75 / union 125 = 0.6
        ((0, 100), (10, 40), True),  # the short span is wholly covered
        ((0, 100), (90, 110), False),
        ((0, 10), (10, 20), False),  # touching, no overlap
    ],
)
def test_score_span_match_rule(gold, system, matches):
    assert (span_match(gold, system) is not None) is matches


@pytest.mark.parametrize(
    ("a", "b", "last_name", "same"),
    [
        ("Vladimir Putin", "vladimir putin", False, True),
        ("Vladimir Putin", "Putin", True, True),
        ("Vladimir Putin", "Putin", False, False),
        ("the Kremlin", "Kremlin", False, True),
        ("Emmanuel Macron", "Brigitte Trogneux", True, False),
    ],
)
def test_score_same_name(a, b, last_name, same):
    assert same_name(a, b, last_name=last_name) is same


def test_score_actors(article, perfect):
    result = perfect(article)
    result["actors"][0]["name"] = "Putin"  # a person: last name is enough
    result["actors"][2]["name"] = "French Republic"  # a country: no fuzzy matching
    result["actors"][1]["sector"] = "MIL"
    result["actors"][3]["country"] = "FRA"
    ac = score_article(article, result).scores.actors
    assert ac.found == Ratio(3, 4)
    assert ac.sector == Ratio(2, 3)
    assert ac.country == Ratio(2, 3)
    # Named people and organisations apart: both people matched, one with a wrong sector; the
    # country with a wrong code is not counted there.
    assert ac.named_country == Ratio(2, 2)
    assert ac.named_sector == Ratio(1, 2)


def test_score_places(article, perfect):
    result = perfect(article)
    result["places"] = [{"name": "vladivostok"}, {"name": "Paris"}, {"name": "Paris"}]
    pl = score_article(article, result).scores.places.found
    assert (pl.tp, pl.fp, pl.fn) == (1, 1, 1)


def test_score_empty_result(article):
    scores = score_article(
        article, {"actors": [], "statements": [], "events": [], "places": []}
    ).scores
    assert scores.events.found.precision is None
    assert scores.events.found.recall == 0.0
    assert scores.events.found.f1 is None
    assert scores.events.extra_rate == 0.0


def test_score_to_dict_round_numbers(article, perfect):
    data = aggregate([score_article(article, perfect(article))]).to_dict()
    assert data["articles"] == 1
    assert data["events"]["extra_rate"] == 0.0
    assert data["events"]["per_type"]["THREATEN"]["f1"] == 1.0
    assert data["statements"]["speaker_accuracy"] == {"correct": 2, "total": 2, "value": 1.0}


def test_score_event_place_country_level_is_the_headline(article, perfect):
    result = perfect(article)
    # Another place in the gold place's country: right by country, wrong by name.
    result["events"][0]["place"] = {"name": "Khabarovsk", "country": "RUS"}
    out = score_article(article, result)
    ev = out.scores.events
    assert ev.place_country == Ratio(1, 1)
    assert ev.place == Ratio(0, 1)
    assert any(e.startswith("place name") for e in out.errors)
    result["events"][0]["place"] = {"name": "Kyiv", "country": "UKR"}
    assert score_article(article, result).scores.events.place_country == Ratio(0, 1)
    result["events"][0]["place"] = None
    assert score_article(article, result).scores.events.place_country == Ratio(0, 1)
    dumped = score_article(article, perfect(article)).scores.to_dict()["events"]
    assert dumped["place_country_accuracy"]["value"] == 1.0
    assert dumped["place_accuracy"]["value"] == 1.0


def test_score_place_without_gold_country_needs_the_name(article, perfect):
    article.events[0].place_country = None  # a sea or a disputed site
    result = perfect(article)
    result["events"][0]["place"] = {"name": "Sea of Japan", "country": None}
    assert score_article(article, result).scores.events.place_country == Ratio(0, 1)
    result["events"][0]["place"] = {"name": "Vladivostok", "country": None}
    assert score_article(article, result).scores.events.place_country == Ratio(1, 1)


def test_score_statement_places(article, perfect):
    result = perfect(article)
    st = score_article(article, result).scores.statements
    # gold: Putin's statement in Vladivostok; Peskov's has no place
    assert st.place == Ratio(1, 1)
    assert st.place_null == Ratio(1, 1)
    result["statements"][0]["place"] = None
    result["statements"][1]["place"] = "Moscow"  # a place the text does not give
    out = score_article(article, result)
    assert out.scores.statements.place == Ratio(0, 1)
    assert out.scores.statements.place_null == Ratio(0, 1)
    assert sum(e.startswith("statement place") for e in out.errors) == 2
    result["statements"][0]["place"] = "vladivostok"  # case does not matter
    assert score_article(article, result).scores.statements.place == Ratio(1, 1)
    total = aggregate([score_article(article, perfect(article))] * 2).statements
    assert total.place == Ratio(2, 2)
    assert score_article(article, perfect(article)).scores.to_dict()["statements"][
        "place_accuracy"]["value"] == 1.0


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Geneva", "geneva", True), ("The White House", "White House", True),
     ("Geneva", "Geneva airport", True), ("Paris", "Parisian suburbs", False),
     ("Kyiv", "Moscow", False)],
)
def test_score_same_place_name(a, b, same):
    from wirecoder.evaluate.score import same_place_name

    assert same_place_name(a, b) is same
