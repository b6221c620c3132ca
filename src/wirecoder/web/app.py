"""The FastAPI application: REST API under /api, explorer pages with JSON twins, static files.

    from wirecoder.web import create_app
    app = create_app("wirecoder.db")             # serve with uvicorn, bound to 127.0.0.1

Every page answers at `/path` (HTML), `/path.json` and, for `Accept: application/json`, at
`/path` too, from one context dict (views.py). Errors have one JSON shape,
`{"ok": false, "error": "...", "status": 400}`; pages show the same fields as HTML. Reads use a
read-only, time-limited Store per worker thread; the one write endpoint (POST /api/articles)
needs the token from WIRECODER_TOKEN and codes the articles with the NLP pipeline, loaded on
first use.
"""

# No `from __future__ import annotations`: FastAPI reads the endpoint annotations live.
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException

from ..errors import QueryError, StoreError, WirecoderError
from ..store import Store
from ..version import __version__
from . import aggregates, exports, queries, views
from .charts import stacked_bars
from .params import (
    ActorExport,
    ActorQuery,
    ArticleExport,
    ArticleQuery,
    DyadQuery,
    EventExport,
    EventFilters,
    EventQuery,
    IngestRequest,
    NetworkQuery,
    NoParams,
    PlaceExport,
    PlaceQuery,
    StatementExport,
    StatementQuery,
    TimelineQuery,
)
from .security import BodyLimit, RateLimit, SecurityHeaders, clip, safe_url, token_ok

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
MAX_BODY_BYTES = 2_000_000
TIME_LIMIT = 2.0  # seconds per read query
MMAP_BYTES = 256 * 1024 * 1024
NAV = [("/", "Overview"), ("/timeline", "Timeline"), ("/network", "Network"), ("/map", "Map"),
       ("/events", "Events"), ("/statements", "Statements"), ("/actors", "Actors"),
       ("/articles", "Articles"), ("/places", "Places"), ("/api/docs", "API")]


