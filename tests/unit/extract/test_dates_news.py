"""The news-aware date wrapper: chains, periods with granularity, odd publication dates."""

from __future__ import annotations

import pytest

from wirecoder.extract.dates import parse_published, resolve_date, resolve_period

PUB = "2025-09-06"  # a Saturday


@pytest.mark.parametrize(
    ("raw", "future", "expected"),
    [
        ("overnight", False, "2025-09-06"),  # the night that ends on the publication day
        ("overnight into Sunday", False, "2025-08-31"),
        ("Saturday evening", False, "2025-09-06"),
        ("early on Friday", False, "2025-09-05"),
        ("late on Thursday", False, "2025-09-04"),
        ("on Monday and Tuesday", False, None),  # a span of days gives no day
        ("over the weekend", False, None),
        ("Oct. 7", False, "2024-10-07"),  # the nearest past Oct. 7
        ("Dec. 22", True, "2025-12-22"),  # the nearest future one
        ("Sept. 20", False, "2025-09-20"),  # two weeks ahead beats a year back, whatever the tense
        ("three days ago", False, "2025-09-03"),
        ("the week of Monday", False, None),
    ],
)
def test_dates_news_expressions(raw: str, future: bool, expected: str | None) -> None:
    assert resolve_date(raw, PUB, future=future) == expected


@pytest.mark.parametrize(
    ("raw", "anchor", "expected"),
    [
        ("a day after", "2025-09-01", "2025-09-02"),
        ("the next day", "2025-09-01", "2025-09-02"),
        ("ten days later", "2012-11-20", "2012-11-30"),
        ("two days earlier", "2025-09-04", "2025-09-02"),
        ("hours later", "2025-09-05", "2025-09-05"),
        ("the same day", "2025-09-03", "2025-09-03"),
    ],
)
def test_dates_chains_count_from_their_anchor(raw: str, anchor: str, expected: str) -> None:
    assert resolve_date(raw, PUB, anchor=anchor) == expected


@pytest.mark.parametrize("raw", ["a day after", "hours later", "ten days later", "the next day"])
def test_dates_chains_without_an_anchor_stay_null(raw: str) -> None:
    assert resolve_date(raw, PUB) is None


@pytest.mark.parametrize(
    ("raw", "future", "start", "end", "granularity"),
    [
        ("last week", False, "2025-08-25", "2025-08-31", "week"),
        ("earlier this week", False, "2025-09-01", "2025-09-06", "week"),
        ("next week", True, "2025-09-08", "2025-09-14", "week"),
        ("earlier this month", False, "2025-09-01", "2025-09-06", "month"),
        ("last month", False, "2025-08-01", "2025-08-31", "month"),
        ("in June", False, "2025-06-01", "2025-06-30", "month"),
        ("in October", False, "2024-10-01", "2024-10-31", "month"),
        ("in October", True, "2025-10-01", "2025-10-31", "month"),
        ("March 2024", False, "2024-03-01", "2024-03-31", "month"),
        ("in 2024", False, "2024-01-01", "2024-12-31", "year"),
        ("last year", False, "2024-01-01", "2024-12-31", "year"),
        ("over the weekend", False, "2025-08-30", "2025-08-31", "weekend"),
        ("this weekend", True, "2025-09-06", "2025-09-07", "weekend"),
        ("on Monday and Tuesday", False, "2025-09-01", "2025-09-02", "days"),
        ("on Friday", False, "2025-09-05", "2025-09-05", "day"),
    ],
)
def test_dates_periods_keep_their_granularity(raw, future, start, end, granularity) -> None:
    period = resolve_period(raw, PUB, future=future)
    assert period is not None
    assert (period.start, period.end, period.granularity) == (start, end, granularity)
    assert period.to_dict()["granularity"] == granularity


def test_dates_periods_need_an_anchor_unless_absolute() -> None:
    assert resolve_period("last week", None) is None
    assert resolve_period("2024", None) is not None
    assert resolve_period("recently", PUB) is None


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-09-06", "2025-09-06"),
        ("2025-09-06T10:30:00Z", "2025-09-06"),
        ("Sat, 06 Sep 2025 10:00:00 GMT", "2025-09-06"),  # RFC 2822, as feeds give it
        ("2025-13-45", None),
        ("yesterday-ish", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_parse_published(published, expected) -> None:
    day = parse_published(published)
    assert (day.isoformat() if day else None) == expected


@pytest.mark.parametrize("published", ["2025-13-45", "garbage", "", None])
def test_dates_malformed_publication_keeps_only_absolute_dates(published) -> None:
    assert resolve_date("Friday", published) is None
    assert resolve_date("yesterday", published) is None
    assert resolve_date("Sept. 5", published) is None  # no year to give it
    assert resolve_date("March 3, 2024", published) == "2024-03-03"


def test_dates_future_publication_is_taken_at_its_word() -> None:
    # An article dated in the future is not "corrected" to today: dates follow it.
    assert resolve_date("Friday", "2099-01-03") == "2099-01-02"
    assert resolve_date("yesterday", "2099-01-03") == "2099-01-02"


@pytest.mark.parametrize("raw", ["", "   ", "on", "the", "??", "Friday Friday Friday"])
def test_dates_junk_does_not_crash(raw: str) -> None:
    assert resolve_date(raw, PUB) is None or isinstance(resolve_date(raw, PUB), str)
    assert resolve_period(raw, PUB) is None or resolve_period(raw, PUB).granularity
