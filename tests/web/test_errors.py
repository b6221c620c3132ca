"""One error shape everywhere: {"ok": false, "error": str, "status": int}, security headers on."""

from __future__ import annotations

import pytest

from wirecoder.errors import QueryError
from wirecoder.web import aggregates, queries


def assert_error(r, status: int) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert "content-security-policy" in r.headers
    return body


@pytest.mark.parametrize(
    ("path", "params", "status", "says"),
    [
        ("/api/nothing-here", {}, 404, "no page or resource"),
        ("/api/articles/nope", {}, 404, "no article"),
        ("/api/events/nope:e1", {}, 404, "no event"),
        ("/api/events", {"limit": 201}, 400, "limit"),
        ("/api/events", {"limit": 0}, 400, "limit"),
        ("/api/events", {"sort": "id; DROP TABLE events"}, 400, "sort"),
        ("/api/events", {"colour": "red"}, 400, "colour"),
        ("/api/events", {"event": "PARTY"}, 400, "event"),
        ("/api/events", {"date_from": "last week"}, 400, "date_from"),
        ("/api/events", {"country": "ukraine"}, 400, "country"),
        ("/api/events", {"actor_id": "x' OR 1=1 --"}, 400, "actor_id"),
        ("/api/events", {"cursor": "not-a-cursor"}, 400, "cursor"),
        ("/api/events", {"q": '"unclosed phrase'}, 400, "unbalanced"),
        ("/api/events", {"q": "NEAR(ceasefire"}, 400, "unbalanced"),
        ("/api/statements", {"q": 'say "what'}, 400, "unbalanced"),
        ("/api/statements", {"q": "(((("}, 400, "unbalanced"),
        ("/api/statements", {"q": "*** --- ..."}, 400, "no words"),
        ("/api/articles", {"q": '"'}, 400, "unbalanced"),
        ("/api/statements", {"q": "x" * 501}, 400, "q"),
        ("/api/actors", {"sort": "-rank"}, 400, "sort"),
        ("/api/timeline", {"bin": "week"}, 400, "bin"),
        ("/api/network", {"limit": 10_000}, 400, "limit"),
    ],
)
def test_error_shape_for_bad_requests(client, path, params, status, says) -> None:
    body = assert_error(client.get(path, params=params), status)
    assert says in body["error"]


def test_error_balanced_operators_are_plain_words(client) -> None:
    for q in ("NEAR(ceasefire now)", "ceasefire AND NOT now", "col:ceasefire", "ceasefire*"):
        r = client.get("/api/statements", params={"q": q})
        assert r.status_code == 200, (q, r.text)


def test_error_cursor_from_another_sort_is_400(client) -> None:
    nxt = client.get("/api/events", params={"limit": 2, "sort": "date"}).json()["next"]
    body = assert_error(client.get("/api/events", params={"cursor": nxt, "sort": "event"}), 400)
    assert "sort" in body["error"]


def test_error_method_not_allowed(client) -> None:
    assert_error(client.delete("/api/events"), 405)


def test_error_pages_render_html_with_the_same_fields(client) -> None:
    r = client.get("/events?limit=999")
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    assert "Error 400" in r.text and "limit" in r.text
    assert_error(client.get("/events.json?limit=999"), 400)
    assert_error(client.get("/events?limit=999", headers={"Accept": "application/json"}), 400)


def test_error_crash_is_500_in_shape_without_details(client, monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(aggregates, "list_places", boom)
    body = assert_error(client.get("/places.json"), 500)
    assert "secret" not in body["error"]


def test_error_time_limit_is_400(client, monkeypatch) -> None:
    def slow(*args, **kwargs):
        raise QueryError("query stopped after 2.0s; narrow the search or add filters.",
                         code="E313")

    monkeypatch.setattr(queries, "count_events", slow)
    body = assert_error(client.get("/api/events"), 400)
    assert "E313" in body["error"]
