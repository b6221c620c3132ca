"""Our paragraph-level place suites, written apart from the gold articles to estimate how the
place rules generalise: event places (tests/data/event_places.tsv, a second independent round in
event_places_2.tsv) and place recall and precision of `find_places` (place_mentions.tsv,
place_mentions_2.tsv). Floors are measured, not wished.

Two views of event places: through the whole pipeline (only the events the finder reports, so
the finder's recall shows as "events found"), and a probe of the place rules alone: `_place` on
each case's trigger token after the finder has run, so a trigger the finder misses still tests
the place rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.evaluate.score import same_place_name

DATA = Path(__file__).resolve().parents[2] / "data"
# Measured after the rule fixes (see the module docstring of event_context.py); raise them when
# the rules improve, never lower them to make a change pass.
# Measured on 2026-11-27: event places 78/79 of the events found (before the rules were fitted to
# the first 83 cases: 50/63); events found 79/103 (the event finder's share, kept loose);
# mentions recall 81/84 (before: 67/85), precision 81/81.
EVENT_PLACE_FLOOR = 0.95
EVENT_FOUND_FLOOR = 0.65
MENTION_RECALL_FLOOR = 0.93
MENTION_PRECISION_FLOOR = 0.95
# Round 2 (event_places_2.tsv, place_mentions_2.tsv), written before the rules were changed.
# Before the fixes: pipeline 36/38 of the events found, probe 45/50, mentions recall 33/45,
# precision 33/33. After: pipeline 37/37 (found 37/50 while events.py was being edited), probe
# 49/50, mentions recall 42/45, precision 42/42. Probe of round 1: 101/103 before and after.
ROUND2_PLACE_FLOOR = 0.94
ROUND2_FOUND_FLOOR = 0.6
ROUND2_RECALL_FLOOR = 0.9
ROUND2_PRECISION_FLOOR = 0.95
PROBE_FLOOR = {"event_places.tsv": 0.96, "event_places_2.tsv": 0.96}
# Triggers of verbal events in the suites (the probe needs the event type; others count as
# material acts).
PROBE_VERBAL = {"condemned": "ACCUSE", "criticised": "ACCUSE", "accused": "ACCUSE",
                "vowed": "THREATEN", "warned": "THREATEN", "agreed": "AGREE",
                "rejected": "REJECT"}


def place_ok(place, names: list[str], country: str | None) -> bool:
    """The scorer's rule: right country, or the right name for a place with no country; no
    expected place means the event must have none."""
    if not names:
        return place is None
    if place is None:
        return False
    if country is not None:
        return place.country == country
    return any(same_place_name(n, place.name) for n in names)


def judge(place, names: list[str], country: str | None, trigger: str, text: str,
          failures: list[str]) -> bool:
    """`place_ok`, recording a readable line for each wrong place."""
    ok = place_ok(place, names, country)
    if not ok:
        got = f"{place.name} ({place.country})" if place else None
        failures.append(f"{trigger!r}: got {got}, want {names or None} ({country}): {text[:90]}")
    return ok

def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return rows[1:]  # the header


def event_cases(name: str = "event_places.tsv"
                ) -> list[tuple[str, str, str, list[str], str | None]]:
    out = []
    for text, published, trigger, place, country in _rows(name):
        names = [] if place == "-" else place.split("|")
        out.append((text.replace("\\n", "\n"), published, trigger, names,
                    None if country == "-" else country))
    return out


def mention_cases(name: str = "place_mentions.tsv") -> list[tuple[str, list[str]]]:
    return [(sentence, places.split("|")) for sentence, places in _rows(name)]


def score_event_places(pipeline, name: str = "event_places.tsv"
                       ) -> tuple[int, int, int, list[str]]:
    """(right, events found, cases, failures). Right is the headline rule of the evaluation:
    the country matches, or for a place with no country (a sea) the name does; no place
    expected means none given."""
    right = found = 0
    failures: list[str] = []
    cases = event_cases(name)
    for text, published, trigger, names, country in cases:
        result = pipeline.extract(text, published=published)
        events = [e for e in result.events if e.event_text.lower() == trigger.lower()] or \
            [e for e in result.events if trigger.lower() in e.event_text.lower()]
        if not events:
            failures.append(f"no event {trigger!r}: {text[:90]}")
            continue
        found += 1
        place = events[0].place
        right += judge(place, names, country, trigger, text, failures)
    return right, found, len(cases), failures


def score_mentions(pipeline, name: str = "place_mentions.tsv"
                   ) -> tuple[int, int, int, int, list[str]]:
    """(expected names found, expected names, right names listed, names listed, failures)."""
    hit = gold = listed = 0
    wrong = 0
    failures: list[str] = []
    for sentence, names in mention_cases(name):
        places = pipeline.extract(sentence).places
        got = [p.name for p in places]
        mentioned = [m.text for p in places for m in p.mentions]
        missing = [n for n in names if not any(same_place_name(n, g) for g in got + mentioned)]
        extra = [g for g in got if not any(same_place_name(n, g) for n in names)]
        gold += len(names)
        hit += len(names) - len(missing)
        listed += len(got)
        wrong += len(extra)
        if missing or extra:
            failures.append(f"missing {missing} extra {extra}: {sentence}")
    return hit, gold, listed - wrong, listed, failures


@pytest.fixture(scope="module")
def event_scores(pipeline):
    return score_event_places(pipeline)


@pytest.fixture(scope="module")
def mention_scores(pipeline):
    return score_mentions(pipeline)


def test_event_place_suite_is_well_formed() -> None:
    cases = event_cases()
    assert len(cases) >= 80
    for text, published, trigger, _names, country in cases:
        assert trigger.lower() in text.lower(), trigger
        assert len(published) == 10 and published[4] == "-"
        assert country is None or (len(country) == 3 and country.isupper())
    assert len(mention_cases()) >= 40


def test_event_places_generalise(event_scores) -> None:
    right, found, total, failures = event_scores
    accuracy = right / max(found, 1)
    assert found / total >= EVENT_FOUND_FLOOR, "\n".join(failures)
    assert accuracy >= EVENT_PLACE_FLOOR, f"{right}/{found}\n" + "\n".join(failures)


def test_place_mentions_recall(mention_scores) -> None:
    hit, gold, _right, _listed, failures = mention_scores
    assert hit / gold >= MENTION_RECALL_FLOOR, f"{hit}/{gold}\n" + "\n".join(failures)


def test_place_mentions_precision(mention_scores) -> None:
    _hit, _gold, right, listed, failures = mention_scores
    assert right / max(listed, 1) >= MENTION_PRECISION_FLOOR, f"{right}/{listed}\n" + \
        "\n".join(failures)


def probe_event_places(pipeline, name: str) -> tuple[int, int, list[str]]:
    """(right, cases, failures) of the place rules alone, on each case's trigger token."""
    from wirecoder.extract.actors import find_actors
    from wirecoder.extract.events import EventFinder
    from wirecoder.extract.places import find_places
    from wirecoder.extract.statements import find_statements
    from wirecoder.ontology import Trigger

    right = 0
    failures: list[str] = []
    cases = event_cases(name)
    for text, published, trigger, names, country in cases:
        doc = pipeline.nlp(text)
        actors = find_actors(doc, published=published)
        statements = [d.statement for d in find_statements(doc, actors)]
        context = [a.country for a in actors.actors if a.country and len(a.country) == 3]
        finder = EventFinder(doc, actors, statements, find_places(doc, context_codes=context),
                             published)
        finder.find()
        tok = next(t for t in doc if t.lower_ == trigger.lower())
        trig = Trigger(tok.lemma_, "VERB" if tok.pos_ in {"VERB", "AUX"} else "NOUN", None, (),
                       PROBE_VERBAL.get(tok.lower_, "ASSAULT"), None, "", ())
        subject, _ = finder.subject(tok if tok.pos_ == "VERB" else tok.head)
        place = finder._place(tok, trig, None,
                              finder.actors_of(subject) if subject is not None else [])
        right += judge(place, names, country, trigger, text, failures)
    return right, len(cases), failures


