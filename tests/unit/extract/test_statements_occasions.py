"""Statement places and speakers from the occasion the text gives (docs/annotation-guidelines.md
2.5-2.6), on sentences of our own: a located source or apposition, a participle of presence
("Speaking to reporters in X, ... said"), an occasion the speaker comes from ("after a cabinet
meeting in X"), the sentence before ("Speaking at a rally in X, he praised ... "..." he said"),
a site named back ("at the signing"); and speakers: a definite description of a body named just
before, an anonymity clause, "she" never taking a man, a name apposed to a title's object."""

from __future__ import annotations

import pytest

from wirecoder.model import Result

PUBLISHED = "2026-03-03"


def run(pipeline, text: str) -> Result:
    return pipeline.extract(text, published=PUBLISHED)


def _last(result: Result):
    return sorted(result.statements, key=lambda s: s.start)[-1]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A source introduced as located, in an apposition or a "town of" name.
        ("“The wells have run dry,” said a farmer in the town of Mirkova.", "Mirkova"),
        ("Aid trucks reached the valley on Sunday, according to Tomas Reyes, a teacher in "
         "Pilcaya.", "Pilcaya"),
        # A participle of presence on the verb the cue is coordinated with.
        ("Speaking to reporters in Lusaka on Friday, the envoy, Anna Berg, praised the "
         "mediators and said the talks would resume in May.", "Lusaka"),
        # The occasion the speaker has just left.
        ("“We will not give up,” Finance Minister Paul Osei told reporters after a cabinet "
         "meeting in Accra.", "Accra"),
        # The sentence before puts the same speaker there in person.
        ("Speaking at a rally in Nairobi, President John Kamau thanked the donors. “This money "
         "will save lives,” he said.", "Nairobi"),
        # "At the signing" names back the signing the text has placed, city before building.
        ("The two ministers signed the accord at the Grand Hotel in Tunis on Monday. “This is a "
         "good day for both our peoples,” Trade Minister Karim Haddad told reporters at the "
         "signing.", "Tunis"),
        # Not a place of utterance: an origin, a letter's addressee.
        ("“Prices will keep rising,” said an analyst from Lyon.", None),
        ("“We are ready to talk,” the foreign minister, Omar Said, told the meeting in English.",
         None),
        ("A local volunteer group in Kassala said 12 people had died of cholera.", None),
        ("Two shops were looted overnight, residents in Zarqa said by telephone.", "Zarqa"),
        ("In a letter to Madrid, the European Commission promised that Spanish farmers would be "
         "compensated.", None),
    ],
)
def test_statement_place(pipeline, text: str, place: str | None) -> None:
    assert _last(run(pipeline, text)).place == place


def _speakers(pipeline, text: str) -> list[tuple[str | None, str]]:
    result = run(pipeline, text)
    names = {a.id: a.name for a in result.actors}
    return [(names.get(s.speaker or ""), s.content)
            for s in sorted(result.statements, key=lambda s: s.start)]


def test_anonymity_clause_leaves_speaker_unnamed(pipeline) -> None:
    found = _speakers(pipeline, "“They were waiting for us at the bridge,” said the officer, "
                                "who asked not to be named.")
    assert found == [(None, "They were waiting for us at the bridge")]


def test_she_never_takes_the_man_before(pipeline) -> None:
    text = ("Police spokesman Marc Dubois said two officers were hurt. Rebels left the market "
            "on Monday, according to Lina Moreau, a shop owner who lives nearby. “We heard "
            "shooting all night,” she said.")
    found = _speakers(pipeline, text)
    assert found[-1] == ("Lina Moreau", "We heard shooting all night")
    assert found[-2][0] == "Lina Moreau"


def test_name_apposed_to_a_titles_object_speaks(pipeline) -> None:
    text = ("The commander of the regional force, Samuel Njoroge, denied that his men had "
            "looted shops.")
    assert _speakers(pipeline, text) == [("Samuel Njoroge", "his men had looted shops")]


def test_blamed_for_is_a_statement(pipeline) -> None:
    found = _speakers(pipeline, "Prime Minister Ivan Petrov blamed the opposition for blocking "
                                "the budget. He blamed the weather for the delay.")
    assert [c for _, c in found] == ["blocking the budget"]


def test_closing_attribution_after_an_apposition(pipeline) -> None:
    text = ("Foreign Secretary Ana Cruz will travel to Seoul next month for talks with her "
            "Korean counterpart, Cho Min-ho, the Department of Foreign Affairs said.")
    assert _speakers(pipeline, text)[0][0] == "Department of Foreign Affairs"


def test_bare_spokesperson_speaks_for_the_organisation_reported(pipeline) -> None:
    text = ("UNIFIL sent 50 more observers to the border on Friday, a spokeswoman said. The area "
            "was quiet on Saturday, she said.")
    assert [s for s, _ in _speakers(pipeline, text)] == ["UNIFIL", "UNIFIL"]


def test_unnamed_plural_with_a_nationality(pipeline) -> None:
    found = _speakers(pipeline, "Bolivian officials say the mine had been closed for a year.")
    assert found == [(None, "the mine had been closed for a year")]
