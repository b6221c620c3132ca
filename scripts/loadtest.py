#!/usr/bin/env python3
"""Loopback load test of the read API: latency percentiles and errors, bounded in count and time.

    python scripts/loadtest.py                          # synthetic store of >= 10,000 events
    python scripts/loadtest.py --source wirecoder.db    # replicate a real store's records
    python scripts/loadtest.py --requests 3000 --seconds 60 --clients 4 --json

It builds (or reuses) a store under out/, starts the explorer in its own process on 127.0.0.1
(rate limit off), sends a fixed mix of read requests from a few client threads, stops at
--requests or --seconds, whichever comes first, stops the server and prints p50/p95/p99 per
endpoint. Only the loopback address is ever contacted. Not part of the unit test suite.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
MAX_REQUESTS = 20_000
MAX_SECONDS = 300

MIX = [  # (name, path) — weights by repetition
    ("events", "/api/events?limit=50"),
    ("events", "/api/events?limit=50&sort=-intensity"),
    ("events filtered", "/api/events?event=ASSAULT&modality=asserted&limit=50"),
    ("events filtered", "/api/events?country=RUS&date_from=2025-03&limit=50"),
    ("events search", "/api/events?q=troops&limit=50"),
    ("statements search", "/api/statements?q=ceasefire&limit=50"),
    ("statements", "/api/statements?kind=direct&limit=50"),
    ("actors", "/api/actors?limit=50"),
    ("dyads", "/api/dyads?limit=50"),
    ("timeline", "/api/timeline"),
    ("network", "/api/network"),
    ("map", "/api/map"),
    ("places", "/api/places"),
    ("page /events", "/events"),
    ("page /", "/"),
    ("article", "ARTICLE"),
]


def shift(day: str | None, days: int) -> str | None:
    if not day or len(day) != 10:
        return day
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


def synthetic(base: list[dict[str, Any]], target_events: int) -> list[dict[str, Any]]:
    """Copies of `base` with distinct texts (so distinct ids) and dates spread over two years."""
    per_copy = sum(len(r.get("events", [])) for r in base)
    if per_copy == 0:
        raise SystemExit("the source store has no events to replicate")
    copies = -(-target_events // per_copy)
    out = []
    for n in range(copies):
        for rec in base:
            r = copy.deepcopy(rec)
            art = r["article"]
            art["text"] = art["text"] + f"\n[copy {n}]"  # appended: offsets stay valid
            art["id"] = hashlib.sha1(art["text"].encode()).hexdigest()
            art["published"] = shift(art.get("published"), (n * 7) % 730)
            for e in r.get("events", []):
                e["date"] = shift(e.get("date"), (n * 7) % 730)
            out.append(r)
    return out


def build_store(path: Path, source: Path | None, events: int) -> None:
    from wirecoder.store import Store

    if source is not None:
        with Store(source, readonly=True) as src:
            base = list(src.iter_results())
    else:
        from wirecoder.web.fixtures import ordinary_records

        base = ordinary_records()
    records = synthetic([r for r in base if r.get("status", "coded") == "coded"], events)
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store(path) as store:
        store.write_results(records, batch_size=200)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    code = ("import uvicorn; from wirecoder.web import create_app; "
            f"uvicorn.run(create_app({str(db)!r}, rate=None), host={HOST!r}, port={port}, "
            "log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the explorer did not start")


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(base: str, article_ids: list[str], *, requests: int, seconds: float,
        clients: int) -> dict[str, Any]:
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    counter = iter(range(requests))
    deadline = time.monotonic() + seconds

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            for i in counter:
                if time.monotonic() > deadline:
                    return
                name, path = MIX[i % len(MIX)]
                if path == "ARTICLE":
                    path = "/api/articles/" + article_ids[i % len(article_ids)]
                t0 = time.perf_counter()
                try:
                    ok = client.get(path).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = (time.perf_counter() - t0) * 1000
                with lock:
                    timings[name].append(elapsed)
                    if not ok:
                        errors[name] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    everything = [v for vs in timings.values() for v in vs]
    summary = {
        name: {"n": len(vs), "errors": errors[name], "p50_ms": round(percentile(vs, 50), 1),
               "p95_ms": round(percentile(vs, 95), 1), "max_ms": round(max(vs), 1)}
        for name, vs in sorted(timings.items())
    }
    return {
        "requests": len(everything), "errors": sum(errors.values()),
        "seconds": round(wall, 1), "per_second": round(len(everything) / wall, 1),
        "p50_ms": round(percentile(everything, 50), 1),
        "p95_ms": round(percentile(everything, 95), 1),
        "p99_ms": round(percentile(everything, 99), 1),
        "max_ms": round(max(everything), 1), "clients": clients, "endpoints": summary,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "out" / "loadtest.db",
                        help="store to serve (built if missing)")
    parser.add_argument("--source", type=Path, help="store whose records to replicate")
    parser.add_argument("--events", type=int, default=10_000, help="events in a built store")
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    requests = min(args.requests, MAX_REQUESTS)
    seconds = min(args.seconds, MAX_SECONDS)

    sys.path.insert(0, str(ROOT / "src"))
    from wirecoder.store import Store

    if not args.db.exists():
        build_store(args.db, args.source, args.events)
    with Store(args.db) as store:  # also migrates an older file
        stats = store.stats(top=1)
        ids = [r[0] for r in store.read("SELECT id FROM articles ORDER BY id LIMIT 500")]
    port = free_port()
    server = start_server(args.db, port)
    try:
        report = run(f"http://{HOST}:{port}", ids, requests=requests, seconds=seconds,
                     clients=args.clients)
    finally:
        server.terminate()
        server.wait(10)
    report["store"] = {k: stats[k] for k in ("articles", "events", "statements", "actors")}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    s = report["store"]
    print(f"store: {s['articles']} articles, {s['events']} events, {s['statements']} statements")
    print(f"{report['requests']} requests in {report['seconds']} s from {report['clients']} "
          f"clients ({report['per_second']}/s); errors: {report['errors']}")
    print(f"latency ms: p50 {report['p50_ms']}  p95 {report['p95_ms']}  p99 {report['p99_ms']}"
          f"  max {report['max_ms']}")
    print(f"{'endpoint':<20}{'n':>6}{'errors':>8}{'p50':>9}{'p95':>9}{'max':>9}")
    for name, row in report["endpoints"].items():
        print(f"{name:<20}{row['n']:>6}{row['errors']:>8}{row['p50_ms']:>9}{row['p95_ms']:>9}"
              f"{row['max_ms']:>9}")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
