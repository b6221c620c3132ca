"""Sentence-level event benchmarks from peer projects, read in place from `shared/benchmarks/`.

The files are never copied into the repository; a missing folder skips the benchmark with a note.

- `plover-gsr-cameo/plover_gsr_cameo.jsonl`: PLOVER's gold-standard records (one coded event per
  sentence, actors with ISO3 codes).
- `petrarch2-gsr-validation/petr2_gsr_validation.jsonl`: PETRARCH-2 validation sentences with CAMEO
  dyads, mapped to PLOVER through `plover-gsr-cameo/CAMEO2PLOVER-2021.txt`; its `noevents` records
  are negatives. Codes the table cannot map (CAMEO 01/02: statements and appeals) leave a sentence
  with no scorable event: such sentences are counted as `unmapped` and not scored.

Figures per benchmark (each sentence is run through the pipeline on its own):

- **recall**: share of sentences with a gold event where the system codes at least one event;
- **type accuracy (any)**: on those sentences, share where some system event has a gold type;
  **type accuracy (first)**: share where the first system event has a gold type;
- **actor-country accuracy**: on those sentences, the system event compared is the first one with a
  gold type (else the first); right when its set of actor countries equals the set of the gold
  source countries (for events of that type, else of all gold events). Sentences whose gold actors
  have no known country are left out;
- **false-positive rate** (negatives only): share of no-event sentences where the system codes one.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..model import Result
from .score import Ratio

log = logging.getLogger(__name__)

BENCHMARKS_ENV = "WIRECODER_BENCHMARKS"
PLOVER_FILE = Path("plover-gsr-cameo") / "plover_gsr_cameo.jsonl"
CAMEO_TABLE = Path("plover-gsr-cameo") / "CAMEO2PLOVER-2021.txt"
PETRARCH_FILE = Path("petrarch2-gsr-validation") / "petr2_gsr_validation.jsonl"

# Codes of the CAMEO era that differ from ISO 3166 alpha-3, as they occur in the PLOVER records.
_CAMEO_COUNTRY = {"JAP": "JPN", "ITL": "ITA"}
# PLOVER's non-state codes that CAMEO nests under IGO (e.g. IGOEUREEC, IGOUNOMIL).
_IGO_PARTS = ("EUR", "UNO")
_TABLE_LINE = re.compile(r"^(\d{2,4})\s*:\s*([A-Z]+)\s*(?:,(.*))?$")


@dataclass
class BenchEvent:
    event: str
    countries: frozenset[str]  # actor (source) countries, unknown ones dropped


@dataclass
class BenchSentence:
    id: str
    text: str
    published: str | None
    events: list[BenchEvent]
    negative: bool = False  # the record expects no event

    @property
    def types(self) -> set[str]:
        return {e.event for e in self.events}


@dataclass
class BenchmarkScore:
    name: str
    sentences: int = 0
    recall: Ratio = field(default_factory=Ratio)
    type_any: Ratio = field(default_factory=Ratio)
    type_first: Ratio = field(default_factory=Ratio)
    actor_country: Ratio = field(default_factory=Ratio)
    false_positive: Ratio = field(default_factory=Ratio)
    unmapped: int = 0  # sentences left unscored because no gold code maps to PLOVER
    not_coded: int = 0  # sentences the pipeline returned as not coded (scored as no event)
    per_type: dict[str, Ratio] = field(default_factory=dict)  # recall by gold type

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sentences": self.sentences,
            "recall": self.recall.to_dict(),
            "type_accuracy_any": self.type_any.to_dict(),
            "type_accuracy_first": self.type_first.to_dict(),
            "actor_country_accuracy": self.actor_country.to_dict(),
            "false_positive_rate": self.false_positive.to_dict(),
            "unmapped": self.unmapped,
            "not_coded": self.not_coded,
            "recall_per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
        }


# --------------------------------------------------------------------------- locating


def find_benchmarks_dir(start: Path | None = None) -> Path | None:
    """`WIRECODER_BENCHMARKS`, else `shared/benchmarks` (or `../shared/benchmarks`) found by
    walking up from cwd and from this package."""
    env = os.environ.get(BENCHMARKS_ENV)
    if env:
        return Path(env) if Path(env).is_dir() else None
    for origin in (start or Path.cwd(), Path(__file__).resolve().parent):
        for folder in [origin, *origin.parents]:
            for candidate in (
                folder / "shared" / "benchmarks",
                folder.parent / "shared" / "benchmarks",
            ):
                if candidate.is_dir():
                    return candidate
    return None


# --------------------------------------------------------------------------- reading


def _iso_date(value: Any) -> str | None:
    """ISO or YYYYMMDD dates; anything else (e.g. a garbled "121108") is None."""
    if not value:
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def country_of(code: str | None) -> str | None:
    """The country part of a CAMEO/PLOVER actor code: `IRQGOVMIL` → IRQ, `---REB` → None."""
    if not code or len(code) < 3 or code.startswith("---"):
        return None
    head = code[:3].upper()
    if head == "IGO" and code[3:6].upper() in _IGO_PARTS:
        return code[3:6].upper()
    return _CAMEO_COUNTRY.get(head, head)


def _jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataFileError(
                    f"{path.name} line {number}: invalid JSON ({exc.msg})", code="E115"
                ) from exc


def read_plover_gsr(path: Path) -> list[BenchSentence]:
    """The PLOVER gold-standard records: one sentence, one gold event."""
    out = []
    for number, record in _jsonl(path):
        if not record.get("text") or not record.get("event"):
            log.debug("%s line %d: no text or event; skipped", path.name, number)
            continue
        countries = frozenset(
            c for a in record.get("actor") or [] if (c := country_of(a.get("code")))
        )
        out.append(
            BenchSentence(
                id=str(record.get("id", number)),
                text=record["text"],
                published=_iso_date(record.get("date")),
                events=[BenchEvent(event=record["event"], countries=countries)],
            )
        )
    return out


def load_cameo_table(path: Path) -> dict[str, str]:
    """CAMEO code → PLOVER event type, from `CODE: TYPE, mode, context # note` lines."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        match = _TABLE_LINE.match(body)
        if not match:
            continue
        code, event = match.group(1), match.group(2)
        # The table lists root "08" twice (CONCEDE, RETREAT); the first stays, since root codes
        # only serve as a fallback for sub-codes the table does not list.
        table.setdefault(code, event)
    if not table:
        raise DataFileError(f"{path.name}: no `CODE: TYPE` lines found", code="E115")
    return table


