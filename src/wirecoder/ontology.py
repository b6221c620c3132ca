"""PLOVER types, modes, contexts, sectors and scores, and the lexicons keyed to them.

Everything here is read from the tables in `wirecoder/data/` (see data/README.md) through
`lexicon.load_table`, checked once and cached:

    plover_types.tsv     the 16 event types: intensity, default CAMEO code, quad class
    plover_modes.tsv     each type's modes with their closest CAMEO code
    plover_contexts.tsv  PLOVER's contexts
    cue_verbs.tsv        speech, writing and cognition cues for attributed statements
    event_verbs.tsv      the words that trigger events (`Trigger`)
    object_classes.tsv   named noun classes (`@arms`) an event_verbs.tsv object cell may use

`cameo_to_plover(path)` reads PLOVER's CAMEO-to-PLOVER conversion table where it lies, for
scoring CAMEO-coded gold data; it is never copied into the package.

Each `parse_*` function turns rows from `lexicon.parse_tsv` into typed records and raises
`DataFileError` naming the table, the row and the fix; the loaders call them, and so can a test
or a user checking their own table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import DataFileError, short
from .lexicon import Row, load_table, split_list

TYPES_TABLE = "plover_types.tsv"
MODES_TABLE = "plover_modes.tsv"
CONTEXTS_TABLE = "plover_contexts.tsv"
CUES_TABLE = "cue_verbs.tsv"
TRIGGERS_TABLE = "event_verbs.tsv"
CLASSES_TABLE = "object_classes.tsv"

# The ontology's fixed vocabulary: names the Result schema promises (DESIGN.md). What each
# type means, scores and allows lives in the tables above.
PLOVER_EVENTS: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("asserted", "future", "hypothetical", "negated", "historical")
SECTORS: tuple[str, ...] = (
    "GOV", "MIL", "COP", "JUD", "LEG", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
)
NON_STATE_CODES: tuple[str, ...] = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")
QUADS: tuple[str, ...] = (
    "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
)
POS_TAGS: tuple[str, ...] = ("VERB", "NOUN", "ADJ")
ADDRESSEE_VALUES: tuple[str, ...] = ("yes", "optional", "no")
CUE_KINDS: tuple[str, ...] = ("speech", "writing", "cognition", "reporting")

_CAMEO_RE = re.compile(r"\d{2,4}")
_LEMMA_RE = re.compile(r"[a-zß-öø-ÿ][a-zß-öø-ÿ0-9.'-]*")  # (accented lower case too: "chargé")


# What hangs off a trigger word: particle lemmas, or particle -> lemmas of its objects.
Particles = Iterable[str] | Mapping[str, Iterable[str]]


def _as_mapping(particles: Particles) -> Mapping[str, Iterable[str]]:
    if isinstance(particles, Mapping):
        return particles
    return {p: () for p in particles}


@dataclass(frozen=True)
class Mode:
    event: str
    name: str
    cameo: str
    definition: str


@dataclass(frozen=True)
class EventType:
    name: str
    intensity: float
    cameo: str
    quad: str
    definition: str
    modes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CueVerb:
    lemma: str
    addressee: str  # yes | optional | no
    that_clause: bool
    kind: str  # speech | writing | cognition | reporting
    note: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        """The cue's words, head first: ("point", "out")."""
        return tuple(self.lemma.split())

    @property
    def takes_addressee(self) -> bool:
        return self.addressee != "no"


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    particle: str | None
    objects: tuple[str, ...]
    event: str
    mode: str | None
    cameo: str
    contexts: tuple[str, ...]
    note: str = ""

    @property
    def specificity(self) -> int:
        """How many constraints the row sets; the most specific matching row wins."""
        return int(self.particle is not None) + int(bool(self.objects))

    def matches(self, particles: Particles = (), objects: Iterable[str] = ()) -> bool:
        """Whether the trigger word fits, given what hangs off it in the parse.

        `particles`: lemmas of its particle, preposition and adverb children, or a mapping from
        each to the lemmas of that preposition's objects ({"by": {"phone"}}). `objects`: the
        lemmas of its direct object or passive subject (VERB), or of its modifiers (NOUN).
        """
        attached = _as_mapping(particles)
        if self.particle is not None and self.particle not in attached:
            return False
        if not self.objects:
            return True
        candidates = set(objects)
        if self.particle is not None:
            candidates |= set(attached[self.particle])
        return not candidates.isdisjoint(self.objects)


@dataclass(frozen=True)
class CameoMapping:
    code: str
    event: str
    mode: str | None
    contexts: tuple[str, ...]
    description: str


# --- checks shared by the parsers -------------------------------------------------------------

