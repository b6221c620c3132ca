import pytest

from wirecoder.extract.dates import resolve_date

PUB = "2025-09-06"  # a Saturday


@pytest.mark.parametrize(
    ("raw", "future", "expected"),
    [
        ("Friday", False, "2025-09-05"),
        ("on Friday", False, "2025-09-05"),
        ("Saturday", False, "2025-09-06"),  # the publication weekday is that day
        ("Sunday", False, "2025-08-31"),
        ("Monday", True, "2025-09-08"),
        ("next Saturday", True, "2025-09-13"),
        ("last Saturday", False, "2025-08-30"),
        ("yesterday", False, "2025-09-05"),
        ("today", False, "2025-09-06"),
        ("tomorrow", True, "2025-09-07"),
        ("Sept. 5", False, "2025-09-05"),
        ("March 3, 2024", False, "2024-03-03"),
        ("two days ago", False, "2025-09-04"),
        ("last week", False, None),
        ("earlier this month", False, None),
        ("in June", False, None),
        ("2024", False, None),
        ("the winter of 2022-23", False, None),
    ],
)
def test_dates_resolve_against_publication(raw: str, future: bool, expected: str | None) -> None:
    assert resolve_date(raw, PUB, future=future) == expected


def test_dates_without_publication_keep_only_absolute_dates() -> None:
    assert resolve_date("Friday", None) is None
    assert resolve_date("March 3, 2024", None) == "2024-03-03"
