"""The shipped lexicon tables: size, coverage and well-formedness."""

from __future__ import annotations

import ast
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from wirecoder import ontology
from wirecoder.errors import DataFileError
from wirecoder.lexicon import load_table, parse_tsv, word_lists, words
from wirecoder.nlp import load_nlp

CAMEO = re.compile(r"\d{2,4}")


def builtin_rows(name: str) -> list[dict[str, str]]:
    # Read our own file, not the user-layered view, so the checks are about what we ship.
    text = (resources.files("wirecoder") / "data" / name).read_text(encoding="utf-8")
    return parse_tsv(text, name=name)


def test_lexicon_tables_sizes() -> None:
    assert len(ontology.cue_verbs()) >= 250
    assert len(ontology.event_triggers()) >= 250
    assert len(ontology.contexts()) == 37
    assert len(ontology.event_modes()) == 67


def test_lexicon_tables_event_verbs_cover_all_16_types() -> None:
    counts = Counter(t.event for t in ontology.event_triggers())
    assert set(counts) == set(ontology.PLOVER_EVENTS)
    assert min(counts.values()) >= 5, counts


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("plover_types.tsv", ("cameo",)),
        ("plover_modes.tsv", ("cameo",)),
        ("event_verbs.tsv", ("cameo",)),
    ],
)
def test_lexicon_tables_cameo_codes_are_2_to_4_digits(name: str, columns: tuple[str]) -> None:
    for row in builtin_rows(name):
        for column in columns:
            assert CAMEO.fullmatch(row[column]), (name, row)


def test_lexicon_tables_lemmas_are_lower_case() -> None:
    for row in builtin_rows("cue_verbs.tsv"):
        assert row["lemma"] == row["lemma"].lower().strip(), row
    for trigger in ontology.event_triggers():
        assert trigger.lemma == trigger.lemma.lower() and " " not in trigger.lemma, trigger
        assert all(o == o.lower() for o in trigger.objects), trigger
        assert trigger.particle is None or trigger.particle == trigger.particle.lower()


def test_lexicon_tables_have_no_duplicate_keys() -> None:
    keys = Counter((r["lemma"], r["pos"], r["particle"], "|".join(sorted(r["object"].split("|"))))
                   for r in builtin_rows("event_verbs.tsv"))
    assert [k for k, n in keys.items() if n > 1] == []
    pairs = Counter((r["event"], r["mode"]) for r in builtin_rows("plover_modes.tsv"))
    assert [k for k, n in pairs.items() if n > 1] == []
    lemmas = Counter(r["lemma"] for r in builtin_rows("cue_verbs.tsv"))
    assert [k for k, n in lemmas.items() if n > 1] == []


def test_lexicon_tables_trigger_modes_and_contexts_are_plovers() -> None:
    for trigger in ontology.event_triggers():
        assert ontology.is_valid_mode(trigger.event, trigger.mode), trigger
        assert all(ontology.is_context(c) for c in trigger.contexts), trigger


@pytest.mark.parametrize(
    "lemma",
    [
        "say", "tell", "state", "add", "note", "warn", "insist", "argue", "claim", "deny",
        "announce", "acknowledge", "emphasize", "emphasise", "underscore", "remark", "echo",
        "stress", "reiterate", "confirm", "explain", "predict", "complain", "concede", "admit",
        "allege", "assert", "declare", "vow", "pledge", "promise", "urge", "suggest", "write",
        "tweet", "post", "report", "reply", "respond", "answer", "recall", "caution", "threaten",
        "accuse", "point out", "go on", "believe", "think", "expect", "fear", "hope", "doubt",
        "estimate", "according to",
    ],
)
def test_lexicon_tables_cue_verbs_present(lemma: str) -> None:
    assert lemma in ontology.cue_verbs()


@pytest.mark.parametrize(
    ("lemma", "addressee", "kind"),
    [
        ("tell", "yes", "speech"),
        ("inform", "yes", "speech"),
        ("assure", "yes", "speech"),
        ("remind", "yes", "speech"),
        ("warn", "optional", "speech"),
        ("say", "no", "speech"),
        ("tweet", "no", "writing"),
        ("believe", "no", "cognition"),
        ("report", "no", "reporting"),
    ],
)
def test_lexicon_tables_cue_verb_columns(lemma: str, addressee: str, kind: str) -> None:
    cue = ontology.cue_verbs()[lemma]
    assert (cue.addressee, cue.kind) == (addressee, kind)
    assert cue.that_clause


