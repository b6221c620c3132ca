import pytest

from wirecoder.extract.quotes import find_quotes


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


def test_quotes_unclosed_quote_ends_at_paragraph() -> None:
    text = "He said: “this never closes.\n\nA new paragraph with no quote."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert not quotes[0].closed
    assert text[quotes[0].inner_start : quotes[0].inner_end] == "this never closes."


def test_quotes_apostrophes_are_not_quotes() -> None:
    assert inner("Russia's army and the ministers' talks.") == []
