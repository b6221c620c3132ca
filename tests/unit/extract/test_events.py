"""Event coding rules, each on a sentence of our own (the model loads once per session)."""

from __future__ import annotations

import pytest

PUB = "2025-09-06"  # a Saturday


def events(pipeline, text: str) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    result = pipeline.extract(text, published=PUB)
    names = {a.id: a.name for a in result.actors}
    return [(e.event, e.modality, tuple(names[i] for i in e.actor),
             tuple(names[i] for i in e.recipient)) for e in result.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # criticism is ACCUSE
        ("German Chancellor Olaf Scholz condemned the attack on Friday.",
         ("ACCUSE", "asserted", ("Olaf Scholz",))),
        # meetings are CONSULT, reciprocal: every party is an actor
        ("French President Emmanuel Macron met Ukrainian President Volodymyr Zelensky in Paris.",
         ("CONSULT", "asserted", ("Emmanuel Macron", "Volodymyr Zelensky"))),
        # a scheduled meeting is future
        ("NATO defence ministers will meet in Brussels on Tuesday.",
         ("CONSULT", "future", None)),
        # promised future aid is AGREE, asserted (the promise was made)
        ("The German government said on Friday that Germany would deliver two more air defence "
         "systems to Ukraine.", ("AGREE", "asserted", ("Germany",))),
        # a denial codes the denied act as negated
        ("Rwanda denied that its soldiers had attacked the town.",
         ("ASSAULT", "negated", None)),
        # an announced refusal to meet is REJECT
        ("The Sudanese army said it would not attend the talks in Geneva.",
         ("REJECT", "asserted", None)),
        # violence by protesters is PROTEST
        ("Protesters attacked the embassy and set fire to its gates.",
         ("PROTEST", "asserted", ("Protesters",))),
        # a threatened act of force is THREATEN by the speaker, asserted
        ("\u201cIf they cross the line, we will strike them,\u201d Russian Defence Minister "
         "Andrei Belousov said.", ("THREATEN", "asserted", ("Andrei Belousov",))),
        # a warning of a future response is THREATEN
        ("North Korea's defence ministry warned that its forces would deliver an overwhelming "
         "response to any provocation.", ("THREATEN", "asserted", None)),
        # a vow to strike back is a threat
        ("Iran vowed to retaliate against Israel for the strike on its consulate.",
         ("THREATEN", "asserted", ("Iran",))),
        # a capital stands for its government
        ("Washington imposed new sanctions on Iranian oil exports on Monday.",
         ("SANCTION", "asserted", ("United States",))),
    ],
)
def test_events_code_by_plover_rules(pipeline, text, expected) -> None:
    found = events(pipeline, text)
    kind, modality, actors = expected
    matches = [e for e in found if e[0] == kind and e[1] == modality]
    assert matches, found
    if actors is not None:
        assert any(set(actors) <= set(e[2]) for e in matches), found


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the economy was growing faster than expected.",  # a plain statement
        "Two soldiers were killed in the fighting near the border.",  # no named actor
        "The decision to pause talks last month surprised analysts.",  # background noun
        "CEASEFIRE TALKS",  # headline without a verb
    ],
)
def test_events_refuse_to_invent_events(pipeline, text) -> None:
    assert events(pipeline, text) == []


def test_events_compound_actors_are_a_list(pipeline) -> None:
    found = events(pipeline, "France and Germany condemned the coup in Niger on Thursday.")
    accuse = next(e for e in found if e[0] == "ACCUSE")
    assert set(accuse[2]) == {"France", "Germany"}


def test_events_resolve_dates_against_publication(pipeline) -> None:
    result = pipeline.extract("Russia launched a missile attack on Kyiv on Friday.",
                              published=PUB)
    attack = next(e for e in result.events if e.event == "ASSAULT")
    assert attack.date == "2025-09-05" and attack.date_raw == "Friday"


def test_events_survive_long_sentences_and_lists(pipeline) -> None:
    long = "The minister said that " + ", ".join(f"item {i}" for i in range(200)) + "."
    table = "\n".join(f"| Country {i} | {i} | {i * 2} |" for i in range(100))
    caps = "RUSSIA ATTACKS UKRAINE AS TALKS STALL IN GENEVA; MINISTERS MEET AGAIN."
    for text in (long, table, caps):
        result = pipeline.extract(text, published=PUB)
        assert result.status == "coded"
        assert len(result.events) <= 3
