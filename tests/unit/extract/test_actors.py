"""Actors: titles and appositions, office holders by date, coreference, groups, bad input."""

from __future__ import annotations

import pytest

from wirecoder.extract.actors import find_actors


def _actors(nlp, text: str, published: str | None = None):
    doc = nlp(text)
    index = find_actors(doc, published=published)
    for actor in index.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
    return index


def _coded(nlp, text: str, published: str | None = None) -> dict[str, tuple]:
    return {a.name: (a.country, a.sector, a.role) for a in _actors(nlp, text, published).actors}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Kremlin spokesman Dmitry Peskov told reporters the talks had stalled.",
         "Dmitry Peskov", ("RUS", "GOV", "Spokesman")),
        ("Dmitry Peskov, the Kremlin's spokesman, said the talks had stalled.",
         "Dmitry Peskov", ("RUS", "GOV", "Spokesman")),
        ("Belgium's foreign minister, Maxime Prévot, said Brussels had summoned the envoy.",
         "Maxime Prévot", ("BEL", "GOV", "Foreign Minister")),
        ("French Interior Minister Jean Dupuis said 40 people were detained.",
         "Jean Dupuis", ("FRA", "GOV", "Interior Minister")),
        ("Hamas spokesman Omar Khalil said the group rejected the proposal.",
         "Omar Khalil", ("PSE", "REB", "Spokesman")),
        ("The ELN's top commander, Antonio Ruiz, said the group would keep its hostages.",
         "Antonio Ruiz", ("COL", "REB", "Commander")),
        ("WFP spokeswoman Maria Lenz said the agency would send more convoys.",
         "Maria Lenz", ("UNO", "GOV", "Spokeswoman")),
    ],
)
def test_actors_title_and_apposition_in_either_order(nlp, text, name, expected) -> None:
    assert _coded(nlp, text)[name] == expected


def test_actors_mislabelled_name_after_a_title_is_a_person(nlp) -> None:
    # The small model tags "Yolande Makolo" as an organisation.
    actors = _actors(nlp, "Government spokeswoman Yolande Makolo said the fighting posed a "
                          "threat.")
    person = next(a for a in actors.actors if a.name == "Yolande Makolo")
    assert person.kind == "person" and person.sector == "GOV"


def test_actors_office_holder_fills_what_the_title_leaves_out(nlp) -> None:
    coded = _coded(nlp, "President Cyril Ramaphosa spoke to Rwandan President Paul Kagame "
                        "by phone.", published="2025-01-28")
    assert coded["Cyril Ramaphosa"] == ("ZAF", "GOV", "President")
    assert coded["Paul Kagame"][0] == "RWA"


def test_actors_publication_date_selects_the_office(nlp) -> None:
    text = "Mark Rutte said allies must spend more on defence."
    assert _coded(nlp, text, published="2023-03-01")["Mark Rutte"][:2] == ("NLD", "GOV")
    assert _coded(nlp, text, published="2025-03-01")["Mark Rutte"][:2] == ("IGO", "GOV")


def test_actors_person_with_no_clue_stays_unknown(nlp) -> None:
    coded = _coded(nlp, "Emma Whitfield said she had waited for hours.")
    assert coded["Emma Whitfield"] == (None, None, None)


def test_actors_possessive_pronoun_takes_the_owner_country(nlp) -> None:
    coded = _coded(nlp, "Congolese President Felix Tshisekedi will not attend, his spokeswoman "
                        "Tina Salama said.")
    assert coded["Tina Salama"][:2] == ("COD", "GOV")


def test_actors_bare_spokesman_belongs_to_the_body_just_quoted(nlp) -> None:
    coded = _coded(nlp, "The China Coast Guard said it had expelled the vessel. Spokesman "
                        "Liu Dejun urged Manila to stop.")
    assert coded["Liu Dejun"][:2] == ("CHN", "COP")


def test_actors_dateline_country_for_domestic_bodies_and_local_officials(nlp) -> None:
    coded = _coded(nlp, "KINSHASA, Jan 28 (WSW) - Police fired tear gas at protesters, and "
                        "Interior Minister Jacques Mbala said 50 people were detained.")
    assert coded["Police"][:2] == ("COD", "COP")
    assert coded["protesters"][:2] == ("COD", "CVL")
    assert coded["Jacques Mbala"][:2] == ("COD", "GOV")


