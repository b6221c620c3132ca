"""Baselines for `wirecoder eval --baselines`: other tools scored on the same gold, beside ours.

The one baseline so far is textacy's `extract.triples.direct_quotations` (textacy is a dev
dependency, imported only here): rule-based, direct quotations only, on the same spaCy parse our
pipeline uses. Its statements are scored with our matching rule (content overlap, see
`score.py`); its speaker is the text of its speaker tokens, right when its last word is the last
word of the gold speaker's name. Every statement it finds is direct. Our own figures are
recomputed here per statement kind (direct, indirect, mixed), which `wirecoder eval` does not
split.

    rows = run_baselines(split="test")
    print(render_baselines_markdown(rows))
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .gold import GoldArticle, find_gold_dir, load_gold
from .score import PRF, Ratio, same_name, span_match

log = logging.getLogger(__name__)

KINDS = ("direct", "indirect", "mixed")


@dataclass
class BaselineScore:
    """One system's statement figures on a gold split."""

    name: str
    version: str | None
    found: PRF = field(default_factory=PRF)
    speaker: Ratio = field(default_factory=Ratio)
    kind: Ratio = field(default_factory=Ratio)
    per_kind: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in KINDS})
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "found": self.found.to_dict(),
            "speaker_accuracy": self.speaker.to_dict(),
            "kind_accuracy": self.kind.to_dict(),
            "per_kind": {k: v.to_dict() for k, v in self.per_kind.items()},
            "notes": self.notes,
        }


@dataclass
class _Found:
    """A statement some system found: content span, kind and the speaker's name or text."""

    start: int
    end: int
    kind: str
    speaker: str | None


def _score(score: BaselineScore, gold: GoldArticle, found: list[_Found]) -> None:
    """Add one article's matches (one-to-one, best overlap first) to `score`."""
    candidates = []
    for g, gs in enumerate(gold.statements):
        for s, fs in enumerate(found):
            iou = span_match((gs.start, gs.end), (fs.start, fs.end))
            if iou is not None:
                candidates.append((-iou, g, s))
    used_g: set[int] = set()
    used_s: set[int] = set()
    for _, g, s in sorted(candidates):
        if g in used_g or s in used_s:
            continue
        used_g.add(g)
        used_s.add(s)
        gs, fs = gold.statements[g], found[s]
        score.per_kind.setdefault(gs.kind, PRF()).tp += 1
        if gs.speaker is None or fs.speaker is None:
            ok = gs.speaker is None and fs.speaker is None
        else:
            actor = gold.actor(gs.speaker)
            ok = same_name(gs.speaker, fs.speaker, last_name=actor is None or actor.kind == "person")
        score.speaker.add(ok)
        score.kind.add(fs.kind == gs.kind)
    score.found.tp += len(used_g)
    score.found.fn += len(gold.statements) - len(used_g)
    score.found.fp += len(found) - len(used_s)
    for g, gs in enumerate(gold.statements):
        if g not in used_g:
            score.per_kind.setdefault(gs.kind, PRF()).fn += 1
    for s, fs in enumerate(found):
        if s not in used_s:
            score.per_kind.setdefault(fs.kind, PRF()).fp += 1


def _ours(result: dict[str, Any]) -> list[_Found]:
    names = {a["id"]: a["name"] for a in result.get("actors", [])}
    return [_Found(s["start"], s["end"], s["kind"], names.get(s.get("speaker") or ""))
            for s in result.get("statements", [])]


_QUOTES = "\"'“”‘’„«»"


def textacy_quotes(doc: Any) -> list[_Found]:
    """textacy's direct quotations in a parsed Doc, as content spans without the marks.
    textacy refuses documents with an odd number of quote marks (ValueError): none found."""
    from textacy.extract.triples import direct_quotations

    out = []
    for triple in direct_quotations(doc):
        content = triple.content
        start, end = content.start_char, content.end_char
        text = doc.text
        while start < end and (text[start] in _QUOTES or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in _QUOTES or text[end - 1] in " ,\n"):
            end -= 1
        speaker = " ".join(t.text for t in triple.speaker) or None
        out.append(_Found(start, end, "direct", speaker))
    return out


def run_baselines(
    split: str = "test",
    gold_dir: str | Path | None = None,
    model: str | None = None,
    *,
    pipeline: Any = None,
) -> list[BaselineScore]:
    """Score our statements per kind and textacy's direct quotations on a gold split."""
    root = Path(gold_dir) if gold_dir is not None else find_gold_dir()
    if root is None:
        raise ConfigError("no gold/ folder found: run from the repository or pass --gold",
                          code="E403")
    gold = load_gold(split, root)
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline(model=model)
    from ..version import __version__

    ours = BaselineScore("wirecoder", __version__)
    try:
        import textacy
    except ImportError:
        textacy = None
    theirs = BaselineScore("textacy direct_quotations",
                           getattr(textacy, "__version__", None) if textacy else None)
    if textacy is None:
        theirs.notes.append("textacy is not installed (pip install textacy): not scored")
    for item in gold:
        result = pipeline.extract(item.text, published=item.published, title=item.title)
        _score(ours, item, _ours(result.to_dict()))
        if textacy is None:
            continue
        doc = pipeline.nlp(item.text)
        try:
            found = textacy_quotes(doc)
        except ValueError as exc:  # textacy bails out on an odd number of quote marks
            theirs.notes.append(f"{item.name}: textacy refused the document ({exc})")
            found = []
        _score(theirs, item, found)
    return [ours, theirs]


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


HEADER = ("System", "Statements P", "R", "F1", "Speaker acc.", "Kind acc.",
          "Direct R", "Indirect R", "Mixed R")


def baseline_rows(rows: list[BaselineScore]) -> list[tuple[str, ...]]:
    out = []
    for r in rows:
        name = f"{r.name} {r.version}" if r.version else r.name
        out.append((name, _pct(r.found.precision), _pct(r.found.recall), _pct(r.found.f1),
                    _pct(r.speaker.value),
                    _pct(r.kind.value),
                    *(_pct(r.per_kind[k].recall) for k in KINDS)))
    return out


def render_baselines_markdown(rows: list[BaselineScore]) -> str:
    lines = ["## Statements beside other tools", "",
             "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cells) + " |" for cells in baseline_rows(rows)]
    notes = [n for r in rows for n in r.notes]
    if notes:
        lines += [""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"
