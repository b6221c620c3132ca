"""Find, validate and cache the knowledge tables under `wirecoder/data/`.

Tables are TSV with a header row; lines starting with `#` are comments. A user can layer their
own rows over the built-ins by pointing `WIRECODER_DATA` at a folder holding files of the same
name: their rows are added after ours, and a row whose key column repeats one of ours replaces it.
The hash of every table folds into the pipeline version, so stored rows say which knowledge made
them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import DataFileError, short

Row = dict[str, str]

USER_DATA_ENV = "WIRECODER_DATA"


def _builtin_path(name: str) -> Path:
    return Path(str(resources.files("wirecoder") / "data" / name))


def _user_path(name: str) -> Path | None:
    folder = os.environ.get(USER_DATA_ENV)
    if not folder:
        return None
    path = Path(folder) / name
    return path if path.is_file() else None


def parse_tsv(
    text: str, *, name: str, required: Iterable[str] = (), key: str | None = None
) -> list[Row]:
    """Parse one table's text, checking its header and rows. Raises DataFileError."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise DataFileError(f"{name}: the table is empty; it needs a header row", code="E102")
    header_no, header_line = lines[0]
    header = [h.strip() for h in header_line.split("\t")]
    missing = [c for c in required if c not in header]
    if missing:
        raise DataFileError(
            f"{name} line {header_no}: missing column(s) {', '.join(missing)}; "
            f"the header has {', '.join(header)} — add the column(s).",
            code="E103",
        )
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for number, line in lines[1:]:
        cells = next(csv.reader(io.StringIO(line), delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) > len(header):
            raise DataFileError(
                f"{name} line {number}: {len(cells)} cells for {len(header)} columns "
                f"in {short(line)} — remove the extra tab.",
                code="E104",
            )
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        if key is not None:
            value = row[key].lower()
            if not value:
                raise DataFileError(f"{name} line {number}: empty key column {key!r}",
                                    code="E105")
            if value in seen:
                raise DataFileError(
                    f"{name} line {number}: duplicate {key} {short(row[key])} "
                    f"(first on line {seen[value]}) — merge or delete one row.",
                    code="E106",
                )
            seen[value] = number
        rows.append(row)
    return rows


@cache
def load_table(name: str, *, required: tuple[str, ...] = (), key: str | None = None) -> list[Row]:
    """Rows of a built-in table, with the user's rows (if any) layered over them."""
    path = _builtin_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"{name}: no such table in {path.parent}", code="E101") from exc
    rows = parse_tsv(text, name=name, required=required, key=key)
    user = _user_path(name)
    if user is not None:
        extra = parse_tsv(user.read_text(encoding="utf-8"), name=str(user),
                          required=required, key=key)
        if key is None:
            rows = rows + extra
        else:
            replaced = {r[key].lower() for r in extra}
            rows = [r for r in rows if r[key].lower() not in replaced] + extra
    return rows


@cache
def word_lists(name: str) -> dict[str, frozenset[str]]:
    """The word lists of a `list`/`word` table (user rows layered over ours), by list name;
    words are lower-cased. A list a user adds rows to grows, it is never replaced."""
    lists: dict[str, set[str]] = {}
    for row in load_table(name, required=("list", "word")):
        lists.setdefault(row["list"], set()).add(row["word"].lower())
    return {list_name: frozenset(words) for list_name, words in lists.items()}


def words(table: str, name: str) -> frozenset[str]:
    """One list of a word-list table; a missing list is a data error, not an empty set."""
    found = word_lists(table).get(name)
    if not found:
        raise DataFileError(f"{table}: no words for list {name!r} — add rows for it.")
    return found


def split_list(cell: str) -> list[str]:
    """Cells holding several values separate them with `|`."""
    return [v.strip() for v in cell.split("|") if v.strip()]


@cache
def data_hash() -> str:
    """A short hash of every built-in and user table, for the pipeline version."""
    digest = hashlib.sha1()
    folder = Path(str(resources.files("wirecoder") / "data"))
    user = os.environ.get(USER_DATA_ENV)
    paths = sorted(folder.glob("*.tsv")) + sorted(folder.glob("*.jsonl"))
    if user:
        paths += sorted(Path(user).glob("*.tsv"))
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]