def test_actors_foreign_groups_do_not_take_the_dateline(nlp) -> None:
    coded = _coded(nlp, "KYIV, Nov 17 (WSW) - Foreign troops and foreign journalists arrived.")
    assert coded["Foreign troops"][:2] == (None, "MIL")
    assert coded["foreign journalists"][:2] == (None, "JRN")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("European leaders met in Brussels.", "European leaders", ("EUR", "GOV")),
        ("Russian forces shelled the town.", "Russian forces", ("RUS", "MIL")),
        ("Union leaders called a strike.", "Union leaders", (None, "LAB")),
        ("Western allies pledged more air defence.", "Western allies", (None, "GOV")),
    ],
)
def test_actors_generic_groups(nlp, text, name, expected) -> None:
    assert _coded(nlp, text)[name][:2] == expected


def test_actors_role_noun_joins_the_most_recent_holder(nlp) -> None:
    actors = _actors(nlp, "Kenyan President William Ruto met Rwandan President Paul Kagame. "
                          "The president said the talks were useful.")
    kagame = next(a for a in actors.actors if a.name == "Paul Kagame")
    assert any(m.text.lower() == "president" and m.start > 60 for m in kagame.mentions)


def test_actors_capital_as_actor_is_its_country(nlp) -> None:
    actors = _actors(nlp, "KINSHASA, Jan 28 (WSW) - Kinshasa severed diplomatic relations with "
                          "Kigali on Saturday.")
    congo = next(a for a in actors.actors if a.country == "COD")
    assert congo.kind == "country"
    assert [m.text for m in congo.mentions] == ["Kinshasa"]  # not the dateline


def test_actors_longest_name_wins(nlp) -> None:
    coded = _coded(nlp, "Foreign Minister Therese Kayikwamba Wagner accused Rwanda of "
                        "aggression.")
    assert "Wagner Group" not in coded
    assert coded["Therese Kayikwamba Wagner"][1] == "GOV"


def test_actors_spellings_of_one_name_cluster(nlp) -> None:
    actors = _actors(nlp, "President Volodymyr Zelenskiy spoke on Sunday. Later Zelensky said "
                          "air defence was needed, and Zelenskyy thanked allies.",
                     published="2024-11-17")
    people = [a for a in actors.actors if a.kind == "person"]
    assert len(people) == 1
    assert people[0].country == "UKR" and len(people[0].mentions) >= 2
    assert actors.person_by_surname("Zelensky") == people[0].id


def test_actors_names_in_capitals(nlp) -> None:
    coded = _coded(nlp, "VOLODYMYR ZELENSKY SAID RUSSIA ATTACKED KHARKIV OVERNIGHT.",
                   published="2025-03-01")
    assert coded.get("Volodymyr Zelenskyy") == ("UKR", "GOV", "President")


@pytest.mark.parametrize("published", [None, "not a date", "2099-12-31", "2025-13-45"])
def test_actors_bad_publication_dates_do_not_break(nlp, published) -> None:
    coded = _coded(nlp, "Russian Foreign Minister Sergei Lavrov met Wang Yi.", published)
    assert coded["Sergei Lavrov"][:2] == ("RUS", "GOV")


def test_actors_by_role_hook(nlp) -> None:
    actors = _actors(nlp, "French President Emmanuel Macron met German Chancellor Olaf Scholz.")
    macron = next(a.id for a in actors.actors if a.name == "Emmanuel Macron")
    assert actors.by_role("president", before=10_000) == macron
    assert actors.by_role("president", before=10_000, country="DEU") is None


def test_actors_possessive_pronoun_on_a_body_points_back(nlp) -> None:
    coded = _coded(nlp, "KYIV, Nov 17 (WSW) - German Foreign Minister Annalena Baerbock condemned "
                        "the attack. Her ministry said more systems would follow.")
    assert coded["ministry"][:2] == ("DEU", "GOV")  # not the dateline's Ukraine


def test_actors_role_noun_respects_whose_office(nlp) -> None:
    actors = _actors(nlp, "Kenyan President William Ruto met Rwandan President Paul Kagame. "
                          "The president of Kenya said the talks were useful.")
    ruto = next(a for a in actors.actors if a.name == "William Ruto")
    assert any(m.text == "president" for m in ruto.mentions)
