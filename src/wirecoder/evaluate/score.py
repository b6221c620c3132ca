"""Score one article's Result against its gold annotation, and add scores up over articles.

Matching rules (docs/evaluation.md states the same):

- **Statements** match one-to-one, greedily, best overlap first. A system statement matches a gold
  statement when their content spans overlap and either overlap / union >= 0.5 or the overlap covers
  >= 0.8 of the shorter span (so a quote that drops or adds a trailing clause still counts). The
  speaker is right when both are null, or the names are equal ignoring case (and a leading "the"),
  or — when the gold speaker is a person — their last name tokens are equal. Kind must be equal.
- **Events** match one-to-one, greedily, when the PLOVER type is equal and the sentence spans
  overlap; pairs whose triggers also agree are taken first, then the larger sentence overlap.
  Unmatched system events are false positives; the *extra-event rate* is their number divided by
  the number of gold events. On matched events: mode, modality (all, and on gold events that are
  not asserted), actor countries (the sets of non-null countries are equal; on gold events with
  actors), date (on gold events with a date) and place (on gold events with a place). The place
  headline is **country-level**: right when the system's place has the gold place's country (a
  gold place with no country — a sea, a disputed site — needs the name). The stricter name-level
  figure is kept beside it: the names are equal ignoring case, or the countries are equal and one
  name is a prefix of the other.
- **Statement places** on matched statements: on those whose gold place is given, the system's
  place names it (equal ignoring case, or one name a word-prefix of the other); on those whose
  gold place is null, the system's is null too (a dateline alone does not place a statement).
- **Actors**: a gold actor matches a system actor by name (ignoring case), or for persons by last
  name token; exact names are paired first. Recall is matched / gold actors; country and sector are
  compared on matched actors (null equals null).
- **Places**: precision/recall of the distinct place names, ignoring case.

Counts are summed over articles before any ratio is taken (micro-averages).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from ..model import Result
from .gold import GoldArticle, GoldEvent

MATCH_IOU = 0.5
MATCH_COVER = 0.8
_EXCERPT = 80


# --------------------------------------------------------------------------- counters


class _Summable:
    """Field-wise addition, so article scores sum into corpus scores."""

    def __add__(self, other: Any) -> Any:
        values: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, dict):
                merged = dict(mine)
                for key, value in theirs.items():
                    merged[key] = merged[key] + value if key in merged else value
                values[f.name] = merged
            else:
                values[f.name] = mine + theirs
        return type(self)(**values)


def _div(a: float, b: float) -> float | None:
    return a / b if b else None


@dataclass
class PRF(_Summable):
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return _div(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _div(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Ratio(_Summable):
    """`correct` out of `total`; `value` is None when nothing was compared."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return _div(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "value": self.value}


@dataclass
class StatementScores(_Summable):
    found: PRF = field(default_factory=PRF)
    speaker: Ratio = field(default_factory=Ratio)
    kind: Ratio = field(default_factory=Ratio)
    place: Ratio = field(default_factory=Ratio)  # matched statements with a gold place
    place_null: Ratio = field(default_factory=Ratio)  # matched, gold place null: system null too

    def to_dict(self) -> dict[str, Any]:
        return {
            "found": self.found.to_dict(),
            "speaker_accuracy": self.speaker.to_dict(),
            "kind_accuracy": self.kind.to_dict(),
            "place_accuracy": self.place.to_dict(),
            "place_null_accuracy": self.place_null.to_dict(),
        }


@dataclass
class EventScores(_Summable):
    found: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=dict)
    mode: Ratio = field(default_factory=Ratio)
    modality: Ratio = field(default_factory=Ratio)
    modality_marked: Ratio = field(default_factory=Ratio)  # gold modality is not "asserted"
    actor_country: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    place_country: Ratio = field(default_factory=Ratio)  # the headline place figure
    place: Ratio = field(default_factory=Ratio)  # name-level, stricter

    @property
    def gold(self) -> int:
        return self.found.tp + self.found.fn

    @property
    def extra_rate(self) -> float | None:
        """Unmatched system events per gold event."""
        return _div(self.found.fp, self.gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "found": self.found.to_dict(),
            "gold": self.gold,
            "extra": self.found.fp,
            "extra_rate": self.extra_rate,
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "mode_accuracy": self.mode.to_dict(),
            "modality_accuracy": self.modality.to_dict(),
            "modality_accuracy_not_asserted": self.modality_marked.to_dict(),
            "actor_country_accuracy": self.actor_country.to_dict(),
            "date_accuracy": self.date.to_dict(),
            "place_country_accuracy": self.place_country.to_dict(),
            "place_accuracy": self.place.to_dict(),
        }