def cameo_to_plover(code: str | None, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code, falling back to ever shorter prefixes (`0841` → `084`)."""
    if not code:
        return None
    code = code.strip()
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None


def read_petrarch_validation(path: Path, table: dict[str, str]) -> tuple[list[BenchSentence], int]:
    """PETRARCH-2 validation sentences mapped to PLOVER, and the number left unmapped."""
    out, unmapped = [], 0
    for number, record in _jsonl(path):
        expected = record.get("expected_events") or []
        negative = any(str(e.get("noevents", "")).lower() == "true" for e in expected)
        events = []
        for item in expected:
            event = cameo_to_plover(item.get("code"), table)
            if event is not None:
                events.append(
                    BenchEvent(
                        event=event,
                        countries=frozenset({c} if (c := country_of(item.get("source"))) else ()),
                    )
                )
        if not negative and not events:
            unmapped += 1
            continue
        # One event per type, its countries the union over the dyads (compound and
        # reciprocal actors are split into dyads in CAMEO, listed together in PLOVER).
        merged: dict[str, set[str]] = {}
        for e in events:
            merged.setdefault(e.event, set()).update(e.countries)
        out.append(
            BenchSentence(
                id=str(record.get("id", number)),
                text=record.get("text", ""),
                published=_iso_date(record.get("date")),
                negative=negative and not events,
                events=[BenchEvent(event=k, countries=frozenset(v)) for k, v in merged.items()],
            )
        )
    return out, unmapped


# --------------------------------------------------------------------------- scoring


def score_sentences(
    name: str,
    sentences: list[BenchSentence],
    results: list[Result | dict[str, Any]],
    *,
    unmapped: int = 0,
) -> BenchmarkScore:
    """Score each sentence's Result (same order as `sentences`)."""
    if len(sentences) != len(results):
        raise ValueError(f"{len(sentences)} sentences but {len(results)} results")
    score = BenchmarkScore(name=name, sentences=len(sentences), unmapped=unmapped)
    for sentence, result in zip(sentences, results, strict=True):
        data = result.to_dict() if isinstance(result, Result) else result
        events = data.get("events", [])
        score.not_coded += data.get("status") == "not_coded"
        if sentence.negative:
            score.false_positive.add(bool(events))
            continue
        found = bool(events)
        score.recall.add(found)
        for kind in sentence.types:
            score.per_type.setdefault(kind, Ratio()).add(found)
        if not found:
            continue
        types = sentence.types
        score.type_any.add(any(e.get("event") in types for e in events))
        score.type_first.add(events[0].get("event") in types)
        chosen = next((e for e in events if e.get("event") in types), events[0])
        gold = [e for e in sentence.events if e.event == chosen.get("event")] or sentence.events
        want = frozenset().union(*(e.countries for e in gold))
        if want:
            countries = {a["id"]: a.get("country") for a in data.get("actors", [])}
            got = {countries.get(i) for i in chosen.get("actor", [])} - {None}
            score.actor_country.add(got == want)
    return score


def load_benchmarks(
    root: Path | None = None, *, limit: int | None = None
) -> tuple[list[tuple[str, list[BenchSentence], int]], list[str]]:
    """The benchmark sets found under `root` (default: located), and notes on what was skipped."""
    root = root or find_benchmarks_dir()
    if root is None:
        return [], [
            "benchmarks skipped: no shared/benchmarks folder found "
            f"(set {BENCHMARKS_ENV} to point at one)"
        ]
    sets: list[tuple[str, list[BenchSentence], int]] = []
    notes: list[str] = []
    plover = root / PLOVER_FILE
    if plover.is_file():
        sets.append(("PLOVER GSR (CAMEO examples)", read_plover_gsr(plover)[:limit], 0))
    else:
        notes.append(f"PLOVER GSR skipped: {plover} not found")
    petrarch, table = root / PETRARCH_FILE, root / CAMEO_TABLE
    if petrarch.is_file() and table.is_file():
        sentences, unmapped = read_petrarch_validation(petrarch, load_cameo_table(table))
        sets.append(("PETRARCH-2 validation (CAMEO→PLOVER)", sentences[:limit], unmapped))
    else:
        missing = petrarch if not petrarch.is_file() else table
        notes.append(f"PETRARCH-2 validation skipped: {missing} not found")
    return sets, notes


def run_benchmarks(
    pipeline: Any, root: Path | None = None, *, limit: int | None = None
) -> tuple[list[BenchmarkScore], list[str]]:
    """Run `pipeline` (a wirecoder Pipeline) over every benchmark found; never raises for a
    missing folder."""
    sets, notes = load_benchmarks(root, limit=limit)
    scores = []
    for name, sentences, unmapped in sets:
        log.info("benchmark %s: %d sentences", name, len(sentences))
        records = [{"text": s.text, "published": s.published, "id": s.id} for s in sentences]
        results = list(pipeline.extract_many(records))
        if len(results) != len(sentences):
            # A quarantined record would shift the order: pair results by article id instead.
            by_id = {r.article.id: r for r in results}
            results = [by_id.get(s.id) or {"events": [], "actors": []} for s in sentences]
        score = score_sentences(name, sentences, results, unmapped=unmapped)
        if score.not_coded:
            notes.append(f"{name}: {score.not_coded} of {score.sentences} sentences not coded")
        scores.append(score)
    for note in notes:
        log.info("%s", note)
    return scores, notes
