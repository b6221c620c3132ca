"""The explorer in headless Chromium: pages load clean, filters drive the URL, evidence lights
up, and hostile text never runs (every payload would set window.__pwned)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from wirecoder.web.fixtures import RTL, SCRIPT, hostile_records, ordinary_records

SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"
PAGES = {
    "overview": ("/", None),
    "timeline": ("/timeline", "svg.chart rect"),
    "network": ("/network", "svg#network[data-ready]"),
    "map": ("/map", "svg#map[data-ready]"),
    "events": ("/events", "table.events"),
    "statements": ("/statements?q=ceasefire", "table.statements mark"),
    "actors": ("/actors", "table.rows"),
    "articles": ("/articles", "table.rows"),
    "places": ("/places", "table.rows"),
    "api-docs": ("/api/docs", "table.rows"),
}

INERT = """
const injected = [...document.querySelectorAll('script')].filter(
    s => !(s.getAttribute('src') || '').startsWith('/static/'));
return {
  pwned: typeof window.__pwned,
  injectedScripts: injected.length,
  images: document.querySelectorAll('img').length,
  jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  handlers: [...document.querySelectorAll('*')].filter(
      el => [...el.attributes].some(a => a.name.startsWith('on'))).length,
  overflow: document.documentElement.scrollWidth - window.innerWidth,
};
"""


def assert_inert(chrome) -> None:
    state = chrome.run(INERT)
    assert state == {"pwned": "undefined", "injectedScripts": 0, "images": 0, "jsLinks": 0,
                     "handlers": 0, "overflow": state["overflow"]}
    assert state["overflow"] <= 20, "a long line pushed the page sideways"


@pytest.mark.parametrize("name", list(PAGES))
def test_browser_page_loads_clean(page, chrome, name: str) -> None:
    path, ready = PAGES[name]
    page(path, ready=ready)
    assert chrome.title().endswith("wirecoder")
    assert_inert(chrome)
    chrome.screenshot(SHOTS / f"{name}.png")
    assert chrome.console_errors() == []


def test_browser_network_and_map_draw_the_data(page, chrome) -> None:
    page("/network", ready="svg#network[data-ready]")
    assert int(chrome.run("return document.querySelector('#network').dataset.ready")) >= 10
    labels = chrome.run("return [...document.querySelectorAll('#network .node text')]"
                        ".map(t => t.textContent)")
    assert any("<script>" in label for label in labels)  # hostile names drawn as text
    page("/map?event=COERCE&publisher=Fixture+Wire", ready="svg#map[data-ready]")
    assert chrome.run("return document.querySelectorAll('#map .country').length") > 100
    circles = chrome.find_all("#map circle.point")
    assert len(circles) >= 1
    chrome.click(circles[0])
    info = chrome.wait_for("return document.querySelector('#map-info b')?.textContent")
    assert "Nairobi" in info
    link = chrome.run("return document.querySelector('#map-info a').getAttribute('href')")
    assert link.startswith("/events?") and "place=Nairobi" in link
    assert_inert(chrome)


def test_browser_hostile_popups_stay_text(page, chrome) -> None:
    page("/map?place_country=XXX", ready="svg#map[data-ready]")
    chrome.click(chrome.find("#map circle.point"))
    info = chrome.wait_for("return document.querySelector('#map-info b')?.textContent")
    assert SCRIPT in info
    assert_inert(chrome)
    chrome.screenshot(SHOTS / "map-hostile-popup.png")


@pytest.mark.parametrize("which", [0, 1])
def test_browser_hostile_article_is_inert(page, chrome, which: int) -> None:
    record = hostile_records()[which]
    page("/articles/" + quote(record["article"]["id"], safe=""), ready="#text")
    assert_inert(chrome)
    text = chrome.run("return document.getElementById('text').textContent")
    assert text == record["article"]["text"]  # every character shown, none interpreted
    isolated = chrome.run("""
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const bad = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.data.includes(arguments[0])) continue;
          let el = n.parentElement, ok = false;
          while (el && el !== document.body) {
            if (['isolate', 'isolate-override', 'plaintext'].includes(
                getComputedStyle(el).unicodeBidi)) { ok = true; break; }
            el = el.parentElement;
          }
          if (!ok) bad.push(n.data.slice(0, 40));
        }
        return bad;""", RTL)
    assert isolated == []
    chrome.screenshot(SHOTS / f"article-hostile-{which}.png")


def test_browser_filters_change_url_and_results(page, chrome) -> None:
    page("/events", ready="table.events")
    before = int(chrome.run("return document.querySelector('.total').dataset.total"))
    chrome.click(chrome.find("select[name=event] option[value=COERCE]"))
    chrome.wait_for("return location.search.includes('event=COERCE')")
    chrome.wait_for("return document.readyState === 'complete' && "
                    "document.querySelector('.total')")
    query = parse_qs(urlsplit(chrome.url()).query)
    assert query == {"event": ["COERCE"]}  # empty fields left out of the URL
    after = int(chrome.run("return document.querySelector('.total').dataset.total"))
    assert 0 < after < before
    badges = chrome.run("return [...document.querySelectorAll('table.events .badge')]"
                        ".map(b => b.textContent)")
    assert set(badges) == {"COERCE"}
    box = chrome.find("input[name=q]")
    chrome.type(box, "arrested\ue007")  # Enter submits the form
    chrome.wait_for("return location.search.includes('q=arrested')")
    assert parse_qs(urlsplit(chrome.url()).query) == {"q": ["arrested"], "event": ["COERCE"]}
    marks = chrome.run("return [...document.querySelectorAll('table.events mark.trigger')]"
                       ".map(m => m.textContent)")
    assert marks and all(m == "arrested" for m in marks)
    chrome.screenshot(SHOTS / "events-filtered.png")
    assert chrome.console_errors() == []


def test_browser_statement_search_highlights_matches(page, chrome) -> None:
    page("/statements", ready="table.statements")
    chrome.type(chrome.find("input[name=q]"), "ceasefire\ue007")
    chrome.wait_for("return location.search.includes('q=ceasefire')")
    chrome.wait_for("return document.querySelector('table.statements mark')")
    marks = chrome.run("return [...document.querySelectorAll('table.statements mark')]"
                       ".map(m => m.textContent.toLowerCase())")
    assert marks and all(m.startswith("ceasefire") for m in marks)


def test_browser_article_view_highlights_evidence(page, chrome) -> None:
    record = ordinary_records()[1]  # Paris: CONSULT "met", AGREE "agreed"
    page("/articles/" + quote(record["article"]["id"], safe=""), ready="#text")
    assert chrome.run("return document.querySelectorAll('#text .sel').length") == 0
    chrome.click(chrome.find("tr[data-ref='e-e2'] a.show"))
    chrome.wait_for("return location.hash === '#e-e2'")
    selected = chrome.wait_for(
        "return [...document.querySelectorAll('#text .sel')].map(e => e.textContent)")
    assert selected == ["agreed"]
    context = chrome.run("return [...document.querySelectorAll('#text .ctx')]"
                         ".map(e => e.textContent).join('')")
    assert "France agreed to give Ukraine security guarantees" in context
    assert chrome.run("return document.getElementById('row-e-e2').classList.contains('sel')")
    # Clicking a statement in the text selects it and its row.
    chrome.click(chrome.find("#text .hl-statement"))
    chrome.wait_for("return location.hash === '#s-s1'")
    assert chrome.run("return document.getElementById('row-s-s1').classList.contains('sel')")
    chrome.screenshot(SHOTS / "article-evidence.png")
    assert_inert(chrome)


def test_browser_real_article_evidence(page, chrome) -> None:
    page("/articles?q=ceasefire", ready="table.rows")
    chrome.click(chrome.find("table.rows td.text a"))
    chrome.wait_for("return document.getElementById('text')")
    rows = chrome.find_all(".evidence-rows tr[data-ref^='e-'] a.show")
    assert rows
    chrome.click(rows[0])
    selected = chrome.wait_for(
        "return [...document.querySelectorAll('#text .sel')].map(e => e.textContent)")
    assert selected and all(s.strip() for s in selected)
    chrome.screenshot(SHOTS / "article-real.png")
    assert chrome.console_errors() == []
