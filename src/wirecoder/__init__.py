"""wirecoder: who said what, and who did what to whom, where and when — from news text.

    >>> import wirecoder
    >>> result = wirecoder.extract("Kremlin spokesman Dmitry Peskov told reporters ...",
    ...                            published="2025-09-06")
    >>> result.to_json()
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .errors import (
    ConfigError,
    DataFileError,
    InputError,
    ModelError,
    QueryError,
    StoreError,
    WirecoderError,
)
from .model import Actor, Article, Event, Mention, Place, Result, Statement
from .version import __version__

_PIPELINES: dict[str | None, Any] = {}


def get_pipeline(model: str | None = None) -> Any:
    """The shared Pipeline for a model, built on first use (the spaCy model loads once)."""
    if model not in _PIPELINES:
        from .pipeline import Pipeline

        _PIPELINES[model] = Pipeline(model=model)
    return _PIPELINES[model]


def extract(text: str, *, published: str | None = None, title: str | None = None,
            url: str | None = None, model: str | None = None) -> Result:
    """Code one news article.

    **Parameters:**
    - text: the article body (offsets in the result index into it).
    - published: publication date `YYYY-MM-DD`; relative dates ("on Friday") resolve against it.
    - title, url: stored with the article.
    - model: a spaCy pipeline name or path (default: `en_core_web_sm`).
    """
    return get_pipeline(model).extract(text, published=published, title=title, url=url)


def extract_many(records: Iterable[dict[str, Any]], *, processes: int = 1,
                 model: str | None = None) -> Iterator[Result]:
    """Code many articles (dicts with `text` and optional `id, title, published, url, source`),
    yielding results in input order; the model is loaded once (once per worker process)."""
    return get_pipeline(model).extract_many(records, processes=processes)


__all__ = [
    "Actor",
    "Article",
    "ConfigError",
    "DataFileError",
    "Event",
    "InputError",
    "Mention",
    "ModelError",
    "Place",
    "QueryError",
    "Result",
    "Statement",
    "StoreError",
    "WirecoderError",
    "__version__",
    "extract",
    "extract_many",
    "get_pipeline",
]
