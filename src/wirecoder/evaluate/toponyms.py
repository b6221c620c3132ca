"""Score place resolution on our toponym set (`tests/data/toponyms.tsv`).

Each case is a short text, a place name in it and the place meant: its country (blank for
disputed areas and seas), its GeoNames id (blank for our own regions), its precision, and its use
(`place`: named as a location, so it must be listed among the article's places; `actor`: a
government meant, resolved but not listed). The text is parsed and run through `find_actors` and
`find_places` as the pipeline does; the answer is the place the name's first token resolves to.

Figures: country accuracy (all cases), GeoNames id accuracy (cases with an id), precision
accuracy, and listing accuracy (a `place` case is listed, an `actor` case is not).

    report = run_toponyms()            # finds tests/data/toponyms.tsv from the repository
    print(report.country.value, report.geonameid.value)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..lexicon import parse_tsv
from .score import Ratio

COLUMNS = ("id", "text", "toponym", "occurrence", "country", "geonameid", "precision", "use")
DEFAULT_PATH = Path("tests") / "data" / "toponyms.tsv"


@dataclass(frozen=True)
class ToponymCase:
    id: str
    text: str
    toponym: str
    start: int  # character offset of the toponym's occurrence in `text`
    country: str | None
    geonameid: int | None
    precision: str | None
    use: str  # place | actor
    note: str = ""


@dataclass
class ToponymReport:
    """Accuracy figures and the cases that went wrong."""

    path: str
    cases: int = 0
    country: Ratio = field(default_factory=Ratio)
    geonameid: Ratio = field(default_factory=Ratio)
    precision: Ratio = field(default_factory=Ratio)
    listing: Ratio = field(default_factory=Ratio)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "cases": self.cases,
            "country_accuracy": self.country.to_dict(),
            "geonameid_accuracy": self.geonameid.to_dict(),
            "precision_accuracy": self.precision.to_dict(),
            "listing_accuracy": self.listing.to_dict(),
            "errors": self.errors,
        }


def find_toponyms(start: Path | None = None) -> Path | None:
    """`tests/data/toponyms.tsv`, searched upward from `start` (default: the working folder)."""
    for folder in [(start or Path.cwd()).resolve(), *(start or Path.cwd()).resolve().parents,
                   Path(__file__).resolve().parents[3]]:
        path = folder / DEFAULT_PATH
        if path.is_file():
            return path
    return None


def load_toponyms(path: str | Path | None = None) -> list[ToponymCase]:
    """The cases of a toponym file. Raises DataFileError for a malformed one."""
    found = Path(path) if path is not None else find_toponyms()
    if found is None or not found.is_file():
        raise DataFileError(f"{path or DEFAULT_PATH}: no toponym file found", code="E101")
    rows = parse_tsv(found.read_text(encoding="utf-8"), name=str(found), required=COLUMNS,
                     key="id")
    cases = []
    for row in rows:
        occurrence = int(row["occurrence"] or 1)
        start = -1
        for _ in range(occurrence):
            start = row["text"].find(row["toponym"], start + 1)
        if start < 0:
            raise DataFileError(f"{found.name} {row['id']}: {row['toponym']!r} does not occur "
                                f"{occurrence} time(s) in its text", code="E104")
        cases.append(ToponymCase(
            id=row["id"], text=row["text"], toponym=row["toponym"], start=start,
            country=row["country"] or None,
            geonameid=int(row["geonameid"]) if row["geonameid"] else None,
            precision=row["precision"] or None, use=row["use"] or "place",
            note=row.get("note", "")))
    return cases


def score_toponyms(cases: list[ToponymCase], nlp: Any, *, path: str = "") -> ToponymReport:
    """Resolve every case with `nlp` (a loaded spaCy pipeline) and our extractors."""
    from ..extract.actors import find_actors
    from ..extract.places import find_places

    report = ToponymReport(path=path, cases=len(cases))
    docs = nlp.pipe([c.text for c in cases])
    for case, doc in zip(cases, docs, strict=True):
        actors = find_actors(doc)
        context = [a.country for a in actors.actors if a.country and len(a.country) == 3]
        places = find_places(doc, context_codes=context)
        end = case.start + len(case.toponym)
        tokens = [t for t in doc if case.start <= t.idx < end]
        place = next((places.by_token[t.i] for t in tokens if t.i in places.by_token), None)
        if place is None and places.dateline is not None and any(
                m.start <= case.start < m.end for m in places.dateline.mentions):
            place = places.dateline
        got_country = place.country if place else None
        got_id = place.geonameid if place else None
        got_precision = place.precision if place else None
        listed = place is not None and any(
            m.start <= case.start < m.end for p in places.places for m in p.mentions)
        where = f"{case.id} {case.toponym!r} in {case.text[:60]!r}"
        report.country.add(got_country == case.country and place is not None)
        if got_country != case.country or place is None:
            report.errors.append(f"country {got_country} ≠ {case.country}: {where}")
        if case.geonameid is not None:
            report.geonameid.add(got_id == case.geonameid)
            if got_id != case.geonameid:
                name = place.name if place else None
                report.errors.append(f"geonameid {got_id} ({name}) ≠ {case.geonameid}: {where}")
        if case.precision is not None:
            report.precision.add(got_precision == case.precision)
            if got_precision != case.precision:
                report.errors.append(f"precision {got_precision} ≠ {case.precision}: {where}")
        report.listing.add(listed == (case.use == "place"))
        if listed != (case.use == "place"):
            report.errors.append(f"listed {listed} but used as {case.use}: {where}")
    return report


def run_toponyms(path: str | Path | None = None, *, model: str | None = None,
                 nlp: Any = None) -> ToponymReport:
    """Load the toponym set and score it with the spaCy pipeline `model` (or a loaded `nlp`)."""
    found = Path(path) if path is not None else find_toponyms()
    cases = load_toponyms(found)
    if nlp is None:
        from ..nlp import load_nlp

        nlp = load_nlp(model)
    return score_toponyms(cases, nlp, path=str(found))
