"""Gold-set scoring (`wirecoder eval`) and throughput benchmarks (`wirecoder bench`).

report = run_eval(split="test")          # gold files + external benchmarks
print(render_markdown(report))           # docs/accuracy.md
bench = run_bench(n=200, processes=1)    # docs/performance.md
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .bench import BenchReport, run_bench
from .benchmarks import BenchmarkScore, find_benchmarks_dir, run_benchmarks
from .gold import GoldArticle, find_gold_dir, load_gold
from .report import EvalReport, render_console, render_markdown
from .score import ArticleScore, Scores, aggregate, score_article

log = logging.getLogger(__name__)


def run_eval(
    split: str = "test",
    gold_dir: str | Path | None = None,
    model: str | None = None,
    benchmarks: bool = True,
    limit: int | None = None,
    *,
    benchmarks_dir: str | Path | None = None,
    pipeline: Any = None,
) -> EvalReport:
    """Score the pipeline on a gold split and, unless `benchmarks=False`, the external benchmarks.

    split (str): "dev", "test" or "all".
    gold_dir (Path): another gold set (see `load_gold`); default the repository's `gold/`.
    model (str): spaCy pipeline to use; ignored when `pipeline` (a ready Pipeline) is given.
    limit (int): score at most this many gold articles and sentences per benchmark.
    RETURNS (EvalReport): raises DataFileError for a malformed gold file.
    """
    started = time.perf_counter()
    notes: list[str] = []
    gold: list[GoldArticle] = []
    root = Path(gold_dir) if gold_dir is not None else find_gold_dir()
    if root is None:
        notes.append("gold set skipped: no gold/ folder found (run from the repository)")
    else:
        gold = load_gold(split, root)[:limit]
        if not gold:
            notes.append(f"gold set: no gold files for split {split!r} in {root}")
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline(model=model)

    articles: list[ArticleScore] = []
    version = None
    for item in gold:
        result = pipeline.extract(item.text, published=item.published, title=item.title)
        data = result.to_dict() if hasattr(result, "to_dict") else result
        version = version or data.get("pipeline")
        if data.get("status") == "not_coded":
            notes.append(f"{item.name}: not coded ({data.get('reason')})")
        articles.append(score_article(item, data))
        log.debug("scored %s", item.name)

    bench_scores: list[BenchmarkScore] = []
    if benchmarks:
        root_b = Path(benchmarks_dir) if benchmarks_dir is not None else find_benchmarks_dir()
        if root_b is None or not root_b.is_dir():
            notes.append(
                "benchmarks skipped: no shared/benchmarks folder found "
                "(set WIRECODER_BENCHMARKS to point at one)"
            )
        else:
            bench_scores, more = run_benchmarks(pipeline, root_b, limit=limit)
            notes += more

    nlp = getattr(pipeline, "nlp", None)
    model_name = None
    if nlp is not None:
        from ..nlp import model_id

        model_name = model_id(nlp)
    return EvalReport(
        split=split,
        gold_dir=str(root) if root else None,
        model=model_name,
        pipeline=version,
        scores=aggregate(articles),
        articles=articles,
        benchmarks=bench_scores,
        notes=notes,
        seconds=round(time.perf_counter() - started, 3),
        created=datetime.now(UTC).isoformat(timespec="seconds"),
    )


__all__ = [
    "ArticleScore",
    "BenchReport",
    "BenchmarkScore",
    "EvalReport",
    "GoldArticle",
    "Scores",
    "aggregate",
    "load_gold",
    "render_console",
    "render_markdown",
    "run_bench",
    "run_eval",
    "score_article",
]
