"""Month names in the languages news is written in, from dateparser's locale data.

dateparser (a well-kept date parser) carries the month names and abbreviations of some
200 locales. Parsing every candidate with it would cost milliseconds a line; instead its
names become one lookup table for the words Polars regexes find next to day and year.
Where two languages use one word for different months, the language listed first wins.
"""

from __future__ import annotations

import importlib
import re

# Languages in order of precedence (English first: "mar" is March).
LANGUAGES = [
    "en",
    "es",
    "pt",
    "fr",
    "de",
    "it",
    "nl",
    "ru",
    "pl",
    "tr",
    "sv",
    "da",
    "nb",
    "fi",
    "cs",
    "ro",
    "hu",
    "id",
    "uk",
    "el",
    "ca",
    "hr",
    "sk",
    "sl",
    "bg",
    "sr",
    "lt",
    "lv",
    "et",
    "vi",
]
_MONTH_KEYS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_ROMAN = re.compile(r"^[ivx]+$")
_MIN_LETTERS = 3


def _load() -> dict[str, int]:
    months: dict[str, int] = {}
    for language in LANGUAGES:
        try:
            data = importlib.import_module(f"dateparser.data.date_translation_data.{language}")
        except ImportError:  # dateparser missing or reorganised: English below still works
            continue
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for word in data.info.get(key, []):
                word = word.lower().rstrip(".")
                if len(word) >= _MIN_LETTERS and not _ROMAN.match(word) and word.isalpha():
                    months.setdefault(word, number)
    for number, key in enumerate(_MONTH_KEYS, start=1):
        months.setdefault(key, number)
        months.setdefault(key[:3], number)
    months.setdefault("sept", 9)
    return months


MONTHS: dict[str, int] = _load()
