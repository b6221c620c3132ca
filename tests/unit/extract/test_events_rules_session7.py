"""Event and attribution rules added in the seventh session (2026-11-27, late night), while
developing on the dev articles and batch 19 (articles written by one person and annotated by
another, without tidying the prose).

Every sentence here is our own, written for the test (not taken from the gold articles): each
rule is checked on a case it must code and, where it has one, a case it must leave alone.
"""

from __future__ import annotations

from typing import Any

from test_events_rules_2026_11 import events  # the shared coding helper


def coded(found: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(e["event"], e["modality"]) for e in found]


def speakers(pipeline: Any, text: str) -> list[str | None]:
    result = pipeline.extract(text, published="2025-08-20").to_dict()
    names = {a["id"]: a["name"] for a in result["actors"]}
    return [names.get(s["speaker"]) for s in result["statements"]]


# --- a subject the parser hangs on a fronted place ---------------------------------------------

def test_a_speaker_set_off_after_a_fronted_place_is_the_speaker(pipeline: Any) -> None:
    text = ("In Baku, the foreign ministry's chief spokesman, Aykhan Hajizada, said Azerbaijan "
            "would recall its ambassador.")
    assert speakers(pipeline, text) == ["Aykhan Hajizada"]


def test_a_warning_after_a_fronted_place_is_the_speakers_threat(pipeline: Any) -> None:
    found = events(pipeline, "In Tripoli, the council's chief spokesman, Khaled Zaidi, condemned "
                             "the raid and warned that Tripoli would close the port if the "
                             "attacks went on.")
    assert ("THREATEN", "asserted") in coded(found)
    assert all(e["event"] != "COERCE" for e in found), coded(found)
    threat = next(e for e in found if e["event"] == "THREATEN")
    assert threat["actor_names"] == ["Khaled Zaidi"]


def test_a_place_with_its_own_apposition_leaves_the_real_subject(pipeline: Any) -> None:
    text = "In Kabul, the Afghan capital, the Taliban said they would close the crossing."
    assert speakers(pipeline, text) == ["Taliban"]


# --- conditional threats in the speaker's own words --------------------------------------------

def test_our_forces_stopping_the_other_side_if_it_acts_is_a_threat(pipeline: Any) -> None:
    found = events(pipeline, "\"If foreign frigates try to escort the tanker out, our navy will "
                             "stop them,\" Iranian navy commander Shahram Irani said.")
    assert [e["event"] for e in found] == ["THREATEN"], coded(found)
    assert found[0]["modality"] == "asserted"


def test_what_we_offer_if_the_other_side_acts_is_no_threat(pipeline: Any) -> None:
    found = events(pipeline, "\"If they close their markets, we will open ours to the world,\" "
                             "Brazilian President Luiz Inacio Lula da Silva said.")
    assert "THREATEN" not in {e["event"] for e in found}, coded(found)


def test_what_befalls_the_other_side_if_it_acts_is_a_threat(pipeline: Any) -> None:
    found = events(pipeline, "\"If the southern army fires one more shell,\" General Pak Jong Chon "
                             "said, \"it will face a response it has never seen.\"")
    assert ("THREATEN", "asserted") in coded(found)


def test_what_the_other_side_receives_if_it_complies_is_no_threat(pipeline: Any) -> None:
    found = events(pipeline, "\"If Iran returns to the table, it will receive sanctions relief,\" "
                             "U.S. envoy Steve Witkoff said.")
    assert "THREATEN" not in {e["event"] for e in found}, coded(found)


def test_an_analysts_consequence_is_no_threat(pipeline: Any) -> None:
    found = events(pipeline, "\"If the town falls, the rebels will face a long siege,\" said "
                             "Aline Kaneza, an analyst at a Nairobi think tank.")
    assert "THREATEN" not in {e["event"] for e in found}, coded(found)
