"""The SQLite store: schema and migrations, batched idempotent writes, search, exports.

from wirecoder.store import Store, export

with Store("wirecoder.db") as store:
    summary = store.write_results(records)           # Result dicts (or Result objects)
    hits = store.search_statements("ceasefire")
with Store("wirecoder.db", readonly=True) as store:
    export(store, "csv", "events.csv")
with Store("wirecoder.db") as store:
    update_clusters(store)                           # story clusters, collapsed events
    list_event_clusters(store)
"""

from .clusters import (
    cluster_stats,
    event_cluster_evidence,
    list_event_clusters,
    list_stories,
    update_clusters,
)
from .db import Store
from .export import EVENT_COLUMNS, EXPORT_FORMATS, export
from .migrations import MIGRATIONS, schema_version
from .query import EVENT_FILTERS, EVENT_SORTS, MAX_LIMIT, fts_query
from .write import WriteSummary

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_FILTERS",
    "EVENT_SORTS",
    "EXPORT_FORMATS",
    "MAX_LIMIT",
    "MIGRATIONS",
    "Store",
    "WriteSummary",
    "cluster_stats",
    "event_cluster_evidence",
    "export",
    "fts_query",
    "list_event_clusters",
    "list_stories",
    "schema_version",
    "update_clusters",
]
