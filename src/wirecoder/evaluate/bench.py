"""Throughput: the full pipeline against plain spaCy on the same documents, in the same run.

The documents are the sample articles in `examples/articles/`, cycled to `n` (or, with
corpus="synthetic", generated articles that are all different). Raw spaCy (`nlp.pipe`) is the
baseline every spaCy-based coder pays; the ratio full / raw says what wirecoder's own stages add
on top of it. While the full pipeline streams the documents, the resident memory of the process
and its workers is sampled every `checkpoint` articles, to show it stays flat.

`run_scaling` times the full pipeline alone over 1k / 10k / 100k synthetic articles, for the
scaling table in docs/performance.md (`scripts/scaling.py`); it is far too slow for tests.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import platform
import random
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import cycle, islice
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .gold import read_article

log = logging.getLogger(__name__)

WARMUP_DOCS = 3
CHECKPOINT = 1000  # articles between two memory samples


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
    corpus: str = "samples"
    # CPU seconds (this process plus its finished workers): on a shared machine other jobs
    # stretch wall time, but hardly the CPU time a run needs.
    raw_cpu_seconds: float = 0.0
    full_cpu_seconds: float = 0.0
    # Resident memory (MB, this process plus its live workers) after every `checkpoint`
    # articles of the streamed full-pipeline run, keyed by articles coded so far.
    rss_mb: dict[int, float] = field(default_factory=dict)
    # Seconds spent in each extraction stage during the full run (one process only), to set
    # beside raw spaCy's parse time.
    stage_seconds: dict[str, float] = field(default_factory=dict)

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

    @property
    def speed_ratio(self) -> float | None:
        """Full-pipeline words/s as a share of raw spaCy's (the issue's target: >= 0.6)."""
        return self.raw_seconds / self.full_seconds if self.full_seconds else None

    @property
    def cpu_ratio(self) -> float | None:
        """The same share measured in CPU time, robust to other jobs on the machine."""
        return self.raw_cpu_seconds / self.full_cpu_seconds if self.full_cpu_seconds else None

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "raw_articles_per_s": self.raw_articles_per_s,
            "full_articles_per_s": self.full_articles_per_s,
            "raw_words_per_s": self.raw_words_per_s,
            "full_words_per_s": self.full_words_per_s,
            "ratio": self.ratio,
            "speed_ratio": self.speed_ratio,
            "cpu_ratio": self.cpu_ratio,
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


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its children that have ended."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _pid_rss_mb(pid: int | str) -> float:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def current_rss_mb() -> float:
    """Resident memory now, in MB, of this process plus its live worker processes (Linux;
    elsewhere the peak so far of this process)."""
    if not os.path.exists("/proc/self/statm"):
        return _rss_mb(resource.RUSAGE_SELF)
    children = [c.pid for c in multiprocessing.active_children() if c.pid]
    return _pid_rss_mb("self") + sum(_pid_rss_mb(pid) for pid in children)


# --- synthetic articles: our own templates, every article different -------------------------
_COUNTRIES = (
    ("Chile", "Chilean"), ("Kenya", "Kenyan"), ("Poland", "Polish"), ("Vietnam", "Vietnamese"),
    ("Egypt", "Egyptian"), ("Peru", "Peruvian"), ("Norway", "Norwegian"),
    ("Indonesia", "Indonesian"), ("Ghana", "Ghanaian"), ("Turkey", "Turkish"),
    ("Brazil", "Brazilian"), ("Japan", "Japanese"), ("Nigeria", "Nigerian"),
    ("Canada", "Canadian"), ("Pakistan", "Pakistani"), ("Spain", "Spanish"),
)
_CITIES = ("Geneva", "Nairobi", "Warsaw", "Hanoi", "Cairo", "Lima", "Oslo", "Jakarta", "Accra",
           "Ankara", "Brasilia", "Tokyo", "Abuja", "Ottawa", "Islamabad", "Madrid")
_OFFICIALS = ("foreign minister", "defence minister", "prime minister", "trade minister",
              "interior minister", "president")
_LEADS = (
    "{A} and {B} agreed on {day} to resume talks on {topic} after months of deadlock.",
    "{A} accused {B} of {grievance}, a charge {B} rejected as baseless.",
    "Police in {city} arrested {n} protesters on {day} after a march against {topic} turned "
    "violent.",
    "{A} imposed new sanctions on {B} on {day}, citing {grievance}.",
    "{A}'s {official} met {Badj} officials in {city} on {day} to discuss {topic}.",
    "{A} said on {day} it would send {n} tonnes of food aid to {B} after floods hit the north.",
    "Troops from {A} shelled positions held by rebels near {city} overnight, killing {n} "
    "fighters, the army said.",
    "{A} recalled its ambassador from {B} on {day} in protest over {grievance}.",
)
_MIDDLES = (
    "\"We will not accept {grievance},\" the {Aadj} {official} told reporters in {city}.",
    "Officials from both sides said a joint committee would meet again within {n} days.",
    "The {Badj} government denied the claim and called for an independent inquiry.",
    "Analysts said the dispute over {topic} had strained ties between the two countries.",
    "{B} urged {A} to respect the agreement signed in {city} last year.",
    "The {Aadj} {official} said the decision was final and would take effect next week.",
    "Opposition leaders in {B} criticised the move and demanded a vote in parliament.",
    "Several hundred people gathered outside the {Badj} embassy in {city} on {day}.",
    "Talks on {topic} collapsed in {city} in the spring, and trade between the neighbours has "
    "fallen by a third since then, according to customs figures.",
    "The {Badj} {official} is expected to travel to {city} later this month for a regional "
    "summit, where {topic} will top the agenda.",
    "Earlier this year {B} expelled two {Aadj} diplomats, and both countries restricted visas "
    "for officials.",
    "Human rights groups called on both governments to protect civilians living near the "
    "frontier and to allow journalists into the area.",
)
_TOPICS = ("fishing rights", "a border dispute", "fuel prices", "gas exports", "tariffs on steel",
           "a river dam", "election delays", "migrant returns", "port fees", "grain shipments")
_GRIEVANCES = ("violating its airspace", "detaining its fishermen", "dumping cheap steel",
               "backing armed groups", "blocking aid convoys", "spying on its diplomats",
               "breaking the ceasefire", "seizing a cargo ship")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def synthetic_articles(n: int, *, seed: int = 8) -> Iterator[dict[str, Any]]:
    """`n` different news-like articles (about 150 words, nine sentences), made from our own
    templates; deterministic for a seed. Each carries the article number, so none repeat."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    for i in range(n):
        (a, aadj), (b, badj) = rng.sample(_COUNTRIES, 2)
        slots = {"A": a, "B": b, "Aadj": aadj, "Badj": badj, "city": rng.choice(_CITIES),
                 "official": rng.choice(_OFFICIALS), "topic": rng.choice(_TOPICS),
                 "grievance": rng.choice(_GRIEVANCES), "day": rng.choice(_DAYS),
                 "n": rng.randint(2, 90)}
        lead = rng.choice(_LEADS).format(**slots)
        middles = [m.format(**slots) for m in rng.sample(_MIDDLES, 7)]
        closing = f"This is report {i + 1} in the series."
        text = "\n\n".join([" ".join([lead, *middles[:2]]), " ".join(middles[2:5]),
                             " ".join([*middles[5:], closing])])
        published = (start + timedelta(days=i % 365)).isoformat()
        yield {"text": text, "title": lead.split(",")[0][:80], "published": published}


