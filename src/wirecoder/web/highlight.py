"""Evidence highlighting as data: text cut into segments that templates escape and wrap.

Nothing here produces HTML. An article becomes a list of segments, each a piece of text plus the
CSS classes and item references (`a-a1`, `s-s2`, `e-e3`, `p-1`) of the spans covering it; the
template wraps each piece in an escaped <span>. Snippets with FTS marks become (text, is_match)
pairs the same way.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from .queries import MARK

CONTEXT_CHARS = 240  # characters kept either side of an event trigger in listings
CONTEXT_CLASSES = {"ev-sentence"}


def article_spans(record: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, reference) for every piece of evidence in a Result record."""
    spans: list[tuple[int, int, str, str]] = []
    for a in record.get("actors", []):
        for m in a.get("mentions", []):
            spans.append((m["start"], m["end"], "hl-actor", f"a-{a['id']}"))
    for s in record.get("statements", []):
        ref = f"s-{s['id']}"
        spans.append((s["start"], s["end"], "hl-statement", ref))
        if s.get("speaker_start") is not None and s.get("speaker_end") is not None:
            spans.append((s["speaker_start"], s["speaker_end"], "hl-speaker", ref))
        if s.get("cue_start") is not None and s.get("cue_end") is not None:
            spans.append((s["cue_start"], s["cue_end"], "hl-cue", ref))
    for e in record.get("events", []):
        ref = f"e-{e['id']}"
        sentence = e.get("sentence") or {}
        if sentence.get("start") is not None and sentence.get("end") is not None:
            spans.append((sentence["start"], sentence["end"], "ev-sentence", ref))
        if e.get("trigger_start") is not None and e.get("trigger_end") is not None:
            spans.append((e["trigger_start"], e["trigger_end"], "hl-event", ref))
    for n, p in enumerate(record.get("places", []), start=1):
        for m in p.get("mentions", []):
            spans.append((m["start"], m["end"], "hl-place", f"p-{n}"))
    return spans


def segments(text: str, spans: list[tuple[int, int, str, str]]) -> list[dict[str, str]]:
    """The text cut at every span boundary; each piece lists the classes and refs covering it.

    `refs` are the items the piece is evidence of; `context` the events whose sentence it is in.

    Offsets outside the text or reversed are ignored, so a malformed record shows less evidence
    rather than breaking the page.
    """
    size = len(text)
    good = [(s, e, c, r) for s, e, c, r in spans
            if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= size]
    cuts = sorted({0, size, *(s for s, *_ in good), *(e for _, e, *_ in good)})
    classes: list[set[str]] = [set() for _ in cuts]
    refs: list[list[str]] = [[] for _ in cuts]
    context: list[list[str]] = [[] for _ in cuts]
    for start, end, css, ref in good:
        # An event's sentence is context around its trigger, not evidence in itself.
        target = context if css in CONTEXT_CLASSES else refs
        for i in range(bisect_left(cuts, start), bisect_left(cuts, end)):
            classes[i].add(css)
            if ref not in target[i]:
                target[i].append(ref)
    out = []
    for i in range(len(cuts) - 1):
        piece = text[cuts[i]:cuts[i + 1]]
        if piece:
            out.append({"text": piece, "classes": " ".join(sorted(classes[i])),
                        "refs": " ".join(refs[i]), "context": " ".join(context[i])})
    return out


def marked(snippet: str | None) -> list[tuple[str, bool]]:
    """An FTS snippet with MARK delimiters as (text, is_match) pieces."""
    if not snippet:
        return []
    out: list[tuple[str, bool]] = []
    inside = False
    for part in snippet.replace(MARK[1], MARK[0]).split(MARK[0]):
        if part:
            out.append((part, inside))
        inside = not inside
    return out


def evidence(event: dict[str, Any]) -> dict[str, str] | None:
    """The event's sentence split around its trigger, trimmed to CONTEXT_CHARS either side."""
    sentence = event.get("sentence")
    if not sentence:
        return None
    s0, t0, t1 = event.get("sentence_start"), event.get("trigger_start"), event.get("trigger_end")
    if None in (s0, t0, t1) or not 0 <= t0 - s0 <= t1 - s0 <= len(sentence):
        return {"before": trim_left(sentence), "trigger": "", "after": ""}
    i, j = t0 - s0, t1 - s0
    return {"before": trim_left(sentence[:i]), "trigger": sentence[i:j],
            "after": trim_right(sentence[j:])}


def trim_left(text: str) -> str:
    return text if len(text) <= CONTEXT_CHARS else "…" + text[-CONTEXT_CHARS:]


def trim_right(text: str) -> str:
    return text if len(text) <= CONTEXT_CHARS else text[:CONTEXT_CHARS] + "…"
