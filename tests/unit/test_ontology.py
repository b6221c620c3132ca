"""The PLOVER ontology: types, scores, modes, contexts, trigger selection, CAMEO crosswalk."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder import ontology
from wirecoder.errors import DataFileError
from wirecoder.lexicon import parse_tsv

ROOT = Path(__file__).resolve().parents[2]
CROSSWALK = ROOT.parent / "shared" / "benchmarks" / "plover-gsr-cameo" / "CAMEO2PLOVER-2021.txt"

# DESIGN.md, "Ontology: PLOVER".
INTENSITIES = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10,
    "RETREAT": 6.5, "REQUEST": 0, "ACCUSE": -3, "REJECT": -2, "THREATEN": -3.5, "PROTEST": -5,
    "SANCTION": -6, "MOBILIZE": -5.5, "COERCE": -7, "ASSAULT": -9,
}
MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional"},
}


def test_ontology_has_the_16_plover_types_in_order() -> None:
    assert list(ontology.event_types()) == list(INTENSITIES)
    assert ontology.event_types() == ontology.EVENT_TYPES


@pytest.mark.parametrize(("event", "score"), sorted(INTENSITIES.items()))
def test_ontology_intensity_matches_design(event: str, score: float) -> None:
    assert ontology.intensity(event) == score


def test_ontology_intensity_of_unknown_type_raises() -> None:
    with pytest.raises(KeyError, match="FIGHT"):
        ontology.intensity("FIGHT")


@pytest.mark.parametrize("event", list(INTENSITIES))
def test_ontology_modes_match_design(event: str) -> None:
    assert set(ontology.event_types()[event].modes) == MODES.get(event, set())


@pytest.mark.parametrize(
    ("event", "mode", "valid"),
    [
        ("THREATEN", "violence", True),
        ("COERCE", "martial-law", True),
        ("ASSAULT", None, True),  # modes are optional
        ("AGREE", "", True),
        ("AGREE", "visit", False),  # AGREE has no modes
        ("CONSULT", "violence", False),
        ("FIGHT", None, False),  # not a PLOVER type
    ],
)
def test_ontology_is_valid_mode(event: str, mode: str | None, valid: bool) -> None:
    assert ontology.is_valid_mode(event, mode) is valid


def test_ontology_default_cameo_prefers_the_mode() -> None:
    assert ontology.default_cameo("THREATEN", "violence") == "138"
    assert ontology.default_cameo("THREATEN") == ontology.event_types()["THREATEN"].cameo
    assert ontology.default_cameo("CONSULT", "phone") == "041"


def test_ontology_contexts_are_plovers_37() -> None:
    found = ontology.contexts()
    assert len(found) == 37
    assert {"military", "diplomatic", "peacekeeping", "territory", "economic",
            "pro_democracy", "pro_autocracy", "human_rights"} <= found
    assert ontology.is_context("cbrn") and not ontology.is_context("Military")


def test_ontology_fixed_vocabularies() -> None:
    assert ontology.MODALITIES == ("asserted", "future", "hypothetical", "negated",
                                   "historical")
    assert set(ontology.NON_STATE_CODES) == {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
    assert len(ontology.SECTORS) == 25 and "GOV" in ontology.SECTORS


@pytest.mark.parametrize(
    ("lemma", "pos", "particles", "objects", "event", "mode"),
    [
        ("strike", "VERB", (), ("deal",), "AGREE", None),  # "struck a deal"
        ("strike", "VERB", (), ("city",), "ASSAULT", None),
        ("strike", "NOUN", (), ("air",), "ASSAULT", "aerial"),
        ("strike", "NOUN", (), ("hunger",), "PROTEST", "hunger"),
        ("exercise", "NOUN", (), ("joint", "military"), "COOPERATE", None),
        ("exercise", "NOUN", (), ("military",), "MOBILIZE", "troops"),
        ("back", "VERB", ("down",), (), "CONCEDE", None),
        ("back", "VERB", (), ("plan",), "SUPPORT", None),
        ("fire", "VERB", {"at": {"city"}}, ("missile",), "ASSAULT", None),  # tie: earlier row
        ("fire", "VERB", {"into": {"sea"}}, ("missile",), "MOBILIZE", "weapons"),
        ("fire", "VERB", ("at",), ("gas",), "ASSAULT", "crowd-control"),
        ("call", "VERB", {"for": {"ceasefire"}}, (), "REQUEST", "yield"),
        ("call", "VERB", {"for": {"justice"}}, (), "REQUEST", None),
        ("call", "VERB", ("off",), ("strike",), "CONCEDE", None),
        ("speak", "VERB", {"by": {"phone"}}, (), "CONSULT", "phone"),
        ("summon", "VERB", (), ("ambassador",), "ACCUSE", "disapprove"),
        ("call", "NOUN", (), ("phone",), "CONSULT", "phone"),
    ],
)
def test_ontology_select_trigger_prefers_the_most_specific_row(
    lemma: str, pos: str, particles: object, objects: tuple[str, ...], event: str,
    mode: str | None,
) -> None:
    trigger = ontology.select_trigger(lemma, pos, particles=particles, objects=objects)
    assert trigger is not None
    assert (trigger.event, trigger.mode) == (event, mode)


@pytest.mark.parametrize(
    ("lemma", "pos", "particles", "objects"),
    [
        ("say", "VERB", (), ()),  # a plain statement is not an event
        ("call", "VERB", (), ()),  # only "call for", "call on", "call off" ...
        ("release", "VERB", (), ("statement",)),  # "released a statement"
        ("seize", "VERB", (), ("opportunity",)),
        ("call", "NOUN", (), ()),
        ("speak", "VERB", ("by",), ()),  # by what? the object of "by" is missing
        ("leave", "VERB", {"without": {"agreement"}}, ("city",)),  # objects of other preps
        ("mobilize", "VERB", (), ("supporter",)),
    ],
)
def test_ontology_select_trigger_ignores_everyday_uses(
    lemma: str, pos: str, particles: tuple[str, ...], objects: tuple[str, ...]
) -> None:
    assert ontology.select_trigger(lemma, pos, particles=particles, objects=objects) is None


# --- validation of bad tables ------------------------------------------------------------------

TRIGGER_HEADER = "lemma\tpos\tparticle\tobject\tevent\tmode\tcameo\tcontexts\tnote\n"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("attack\tVERB\t\t\tASAULT\t\t190\t\t", "unknown event type 'ASAULT'"),
        ("meet\tVERB\t\t\tCONSULT\tviolence\t040\t\t", "mode 'violence' is not a mode of CONSULT"),
        ("meet\tVERB\t\t\tCONSULT\t\t040\tmilitary|warfare\t", "unknown context 'warfare'"),
        ("meet\tVERB\t\t\tCONSULT\t\t40a\t\t", "CAMEO code '40a' is not 2-4 digits"),
        ("meet\tADV\t\t\tCONSULT\t\t040\t\t", "pos 'ADV' is not allowed"),
        ("Meet\tVERB\t\t\tCONSULT\t\t040\t\t", "lemma 'Meet' is not one lower-case token"),
        ("hold talks\tVERB\t\t\tCONSULT\t\t040\t\t", "not one lower-case token"),
    ],
)
def test_ontology_rejects_a_bad_trigger_table(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "event_verbs.tsv"
    path.write_text(TRIGGER_HEADER + "visit\tVERB\t\t\tCONSULT\tvisit\t042\t\t\n" + row + "\n",
                    encoding="utf-8")
    rows = parse_tsv(path.read_text(encoding="utf-8"), name=path.name)
    with pytest.raises(DataFileError) as info:
        ontology.parse_triggers(rows, name=path.name, modes=ontology.event_modes(),
                                contexts=ontology.contexts())
    text = str(info.value)
    assert info.value.code == "E107"
    assert message in text and "event_verbs.tsv row 2" in text and " — " in text


def test_ontology_rejects_a_types_table_missing_a_type(tmp_path: Path) -> None:
    rows = parse_tsv("event\tintensity\tcameo\tdefinition\nAGREE\t2.5\t030\tx\n", name="t.tsv")
    with pytest.raises(DataFileError, match="no row for CONSULT"):
        ontology.parse_event_types(rows, name="t.tsv")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("FIGHT\t-9\t190\tx", "unknown event type 'FIGHT'"),
        ("AGREE\thigh\t030\tx", "intensity 'high' is not a number"),
        ("AGREE\t12\t030\tx", "outside -10 ... 10"),
    ],
)
def test_ontology_rejects_bad_type_rows(row: str, message: str) -> None:
    rows = parse_tsv("event\tintensity\tcameo\tdefinition\n" + row + "\n", name="t.tsv")
    with pytest.raises(DataFileError, match=message):
        ontology.parse_event_types(rows, name="t.tsv")


def test_ontology_rejects_bad_cue_rows() -> None:
    rows = parse_tsv("lemma\taddressee\tthat_clause\tkind\nsay\tmaybe\tyes\tspeech\n",
                     name="c.tsv")
    with pytest.raises(DataFileError, match="addressee 'maybe' is not allowed"):
        ontology.parse_cue_verbs(rows, name="c.tsv")


def test_ontology_later_trigger_row_replaces_earlier_one() -> None:
    rows = parse_tsv(TRIGGER_HEADER + "meet\tVERB\t\t\tCONSULT\t\t040\t\t\n"
                     "meet\tVERB\t\t\tCONSULT\tvisit\t042\t\tuser override\n", name="t.tsv")
    triggers = ontology.parse_triggers(rows, name="t.tsv", modes=ontology.event_modes(),
                                       contexts=ontology.contexts())
    assert [(t.mode, t.note) for t in triggers] == [("visit", "user override")]


# --- CAMEO crosswalk ---------------------------------------------------------------------------

def test_ontology_cameo_to_plover_reads_the_table_format(tmp_path: Path) -> None:
    path = tmp_path / "crosswalk.txt"
    path.write_text(
        "# comment\n\n14: PROTEST\n141: PROTEST, demo,   # Demonstrate\n"
        "091: ACCUSE, investigate, crime; corruption # Investigate crime\n"
        "0861: RETREAT, access , peacekeeping # Receive peacekeepers\n"
        "141: ASSAULT, , # a repeated code keeps the first line\n~~~~~\n",
        encoding="utf-8")
    table = ontology.cameo_to_plover(path)
    assert table["14"].event == "PROTEST" and table["14"].mode is None
    assert table["141"] == ontology.CameoMapping("141", "PROTEST", "demo", (), "Demonstrate")
    assert table["091"].contexts == ("crime", "corruption")
    assert table["0861"].mode == "access"
    assert ontology.plover_for_cameo("1413", table).code == "141"
    assert ontology.plover_for_cameo("999", table) is None


@pytest.mark.parametrize("line", ["141 PROTEST, demo", "141: FIGHT, , military"])
def test_ontology_cameo_to_plover_rejects_bad_lines(tmp_path: Path, line: str) -> None:
    path = tmp_path / "crosswalk.txt"
    path.write_text("# ok\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2") as info:
        ontology.cameo_to_plover(path)
    assert info.value.code == "E115"


def test_ontology_cameo_to_plover_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="CAMEO2PLOVER"):
        ontology.cameo_to_plover(tmp_path / "absent.txt")


@pytest.mark.skipif(not CROSSWALK.is_file(), reason="shared benchmarks not beside the repo")
def test_ontology_cameo_to_plover_reads_plovers_table_in_place() -> None:
    table = ontology.cameo_to_plover(CROSSWALK)
    assert len(table) > 250
    assert table["138"].event == "THREATEN" and table["138"].mode == "violence"
    assert table["042"].mode == "visit"
    assert all(ontology.is_event_type(m.event) for m in table.values())


def test_ontology_adjective_triggers_need_their_particle() -> None:
    from wirecoder.ontology import select_trigger

    assert select_trigger("willing", "ADJ", particles={"to": {"send"}}).event == "AGREE"
    assert select_trigger("willing", "ADJ") is None
    assert select_trigger("oppose", "ADJ", particles={"to": {"mediation"}}).event == "REJECT"
    assert select_trigger("concerned", "ADJ").event == "ACCUSE"