@dataclass
class ActorScores(_Summable):
    found: Ratio = field(default_factory=Ratio)  # recall: matched / gold actors
    country: Ratio = field(default_factory=Ratio)
    sector: Ratio = field(default_factory=Ratio)
    # The same two figures for named people and organisations only (gold kind person or
    # organization): the target, apart from countries and generic groups.
    named_country: Ratio = field(default_factory=Ratio)
    named_sector: Ratio = field(default_factory=Ratio)

    def to_dict(self) -> dict[str, Any]:
        return {
            "recall": self.found.to_dict(),
            "country_accuracy": self.country.to_dict(),
            "sector_accuracy": self.sector.to_dict(),
            "named_country_accuracy": self.named_country.to_dict(),
            "named_sector_accuracy": self.named_sector.to_dict(),
        }


@dataclass
class PlaceScores(_Summable):
    found: PRF = field(default_factory=PRF)

    def to_dict(self) -> dict[str, Any]:
        return {"found": self.found.to_dict()}


@dataclass
class Scores(_Summable):
    """All figures for one article, or summed over many."""

    articles: int = 0
    statements: StatementScores = field(default_factory=StatementScores)
    events: EventScores = field(default_factory=EventScores)
    actors: ActorScores = field(default_factory=ActorScores)
    places: PlaceScores = field(default_factory=PlaceScores)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "statements": self.statements.to_dict(),
            "events": self.events.to_dict(),
            "actors": self.actors.to_dict(),
            "places": self.places.to_dict(),
        }


@dataclass
class ArticleScore:
    """One article's scores plus a readable list of what went wrong, for tuning."""

    article: str
    scores: Scores
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "scores": self.scores.to_dict(), "errors": self.errors}


def aggregate(items: Iterable[ArticleScore | Scores]) -> Scores:
    """Sum article scores into corpus scores."""
    total = Scores()
    for item in items:
        total = total + (item.scores if isinstance(item, ArticleScore) else item)
    return total


# --------------------------------------------------------------------------- names and spans


_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def normalise_name(name: str) -> str:
    """Casefolded, whitespace collapsed, without a leading "the" or edge punctuation."""
    words = name.casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return _EDGE.sub("", " ".join(words))


def last_token(name: str) -> str:
    words = normalise_name(name).split()
    last = words[-1] if words else ""
    return last[:-2] if last.endswith(("'s", "’s")) else last


def same_name(a: str, b: str, *, last_name: bool) -> bool:
    """Equal ignoring case; or, with `last_name`, the same last token."""
    if normalise_name(a) == normalise_name(b):
        return True
    return last_name and bool(last_token(a)) and last_token(a) == last_token(b)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def span_match(gold: tuple[int, int], system: tuple[int, int]) -> float | None:
    """Overlap / union when the spans match under the statement rule, else None."""
    inter = overlap(gold, system)
    if inter <= 0:
        return None
    union = max(gold[1], system[1]) - min(gold[0], system[0])
    shorter = min(gold[1] - gold[0], system[1] - system[0])
    iou = inter / union
    return iou if iou >= MATCH_IOU or inter >= MATCH_COVER * shorter else None


