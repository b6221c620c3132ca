"""Load and validate the gold annotations (`gold/dev/*.json`, `gold/test/*.json`).

Each gold file names an article file (front matter between `---` lines, then the body) and lists the
article's actors, statements, events and places as ANNOTATION.md codes them. Spans are given as exact
text; loading resolves them to character offsets in the article text, so scoring can compare them
with the offsets the pipeline reports. Any problem is a DataFileError naming the gold file.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from ..errors import DataFileError, short

log = logging.getLogger(__name__)

Split = Literal["dev", "test", "all"]
SPLITS: tuple[str, ...] = ("dev", "test")

# The closed vocabularies a gold file is checked against (DESIGN.md, "Ontology: PLOVER").
PLOVER_TYPES = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)
MODALITIES = frozenset({"asserted", "future", "hypothetical", "negated", "historical"})
STATEMENT_KINDS = frozenset({"direct", "indirect", "mixed"})
ACTOR_KINDS = frozenset({"person", "organization", "country", "group"})
_COUNTRY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Offsets:
    start: int
    end: int


@dataclass
class GoldActor:
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None


@dataclass
class GoldStatement:
    speaker: str | None  # a gold actor name, or None for an unnamed source
    speaker_text: str | None
    cue: str | None
    kind: str
    content: str
    start: int
    end: int
    addressee: str | None = None
    place: str | None = None
    date: str | None = None


@dataclass
class GoldEvent:
    event: str
    mode: str | None
    modality: str
    actor: list[str]  # gold actor names
    recipient: list[str]
    trigger: str | None
    sentence: Offsets
    trigger_span: Offsets | None
    place: str | None = None
    place_country: str | None = None
    date: str | None = None
    date_raw: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None


@dataclass
class GoldPlace:
    name: str
    country: str | None = None
    precision: str | None = None


@dataclass
class GoldArticle:
    """One annotated article, with every span resolved to offsets into `text`."""

    path: Path  # the gold file
    split: str | None
    article_path: Path
    text: str
    title: str | None
    published: str | None
    actors: list[GoldActor]
    statements: list[GoldStatement]
    events: list[GoldEvent]
    places: list[GoldPlace]

    @property
    def name(self) -> str:
        return self.path.stem

    def actor(self, name: str | None) -> GoldActor | None:
        return next((a for a in self.actors if a.name == name), None) if name else None


# --------------------------------------------------------------------------- locating files


def find_gold_dir(start: Path | None = None) -> Path | None:
    """The repository's `gold/` folder: searched upward from cwd, then from this package."""
    starts = [start or Path.cwd(), Path(__file__).resolve().parent]
    for origin in starts:
        for folder in [origin, *origin.parents]:
            candidate = folder / "gold"
            if candidate.is_dir() and any((candidate / s).is_dir() for s in SPLITS):
                return candidate
    return None


def _gold_files(root: Path, split: str) -> list[tuple[str | None, Path]]:
    if root.is_file():
        return [(None, root)]
    if split not in (*SPLITS, "all"):
        raise DataFileError(f"unknown gold split {split!r}; expected dev, test or all", code="E111")
    wanted = SPLITS if split == "all" else (split,)
    found: list[tuple[str | None, Path]] = []
    for name in wanted:
        found += [(name, p) for p in sorted((root / name).glob("*.json"))]
    if not found and not any((root / s).is_dir() for s in SPLITS):
        # A flat folder of gold files (another gold set) has no split folders.
        found = [(None, p) for p in sorted(root.glob("*.json"))]
    return found


def load_gold(split: Split | str = "test", gold_dir: str | Path | None = None) -> list[GoldArticle]:
    """Every gold article of a split ("dev", "test" or "all").

    gold_dir (Path): a folder with `dev/` and `test/` subfolders, a flat folder of gold files, or
        one gold file. Defaults to the repository's `gold/`.
    RETURNS (list[GoldArticle]): sorted by split, then file name. Raises DataFileError.
    """
    if gold_dir is None:
        root = find_gold_dir()
        if root is None:
            raise DataFileError(
                f"no gold/ folder found above {Path.cwd()} — run from the repository or pass a "
                "gold folder",
                code="E110",
            )
    else:
        root = Path(gold_dir)
        if not root.exists():
            raise DataFileError(f"gold folder {str(root)!r} does not exist", code="E110")
    files = _gold_files(root, split)
    log.debug("loading %d gold file(s) from %s", len(files), root)
    base = root.parent if root.is_dir() else None
    return [load_gold_file(path, split=name, repo_root=base) for name, path in files]


# --------------------------------------------------------------------------- reading articles


