"""Eval and bench reports: the EvalReport record, Rich tables for the console, Markdown for docs.

`render_markdown` writes the pages `docs/accuracy.md` and `docs/performance.md` are made from; the
CLI's `--json` prints `report.to_dict()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .bench import BenchReport
from .benchmarks import BenchmarkScore
from .score import PRF, ArticleScore, Ratio, Scores

EVAL_SCHEMA = "wirecoder-eval/1"


@dataclass
class EvalReport:
    """The outcome of `wirecoder eval`: gold-set scores, benchmark scores and notes."""

    split: str
    gold_dir: str | None
    model: str | None
    pipeline: str | None
    scores: Scores
    articles: list[ArticleScore] = field(default_factory=list)
    benchmarks: list[BenchmarkScore] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    created: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": EVAL_SCHEMA,
            "split": self.split,
            "gold_dir": self.gold_dir,
            "model": self.model,
            "pipeline": self.pipeline,
            "created": self.created,
            "seconds": self.seconds,
            "scores": self.scores.to_dict(),
            "benchmarks": [b.to_dict() for b in self.benchmarks],
            "notes": self.notes,
            "articles": [a.to_dict() for a in self.articles],
        }


# --------------------------------------------------------------------------- formatting


def pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def frac(ratio: Ratio) -> str:
    return f"{ratio.correct}/{ratio.total}"


def _headline(scores: Scores) -> list[tuple[str, str, str]]:
    """(metric, value, basis) rows shared by both renderers."""
    st, ev, ac, pl = scores.statements, scores.events, scores.actors, scores.places

    def prf_rows(label: str, prf: PRF) -> list[tuple[str, str, str]]:
        basis = f"tp {prf.tp} · fp {prf.fp} · fn {prf.fn}"
        return [
            (f"{label} precision", pct(prf.precision), basis),
            (f"{label} recall", pct(prf.recall), ""),
            (f"{label} F1", pct(prf.f1), ""),
        ]

    return [
        *prf_rows("Statements", st.found),
        ("Speaker accuracy (matched statements)", pct(st.speaker.value), frac(st.speaker)),
        ("Kind accuracy (matched statements)", pct(st.kind.value), frac(st.kind)),
        ("Statement place accuracy (gold place given)", pct(st.place.value), frac(st.place)),
        (
            "Statement place left empty (gold place null)",
            pct(st.place_null.value),
            frac(st.place_null),
        ),
        *prf_rows("Events", ev.found),
        (
            "Extra-event rate (unmatched system / gold events)",
            pct(ev.extra_rate),
            f"{ev.found.fp}/{ev.gold}",
        ),
        ("Event mode accuracy", pct(ev.mode.value), frac(ev.mode)),
        ("Event modality accuracy", pct(ev.modality.value), frac(ev.modality)),
        (
            "Modality accuracy, gold not asserted",
            pct(ev.modality_marked.value),
            frac(ev.modality_marked),
        ),
        ("Event actor-country accuracy", pct(ev.actor_country.value), frac(ev.actor_country)),
        ("Event date accuracy", pct(ev.date.value), frac(ev.date)),
        (
            "Event place country accuracy",
            pct(ev.place_country.value),
            frac(ev.place_country),
        ),
        ("Event place name accuracy (stricter)", pct(ev.place.value), frac(ev.place)),
        ("Actor recall", pct(ac.found.value), frac(ac.found)),
        ("Actor country accuracy (matched)", pct(ac.country.value), frac(ac.country)),
        ("Actor sector accuracy (matched)", pct(ac.sector.value), frac(ac.sector)),
        ("Named people and organisations: country", pct(ac.named_country.value),
         frac(ac.named_country)),
        ("Named people and organisations: sector", pct(ac.named_sector.value),
         frac(ac.named_sector)),
        *prf_rows("Places", pl.found),
    ]


def _type_rows(scores: Scores) -> list[tuple[str, ...]]:
    return [
        (
            kind,
            str(prf.tp + prf.fn),
            str(prf.tp),
            str(prf.fp),
            str(prf.fn),
            pct(prf.precision),
            pct(prf.recall),
            pct(prf.f1),
        )
        for kind, prf in sorted(scores.events.per_type.items())
    ]


TYPE_HEADER = ("Type", "Gold", "TP", "FP", "FN", "P", "R", "F1")
BENCH_HEADER = (
    "Benchmark",
    "Sentences",
    "Recall",
    "Type acc. (any)",
    "Type acc. (first)",
    "Actor-country acc.",
    "False-positive rate",
    "Unmapped",
)


def _bench_rows(benchmarks: list[BenchmarkScore]) -> list[tuple[str, ...]]:
    return [
        (
            b.name,
            str(b.sentences),
            f"{pct(b.recall.value)} ({frac(b.recall)})",
            pct(b.type_any.value),
            pct(b.type_first.value),
            f"{pct(b.actor_country.value)} ({frac(b.actor_country)})",
            f"{pct(b.false_positive.value)} ({frac(b.false_positive)})"
            if b.false_positive.total
            else "–",
            str(b.unmapped),
        )
        for b in benchmarks
    ]


def _perf_rows(report: BenchReport) -> list[tuple[str, str, str, str]]:
    return [
        (
            "Raw spaCy (`nlp.pipe`)",
            f"{report.raw_seconds:.2f}",
            f"{report.raw_articles_per_s:.1f}",
            f"{report.raw_words_per_s:,.0f}",
        ),
        (
            "Full pipeline",
            f"{report.full_seconds:.2f}",
            f"{report.full_articles_per_s:.1f}",
            f"{report.full_words_per_s:,.0f}",
        ),
    ]


def _perf_facts(report: BenchReport) -> list[tuple[str, str]]:
    ratio = "–" if report.ratio is None else f"{report.ratio:.2f}×"
    share = "–" if report.speed_ratio is None else f"{report.speed_ratio:.2f}"
    if report.cpu_ratio is not None:
        share += f" (CPU time {report.cpu_ratio:.2f})"
    streaming = ", ".join(f"{k:,}: {v:.0f} MB" for k, v in sorted(report.rss_mb.items()))
    return [
        ("Full / raw time", ratio),
        ("Full / raw words/s", share),
        *((("RSS while streaming", streaming),) if streaming else ()),
        (
            "Documents",
            f"{report.docs} ({report.samples} sample articles cycled, {report.words:,} words)",
        ),
        ("Processes", str(report.processes)),
        (
            "Peak RSS",
            f"{report.peak_rss_mb:.0f} MB"
            + (
                f" (+ children {report.children_peak_rss_mb:.0f} MB)"
                if report.children_peak_rss_mb
                else ""
            ),
        ),
        *(
            (f"Stage: {stage}", f"{seconds / report.raw_seconds:.1%} of the spaCy parse time")
            for stage, seconds in report.stage_seconds.items()
            if report.raw_seconds
        ),
        ("Model", report.model),
        (
            "Machine",
            f"{report.machine}, {report.cpus} CPU(s), Python {report.python}, spaCy {report.spacy}",
        ),
    ]


# --------------------------------------------------------------------------- console


def _table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
    # Cells are escaped: names and notes come from data files and may hold "[...]".
    table = Table(title=escape(title), title_justify="left")
    for i, name in enumerate(header):
        table.add_column(escape(name), justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    return table


def render_console(report: EvalReport | BenchReport, console: Console) -> None:
    """Print a report as Rich tables."""
    if isinstance(report, BenchReport):
        console.print(
            _table("Throughput", ("Run", "Seconds", "Articles/s", "Words/s"), _perf_rows(report))
        )
        facts = _table("", ("Measure", "Value"), _perf_facts(report))
        facts.show_header = False
        console.print(facts)
        return
    scores = report.scores
    console.print(
        _table(
            f"Gold set '{report.split}': {scores.articles} article(s), model {report.model or '–'}",
            ("Metric", "Value", "Basis"),
            _headline(scores),
        )
    )
    if scores.events.per_type:
        console.print(_table("Events by type", TYPE_HEADER, _type_rows(scores)))
    if report.benchmarks:
        console.print(
            _table(
                "External benchmarks (sentence level)", BENCH_HEADER, _bench_rows(report.benchmarks)
            )
        )
    for note in report.notes:
        console.print(f"[dim]note:[/dim] {escape(note)}", highlight=False)


# --------------------------------------------------------------------------- markdown


def _md_escape(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def _md_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    align = ["---"] + ["---:"] * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(report: EvalReport | BenchReport) -> str:
    """The report as a Markdown page."""
    if isinstance(report, BenchReport):
        return (
            "\n\n".join(
                [
                    "# Performance",
                    f"`wirecoder bench -n {report.docs} --processes {report.processes}`, "
                    f"run {report.created}.",
                    _md_table(("Run", "Seconds", "Articles/s", "Words/s"), _perf_rows(report)),
                    _md_table(("Measure", "Value"), _perf_facts(report)),
                    "The raw run is spaCy alone over the same documents; the ratio is what "
                    "wirecoder's own stages add. Both runs follow a warm-up; with several processes both "
                    "include starting the workers, each of which loads the model. Peak RSS is the "
                    "largest resident set of the main process (and of any one worker).",
                ]
            )
            + "\n"
        )
    scores = report.scores
    ev = scores.events
    parts = [
        "# Accuracy",
        f"Gold split `{report.split}`: {scores.articles} article(s), {ev.gold} gold events, "
        f"{scores.statements.found.tp + scores.statements.found.fn} gold statements. "
        f"Model `{report.model or '–'}`, pipeline `{report.pipeline or '–'}`, "
        f"run {report.created or '–'}.",
        f"**Events F1 {pct(ev.found.f1)}** (precision {pct(ev.found.precision)}, recall "
        f"{pct(ev.found.recall)}), **extra-event rate {pct(ev.extra_rate)}**; "
        f"**statements F1 {pct(scores.statements.found.f1)}**, speaker accuracy "
        f"{pct(scores.statements.speaker.value)}. Event place (country level) "
        f"{pct(ev.place_country.value)}, event date {pct(ev.date.value)}, statement place "
        f"{pct(scores.statements.place.value)}.",
        "## Gold set",
        _md_table(("Metric", "Value", "Basis"), _headline(scores)),
    ]
    if ev.per_type:
        parts += ["## Events by type", _md_table(TYPE_HEADER, _type_rows(scores))]
    if report.benchmarks:
        parts += [
            "## External benchmarks (sentence level)",
            _md_table(BENCH_HEADER, _bench_rows(report.benchmarks)),
            "Recall: share of sentences with a gold event where wirecoder codes one. "
            "Type accuracy (any/first): among those, some/the first coded event has a "
            "gold type. False-positive rate: share of no-event sentences where an event "
            "is coded. PETRARCH-2 CAMEO codes are mapped through PLOVER's "
            "CAMEO2PLOVER table; sentences with no mappable code are not scored.",
        ]
    parts += [
        "## How it is scored",
        "Statements match one-to-one when their content spans overlap by at least half "
        "of their union, or the overlap covers 80% of the shorter span. Events match "
        "one-to-one when the PLOVER type is equal and the sentences overlap. The "
        "extra-event rate is unmatched system events divided by gold events. Event place "
        "accuracy is country-level (the system's place is in the gold place's country; a "
        "gold place with no country, such as a sea, must be named); the name-level figure "
        "is stricter. Statement place accuracy is on matched statements whose gold place is "
        "given; the next line counts matched statements with no gold place that the system "
        "left unplaced. Counts are summed over articles before ratios are taken.",
    ]
    if report.notes:
        parts += ["## Notes", "\n".join(f"- {n}" for n in report.notes)]
    return "\n\n".join(parts) + "\n"
