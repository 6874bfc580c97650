"""Date lines ("Friday 10 December 2021", "Dec. 10, 2021", "2021-12-10") to dates."""

from __future__ import annotations

import polars as pl

from presswash.transforms.month_names import MONTHS
from presswash.transforms.patterns import DATE_FORMATS, MONTH_NAMES


def _month_number(month: pl.Expr) -> pl.Expr:
    name = month.str.strip_chars(".").replace_strict(
        MONTH_NAMES, default=None, return_dtype=pl.Int32
    )
    return (
        pl.when(month.str.contains(r"^\d+$"))
        .then(month.cast(pl.Int32, strict=False))
        .otherwise(name)
    )


def _date_for_format(text: pl.Expr, pattern: str) -> pl.Expr:
    groups = text.str.extract_groups(pattern)
    month = _month_number(groups.struct.field("month"))
    iso = pl.concat_str(
        groups.struct.field("year"),
        month.cast(pl.String).str.zfill(2),
        groups.struct.field("day").str.zfill(2),
        separator="-",
    )
    return iso.str.to_date("%Y-%m-%d", strict=False)


def parse_date(text: pl.Expr) -> pl.Expr:
    """The date a whole line states, or null when the line is not a date line.

    >>> frame = pl.DataFrame({"line": [
    ...     "Friday 10 December 2021", "Published: 10:32 EST, 10 Dec 2021", "December 10, 2021",
    ...     "2021-12-10T09:30:00Z", "Putin made the remark on 10 December", "31 February 2021",
    ... ]})
    >>> [str(d) for d in frame.select(parse_date(pl.col("line"))).to_series()]
    ['2021-12-10', '2021-12-10', '2021-12-10', '2021-12-10', 'None', 'None']
    """
    lowered = text.str.to_lowercase().str.strip_chars()
    return pl.coalesce([_date_for_format(lowered, pattern) for pattern in DATE_FORMATS.values()])


# Timestamps scrapers write (JSON Lines `scraped_at`), tried in order.
TIMESTAMP_FORMATS = (
    "%Y-%m-%dT%H:%M:%S%.f%#z",
    "%Y-%m-%dT%H:%M:%S%#z",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d",
    "%a, %d %b %Y %H:%M:%S GMT",
)


def parse_timestamp(text: pl.Expr) -> pl.Expr:
    """A timestamp in UTC (naive), whatever common format each row uses; null otherwise.

    >>> frame = pl.DataFrame({"at": ["2021-12-10T09:30:00+02:00", "2021-12-10 09:30:00", "soon"]})
    >>> [str(t) for t in frame.select(parse_timestamp(pl.col("at"))).to_series()]
    ['2021-12-10 07:30:00', '2021-12-10 09:30:00', 'None']
    """
    parsed = []
    for fmt in TIMESTAMP_FORMATS:
        if "z" in fmt:
            expression = text.str.to_datetime(fmt, strict=False, time_unit="us", time_zone="UTC")
            parsed.append(expression.dt.replace_time_zone(None))
        else:
            parsed.append(text.str.to_datetime(fmt, strict=False, time_unit="us"))
    return pl.coalesce(parsed)


# ---------------------------------------------------------------------------
# Dates anywhere in a line: "By Meg James | Nov. 19, 2019, 10:31 pm", "sexta-feira, 22 de
# outubro de 2010 às 20:13", "Updated 11:48 PM EST, March 8, 2024", "2019年11月18日".
# Month names are read as any word and looked up (``MONTHS``): one alternation of 700 names
# in many languages made the search 40 times slower.
_MONTH_WORD = r"(?P<month>\p{L}{3,})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|\.)?"
# A year ends at a word boundary, or runs into a time some renderers glue to it
# ("Nov 19 20197:05 AM").
_YEAR = r"(?P<year>(?:19|20)\d{2})(?:\b|\d{1,2}:\d{2})"
DATE_IN_TEXT: dict[str, str] = {
    # Nov. 19, 2019 / November 19th 2019 / Oktober 27, 2015
    "month_day_year": rf"{_MONTH_WORD}\s+{_DAY},?\s+(?:of\s+)?{_YEAR}",
    # 19 November 2019 / 22 de outubro de 2010 / 24 сентября 2018 / 3rd of March, 2022
    "day_month_year": rf"\b{_DAY}\s*(?:de\s+|of\s+)?{_MONTH_WORD},?\s*(?:de\s+)?{_YEAR}",
    # 2019-11-19 / 2019/11/19 / 2016.12.01 / 2019-11-18T20:51:19Z
    "year_month_day": (
        r"\b(?P<year>(?:19|20)\d{2})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?:\b|T\d)"
    ),
    # 2019年11月18日
    "cjk": r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日",
}
# 11/19/2019, 11.14.2019, 9/11/13, 21/12/2018, 08.04.2015: month first unless the first
# number cannot be a month (news in English is mostly American), but day first in the
# European dotted form with a four-digit year (08.04.2015 is 8 April) where it can be.
NUMERIC_DATE = (
    r"\b(?P<first>\d{1,2})(?P<separator>[/.])(?P<second>\d{1,2})[/.](?P<year>(?:19|20)?\d{2})\b"
)


