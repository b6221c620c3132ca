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
