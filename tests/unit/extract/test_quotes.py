import time

import pytest

from wirecoder.extract.quotes import find_quotes, quote_at


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Putin said, "We will respond."', ["We will respond."]),
        ("“We will respond,” he said.", ["We will respond"]),
        ('"A," he said. "B."', ["A", "B."]),
        ("He called it “a dangerous escalation” on Friday.", ["a dangerous escalation"]),
        ('Mixed “curly" and straight marks', ["curly"]),
        ("No quotes at all.", []),
        ("A stray closing mark” here.", []),
        ('Empty "" quote.', []),
        # British style: single marks are quotations too.
        ("‘We will respond,’ he said.", ["We will respond"]),
        ("'We will respond,' he said.", ["We will respond"]),
        # Marks inside words are apostrophes, never quotation marks.
        ("O'Neill said he didn't know and shouldn‘t care.", []),
        ("Russia's army and the ministers' talks.", []),
        ("The '90s were calmer.", []),
        # A plural possessive inside a single-quoted quote does not close it early.
        ("‘We met the ministers' aides,’ he said.", ["We met the ministers' aides"]),
        # Nested quotes stay inside the outer quote, whichever kind is outside.
        ("“He told me ‘never again’,” she said.", ["He told me ‘never again’"]),
        ("‘He said “no” to me,’ she said.", ["He said “no” to me"]),
        # Mismatched typography still pairs by what flanks the marks.
        ("“Hello“ he said, and left.", ["Hello"]),
        ("”Hello” he said.", ["Hello"]),
        # A mark standing alone between spaces quotes nothing.
        ('a " b', []),
    ],
)
def test_quotes_find_pairs(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_quotes_span_paragraphs_when_reopened() -> None:
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].inner_start : quotes[0].inner_end] == (
        "First paragraph of the quote.\n\n“Second paragraph")


def test_quotes_span_three_paragraphs() -> None:
    text = 'He said: "A.\n\n"B.\n\n"C," he added.'
    assert inner(text) == ['A.\n\n"B.\n\n"C']


def test_quotes_unclosed_quote_ends_at_paragraph() -> None:
    text = "He said: “this never closes.\n\nA new paragraph with no quote. Then “x” here."
    quotes = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in quotes] == ["this never closes.", "x"]
    assert not quotes[0].closed and quotes[1].closed


def test_quotes_unbalanced_marks_do_not_pair_across_paragraphs() -> None:
    text = 'One "open mark.\n\nSecond paragraph.\n\nThird "quoted" word.'
    assert inner(text) == ["open mark.", "quoted"]


def test_quotes_apostrophes_are_not_quotes() -> None:
    assert inner("Russia's army and the ministers' talks.") == []


def test_quotes_runs_of_marks_do_not_crash() -> None:
    assert inner('"' * 7) == []
    assert inner("“”“”’‘'''") == []


def test_quotes_a_five_thousand_word_quote_is_one_quote_and_fast() -> None:
    text = "“" + " ".join(["word"] * 5000) + ",” he said."
    started = time.perf_counter()
    quotes = find_quotes(text)
    assert time.perf_counter() - started < 0.5
    assert len(quotes) == 1 and quotes[0].closed


def test_quotes_a_document_that_is_one_long_quotation() -> None:
    text = "“" + "\n\n“".join(f"Paragraph {n} of the speech." for n in range(50)) + "”"
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].start == 0 and quotes[0].end == len(text)


def test_quotes_quote_at_finds_the_enclosing_quote() -> None:
    text = 'He said "yes" and "no".'
    quotes = find_quotes(text)
    assert quote_at(quotes, text.index("yes")) == quotes[0]
    assert quote_at(quotes, text.index("no")) == quotes[1]
    assert quote_at(quotes, text.index("and")) is None
