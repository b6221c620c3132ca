"""Docs are checked: every error code used in the code is documented, every data file too."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "wirecoder"


def test_docs_every_error_code_is_documented() -> None:
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"\"(E\d{3})\"", path.read_text(encoding="utf-8")))
    used.discard("E000")
    documented = set(re.findall(r"^\| (E\d{3}) \|", (ROOT / "docs" / "errors.md").read_text(
        encoding="utf-8"), flags=re.M))
    assert used <= documented, sorted(used - documented)


def test_docs_every_data_file_is_described() -> None:
    readme = (SRC / "data" / "README.md").read_text(encoding="utf-8")
    for path in (SRC / "data").iterdir():
        if path.suffix in {".tsv", ".jsonl", ".json"}:
            assert f"`{path.name}`" in readme, path.name


def test_docs_readme_shows_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
