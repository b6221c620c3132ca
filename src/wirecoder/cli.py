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
    quarantined or not coded (the summary says why), 2 on a usage error. Parquet output of
    `wirecoder spark` (or of the local shard runner) is loaded as it is, without recoding.

    Example: wirecoder ingest examples/articles --db wirecoder.db
    """
    from .ingest import ExactDeduper, Rejected
    from .pipeline import article_id
    from .scale.shards import is_results_parquet, read_results
    from .store import Store

    coded_parquet = [p for p in paths if is_results_parquet(p)]
    paths = [p for p in paths if p not in coded_parquet]
    pipe = _pipeline(model) if paths else None
    counts = {"coded": 0, "not coded": 0, "quarantined": 0, "duplicates": 0, "already stored": 0}
    if coded_parquet:
        counts["loaded from Parquet"] = 0
    reasons: list[str] = []
    dedupe = ExactDeduper()
    try:
        store = Store(db)
    except WirecoderError as exc:
        raise _fail(exc) from exc
    with store, Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                         TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("coding", total=None)
        for part in coded_parquet:
            try:
                loaded = store.write_results(read_results(part), batch_size=max(batch_size, 50))
            except WirecoderError as exc:
                raise _fail(exc) from exc
            counts["loaded from Parquet"] += loaded.articles
            progress.advance(task, loaded.articles)

        def to_code() -> Iterator[Any]:
            """Records still to code; rejections and duplicates are recorded on the way."""
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
                yield item

        # One stream through one worker pool for the whole run (a pool per batch would reload
        # the model each time); results are stored a transaction at a time as they arrive.
        results: list[dict[str, Any]] = []
        stream = pipe.extract_many(to_code(), processes=processes, batch_size=batch_size) \
            if pipe is not None else iter(())
        for result in stream:
            results.append(result.to_dict())
            if result.status == "coded":
                counts["coded"] += 1
            else:
                counts["not coded"] += 1
                reasons.append(f"{result.article.title or result.article.id}: {result.reason}")
            progress.advance(task, 1)
            if len(results) >= batch_size:
                store.write_results(results, batch_size=batch_size)
                results = []
        if results:
            store.write_results(results, batch_size=batch_size)
        # Near-duplicate stories and collapsed events are kept up to date (incrementally).
        from .store.clusters import update_clusters

        update_clusters(store)
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


@app.command()
def serve(
    db: DbOpt = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(
        help="Address to bind; keep 127.0.0.1 unless others must reach it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web explorer and REST API over a store (ingest needs WIRECODER_TOKEN set).

    Example: wirecoder serve --db wirecoder.db --port 8000
    """
    import os

    from .web import serve as run_server

    if host not in {"127.0.0.1", "localhost", "::1"}:
        err.print(f"warning: serving on {host}: anyone who can reach it can read the store",
                  markup=False)
    if not db.exists():
        err.print(f"note: {db} does not exist yet; serving an empty store", markup=False)
    ingest_state = "on" if os.environ.get("WIRECODER_TOKEN") else "off (set WIRECODER_TOKEN)"
    out.print(f"wirecoder explorer: http://{host}:{port}/  (API docs /api/docs, ingest {ingest_state})",
              markup=False)
    try:
        run_server(db, host=host, port=port)
    except WirecoderError as exc:
        raise _fail(exc) from exc


@app.command(name="eval")
def evaluate(
    split: Annotated[str, typer.Option(help="Gold split: test, dev or all.")] = "test",
    gold: Annotated[Path | None, typer.Option(help="Another gold folder.")] = None,
    benchmarks: Annotated[bool, typer.Option(help="Also score ../shared/benchmarks if present.")] = True,
    limit: Annotated[int | None, typer.Option(help="Score at most this many benchmark sentences.")] = None,
    markdown: Annotated[Path | None, typer.Option(help="Also write the report as Markdown here.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    baselines: Annotated[bool, typer.Option(
        help="Also score other tools' statement extraction (textacy) on the same gold.")] = False,
    toponyms: Annotated[bool, typer.Option(
        "--toponyms", help="Score place resolution on tests/data/toponyms.tsv instead.")] = False,
    model: ModelOpt = None,
) -> None:
    """Score the pipeline on gold data: statements, speakers, events, modality, actors, places, dates.

    Example: wirecoder eval --split test
    """
    from .evaluate import render_console, render_markdown, run_eval

    if toponyms:
        _eval_toponyms(model=model, as_json=as_json)
        return
    try:
        result = run_eval(split=split, gold_dir=gold, model=model, benchmarks=benchmarks,
                          limit=limit)
        rows = []
        if baselines:
            from .evaluate.baselines import run_baselines

            rows = run_baselines(split=split, gold_dir=gold, model=model)
    except WirecoderError as exc:
        raise _fail(exc) from exc
    if as_json:
        data = result.to_dict()
        if baselines:
            data["baselines"] = [r.to_dict() for r in rows]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        render_console(result, out)
        if baselines:
            from rich.table import Table

            from .evaluate.baselines import HEADER, baseline_rows

            table = Table(*HEADER, title="Statements beside other tools")
            for cells in baseline_rows(rows):
                table.add_row(*cells)
            out.print(table)
            for note in (n for r in rows for n in r.notes):
                out.print(f"note: {note}")
    if markdown is not None:
        text = render_markdown(result)
        if baselines:
            from .evaluate.baselines import render_baselines_markdown

            text += "\n" + render_baselines_markdown(rows)
        markdown.write_text(text, encoding="utf-8")
        err.print(f"wrote {markdown}")


