"""Event and attribution rules added in the seventh session (2026-11-27, late night), while
developing on the dev articles and batch 19 (articles written by one person and annotated by
another, without tidying the prose).

Every sentence here is our own, written for the test (not taken from the gold articles): each
rule is checked on a case it must code and, where it has one, a case it must leave alone.
"""

from __future__ import annotations

from typing import Any

import pytest
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


# --- verdicts, protests, rescues, investigations -------------------------------------------------

def test_a_government_protesting_to_another_is_a_diplomatic_protest(pipeline: Any) -> None:
    found = events(pipeline, "When Dhaka signed the transit deal with Delhi, Kathmandu protested "
                             "to both.")
    assert "ACCUSE" in {e["event"] for e in found}, coded(found)
    assert "PROTEST" not in {e["event"] for e in found}, coded(found)


def test_calling_an_act_vandalism_is_criticism(pipeline: Any) -> None:
    found = events(pipeline, "Moldovan Deputy Prime Minister Mihai Popsoi called it \"vandalism\".")
    assert coded(found) == [("ACCUSE", "asserted")]


def test_a_figure_that_amounts_to_a_share_is_no_verdict(pipeline: Any) -> None:
    found = events(pipeline, "Cuban Foreign Minister Bruno Rodriguez said the losses amounted to "
                             "5% of output.")
    assert found == [], coded(found)


def test_pulling_people_from_the_water_is_a_rescue(pipeline: Any) -> None:
    found = events(pipeline, "Italian rescuers pulled 41 people from the sea on Sunday.")
    assert [e["event"] for e in found] == ["AID"], coded(found)


def test_an_investigation_opened_in_the_passive_is_the_speakers(pipeline: Any) -> None:
    found = events(pipeline, "Romanian prosecutors said in a statement that an investigation had "
                             "been opened.")
    assert [(e["event"], e["mode"]) for e in found] == [("ACCUSE", "investigate")]
    assert found[0]["actor_countries"] == ["ROU"]


# --- threats by unnamed officials and unhesitating agencies -------------------------------------

def test_an_unnamed_officials_reserved_right_is_the_states_threat(pipeline: Any) -> None:
    found = events(pipeline, "\"This cannot stand,\" the spokesperson said, adding that Tokyo "
                             "reserved the right to take \"proportionate measures\".")
    assert [e["event"] for e in found] == ["THREATEN"], coded(found)
    assert found[0]["actor_countries"] == ["JPN"]


# --- descriptions of a noun, not acts --------------------------------------------------------

def test_exercises_a_relative_clause_says_were_launched_are_coded(pipeline: Any) -> None:
    found = events(pipeline, "Armenia summoned Azerbaijan's ambassador to protest against "
                             "military exercises that Azerbaijani forces launched on Monday.")
    assert "MOBILIZE" in {e["event"] for e in found}, coded(found)
    drill = next(e for e in found if e["event"] == "MOBILIZE")
    assert drill["actor_countries"] == ["AZE"]


def test_a_days_possessive_takes_up_the_act_already_told(pipeline: Any) -> None:
    found = events(pipeline, "Rebels ambushed an army convoy near Gao on Saturday, killing nine "
                             "soldiers. Saturday's ambush, on the road to Ansongo, was claimed by "
                             "the Azawad Liberation Front.")
    assert [e["event"] for e in found] == ["ASSAULT"], coded(found)


# --- halted trade -----------------------------------------------------------------------------

def test_a_state_that_stops_buying_anothers_gas_sanctions_it(pipeline: Any) -> None:
    found = events(pipeline, "Lithuania stopped buying Russian gas in April.")
    assert [(e["event"], e["mode"]) for e in found] == [("SANCTION", "discontinue")]
    assert [n for n in found[0]["recipient_names"]] == ["Russia"]


def test_a_state_that_stops_paying_its_dues_sanctions(pipeline: Any) -> None:
    found = events(pipeline, "Armenia has stopped paying its share of the alliance's budget.")
    assert [e["event"] for e in found] == ["SANCTION"], coded(found)


def test_households_that_stop_buying_sanction_nobody(pipeline: Any) -> None:
    found = events(pipeline, "Households stopped buying imported cars last year.")
    assert found == [], coded(found)


