"""Throughput: the full pipeline against plain spaCy on the same documents, in the same run.

The documents are the sample articles in `examples/articles/`, cycled to `n`. Raw spaCy
(`nlp.pipe`) is the baseline every spaCy-based coder pays; the ratio full / raw says what
wirecoder's own stages add on top of it.
"""

from __future__ import annotations

import logging
import os
import platform
import resource
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from itertools import cycle, islice
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .gold import read_article

log = logging.getLogger(__name__)

WARMUP_DOCS = 3


@dataclass
class BenchReport:
    docs: int
    words: int
    chars: int
    samples: int  # distinct sample articles cycled
    processes: int
    model: str
    raw_seconds: float
    full_seconds: float
    peak_rss_mb: float
    children_peak_rss_mb: float
    python: str
    spacy: str
    cpus: int
    machine: str
    created: str

    @property
    def raw_articles_per_s(self) -> float:
        return self.docs / self.raw_seconds if self.raw_seconds else 0.0

    @property
    def full_articles_per_s(self) -> float:
        return self.docs / self.full_seconds if self.full_seconds else 0.0

    @property
    def raw_words_per_s(self) -> float:
        return self.words / self.raw_seconds if self.raw_seconds else 0.0

    @property
    def full_words_per_s(self) -> float:
        return self.words / self.full_seconds if self.full_seconds else 0.0

    @property
    def ratio(self) -> float | None:
        """Full-pipeline time over raw spaCy time (1.0 = no overhead)."""
        return self.full_seconds / self.raw_seconds if self.raw_seconds else None

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "raw_articles_per_s": self.raw_articles_per_s,
            "full_articles_per_s": self.full_articles_per_s,
            "raw_words_per_s": self.raw_words_per_s,
            "full_words_per_s": self.full_words_per_s,
            "ratio": self.ratio,
        }


def find_articles_dir(start: Path | None = None) -> Path | None:
    """`examples/articles/` above cwd or this package."""
    for origin in (start or Path.cwd(), Path(__file__).resolve().parent):
        for folder in [origin, *origin.parents]:
            candidate = folder / "examples" / "articles"
            if candidate.is_dir():
                return candidate
    return None


def load_samples(folder: Path | None = None) -> list[dict[str, Any]]:
    """The sample articles as pipeline records (`text`, `title`, `published`)."""
    folder = folder or find_articles_dir()
    paths = sorted(folder.glob("*.txt")) if folder else []
    records = []
    for path in paths:
        text, title, published = read_article(path)
        if text:
            records.append({"text": text, "title": title, "published": published})
    if not records:
        raise ConfigError(
            f"no sample articles to benchmark in {folder or 'examples/articles'} — run from the "
            "repository or pass a folder of .txt articles",
            code="E402",
        )
    return records


def _rss_mb(who: int) -> float:
    # ru_maxrss is in KiB on Linux and bytes on macOS.
    value = resource.getrusage(who).ru_maxrss
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


def run_bench(
    n: int = 200,
    processes: int = 1,
    model: str | None = None,
    *,
    articles_dir: str | Path | None = None,
) -> BenchReport:
    """Time raw `nlp.pipe` and the full pipeline over `n` documents cycled from the samples.

    processes (int): worker processes for both runs (`n_process` / `extract_many(processes=)`).
    RETURNS (BenchReport): throughput of both, their time ratio and peak memory.
    """
    import spacy  # imported here so `wirecoder.evaluate` stays light to import

    from ..nlp import model_id
    from ..pipeline import Pipeline

    if n < 1 or processes < 1:
        raise ConfigError(f"n={n} and processes={processes} must both be at least 1", code="E401")
    samples = load_samples(Path(articles_dir) if articles_dir else None)
    records = list(islice(cycle(samples), n))
    texts = [r["text"] for r in records]
    pipeline = Pipeline(model=model)
    nlp = pipeline.nlp

    # Warm-up: the first call pays lazy loading (vectors, tables, regex compilation).
    list(nlp.pipe(texts[:WARMUP_DOCS]))
    list(pipeline.extract_many(records[:WARMUP_DOCS]))

    log.info("bench: raw spaCy over %d documents (%d process(es))", n, processes)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes):
        pass
    raw = time.perf_counter() - start

    log.info("bench: full pipeline over %d documents", n)
    start = time.perf_counter()
    for _ in pipeline.extract_many(records, processes=processes):
        pass
    full = time.perf_counter() - start

    return BenchReport(
        docs=n,
        words=sum(len(t.split()) for t in texts),
        chars=sum(len(t) for t in texts),
        samples=len(samples),
        processes=processes,
        model=model_id(nlp),
        raw_seconds=raw,
        full_seconds=full,
        peak_rss_mb=_rss_mb(resource.RUSAGE_SELF),
        children_peak_rss_mb=_rss_mb(resource.RUSAGE_CHILDREN),
        python=platform.python_version(),
        spacy=spacy.__version__,
        cpus=os.cpu_count() or 1,
        machine=f"{platform.system()} {platform.machine()}",
        created=datetime.now(UTC).isoformat(timespec="seconds"),
    )
