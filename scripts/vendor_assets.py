#!/usr/bin/env python3
"""Copy the explorer's browser libraries from npm into the package, so run time needs no npm.

    python scripts/vendor_assets.py           # npm ci in a temporary folder, copy, write MANIFEST
    python scripts/vendor_assets.py --check   # verify the vendored files against MANIFEST.json

The versions are pinned in package.json / package-lock.json at the repository root. The copied
files live in src/wirecoder/web/static/vendor/ and are committed; `--check` (also run by the
test suite) fails when a file is missing, altered or unlisted, or the folder grows past the cap.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "src" / "wirecoder" / "web" / "static" / "vendor"
MANIFEST = VENDOR / "MANIFEST.json"
MAX_BYTES = 2_000_000

# npm package -> files to copy (relative to the package folder); each lands flat in VENDOR.
FILES: dict[str, tuple[str, ...]] = {
    "d3-array": ("dist/d3-array.min.js",),
    "d3-geo": ("dist/d3-geo.min.js",),
    "d3-dispatch": ("dist/d3-dispatch.min.js",),
    "d3-quadtree": ("dist/d3-quadtree.min.js",),
    "d3-timer": ("dist/d3-timer.min.js",),
    "d3-force": ("dist/d3-force.min.js",),
    "topojson-client": ("dist/topojson-client.min.js",),
    # Natural Earth 1:110m country shapes (public domain), as TopoJSON.
    "world-atlas": ("countries-110m.json",),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendor() -> None:
    with tempfile.TemporaryDirectory(prefix="wirecoder-npm-") as tmp:
        work = Path(tmp)
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(ROOT / name, work / name)
        # --ignore-scripts: nothing from a package runs on this machine; we only copy files.
        subprocess.run(
            ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=work, check=True
        )
        modules = work / "node_modules"
        VENDOR.mkdir(parents=True, exist_ok=True)
        for old in VENDOR.iterdir():
            old.unlink()
        entries = []
        licences = []
        for package, files in FILES.items():
            meta = json.loads((modules / package / "package.json").read_text(encoding="utf-8"))
            for rel in files:
                target = VENDOR / Path(rel).name
                shutil.copy2(modules / package / rel, target)
                entries.append(
                    {
                        "file": target.name,
                        "package": package,
                        "version": meta["version"],
                        "license": meta.get("license"),
                        "sha256": sha256(target),
                    }
                )
            text = (modules / package / "LICENSE").read_text(encoding="utf-8")
            licences.append(f"== {package} {meta['version']} ({meta.get('license')}) ==\n{text}")
        (VENDOR / "LICENSES.txt").write_text("\n".join(licences), encoding="utf-8")
        MANIFEST.write_text(json.dumps(entries, indent=2) + "\n", encoding="utf-8")
    print(f"vendored {len(entries)} files into {VENDOR.relative_to(ROOT)}")


def check() -> list[str]:
    """Problems with the vendored folder; empty when it matches MANIFEST.json."""
    if not MANIFEST.is_file():
        return [f"{MANIFEST} is missing; run scripts/vendor_assets.py"]
    problems = []
    entries = json.loads(MANIFEST.read_text(encoding="utf-8"))
    listed = {e["file"] for e in entries} | {"MANIFEST.json", "LICENSES.txt"}
    for e in entries:
        path = VENDOR / e["file"]
        if not path.is_file():
            problems.append(f"{e['file']}: missing")
        elif sha256(path) != e["sha256"]:
            problems.append(f"{e['file']}: sha256 differs from MANIFEST.json")
    for path in VENDOR.iterdir():
        if path.name not in listed:
            problems.append(f"{path.name}: not listed in MANIFEST.json")
    total = sum(p.stat().st_size for p in VENDOR.iterdir() if p.is_file())
    if total > MAX_BYTES:
        problems.append(f"vendored files take {total} bytes, over the {MAX_BYTES} cap")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify instead of vendoring")
    args = parser.parse_args()
    if args.check:
        problems = check()
        for line in problems:
            print(line, file=sys.stderr)
        return 1 if problems else 0
    vendor()
    return 0


if __name__ == "__main__":
    sys.exit(main())