# --- lexicon rows of the seventh session -----------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Iran summoned Britain's chargé d'affaires in Tehran on Tuesday.", "ACCUSE"),
    ("Poland ordered the closure of Russia's last remaining consulate on Thursday.", "SANCTION"),
    ("Latvian Foreign Minister Baiba Braze said Riga stood \"shoulder to shoulder\" with "
     "Warsaw.", "SUPPORT"),
    ("Kenyan President William Ruto has summoned an extraordinary summit in Nairobi.",
     "CONSULT"),
    ("In 2021 Kenya briefly barred Tanzanian maize over contamination.", "SANCTION"),
    ("The United States allowed a licence that let Chevron export Venezuelan crude to expire "
     "on Tuesday.", "SANCTION"),
    ("In October Algeria let lapse the contract for the pipeline through Morocco.", "SANCTION"),
])
def test_session7_rows(pipeline: Any, text: str, expected: str) -> None:
    found = events(pipeline, text)
    assert expected in {e["event"] for e in found}, coded(found)


def test_letting_a_deadline_pass_is_no_sanction(pipeline: Any) -> None:
    found = events(pipeline, "Ecuadorian officials let the deadline pass.")
    assert found == [], coded(found)


def test_a_passive_verdict_in_attributed_speech_is_criticism(pipeline: Any) -> None:
    found = events(pipeline, "Opposition leader Ana Lopez said the vote was rigged.")
    assert coded(found) == [("ACCUSE", "asserted")]


# --- what each rule codes, and the look-alikes it leaves alone (one case per rule above) -------

@pytest.mark.parametrize(("text", "event", "modality"), [
    ("\"If the southern army fires one more shell,\" General Pak Jong Chon "
     "said, \"it will face a response it has never seen.\"",
     "THREATEN", "asserted"),
    ("Cuban Foreign Minister Bruno Rodriguez said the embargo amounted to "
     "\"economic aggression against a whole nation\".",
     "ACCUSE", "asserted"),
    ("Frontex director Hans Leijtens said the agency would \"not "
     "hesitate\" to act if violations were confirmed.",
     "THREATEN", "asserted"),
    ("The militia that attacked the convoy on Monday has been disbanded.",
     "ASSAULT", None),
    ("Greece launched a naval patrol in the Aegean on Monday.",
     "MOBILIZE", None),
    ("\"If they cross the line, they will pay the price,\" Malian Foreign "
     "Minister Abdoulaye Diop said.",
     "THREATEN", "asserted"),
    ("Hungary's foreign ministry called the decision \"baseless\".",
     "ACCUSE", "asserted"),
    ("The Pentagon denied Venezuelan claims that U.S. fighter jets had "
     "entered Venezuelan airspace.",
     "MOBILIZE", "negated"),
])
def test_session7_codes(pipeline: Any, text: str, event: str, modality: str | None) -> None:
    found = events(pipeline, text)
    if modality is None:
        assert event in {e["event"] for e in found}, coded(found)
    else:
        assert (event, modality) in coded(found)


@pytest.mark.parametrize(("text", "event"), [
    ("\"If they close their markets, we will open ours to the world,\" "
     "Brazilian President Luiz Inacio Lula da Silva said.",
     "THREATEN"),
    ("\"If Iran returns to the table, it will receive sanctions relief,\" "
     "U.S. envoy Steve Witkoff said.",
     "THREATEN"),
    ("\"If the town falls, the rebels will face a long siege,\" said "
     "Aline Kaneza, an analyst at a Nairobi think tank.",
     "THREATEN"),
    ("Lena Varga, an analyst at a Budapest think tank, said an "
     "investigation had been opened.",
     "ACCUSE"),
    ("The minister said Japan would not hesitate to help its neighbours "
     "if asked.",
     "THREATEN"),
    ("Niger accused Benin of sheltering the armed groups that attack "
     "its soldiers.",
     "ASSAULT"),
    ("A spokesman said the Italian patrol had spotted the dinghy in "
     "Maltese waters.",
     "MOBILIZE"),
    ("\"If they get bogged down again, the junta will pay the political "
     "price,\" said Salif Dembele, a Dakar-based security researcher.",
     "THREATEN"),
    ("Hungary closed the Russian consulate in Pecs over what it "
     "described as a campaign of sabotage.",
     "ACCUSE"),
    ("Kigali said the soldiers had been killed by Burundian fire, a claim "
     "the Burundian presidency rejected as a distortion.",
     "REJECT"),
    ("Ties have been strained by accusations from Khartoum that Chadian "
     "territory is being used to move weapons to the RSF.",
     "MOBILIZE"),
    ("The minister said the documents had been fabricated by the rebels.",
     "ACCUSE"),
    ("The checks were \"a measured response, not a declaration of war,\" "
     "Kenyan Trade Secretary Lee Kinyanjui told reporters.",
     "ACCUSE"),
])
def test_session7_leaves_alone(pipeline: Any, text: str, event: str) -> None:
    found = events(pipeline, text)
    assert event not in {e["event"] for e in found}, coded(found)
