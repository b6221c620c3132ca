"""The benchmark helpers added for scale: synthetic corpus, streamed memory samples."""

from __future__ import annotations

import pytest

from wirecoder.errors import ConfigError
from wirecoder.evaluate.bench import (
    current_rss_mb,
    run_bench,
    stream_with_memory,
    synthetic_articles,
)


def test_bench_synthetic_articles_are_distinct_and_repeatable() -> None:
    first = list(synthetic_articles(300))
    assert first == list(synthetic_articles(300))
    assert len({a["text"] for a in first}) == 300
    words = [len(a["text"].split()) for a in first]
    assert 100 <= sum(words) / len(words) <= 170
    assert all(a["published"] and a["title"] for a in first)
    assert list(synthetic_articles(3, seed=2)) != first[:3]


def test_bench_memory_is_sampled_at_checkpoints_and_at_the_end() -> None:
    rss: dict[int, float] = {}
    assert list(stream_with_memory(range(25), rss, checkpoint=10)) == list(range(25))
    assert sorted(rss) == [10, 20, 25]
    assert all(value > 10 for value in rss.values())  # MB: at least the interpreter
    assert current_rss_mb() > 10


@pytest.mark.parametrize("kwargs", [{"corpus": "tweets"}, {"checkpoint": 0}])
def test_bench_rejects_impossible_options(kwargs) -> None:
    with pytest.raises(ConfigError, match=r"\[E401\]"):
        run_bench(n=5, **kwargs)
