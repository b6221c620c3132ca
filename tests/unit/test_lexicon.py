import pytest

from wirecoder.errors import DataFileError
from wirecoder.lexicon import load_table, parse_tsv, split_list


def test_lexicon_parses_header_comments_and_lists() -> None:
    rows = parse_tsv("# a comment\nlemma\tkind\nsay\tspeech\n\ntell\tspeech\n", name="t.tsv",
                     required=("lemma",), key="lemma")
    assert [r["lemma"] for r in rows] == ["say", "tell"]
    assert split_list("a| b ||c") == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "E102"),
        ("lemma\nsay\n", "E103"),  # missing required column 'kind'
        ("lemma\tkind\nsay\tspeech\textra\n", "E104"),
        ("lemma\tkind\nsay\tspeech\nSay\tspeech\n", "E106"),
    ],
)
def test_lexicon_rejects_bad_tables_with_a_code(text: str, code: str) -> None:
    with pytest.raises(DataFileError) as info:
        parse_tsv(text, name="bad.tsv", required=("lemma", "kind"), key="lemma")
    assert info.value.code == code
    assert "bad.tsv" in str(info.value)


def test_lexicon_user_rows_layer_over_builtins(tmp_path, monkeypatch) -> None:
    (tmp_path / "cue_verbs.tsv").write_text(
        "lemma\taddressee\tthat_clause\tkind\tnote\nblurt\tno\tyes\tspeech\tours\n"
        "say\tno\tno\tspeech\toverridden\n", encoding="utf-8")
    monkeypatch.setenv("WIRECODER_DATA", str(tmp_path))
    load_table.cache_clear()
    try:
        rows = load_table("cue_verbs.tsv", key="lemma")
        by = {r["lemma"]: r for r in rows}
        assert by["blurt"]["note"] == "ours"
        assert by["say"]["that_clause"] == "no"
        assert sum(1 for r in rows if r["lemma"] == "say") == 1
    finally:
        monkeypatch.delenv("WIRECODER_DATA")
        load_table.cache_clear()


def test_lexicon_missing_table_is_a_clear_error() -> None:
    with pytest.raises(DataFileError, match="no such table"):
        load_table("no_such_table.tsv")
