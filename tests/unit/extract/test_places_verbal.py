"""Places of verbal events (guidelines section 6, "(ours)" on unstated places): the stated place of
utterance; else the dateline in the lead sentence only; never a place of the promised act or of a
reporting source that is not the actor."""

from __future__ import annotations

import pytest


def placed(pipeline, text: str, published: str = "2025-03-12") -> dict[str, tuple | None]:
    """(event type, trigger word) -> (place name, country) of every event coded in `text`."""
    result = pipeline.extract(text, published=published)
    return {(e.event, e.event_text): (e.place.name, e.place.country) if e.place else None
            for e in result.events}


LEAD = "LIMA, March 12 (WSW) - Peru's foreign minister on Tuesday condemned the seizure of a " \
    "Peruvian trawler by Ecuador's navy."


@pytest.mark.parametrize(
    ("text", "event", "trigger", "expected"),
    [
        # a lead verbal event with no stated place takes the dateline city
        (LEAD, "ACCUSE", "condemned", ("Lima", "PER")),
        # ... whatever the actor's country
        ("OSLO, March 12 (WSW) - Chile's president on Tuesday praised Norway for its offer to "
         "host the fisheries talks.", "SUPPORT", "praised", ("Oslo", "NOR")),
        # a later verbal event with no stated place has none, even with a home actor
        (LEAD + "\n\nPeru's prime minister later urged Ecuador to release the crew.",
         "REQUEST", "urged", None),
        # a later one whose utterance is located takes that place
        (LEAD + "\n\nSpeaking in Cusco, Peru's prime minister urged Ecuador to release the "
         "crew.", "REQUEST", "urged", ("Cusco", "PER")),
    ],
)
def test_verbal_event_places(pipeline, text, event, trigger, expected) -> None:
    got = placed(pipeline, text)
    assert got.get((event, trigger)) == expected, got


def test_verbal_event_place_of_the_promised_act_is_not_its_place(pipeline) -> None:
    # the convoys would go through Arica; the promise was not made there
    text = LEAD + "\n\nA Chilean official said Chile would send two more aid convoys through " \
        "Arica next week."
    got = placed(pipeline, text)
    agree = [v for (ev, _), v in got.items() if ev == "AGREE"]
    assert agree == [None], got


def test_verbal_event_not_placed_by_a_source_who_is_not_the_actor(pipeline) -> None:
    # the diplomats spoke in Geneva; Ecuador's request was not made there
    text = LEAD + "\n\nEcuador also asked for an emergency meeting of the regional fisheries " \
        "body, diplomats in Geneva said."
    got = placed(pipeline, text)
    assert got.get(("REQUEST", "asked")) is None, got


def test_verbal_event_call_on_a_capital_is_not_a_place(pipeline) -> None:
    text = LEAD + "\n\nThe Brazilian foreign ministry called on Quito to return the trawler " \
        "and said talks in Brasilia would follow."
    got = placed(pipeline, text)
    assert got.get(("REQUEST", "called")) is None, got
