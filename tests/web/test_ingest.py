"""POST /api/articles: token, body limits, validation; hostile articles through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from wirecoder.web import create_app
from wirecoder.web.fixtures import BREAKOUT, JS_URL, RTL, SCRIPT, record

TOKEN = "correct-horse-battery-staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class FakeResult:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def to_dict(self) -> dict[str, Any]:
        return self.data


class FakePipeline:
    """Codes each article as one actor (its first word) and nothing else."""

    def __init__(self) -> None:
        self.calls = 0

    def extract_many(self, items: list[dict[str, Any]]):
        self.calls += 1
        for item in items:
            word = item["text"].split()[0]
            data = record(title=item.get("title") or "untitled",
                          published=item.get("published") or "2025-01-01", text=item["text"],
                          actors=[("a1", word, "country", "FRA", "GOV", None)])
            if item.get("id"):
                data["article"]["id"] = item["id"]
            yield FakeResult(data)


def client_for(app: Any) -> Any:
    # Imported here, not at module level: starlette warns about httpx at import, and the
    # warning filter in conftest.py is only active while tests run.
    from fastapi.testclient import TestClient

    return TestClient(app)


def make_client(tmp_path: Path, **kwargs: Any) -> tuple[Any, FakePipeline]:
    fake = FakePipeline()
    app = create_app(tmp_path / "ingest.db", rate=None, pipeline_factory=lambda: fake, **kwargs)
    return client_for(app), fake


def test_ingest_codes_and_stores(tmp_path: Path) -> None:
    client, fake = make_client(tmp_path, token=TOKEN)
    body = {"articles": [{"text": "France spoke.", "title": "One", "id": "my-id/1"},
                         {"text": "Germany listened.", "published": "2025-02-03"}]}
    r = client.post("/api/articles", json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    out = r.json()["articles"]
    assert [a["status"] for a in out] == ["coded", "coded"] and out[0]["id"] == "my-id/1"
    assert out[0]["url"] == "/articles/my-id%2F1"
    assert client.get("/api/articles/my-id/1").json()["record"]["article"]["title"] == "One"
    assert client.get("/articles/my-id%2F1").status_code == 200
    assert client.get("/api/articles").json()["total"] == 2
    assert fake.calls == 1


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 401), ({"Authorization": TOKEN}, 401),
     ({"Authorization": f"Basic {TOKEN}"}, 401)],
)
def test_ingest_needs_the_token(tmp_path: Path, headers: dict, status: int) -> None:
    client, fake = make_client(tmp_path, token=TOKEN)
    r = client.post("/api/articles", json={"articles": [{"text": "x"}]}, headers=headers)
    assert r.status_code == status and r.json()["ok"] is False
    assert r.headers["www-authenticate"] == "Bearer"
    assert fake.calls == 0


def test_ingest_disabled_without_token(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("WIRECODER_TOKEN", raising=False)
    client, fake = make_client(tmp_path)
    r = client.post("/api/articles", json={"articles": [{"text": "x"}]}, headers=AUTH)
    assert r.status_code == 403 and "WIRECODER_TOKEN" in r.json()["error"]


def test_ingest_token_from_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("WIRECODER_TOKEN", TOKEN)
    client, _ = make_client(tmp_path)
    assert client.post("/api/articles", json={"articles": [{"text": "Spain"}]},
                       headers=AUTH).status_code == 200


@pytest.mark.parametrize(
    "body",
    [{"articles": []}, {"articles": [{"text": ""}]}, {"articles": [{"text": "a", "x": 1}]},
     {"articles": [{"text": "a"}] * 51}, {"articles": [{"text": "a", "published": "today"}]},
     {"text": "a"}, [1, 2]],
)
def test_ingest_validates_the_body(tmp_path: Path, body: Any) -> None:
    client, fake = make_client(tmp_path, token=TOKEN)
    r = client.post("/api/articles", json=body, headers=AUTH)
    assert r.status_code == 400 and r.json()["ok"] is False
    assert fake.calls == 0


def test_ingest_malformed_json_is_400(tmp_path: Path) -> None:
    client, _ = make_client(tmp_path, token=TOKEN)
    r = client.post("/api/articles", content=b'{"articles": [', headers={
        **AUTH, "content-type": "application/json"})
    assert r.status_code == 400 and r.json()["ok"] is False


def test_ingest_body_size_limit(tmp_path: Path) -> None:
    client, fake = make_client(tmp_path, token=TOKEN, max_body=2_000)
    big = {"articles": [{"text": "word " * 1000}]}
    r = client.post("/api/articles", json=big, headers=AUTH)
    assert r.status_code == 413 and r.json()["status"] == 413
    # Without a Content-Length the stream is counted as it arrives.
    chunks = (json.dumps(big)[i:i + 500].encode() for i in range(0, 6000, 500))
    r = client.post("/api/articles", content=chunks, headers={
        **AUTH, "content-type": "application/json"})
    assert r.status_code == 413
    assert fake.calls == 0


HOSTILE_TEXTS = [
    f"{SCRIPT} President Emmanuel Macron said on Friday that France would send aid to Ukraine. "
    f"\"We will not {BREAKOUT} abandon our friends,\" he told reporters in Paris.",
    f"Russian forces attacked the city of Kharkiv overnight, Ukrainian officials said. "
    f"{RTL}The governor said the strike hit a school. See {JS_URL} for more.",
    "Protesters marched in Nairobi. " + "z" * 20_000 + " The police arrested dozens.",
]


def test_ingest_hostile_articles_with_the_real_pipeline(tmp_path: Path, pipeline) -> None:
    app = create_app(tmp_path / "real.db", rate=None, token=TOKEN,
                     pipeline_factory=lambda: pipeline)
    client = client_for(app)
    articles = [{"text": t, "title": f"{SCRIPT}{i}", "url": JS_URL, "published": "2025-09-06"}
                for i, t in enumerate(HOSTILE_TEXTS)]
    r = client.post("/api/articles", json={"articles": articles}, headers=AUTH)
    assert r.status_code == 200, r.text
    coded = r.json()["articles"]
    assert all(a["status"] == "coded" for a in coded)
    assert sum(a["events"] for a in coded) >= 2  # the pipeline still finds events
    for a in coded:
        html = client.get("/articles/" + quote(a["id"], safe="")).text
        assert "<script>window.__pwned" not in html and "<img src=x" not in html
        assert f'href="{JS_URL}' not in html
    for path in ("/", "/events", "/statements", "/actors", "/articles", "/network", "/map"):
        page = client.get(path)
        assert page.status_code == 200
        assert "<script>window.__pwned" not in page.text and "<img src=x" not in page.text
