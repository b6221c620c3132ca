"""Article -> Result: the whole flow on one screen.

    text ──nlp──▶ Doc ──actors──▶ ActorIndex ──statements──▶ [Statement]
                   │                                            │
                   └──places (dateline, GeoNames)──▶ PlaceIndex ─┴─events──▶ [Event] ──▶ Result

Each stage lives in `wirecoder/extract/<stage>.py` and is a plain function of the Doc and the
earlier stages' records. The spaCy pipeline is loaded once per process.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from .extract import actors as actors_stage
from .extract import events as events_stage
from .extract import places as places_stage
from .extract import statements as statements_stage
from .extract.actors import find_actors
from .extract.dates import resolve_date
from .extract.events import find_events
from .extract.places import find_places
from .extract.statements import date_phrase, find_statements
from .ingest.dedupe import text_key
from .lexicon import data_hash
from .model import Article, Result
from .nlp import load_nlp, model_id
from .version import __version__

log = logging.getLogger(__name__)

ENGLISH = "en"


def article_id(text: str) -> str:
    """The article id: sha1 of the normalised text, so the same story gets the same id."""
    return text_key(text)


@dataclass
class ArticleInput:
    """What the pipeline needs of an article; ingest records and dicts both convert to it."""

    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    id: str | None = None
    language: str | None = None

    @classmethod
    def of(cls, record: Any) -> ArticleInput:
        get = record.get if isinstance(record, dict) else lambda k, d=None: getattr(record, k, d)
        return cls(text=get("text") or "", published=get("published"), title=get("title"),
                   url=get("url"), source=get("source"), id=get("id"), language=get("language"))


def code_doc(doc: Doc, article: Article, *, version: str | None = None,
             timings: dict[str, float] | None = None) -> Result:
    """Run every extractor over a parsed article. `timings`, when given, accumulates the
    seconds each stage took (for `wirecoder bench`)."""
    clock = _StageClock(timings)
    actors = find_actors(doc, published=article.published)
    clock.lap("actors")
    drafts = find_statements(doc, actors)
    for d in drafts:  # a statement's date is the date attached to its cue
        if d.date_token is not None:
            d.statement.date = resolve_date(date_phrase(d.date_token), article.published)
    statements = [d.statement for d in drafts]
    clock.lap("statements")
    context = [a.country for a in actors.actors if a.country and len(a.country) == 3]
    places = find_places(doc, context_codes=context)
    clock.lap("places")
    events = find_events(doc, actors, statements, places, published=article.published)
    clock.lap("events")
    return Result(article=article, actors=actors.actors, statements=statements, events=events,
                  places=places.places, pipeline=version)


class _StageClock:
    """Adds each stage's wall time to a dict, or does nothing when there is none."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter() if timings is not None else 0.0

    def lap(self, stage: str) -> None:
        if self.timings is None:
            return
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now


class Pipeline:
    """A loaded spaCy pipeline plus our extractors. Build once; code many articles."""

    def __init__(self, *, model: str | None = None) -> None:
        self.model_name = model
        # A broken knowledge table (ours or the user's WIRECODER_DATA) fails here, once, with
        # its file and line, rather than failing every article of a run.
        for stage in (actors_stage, statements_stage, places_stage, events_stage):
            stage.load_tables()
        self.nlp = load_nlp(model)
        self.version = f"wirecoder-{__version__}+{model_id(self.nlp)}+data.{data_hash()}"
        # Seconds per extraction stage, summed over articles coded in this process; filled only
        # when a caller sets it to a dict (wirecoder bench does).
        self.stage_seconds: dict[str, float] | None = None

    def _article(self, item: ArticleInput) -> Article:
        return Article(id=item.id or article_id(item.text), title=item.title, text=item.text,
                       published=item.published, url=item.url, source=item.source,
                       language=item.language or ENGLISH)

    def _not_coded(self, item: ArticleInput) -> Result | None:
        if not item.text.strip():
            return Result(article=self._article(item), status="not_coded",
                          reason="[E204] empty document", pipeline=self.version)
        if item.language and item.language != ENGLISH:
            return Result(article=self._article(item), status="not_coded",
                          reason=f"[E211] language {item.language!r} is not supported; "
                                 "wirecoder codes English text only", pipeline=self.version)
        return None

    def extract(self, text: str, *, published: str | None = None, title: str | None = None,
                url: str | None = None, source: str | None = None,
                article_id: str | None = None, language: str | None = None) -> Result:
        """Code one article."""
        item = ArticleInput(text, published, title, url, source, article_id, language)
        return next(self.extract_many([item]))

    def extract_many(self, records: Iterable[Any], *, processes: int = 1,
                     batch_size: int = 16) -> Iterator[Result]:
        """Code many articles, in input order. `records` are dicts or ingest records."""
        items = (ArticleInput.of(r) if not isinstance(r, ArticleInput) else r for r in records)
        if processes > 1:
            yield from _parallel(items, processes=processes, model=self.model_name,
                                 batch_size=batch_size)
            return
        yield from self._code_stream(items, batch_size=batch_size)

    def _code_stream(self, items: Iterable[ArticleInput], *, batch_size: int) -> Iterator[Result]:
        batch: list[ArticleInput] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[ArticleInput]) -> Iterator[Result]:
        skipped = {i: r for i, item in enumerate(batch) if (r := self._not_coded(item))}
        todo = [item for i, item in enumerate(batch) if i not in skipped]
        docs = iter(self.nlp.pipe([item.text for item in todo]))
        for i, item in enumerate(batch):
            if i in skipped:
                yield skipped[i]
                continue
            doc = next(docs)
            article = self._article(item)
            try:
                yield code_doc(doc, article, version=self.version, timings=self.stage_seconds)
            except Exception as exc:  # one bad article must not sink a batch
                log.exception("coding failed for article %s", article.id)
                yield Result(article=article, status="not_coded", pipeline=self.version,
                             reason=f"[E212] processing failed: {type(exc).__name__}: {exc}")


# --- process pool: the model loads once per worker; only plain data crosses processes ------
_WORKER: Pipeline | None = None


def _init_worker(model: str | None) -> None:
    global _WORKER
    _WORKER = Pipeline(model=model)


def _work(batch: list[ArticleInput]) -> list[dict[str, Any]]:
    assert _WORKER is not None
    return [r.to_dict() for r in _WORKER._code_batch(batch)]


def _parallel(items: Iterable[ArticleInput], *, processes: int, model: str | None,
              batch_size: int) -> Iterator[Result]:
    def batches() -> Iterator[list[ArticleInput]]:
        batch: list[ArticleInput] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    # Not pool.map: it submits the whole input at once, so a long stream would sit in memory.
    # A window of a few batches per worker keeps every worker busy and memory flat.
    window = 3 * processes
    with ProcessPoolExecutor(max_workers=processes, initializer=_init_worker,
                             initargs=(model,)) as pool:
        pending: deque[Future[list[dict[str, Any]]]] = deque()
        for batch in batches():
            pending.append(pool.submit(_work, batch))
            if len(pending) >= window:
                yield from (Result.from_dict(d) for d in pending.popleft().result())
        while pending:
            yield from (Result.from_dict(d) for d in pending.popleft().result())
