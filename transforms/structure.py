"""Clean lines to article structure: date line, headline, body paragraphs, image blocks.

Scraped news pages print image blocks inline: an alt-text label (often twice, on
consecutive lines), then a caption (often twice, separated by a blank line), usually
without terminal punctuation. Side-by-side pictures print their labels one after the
other ("Biden" / "Zelensky") above one shared caption. The rules, in order:

1. Consecutive identical lines collapse into one *unit* that remembers how often it was
   printed (``repeats``); the extra copies are logged as removed lines.
2. The first unit among the first few that states a whole date is the date line; the first
   substantial unit (3+ words) is the headline; anything before it is logged and dropped.
3. A *short* unit (a label: few words, no terminal punctuation) is alt text when it was
   printed twice or when the next longer unit could be a caption.
4. A longer unit is a caption when it has no terminal punctuation (or has a caption cue
   such as "pictured", "(left)", "are seen") and it was printed twice, follows alt text,
   or carries a caption cue.
5. Everything else after the headline is a body paragraph, in order.
"""

from __future__ import annotations

import polars as pl

from presswash.transforms.dates import parse_date
from presswash.transforms.patterns import (
    ALT_TEXT_MAX_CHARS,
    ALT_TEXT_MAX_WORDS,
    CAPTION_CUE,
    DATE_LINE_SEARCH_DEPTH,
    HEADLINE_MIN_WORDS,
    TERMINAL_PUNCTUATION,
    for_polars,
)

DOC = "document_id"
WORDS = pl.col("text").str.count_matches(r"\S+").cast(pl.Int32)


