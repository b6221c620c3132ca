"""Actors: offices in international bodies, names in apposition, body anaphors, outside
experts, paragraph frames, services named by their craft, groups of several states."""

from __future__ import annotations

import pytest

from wirecoder.extract.actors import find_actors


def _coded(nlp, text: str) -> dict[str, tuple]:
    index = find_actors(nlp(text))
    return {a.name: (a.country, a.sector) for a in index.actors}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # an office in an international body outranks a nationality
        ("The African Union's mediator for the Sahel, former Ghanaian President Kwame Ofori, "
         "flew to Bamako on Friday.", "Kwame Ofori", ("IGO", "GOV")),
        ("Former Danish foreign minister Lars Holm, the UN's special envoy, met both sides.",
         "Lars Holm", ("UNO", "GOV")),
        # ... but not a past one, nor an envoy sent to the body by a state
        ("Russian Foreign Minister Pavel Orlov, a former envoy to the UN, said no.",
         "Pavel Orlov", ("RUS", "GOV")),
        # the parser hangs the name on the noun after "of"
        ("The commander of the Rwandan battalion, Eric Mugisha, denied the report.",
         "Eric Mugisha", ("RWA", "MIL")),
        # an organisation's titled staff
        ("\"We are ready,\" said the ICRC's head of mission, Paula Conti.",
         "Paula Conti", ("NGO", "GOV")),
    ],
)
def test_office_in_apposition(nlp, text: str, name: str, expected: tuple) -> None:
    assert _coded(nlp, text)[name] == expected


def test_name_with_a_noun_for_a_person_is_a_person(nlp) -> None:
    text = ("MANILA — The shops closed early, according to Rosa-Lyn Bautista, a street vendor "
            "who sells fruit there.")
    index = find_actors(nlp(text))
    kinds = {a.name: a.kind for a in index.actors}
    assert kinds.get("Rosa-Lyn Bautista") == "person"


def test_the_alliances_leader_is_the_alliance_named_before(nlp) -> None:
    text = ("PORT-AU-PRINCE — Viv Ansanm gunmen burned a police station on Tuesday. In a video, "
            "the alliance's leader, Jean-Marc Toussaint, said more attacks would follow.")
    assert _coded(nlp, text)["Jean-Marc Toussaint"] == ("HTI", "CRM")


@pytest.mark.parametrize(
    "text",
    [
        "LAHORE — \"It will not last,\" said Nadia Qureshi, a security analyst in Lahore.",
        "NAIROBI — \"Prices will rise,\" said Peter Kamau, an independent economist.",
    ],
)
def test_named_analysts_keep_country_and_sector_open(nlp, text: str) -> None:
    coded = _coded(nlp, text)
    person = next(v for k, v in coded.items() if k.startswith(("Nadia", "Peter")))
    assert person == (None, None)


def test_an_analysts_employer_gives_the_country(nlp) -> None:
    text = "ACCRA — \"It is too late,\" said Ama Mensah, an economist at a Kumasi think tank."
    assert _coded(nlp, text)["Ama Mensah"] == ("GHA", None)


def test_a_private_person_is_where_the_paragraph_is_set(nlp) -> None:
    text = ("TOKYO — The two leaders met on Monday.\n\nIn Busan, hundreds of dock workers "
            "marched to the port on Sunday. \"We want our jobs back,\" said Park Ji-hoon, "
            "one of the organisers.\n\n\"It was calm,\" said Sato Haruki, who watched.")
    coded = _coded(nlp, text)
    assert coded["Park Ji-hoon"] == ("KOR", "CVL")
    assert coded["Sato Haruki"] == ("JPN", "CVL")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Two Russian air force jets circled the island.", "Russian air force", ("RUS", "MIL")),
        ("A Venezuelan navy patrol boat entered the bay.", "Venezuelan navy", ("VEN", "MIL")),
        ("Officials said Thai navy ships had shadowed a Cambodian navy frigate.",
         "Cambodian navy", ("KHM", "MIL")),
    ],
)
def test_a_service_named_by_its_craft(nlp, text: str, name: str, expected: tuple) -> None:
    assert _coded(nlp, text)[name] == expected


def test_clan_militias_are_pro_government_and_local(nlp) -> None:
    text = "MOGADISHU — Local clan militias joined the army's push toward Jilib on Monday."
    assert _coded(nlp, text)["Local clan militias"] == ("SOM", "PRM")


def test_officials_from_several_states_stand_for_each(nlp) -> None:
    doc = nlp("Water officials from Egypt, Sudan and Ethiopia will meet in Khartoum next week.")
    index = find_actors(doc)
    officials = next(t for t in doc if t.lower_ == "officials")
    countries = [index.get(i).country for i in index.joint.get(officials.i, [])]
    assert countries == ["EGY", "SDN", "ETH"]


def test_joint_group_takes_the_sector_its_members_share(nlp) -> None:
    index = find_actors(nlp("Canada and Australia said they would add the ships to their lists."))
    ids = [a.id for a in index.actors if a.kind == "country"]
    group = index.joint_group(ids, "Canada and Australia")
    assert (group.kind, group.country, group.sector) == ("group", None, "GOV")
    assert index.joint_group(ids, "Canada and Australia") is group
