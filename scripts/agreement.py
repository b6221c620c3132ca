"""Inter-annotator agreement on events: a second, blind annotation (`gold/agreement/`) against the
gold (`gold/dev`, `gold/test`), with the system scored against both on the same articles.

    python scripts/agreement.py            # table per split
    python scripts/agreement.py --json     # the same as JSON

Events match as in `wirecoder eval`: one-to-one, same PLOVER type and overlapping sentences,
pairs whose triggers overlap first. Annotator A (the gold) is the reference for precision and
recall; F1 is symmetric, so "A vs B" F1 is the agreement figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecoder.evaluate.gold import read_article  # noqa: E402

Span = tuple[int, int]


def _spans(text: str, event: dict[str, Any]) -> tuple[Span, Span]:
    """(sentence, trigger) character spans of an annotated event."""
    start = text.index(event["sentence"])
    sentence = (start, start + len(event["sentence"]))
    at = text.find(event["trigger"], start)
    trigger = (at, at + len(event["trigger"])) if at >= 0 else sentence
    return sentence, trigger


def _overlap(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def match(ref: list[tuple[str, str, Span, Span]], other: list[tuple[str, str, Span, Span]]
          ) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (index in ref, index in other): same type, overlapping sentences;
    pairs whose triggers overlap are taken first."""
    candidates = []
    for i, (kind, _, sent, trig) in enumerate(ref):
        for j, (kind2, _, sent2, trig2) in enumerate(other):
            if kind == kind2 and _overlap(sent, sent2):
                candidates.append((not _overlap(trig, trig2), i, j))
    pairs, used_i, used_j = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_i and j not in used_j:
            pairs.append((i, j))
            used_i.add(i)
            used_j.add(j)
    return pairs


def _annotated(text: str, events: list[dict[str, Any]]) -> list[tuple[str, str, Span, Span]]:
    return [(e["event"], e["modality"], *_spans(text, e)) for e in events]


def _system(result: dict[str, Any]) -> list[tuple[str, str, Span, Span]]:
    return [(e["event"], e["modality"], (e["sentence"]["start"], e["sentence"]["end"]),
             (e["trigger_start"], e["trigger_end"])) for e in result["events"]]


class Tally:
    def __init__(self) -> None:
        self.tp = self.ref = self.other = self.modality = 0

    def add(self, ref: list, other: list) -> None:
        pairs = match(ref, other)
        self.tp += len(pairs)
        self.ref += len(ref)
        self.other += len(other)
        self.modality += sum(ref[i][1] == other[j][1] for i, j in pairs)

    def as_dict(self) -> dict[str, Any]:
        p = self.tp / self.other if self.other else None
        r = self.tp / self.ref if self.ref else None
        f1 = 2 * self.tp / (self.ref + self.other) if self.ref + self.other else None
        return {"matched": self.tp, "reference": self.ref, "other": self.other,
                "precision": p, "recall": r, "f1": f1,
                "modality_agreement": self.modality / self.tp if self.tp else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-system", action="store_true", help="skip running the pipeline")
    args = parser.parse_args()
    second = sorted((ROOT / "gold" / "agreement").glob("*.json"))
    pipeline = None
    if not args.no_system:
        from wirecoder.pipeline import Pipeline
        pipeline = Pipeline()
    tallies: dict[str, dict[str, Tally]] = {}
    for path in second:
        b = json.loads(path.read_text(encoding="utf-8"))
        slug = path.stem
        split = next((s for s in ("dev", "test") if (ROOT / "gold" / s / f"{slug}.json").exists()),
                     None)
        if split is None:
            continue
        a = json.loads((ROOT / "gold" / split / f"{slug}.json").read_text(encoding="utf-8"))
        text, _, _ = read_article(ROOT / a["article"])
        ref, other = _annotated(text, a["events"]), _annotated(text, b["events"])
        rows = tallies.setdefault(split, {k: Tally() for k in ("A vs B", "system vs A",
                                                               "system vs B")})
        rows["A vs B"].add(ref, other)
        if pipeline is not None:
            result = pipeline.extract(text, published=a["published"]).to_dict()
            rows["system vs A"].add(ref, _system(result))
            rows["system vs B"].add(other, _system(result))
    out = {split: {k: t.as_dict() for k, t in rows.items() if t.ref or t.other}
           for split, rows in tallies.items()}
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    for split, rows in out.items():
        n = sum(1 for p in second if (ROOT / "gold" / split / p.name).exists())
        print(f"{split} ({n} articles)")
        for name, d in rows.items():
            f1 = d["f1"]
            print(f"  {name:12} events {d['reference']:>3} / {d['other']:>3}  matched {d['matched']:>3}"
                  f"  F1 {f1:.3f}  modality agreement {d['modality_agreement'] or 0:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