def _fail(name: str, number: int, what: str, fix: str, code: str) -> DataFileError:
    return DataFileError(f"{name} row {number}: {what} — {fix}", code=code)


def _check_event(value: str, name: str, number: int, known: Iterable[str]) -> str:
    known = tuple(known)
    if value not in known:
        raise _fail(name, number, f"unknown event type {short(value)}",
                    f"expected one of {', '.join(known)}; fix or delete the row.", "E107")
    return value


def _check_cameo(value: str, name: str, number: int) -> str:
    if not _CAMEO_RE.fullmatch(value):
        raise _fail(name, number, f"CAMEO code {short(value)} is not 2-4 digits",
                    "write it as in the CAMEO codebook, with its leading zero (e.g. 030).",
                    "E107")
    return value


def _check_choice(value: str, column: str, allowed: tuple[str, ...], name: str,
                  number: int) -> str:
    if value not in allowed:
        raise _fail(name, number, f"{column} {short(value)} is not allowed",
                    f"expected one of {', '.join(allowed)}.", "E107")
    return value


def _check_lemma(value: str, name: str, number: int, *, words: int | None = 1) -> str:
    parts = value.split(" ")
    if not value or any(not _LEMMA_RE.fullmatch(p) for p in parts) or (
        words is not None and len(parts) != words
    ):
        shape = "one lower-case token" if words == 1 else "lower-case words"
        raise _fail(name, number, f"lemma {short(value)} is not {shape}",
                    "write the spaCy lemma in lower case.", "E107")
    return value


# --- parsers: rows -> typed records ---------------------------------------------------------

def parse_event_types(rows: list[Row], *, name: str = TYPES_TABLE,
                      modes: Mapping[tuple[str, str], Mode] | None = None) -> dict[str, EventType]:
    """The 16 event types, each with its modes (from `modes`, if given)."""
    types: dict[str, EventType] = {}
    for number, row in enumerate(rows, 1):
        event = _check_event(row["event"], name, number, PLOVER_EVENTS)
        try:
            score = float(row["intensity"])
        except ValueError:
            raise _fail(name, number, f"intensity {short(row['intensity'])} is not a number",
                        "give a score from -10 to 10.", "E107") from None
        if not -10 <= score <= 10:
            raise _fail(name, number, f"intensity {score} is outside -10 ... 10",
                        "give a score from -10 to 10.", "E107")
        quad = row.get("quad", "")
        if quad:
            _check_choice(quad, "quad", QUADS, name, number)
        own = tuple(m.name for (e, _), m in (modes or {}).items() if e == event)
        types[event] = EventType(event, score, _check_cameo(row["cameo"], name, number), quad,
                                 row["definition"], own)
    missing = [e for e in PLOVER_EVENTS if e not in types]
    if missing:
        raise DataFileError(f"{name}: no row for {', '.join(missing)} — every PLOVER type needs "
                            "one row.", code="E107")
    return types


def parse_modes(rows: list[Row], *, name: str = MODES_TABLE) -> dict[tuple[str, str], Mode]:
    """Modes keyed by (event, mode); a later row for the same pair replaces an earlier one."""
    modes: dict[tuple[str, str], Mode] = {}
    for number, row in enumerate(rows, 1):
        event = _check_event(row["event"], name, number, PLOVER_EVENTS)
        mode = row["mode"]
        if not re.fullmatch(r"[a-z][a-z-]*", mode):
            raise _fail(name, number, f"mode {short(mode)} is not a lower-case name",
                        "write it as PLOVER spells it (e.g. third-party).", "E107")
        modes[(event, mode)] = Mode(event, mode, _check_cameo(row["cameo"], name, number),
                                    row["definition"])
    return modes


def parse_contexts(rows: list[Row], *, name: str = CONTEXTS_TABLE) -> dict[str, str]:
    """Context name -> definition."""
    found: dict[str, str] = {}
    for number, row in enumerate(rows, 1):
        context = row["context"]
        if not re.fullmatch(r"[a-z][a-z_]*", context):
            raise _fail(name, number, f"context {short(context)} is not lower case with "
                        "underscores", "write it as PLOVER spells it (e.g. human_rights).",
                        "E107")
        found[context] = row["definition"]
    return found


def parse_cue_verbs(rows: list[Row], *, name: str = CUES_TABLE) -> dict[str, CueVerb]:
    """Cue lemma -> CueVerb."""
    cues: dict[str, CueVerb] = {}
    for number, row in enumerate(rows, 1):
        lemma = _check_lemma(row["lemma"], name, number, words=None)
        addressee = _check_choice(row["addressee"], "addressee", ADDRESSEE_VALUES, name, number)
        clause = _check_choice(row["that_clause"], "that_clause", ("yes", "no"), name, number)
        kind = _check_choice(row["kind"], "kind", CUE_KINDS, name, number)
        cues[lemma] = CueVerb(lemma, addressee, clause == "yes", kind, row.get("note", ""))
    return cues


