"""run_eval with a stand-in pipeline, and the console and Markdown renderings."""

from __future__ import annotations

import json

from rich.console import Console

from wirecoder.evaluate import (
    BenchReport,
    EvalReport,
    aggregate,
    render_console,
    render_markdown,
    run_eval,
    score_article,
)
from wirecoder.evaluate.benchmarks import BenchmarkScore
from wirecoder.evaluate.score import Ratio


class FakePipeline:
    """Gives back prepared Result dicts, keyed by article text."""

    nlp = None

    def __init__(self, results: dict[str, dict]) -> None:
        self.results = results
        self.calls: list[dict] = []

    def extract(self, text, *, published=None, title=None, **_):
        self.calls.append({"published": published, "title": title})
        return self.results[text]

    def extract_many(self, records):
        for _ in records:
            yield {"events": [], "actors": []}


def _report(article, perfect) -> EvalReport:
    half = perfect(article)
    half["events"].pop()  # recall 1/2
    half["events"].append({**half["events"][0], "event": "ASSAULT"})  # one extra
    scores = score_article(article, half)
    bench = BenchmarkScore(
        name="PLOVER GSR",
        sentences=10,
        recall=Ratio(7, 10),
        type_any=Ratio(4, 7),
        type_first=Ratio(3, 7),
        actor_country=Ratio(5, 7),
        false_positive=Ratio(1, 4),
    )
    return EvalReport(
        split="test",
        gold_dir="gold",
        model="en_core_web_sm-3.8.0",
        pipeline="0.1.0+abc",
        scores=aggregate([scores]),
        articles=[scores],
        benchmarks=[bench],
        notes=["PETRARCH-2 validation skipped: not found"],
        created="2025-09-06T00:00:00+00:00",
    )


def test_report_markdown_headline_numbers(article, perfect):
    text = render_markdown(_report(article, perfect))
    assert text.startswith("# Accuracy")
    assert "**Events F1 50.0%** (precision 50.0%, recall 50.0%)" in text
    assert "**extra-event rate 50.0%**" in text
    assert "**statements F1 100.0%**" in text
    assert "| THREATEN | 1 | 1 | 0 | 0 | 100.0% | 100.0% | 100.0% |" in text
    assert "| ASSAULT | 0 | 0 | 1 | 0 | 0.0% | – | – |" in text
    assert (
        "| PLOVER GSR | 10 | 70.0% (7/10) | 57.1% | 42.9% | 71.4% (5/7) | 25.0% (1/4) | 0 |" in text
    )
    assert "- PETRARCH-2 validation skipped: not found" in text


def test_report_console_tables(article, perfect):
    console = Console(record=True, width=200, color_system=None)
    render_console(_report(article, perfect), console)
    out = console.export_text()
    assert "Events F1" in out
    assert "Extra-event rate" in out
    assert "50.0%" in out
    assert "Events by type" in out
    assert "PLOVER GSR" in out
    assert "PETRARCH-2 validation skipped" in out


def test_report_to_dict_is_json(article, perfect):
    data = _report(article, perfect).to_dict()
    again = json.loads(json.dumps(data))
    assert again["schema"] == "wirecoder-eval/1"
    assert again["scores"]["events"]["extra_rate"] == 0.5
    assert again["benchmarks"][0]["recall"]["value"] == 0.7
    assert again["articles"][0]["article"] == "putin"
    assert any(e.startswith("missed AGREE") for e in again["articles"][0]["errors"])


