"""Throughput benchmark: sample loading (fast) and one smoke run with the real model (slow)."""

from __future__ import annotations

import pytest

from wirecoder.errors import ConfigError
from wirecoder.evaluate import run_bench, run_eval
from wirecoder.evaluate.bench import load_samples


def test_bench_samples_read_front_matter(repo, sample):
    records = load_samples(repo / "examples" / "articles")
    assert records == [
        {"text": sample["body"], "title": "Putin warns foreign troops", "published": "2025-09-06"}
    ]


def test_bench_without_samples_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="no sample articles"):
        load_samples(tmp_path)


@pytest.mark.parametrize(("n", "processes"), [(0, 1), (5, 0)])
def test_bench_rejects_impossible_options(n, processes):
    with pytest.raises(ConfigError, match="at least 1"):
        run_bench(n=n, processes=processes)


@pytest.mark.slow
def test_bench_and_eval_smoke(repo):
    report = run_bench(n=4, articles_dir=repo / "examples" / "articles")
    assert report.docs == 4
    assert report.samples == 1
    assert report.raw_seconds > 0
    assert report.full_seconds > 0
    assert report.peak_rss_mb > 10
    assert report.ratio is not None
    evaluation = run_eval("test", repo / "gold", benchmarks=False)
    assert evaluation.scores.articles == 1
    assert evaluation.model
