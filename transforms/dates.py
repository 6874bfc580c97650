"""Date lines ("Friday 10 December 2021", "Dec. 10, 2021", "2021-12-10") to dates."""

from __future__ import annotations

import polars as pl

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
