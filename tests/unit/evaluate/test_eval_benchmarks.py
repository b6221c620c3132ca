"""Benchmark readers on tiny made-up files in the real formats, and sentence-level scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.evaluate import benchmarks as bm
from wirecoder.evaluate.score import Ratio

# Made-up records in the shape of plover_gsr_cameo.jsonl.
PLOVER_RECORDS = [
    {
        "id": "T-AGREE-1",
        "text": "Freedonia and Sylvania agreed to reopen their border.",
        "event_plover_v05": "AGREE",
        "event": "AGREE",
        "mode_v05": None,
        "context_v05": ["economic"],
        "actor": [
            {"text": "Freedonia", "code": "FRE", "sector": None},
            {"text": "Sylvania", "code": "SYL", "sector": "GOV"},
        ],
        "recipient": [],
        "event_text": "agreed",
        "event_loc": None,
        "markup": "",
        "dead": None,
        "injured": None,
        "size": None,
        "comment": None,
    },
    {
        "id": "T-ASSAULT-1",
        "text": "Rebels shelled a village near the river.",
        "event_plover_v05": "FIGHT",
        "event": "ASSAULT",
        "mode_v05": None,
        "context_v05": [],
        "actor": [{"text": "Rebels", "code": "---", "sector": "REB"}],
        "recipient": [{"text": "village", "code": "FRE", "sector": "CVL"}],
        "event_text": "shelled",
        "event_loc": None,
        "markup": "",
        "dead": None,
        "injured": None,
        "size": None,
        "comment": None,
    },
]

# Made-up lines in the shape of CAMEO2PLOVER-2021.txt.
CAMEO_TABLE = """# conversion table (test)
# comment line