def collapse_repeats(lines: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Kept lines to units (consecutive duplicates merged), plus the dropped copies.

    Blank lines do not separate copies: captions are printed twice with a blank between.

    >>> frame = pl.DataFrame({"document_id": ["d"] * 4, "line_no": [1, 2, 3, 4],
    ...                       "text": ["Russian artillery", "Russian artillery", "", "Body."],
    ...                       "rule": [None, None, None, None]})
    >>> units, copies = collapse_repeats(frame)
    >>> units.select("text", "repeats").rows()
    [('Russian artillery', 2), ('Body.', 1)]
    >>> copies.select("line_no", "rule").rows()
    [(2, 'repeated_line')]
    """
    content = lines.filter((pl.col("text") != "") & pl.col("rule").is_null()).with_columns(
        _copy=(pl.col("text") == pl.col("text").shift(1)).over(DOC).fill_null(False)
    )
    units = (
        content.with_columns(_unit=(~pl.col("_copy")).cum_sum().over(DOC))
        .group_by(DOC, "_unit", maintain_order=True)
        .agg(
            pl.col("line_no").first(),
            pl.col("text").first(),
            pl.len().cast(pl.Int32).alias("repeats"),
        )
        .drop("_unit")
    )
    copies = content.filter("_copy").select(DOC, "line_no", "text", rule=pl.lit("repeated_line"))
    return units, copies


def classify_units(units: pl.DataFrame, titles: pl.DataFrame | None = None) -> pl.DataFrame:
    """Add ``kind`` to every unit: date, headline, before_headline, alt, caption or body.

    ``titles`` (document_id, title) lets a scraper's own title pick the headline line.
    """
    idx = pl.int_range(pl.len()).over(DOC)
    terminal = pl.col("text").str.contains(TERMINAL_PUNCTUATION)
    cue = pl.col("text").str.contains(for_polars(CAPTION_CUE))
    short = (
        (pl.col("_words") <= ALT_TEXT_MAX_WORDS)
        & (pl.col("text").str.len_chars() <= ALT_TEXT_MAX_CHARS)
        & ~terminal
    )
    frame = units.with_columns(_idx=idx, _words=WORDS, _terminal=terminal, _cue=cue).with_columns(
        _short=short
    )
    # Dates are read only where a date line can be: parsing every line cost 40 % of this step.
    dates = frame.filter(pl.col("_idx") < DATE_LINE_SEARCH_DEPTH).select(
        DOC, "_idx", _date=parse_date(pl.col("text"))
    )
    frame = frame.join(dates, on=[DOC, "_idx"], how="left", maintain_order="left")
    if titles is not None:
        frame = frame.join(titles.select(DOC, "title"), on=DOC, how="left")
    else:
        frame = frame.with_columns(title=pl.lit(None, pl.String))

    is_date_line = pl.col("_date").is_not_null() & (pl.col("_idx") < DATE_LINE_SEARCH_DEPTH)
    frame = frame.with_columns(
        _is_date=is_date_line & (is_date_line.cum_sum().over(DOC) == 1)
    ).with_columns(
        _headline_candidate=pl.when(pl.col("title").is_not_null())
        .then(pl.col("text") == pl.col("title"))
        .otherwise(~pl.col("_is_date") & (pl.col("_words") >= HEADLINE_MIN_WORDS))
    )
    seen_headline = pl.col("_headline_candidate").cum_sum().over(DOC)
    frame = frame.with_columns(
        _is_headline=pl.col("_headline_candidate") & (seen_headline == 1),
        # With a scraper title that never appears in the text, everything is body.
        _in_body=(seen_headline >= 1) & ~(pl.col("_headline_candidate") & (seen_headline == 1))
        | (pl.col("title").is_not_null() & ~pl.col("_headline_candidate").any().over(DOC)),
    )

    caption_candidate = ~pl.col("_short") & (~pl.col("_terminal") | pl.col("_cue"))
    next_longer_is_candidate = (
        pl.when(~pl.col("_short")).then(caption_candidate).shift(-1).backward_fill().over(DOC)
    ).fill_null(False)
    is_alt = (
        pl.col("_in_body")
        & pl.col("_short")
        & ((pl.col("repeats") >= 2) | next_longer_is_candidate)
    )
    frame = frame.with_columns(_alt=is_alt).with_columns(
        _after_alt=pl.col("_alt").shift(1).over(DOC).fill_null(False)
    )
    twice = pl.col("repeats") >= 2
    is_caption = (
        pl.col("_in_body")
        & ~pl.col("_short")
        & (
            (twice & (~pl.col("_terminal") | pl.col("_cue")))
            | (~pl.col("_terminal") & (pl.col("_after_alt") | pl.col("_cue")))
        )
    )
    kind = (
        pl.when(pl.col("_is_date") & ~pl.col("_in_body"))
        .then(pl.lit("date"))
        .when(pl.col("_is_headline"))
        .then(pl.lit("headline"))
        .when(~pl.col("_in_body"))
        .then(pl.lit("before_headline"))
        .when(pl.col("_alt"))
        .then(pl.lit("alt"))
        .when(is_caption)
        .then(pl.lit("caption"))
        .otherwise(pl.lit("body"))
    )
    return frame.with_columns(kind=kind).select(
        DOC,
        "line_no",
        "text",
        "repeats",
        "kind",
        published_date=pl.col("_date"),
        after_alt=pl.col("_after_alt"),
        word_count=pl.col("_words"),  # counted once, here; paragraphs reuse it
    )


def build_paragraphs(units: pl.DataFrame) -> pl.DataFrame:
    """Body units in order, numbered from 1."""
    return units.filter(pl.col("kind") == "body").select(
        DOC,
        position=pl.int_range(1, pl.len() + 1, dtype=pl.Int32).over(DOC),
        text="text",
        word_count="word_count",
        line_no="line_no",
    )


def build_images(units: pl.DataFrame) -> pl.DataFrame:
    """One row per picture: each alt label with the caption that follows it.

    A caption with two labels above it ("Biden" / "Zelensky") is two pictures that share
    it; a caption with no label is one picture without alt text.
    """
    starts_picture = ~pl.col("after_alt")
    image_units = units.filter(pl.col("kind").is_in(["alt", "caption"])).with_columns(
        image_group=starts_picture.cum_sum().over(DOC)
    )
    groups = image_units.group_by(DOC, "image_group", maintain_order=True).agg(
        pl.col("line_no").first()
    )
    alts = image_units.filter(pl.col("kind") == "alt").select(
        DOC, "image_group", alt_text="text", alt_line="line_no"
    )
    captions = image_units.filter(pl.col("kind") == "caption").select(
        DOC, "image_group", caption="text", caption_repeats="repeats"
    )
    return (
        groups.join(alts, on=[DOC, "image_group"], how="left", maintain_order="left")
        .join(captions, on=[DOC, "image_group"], how="left", maintain_order="left")
        .select(
            DOC,
            position=pl.int_range(1, pl.len() + 1, dtype=pl.Int32).over(DOC),
            alt_text="alt_text",
            caption="caption",
            caption_repeats=pl.col("caption_repeats").cast(pl.Int32),
            line_no=pl.coalesce("alt_line", "line_no"),
            image_group="image_group",
        )
    )
