"""The `wirecoder` command. Library code never prints; this module does, through Rich."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import WirecoderError
from .version import __version__

app = typer.Typer(
    name="wirecoder", no_args_is_help=True, add_completion=False, rich_markup_mode=None,
    help="Code news reports into actors, statements and PLOVER events with evidence offsets.",
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

DEFAULT_DB = "wirecoder.db"
ModelOpt = Annotated[str | None, typer.Option(
    "--model", envvar="WIRECODER_MODEL",
    help="spaCy pipeline to use (package name or path); default en_core_web_sm.")]
DbOpt = Annotated[Path, typer.Option("--db", help="SQLite store file.")]


def _fail(exc: Exception) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
    return typer.Exit(2)


def _pipeline(model: str | None) -> Any:
    from .pipeline import Pipeline

    try:
        return Pipeline(model=model)
    except WirecoderError as exc:
        raise _fail(exc) from exc


def _records(paths: list[Path], published: str | None, max_bytes: int) -> Iterator[Any]:
    from .ingest import read_paths

    for item in read_paths(paths, max_bytes=max_bytes):
        if published and getattr(item, "published", "x") is None:
            item.published = published
        yield item


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .html .jsonl .csv feeds).")],
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, json or table.")] = "jsonl",
    max_bytes: Annotated[int, typer.Option(help="Largest document accepted, in bytes.")] = 2_000_000,
    model: ModelOpt = None,
) -> None:
    """Code articles and print one wirecoder/1 record per article to stdout, in input order.

    Example: wirecoder extract examples/articles/kyiv-overnight-drone-attack.txt --format table
    """
    from .ingest import Rejected

    if fmt not in {"jsonl", "json", "table"}:
        raise _fail(ValueError(f"--format must be jsonl, json or table, not {fmt!r}"))
    pipe = _pipeline(model)
    failed = 0
    pending: list[Any] = []
    collected: list[dict[str, Any]] = []

    def flush() -> None:
        for result in pipe.extract_many(pending):
            if result.status != "coded":
                err.print(f"not coded: {result.article.id}: {result.reason}", markup=False)
            if fmt == "jsonl":
                sys.stdout.write(result.to_json() + "\n")
            elif fmt == "json":
                collected.append(result.to_dict())
            else:
                _print_result_table(result)
        pending.clear()

    for item in _records(paths, published, max_bytes):
        if isinstance(item, Rejected):
            failed += 1
            err.print(f"skipped {item.origin}: [{item.code}] {item.reason}", markup=False)
            continue
        pending.append(item)
        if len(pending) >= 16:
            flush()
    flush()
    if fmt == "json":
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(1 if failed else 0)


def _print_result_table(result: Any) -> None:
    art = result.article
    out.rule(f"{art.title or art.id} ({art.published or 'no date'})")
    names = {a.id: a.name for a in result.actors}
    actors = Table("actor", "kind", "country", "sector", "role", "mentions", title="Actors")
    for a in result.actors:
        actors.add_row(a.name, a.kind, a.country or "", a.sector or "", a.role or "",
                       str(len(a.mentions)))
    out.print(actors)
    statements = Table("speaker", "cue", "kind", "content", title="Statements")
    for s in result.statements:
        statements.add_row(names.get(s.speaker or "", s.speaker_text or "?"), s.cue or "",
                           s.kind, s.content[:120])
    out.print(statements)
    events = Table("event", "mode", "modality", "actor", "recipient", "trigger", "date", "place",
                   title="Events")
    for e in result.events:
        events.add_row(e.event, e.mode or "", e.modality, "; ".join(names[i] for i in e.actor),
                       "; ".join(names[i] for i in e.recipient), e.event_text, e.date or "",
                       e.place.name if e.place else "")
    out.print(events)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to code and store.")],
    db: DbOpt = Path(DEFAULT_DB),
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
    processes: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Articles per store transaction.")] = 16,
    max_bytes: Annotated[int, typer.Option(help="Largest document accepted, in bytes.")] = 2_000_000,
    model: ModelOpt = None,
) -> None:
    """Code articles into the SQLite store, skipping those already coded by this pipeline.

    Re-running is safe: ids are content hashes, so nothing is stored twice, and a killed run
    resumes where it stopped. Exit code 0 when every record was coded, 1 when some were
    quarantined or not coded (the summary says why), 2 on a usage error.

    Example: wirecoder ingest examples/articles --db wirecoder.db
    """
    from .ingest import ExactDeduper, Rejected
    from .pipeline import article_id
    from .store import Store

    pipe = _pipeline(model)
    counts = {"coded": 0, "not coded": 0, "quarantined": 0, "duplicates": 0, "already stored": 0}
    reasons: list[str] = []
    dedupe = ExactDeduper()
    try:
        store = Store(db)
    except WirecoderError as exc:
        raise _fail(exc) from exc
    with store, Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                         TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("coding", total=None)
        pending: list[Any] = []

        def flush() -> None:
            results = []
            for result in pipe.extract_many(pending, processes=processes, batch_size=batch_size):
                results.append(result.to_dict())
                if result.status == "coded":
                    counts["coded"] += 1
                else:
                    counts["not coded"] += 1
                    reasons.append(f"{result.article.title or result.article.id}: {result.reason}")
            store.write_results(results, batch_size=batch_size)
            progress.advance(task, len(pending))
            pending.clear()

        for item in _records(paths, published, max_bytes):
            if isinstance(item, Rejected):
                counts["quarantined"] += 1
                reasons.append(f"{item.origin}: [{item.code}] {item.reason}")
                store.write_rejected(item.origin, item.code, item.reason)
                continue
            original = dedupe.check(item)
            if original is not None:
                counts["duplicates"] += 1
                store.write_duplicate(item.id or article_id(item.text), item.origin,
                                      article_id(item.text))
                continue
            if store.has_article(item.id or article_id(item.text), pipeline=pipe.version):
                counts["already stored"] += 1
                continue
            pending.append(item)
            if len(pending) >= batch_size * max(processes, 1):
                flush()
        if pending:
            flush()
    summary = Table("outcome", "records", title=f"Ingest into {db}")
    for key, value in counts.items():
        summary.add_row(key, str(value))
    out.print(summary)
    for line in reasons[:50]:
        err.print(line, markup=False, highlight=False)
    if len(reasons) > 50:
        err.print(f"... and {len(reasons) - 50} more (see the store's rejected table)")
    raise typer.Exit(1 if counts["quarantined"] or counts["not coded"] else 0)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in statements (FTS5, sanitised).")],
    db: DbOpt = Path(DEFAULT_DB),
    limit: Annotated[int, typer.Option(help="Most results to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """Search stored statements.

    Example: wirecoder search "security guarantees" --db wirecoder.db
    """
    from .store import Store

    try:
        with Store(db, readonly=True) as store:
            rows = store.search_statements(query, limit=limit)
    except WirecoderError as exc:
        raise _fail(exc) from exc
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    table = Table("date", "speaker", "cue", "statement", "article", title=f"Statements: {query}")
    for row in rows:
        table.add_row(row.get("published") or "", row.get("speaker_name") or
                      row.get("speaker_text") or "", row.get("cue") or "",
                      (row.get("content") or "")[:160], (row.get("title") or "")[:50])
    out.print(table)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet, geojson or gexf.")] = "jsonl",
    db: DbOpt = Path(DEFAULT_DB),
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="File to write (default: stdout).")] = None,
) -> None:
    """Export the store: jsonl (one record per article), csv/parquet (one row per event),
    geojson (events with places), gexf (actor network).

    Example: wirecoder export --format csv --db wirecoder.db -o events.csv
    """
    from .store import Store
    from .store.export import export as run_export

    if fmt == "parquet" and output is None:
        raise _fail(ValueError("--format parquet needs --output FILE"))
    try:
        with Store(db, readonly=True) as store:
            n = run_export(store, fmt, output if output is not None else sys.stdout)
    except (WirecoderError, ValueError) as exc:
        raise _fail(exc) from exc
    err.print(f"exported {n} rows as {fmt}" + (f" to {output}" if output else ""))


@app.command()
def stats(db: DbOpt = Path(DEFAULT_DB),
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Summarise the store: articles, actors, statements, events by type, top actors.

    Example: wirecoder stats --db wirecoder.db
    """
    from .store import Store

    try:
        with Store(db, readonly=True) as store:
            data = store.stats()
    except WirecoderError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    _print_stats(data)


