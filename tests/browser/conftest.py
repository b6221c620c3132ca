"""A live explorer on 127.0.0.1 and one headless Chromium for the browser tests.

Skipped cleanly when Debian's chromium / chromium-driver are not installed
(`apt-get install -y chromium chromium-driver`). Screenshots go to out/screenshots/.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from webdriver_client import Chrome, available, free_port

from wirecoder.store import Store
from wirecoder.web.fixtures import hostile_records, ordinary_records

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ("kyiv-overnight-drone-attack.txt", "india-pakistan-ceasefire-hotline.txt",
           "drc-rwanda-goma.txt", "mexico-border-troops-tariffs.txt")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives headless Chromium (Debian's package)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
            if not available():
                item.add_marker(pytest.mark.skip(
                    reason="needs /usr/bin/chromium and /usr/bin/chromedriver "
                           "(apt-get install -y chromium chromium-driver)"))


@pytest.fixture(scope="session")
def browser_db(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Path:
    """The hand-made fixtures (hostile ones included) plus a few sample articles coded for real."""
    from wirecoder.ingest import read_paths

    path = tmp_path_factory.mktemp("browser") / "explorer.db"
    samples = [ROOT / "examples" / "articles" / name for name in SAMPLES]
    items = [r for r in read_paths([p for p in samples if p.is_file()]) if hasattr(r, "text")]
    coded = [r.to_dict() for r in pipeline.extract_many(items)]
    with Store(path) as store:
        store.write_results([*ordinary_records(), *hostile_records(), *coded])
    return path


@pytest.fixture(scope="session")
def server(browser_db: Path) -> Iterator[str]:
    import uvicorn

    from wirecoder.web import create_app

    port = free_port()
    config = uvicorn.Config(create_app(browser_db, rate=None), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the explorer did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def chrome() -> Iterator[Chrome]:
    with Chrome() as browser:
        yield browser


@pytest.fixture
def page(chrome: Chrome, server: str):
    """Opens a path on the live server; checks nothing ran and nothing failed on the way out."""
    chrome.logs()  # drop messages from earlier tests

    def open_(path: str, *, ready: str | None = None) -> Chrome:
        chrome.get(server + path)
        chrome.wait_for("return document.readyState === 'complete'")
        if ready:
            chrome.wait_for(f"return document.querySelector({ready!r})")
        return chrome

    yield open_
    assert chrome.console_errors() == []
    assert chrome.run("return typeof window.__pwned") == "undefined"
