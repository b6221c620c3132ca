"""Event, place and speaker rules added while developing on the ninth batch of dev articles
(fourth session, 2026-11-27).

Every sentence here is our own, written for the test (not taken from the gold articles): each
rule is checked on a case it must code and, where it has one, a case it must leave alone.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_events_rules_2026_11 import events  # the shared coding helper


def test_a_participle_of_presence_places_and_dates_the_warning(pipeline: Any) -> None:
    found = events(pipeline, "Defence Minister Yoav Levin, visiting the border town of Metula "
                   "on Sunday, warned that Israel would resume strikes if Hezbollah fired again.",
                   published="2025-02-11")
    threat = next(e for e in found if e["event"] == "THREATEN")
    assert threat["place"]["name"] == "Metula"
    assert threat["date"] == "2025-02-09"


def test_a_signed_document_is_signed_where_the_text_puts_it(pipeline: Any) -> None:
    found = events(pipeline, "Ghana and Togo signed the border agreement in Accra in May 2019.")
    signed = next(e for e in found if e["event"] in {"SUPPORT", "AGREE", "COOPERATE"})
    assert signed["place"]["name"] == "Accra"


def test_an_accused_report_is_not_placed_at_its_object(pipeline: Any) -> None:
    # verbal acts other than signing keep the place where they were uttered, not the object's
    found = events(pipeline, "Kenya condemned the attack in Mogadishu, the ministry said.")
    accuse = next(e for e in found if e["event"] == "ACCUSE")
    assert (accuse["place"] or {}).get("name") != "Mogadishu"


def test_weeks_of_protests_are_not_the_resigning_subjects(pipeline: Any) -> None:
    text = ("President Evo Morales resigned in November 2019 after weeks of protests over a "
            "disputed election.")
    found = events(pipeline, text)
    assert [e["event"] for e in found] == ["RETREAT"]


def test_weeks_of_talks_are_still_the_agreeing_parties(pipeline: Any) -> None:
    text = ("Ghana and Togo agreed on a new border line in Lome on Monday after two rounds of "
            "talks in Accra.")
    assert any(e["event"] == "CONSULT" for e in events(pipeline, text))


def test_a_name_before_its_description_is_the_speaker(pipeline: Any) -> None:
    text = ("Ghana and Togo clashed on Monday. COGAT, the Israeli agency that oversees aid, "
            "denied that it was holding back supplies.")
    result = pipeline.extract(text, published="2025-02-09").to_dict()
    names = {a["id"]: a["name"] for a in result["actors"]}
    denial = next(s for s in result["statements"] if s["cue"] == "denied")
    assert names[denial["speaker"]] == "COGAT"


def threats(pipeline: Any, text: str) -> list[dict[str, Any]]:
    return [e for e in events(pipeline, text) if e["event"] == "THREATEN"]


@pytest.mark.parametrize("text", [
    # formulas that threaten without naming the act
    "Ghanaian Foreign Minister Samuel Ablakwa said the raid would not go unanswered.",
    'Ghana\'s foreign ministry said the killings would "not pass without a response."',
    'Ghana\'s foreign ministry said Accra "reserves the right to take further steps."',
    '"Those who plot with foreign powers," Ghanaian President John Mahama said, "will answer '
    'to the law."',
    # what the speaker's side would do if the other side kept on or failed to act
    "Kenyan Foreign Minister Musalia Mudavadi said Kenya would take the dispute to the African "
    "Union if the raids went on.",
    "Kenyan Foreign Minister Musalia Mudavadi said Kenya could suspend the talks if Somalia "
    "kept stalling.",
    "Kenyan Foreign Minister Musalia Mudavadi told reporters that Kenya would not hesitate to act "
    "militarily if the militia had not disarmed by Friday.",
])
def test_session4_threats_code(pipeline: Any, text: str) -> None:
    assert threats(pipeline, text), events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Ghanaian Foreign Minister Samuel Ablakwa said the raid did not go unnoticed.",
    'Ghana\'s foreign ministry said Accra "reserves the right to appeal the ruling."',
    # an offer made on a condition is not a threat
    "Kenyan Foreign Minister Musalia Mudavadi said Kenya would reopen the border if Somalia "
    "stopped the raids.",
    # an observer's "could" is speculation, not the speaker's side committing itself
    "An analyst in Nairobi said Kenya could take the dispute to the African Union if the raids "
    "went on.",
    # a complaint about a price paid is not "will pay a price"
    '"We are not a party to this war," the regional spokesman, Peshawa Hawramani, said, "but our '
    'villages pay its price."',
])
def test_session4_threat_look_alikes_do_not_code(pipeline: Any, text: str) -> None:
    assert not threats(pipeline, text), events(pipeline, text)


def test_a_threat_in_the_second_sentence_of_a_quotation_is_coded_there(pipeline: Any) -> None:
    text = ('"This is our territory," Ghanaian Foreign Minister Samuel Ablakwa told reporters. '
            '"Any foreign interference will receive a firm response."')
    result = pipeline.extract(text, published="2025-02-09").to_dict()
    threat = next(e for e in result["events"] if e["event"] == "THREATEN")
    start = threat["sentence"]["start"]
    assert text[start:].startswith('"Any foreign interference') or \
        text[start:].startswith("Any foreign interference")


def test_a_subject_the_parser_joined_to_the_previous_noun_acts_in_its_own_clause(
        pipeline: Any) -> None:
    text = ("Hamas handed three Israeli hostages to the Red Cross in Deir al-Balah on Saturday "
            "and Israel freed 183 Palestinian prisoners hours later.")
    found = [e for e in events(pipeline, text) if e["event"] == "RETREAT"]
    assert sorted(tuple(e["actor_countries"]) for e in found) == [("ISR",), ("PSE",)]
    assert all("Israel" not in e["recipient_names"] for e in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kurdish fighters handed the Semalka border crossing to government forces on Wednesday.",
     ("RETREAT", "withdraw")),
    ("Two of the four Chinese coast guard ships left Japanese waters overnight.",
     ("RETREAT", "withdraw")),
    ("Nicaragua expelled a bishop and seven priests to Rome on Thursday.", ("COERCE", "deport")),
    ("The navy arrested 14 fishermen and seized two trawlers on Sunday.", ("COERCE", "seize")),
    ("Boat owners in Rameswaram began an indefinite strike on Monday.", ("PROTEST", "strike")),
])
def test_session4_lexicon_rows(pipeline: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in [(e["event"], e["mode"]) for e in events(pipeline, text)]


def test_leaving_a_town_as_a_resident_is_not_a_retreat(pipeline: Any) -> None:
    text = "Thousands of residents left the town on Sunday as the fighting neared."
    assert not [e for e in events(pipeline, text) if e["event"] == "RETREAT"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Nicaragua expelled two priests on Thursday, deepening a crackdown on a church that "
     "President Daniel Ortega accuses of plotting against him.", "ACCUSE"),
    ("India ceded the islet to Sri Lanka under a 1974 agreement that Tamil parties still "
     "reject.", "REJECT"),
    ("Hamas said it would never give up its weapons, as Israel demands.", "REQUEST"),
])
def test_a_standing_position_is_not_an_act(pipeline: Any, text: str, kind: str) -> None:
    assert kind not in [e["event"] for e in events(pipeline, text)]


def test_a_position_taken_in_a_relative_clause_in_the_past_is_an_act(pipeline: Any) -> None:
    text = "The talks stalled over a demand that Hamas rejected on Wednesday."
    assert "REJECT" in [e["event"] for e in events(pipeline, text)]


def test_an_act_named_to_date_the_news_is_not_coded_twice(pipeline: Any) -> None:
    text = ("Pakistan and Iran moved on Friday to defuse the crisis, three days after an Iranian "
            "missile strike on Pakistani soil set off a row.\n\n"
            "Iran fired missiles at two villages near Panjgur on Tuesday night, Pakistan said.")
    assaults = [e for e in events(pipeline, text, published="2024-01-19")
                if e["event"] == "ASSAULT"]
    assert len(assaults) == 1 and "Panjgur" not in text[:assaults[0]["sentence"]["start"]]


def test_people_detained_in_a_raid_who_remain_in_custody_are_described_not_arrested_again(
        pipeline: Any) -> None:
    text = ("Police detained six priests in raids on parishes on Friday. Two other priests "
            "detained in the same raids remain in custody.")
    assert len([e for e in events(pipeline, text) if e["event"] == "COERCE"]) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("The United States would impose visa restrictions on the officials responsible, the "
     "State Department said.", "SANCTION"),
    ("The government imposed restrictions on movement in the capital on Monday.", "COERCE"),
])
def test_visa_restrictions_are_a_sanction(pipeline: Any, text: str, expected: str) -> None:
    kinds = [e["event"] for e in events(pipeline, text)]
    assert expected in kinds and ({"SANCTION", "COERCE"} - {expected}).isdisjoint(kinds)


@pytest.mark.parametrize(("text", "expected"), [
    ("The government seized the Jesuit-run university in Managua in 2023.", ("COERCE", "seize")),
    ("Ghana and Togo signed an eight-point framework for the merger in March.", ("SUPPORT", None)),
    ("The navy denied that its sailors had beaten the fishermen.", ("ASSAULT", "beat")),
    ("Japan would station two large patrol ships near the islands from next week.",
     ("MOBILIZE", "troops")),
    ("Canada paused trade talks with India last year.", ("SANCTION", "withdraw")),
    ("Pakistan suspended all planned high-level visits to Iran on Wednesday.",
     ("SANCTION", "withdraw")),
    ("Israel denied that it was holding back shelter supplies for Gaza.", ("COERCE", "withhold")),
])
def test_session4_lexicon_rows_more(pipeline: Any, text: str,
                                    expected: tuple[str, str | None]) -> None:
    assert expected in [(e["event"], e["mode"]) for e in events(pipeline, text)]


def test_the_speakers_own_forces_acting_in_a_quotation_are_coded(pipeline: Any) -> None:
    text = ('"The army moved an additional infantry brigade to the border overnight," Israeli '
            "Defence Minister Israel Katz said.")
    assert "MOBILIZE" in [e["event"] for e in events(pipeline, text)]


def test_another_sides_act_claimed_in_a_quotation_is_not_coded_from_the_quote(
        pipeline: Any) -> None:
    text = ('"Russia moved an additional brigade to the border overnight," Ukrainian Defence '
            "Minister Rustem Umerov said.")
    assert "MOBILIZE" not in [e["event"] for e in events(pipeline, text)]


def test_a_response_with_strikes_is_the_responders_assault(pipeline: Any) -> None:
    text = "Pakistan hit back before dawn on Thursday with drone strikes on militant hideouts."
    assault = next(e for e in events(pipeline, text) if e["event"] == "ASSAULT")
    assert assault["actor_countries"] == ["PAK"]


def test_talking_a_response_over_is_not_a_threat(pipeline: Any) -> None:
    text = ("British Foreign Secretary Yvette Cooper said she would discuss a joint response with "
            "her French and German counterparts.")
    assert "THREATEN" not in [e["event"] for e in events(pipeline, text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("A revolutionary court in Tehran sentenced two French citizens to 17 years in prison on "
     "Monday.", ("SANCTION", "convict")),
    ("Thailand stopped supplying electricity and fuel on Feb. 5 to areas held by the militias.",
     ("SANCTION", "discontinue")),
    ("Guatemalan prosecutors raided the electoral tribunal on Wednesday.", ("COERCE", "seize")),
    ("South Korean President Yoon Suk Yeol lifted martial law before dawn.", ("CONCEDE", None)),
    ("The EU postponed an Association Council meeting with Georgia.", ("SANCTION", "withdraw")),
])
def test_session4_batch11_rows(pipeline: Any, text: str,
                               expected: tuple[str, str | None]) -> None:
    assert expected in [(e["event"], e["mode"]) for e in events(pipeline, text)]


def test_rebels_raiding_a_village_still_assault_it(pipeline: Any) -> None:
    text = "M23 rebels raided a village near Goma on Sunday."
    assert "ASSAULT" in [e["event"] for e in events(pipeline, text)]


def test_the_condition_of_an_analysts_could_is_no_act(pipeline: Any) -> None:
    text = ("Carmela Santos, a maritime security analyst in Manila, said the arrangement could "
            "collapse quickly if China's coast guard tried to board a supply boat again.")
    assert events(pipeline, text) == []


def test_a_partys_statement_retelling_the_act_is_not_a_second_act(pipeline: Any) -> None:
    text = ("Russia launched 120 drones at Kyiv overnight, Ukraine's air force said.\n\n"
            "Russia's Defence Ministry said its forces had carried out a massive strike on "
            "military targets.")
    assert len([e for e in events(pipeline, text) if e["event"] == "ASSAULT"]) == 1


def test_a_different_act_by_the_same_side_the_same_day_is_kept(pipeline: Any) -> None:
    text = ("Kenyan police shot dead two protesters in Nairobi on Tuesday.\n\n"
            "The Law Society of Kenya said police had abducted 12 activists from their homes.")
    assert len([e for e in events(pipeline, text, published="2024-06-26")
                if e["event"] == "ASSAULT"]) == 2


@pytest.mark.parametrize("text", [
    'In a statement from Washington, the secretary-general of the Organization of American '
    'States, Luis Almagro, condemned the raid as an "unacceptable" interference.',
    'The European Union and Canada said in a joint statement that they were "deeply concerned."',
    'U.S. Deputy Secretary of State Kurt Campbell said the United States had watched events with '
    '"grave concern".',
])
def test_session4_criticism_shapes(pipeline: Any, text: str) -> None:
    accuse = [e for e in events(pipeline, text) if e["event"] == "ACCUSE"]
    assert accuse and accuse[0]["actor"], events(pipeline, text)


def test_concern_of_no_one_shown_is_not_criticism(pipeline: Any) -> None:
    assert events(pipeline, "The concern of residents grew as the water rose.") == []


@pytest.mark.parametrize(("text", "country"), [
    ("SEOUL — Democratic Party leader Lee Jae-myung called the declaration illegal.", "KOR"),
    ("WASHINGTON — The Democratic Party criticised the president's tariffs.", "USA"),
])
def test_a_party_name_several_countries_share_takes_the_storys_country(
        pipeline: Any, text: str, country: str) -> None:
    actors = pipeline.extract(text, published="2024-12-04").to_dict()["actors"]
    assert {a["country"] for a in actors if a["sector"] == "PTY"} == {country}


def test_an_analysts_could_is_no_threat_even_of_his_own_country(pipeline: Any) -> None:
    text = ("Nattapon Srisuk, a Thai crime researcher at Chulalongkorn University, said Thailand "
            "could cut the power again if the raids stopped.")
    assert "THREATEN" not in [e["event"] for e in events(pipeline, text)]


def test_the_aim_of_a_strike_is_part_of_it(pipeline: Any) -> None:
    text = ("The Korean Confederation of Trade Unions said its members would begin an indefinite "
            "general strike on Thursday to press for the president's resignation.")
    kinds = [e["event"] for e in events(pipeline, text)]
    assert "PROTEST" in kinds and "REQUEST" not in kinds


@pytest.mark.parametrize(("text", "protest"), [
    ("The president was using the row to rally support before the election.", False),
    ("Several thousand people rallied outside parliament on Thursday night.", True),
])
def test_rallying_support_is_no_rally(pipeline: Any, text: str, protest: bool) -> None:
    assert ("PROTEST" in [e["event"] for e in events(pipeline, text)]) is protest


@pytest.mark.parametrize("text", [
    "The European Commission said it would give Moldova an extra 60 million euros.",
    "The State Department said the United States would give the mission a further $40 million.",
    "Russian President Vladimir Putin said Russia would compensate the victims' families.",
])
def test_promised_money_is_agree(pipeline: Any, text: str) -> None:
    assert "AGREE" in [e["event"] for e in events(pipeline, text)]


def test_both_groups_are_the_two_parties_named_last(pipeline: Any) -> None:
    text = ("The Radaa force clashed with the Stability Support Apparatus in Tripoli on Monday.\n\n"
            "Both groups accepted a U.N.-brokered truce late on Monday.")
    agree = [e for e in events(pipeline, text) if e["event"] == "AGREE"]
    assert agree and len(agree[0]["actor"]) == 2


@pytest.mark.parametrize(("text", "threat"), [
    ("In Moscow, foreign ministry spokeswoman Maria Zakharova promised that Russia would answer "
     "the expulsion.", True),
    ("Russian Foreign Minister Sergei Lavrov promised that Russia would answer all questions.",
     False),
])
def test_a_promised_answer_to_an_act_is_a_threat(pipeline: Any, text: str, threat: bool) -> None:
    assert ("THREATEN" in [e["event"] for e in events(pipeline, text)]) is threat


@pytest.mark.parametrize("text", [
    "South Africa's trade minister, Parks Tau, who met U.S. Trade Representative Jamieson Greer "
    "in Washington in September, will return there for further talks on Nov. 3.",
    "Finance Minister Situmbeko Musokotwane, who met IMF Managing Director Kristalina Georgieva in "
    "Washington last week, told reporters in Lusaka on Tuesday that the loans would be published.",
])
def test_a_named_persons_dated_meeting_in_a_relative_clause_is_coded(pipeline: Any,
                                                                     text: str) -> None:
    consults = [e for e in events(pipeline, text, published="2025-10-22")
                if e["event"] == "CONSULT" and e["modality"] == "asserted"]
    assert consults, events(pipeline, text)


def test_a_generic_relative_clause_before_a_future_verb_is_a_condition(pipeline: Any) -> None:
    text = "Commanders who met the rebels would face a court martial, the army said."
    assert "CONSULT" not in [e["event"] for e in events(pipeline, text)]


def test_a_shut_frontier_is_a_closed_border(pipeline: Any) -> None:
    text = "Burundi first shut the frontier with Rwanda in 2015, after a failed coup attempt."
    assert ("COERCE", "restrict") in [(e["event"], e["mode"]) for e in events(pipeline, text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey denied that a Turkish frigate had blocked a Cypriot coast guard boat.",
     ("COERCE", "negated")),
    ("Israel denied that its troops had entered the border village of Kfar Kila on Sunday.",
     ("MOBILIZE", "negated")),
])
def test_denied_blocks_and_entries(pipeline: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in [(e["event"], e["modality"]) for e in events(pipeline, text)]


def test_residents_entering_a_town_are_no_deployment(pipeline: Any) -> None:
    text = "Thousands of displaced residents entered the town on Sunday as the fighting eased."
    assert "MOBILIZE" not in [e["event"] for e in events(pipeline, text)]


def test_forces_sent_to_strike_are_the_strike(pipeline: Any) -> None:
    text = "The Thai army sent F-16 fighter jets on Friday to strike two Cambodian positions."
    kinds = [e["event"] for e in events(pipeline, text)]
    assert "ASSAULT" in kinds and "MOBILIZE" not in kinds


def test_forces_sent_to_patrol_are_a_deployment(pipeline: Any) -> None:
    text = "The Thai army sent two battalions to the border on Friday to patrol the crossings."
    assert "MOBILIZE" in [e["event"] for e in events(pipeline, text)]


def test_holding_off_on_tariffs_is_a_concession(pipeline: Any) -> None:
    text = "U.S. President Donald Trump agreed to hold off on the tariffs for 30 days."
    assert "CONCEDE" in [e["event"] for e in events(pipeline, text)]


def test_a_second_verb_of_the_asked_for_clause_is_asked_for(pipeline: Any) -> None:
    text = ("U.N. Secretary-General Antonio Guterres urged Israel and Hamas to agree to a "
            "ceasefire and release all hostages.")
    assert [e["event"] for e in events(pipeline, text)] == ["REQUEST"]


def test_the_askers_own_next_act_is_kept(pipeline: Any) -> None:
    text = ("Malaysian Prime Minister Anwar Ibrahim urged both sides to stop firing and offered "
            "to host talks in Kuala Lumpur.")
    kinds = [e["event"] for e in events(pipeline, text)]
    assert "REQUEST" in kinds and "AGREE" in kinds


def test_platoons_sent_are_a_deployment(pipeline: Any) -> None:
    text = "Border Guard Bangladesh said it had sent two extra platoons to Patgram on Sunday."
    assert "MOBILIZE" in [e["event"] for e in events(pipeline, text)]


def test_hosting_a_ceremony_is_no_meeting(pipeline: Any) -> None:
    text = ("\"This is a first step,\" said Mohammed Al-Khulaifi, Qatar's minister of state, who "
            "hosted the ceremony.")
    assert "CONSULT" not in [e["event"] for e in events(pipeline, text)]


def test_concluded_negotiations_are_an_agreement(pipeline: Any) -> None:
    text = ("European Union and Mercosur leaders concluded negotiations on a free-trade agreement "
            "in Montevideo on Friday.")
    kinds = [e["event"] for e in events(pipeline, text)]
    assert "AGREE" in kinds and "CONSULT" not in kinds