def test_lexicon_tables_everyday_verbs_are_not_bare_triggers() -> None:
    # Precision: these verbs are events only with a particle or object constraint, if at all.
    bare = {(t.lemma, t.pos) for t in ontology.event_triggers()
            if t.particle is None and not t.objects}
    for lemma in ("say", "see", "make", "take", "hold", "give", "call", "release", "open",
                  "close", "cut", "send", "warn", "seize", "ban", "reach", "use", "issue"):
        assert (lemma, "VERB") not in bare, lemma
    assert ("strike", "NOUN") not in bare  # labour strike or air strike: needs a modifier


def test_lexicon_tables_trigger_lemmas_are_spacy_lemmas() -> None:
    # A trigger must be the lemma spaCy gives the word, or it can never match. load_nlp caches
    # the pipeline, so this shares the session's one load.
    nlp = load_nlp()
    triggers = ontology.event_triggers()
    heads = sorted({t.lemma for t in triggers}
                   | {o for t in triggers if t.pos == "VERB" for o in t.objects})
    modifiers = sorted({o for t in triggers if t.pos == "NOUN" for o in t.objects})
    # "the" keeps -ing nouns ("the shelling") nouns, as they are in news text; a modifier is
    # tried in front of a noun, where adjectives such as "allied" keep their own lemma.
    cases = [(w, f"They saw the {w} there.", 3) for w in heads]
    cases += [(w, f"The {w} exercises began.", 1) for w in modifiers]
    docs = nlp.pipe(text for _, text, _ in cases)
    wrong = [(w, doc[i].lemma_) for (w, _, i), doc in zip(cases, docs, strict=True)
             if doc[i].lemma_ != w]
    assert wrong == []


@pytest.mark.parametrize(
    ("lemma", "pos", "particles", "objects", "event", "mode"),
    [
        ("launch", "VERB", {"against": {"ukraine"}}, ("drone",), "ASSAULT", "drone"),
        ("launch", "VERB", (), ("strike",), "ASSAULT", None),  # an air strike, not a walkout
        ("launch", "VERB", (), ("missile",), "MOBILIZE", "weapons"),  # a test launch
        ("knock", "VERB", ("out",), ("power",), "ASSAULT", "destroy"),
        ("walk", "VERB", {"off": {"job"}}, (), "PROTEST", "strike"),
        ("airdrop", "NOUN", (), (), "AID", None),
        ("drop", "VERB", (), ("meal",), "AID", None),
        ("drop", "VERB", (), ("charge",), "CONCEDE", None),
        ("put", "VERB", {"under": {"arrest"}}, (), "COERCE", "arrest"),
        ("ban", "VERB", {"from": {"enter"}}, (), "SANCTION", "discontinue"),
        ("ban", "VERB", {"from": {"run"}}, (), "COERCE", "restrict"),
        ("raise", "VERB", (), ("posture",), "MOBILIZE", "troops"),
        ("test", "NOUN", (), ("nuclear",), "MOBILIZE", "weapons"),
        ("game", "NOUN", (), ("joint", "war"), "COOPERATE", None),
        ("game", "NOUN", (), ("war",), "MOBILIZE", "troops"),
        ("rule", "VERB", ("out",), ("election",), "REJECT", None),
        ("release", "VERB", (), ("mayor",), "RETREAT", "release"),
        ("evacuate", "VERB", (), ("wound",), "AID", None),
        ("evacuate", "VERB", (), ("settlement",), "RETREAT", "withdraw"),
        ("suspend", "VERB", (), ("sanction",), "CONCEDE", None),
        ("suspend", "VERB", (), ("aid",), "SANCTION", "discontinue"),
        ("shutdown", "NOUN", (), ("internet",), "COERCE", "withhold"),
        ("expulsion", "NOUN", (), ("diplomat",), "SANCTION", "expel"),
        ("take", "VERB", (), ("control", "airport"), "COERCE", "seize"),
        ("tighten", "VERB", (), ("sanction",), "SANCTION", "discontinue"),
        ("extend", "VERB", (), ("curfew",), "COERCE", "curfew"),
    ],
)
def test_lexicon_tables_general_news_rows(
    lemma: str, pos: str, particles: object, objects: tuple[str, ...], event: str,
    mode: str | None,
) -> None:
    trigger = ontology.select_trigger(lemma, pos, particles=particles, objects=objects)
    assert trigger is not None
    assert (trigger.event, trigger.mode) == (event, mode)


@pytest.mark.parametrize(
    ("lemma", "pos", "particles", "objects"),
    [
        ("hit", "VERB", (), ("city",)),  # storms hit cities too
        ("take", "VERB", (), ("control",)),  # "took control of the company"
        ("patrol", "VERB", (), ("street",)),  # routine street patrols
        ("stop", "VERB", (), ("work",)),  # "stopped work on the project"
        ("knock", "VERB", ("out",), ("team",)),  # a sports knock-out
        ("launch", "VERB", (), ("campaign",)),  # "launched a campaign"
        ("board", "VERB", (), ("ship",)),  # passengers board ships
        ("reduce", "VERB", (), ("presence",)),  # companies reduce their presence
        ("provide", "VERB", (), ("information",)),
    ],
)
def test_lexicon_tables_everyday_senses_are_not_triggers(
    lemma: str, pos: str, particles: object, objects: tuple[str, ...]
) -> None:
    assert ontology.select_trigger(lemma, pos, particles=particles, objects=objects) is None


