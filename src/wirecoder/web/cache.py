"""A small shared cache of aggregate query results, invalidated by any write to the store.

The explorer's aggregates (actor tables, dyads, timelines, counts) scan the whole store; the
same ones are asked for again and again (every overview, every page's filter choices). A result
is keyed by the store file's signature — size and modification time of the database and its
WAL file, which change with every committed write — so a cached answer is never stale.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from types import MappingProxyType
from typing import Any, TypeVar

from ..store import Store

T = TypeVar("T")
CACHE_SIZE = 256
_cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_lock = threading.Lock()
# Values of these types are shared as they are; anything else is deep-copied for each caller.
_IMMUTABLE = (MappingProxyType, tuple, frozenset, str, int, float, type(None))


def signature(path: str) -> tuple[int, ...] | None:
    """What changes whenever the store changes; None when it cannot be known (":memory:")."""
    if path == ":memory:" or not os.path.isfile(path):
        return None
    out: list[int] = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(path + suffix)
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [0, 0]
    return tuple(out)


def cached(store: Store, name: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """fn(store, *args, **kwargs), remembered until the store changes; callers get a copy."""
    sig = signature(store.path)
    if sig is None:
        return fn(store, *args, **kwargs)
    key = (store.path, sig, name, json.dumps([args, kwargs], sort_keys=True, default=str))
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _copy(_cache[key])
    value = fn(store, *args, **kwargs)
    with _lock:
        _cache[key] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return _copy(value)


def _copy(value: T) -> T:
    return value if isinstance(value, _IMMUTABLE) else copy.deepcopy(value)


def memo(fn: Callable[..., T]) -> Callable[..., T]:
    """Decorate a query function of (store, ...) so its results are `cached`."""

    @functools.wraps(fn)
    def wrapper(store: Store, *args: Any, **kwargs: Any) -> T:
        return cached(store, f"{fn.__module__}.{fn.__qualname__}", fn, *args, **kwargs)

    return wrapper


def clear() -> None:
    with _lock:
        _cache.clear()