def parse_object_classes(rows: list[Row], *, name: str = CLASSES_TABLE
                         ) -> dict[str, frozenset[str]]:
    """Named noun classes ("arms": weapon, howitzer, ...) by class name. A class is written
    `@arms` in an object cell of event_verbs.tsv, so one list serves every verb that takes it."""
    classes: dict[str, set[str]] = {}
    for number, row in enumerate(rows, 1):
        cls = row["class"].strip().lower()
        if not _LEMMA_RE.fullmatch(cls):
            raise _fail(name, number, f"class name {short(cls)} is not one lower-case word",
                        "name the class in lower case, without spaces.", "E107")
        classes.setdefault(cls, set()).add(_check_lemma(row["word"].lower(), name, number))
    return {cls: frozenset(words) for cls, words in classes.items()}


def _objects(cell: str, classes: Mapping[str, frozenset[str]], name: str,
             number: int) -> tuple[str, ...]:
    """An object cell's lemmas, with each `@class` replaced by the class's words."""
    found: dict[str, None] = {}
    for item in split_list(cell):
        if item.startswith("@"):
            words = classes.get(item[1:].lower())
            if words is None:
                raise _fail(name, number, f"unknown object class {short(item)}",
                            f"define it in {CLASSES_TABLE} or write the lemmas out.", "E107")
            found.update(dict.fromkeys(sorted(words)))
        else:
            found[_check_lemma(item, name, number)] = None
    return tuple(found)


def parse_triggers(rows: list[Row], *, name: str = TRIGGERS_TABLE,
                   modes: Mapping[tuple[str, str], Mode],
                   contexts: Iterable[str],
                   classes: Mapping[str, frozenset[str]] | None = None) -> tuple[Trigger, ...]:
    """Event triggers in table order; a later row with the same key replaces an earlier one."""
    known = frozenset(contexts)
    classes = classes or {}
    triggers: dict[tuple[str, str, str, tuple[str, ...]], Trigger] = {}
    for number, row in enumerate(rows, 1):
        lemma = _check_lemma(row["lemma"], name, number)
        pos = _check_choice(row["pos"], "pos", POS_TAGS, name, number)
        event = _check_event(row["event"], name, number, PLOVER_EVENTS)
        mode = row["mode"] or None
        if mode is not None and (event, mode) not in modes:
            allowed = [m for e, m in modes if e == event]
            raise _fail(name, number, f"mode {short(mode)} is not a mode of {event}",
                        f"expected {', '.join(allowed) if allowed else 'a blank mode'}; "
                        "fix the mode or leave it blank.", "E107")
        found = tuple(split_list(row["contexts"]))
        for context in found:
            if context not in known:
                raise _fail(name, number, f"unknown context {short(context)}",
                            f"use one of the contexts in {CONTEXTS_TABLE} or leave it blank.",
                            "E107")
        particle = row["particle"].lower() or None
        objects = _objects(row["object"], classes, name, number)
        trigger = Trigger(lemma, pos, particle, objects, event, mode,
                          _check_cameo(row["cameo"], name, number), found, row.get("note", ""))
        triggers[(lemma, pos, particle or "", tuple(sorted(objects)))] = trigger
    return tuple(triggers.values())


# --- cached loaders ------------------------------------------------------------------------

@cache
def event_modes() -> dict[tuple[str, str], Mode]:
    """Every (event, mode) pair PLOVER allows."""
    rows = load_table(MODES_TABLE, required=("event", "mode", "cameo", "definition"))
    return parse_modes(rows)


@cache
def event_types() -> dict[str, EventType]:
    """PLOVER's 16 event types by name, in PLOVER order."""
    rows = load_table(TYPES_TABLE, required=("event", "intensity", "cameo", "definition"),
                      key="event")
    types = parse_event_types(rows, modes=event_modes())
    return {e: types[e] for e in PLOVER_EVENTS}


@cache
def context_definitions() -> dict[str, str]:
    return parse_contexts(load_table(CONTEXTS_TABLE, required=("context", "definition"),
                                     key="context"))


def contexts() -> frozenset[str]:
    """PLOVER's context names."""
    return frozenset(context_definitions())


@cache
def cue_verbs() -> dict[str, CueVerb]:
    """Statement cues by lemma ("say", "tell", "point out")."""
    rows = load_table(CUES_TABLE, required=("lemma", "addressee", "that_clause", "kind"),
                      key="lemma")
    return parse_cue_verbs(rows)