def test_report_bench_markdown_and_console():
    report = BenchReport(
        docs=200,
        words=100_000,
        chars=600_000,
        samples=8,
        processes=1,
        model="en_core_web_sm-3.8.0",
        raw_seconds=10.0,
        full_seconds=25.0,
        peak_rss_mb=512.4,
        children_peak_rss_mb=0.0,
        python="3.11.9",
        spacy="3.8.18",
        cpus=2,
        machine="Linux x86_64",
        created="2025-09-06T00:00:00+00:00",
    )
    assert report.ratio == 2.5
    text = render_markdown(report)
    assert text.startswith("# Performance")
    assert "| Raw spaCy (`nlp.pipe`) | 10.00 | 20.0 | 10,000 |" in text
    assert "| Full pipeline | 25.00 | 8.0 | 4,000 |" in text
    assert "| Full / raw time | 2.50× |" in text
    assert "512 MB" in text
    console = Console(record=True, width=160, color_system=None)
    render_console(report, console)
    assert "2.50×" in console.export_text()
    assert report.to_dict()["full_articles_per_s"] == 8.0


def test_run_eval_scores_gold_with_given_pipeline(repo, article, perfect):
    pipeline = FakePipeline({article.text: perfect(article)})
    report = run_eval("test", repo / "gold", benchmarks=False, pipeline=pipeline)
    assert report.scores.articles == 1
    assert report.scores.events.found.f1 == 1.0
    assert pipeline.calls == [{"published": "2025-09-06", "title": "Putin warns foreign troops"}]
    assert report.benchmarks == []
    assert report.notes == []


def test_run_eval_skips_missing_benchmarks_with_a_note(repo, article, perfect, tmp_path):
    pipeline = FakePipeline({article.text: perfect(article)})
    report = run_eval(
        "test", repo / "gold", pipeline=pipeline, benchmarks_dir=tmp_path / "no-benchmarks"
    )
    assert report.benchmarks == []
    assert len(report.notes) == 1
    assert "benchmarks skipped" in report.notes[0]


def test_run_eval_limit_and_empty_split(tmp_path, make_repo, article, perfect):
    make_repo(tmp_path, name="one")
    make_repo(tmp_path, name="two")
    pipeline = FakePipeline({article.text: perfect(article)})
    report = run_eval("test", tmp_path / "gold", benchmarks=False, limit=1, pipeline=pipeline)
    assert report.scores.articles == 1
    report = run_eval("dev", tmp_path / "gold", benchmarks=False, pipeline=pipeline)
    assert report.scores.articles == 0
    assert "no gold files" in report.notes[0]


def test_run_eval_notes_articles_not_coded(repo, article):
    failed = {
        "status": "not_coded",
        "reason": "[E212] processing failed",
        "actors": [],
        "statements": [],
        "events": [],
        "places": [],
    }
    report = run_eval(
        "test", repo / "gold", benchmarks=False, pipeline=FakePipeline({article.text: failed})
    )
    assert report.notes == ["putin: not coded ([E212] processing failed)"]
    assert report.scores.events.found.recall == 0.0


def test_report_console_keeps_brackets_literal(article, perfect):
    report = _report(article, perfect)
    report.notes = ["putin: not coded ([E212] processing failed) [bold]x[/bold]"]
    console = Console(record=True, width=200, color_system=None)
    render_console(report, console)
    assert "([E212] processing failed) [bold]x[/bold]" in console.export_text()


def test_report_place_rows_country_first_then_name_and_statement_places(article, perfect):
    report = _report(article, perfect)
    text = render_markdown(report)
    assert "| Event place country accuracy | 100.0% | 1/1 |" in text
    assert "| Event place name accuracy (stricter) | 100.0% | 1/1 |" in text
    assert text.index("Event place country accuracy") < text.index("Event place name accuracy")
    assert "| Statement place accuracy (gold place given) | 100.0% | 1/1 |" in text
    assert "| Statement place left empty (gold place null) | 100.0% | 1/1 |" in text
    assert "Event place (country level) 100.0%" in text
    console = Console(record=True, width=200, color_system=None)
    render_console(report, console)
    out = console.export_text()
    assert "Event place country accuracy" in out and "Statement place accuracy" in out
    data = json.loads(json.dumps(report.to_dict()))
    assert data["scores"]["events"]["place_country_accuracy"]["total"] == 1
    assert data["scores"]["statements"]["place_accuracy"]["correct"] == 1