def _greedy(candidates: list[tuple[tuple[float, ...], int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs, highest key first; ties go to the earlier gold, then system item."""
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_sys: set[int] = set()
    for _, g, s in sorted(candidates, key=lambda c: (tuple(-k for k in c[0]), c[1], c[2])):
        if g not in used_gold and s not in used_sys:
            pairs.append((g, s))
            used_gold.add(g)
            used_sys.add(s)
    return pairs


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


# --------------------------------------------------------------------------- scoring


def _as_dict(result: Result | dict[str, Any]) -> dict[str, Any]:
    return result.to_dict() if isinstance(result, Result) else result


def score_statements(
    gold: GoldArticle, result: dict[str, Any], errors: list[str]
) -> StatementScores:
    actors = {a["id"]: a for a in result.get("actors", [])}
    system = result.get("statements", [])
    candidates = []
    for g, gs in enumerate(gold.statements):
        for s, ss in enumerate(system):
            iou = span_match((gs.start, gs.end), (ss["start"], ss["end"]))
            if iou is not None:
                candidates.append(((iou,), g, s))
    pairs = _greedy(candidates)
    out = StatementScores(
        found=PRF(tp=len(pairs), fp=len(system) - len(pairs), fn=len(gold.statements) - len(pairs))
    )
    for g, s in pairs:
        gs, ss = gold.statements[g], system[s]
        speaker = actors.get(ss.get("speaker") or "")
        name = speaker["name"] if speaker else None
        if gs.speaker is None or name is None:
            ok = gs.speaker is None and name is None
        else:
            gold_actor = gold.actor(gs.speaker)
            ok = same_name(
                gs.speaker, name, last_name=gold_actor is None or gold_actor.kind == "person"
            )
        out.speaker.add(ok)
        if not ok:
            errors.append(
                f"statement speaker {name!r} ≠ gold {gs.speaker!r}: {_excerpt(gs.content)}"
            )
        out.kind.add(ss.get("kind") == gs.kind)
        if ss.get("kind") != gs.kind:
            errors.append(
                f"statement kind {ss.get('kind')} ≠ gold {gs.kind}: {_excerpt(gs.content)}"
            )
        got_place = ss.get("place") or None
        if gs.place is not None:
            ok = got_place is not None and same_place_name(gs.place, got_place)
            out.place.add(ok)
        else:
            ok = got_place is None
            out.place_null.add(ok)
        if not ok:
            errors.append(
                f"statement place {got_place!r} ≠ gold {gs.place!r}: {_excerpt(gs.content)}"
            )
    matched_gold = {g for g, _ in pairs}
    matched_sys = {s for _, s in pairs}
    errors += [
        f"missed statement ({gs.kind}, {gs.speaker}): {_excerpt(gs.content)}"
        for g, gs in enumerate(gold.statements)
        if g not in matched_gold
    ]
    errors += [
        f"extra statement ({ss.get('kind')}): {_excerpt(ss.get('content', ''))}"
        for s, ss in enumerate(system)
        if s not in matched_sys
    ]
    return out


def _sentence(event: dict[str, Any]) -> tuple[int, int]:
    sentence = event.get("sentence") or {}
    return int(sentence.get("start", 0)), int(sentence.get("end", 0))


def _same_trigger(gold: GoldEvent, event: dict[str, Any]) -> bool:
    start, end = event.get("trigger_start"), event.get("trigger_end")
    if gold.trigger_span is not None and start is not None and end is not None:
        return overlap((gold.trigger_span.start, gold.trigger_span.end), (start, end)) > 0
    text = (event.get("event_text") or "").casefold()
    trigger = (gold.trigger or "").casefold()
    return bool(text and trigger) and (text in trigger or trigger in text)


def same_place_name(a: str, b: str) -> bool:
    """Equal ignoring case, or one a word-prefix of the other ("Geneva" / "Geneva airport")."""
    x, y = normalise_name(a), normalise_name(b)
    if not x or not y:
        return False
    short, long = sorted((x, y), key=len)
    return long == short or long.startswith(short + " ") or long.startswith(short + ",")


def _place_country_ok(gold: GoldEvent, place: dict[str, Any] | None) -> bool:
    """Country-level: the system's place lies in the gold place's country. A gold place with no
    country (a sea, a disputed site) is right only by name."""
    if _place_ok(gold, place):
        return True
    if not place or gold.place_country is None:
        return False
    return place.get("country") == gold.place_country


def _place_ok(gold: GoldEvent, place: dict[str, Any] | None) -> bool:
    if not place or not place.get("name") or gold.place is None:
        return False
    a, b = normalise_name(gold.place), normalise_name(place["name"])
    if a == b:
        return True
    return (
        gold.place_country is not None
        and place.get("country") == gold.place_country
        and (a.startswith(b) or b.startswith(a))
    )


def score_events(gold: GoldArticle, result: dict[str, Any], errors: list[str]) -> EventScores:
    actors = {a["id"]: a for a in result.get("actors", [])}
    system = result.get("events", [])
    candidates = []
    for g, ge in enumerate(gold.events):
        for s, se in enumerate(system):
            if se.get("event") != ge.event:
                continue
            shared = overlap((ge.sentence.start, ge.sentence.end), _sentence(se))
            if shared > 0:
                candidates.append(((float(_same_trigger(ge, se)), float(shared)), g, s))
    pairs = _greedy(candidates)
    out = EventScores(
        found=PRF(tp=len(pairs), fp=len(system) - len(pairs), fn=len(gold.events) - len(pairs))
    )
    matched_gold = {g for g, _ in pairs}
    matched_sys = {s for _, s in pairs}

    def tally(kind: str, attr: str) -> None:
        out.per_type.setdefault(kind, PRF())
        setattr(out.per_type[kind], attr, getattr(out.per_type[kind], attr) + 1)

    for g, ge in enumerate(gold.events):
        tally(ge.event, "tp" if g in matched_gold else "fn")
        if g not in matched_gold:
            errors.append(
                f"missed {ge.event} ({ge.modality}): "
                f"{_excerpt(gold.text[ge.sentence.start : ge.sentence.end])}"
            )
    for s, se in enumerate(system):
        if s not in matched_sys:
            tally(str(se.get("event")), "fp")
            start, end = _sentence(se)
            errors.append(
                f"extra {se.get('event')} ({se.get('modality')}): "
                f"{_excerpt(gold.text[start:end] or se.get('event_text') or '')}"
            )

    for g, s in pairs:
        ge, se = gold.events[g], system[s]
        where = f"{ge.event} in {_excerpt(gold.text[ge.sentence.start : ge.sentence.end])}"

        def check(
            ratio: Ratio, ok: bool, what: str, got: Any, want: Any, where: str = where
        ) -> None:
            ratio.add(ok)
            if not ok:
                errors.append(f"{what} {got!r} ≠ gold {want!r}: {where}")

        check(
            out.mode, (se.get("mode") or None) == (ge.mode or None), "mode", se.get("mode"), ge.mode
        )
        check(
            out.modality,
            se.get("modality") == ge.modality,
            "modality",
            se.get("modality"),
            ge.modality,
        )
        if ge.modality != "asserted":
            out.modality_marked.add(se.get("modality") == ge.modality)
        if ge.actor:
            want = {c for n in ge.actor if (a := gold.actor(n)) and (c := a.country)}
            got = {actors[i].get("country") for i in se.get("actor", []) if i in actors} - {None}
            check(out.actor_country, got == want, "actor countries", sorted(got), sorted(want))
        if ge.date is not None:
            check(out.date, se.get("date") == ge.date, "date", se.get("date"), ge.date)
        if ge.place is not None:
            place = se.get("place")
            got = place and place.get("name")
            if place:
                got = f"{place.get('name')} ({place.get('country')})"
            want = f"{ge.place} ({ge.place_country})"
            country_ok = _place_country_ok(ge, place)
            check(out.place_country, country_ok, "place", got, want)
            out.place.add(_place_ok(ge, place))
            if country_ok and not _place_ok(ge, place):
                errors.append(f"place name {got!r} ≠ gold {want!r}: {where}")
    return out


NAMED_KINDS = frozenset({"person", "organization"})


def score_actors(gold: GoldArticle, result: dict[str, Any], errors: list[str]) -> ActorScores:
    system = result.get("actors", [])
    candidates = []
    for g, ga in enumerate(gold.actors):
        for s, sa in enumerate(system):
            name = sa.get("name") or ""
            if normalise_name(ga.name) == normalise_name(name):
                candidates.append(((2.0,), g, s))
            elif ga.kind == "person" and same_name(ga.name, name, last_name=True):
                candidates.append(((1.0,), g, s))
    pairs = _greedy(candidates)
    out = ActorScores(found=Ratio(correct=len(pairs), total=len(gold.actors)))
    matched = {g for g, _ in pairs}
    errors += [f"missed actor {ga.name!r}" for g, ga in enumerate(gold.actors) if g not in matched]
    for g, s in pairs:
        ga, sa = gold.actors[g], system[s]
        out.country.add(sa.get("country") == ga.country)
        out.sector.add(sa.get("sector") == ga.sector)
        if ga.kind in NAMED_KINDS:
            out.named_country.add(sa.get("country") == ga.country)
            out.named_sector.add(sa.get("sector") == ga.sector)
        if sa.get("country") != ga.country or sa.get("sector") != ga.sector:
            errors.append(
                f"actor {ga.name!r} coded {sa.get('country')}/{sa.get('sector')} ≠ "
                f"gold {ga.country}/{ga.sector}"
            )
    return out


def score_places(gold: GoldArticle, result: dict[str, Any], errors: list[str]) -> PlaceScores:
    want = {normalise_name(p.name) for p in gold.places}
    got = {normalise_name(p.get("name") or "") for p in result.get("places", [])} - {""}
    errors += [f"missed place {p!r}" for p in sorted(want - got)]
    errors += [f"extra place {p!r}" for p in sorted(got - want)]
    return PlaceScores(found=PRF(tp=len(want & got), fp=len(got - want), fn=len(want - got)))


def score_article(gold: GoldArticle, result: Result | dict[str, Any]) -> ArticleScore:
    """Every figure for one article. `result` is a Result or its `to_dict()`."""
    data = _as_dict(result)
    errors: list[str] = []
    scorers: list[Callable[[GoldArticle, dict[str, Any], list[str]], Any]] = [
        score_statements,
        score_events,
        score_actors,
        score_places,
    ]
    statements, events, actors, places = (f(gold, data, errors) for f in scorers)
    return ArticleScore(
        article=gold.name,
        errors=errors,
        scores=Scores(
            articles=1, statements=statements, events=events, actors=actors, places=places
        ),
    )
