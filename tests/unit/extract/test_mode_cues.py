from wirecoder.extract.events import mode_cues
from wirecoder.ontology import is_valid_mode


def test_mode_cues_name_valid_plover_modes() -> None:
    rows = mode_cues()
    assert rows
    for event, mode, words in rows:
        assert is_valid_mode(event, mode), (event, mode)
        assert words and all(w == w.lower() for w in words)


def test_mode_cues_fix_the_mode_of_an_open_trigger(pipeline) -> None:
    result = pipeline.extract("Russian drones struck a power station in Kharkiv on Friday.",
                              published="2025-09-06")
    assert [(e.event, e.mode) for e in result.events] == [("ASSAULT", "drone")]
    result = pipeline.extract("Guterres called on Israel to withdraw its troops.",
                              published="2025-09-06")
    assert ("REQUEST", "yield") in [(e.event, e.mode) for e in result.events]


def test_mode_cues_restraint_is_yield_and_ships_are_weapons(pipeline) -> None:
    result = pipeline.extract("The Chinese foreign ministry urged all sides to exercise "
                              "restraint.", published="2025-09-06")
    assert ("REQUEST", "yield") in [(e.event, e.mode) for e in result.events]
    result = pipeline.extract("The Indian navy organised naval patrols around the islands.",
                              published="2025-09-06")
    assert ("MOBILIZE", "weapons") in [(e.event, e.mode) for e in result.events]


def test_evaluation_words_have_a_known_polarity() -> None:
    from wirecoder.extract.events import evaluation_words

    table = evaluation_words()
    assert table["illegal"] == "negative" and table["breakthrough"] == "positive"
    assert set(table.values()) == {"negative", "positive"}