def run_bench(
    n: int = 200,
    processes: int = 1,
    model: str | None = None,
    *,
    articles_dir: str | Path | None = None,
    corpus: str = "samples",
    checkpoint: int = CHECKPOINT,
) -> BenchReport:
    """Time raw `nlp.pipe` and the full pipeline over `n` documents cycled from the samples.

    processes (int): worker processes for both runs (`n_process` / `extract_many(processes=)`).
    corpus (str): "samples" (examples/articles, cycled) or "synthetic" (all different).
    checkpoint (int): sample resident memory every this many articles of the full run.
    RETURNS (BenchReport): throughput of both, their time ratio and memory.
    """
    import spacy  # imported here so `wirecoder.evaluate` stays light to import

    from ..nlp import model_id
    from ..pipeline import Pipeline

    if n < 1 or processes < 1 or checkpoint < 1:
        raise ConfigError(f"n={n}, processes={processes} and checkpoint={checkpoint} must all "
                          "be at least 1", code="E401")
    if corpus not in ("samples", "synthetic"):
        raise ConfigError(f"corpus {corpus!r} must be 'samples' or 'synthetic'", code="E401")
    if corpus == "synthetic":
        samples = list(synthetic_articles(n))
    else:
        samples = load_samples(Path(articles_dir) if articles_dir else None)
    records = list(islice(cycle(samples), n))
    texts = [r["text"] for r in records]
    pipeline = Pipeline(model=model)
    nlp = pipeline.nlp

    # Warm-up: the first call pays lazy loading (vectors, tables, regex compilation).
    list(nlp.pipe(texts[:WARMUP_DOCS]))
    list(pipeline.extract_many(records[:WARMUP_DOCS]))

    log.info("bench: raw spaCy over %d documents (%d process(es))", n, processes)
    cpu = cpu_seconds()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes):
        pass
    raw = time.perf_counter() - start
    raw_cpu = cpu_seconds() - cpu

    log.info("bench: full pipeline over %d documents", n)
    rss: dict[int, float] = {}
    pipeline.stage_seconds = {} if processes == 1 else None
    cpu = cpu_seconds()
    start = time.perf_counter()
    for _ in stream_with_memory(pipeline.extract_many(iter(records), processes=processes),
                                rss, checkpoint=checkpoint):
        pass
    full = time.perf_counter() - start
    full_cpu = cpu_seconds() - cpu

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
        corpus=corpus,
        raw_cpu_seconds=raw_cpu,
        full_cpu_seconds=full_cpu,
        rss_mb=rss,
        stage_seconds=dict(pipeline.stage_seconds or {}),
    )


