"""Ingest: read corpora robustly into ArticleRecords, quarantining bad input with a reason.

    for item in read_paths(["corpus/"]):
        if isinstance(item, Rejected):
            print(item.origin, item.code, item.reason)
        else:
            ...  # item.text, item.published, item.language ...
"""

from .clean import clean_text, html_to_text, parse_date
from .decode import decode_bytes, sniff_binary
from .dedupe import ExactDeduper, normalise_text, text_key
from .language import detect_language, is_english
from .readers import (
    parse_front_matter,
    read_csv_file,
    read_feed_file,
    read_file,
    read_html_file,
    read_json_file,
    read_jsonl_file,
    read_paths,
    read_text_file,
)
from .records import DEFAULT_MAX_BYTES, ArticleRecord, Rejected

__all__ = [
    "ArticleRecord",
    "DEFAULT_MAX_BYTES",
    "ExactDeduper",
    "Rejected",
    "clean_text",
    "decode_bytes",
    "detect_language",
    "html_to_text",
    "is_english",
    "normalise_text",
    "parse_date",
    "parse_front_matter",
    "read_csv_file",
    "read_feed_file",
    "read_file",
    "read_html_file",
    "read_json_file",
    "read_jsonl_file",
    "read_paths",
    "read_text_file",
    "sniff_binary",
    "text_key",
]