def _print_stats(data: dict[str, Any]) -> None:
    counts = Table("what", "count", title="Store")
    for key, value in data.items():
        if isinstance(value, int):
            counts.add_row(key.replace("_", " "), str(value))
    out.print(counts)
    for key, value in data.items():
        if isinstance(value, dict) and value:
            table = Table(key.replace("_", " "), "count")
            for name, count in value.items():
                table.add_row(str(name), str(count))
            out.print(table)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            cols = list(value[0])
            table = Table(*cols, title=key.replace("_", " "))
            for row in value:
                table.add_row(*(str(row.get(c, "")) for c in cols))
            out.print(table)


@app.command(name="eval")
def evaluate(
    split: Annotated[str, typer.Option(help="Gold split: test, dev or all.")] = "test",
    gold: Annotated[Path | None, typer.Option(help="Another gold folder.")] = None,
    benchmarks: Annotated[bool, typer.Option(help="Also score ../shared/benchmarks if present.")] = True,
    limit: Annotated[int | None, typer.Option(help="Score at most this many benchmark sentences.")] = None,
    markdown: Annotated[Path | None, typer.Option(help="Also write the report as Markdown here.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    model: ModelOpt = None,
) -> None:
    """Score the pipeline on gold data: statements, speakers, events, modality, actors, places, dates.

    Example: wirecoder eval --split test
    """
    from .evaluate import render_console, render_markdown, run_eval

    try:
        result = run_eval(split=split, gold_dir=gold, model=model, benchmarks=benchmarks,
                          limit=limit)
    except WirecoderError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        render_console(result, out)
    if markdown is not None:
        markdown.write_text(render_markdown(result), encoding="utf-8")
        err.print(f"wrote {markdown}")


@app.command()
def bench(
    n: Annotated[int, typer.Option("--n", help="Articles to code.")] = 200,
    processes: Annotated[int, typer.Option(help="Worker processes for the full pipeline.")] = 1,
    markdown: Annotated[Path | None, typer.Option(help="Also write the report as Markdown here.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    model: ModelOpt = None,
) -> None:
    """Measure throughput and memory of the full pipeline against raw spaCy on the same texts.

    Example: wirecoder bench --n 200
    """
    from .evaluate import render_console, render_markdown, run_bench

    try:
        result = run_bench(n=n, processes=processes, model=model)
    except WirecoderError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        render_console(result, out)
    if markdown is not None:
        markdown.write_text(render_markdown(result), encoding="utf-8")


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if version:
        out.print(f"wirecoder {__version__}")
        raise typer.Exit(0)


def main() -> None:
    app()