def stream_with_memory(results: Iterable[Any], rss: dict[int, float], *,
                       checkpoint: int = CHECKPOINT) -> Iterator[Any]:
    """Pass `results` through, writing the resident memory into `rss` every `checkpoint`
    items and after the last one."""
    count = 0
    for count, item in enumerate(results, start=1):  # noqa: B007 - count is read after the loop
        yield item
        if count % checkpoint == 0:
            rss[count] = round(current_rss_mb(), 1)
    if count and count not in rss:
        rss[count] = round(current_rss_mb(), 1)


@dataclass
class ScalingRow:
    articles: int
    words: int
    seconds: float
    processes: int
    rss_mb: dict[int, float]
    cpu_seconds: float = 0.0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.seconds / self.articles if self.articles else 0.0

    @property
    def cpu_ms_per_article(self) -> float:
        return 1000 * self.cpu_seconds / self.articles if self.articles else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "articles_per_s": self.articles_per_s,
                "words_per_s": self.words_per_s, "ms_per_article": self.ms_per_article,
                "cpu_ms_per_article": self.cpu_ms_per_article}


def run_scaling(sizes: Iterable[int] = (1_000, 10_000, 100_000), *, processes: int = 1,
                model: str | None = None, checkpoint: int = 10_000,
                pipeline: Any = None) -> list[ScalingRow]:
    """The full pipeline alone over growing synthetic corpora, streamed (nothing is kept).

    Linear cost shows as a constant time per article across the sizes. Slow: 100k articles
    take tens of minutes on two cores; run it from scripts/scaling.py, never in tests.
    """
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline(model=model)
    list(pipeline.extract_many(islice(synthetic_articles(WARMUP_DOCS, seed=1), WARMUP_DOCS)))
    rows = []
    for size in sizes:
        if size < 1:
            raise ConfigError(f"scaling size {size} must be at least 1", code="E401")
        words = sum(len(a["text"].split()) for a in synthetic_articles(size))
        rss: dict[int, float] = {}
        log.info("scaling: %d synthetic articles, %d process(es)", size, processes)
        cpu = cpu_seconds()
        start = time.perf_counter()
        for _ in stream_with_memory(
                pipeline.extract_many(synthetic_articles(size), processes=processes), rss,
                checkpoint=min(checkpoint, size)):
            pass
        rows.append(ScalingRow(size, words, time.perf_counter() - start, processes, rss,
                               cpu_seconds() - cpu))
    return rows
