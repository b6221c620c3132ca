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


@pytest.mark.parametrize(
    ("table", "text"),
    [
        ("cue_nouns.tsv", "lemma\tverbs\nremark\tmake\nRemark\tmake\n"),
        ("threat_nouns.tsv", "lemma\tmode\nultimatum\t\nultimatum\t\n"),
        ("office_holders.tsv", "name\n"),
    ],
)
def test_lexicon_broken_user_table_stops_the_pipeline_before_any_article(
    tmp_path, monkeypatch, table: str, text: str
) -> None:
    # A broken table used to fail every article of a run, one by one; it must fail once, when
    # the pipeline is built, naming the file.
    from wirecoder.pipeline import Pipeline

    (tmp_path / table).write_text(text, encoding="utf-8")
    monkeypatch.setenv("WIRECODER_DATA", str(tmp_path))
    _clear_table_caches()
    try:
        with pytest.raises(DataFileError) as info:
            Pipeline()
        assert table in str(info.value)
        assert info.value.code in {"E103", "E106"}
    finally:
        monkeypatch.delenv("WIRECODER_DATA")
        _clear_table_caches()


def _clear_table_caches() -> None:
    # Every cached loader of the stage modules, so each case reads its tables afresh.
    from wirecoder import lexicon, ontology
    from wirecoder.extract import actors, events, offices, persons, places, statements

    for module in (lexicon, ontology, actors, events, offices, persons, places, statements):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
