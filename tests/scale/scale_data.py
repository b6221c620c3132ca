"""Test data for the scale-out tests: a few short articles in our own words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Short on purpose: these tests are about plumbing, not accuracy, and must stay fast.
SHORT_ARTICLES: list[dict[str, Any]] = [
    {"text": "Chile and Peru agreed on Monday to reopen their border crossings. The Chilean "
             "foreign minister said trade would resume next week.",
     "title": "Chile and Peru reopen border", "published": "2025-03-03", "source": "Andes Wire"},
    {"text": "Kenya accused Uganda of detaining its fishermen on Lake Victoria. \"They must be "
             "freed at once,\" the Kenyan interior minister told reporters in Nairobi.",
     "title": "Kenya protests detentions", "published": "2025-03-04"},
    {"text": "Police in Warsaw arrested twelve protesters on Tuesday after a march against fuel "
             "prices turned violent.", "title": "Arrests in Warsaw", "published": "2025-03-04",
     "url": "https://news.example/warsaw"},
    {"text": "Japan said on Wednesday it would send food aid to the Philippines after floods hit "
             "the north of the country.", "published": "2025-03-05"},
    {"text": "Norway recalled its ambassador from Iran on Thursday in protest over the arrest of "
             "two aid workers.", "title": "Norway recalls envoy", "published": "2025-03-06"},
    {"text": "Ghana and Togo signed a deal on Friday to share electricity from a new dam. "
             "Officials said the plant would open next year.", "published": "2025-03-07"},
    {"text": "Egypt urged Ethiopia to stop filling the dam reservoir until a deal is reached, "
             "the Egyptian water ministry said on Saturday.", "published": "2025-03-08"},
    {"text": "Brazil and Argentina held talks in Brasilia on Sunday about tariffs on steel. "
             "Neither side gave details.", "title": "Steel talks", "published": "2025-03-09"},
]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