def _eval_toponyms(*, model: str | None, as_json: bool) -> None:
    from rich.table import Table

    from .evaluate.toponyms import run_toponyms

    try:
        report = run_toponyms(model=model)
    except WirecoderError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"Toponyms: {report.cases} cases ({report.path})")
    table.add_column("Metric")
    table.add_column("Value", justify="right")
    table.add_column("Basis", justify="right")
    for label, ratio in [("Country accuracy", report.country),
                         ("GeoNames id accuracy", report.geonameid),
                         ("Precision accuracy", report.precision),
                         ("Listed as place when used as place", report.listing)]:
        value = f"{ratio.value:.1%}" if ratio.value is not None else "–"
        table.add_row(label, value, f"{ratio.correct}/{ratio.total}")
    out.print(table)
    for line in report.errors:
        out.print(f"  {line}", markup=False)


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


@app.command()
def spark(
    inputs: Annotated[list[str], typer.Option(
        "--input", "-i", help="JSONL or Parquet corpus: file, folder or URL Spark reads "
                              "(repeatable).")],
    output: Annotated[str, typer.Option("--output", "-o",
                                        help="Folder for the Parquet output (wirecoder/1).")],
    master: Annotated[str, typer.Option(
        help="Spark master: local[N], spark://HOST:7077, yarn, k8s://...")] = "local[2]",
    partitions: Annotated[int | None, typer.Option(
        help="Repartition the input into this many tasks (spreads one big file).")] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output folder.")] = False,
    model: ModelOpt = None,
) -> None:
    """Code a corpus on Spark (pip install 'wirecoder[spark]'; Java 17+) into Parquet.

    Each executor loads the model once; the rows equal the local pipeline's. Load them into a
    store with `wirecoder ingest OUTPUT --db FILE`. Clusters: see docs/scaling.md.

    Example: wirecoder spark --input corpus.jsonl --output coded/ --master local[2]
    """
    from .scale.spark import run_spark

    try:
        summary = run_spark(inputs, output, master=master, model=model, partitions=partitions,
                            mode="overwrite" if overwrite else "errorifexists")
    except WirecoderError as exc:
        raise _fail(exc) from exc
    except Exception as exc:  # Spark's own errors (output exists, bad path) as one line
        raise _fail(RuntimeError(f"Spark job failed: {type(exc).__name__}: "
                                 f"{str(exc).splitlines()[0] if str(exc) else ''}")) from exc
    table = Table("what", "value", title=f"Spark run into {output}")
    for key in ("rows", "coded", "not_coded", "partitions", "master"):
        table.add_row(key.replace("_", " "), str(getattr(summary, key)))
    out.print(table)
    raise typer.Exit(1 if summary.not_coded else 0)


@app.command()
def watch(
    feeds: Annotated[Path, typer.Argument(help="Text file with one RSS/Atom feed URL per line.")],
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 2h, 1d.")] = "15m",
    db: DbOpt = Path(DEFAULT_DB),
    once: Annotated[bool, typer.Option(help="Poll every feed once, then stop.")] = False,
    fetch_pages: Annotated[bool, typer.Option(
        help="Fetch the linked page when a feed entry holds only a teaser.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a server.")] = 20.0,
    max_bytes: Annotated[int, typer.Option(help="Largest feed accepted, in bytes.")] = 5_000_000,
    model: ModelOpt = None,
) -> None:
    """Poll RSS/Atom feeds, code new entries into the store, keep going when a feed fails.

    Conditional GET (ETag/Last-Modified), timeouts, size caps, per-host spacing and back-off
    for failing feeds; failures are kept in the store's `feeds` table. After each round the
    story clusters are updated. Stop with Ctrl-C.

    Example: wirecoder watch feeds.txt --every 15m --db wirecoder.db
    """
    from .watch import FetchPolicy, parse_interval, read_feed_list
    from .watch import watch as run_watch

    try:
        seconds = parse_interval(every)
        urls = read_feed_list(feeds)
        policy = FetchPolicy(timeout=timeout, max_bytes=max_bytes)
        rounds = run_watch(urls, db, every=seconds, once=once, fetch_pages=fetch_pages,
                           pipeline=_pipeline(model), policy=policy)
        for summary in rounds:
            table = Table("feed", "status", "entries", "new", "coded", "problem",
                          title=f"Poll at {summary.started}")
            for f in summary.feeds:
                table.add_row(f.url[:60], "skipped" if f.skipped else str(f.status or "-"),
                              str(f.entries), str(f.new), str(f.coded),
                              (f.error or "")[:80])
            out.print(table)
            shared = summary.clusters.get("joined", 0)
            err.print(f"coded {summary.coded}, failed feeds {summary.failed}, near duplicates "
                      f"joined to stories {shared}", markup=False)
    except WirecoderError as exc:
        raise _fail(exc) from exc
    except KeyboardInterrupt:
        err.print("stopped", markup=False)


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
