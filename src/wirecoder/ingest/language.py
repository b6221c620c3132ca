"""Language identification with py3langid (its model ships inside the wheel; nothing is fetched).

Scores are normalised probabilities in [0, 1]. Labels are the model's: ISO 639-1 where the
language has a two-letter code ("en", "de"), otherwise ISO 639-3 ("pcm"), and "zxx" for text with
no linguistic content.

Short texts (fewer than SHORT_TEXT letters) are decided by script, because character n-gram
statistics over a headline are noise ("Merkel trifft Macron" scores 0.07 for German): a short text
written in Latin script, or with no letters at all, is labelled "en" with score 0.0 — the 0.0 says
"assumed, not measured" — so that headlines and snippets are not dropped as foreign; a short text in
another script gets the model's best guess, which is at least never "en".
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

SHORT_TEXT = 40
# Language id is linear in the text; the first few thousand characters decide it as well as all.
MAX_CHARS = 5_000


@cache
def _identifier() -> Any:
    # Loaded once per process (~0.8 s); normalised probabilities make scores comparable.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _is_latin_script(text: str) -> bool:
    """True when most letters are Latin (or there are no letters to judge by)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin >= 0.5 * len(letters)


def detect_language(text: str) -> tuple[str, float]:
    """The most likely language of `text` and its probability.

    Short Latin-script texts are labelled ("en", 0.0); see the module docstring.
    """
    sample = text[:MAX_CHARS]
    n_letters = sum(1 for ch in sample if ch.isalpha())
    if n_letters < SHORT_TEXT and _is_latin_script(sample):
        return "en", 0.0
    lang, score = _identifier().classify(sample)
    return str(lang), float(score)


def language_score(text: str, lang: str) -> float:
    """The probability the model gives `lang` for `text` (0.0 for an unknown label)."""
    for label, score in _identifier().rank(text[:MAX_CHARS]):
        if label == lang:
            return float(score)
    return 0.0


def is_english(text: str) -> bool:
    """True when `text` is identified as English (short Latin-script texts count as English)."""
    return detect_language(text)[0] == "en"
