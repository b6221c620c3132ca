"""Near-duplicate articles: MinHash/LSH (datasketch) within a time window, into story clusters.

Exact copies are caught earlier (`dedupe.ExactDeduper`). This layer finds the same story told
by several outlets — wire copy lightly edited, or rewritten around the same facts and quotes —
and groups it into a *story cluster*. Nothing is dropped: every article stays, coded, and its
cluster says which other reports tell the same story (`store.clusters` then collapses their
events).

How an article is compared: its *features* are the casefolded content words (stop words
removed) and the pairs of adjacent content words, so shared names, numbers and quotes count and
shared grammar does not. Clustering is leader-based: articles arrive (oldest first when
clustering a corpus); each joins the most similar existing cluster *seed* — similarity at least
`threshold`, published within `window_days` of the seed — or becomes the seed of a new cluster.
Comparing with seeds only stops chaining: a week of developing coverage does not melt into one
cluster because each day resembles the next. Articles without a date match only seeds without a
date. Seeds older than the window (relative to the newest date seen) are evicted, so memory stays
flat on an endless stream.

    clusterer = StoryClusterer(threshold=0.2, window_days=3)
    for art in articles:                  # oldest first
        a = clusterer.add(art["id"], art["text"], art["published"])
        a.story_id, a.similarity          # the seed's article id; 1.0 for a seed itself
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from ..errors import ConfigError

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
DEFAULT_THRESHOLD = 0.2
DEFAULT_WINDOW_DAYS = 3
DEFAULT_NUM_PERM = 128
SCHEME = "affine32"  # named, so a datasketch default change cannot silently reshuffle clusters
# LSH only proposes candidates; each is then checked against `threshold` on the signatures.
# Bands of two rows: a pair at Jaccard 0.2 is proposed 93% of the time, at 0.3 99.7%, and an
# unrelated pair (about 0.05) 15% — a missed pair is a story split in two, a false candidate
# only costs one signature comparison.
LSH_ROWS = 2


@cache
def _stop_words() -> frozenset[str]:
    # spaCy's English stop list: a plain set that loads no model (imported late: importing
    # spaCy takes a second, and the store imports this module).
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def story_features(text: str) -> set[str]:
    """Content-word unigrams and adjacent content-word pairs, casefolded."""
    stop = _stop_words()
    words = [w for w in _TOKEN.findall(text.casefold()) if w not in stop and len(w) > 1]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def day_number(published: str | None) -> int | None:
    """The date's ordinal day number, or None for a missing or unreadable date."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


@dataclass(frozen=True)
class Assignment:
    """Where one article went: the story it belongs to and how close it is to that story's seed."""

    article_id: str
    story_id: str  # the seed article's id
    similarity: float  # estimated Jaccard with the seed; 1.0 for the seed itself

    @property
    def is_seed(self) -> bool:
        return self.article_id == self.story_id


class StoryClusterer:
    """Leader clustering of articles over MinHash signatures (see the module docstring).

    threshold (float): least estimated Jaccard similarity with a seed to join its story.
    window_days (int): most days between an article's and a seed's publication dates.
    num_perm (int): MinHash permutations; more is more precise and slower.
    """

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD,
                 window_days: int = DEFAULT_WINDOW_DAYS, num_perm: int = DEFAULT_NUM_PERM) -> None:
        from datasketch import MinHashLSH

        if not 0.0 < threshold <= 1.0 or window_days < 0 or num_perm < 16:
            raise ConfigError(f"threshold={threshold} must be in (0, 1], window_days="
                              f"{window_days} at least 0 and num_perm={num_perm} at least 16",
                              code="E401")
        self.threshold = threshold
        self.window_days = window_days
        self.num_perm = num_perm
        self._lsh = MinHashLSH(num_perm=num_perm, params=(num_perm // LSH_ROWS, LSH_ROWS))
        self._seeds: dict[str, tuple[Any, int | None]] = {}  # id -> (signature, day)
        self._by_day: list[tuple[int, str]] = []  # heap of dated seeds, for eviction
        self._newest: int | None = None

    def __len__(self) -> int:
        return len(self._seeds)

    def signature(self, text: str) -> Any:
        from datasketch import MinHash

        sig = MinHash(num_perm=self.num_perm, scheme=SCHEME)
        features = story_features(text)
        if features:
            sig.update_batch([f.encode("utf-8") for f in features])
        return sig

    def add_seed(self, story_id: str, text: str, published: str | None) -> None:
        """Make a known story's seed matchable (e.g. seeds already in the store)."""
        if story_id not in self._seeds:
            self._insert(story_id, self.signature(text), day_number(published))

    def _insert(self, story_id: str, sig: Any, day: int | None) -> None:
        self._lsh.insert(story_id, sig)
        self._seeds[story_id] = (sig, day)
        if day is not None:
            heapq.heappush(self._by_day, (day, story_id))

    def match(self, text: str, published: str | None) -> tuple[str, float] | None:
        """The best seed for an article, with its similarity, or None."""
        return self._match(self.signature(text), day_number(published))

    def _match(self, sig: Any, day: int | None) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for seed_id in self._lsh.query(sig):
            seed_sig, seed_day = self._seeds[seed_id]
            if (day is None) != (seed_day is None):
                continue
            if day is not None and seed_day is not None and abs(day - seed_day) > self.window_days:
                continue
            similarity = float(sig.jaccard(seed_sig))
            if similarity < self.threshold:
                continue
            if best is None or similarity > best[1] or (similarity == best[1]
                                                         and seed_id < best[0]):
                best = (seed_id, similarity)
        return best

    def add(self, article_id: str, text: str, published: str | None) -> Assignment:
        """Assign an article to the best story, or start a new one with it as the seed."""
        sig = self.signature(text)
        day = day_number(published)
        found = self._match(sig, day)
        if day is not None:
            self._newest = day if self._newest is None else max(self._newest, day)
        if found is not None and found[0] != article_id:
            assignment = Assignment(article_id, found[0], round(found[1], 4))
        else:
            if article_id not in self._seeds:
                self._insert(article_id, sig, day)
            assignment = Assignment(article_id, article_id, 1.0)
        self._evict()
        return assignment

    def _evict(self) -> None:
        # Twice the window, so articles arriving a little out of order still find their seed.
        if self._newest is None:
            return
        horizon = self._newest - 2 * self.window_days
        while self._by_day and self._by_day[0][0] < horizon:
            _, seed_id = heapq.heappop(self._by_day)
            if seed_id in self._seeds:
                self._lsh.remove(seed_id)
                del self._seeds[seed_id]


def cluster_articles(articles: Iterable[Mapping[str, Any]], *,
                     threshold: float = DEFAULT_THRESHOLD,
                     window_days: int = DEFAULT_WINDOW_DAYS,
                     num_perm: int = DEFAULT_NUM_PERM) -> list[Assignment]:
    """Cluster a corpus of dicts with `id`, `text` and `published`, oldest first (undated
    last, ties by id), so the result does not depend on input order."""
    ordered = sorted(articles, key=lambda a: (a.get("published") is None,
                                              a.get("published") or "", a["id"]))
    clusterer = StoryClusterer(threshold=threshold, window_days=window_days, num_perm=num_perm)
    return [clusterer.add(a["id"], a["text"], a.get("published")) for a in ordered]
