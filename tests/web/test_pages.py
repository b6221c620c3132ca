"""Explorer pages: HTML at every stable URL, and a JSON twin built from the same context."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from wirecoder.web.queries import actor_key

PAGES = ["/", "/timeline", "/network", "/map", "/events", "/statements", "/actors", "/articles",
         "/places"]
FILTERED = ["/events?event=ASSAULT&modality=asserted", "/statements?q=ceasefire",
            "/timeline?bin=month&country=UKR", "/network?event=AGREE", "/map?place_country=RUS",
            "/actors?country=RUS&sort=name", "/articles?publisher=Other+Wire", "/places?q=Gaz"]


def twin(path: str) -> str:
    base, _, query = path.partition("?")
    base = "/index" if base == "/" else base
    return base + ".json" + (f"?{query}" if query else "")


@pytest.mark.parametrize("path", PAGES + FILTERED)
def test_page_has_html_and_equal_json_twins(client, path: str) -> None:
    html = client.get(path)
    assert html.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    assert "Content-Security-Policy" in html.headers
    as_json = client.get(twin(path))
    negotiated = client.get(path, headers={"Accept": "application/json"})
    assert as_json.status_code == negotiated.status_code == 200
    assert as_json.json() == negotiated.json()
    body = as_json.json()
    assert body["ok"] is True and body["title"]
    assert f'href="{twin(path).replace("&", "&amp;")}"' in html.text  # the page links its twin


def test_page_article_view_highlights_evidence(client, records) -> None:
    record = records[0]
    path = "/articles/" + quote(record["article"]["id"], safe="")
    page = client.get(path)
    assert page.status_code == 200
    assert 'class="ev-sentence hl-event" data-refs="e-e1" data-context="e-e1"' in page.text
    assert ">legitimate targets</span>" in page.text
    data = client.get(path + ".json").json()
    assert "".join(s["text"] for s in data["segments"]) == record["article"]["text"]
    trigger = next(s for s in data["segments"] if "e-e1" in s["refs"].split())
    assert trigger["text"] == "legitimate targets"
    assert data["events"][0]["actors"][0]["key"] == actor_key("Vladimir Putin", "RUS")


def test_page_actor_profile(client) -> None:
    key = actor_key("Ukraine", "UKR")
    page = client.get(f"/actors/{key}")
    assert page.status_code == 200 and "Events as recipient" in page.text
    data = client.get(f"/actors/{key}.json").json()
    assert data["events_as_recipient_total"] == 2 and data["events_as_actor_total"] == 1
    assert data["links"]["events"] == f"/events?participant_id={key}"


def test_page_filters_keep_in_links(client) -> None:
    data = client.get("/events.json", params={"country": "RUS", "limit": 1}).json()
    assert data["next_url"].startswith("/events?country=RUS&limit=1&cursor=")
    nxt = client.get(data["next_url"].replace("/events?", "/events.json?")).json()
    assert nxt["rows"][0]["id"] != data["rows"][0]["id"]
    assert nxt["first_url"] == "/events?country=RUS&limit=1"
    assert data["exports"]["csv"] == "/api/events/export?country=RUS&format=csv"


def test_page_empty_form_fields_are_ignored(client) -> None:
    r = client.get("/events?q=&event=&modality=asserted&date_from=&date_to=")
    assert r.status_code == 200
    assert client.get("/events.json?q=&event=&modality=asserted").json()["filters"] == {
        "modality": ["asserted"]}


def test_page_unknown_article_is_html_404(client) -> None:
    r = client.get("/articles/no-such-article")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no article with that id" in r.text
    assert client.get("/articles/no-such-article.json").json()["status"] == 404


def test_page_static_assets_and_api_docs_are_local(client) -> None:
    for asset in ("/static/app.css", "/static/app.js", "/static/network.js", "/static/map.js",
                  "/static/article.js", "/static/vendor/d3-force.min.js",
                  "/static/vendor/countries-110m.json", "/static/favicon.svg"):
        assert client.get(asset).status_code == 200, asset
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "cdn" not in docs.text.lower()
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
    spec = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/statements", "/api/articles", "/api/actors", "/api/places",
            "/api/events/export"} <= set(spec["paths"])
    assert not any(p.startswith("/events") for p in spec["paths"])


def test_docs_describe_every_route(client) -> None:
    root = Path(__file__).resolve().parents[2] / "docs"
    api_doc = (root / "rest-api.md").read_text(encoding="utf-8")
    spec = client.get("/api/openapi.json").json()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            assert f"### `{method.upper()} {path}`" in api_doc, (method, path)
            for param in op.get("parameters", []):
                if param["in"] == "query":
                    assert f"`{param['name']}`" in api_doc, (path, param["name"])
    pages_doc = (root / "explorer.md").read_text(encoding="utf-8")
    for route in client.app.routes:
        path = getattr(route, "path", "")
        if not path.startswith(("/api", "/static")) and not path.endswith(".json"):
            shown = path.replace("{key}", "{id}").replace("{article_id:path}", "{id}")
            assert f"| `{shown}` |" in pages_doc, path


def test_page_filter_form_keeps_filters_without_controls(client) -> None:
    html = client.get("/map?place_country=XXX&mode=firearms").text
    assert '<input type="hidden" name="place_country" value="XXX">' in html
    assert '<input type="hidden" name="mode" value="firearms">' in html
