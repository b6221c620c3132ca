"""Event rules added while developing on batch 17 of the dev articles (sixth session,
2026-11-27): conditions, descriptions of talks, the content of demands, habits and participles.

Every sentence here is our own, written for the test (not taken from the gold articles): each
rule is checked on a case it must code and, where it has one, a case it must leave alone.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_events_rules_2026_11 import events  # the shared coding helper


def coded(found: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(e["event"], e["modality"]) for e in found]


# --- conditions ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "condition"), [
    ("The bishop said Rome was ready to send a delegation to Quito if President Noboa agreed "
     "to talks.", "agreed"),
    ("Ortiz, who leads the Civic Front, faces up to eight years in prison if convicted.",
     "convicted"),
    ("The minister said Caracas was ready to help against smugglers if Washington pulled its "
     "frigates back.", "pulled"),
])
def test_an_act_inside_an_if_clause_is_only_a_condition(pipeline: Any, text: str,
                                                        condition: str) -> None:
    found = events(pipeline, text)
    assert condition not in {e["event_text"] for e in found}, coded(found)


def test_a_clause_of_its_own_after_the_condition_is_still_coded(pipeline: Any) -> None:
    found = events(pipeline, "The spokeswoman warned on Monday that Peru would face a 40% tariff "
                             "if any port closed, calling the strike \"a grave error.\"")
    assert ("ACCUSE", "asserted") in coded(found)


# --- descriptions, habits, participles ---------------------------------------------------------

def test_describing_talks_as_constructive_is_no_praise(pipeline: Any) -> None:
    found = events(pipeline, "A Kenyan spokeswoman described the call as \"frank and useful.\"")
    assert "SUPPORT" not in {e["event"] for e in found}, coded(found)


def test_describing_a_deal_as_a_step_forward_is_still_praise(pipeline: Any) -> None:
    found = events(pipeline, "Ghana's foreign minister described the agreement as \"a real step "
                             "forward.\"")
    assert ("SUPPORT", "asserted") in coded(found)


def test_meeting_every_year_is_a_routine(pipeline: Any) -> None:
    found = events(pipeline, "The joint river commission has kept meeting every year since 2014.")
    assert "CONSULT" not in {e["event"] for e in found}, coded(found)


def test_a_single_meeting_is_still_coded(pipeline: Any) -> None:
    found = events(pipeline, "The joint river commission met in Kampala on Monday.")
    assert "CONSULT" in {e["event"] for e in found}


def test_a_bare_participle_read_as_a_clause_is_a_description(pipeline: Any) -> None:
    found = events(pipeline, "Among those freed were nine nurses and dozens of soldiers captured "
                             "in the first weeks of the war, the ministry said.")
    assert "COERCE" not in {e["event"] for e in found}, coded(found)


def test_a_past_tense_capture_is_still_coded(pipeline: Any) -> None:
    found = events(pipeline, "Rebel fighters captured dozens of soldiers near Goma on Monday.")
    assert "COERCE" in {e["event"] for e in found}


# --- lexicon rows from batch 17 -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The two armies restored their military hotlines on Thursday.", "COOPERATE"),
    ("Pyongyang cut the hotline in July.", "SANCTION"),
    ("Senegalese fighter jets violated Gambian airspace on Tuesday.", "MOBILIZE"),
    ("Algeria barred Moroccan trawlers from its waters on Monday.", "COERCE"),
    ("Bulgarian police handed three suspected traffickers to Romanian prosecutors on Monday.",
     "COOPERATE"),
    ("Riot police fired tear gas and stun grenades to clear the square.", "ASSAULT"),
    ("The Thai army raised its alert level along the border on Monday.", "MOBILIZE"),
    ("Prime Minister Hun Manet renewed an offer to set up joint demining teams.", "AGREE"),
    ("Latvian investigators joined the Swedish inquiry on Monday.", "COOPERATE"),
    ("The Police and Border Guard Board had moved 60 extra officers to Narva on Monday.",
     "MOBILIZE"),
    ("Petar Petkovic called the closure \"collective punishment\" of ordinary Serbs.", "ACCUSE"),
    ("Poland and Lithuania said they would oppose any exemption for Slovakia.", "REJECT"),
])
def test_batch_17_rows_code_common_wire_verbs(pipeline: Any, text: str, expected: str) -> None:
    assert expected in {e["event"] for e in events(pipeline, text)}


@pytest.mark.parametrize(("text", "unexpected"), [
    ("Ukraine's energy ministry restored power lines in Kharkiv on Friday.", "COOPERATE"),
    ("Ukraine's energy ministry cut power lines to Kharkiv on Friday.", "SANCTION"),
    ("The rebels violated the ceasefire on Tuesday.", "MOBILIZE"),
    ("The Thai army raised its level of spending on Monday.", "MOBILIZE"),
])
def test_look_alikes_of_the_batch_17_rows(pipeline: Any, text: str, unexpected: str) -> None:
    assert unexpected not in {e["event"] for e in events(pipeline, text)}


# --- what is asked is not done -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Mali reiterated its demand that France withdraw its troops from Gao.",
    "Turkey called for Greece to withdraw its troops from the islands.",
    "Rights groups appealed for the army to release the detainees.",
])
def test_the_clause_of_a_demand_is_asked_not_done(pipeline: Any, text: str) -> None:
    found = events(pipeline, text)
    assert "RETREAT" not in {e["event"] for e in found}, coded(found)
    assert ("REQUEST", "asserted") in coded(found)


def test_a_withdrawal_reported_as_done_is_still_coded(pipeline: Any) -> None:
    found = events(pipeline, "France withdrew its troops from Gao on Monday.")
    assert ("RETREAT", "asserted") in coded(found)


# --- batch 18: aims, charges, permissions, stances, deliberations --------------------------------

def test_the_purpose_of_a_march_is_part_of_it(pipeline: Any) -> None:
    found = events(pipeline, "Thousands of people marched through Lisbon on Friday to denounce "
                             "the raid.")
    assert [e["event"] for e in found] == ["PROTEST"], coded(found)


def test_a_summons_with_an_accusation_in_a_participle_keeps_both(pipeline: Any) -> None:
    found = events(pipeline, "Egypt expelled the ambassador on Monday, accusing Israel of spying.")
    assert {"SANCTION", "ACCUSE"} <= {e["event"] for e in found}


def test_a_second_charge_is_alleged_too(pipeline: Any) -> None:
    found = events(pipeline, "Prosecutors charged the nine with violent conduct and attacking "
                             "an official.")
    assert "ASSAULT" not in {e["event"] for e in found}, coded(found)


@pytest.mark.parametrize(("text", "actor"), [
    ("He said Norway would let Russian consular officials visit the crew in Tromso.", "Norway"),
    ("Judiciary spokesman Asghar Jahangir said Indian diplomats would be allowed to visit the "
     "crew in Jask.", "Asghar Jahangir"),
])
def test_a_visit_one_would_let_happen_is_a_promise(pipeline: Any, text: str, actor: str) -> None:
    found = events(pipeline, text)
    assert [(e["event"], e["actor_names"]) for e in found] == [("AGREE", [actor])]


def test_a_visit_that_happened_is_still_a_visit(pipeline: Any) -> None:
    found = events(pipeline, "Indian diplomats visited the crew in Jask on Monday.")
    assert "CONSULT" in {e["event"] for e in found}


def test_protesting_every_time_is_a_stance(pipeline: Any) -> None:
    found = events(pipeline, "\"We will protest every single time,\" the minister said.")
    assert found == [], coded(found)


def test_a_sending_still_weighed_is_no_promise(pipeline: Any) -> None:
    found = events(pipeline, "NATO ministers said on Friday they would consider sending more "
                             "troops to Romania.")
    assert "AGREE" not in {e["event"] for e in found}, coded(found)
    assert all(e["modality"] == "hypothetical" for e in found), coded(found)


def test_talks_told_again_are_the_talks_already_coded(pipeline: Any) -> None:
    text = ("Kenyan and Somali foreign ministers held talks in Nairobi on Monday.\n\n"
            "The Kenyan and Somali ministers shook hands after six hours of talks at State House.")
    found = events(pipeline, text)
    assert [e["event"] for e in found].count("CONSULT") == 1, coded(found)


def test_a_second_meeting_with_other_parties_is_coded(pipeline: Any) -> None:
    text = ("Kenyan and Somali foreign ministers held talks in Nairobi on Monday.\n\n"
            "Ethiopia's foreign minister held talks with his Eritrean counterpart in Asmara on "
            "Tuesday.")
    found = events(pipeline, text)
    assert [e["event"] for e in found].count("CONSULT") == 2, coded(found)


@pytest.mark.parametrize("text", [
    "\"We are not asking for anything new,\" Kurdish spokesman Peshawa Hawramani said.",
    "\"We do not agree on everything,\" Greek Foreign Minister Giorgos Gerapetritis said.",
])
def test_an_act_about_anything_is_no_act(pipeline: Any, text: str) -> None:
    found = events(pipeline, text)
    assert found == [], coded(found)


def test_a_denied_act_on_anyone_is_still_a_denied_act(pipeline: Any) -> None:
    found = events(pipeline, "Vucic denied on Friday that Serbia had armed anyone in Kosovo.")
    assert ("AID", "negated") in coded(found)


def test_the_two_countries_are_the_story_s_pair_not_the_last_mediator(pipeline: Any) -> None:
    text = ("Thailand accused Cambodia on Monday of laying new mines along the border.\n\n"
            "Philippine Foreign Minister Theresa Lazaro, who chairs ASEAN, spoke with Cambodian "
            "Prime Minister Hun Manet by phone on Tuesday.\n\n"
            "The two countries fought a five-day border war in July 2025.")
    found = events(pipeline, text)
    war = [e for e in found if e["event"] == "ASSAULT"]
    assert war and war[0]["actor_countries"] == ["KHM", "THA"], coded(found)


def test_a_country_the_recogniser_took_for_a_person_is_a_country(pipeline: Any) -> None:
    found = events(pipeline, "Sri Lanka agreed on Monday to lift the ban on Indian trawlers.")
    assert [(e["event"], e["actor_countries"]) for e in found] == [("CONCEDE", ["LKA"])]


def test_an_undated_pluperfect_clause_about_a_thing_is_background(pipeline: Any) -> None:
    found = events(pipeline, "NATO ambassadors met in Brussels on Wednesday for the "
                             "consultations Poland had requested.")
    assert [e["event"] for e in found] == ["CONSULT"], coded(found)


def test_a_dated_clause_about_a_thing_is_still_coded(pipeline: Any) -> None:
    found = events(pipeline, "The talks stalled over a demand that Hamas rejected on Wednesday.")
    assert "REJECT" in {e["event"] for e in found}


def test_a_verdict_on_what_a_party_did_is_an_accusation(pipeline: Any) -> None:
    found = events(pipeline, "\"What the Norwegian coast guard did is piracy,\" spokeswoman Maria "
                             "Zakharova told reporters in Moscow.")
    assert ("ACCUSE", "asserted") in coded(found)


def test_ordered_held_in_custody_is_the_court_s_arrest_on_the_day_of_the_order(
        pipeline: Any) -> None:
    found = events(pipeline, "A court in Novi Sad on Monday ordered nine people held in custody "
                             "for 30 days.", published="2026-03-18")
    assert [(e["event"], e["date"]) for e in found] == [("COERCE", "2026-03-16")], coded(found)