def test_round2_suite_is_well_formed() -> None:
    cases = event_cases("event_places_2.tsv")
    assert len(cases) >= 50
    for text, published, trigger, _names, country in cases:
        assert any(t.strip(".,;") == trigger for t in text.replace("\\n", " ").split()), trigger
        assert len(published) == 10 and published[4] == "-"
        assert country is None or (len(country) == 3 and country.isupper())
    assert len(mention_cases("place_mentions_2.tsv")) >= 25


def test_event_places_round2(pipeline) -> None:
    right, found, total, failures = score_event_places(pipeline, "event_places_2.tsv")
    assert found / total >= ROUND2_FOUND_FLOOR, "\n".join(failures)
    assert right / max(found, 1) >= ROUND2_PLACE_FLOOR, f"{right}/{found}\n" + "\n".join(failures)


@pytest.mark.parametrize("name", sorted(PROBE_FLOOR))
def test_place_rules_probe(pipeline, name: str) -> None:
    right, total, failures = probe_event_places(pipeline, name)
    assert right / total >= PROBE_FLOOR[name], f"{right}/{total}\n" + "\n".join(failures)


def test_place_mentions_round2(pipeline) -> None:
    hit, gold, right, listed, failures = score_mentions(pipeline, "place_mentions_2.tsv")
    assert hit / gold >= ROUND2_RECALL_FLOOR, f"{hit}/{gold}\n" + "\n".join(failures)
    assert right / max(listed, 1) >= ROUND2_PRECISION_FLOOR, f"{right}/{listed}\n" + \
        "\n".join(failures)
