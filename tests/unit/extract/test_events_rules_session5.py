"""Event rules added while developing on batches 13 and 14 of the dev articles (fifth session,
2026-11-27): shared object classes, relative clauses whose noun is the object, misparsed
complement clauses, and lexicon rows for common wire verbs.

Every sentence here is our own, written for the test (not taken from the gold articles): each
rule is checked on a case it must code and, where it has one, a case it must leave alone.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_events_rules_2026_11 import events  # the shared coding helper

from wirecoder import ontology
from wirecoder.errors import DataFileError
from wirecoder.extract.events import _gap_is_object


def coded(found: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(e["event"], e["modality"]) for e in found]


# --- object classes --------------------------------------------------------------------------

def test_an_object_class_stands_for_its_words() -> None:
    rows = [{"lemma": "lend", "pos": "VERB", "particle": "", "object": "@kit|spade",
             "event": "AID", "mode": "", "cameo": "070", "contexts": "", "note": ""}]
    (trigger,) = ontology.parse_triggers(rows, modes=ontology.event_modes(),
                                         contexts=ontology.contexts(),
                                         classes={"kit": frozenset({"rake", "hoe"})})
    assert set(trigger.objects) == {"rake", "hoe", "spade"}


def test_an_unknown_object_class_is_a_data_error() -> None:
    rows = [{"lemma": "lend", "pos": "VERB", "particle": "", "object": "@nothing",
             "event": "AID", "mode": "", "cameo": "070", "contexts": "", "note": ""}]
    with pytest.raises(DataFileError) as info:
        ontology.parse_triggers(rows, modes=ontology.event_modes(), contexts=ontology.contexts(),
                                classes={})
    assert info.value.code == "E107" and "@nothing" in str(info.value)


@pytest.mark.parametrize(("lemma", "objects", "expected"), [
    ("deliver", ("howitzer",), ("AID", None)),
    ("provide", ("corvette",), ("AID", None)),
    ("lift", ("block",), ("CONCEDE", None)),
    ("suspend", ("regulation",), ("CONCEDE", None)),
    ("station", ("howitzer",), ("MOBILIZE", "troops")),
    ("seize", ("rifle",), ("COERCE", "seize")),
    ("send", ("frigate",), ("MOBILIZE", "weapons")),
    ("lift", ("blockade",), ("RETREAT", "withdraw")),  # a class never takes another row's words
])
def test_classes_widen_the_rows_that_name_them(lemma: str, objects: tuple[str, ...],
                                               expected: tuple[str, str | None]) -> None:
    trigger = ontology.select_trigger(lemma, "VERB", objects=objects)
    assert trigger is not None and (trigger.event, trigger.mode) == expected


def test_a_sent_fuel_tanker_is_no_deployment() -> None:
    trigger = ontology.select_trigger("send", "VERB", objects=("tanker",))
    assert trigger is None or trigger.event != "MOBILIZE"


# --- relative clauses and misparsed complements ----------------------------------------------

def test_the_noun_a_relative_clause_describes_is_its_object(pipeline: Any) -> None:
    found = events(pipeline, "Trade talks, which Canada paused in 2023, are unlikely to resume "
                   "soon, officials said.")
    assert ("SANCTION", "historical") in coded(found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials discussed the sanctions that the EU imposed in 2020.", True),
    ("Officials discussed the ceasefire the group declared on Monday.", True),
    ("Officials discussed the sanctions that were imposed in 2020.", True),
    ("Officials met the troops that attacked the town.", False),  # the gap is the subject
])
def test_a_relative_clause_gap_is_an_object_only_when_the_subject_is_there(
    pipeline: Any, text: str, expected: bool
) -> None:
    doc = pipeline.nlp(text)
    verb = next(t for t in doc if t.dep_ == "relcl")
    assert _gap_is_object(verb) is expected


def test_a_that_clause_after_a_prepositional_phrase_is_still_reported(pipeline: Any) -> None:
    # the parser reads "that Japan would provide ..." as a relative clause of "signing"
    found = events(pipeline, "Foreign Minister Yoko Kamikawa said during the signing that Japan "
                   "would provide the Philippine coast guard with five more patrol vessels.")
    assert ("AGREE", "asserted") in coded(found)


def test_a_past_verb_joined_to_a_gerund_belongs_to_the_main_clause(pipeline: Any) -> None:
    found = events(pipeline, "The United States accused the militia of committing atrocities "
                   "in Darfur and imposed sanctions on its commander, Ali Ahmed Musa.")
    sanction = next(e for e in found if e["event"] == "SANCTION")
    assert sanction["actor_countries"] == ["USA"]


def test_pressure_from_a_capital_does_not_place_the_act(pipeline: Any) -> None:
    found = events(pipeline, "PANAMA CITY — Panama formally quit China's Belt and Road Initiative "
                   "on Thursday, bowing to months of pressure from Washington.",
                   published="2025-02-07")
    quit_ = next(e for e in found if e["event"] == "SANCTION")
    assert (quit_["place"] or {}).get("name") != "Washington"


def test_a_promised_appeal_is_still_to_come(pipeline: Any) -> None:
    found = events(pipeline, "His lawyers said on Sunday they would appeal against the ruling.")
    assert ("ACCUSE", "future") in coded(found)
    # an announced concession is the verbal act itself
    found = events(pipeline, "Interior Minister Ali Kane said on Sunday he would lift the curfew.")
    assert ("CONCEDE", "asserted") in coded(found)


# --- lexicon rows ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana ordered 12 Togolese embassy staff out of the country on Monday.", "SANCTION"),
    ("Indian border guards pushed 43 people into Bangladesh on Wednesday night.", "COERCE"),
    ("Aid agencies handed out cash and food to returning families at the border.", "AID"),
    ("Uganda flew more special forces into Juba on Friday.", "MOBILIZE"),
    ("Houthi drones hit a fuel depot in the port of Hodeidah on Sunday.", "ASSAULT"),
    ("The French company filed for arbitration against Niger on Friday.", "ACCUSE"),
    ("The Constitutional Council threw out opposition challenges to the result.", "REJECT"),
    ("Four Chinese coast guard ships sailed through Japanese waters on Sunday.", "MOBILIZE"),
    ("President Filipe Nyusi received Venancio Mondlane at his palace on Saturday.", "CONSULT"),
    ("India summoned Bangladesh's acting high commissioner in New Delhi on Monday.", "ACCUSE"),
    ("Turkey halted the flow of Iraqi oil through the pipeline in March 2023.", "SANCTION"),
    ("Panama formally quit China's Belt and Road Initiative on Thursday.", "SANCTION"),
    ("Witnesses said police had beaten Afghan families during the raids.", "ASSAULT"),
    ("The government ordered mobile operators to cut internet access on Monday.", "COERCE"),
])
def test_new_rows_code_common_wire_verbs(pipeline: Any, text: str, expected: str) -> None:
    assert expected in [e["event"] for e in events(pipeline, text)]


@pytest.mark.parametrize("text", [
    # strikes cut power as damage; storms hit towns; sent tankers of fuel are aid
    "Russia launched 140 drones overnight, the air force said, cutting power to thousands of homes.",
    "The storm hit the port city of Beira on Sunday.",
    "The rebel spokesman dismissed the case as propaganda.",
])
def test_look_alikes_of_the_new_rows_code_nothing_new(pipeline: Any, text: str) -> None:
    kinds = [e["event"] for e in events(pipeline, text)]
    assert "COERCE" not in kinds and "REJECT" not in kinds
    if "storm" in text:
        assert kinds == []


def test_a_charge_d_affaires_is_an_actor(pipeline: Any) -> None:
    found = events(pipeline, "France summoned the Iranian charge d'affaires on Monday.")
    summon = next(e for e in found if e["event"] == "ACCUSE")
    assert summon["recipient_names"] == ["Iranian charge d'affaires"]


# --- intentions denied, proposals of meetings, force not ruled out ----------------------------

def test_a_denied_intention_is_a_refusal_or_a_negation(pipeline: Any) -> None:
    found = events(pipeline, "The government does not plan to lift the curfew, the interior "
                   "minister, Ali Kane, said.")
    assert ("REJECT", "asserted") in coded(found) and "CONCEDE" not in [e["event"] for e in found]
    found = events(pipeline, "Kenya did not want to send troops in 2023, officials said.")
    assert ("MOBILIZE", "negated") in coded(found)


def test_no_plans_to_meet_is_a_refusal_by_the_one_who_has_them(pipeline: Any) -> None:
    found = events(pipeline, "A spokeswoman said Premier Li Qiang had no plans to meet Sanae "
                   "Takaichi at the summit.")
    refusal = next(e for e in found if e["event"] == "REJECT")
    assert refusal["actor_names"] == ["Li Qiang"]
    assert refusal["recipient_names"] == ["Sanae Takaichi"]
    assert "CONSULT" not in [e["event"] for e in found]
    # a plan is a future meeting
    found = events(pipeline, "Premier Li Qiang plans to meet Sanae Takaichi at the summit.")
    assert ("CONSULT", "future") in coded(found)


def test_proposing_that_two_sides_meet_is_agree(pipeline: Any) -> None:
    found = events(pipeline, "Belarus's border committee proposed on Tuesday that officials from "
                   "both sides meet to settle the dispute.")
    assert [e["event"] for e in found] == ["AGREE"]
    assert events(pipeline, "The ministry proposed that the law be changed.") == []


def test_force_not_ruled_out_is_a_threat_that_was_made(pipeline: Any) -> None:
    found = events(pipeline, "President Donald Trump said on Monday that he would not rule out "
                   "military force to take the canal back.")
    assert ("THREATEN", "asserted") in coded(found)
    # talks not ruled out threaten nothing
    found = events(pipeline, "The minister, Ali Kane, did not rule out talks with the rebels.")
    assert "THREATEN" not in [e["event"] for e in found]


# --- an analyst's quoted "could", visits "for talks", acts on a noun of another type ----------

def test_an_analysts_quoted_could_is_coded_hypothetical(pipeline: Any) -> None:
    text = ('Japan and China held talks on Monday. "Beijing could well postpone that summit to '
            'keep up the pressure," said Kenta Morioka, a China specialist at Keio University.')
    assert ("SANCTION", "hypothetical") in coded(events(pipeline, text))
    # a party's own official quoting others' acts: the claim is coded through the attribution
    text = ('Japan and China held talks on Monday. "Beijing could well postpone that summit," '
            'said Foreign Minister Takeshi Iwaya.')
    assert "SANCTION" not in [e["event"] for e in events(pipeline, text)]


def test_due_somewhere_for_talks_is_a_future_visit(pipeline: Any) -> None:
    found = events(pipeline, "Turkish Energy Minister Alparslan Bayraktar is due in Baghdad on "
                   "Saturday for another round of talks.", published="2025-03-13")
    visit = next(e for e in found if e["event"] == "CONSULT")
    assert (visit["mode"], visit["modality"]) == ("visit", "future")
    assert events(pipeline, "The delay is for talks to continue.") == []


def test_acting_on_a_noun_of_another_type_is_a_new_act(pipeline: Any) -> None:
    text = ("China suspended imports of Japanese seafood on Wednesday. Japan is due to host a "
            "summit with China in January. Analysts said Beijing could postpone the summit.")
    assert ("SANCTION", "hypothetical") in coded(events(pipeline, text, published="2025-11-19"))


@pytest.mark.parametrize(("text", "actor"), [
    ("The Philippine coast guard has denied that its boat rammed the speedboat.",
     "Philippine coast guard"),
    ("The Russian embassy in Tallinn denied that any of its staff had met the man.",
     "Russian embassy"),
])
def test_a_partys_own_craft_and_staff_in_a_denial_are_the_party(
    pipeline: Any, text: str, actor: str
) -> None:
    found = events(pipeline, text)
    assert found and found[0]["modality"] == "negated"
    assert found[0]["actor_names"] == [actor]


def test_a_report_about_its_crew_is_not_read_as_the_reporters_act(pipeline: Any) -> None:
    # "its" in a report (not a denial) may be the other side's boat: nobody is guessed
    found = events(pipeline, "The Guyana Defence Force said its crew had not fired any shots.")
    assert all(e["actor_names"] != ["Guyana Defence Force"] for e in found)


# --- refusals to recognise, warnings of prosecution, cancelled meetings -----------------------

def test_a_refusal_to_recognise_is_reject(pipeline: Any) -> None:
    found = events(pipeline, "Venancio Mondlane said he would never recognise Daniel Chapo as "
                   "president.")
    assert [(e["event"], e["modality"]) for e in found] == [("REJECT", "asserted")]
    # a practice denied with "never" is still no event
    assert events(pipeline, "Rwanda said on Monday it had never armed the rebels.") == []


def test_never_negotiating_is_a_refusal_to_meet(pipeline: Any) -> None:
    found = events(pipeline, "Prime Minister Allamaye Halina said the government would never "
                   "negotiate with the rebels.")
    assert [(e["event"], e["mode"]) for e in found] == [("REJECT", "meet")]


def test_a_warning_of_prosecution_is_a_threat_by_the_one_who_warns(pipeline: Any) -> None:
    found = events(pipeline, "Interior Minister Jacquemain Shabani warned that anyone who "
                   "helped Kabila would be prosecuted for complicity.")
    assert [(e["event"], e["mode"]) for e in found] == [("THREATEN", "arrest")]
    assert found[0]["actor_names"] == ["Jacquemain Shabani"]
    # an announced charge of named suspects is no threat
    found = events(pipeline, "Prosecutors said the suspects would be charged next week.")
    assert "THREATEN" not in [e["event"] for e in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("Quito called off a meeting of the two countries' trade ministers.", ("SANCTION", "withdraw")),
    ("Ecuador cancelled the talks on Friday.", ("SANCTION", "withdraw")),
    ("Aliyev called off a visit to Moscow.", ("REJECT", "meet")),
])
def test_a_cancelled_meeting_is_withdrawn_and_a_cancelled_visit_refused(
    pipeline: Any, text: str, expected: tuple[str, str]
) -> None:
    assert expected in [(e["event"], e["mode"]) for e in events(pipeline, text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The African Union suspended Madagascar on Wednesday.", "SANCTION"),
    ("Colombia suspended electricity sales to Ecuador on Thursday.", "SANCTION"),
    ("Ecuador called its ambassador home from Bogota on Friday.", "SANCTION"),
    ("Chad tore up its defence agreement with France in November.", "SANCTION"),
    ("Slovakia has not joined the ban on the Ukrainian commander.", "SANCTION"),
    ("Police broke up the rally with tear gas and water cannon.", "ASSAULT"),
    ("Cameroonian soldiers surrounded Issa Tchiroma's home in Garoua on Monday.", "COERCE"),
    ("His party called the verdict \"a circus\".", "ACCUSE"),
])
def test_more_rows_for_common_wire_verbs(pipeline: Any, text: str, expected: str) -> None:
    assert expected in [e["event"] for e in events(pipeline, text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The White Army overran an army garrison in Nasir on Tuesday.", ("COERCE", "seize")),
    ("The court could strike the case from its list.", ("REJECT", None)),
    ("President Samia Suluhu Hassan lifted her late predecessor John Magufuli's ban on "
     "opposition rallies in 2023.", ("CONCEDE", None)),
    ("The Istanbul Chamber of Industry protested in a letter to the trade minister that the "
     "embargo hurt exporters.", ("ACCUSE", "disapprove")),
])
def test_rows_and_parses_from_batch_fifteen(pipeline: Any, text: str,
                                            expected: tuple[str, str | None]) -> None:
    assert expected in [(e["event"], e["mode"]) for e in events(pipeline, text)]


def test_stopping_a_shared_act_is_one_sides_sanction(pipeline: Any) -> None:
    found = events(pipeline, "India stopped sharing data on river flows with Pakistan on "
                   "Wednesday.")
    sanction = next(e for e in found if e["event"] == "SANCTION")
    assert sanction["actor_countries"] == ["IND"] and sanction["recipient_names"] == ["Pakistan"]


def test_a_person_crossing_a_border_mobilises_nothing(pipeline: Any) -> None:
    text = ("Two aides to Issa Tchiroma said on Wednesday that he had crossed into Nigeria on "
            "Tuesday night.")
    assert "MOBILIZE" not in [e["event"] for e in events(pipeline, text)]
    assert "MOBILIZE" in [e["event"] for e in events(pipeline, "Rwandan troops crossed into "
                                                     "Congo on Monday.")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Georgian police dispersed them with tear gas on Monday.", "ASSAULT"),
    ("Israel took over the buffer zone in December.", "COERCE"),
    ("Turkish ground forces pushed deeper into Iraq on Tuesday.", "MOBILIZE"),
    ("The Indian and Pakistani military commanders spoke on their hotline on Tuesday.", "CONSULT"),
    ("The IMF said Zambia applied for debt relief in 2020.", "REQUEST"),
    ("Colombian President Gustavo Petro declared a state of internal unrest on Friday.", "COERCE"),
    ("The Turkish Cypriot leader proposed a joint committee of the two communities.", "AGREE"),
    ("The Law Society of Kenya challenged the directive in court.", "ACCUSE"),
    ("Canada answered with duties on C$30 billion of American goods.", "SANCTION"),
])
def test_rows_for_more_wire_verbs(pipeline: Any, text: str, expected: str) -> None:
    assert expected in [e["event"] for e in events(pipeline, text)]


def test_generators_flown_in_to_restore_power_are_no_concession(pipeline: Any) -> None:
    text = ("Egypt and Saudi Arabia flew generators to Port Sudan on Tuesday to restore power "
            "to the city.")
    assert "CONCEDE" not in [e["event"] for e in events(pipeline, text)]


def test_soldiers_who_had_been_stationed_somewhere_are_a_presence(pipeline: Any) -> None:
    assert events(pipeline, "About 1,000 French soldiers had been stationed in the country.") == []
    found = events(pipeline, "Kenya deployed 400 police officers to Haiti in June.")
    assert "MOBILIZE" in [e["event"] for e in found]


def test_ordering_someone_jailed_is_the_orderers_act(pipeline: Any) -> None:
    found = events(pipeline, "An Istanbul court ordered Mayor Ekrem Imamoglu jailed pending "
                   "trial on Sunday.")
    arrest = next(e for e in found if e["event"] == "COERCE")
    assert arrest["actor_names"] == ["Istanbul court"]
    assert arrest["recipient_names"] == ["Ekrem Imamoglu"]
    found = events(pipeline, "A court in Baku ordered the news agency's office closed on Monday.")
    assert [(e["event"], e["mode"]) for e in found] == [("COERCE", "censor")]


def test_a_meeting_said_after_a_denial_is_not_denied(pipeline: Any) -> None:
    found = events(pipeline, "He denied that France had asked to keep a detachment at the "
                   "airport, and said French and Chadian officials would meet on Monday.")
    assert ("CONSULT", "future") in coded(found)
    found = events(pipeline, "Interior Minister Kithure Kindiki denied that the government had "
                   "ordered an internet shutdown.")
    assert all(e["modality"] == "negated" for e in found)


def test_a_commanders_own_units_act_in_his_report(pipeline: Any) -> None:
    found = events(pipeline, "Robert Brovdi, who commands Ukraine's drone forces, told reporters "
                   "in Kyiv on Saturday that his units had hit the Unecha pumping station.")
    strike = next(e for e in found if e["event"] == "ASSAULT")
    assert strike["actor_countries"] == ["UKR"]


def test_two_economic_measures_in_one_sentence_are_two_sanctions(pipeline: Any) -> None:
    found = events(pipeline, "Ecuador raised the fee for its pipeline on Monday, and Colombia "
                   "halted the flow of Ecuadorian oil and suspended electricity sales to Ecuador "
                   "on Thursday.")
    assert [e["event"] for e in found].count("SANCTION") >= 2


@pytest.mark.parametrize(("text", "expected"), [
    ("Iraq took back 612 of its citizens from Syria's al-Hol camp on Tuesday.", "COOPERATE"),
    ("Bangladesh handed 330 Myanmar border police back to their country on Thursday.",
     "COOPERATE"),
    ("China handed two water cannon trucks and 40 motorcycles to the Solomon Islands police.",
     "AID"),
    ("The faction's fighters took over the offices of the interim administration in Mekelle.",
     "COERCE"),
    ("Hundreds of students staged a sit-in outside the Indian high commission on Sunday.",
     "PROTEST"),
    ("Australia could scale back its police funding, a political scientist said.", "SANCTION"),
    ("American troops escorted the 21 buses to the border on Tuesday.", "MOBILIZE"),
])
def test_rows_from_batch_sixteen(pipeline: Any, text: str, expected: str) -> None:
    assert expected in [e["event"] for e in events(pipeline, text)]


def test_a_warning_to_reconsider_commitments_is_a_threat_made(pipeline: Any) -> None:
    found = events(pipeline, "Foreign Minister Sameh Shoukry warned on Tuesday that Egypt would "
                   "reconsider its commitments under the 1979 peace treaty.")
    assert ("THREATEN", "asserted") in coded(found)