def parse_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Split `---` / `key: value` lines / `---` from the body; the body is stripped."""
    lines = raw.lstrip("\ufeff").splitlines(keepends=True)
    meta: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            line = lines[index].strip()
            if line == "---":
                return meta, "".join(lines[index + 1 :]).strip()
            key, sep, value = line.partition(":")
            if sep and key.strip():
                meta[key.strip().lower()] = value.strip().strip("\"'")
        # No closing line: not front matter after all.
        meta = {}
    return meta, raw.lstrip("\ufeff").strip()


def _read_own(path: Path) -> tuple[str, str | None, str | None]:
    meta, body = parse_front_matter(path.read_text(encoding="utf-8"))
    return body, meta.get("title") or None, meta.get("published") or meta.get("date") or None


def _read_ingest(path: Path) -> tuple[str, str | None, str | None] | None:
    """The article as `wirecoder.ingest` reads it, when that reader exists."""
    try:
        from ..ingest import read_paths
    except ImportError:  # a trimmed install without the ingest readers
        return None
    try:
        record = next(iter(read_paths([path])), None)
    except Exception as exc:  # any reader failure: fall back to our own reader
        log.debug("ingest could not read %s (%s); using the front-matter reader", path, exc)
        return None
    if record is None or not getattr(record, "text", None):
        return None
    published = getattr(record, "published", None)
    return record.text, getattr(record, "title", None), str(published) if published else None


def read_article(path: str | Path) -> tuple[str, str | None, str | None]:
    """(text, title, published) of an article file: through `wirecoder.ingest` when it exists,
    else by the front-matter rule of the gold format."""
    return _read_ingest(Path(path)) or _read_own(Path(path))


def _resolve_article(raw: str, gold_file: Path, repo_root: Path | None) -> Path:
    """The article file: relative to the repository root, else to the gold file's folder or any
    folder above it, else to cwd."""
    candidate = Path(raw)
    if candidate.is_absolute():
        options = [candidate]
    else:
        folder = gold_file.resolve().parent
        bases = [repo_root] if repo_root else []
        options = [b / candidate for b in [*bases, folder, *folder.parents, Path.cwd()]]
    for option in options:
        if option.is_file():
            return option
    raise DataFileError(
        f"{gold_file.name}: article file {short(raw)} not found relative to the repository, "
        'the gold file or the current folder — fix the "article" path',
        code="E112",
    )


# --------------------------------------------------------------------------- validation


class _Checker:
    """Field checks that raise DataFileError naming the gold file and the item."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str, code: str = "E113") -> DataFileError:
        return DataFileError(f"{self.path.name}: {where}: {message}", code=code)

    def text(
        self, item: dict[str, Any], key: str, where: str, *, required: bool = True
    ) -> str | None:
        value = item.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"{key!r} must be a non-empty string, got {short(value)}")
        return value

    def names(self, item: dict[str, Any], key: str, where: str) -> list[str]:
        value = item.get(key, [])
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(where, f"{key!r} must be a list of strings, got {short(value)}")
        return value

    def choice(self, item: dict[str, Any], key: str, where: str, allowed: frozenset[str]) -> str:
        value = item.get(key)
        if value not in allowed:
            raise self.fail(
                where, f"{key!r} is {short(value)}; expected one of {', '.join(sorted(allowed))}"
            )
        return value

    def iso_date(self, item: dict[str, Any], key: str, where: str) -> str | None:
        value = item.get(key)
        if value is None:
            return None
        try:
            date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(
                where, f"{key!r} is {short(value)}; expected YYYY-MM-DD or null"
            ) from None
        return str(value)

    def country(self, item: dict[str, Any], key: str, where: str) -> str | None:
        value = item.get(key)
        if value is not None and not (isinstance(value, str) and _COUNTRY.match(value)):
            raise self.fail(where, f"{key!r} is {short(value)}; expected a 3-letter code or null")
        return value

    def items(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        if key not in data:
            raise self.fail("top level", f'missing {key!r} — write "{key}": [] if there are none')
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail("top level", f"{key!r} must be a list of objects")
        return value


def _find_all(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _build(
    data: dict[str, Any], text: str, check: _Checker
) -> tuple[list[GoldActor], list[GoldStatement], list[GoldEvent], list[GoldPlace]]:
    actors: list[GoldActor] = []
    for n, item in enumerate(check.items(data, "actors"), 1):
        where = f"actor {n}"
        name = check.text(item, "name", where)
        if any(a.name == name for a in actors):
            raise check.fail(where, f"duplicate actor name {short(name)}")
        actors.append(
            GoldActor(
                name=name,
                kind=check.choice(item, "kind", where, ACTOR_KINDS),
                country=check.country(item, "country", where),
                sector=item.get("sector"),
                role=item.get("role"),
            )
        )
    known = {a.name for a in actors}

    def actor_name(value: str | None, where: str, key: str) -> None:
        if value is not None and value not in known:
            raise check.fail(
                where,
                f"{key} {short(value)} is not among the gold actors — add it "
                'to "actors" or use the actor\'s exact name',
            )

    statements: list[GoldStatement] = []
    used: set[tuple[int, int]] = set()
    for n, item in enumerate(check.items(data, "statements"), 1):
        where = f"statement {n}"
        content = check.text(item, "content", where)
        speaker = check.text(item, "speaker", where, required=False)
        actor_name(speaker, where, "speaker")
        starts = _find_all(text, content)
        if "start" in item:
            # An explicit offset disambiguates content that occurs more than once.
            starts = [s for s in starts if s == item["start"]]
        free = [s for s in starts if (s, s + len(content)) not in used]
        if not free:
            problem = (
                "is not an exact substring of the article text"
                if not starts
                else "occurs fewer times than statements claim it"
            )
            raise check.fail(where, f"content {short(content)} {problem}", code="E114")
        start = free[0]
        used.add((start, start + len(content)))
        statements.append(
            GoldStatement(
                speaker=speaker,
                speaker_text=item.get("speaker_text"),
                cue=item.get("cue"),
                kind=check.choice(item, "kind", where, STATEMENT_KINDS),
                content=content,
                start=start,
                end=start + len(content),
                addressee=item.get("addressee"),
                place=item.get("place"),
                date=check.iso_date(item, "date", where),
            )
        )

    events: list[GoldEvent] = []
    for n, item in enumerate(check.items(data, "events"), 1):
        where = f"event {n}"
        sentence = check.text(item, "sentence", where)
        starts = _find_all(text, sentence)
        if len(starts) != 1:
            problem = (
                "is not in the article text"
                if not starts
                else f"occurs {len(starts)} times; it must be unique"
            )
            raise check.fail(where, f"sentence {short(sentence)} {problem}", code="E114")
        span = Offsets(starts[0], starts[0] + len(sentence))
        trigger = check.text(item, "trigger", where, required=False)
        trigger_span = None
        if trigger is not None:
            at = sentence.find(trigger)
            if at == -1:
                raise check.fail(
                    where, f"trigger {short(trigger)} is not in its sentence", code="E114"
                )
            trigger_span = Offsets(span.start + at, span.start + at + len(trigger))
        actor = check.names(item, "actor", where)
        for name in actor:
            actor_name(name, where, "actor")
        events.append(
            GoldEvent(
                event=check.choice(item, "event", where, PLOVER_TYPES),
                mode=item.get("mode"),
                modality=check.choice(item, "modality", where, MODALITIES),
                actor=actor,
                recipient=check.names(item, "recipient", where),
                trigger=trigger,
                sentence=span,
                trigger_span=trigger_span,
                place=item.get("place"),
                place_country=check.country(item, "place_country", where),
                date=check.iso_date(item, "date", where),
                date_raw=item.get("date_raw"),
                contexts=check.names(item, "contexts", where),
                cameo=item.get("cameo"),
            )
        )

    places = []
    for n, item in enumerate(check.items(data, "places"), 1):
        where = f"place {n}"
        places.append(
            GoldPlace(
                name=check.text(item, "name", where),
                country=check.country(item, "country", where),
                precision=item.get("precision"),
            )
        )
    return actors, statements, events, places


def load_gold_file(
    path: str | Path, *, split: str | None = None, repo_root: str | Path | None = None
) -> GoldArticle:
    """One gold file, validated, with its article text read and its spans resolved."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path.name}: cannot read ({exc})", code="E112") from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"{path.name} line {exc.lineno}: invalid JSON ({exc.msg})", code="E113"
        ) from exc
    check = _Checker(path)
    if not isinstance(data, dict):
        raise check.fail("top level", "a gold file holds one JSON object")
    article = _resolve_article(
        check.text(data, "article", "top level"),
        path,
        Path(repo_root) if repo_root else None,
    )
    published = check.iso_date(data, "published", "top level")

    # Prefer the project's reader, so eval sees the text `extract` sees; if its cleaning moved
    # an annotated span, fall back to the plain front-matter reading the gold format defines.
    readings = [r for r in (_read_ingest(article), _read_own(article)) if r is not None]
    error: DataFileError | None = None
    for text, title, meta_published in readings:
        try:
            parts = _build(data, text, check)
        except DataFileError as exc:
            error = error or exc
            continue
        return GoldArticle(
            path=path,
            split=split,
            article_path=article,
            text=text,
            title=title,
            published=published or meta_published,
            actors=parts[0],
            statements=parts[1],
            events=parts[2],
            places=parts[3],
        )
    assert error is not None
    raise error
