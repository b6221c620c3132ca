"""Article -> Result. (Skeleton: the extractors are being wired in.)"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from .model import Article, Result
from .nlp import load_nlp


def normalise_text(text: str) -> str:
    """The text an article's identity is computed from: NFC, whitespace collapsed, casefolded."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def article_id(text: str) -> str:
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


class Pipeline:
    def __init__(self, *, model: str | None = None) -> None:
        self.nlp = load_nlp(model)

    def extract(self, text: str, *, published: str | None = None, title: str | None = None,
                url: str | None = None, source: str | None = None,
                article_id: str | None = None) -> Result:
        art = Article(id=article_id or globals()["article_id"](text), title=title, text=text,
                      published=published, url=url, source=source)
        return Result(article=art)

    def extract_many(self, records: Iterable[dict[str, Any]], *, processes: int = 1
                     ) -> Iterator[Result]:
        for r in records:
            yield self.extract(r["text"], published=r.get("published"), title=r.get("title"),
                               url=r.get("url"), source=r.get("source"), article_id=r.get("id"))