@cache
def _triggers() -> tuple[Trigger, ...]:
    rows = load_table(TRIGGERS_TABLE, required=("lemma", "pos", "particle", "object", "event",
                                                "mode", "cameo", "contexts"))
    return parse_triggers(rows, modes=event_modes(), contexts=contexts(),
                          classes=object_classes())


@cache
def object_classes() -> dict[str, frozenset[str]]:
    """The noun classes event_verbs.tsv may name in its object cells (`@arms`)."""
    return parse_object_classes(load_table(CLASSES_TABLE, required=("class", "word")))


def event_triggers() -> list[Trigger]:
    """Every event trigger, in table order."""
    return list(_triggers())


@cache
def triggers_by_lemma() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """Triggers grouped by (lemma, pos), each group in table order."""
    groups: dict[tuple[str, str], list[Trigger]] = {}
    for trigger in _triggers():
        groups.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    return {k: tuple(v) for k, v in groups.items()}


def select_trigger(lemma: str, pos: str, *, particles: Particles = (),
                   objects: Iterable[str] = ()) -> Trigger | None:
    """The row that codes this word: the most specific match, the earliest on a tie.

    `particles` and `objects` are as for `Trigger.matches`; see event_verbs.tsv for the rule.
    """
    particles = {p: frozenset(o) for p, o in _as_mapping(particles).items()}
    objects = frozenset(objects)
    best: Trigger | None = None
    for trigger in triggers_by_lemma().get((lemma, pos), ()):
        if trigger.matches(particles, objects) and (
            best is None or trigger.specificity > best.specificity
        ):
            best = trigger
    return best


def is_event_type(name: str) -> bool:
    return name in PLOVER_EVENTS


def is_valid_mode(event: str, mode: str | None) -> bool:
    """True for a mode of `event`, and for no mode at all (PLOVER modes are optional)."""
    if not is_event_type(event):
        return False
    return not mode or (event, mode) in event_modes()


def is_context(name: str) -> bool:
    return name in context_definitions()


def intensity(event: str) -> float:
    """The event type's conflict-cooperation score (-10 ... +10). KeyError if unknown."""
    try:
        return event_types()[event].intensity
    except KeyError:
        raise KeyError(f"unknown PLOVER event type {event!r}") from None


def default_cameo(event: str, mode: str | None = None) -> str:
    """The CAMEO code of the mode if it has one, else the type's default code."""
    if mode and (event, mode) in event_modes():
        return event_modes()[(event, mode)].cameo
    return event_types()[event].cameo


def __getattr__(name: str) -> object:
    # EVENT_TYPES reads the tables on first use rather than at import.
    if name == "EVENT_TYPES":
        return event_types()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- CAMEO crosswalk, read in place --------------------------------------------------------

_CAMEO_LINE = re.compile(r"^(?P<code>\d{2,4})\s*:\s*(?P<body>[^#]*?)\s*(?:#\s*(?P<desc>.*))?$")


def cameo_to_plover(path: str | Path) -> dict[str, CameoMapping]:
    """Parse PLOVER's CAMEO-to-PLOVER table (`CODE: EVENT, mode, contexts # description`).

    Modes and contexts are kept as the table spells them (it predates some of PLOVER's current
    names); check them with `is_valid_mode` and `is_context`. When a code appears twice, the
    first line wins. Raises DataFileError if the file is missing or a line is malformed.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read the CAMEO-to-PLOVER table ({exc.strerror}) "
                            "— pass the path of CAMEO2PLOVER-2021.txt.", code="E115") from exc
    table: dict[str, CameoMapping] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#") or set(line) == {"~"}:
            continue
        match = _CAMEO_LINE.match(line)
        cells = [c.strip() for c in match.group("body").split(",")] if match else []
        event = cells[0] if cells else ""
        if match is None or event not in PLOVER_EVENTS:
            raise DataFileError(f"{path} line {number}: cannot read {short(line)}; expected "
                                "'CODE: EVENT, mode, contexts # description' with a PLOVER "
                                "event — fix the line or the path.", code="E115")
        mode = cells[1] if len(cells) > 1 and cells[1] else None
        found = tuple(c.strip() for c in ",".join(cells[2:]).split(";") if c.strip())
        code = match.group("code")
        table.setdefault(code, CameoMapping(code, event, mode, found,
                                            (match.group("desc") or "").strip()))
    return table


def plover_for_cameo(code: str, table: Mapping[str, CameoMapping]) -> CameoMapping | None:
    """The mapping for a CAMEO code, falling back to its parent codes ("1384" -> "138")."""
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return table[code[:end]]
    return None