04: CONSULT
040: CONSULT, ,  # Consult
042: CONSULT, visit,   # Make a visit
08: CONCEDE
08: RETREAT
0841: RETREAT, release,   legal # Release persons
11: ACCUSE
112: ACCUSE, disapprove,    # Accuse
~~~~~
"""

# Made-up records in the shape of petr2_gsr_validation.jsonl.
PETRARCH_RECORDS = [
    {
        "id": "T_1",
        "category": "TEST",
        "date": "20150609",
        "text": "Freedonia, Sylvania and Ruritania met on Monday.",
        "expected_events": [
            {"source": "FRE", "target": "SYLGOV", "code": "040"},
            {"source": "SYLGOV", "target": "FRE", "code": "040"},
            {"source": "RURMIL", "target": "FRE", "code": "040"},
        ],
        "comments": [],
    },
    {
        "id": "T_2",
        "category": "TEST",
        "date": "121108",
        "text": "A clerk demolished the shed.",
        "expected_events": [{"source": None, "target": None, "code": None, "noevents": "True"}],
        "comments": [],
    },
    {
        "id": "T_3",
        "category": "TEST",
        "date": "20150609",
        "text": "Freedonia said it would consider the offer.",
        "expected_events": [{"source": "FRE", "target": "SYL", "code": "015"}],
        "comments": [],
    },
    {
        "id": "T_4",
        "category": "TEST",
        "date": "20080806",
        "text": "Sylvania released two Freedonian fishermen.",
        "expected_events": [{"source": "SYLGOV", "target": "FRECVL", "code": "08411"}],
        "comments": [],
    },
]


def _write_jsonl(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def bench_root(tmp_path: Path) -> Path:
    root = tmp_path / "shared" / "benchmarks"
    _write_jsonl(root / bm.PLOVER_FILE, PLOVER_RECORDS)
    (root / bm.CAMEO_TABLE).write_text(CAMEO_TABLE, encoding="utf-8")
    _write_jsonl(root / bm.PETRARCH_FILE, PETRARCH_RECORDS)
    return root


@pytest.mark.parametrize(
    ("code", "country"),
    [
        ("IRQGOVMIL", "IRQ"),
        ("USA", "USA"),
        ("---REB", None),
        ("---", None),
        (None, None),
        ("IGOEUREEC", "EUR"),
        ("IGOUNOMIL", "UNO"),
        ("IGOCOPITP", "IGO"),
        ("JAP", "JPN"),
    ],
)
def test_benchmarks_country_of(code, country):
    assert bm.country_of(code) == country


def test_benchmarks_read_plover(bench_root):
    sentences = bm.read_plover_gsr(bench_root / bm.PLOVER_FILE)
    assert [s.id for s in sentences] == ["T-AGREE-1", "T-ASSAULT-1"]
    assert sentences[0].events[0].event == "AGREE"
    assert sentences[0].events[0].countries == {"FRE", "SYL"}
    assert sentences[1].events[0].countries == frozenset()  # "---" is no country
    assert sentences[0].published is None


def test_benchmarks_cameo_table(bench_root):
    table = bm.load_cameo_table(bench_root / bm.CAMEO_TABLE)
    assert table["042"] == "CONSULT"
    assert table["08"] == "CONCEDE"  # the first of the duplicated root lines stays
    assert bm.cameo_to_plover("0841", table) == "RETREAT"
    assert bm.cameo_to_plover("08411", table) == "RETREAT"  # falls back to the longest prefix
    assert bm.cameo_to_plover("1124", table) == "ACCUSE"
    assert bm.cameo_to_plover("015", table) is None
    assert bm.cameo_to_plover(None, table) is None


def test_benchmarks_cameo_table_empty_is_an_error(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("# nothing\n")
    with pytest.raises(Exception, match="no `CODE: TYPE` lines"):
        bm.load_cameo_table(path)


def test_benchmarks_read_petrarch(bench_root):
    table = bm.load_cameo_table(bench_root / bm.CAMEO_TABLE)
    sentences, unmapped = bm.read_petrarch_validation(bench_root / bm.PETRARCH_FILE, table)
    assert unmapped == 1  # T_3 has only CAMEO 015
    met, shed, released = sentences
    assert met.types == {"CONSULT"}
    assert met.events[0].countries == {"FRE", "SYL", "RUR"}  # dyads merged
    assert met.published == "2015-06-09"
    assert shed.negative and not shed.events
    assert shed.published is None  # "121108" is no date
    assert released.types == {"RETREAT"}


def _result(*events: tuple[str, list[str]], actors: dict[str, str] | None = None) -> dict:
    actors = actors or {}
    return {
        "actors": [{"id": i, "name": i, "country": c} for i, c in actors.items()],
        "events": [{"event": t, "actor": a} for t, a in events],
    }


def test_benchmarks_score_sentences(bench_root):
    table = bm.load_cameo_table(bench_root / bm.CAMEO_TABLE)
    sentences, unmapped = bm.read_petrarch_validation(bench_root / bm.PETRARCH_FILE, table)
    results = [
        # met: an AGREE first, then the right CONSULT with all three countries
        _result(
            ("AGREE", ["a1"]),
            ("CONSULT", ["a1", "a2", "a3"]),
            actors={"a1": "FRE", "a2": "SYL", "a3": "RUR"},
        ),
        # shed: a false positive
        _result(("ASSAULT", [])),
        # released: nothing found
        _result(),
    ]
    score = bm.score_sentences("test", sentences, results, unmapped=unmapped)
    assert score.recall == Ratio(1, 2)
    assert score.type_any == Ratio(1, 1)
    assert score.type_first == Ratio(0, 1)
    assert score.actor_country == Ratio(1, 1)
    assert score.false_positive == Ratio(1, 1)
    assert score.per_type["RETREAT"] == Ratio(0, 1)
    assert score.to_dict()["unmapped"] == 1


def test_benchmarks_actor_country_uses_wrong_type_event(bench_root):
    sentences = bm.read_plover_gsr(bench_root / bm.PLOVER_FILE)
    results = [_result(("CONSULT", ["a1"]), actors={"a1": "FRE"}), _result(("ASSAULT", []))]
    score = bm.score_sentences("plover", sentences, results)
    assert score.recall == Ratio(2, 2)
    assert score.type_any == Ratio(1, 2)
    # Sentence 1: {FRE} vs gold {FRE, SYL}: wrong; sentence 2 has no known gold country.
    assert score.actor_country == Ratio(0, 1)
    assert score.false_positive.total == 0


def test_benchmarks_score_needs_one_result_per_sentence(bench_root):
    sentences = bm.read_plover_gsr(bench_root / bm.PLOVER_FILE)
    with pytest.raises(ValueError):
        bm.score_sentences("plover", sentences, [])


class FakePipeline:
    nlp = None

    def __init__(self) -> None:
        self.seen: list[dict] = []

    def extract_many(self, records):
        for record in records:
            self.seen.append(record)
            yield _result(("AGREE", ["a1"]), actors={"a1": "FRE"})


def test_benchmarks_run_in_place(bench_root):
    pipeline = FakePipeline()
    scores, notes = bm.run_benchmarks(pipeline, bench_root)
    assert notes == []
    assert [s.name for s in scores] == [
        "PLOVER GSR (CAMEO examples)",
        "PETRARCH-2 validation (CAMEO→PLOVER)",
    ]
    assert scores[0].recall == Ratio(2, 2)
    assert scores[0].type_any == Ratio(1, 2)
    assert scores[1].false_positive == Ratio(1, 1)
    assert {"text", "published", "id"} <= set(pipeline.seen[0])
    assert pipeline.seen[2]["published"] == "2015-06-09"


def test_benchmarks_limit(bench_root):
    scores, _ = bm.run_benchmarks(FakePipeline(), bench_root, limit=1)
    assert [s.sentences for s in scores] == [1, 1]


def test_benchmarks_missing_files_are_skipped_with_notes(tmp_path):
    (tmp_path / "plover-gsr-cameo").mkdir()
    scores, notes = bm.run_benchmarks(FakePipeline(), tmp_path)
    assert scores == []
    assert len(notes) == 2
    assert all("skipped" in n for n in notes)


def test_benchmarks_dir_from_env_and_walk(bench_root, tmp_path, monkeypatch):
    monkeypatch.setenv(bm.BENCHMARKS_ENV, str(bench_root))
    assert bm.find_benchmarks_dir() == bench_root
    monkeypatch.setenv(bm.BENCHMARKS_ENV, str(tmp_path / "missing"))
    assert bm.find_benchmarks_dir() is None
    monkeypatch.delenv(bm.BENCHMARKS_ENV)
    sibling = tmp_path / "main" / "src"
    sibling.mkdir(parents=True)
    # From tmp/main/src: walking up reaches tmp, where shared/benchmarks lives.
    assert bm.find_benchmarks_dir(sibling) == bench_root


class FailingPipeline:
    def extract_many(self, records):
        for _ in records:
            yield {"status": "not_coded", "reason": "[E212] processing failed", "events": []}


def test_benchmarks_not_coded_sentences_are_noted(bench_root):
    scores, notes = bm.run_benchmarks(FailingPipeline(), bench_root)
    assert scores[0].not_coded == 2
    assert scores[0].recall == Ratio(0, 2)
    assert "PLOVER GSR (CAMEO examples): 2 of 2 sentences not coded" in notes
