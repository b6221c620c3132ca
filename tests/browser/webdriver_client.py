"""A minimal W3C WebDriver client for Debian's chromium + chromedriver, on the standard library.

Enough for the explorer's browser tests: open pages, run scripts, click, type, read the console
log and take screenshots. No browser is downloaded: it drives /usr/bin/chromium through
/usr/bin/chromedriver, both from Debian's packages (`apt-get install chromium chromium-driver`).
"""

from __future__ import annotations

import base64
import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--window-size=1360,1000",
]
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C key of an element reference


def available() -> bool:
    return CHROMIUM.is_file() and CHROMEDRIVER.is_file()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriverError(RuntimeError):
    pass


class Chrome:
    """A headless Chromium session. Use as a context manager."""

    def __init__(self, *, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [str(CHROMEDRIVER), f"--port={self.port}", "--allowed-ips=127.0.0.1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        self.session = ""
        try:
            self._wait_ready()
            caps = {"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {"binary": str(CHROMIUM), "args": FLAGS},
                "goog:loggingPrefs": {"browser": "ALL"},
            }}}
            self.session = self._call("POST", "/session", caps)["sessionId"]
        except BaseException:
            self.proc.terminate()
            self.proc.wait(10)
            raise

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                self._call("GET", "/status")
                return
            except (OSError, WebDriverError):
                time.sleep(0.05)
        raise WebDriverError("chromedriver did not start")

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                payload = json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as exc:
            payload = json.loads(exc.read() or b"{}")
            raise WebDriverError(str(payload.get("value", payload))[:500]) from None
        return payload.get("value")

    def _s(self, method: str, path: str, body: Any = None) -> Any:
        return self._call(method, f"/session/{self.session}{path}", body)

    # -- the API the tests use ------------------------------------------------------------

    def get(self, url: str) -> None:
        self._s("POST", "/url", {"url": url})

    def url(self) -> str:
        return self._s("GET", "/url")

    def title(self) -> str:
        return self._s("GET", "/title")

    def run(self, script: str, *args: Any) -> Any:
        """Run `script` as a function body in the page; `return` gives the result."""
        return self._s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css: str) -> dict[str, str]:
        return self._s("POST", "/element", {"using": "css selector", "value": css})

    def find_all(self, css: str) -> list[dict[str, str]]:
        return self._s("POST", "/elements", {"using": "css selector", "value": css})

    def click(self, element: dict[str, str]) -> None:
        self._s("POST", f"/element/{element[ELEMENT]}/click", {})

    def type(self, element: dict[str, str], text: str) -> None:
        self._s("POST", f"/element/{element[ELEMENT]}/value", {"text": text})

    def text(self, element: dict[str, str]) -> str:
        return self._s("GET", f"/element/{element[ELEMENT]}/text")

    def wait_for(self, script: str, *, timeout: float = 10.0) -> Any:
        """Poll until `script` returns something truthy; return it."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.run(script)
            if value:
                return value
            if time.monotonic() > deadline:
                raise WebDriverError(f"timed out waiting for: {script}")
            time.sleep(0.05)

    def logs(self) -> list[dict[str, Any]]:
        """Console messages since the last call (chromedriver's browser log)."""
        return self._s("POST", "/se/log", {"type": "browser"})

    def console_errors(self) -> list[str]:
        return [entry["message"] for entry in self.logs() if entry.get("level") == "SEVERE"]

    def screenshot(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(self._s("GET", "/screenshot")))
        return path

    def quit(self) -> None:
        try:
            if self.session:
                self._s("DELETE", "")
        except (OSError, WebDriverError):
            pass
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def __enter__(self) -> Chrome:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.quit()
