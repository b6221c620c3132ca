"""Event dates in context: each rule of `event_context._when` on sentences of our own."""

from __future__ import annotations

import pytest

from wirecoder.evaluate.score import normalise_name


def dated(pipeline, text: str, published: str) -> dict[str, str | None]:
    """Trigger word -> resolved date of every event coded in `text`."""
    result = pipeline.extract(text, published=published)
    return {e.event_text: e.date for e in result.events}


@pytest.mark.parametrize(
    ("text", "published", "trigger", "expected"),
    [
        # the dateline's date is the report's day, not the act's: "on Sunday" dates the release
        ("BOGOTA, Feb 12 (WSW) - Colombia's ELN guerrilla group released four hostages in the northern province of "
         "Cesar on Sunday, the church said.", "2024-02-12", "released", "2024-02-11"),
        # the publication weekday itself is that day
        ("TBILISI, Jan 16 (WSW) - A court in the capital on Friday rejected bail for the "
         "opposition leader Giorgi Vashadze.", "2026-01-16", "rejected", "2026-01-16"),
        # a relative clause on a date takes it, in the past year when it lies ahead of the report
        ("The war began on Oct. 7, when Hamas gunmen attacked villages in southern Israel.",
         "2024-03-08", "attacked", "2023-10-07"),
        # "a day after X": X is a day before the main clause's date
        ("KINSHASA, Jan 28 (WSW) - A court on Monday jailed the activist, a day after police "
         "detained him at his office.", "2025-01-28", "detained", "2025-01-26"),
        # "agreed on Monday to slash": the infinitive shares the date of the verb it hangs from
        ("GENEVA — Washington and Beijing agreed on Monday to slash the tariffs for 90 days.",
         "2025-05-13", "slash", "2025-05-12"),
        # "after midnight" follows the night just told
        ("Thousands rallied outside parliament on Thursday night. Police used tear gas to clear "
         "the square shortly after midnight.", "2026-01-16", "used", "2026-01-16"),
        # a chained "hours later" counts from the story so far
        ("Yemen's Houthi movement attacked a tanker in the Red Sea on Friday. Hours later, British "
         "warplanes struck radar sites near the port, a rebel channel said on Saturday.",
         "2026-04-04", "struck", "2026-04-03"),
        # an untagged "overnight" is the night that ends on the publication day
        ("The health ministry said an Israeli air strike on a house in Khan Younis killed nine people "
         "overnight.", "2024-03-08", "strike", "2024-03-08"),
    ],
)
def test_event_dates_in_context(pipeline, text, published, trigger, expected) -> None:
    got = dated(pipeline, text, published)
    assert got.get(trigger) == expected, got


def test_event_dates_story_day_from_the_paragraph_before(pipeline) -> None:
    # "Police opened fire" has no date of its own: the story's day is that of the act told
    # just before it (Tuesday), not the day of the report.
    text = ("NAIROBI, June 26 (WSW) - The president said on Wednesday he would drop the bill.\n\n"
            "Thousands of demonstrators broke through police lines outside parliament on Tuesday "
            "afternoon.\n\nPolice opened fire on the crowd, killing at least 12 people.")
    assert dated(pipeline, text, "2024-06-26").get("opened") == "2024-06-25"


def test_event_dates_denied_act_takes_the_story_day(pipeline) -> None:
    text = ("MANILA — A Chinese coast guard ship fired water cannon at a Philippine vessel near "
            "Scarborough Shoal on Friday, the Philippine Coast Guard said.\n\n"
            "The Philippine Coast Guard denied that its vessel had rammed the Chinese ship.")
    result = pipeline.extract(text, published="2025-06-21")
    denied = [e for e in result.events if e.modality == "negated"]
    assert denied and denied[0].date == "2025-06-20"


def test_event_dates_week_level_expressions_stay_null(pipeline) -> None:
    text = "The two governments agreed last week to extend the ceasefire by 90 days."
    result = pipeline.extract(text, published="2024-02-12")
    assert result.events and all(e.date is None for e in result.events)
    assert normalise_name(result.events[0].date_raw or "") == "last week"