class ThreadStores:
    """One read-only Store per worker thread (SQLite connections stay in their thread)."""

    def __init__(self, path: str, time_limit: float | None) -> None:
        self.path, self.time_limit = path, time_limit
        self.local = threading.local()

    def get(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = Store(self.path, readonly=True, time_limit=self.time_limit)
            # Memory-mapped reads share the OS page cache between threads: listings that scan
            # the events table run about a third faster than through SQLite's small cache.
            store.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            store.conn.execute("PRAGMA cache_size = -16384")
            self.local.store = store
        return store


def make_templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["link"] = safe_url
    env.filters["clip"] = clip
    env.globals.update(nav=NAV, href=views.href, article_href=views.article_href,
                       stacked_bars=stacked_bars, version=__version__)
    return env


def wants_json(request: Request) -> bool:
    if request.url.path.endswith(".json") or request.url.path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    rate: float | None = 50.0,
    burst: int = 200,
    max_body: int = MAX_BODY_BYTES,
    time_limit: float | None = TIME_LIMIT,
    pipeline_factory: Callable[[], Any] | None = None,
) -> FastAPI:
    """The explorer and REST API over the store at `db` (created empty if missing).

    token: the ingest token; default from the WIRECODER_TOKEN environment variable; without
        one, POST /api/articles answers 403.
    rate, burst: requests a second per client address, and the burst allowed; None: no limit.
    max_body: largest request body accepted, in bytes.
    time_limit: seconds a single read query may run (then 400 with code E313).
    pipeline_factory: builds the NLP pipeline for ingest (default wirecoder.pipeline.Pipeline).
    """
    db = str(db)
    try:
        # Create or migrate the store once, so the read-only connections can open it.
        Store(db).close()
    except StoreError:
        if not Path(db).is_file():
            raise
    Store(db, readonly=True).close()  # fail now, not on the first request
    token = token if token is not None else os.environ.get("WIRECODER_TOKEN") or None
    stores = ThreadStores(db, time_limit)
    templates = make_templates()
    app = FastAPI(title="wirecoder", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Actors, statements and PLOVER events coded from news reports, "
                              "with evidence offsets. Errors: {ok: false, error, status}.")
    app.state.stores = stores
    app.state.db = db
    state: dict[str, Any] = {"pipeline": None}
    write_lock = threading.Lock()

    # -- responses and errors -------------------------------------------------------------

    def render(request: Request, template: str, ctx: dict[str, Any]) -> Response:
        if wants_json(request):
            return JSONResponse({"ok": True, **ctx})
        path = request.url.path
        query = request.url.query
        twin = ("/index" if path == "/" else path) + ".json" + (f"?{query}" if query else "")
        html = templates.get_template(template).render(**ctx, path=path, json_url=twin,
                                                       active=path)
        return HTMLResponse(html)

    def error(request: Request, status: int, message: str,
              headers: dict[str, str] | None = None) -> Response:
        body = {"ok": False, "error": message, "status": status}
        if wants_json(request):
            return JSONResponse(body, status_code=status, headers=headers)
        html = templates.get_template("error.html").render(
            **body, title=f"Error {status}", path=request.url.path, json_url=None, active="")
        return HTMLResponse(html, status_code=status, headers=headers)

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page or resource at {clip(request.url.path, 200)}"
        return error(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for item in exc.errors()[:5]:
            where = ".".join(str(x) for x in item.get("loc", ())[1:]) or "request"
            parts.append(f"{where}: {item.get('msg', 'invalid')}")
        return error(request, 400, clip("; ".join(parts) or "invalid request", 600))

    @app.exception_handler(QueryError)
    async def on_query(request: Request, exc: QueryError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(WirecoderError)
    async def on_store(request: Request, exc: WirecoderError) -> Response:
        log.error("request %s failed: %s", request.url.path, exc)
        return error(request, 500, f"[{exc.code}] the store could not answer; see the log.")

    def not_found(what: str) -> HTTPException:
        return HTTPException(404, f"no {what} with that id")

    # -- pages (HTML + JSON twins) --------------------------------------------------------

    def add_page(path: str, template: str, model: type, build: Callable[..., dict]) -> None:
        def page(request: Request, p: Annotated[model, Query()]) -> Response:  # type: ignore
            return render(request, template, build(stores.get(), p))

        for suffix in ("", ".json"):
            app.add_api_route((path.rstrip("/") or "/index") + suffix if suffix else path, page,
                              methods=["GET"], include_in_schema=False,
                              name=f"page:{path}{suffix}")

    add_page("/", "overview.html", NoParams, views.overview)
    add_page("/timeline", "timeline.html", TimelineQuery, views.timeline)
    add_page("/network", "network.html", NetworkQuery, views.network)
    add_page("/map", "map.html", EventFilters, views.map_view)
    add_page("/events", "events.html", EventQuery, views.events)
    add_page("/statements", "statements.html", StatementQuery, views.statements)
    add_page("/actors", "actors.html", ActorQuery, views.actors)
    add_page("/articles", "articles.html", ArticleQuery, views.articles)
    add_page("/places", "places.html", PlaceQuery, views.places)

    @app.get("/actors/{key}", include_in_schema=False)
    def actor_page(request: Request, key: str, p: Annotated[NoParams, Query()]) -> Response:
        key = key.removesuffix(".json")
        ctx = views.actor(stores.get(), key)
        if ctx is None:
            raise not_found("actor")
        return render(request, "actor.html", ctx)

    @app.get("/articles/{article_id:path}", include_in_schema=False)
    def article_page(request: Request, article_id: str,
                     p: Annotated[NoParams, Query()]) -> Response:
        # `/articles/ID.json` is the twin of `/articles/ID`; an id that itself ends in .json
        # is reached with Accept: application/json or as ID.json.json.
        ctx = views.article(stores.get(), article_id.removesuffix(".json"))
        if ctx is None:
            raise not_found("article")
        return render(request, "article.html", ctx)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # -- REST API -------------------------------------------------------------------------

    def listing(path: str, p: Any, rows: list, nxt: str | None,
                total: int | None) -> JSONResponse:
        return JSONResponse({"ok": True, **views.listing(path, p, rows, nxt, total)})

    @app.get("/api/events", tags=["events"], summary="List events")
    def api_events(p: Annotated[EventQuery, Query()]) -> JSONResponse:
        store, f = stores.get(), p.filters()
        rows, nxt = queries.list_events(store, f, sort=p.sort, limit=p.limit, cursor=p.cursor)
        return listing("/api/events", p, rows, nxt, queries.count_events(store, f))

    @app.get("/api/events/export", tags=["events"], summary="Export filtered events",
             response_class=Response)
    def api_events_export(p: Annotated[EventExport, Query()]) -> Response:
        data = exports.export_events(stores.get(), p.filters(), p.format)
        return download(data, p.format, "events")

    @app.get("/api/events/{event_id:path}", tags=["events"], summary="One event")
    def api_event(event_id: Annotated[str, PathParam(max_length=500)]) -> JSONResponse:
        event = queries.get_event(stores.get(), event_id)
        if event is None:
            raise not_found("event")
        return JSONResponse({"ok": True, "event": event})

    @app.get("/api/statements", tags=["statements"], summary="List or search statements")
    def api_statements(p: Annotated[StatementQuery, Query()]) -> JSONResponse:
        store, f = stores.get(), p.filters()
        rows, nxt = queries.list_statements(store, f, sort=p.sort, limit=p.limit,
                                            cursor=p.cursor)
        return listing("/api/statements", p, rows, nxt, queries.count_statements(store, f))

    @app.get("/api/statements/export", tags=["statements"], response_class=Response,
             summary="Export filtered statements")
    def api_statements_export(p: Annotated[StatementExport, Query()]) -> Response:
        data = exports.export_statements(stores.get(), p.filters(), p.format)
        return download(data, p.format, "statements")

    @app.get("/api/articles", tags=["articles"], summary="List articles")
    def api_articles(p: Annotated[ArticleQuery, Query()]) -> JSONResponse:
        store, f = stores.get(), p.filters()
        rows, nxt = queries.list_articles(store, f, sort=p.sort, limit=p.limit, cursor=p.cursor)
        return listing("/api/articles", p, rows, nxt, queries.count_articles(store, f))

    @app.get("/api/articles/export", tags=["articles"], response_class=Response,
             summary="Export the wirecoder/1 records of filtered articles (JSONL)")
    def api_articles_export(p: Annotated[ArticleExport, Query()]) -> Response:
        return download(exports.export_articles(stores.get(), p.filters()), "jsonl", "articles")

    @app.get("/api/articles/{article_id:path}", tags=["articles"],
             summary="One article's wirecoder/1 record")
    def api_article(article_id: Annotated[str, PathParam(max_length=500)]) -> JSONResponse:
        record = stores.get().get_result(article_id)
        if record is None:
            raise not_found("article")
        return JSONResponse({"ok": True, "record": record})

    @app.get("/api/actors", tags=["actors"], summary="List actors across articles")
    def api_actors(p: Annotated[ActorQuery, Query()]) -> JSONResponse:
        rows, nxt = aggregates.list_actors(stores.get(), p.filters(), sort=p.sort,
                                           limit=p.limit, cursor=p.cursor)
        return listing("/api/actors", p, rows, nxt, None)

    @app.get("/api/actors/export", tags=["actors"], response_class=Response,
             summary="Export filtered actors")
    def api_actors_export(p: Annotated[ActorExport, Query()]) -> Response:
        return download(exports.export_actors(stores.get(), p.filters(), p.format), p.format,
                        "actors")

    @app.get("/api/actors/{key}", tags=["actors"], summary="One actor's profile")
    def api_actor(key: Annotated[str, PathParam(max_length=100)]) -> JSONResponse:
        profile = aggregates.actor_profile(stores.get(), key)
        if profile is None:
            raise not_found("actor")
        return JSONResponse({"ok": True, "actor": profile})

    @app.get("/api/places", tags=["places"], summary="List places")
    def api_places(p: Annotated[PlaceQuery, Query()]) -> JSONResponse:
        rows, nxt = aggregates.list_places(stores.get(), p.filters(), sort=p.sort,
                                           limit=p.limit, cursor=p.cursor)
        return listing("/api/places", p, rows, nxt, None)

    @app.get("/api/places/export", tags=["places"], response_class=Response,
             summary="Export filtered places")
    def api_places_export(p: Annotated[PlaceExport, Query()]) -> Response:
        return download(exports.export_places(stores.get(), p.filters(), p.format), p.format,
                        "places")

    @app.get("/api/dyads", tags=["events"], summary="Actor-recipient pairs of filtered events")
    def api_dyads(p: Annotated[DyadQuery, Query()]) -> JSONResponse:
        rows, nxt = aggregates.list_dyads(stores.get(), p.filters(), limit=p.limit,
                                          cursor=p.cursor)
        return listing("/api/dyads", p, rows, nxt, None)

    @app.get("/api/timeline", tags=["events"], summary="Events per day, month or year")
    def api_timeline(p: Annotated[TimelineQuery, Query()]) -> JSONResponse:
        return JSONResponse({"ok": True, "filters": p.filters(),
                             **aggregates.timeline(stores.get(), p.filters(), bin=p.bin)})

    @app.get("/api/network", tags=["events"], summary="Actor network of filtered events")
    def api_network(p: Annotated[NetworkQuery, Query()]) -> JSONResponse:
        return JSONResponse({"ok": True, "filters": p.filters(),
                             **aggregates.network(stores.get(), p.filters(), limit=p.limit)})

    @app.get("/api/map", tags=["events"], summary="Places of filtered events")
    def api_map(p: Annotated[EventFilters, Query()]) -> JSONResponse:
        return JSONResponse({"ok": True, "filters": p.filters(),
                             **aggregates.map_points(stores.get(), p.filters())})

    @app.get("/api/stats", tags=["store"], summary="Counts and top actors")
    def api_stats() -> JSONResponse:
        return JSONResponse({"ok": True, **aggregates.store_stats(stores.get())})

    @app.get("/api/docs", include_in_schema=False)
    def api_docs(request: Request) -> Response:
        spec = app.openapi()
        ops = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "params": [q["name"] for q in op.get("parameters", [])]}
               for path, item in spec["paths"].items() for method, op in item.items()]
        html = templates.get_template("api.html").render(
            title="REST API", operations=ops, path="/api/docs", json_url="/api/openapi.json",
            active="/api/docs")
        return HTMLResponse(html)

    # -- ingest ---------------------------------------------------------------------------

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:
            raise HTTPException(403, "ingest is disabled; start the server with "
                                     "WIRECODER_TOKEN set to enable it.")
        if not token_ok(authorization, token):
            raise HTTPException(401, "missing or wrong token; send "
                                     "'Authorization: Bearer <WIRECODER_TOKEN>'.",
                                headers={"WWW-Authenticate": "Bearer"})

    def pipeline() -> Any:
        with write_lock:
            if state["pipeline"] is None:
                if pipeline_factory is not None:
                    state["pipeline"] = pipeline_factory()
                else:
                    from ..pipeline import Pipeline

                    state["pipeline"] = Pipeline()
            return state["pipeline"]

    @app.post("/api/articles", tags=["articles"], dependencies=[Depends(require_token)],
              summary="Code and store articles (needs the token)")
    def api_ingest(body: IngestRequest) -> JSONResponse:
        pipe = pipeline()
        results = [r.to_dict() for r in pipe.extract_many([a.model_dump() for a in
                                                           body.articles])]
        with write_lock, Store(db) as store:
            store.write_results(results)
        return JSONResponse({"ok": True, "articles": [
            {"id": r["article"]["id"], "status": r.get("status", "coded"),
             "reason": r.get("reason"), "actors": len(r.get("actors", [])),
             "statements": len(r.get("statements", [])), "events": len(r.get("events", [])),
             "url": views.article_href(r["article"]["id"])}
            for r in results]})

    # Outermost first: headers on everything (errors included), then limits.
    app.add_middleware(BodyLimit, max_bytes=max_body)
    if rate is not None:
        app.add_middleware(RateLimit, rate=rate, burst=burst)
    app.add_middleware(SecurityHeaders)
    return app


def download(data: bytes, fmt: str, stem: str) -> Response:
    ext = "parquet" if fmt == "parquet" else fmt
    return Response(data, media_type=exports.MEDIA[fmt],
                    headers={"content-disposition": f'attachment; filename="{stem}.{ext}"'})


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the explorer with uvicorn (blocking)."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info",
                server_header=False, proxy_headers=False)