def _words_to_month(month: pl.Expr) -> pl.Expr:
    lowered = month.str.to_lowercase().str.strip_chars(".")
    named = lowered.replace_strict(MONTHS, default=None, return_dtype=pl.Int32)
    return (
        pl.when(lowered.str.contains(r"^\d+$"))
        .then(lowered.cast(pl.Int32, strict=False))
        .otherwise(named)
    )


def _to_date(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    iso = pl.concat_str(
        year, month.cast(pl.String).str.zfill(2), day.cast(pl.String).str.zfill(2), separator="-"
    )
    return iso.str.to_date("%Y-%m-%d", strict=False)


def find_date(text: pl.Expr) -> pl.Expr:
    """The first whole date written in the line (day, month and year), or null.

    >>> frame = pl.DataFrame({"line": [
    ...     "By Meg James | Nov. 19, 2019, 10:31 pm", "sexta-feira, 22 de outubro de 2010 às 20:13",
    ...     "Updated 11:48 PM EST, March 8, 2024", "2019年11月18日 10:00", "Posted 11/13/19",
    ...     "Le 24 novembre 2017", "Tuesday 12 March 2024 14:35 GMT", "21/12/2018",
    ...     "May 2019 was wet", "on 31 February 2021", "Sat, 16 Mar 2024 21:42:00 GMT",
    ...     "By Mike Wall 2019-11-18T20:51:19Z", "Published Tue, Nov 19 20197:05 AM EST",
    ...     "08.04.2015 12:46", "11.14.2019 09:00 AM", "11.03.17 in Gadgetry",
    ... ]})
    >>> days = [str(day) for day in frame.select(find_date(pl.col("line"))).to_series()]
    >>> print(*days[:6]); print(*days[6:13]); print(*days[13:])
    2019-11-19 2010-10-22 2024-03-08 2019-11-18 2019-11-13 2017-11-24
    2024-03-12 2018-12-21 None None 2024-03-16 2019-11-18 2019-11-19
    2015-04-08 2019-11-14 2017-11-03
    """
    dates = []
    for pattern in DATE_IN_TEXT.values():
        groups = text.str.extract_groups(pattern)
        field = groups.struct.field
        dates.append(_to_date(field("year"), _words_to_month(field("month")), field("day")))
    numeric = text.str.extract_groups(NUMERIC_DATE)
    first = numeric.struct.field("first").cast(pl.Int32, strict=False)
    second = numeric.struct.field("second").cast(pl.Int32, strict=False)
    written_year = numeric.struct.field("year")
    short_year = written_year.str.len_chars() == 2
    year = pl.when(short_year).then(pl.lit("20") + written_year).otherwise(written_year)
    dotted = (numeric.struct.field("separator") == ".") & ~short_year
    day_first = (first > 12) | (dotted & (second <= 12))
    dates.append(
        _to_date(
            year,
            pl.when(day_first).then(second).otherwise(first),
            pl.when(day_first).then(first).otherwise(second),
        )
    )
    return pl.coalesce(dates)


def parse_published(text: pl.Expr) -> pl.Expr:
    """A scraper's ``published`` field: a date line, a timestamp (ISO 8601, RFC 822 as in
    RSS: "Sat, 16 Mar 2024 21:42:00 GMT") or a date written in it; the day as written.

    >>> frame = pl.DataFrame({"p": ["Sat, 16 Mar 2024 21:42:00 GMT", "2024-03-16T23:30:00-05:00",
    ...                             "March 16, 2024", "soon"]})
    >>> [str(d) for d in frame.select(parse_published(pl.col("p"))).to_series()]
    ['2024-03-16', '2024-03-16', '2024-03-16', 'None']
    """
    return pl.coalesce(parse_date(text), find_date(text))