def _event_word_lists_in_code() -> dict[str, str]:
    # Every `NAME = _words("LIST")` in events.py, read from the source so a new list is checked too.
    from wirecoder.extract import events

    tree = ast.parse(Path(events.__file__).read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name) and node.value.func.id == "_words"):
            target, arg = node.targets[0], node.value.args[0]
            assert isinstance(target, ast.Name) and isinstance(arg, ast.Constant)
            found[target.id] = str(arg.value)
    return found


def test_lexicon_tables_event_words_cover_every_list_in_code() -> None:
    lists = _event_word_lists_in_code()
    assert len(lists) >= 20 and {"LIGHT_VERBS", "ONLOOKERS", "DEAL_NOUNS"} <= set(lists)
    words: dict[str, set[str]] = {}
    for row in builtin_rows("event_words.tsv"):
        assert row["word"] == row["word"].lower().strip() and row["word"], row
        words.setdefault(row["list"], set()).add(row["word"])
    for constant, name in lists.items():
        assert constant == name, (constant, name)
        assert words.get(name), f"event_words.tsv has no words for {name}"
    assert set(words) <= set(lists), set(words) - set(lists)  # no list the code never reads
    pairs = Counter((r["list"], r["word"]) for r in builtin_rows("event_words.tsv"))
    assert [k for k, n in pairs.items() if n > 1] == []


def test_lexicon_tables_event_words_user_layer_adds_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wirecoder.extract.events import event_words

    (tmp_path / "event_words.tsv").write_text(
        "list\tword\tnote\nHABITUAL\tPeriodically\tours\n", encoding="utf-8")
    assert "periodically" not in event_words()["HABITUAL"]
    monkeypatch.setenv("WIRECODER_DATA", str(tmp_path))
    load_table.cache_clear()
    word_lists.cache_clear()
    try:
        layered = event_words()
        assert "periodically" in layered["HABITUAL"]
        assert "regularly" in layered["HABITUAL"] and "hold" in layered["LIGHT_VERBS"]
    finally:
        monkeypatch.delenv("WIRECODER_DATA")
        load_table.cache_clear()
        word_lists.cache_clear()
    assert "periodically" not in event_words()["HABITUAL"]


def _context_word_lists_in_code() -> dict[str, str]:
    # Every `context_words("LIST")` call in the place and date modules, read from the source.
    from wirecoder.extract import event_context, places

    found: dict[str, str] = {}
    for module in (event_context, places):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "context_words" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found[str(node.args[0].value)] = module.__name__
    return found


def test_lexicon_tables_context_words_cover_every_list_in_code() -> None:
    lists = _context_word_lists_in_code()
    assert {"PLACE_OBJECT_VERBS", "REPORT_VERBS", "PLACE_NOUNS", "SITE_NOUNS"} <= set(lists)
    rows = builtin_rows("context_words.tsv")
    named = {r["list"] for r in rows}
    local = {f"LOCAL_NOUNS_{p.upper()}" for p in ("city", "region", "site")}
    for row in rows:
        assert row["word"] == row["word"].lower().strip() and row["word"], row
    assert set(lists) - {"LOCAL_NOUNS_{precision.upper()}"} <= named
    assert named <= set(lists) | local, named - set(lists)  # no list the code never reads
    pairs = Counter((r["list"], r["word"]) for r in rows)
    assert [k for k, n in pairs.items() if n > 1] == []


def test_lexicon_tables_context_words_user_layer_adds_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "context_words.tsv").write_text(
        "list\tword\nSITE_NOUNS\tMarket\n", encoding="utf-8")
    monkeypatch.setenv("WIRECODER_DATA", str(tmp_path))
    load_table.cache_clear()
    word_lists.cache_clear()
    try:
        layered = word_lists("context_words.tsv")
        assert "market" in layered["SITE_NOUNS"] and "avenue" in layered["SITE_NOUNS"]
    finally:
        monkeypatch.delenv("WIRECODER_DATA")
        load_table.cache_clear()
        word_lists.cache_clear()
    assert "market" not in word_lists("context_words.tsv")["SITE_NOUNS"]


def test_lexicon_tables_missing_word_list_is_a_data_error() -> None:
    with pytest.raises(DataFileError, match="no words for list 'NO_SUCH_LIST'"):
        words("context_words.tsv", "NO_SUCH_LIST")
