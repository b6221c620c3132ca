"""Loading and validating gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.errors import DataFileError
from wirecoder.evaluate import gold as gold_module
from wirecoder.evaluate.gold import load_gold, load_gold_file, parse_front_matter


def test_gold_front_matter_split_from_body():
    meta, body = parse_front_matter("---\ntitle: A: B\npublished: 2025-01-02\n---\n\n Body.\n\n")
    assert meta == {"title": "A: B", "published": "2025-01-02"}
    assert body == "Body."


@pytest.mark.parametrize("raw", ["No front matter here.\n", "---\ntitle: x\nno closing line\n"])
def test_gold_front_matter_absent_keeps_text(raw):
    meta, body = parse_front_matter(raw)
    assert meta == {}
    assert body == raw.strip()


def test_gold_load_resolves_offsets(article, sample):
    assert article.text == sample["body"]
    assert article.title == "Putin warns foreign troops"
    assert article.published == "2025-09-06"
    assert article.split == "test"
    for s in article.statements:
        assert article.text[s.start : s.end] == s.content
    threaten, agree = article.events
    assert article.text[threaten.sentence.start : threaten.sentence.end] == sample["sentence_1"]
    assert article.text[agree.sentence.start : agree.sentence.end] == sample["sentence_3"]
    span = threaten.trigger_span
    assert article.text[span.start : span.end] == "legitimate targets"
    assert threaten.sentence.start <= span.start < span.end <= threaten.sentence.end
    assert article.actor("France").country == "FRA"


def test_gold_splits(tmp_path, make_repo):
    make_repo(tmp_path, split="dev", name="one")
    make_repo(tmp_path, split="test", name="two")
    assert [a.name for a in load_gold("dev", tmp_path / "gold")] == ["one"]
    assert [a.name for a in load_gold("all", tmp_path / "gold")] == ["one", "two"]
    with pytest.raises(DataFileError, match="unknown gold split"):
        load_gold("train", tmp_path / "gold")


def test_gold_single_file_and_flat_folder(tmp_path, make_repo):
    path = make_repo(tmp_path)
    assert len(load_gold("test", path)) == 1
    flat = tmp_path / "other"
    flat.mkdir()
    data = json.loads(path.read_text())
    data["article"] = str(tmp_path / "examples" / "articles" / "putin.txt")
    (flat / "x.json").write_text(json.dumps(data))
    assert [a.name for a in load_gold("test", flat)] == ["x"]


def test_gold_default_dir_found_from_cwd(repo, monkeypatch):
    monkeypatch.chdir(repo / "examples")
    assert load_gold("test")[0].name == "putin"


def test_gold_repeated_content_takes_next_occurrence(tmp_path, make_repo, make_gold):
    data = make_gold()
    repeated = {**data["statements"][0], "content": "Ukraine"}
    data["statements"] = [repeated, dict(repeated)]
    make_repo(tmp_path, data)
    first, second = load_gold("test", tmp_path / "gold")[0].statements
    assert first.start < second.start


def _broken(make_gold, **changes):
    data = make_gold("examples/articles/broken.txt")
    for key, value in changes.items():
        part, _, field = key.partition("__")
        if field:
            data[part][0][field] = value
        elif value is None:
            del data[part]
        else:
            data[part] = value
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"statements__content": "words the article never says"}, "not an exact substring"),
        ({"events__sentence": "Ukraine"}, "must be unique"),
        ({"events__trigger": "peace"}, "trigger 'peace' is not in its sentence"),
        ({"events__event": "FIGHT"}, "expected one of"),
        ({"events__modality": "possible"}, "'modality' is 'possible'"),
        ({"statements__speaker": "Emmanuel Macron"}, "not among the gold actors"),
        ({"statements__kind": "quote"}, "'kind' is 'quote'"),
        ({"events__date": "Friday"}, "YYYY-MM-DD"),
        ({"actors__country": "Russia"}, "3-letter code"),
        ({"events": None}, "missing 'events'"),
        ({"article": "examples/articles/nowhere.txt"}, "not found"),
    ],
)
def test_gold_validation_errors_name_the_file(tmp_path, make_repo, make_gold, changes, message):
    make_repo(tmp_path, _broken(make_gold, **changes), name="broken")
    with pytest.raises(DataFileError, match=message) as info:
        load_gold("test", tmp_path / "gold")
    assert "broken.json" in str(info.value)


def test_gold_invalid_json(tmp_path, make_repo):
    path = make_repo(tmp_path)
    path.write_text('{"article": ')
    with pytest.raises(DataFileError, match=r"putin.json line 1: invalid JSON"):
        load_gold_file(path, repo_root=tmp_path)


def test_gold_missing_folder(tmp_path):
    with pytest.raises(DataFileError, match="does not exist"):
        load_gold("test", tmp_path / "nope")


def test_gold_falls_back_when_ingest_text_moves_spans(repo, monkeypatch, sample):
    # A reader that cleans the text (here: curly quotes) must not break the gold spans.
    def curly(path: Path):
        return sample["body"].replace('"', "\u201c"), "T", None

    monkeypatch.setattr(gold_module, "_read_ingest", curly)
    article = load_gold("test", repo / "gold")[0]
    assert article.text == sample["body"]


def test_gold_prefers_ingest_text_when_spans_resolve(repo, monkeypatch, sample):
    monkeypatch.setattr(
        gold_module,
        "_read_ingest",
        lambda path: (sample["body"] + "\n\nCopyright note.", "From ingest", None),
    )
    article = load_gold("test", repo / "gold")[0]
    assert article.title == "From ingest"
    assert article.text.endswith("Copyright note.")


REAL_INGEST_READER = gold_module._read_ingest  # saved at import, before the autouse patch


def test_gold_through_the_ingest_reader(repo, monkeypatch, sample):
    monkeypatch.setattr(gold_module, "_read_ingest", REAL_INGEST_READER)
    article = load_gold("test", repo / "gold")[0]
    assert article.text == sample["body"]
    assert article.title == "Putin warns foreign troops"
    for s in article.statements:
        assert article.text[s.start : s.end] == s.content
