"""`wirecoder eval --baselines`: textacy's direct quotations scored with our matching rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.evaluate.baselines import (
    BaselineScore,
    _Found,
    _score,
    render_baselines_markdown,
    textacy_quotes,
)
from wirecoder.evaluate.gold import GoldArticle, GoldStatement

TEXT = ('"We will respond," Vladimir Putin said. The ministry said the talks had ended.')


def gold() -> GoldArticle:
    def statement(content: str, kind: str, speaker: str | None) -> GoldStatement:
        start = TEXT.index(content)
        return GoldStatement(speaker, speaker, "said", kind, content, start, start + len(content))

    return GoldArticle(Path("g.json"), "test", Path("a.txt"), TEXT, None, None, [],
                       [statement("We will respond", "direct", "Vladimir Putin"),
                        statement("the talks had ended", "indirect", None)], [], [])


def test_statements_baselines_score_per_kind() -> None:
    score = BaselineScore("x", None)
    start = TEXT.index("We will")
    _score(score, gold(), [_Found(start, start + 15, "direct", "Putin")])
    assert (score.found.tp, score.found.fp, score.found.fn) == (1, 0, 1)
    assert score.speaker.value == 1.0 and score.kind.value == 1.0
    assert score.per_kind["direct"].recall == 1.0
    assert score.per_kind["indirect"].recall == 0.0
    assert "| x |" in render_baselines_markdown([score])


def test_statements_baselines_textacy_finds_the_direct_quote(nlp) -> None:
    pytest.importorskip("textacy")
    found = textacy_quotes(nlp(TEXT))
    assert [(TEXT[f.start : f.end], f.kind) for f in found] == [("We will respond", "direct")]
