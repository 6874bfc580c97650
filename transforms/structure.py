"""Scored lines to article structure: headline, date line, byline, body, image blocks.

The line model (``line_model.py``) has scored every unit and marked the article's block.
Around it, in order:

1. Consecutive identical lines collapse into one *unit* that remembers how often it was
   printed (``repeats``); the extra copies are logged as removed lines (``collapse_repeats``).
2. The headline is the best-ranked line above the article's first sentence (``headline.py``),
   or the line matching a scraper's title. The article starts there: units before it are
   removed (``before_headline``).
3. The date line is the short line nearest the headline that states a whole date; bylines
   and timestamps between the headline and the first sentence are removed (``byline``,
   ``timestamp``).
4. Image blocks near the article need strong evidence (``_mark_images``): a label or a
   caption printed twice, a caption cue ("pictured", "(left)", a photo credit), labels side
   by side ("Biden" / "Zelensky") above one cued caption. A credit line after a picture is
   its credit.
5. Every other unit from the headline on that the model keeps is a body paragraph, in
   order; the rest is removed, after the block (``after_article``) or inside it
   (``low_score``), with its score. The titles listed under a "Related articles" heading
   from the block on are removed first (``related_links``).
"""

from __future__ import annotations

import polars as pl

from presswash.transforms.dates import find_date
from presswash.transforms.headline import (
    choose_headline,
    headline_candidates,
    match_title,
    titles_with_cut,
)
from presswash.transforms.layout import join_fragments
from presswash.transforms.line_model import LineModel, default_model
from presswash.transforms.patterns import (
    ALT_TEXT_MAX_CHARS,
    ALT_TEXT_MAX_WORDS,
    CAPTION_CUE,
    CLOSERS,
    CREDIT_LINE,
    TERMINAL_PUNCTUATION,
    for_polars,
)
from presswash.transforms.subset import shift_in_page, update_rows

DOC = "document_id"
PAGE = "_page"  # integer page key (subset.page_number): cheaper windows than DOC
# The date line is a short line this close to the headline (or the article's first line).
DATE_SEARCH_BEFORE = 6
DATE_SEARCH_AFTER = 8
DATE_LINE_MAX_WORDS = 25
DATELINE_SENTENCE_WORDS = 8  # "Published 3 March 2024." ends a sentence too
IMAGE_LEAD = 8  # lines above (below) the block where a picture's caption may sit
BYLINE_MAX_WORDS = 12  # a byline or timestamp line is short
# A list of other stories under a "Related articles" heading: up to this many lines, each
# a title (this many words at most, no full stop).
RELATED_LIST_MAX_LINES = 8
RELATED_TITLE_MAX_WORDS = 16
CREDIT_MAX_WORDS = 10
# Title case: this many words of four letters or more, and this share of them capitalised.
TITLE_CASE_MIN_WORDS = 4
TITLE_CASE_SHARE = 0.9


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
    for column, default in _LAYOUT_DEFAULTS.items():
        if column not in lines.columns:
            lines = lines.with_columns(pl.lit(default[0], default[1]).alias(column))
    lines = join_fragments(lines)
    kept = pl.col("rule").is_null()
    same_page = pl.col(DOC) == pl.col(DOC).shift(1)
    same_as_previous = (
        same_page & (pl.col("text") == pl.col("text").shift(1)) & kept & kept.shift(1)
    )
    content = (
        lines.lazy()
        .filter(pl.col("text") != "")
        .with_columns(_copy=same_as_previous.fill_null(False))
        .with_columns(_unit=(~pl.col("_copy")).cum_sum())
        .collect()
    )
    # A unit is its first line; its copies only add to ``repeats`` (windows over an integer
    # key, not a group-by of every line).
    units = (
        content.lazy()
        .with_columns(
            repeats=pl.len().over("_unit").cast(pl.Int32),
            gap_after=pl.col("gap_after").last().over("_unit"),
        )
        .filter(~pl.col("_copy"))
        .select(
            DOC, "line_no", "text", "repeats", "rule", "indent", "bullet", "gap_before", "gap_after"
        )
        .collect()
    )
    copies = content.filter("_copy").select(DOC, "line_no", "text", rule=pl.lit("repeated_line"))
    return units, copies


# Layout columns (see layout.measure_layout), and their value for frames built without it.
_LAYOUT_DEFAULTS = {
    "indent": (0, pl.Int16),
    "bullet": (False, pl.Boolean),
    "gap_before": (1, pl.Int8),
    "gap_after": (1, pl.Int8),
}


def classify_units(
    scored: pl.DataFrame, titles: pl.DataFrame | None = None, model: LineModel | None = None
) -> pl.DataFrame:
    """Add ``kind`` to every scored unit (see ``line_model.keep_lines``): date, headline,
    alt, caption, credit, body, rule (a pattern removed it) or removed; a removed unit's
    ``removed_rule`` says why.

    ``titles`` (document_id, title, and optionally extracted) lets a scraper's own title
    pick the headline line. On an ``extracted`` page (a web page's article, found in its
    markup) only that title makes a headline, and pictures come from the markup.
    """
    model = model or default_model()
    frame = scored.lazy()
    extracted = titles is not None and "extracted" in titles.columns
    if extracted:
        # A page's markup already told the article from the chrome: its lines are all kept.
        frame = frame.with_columns(
            _extracted=pl.col(DOC).is_in(titles.filter("extracted")[DOC].implode())
        ).with_columns(
            in_block=pl.col("in_block") | pl.col("_extracted"),
            keep=pl.col("keep") | pl.col("_extracted"),
        )
    frame = (
        frame.with_columns(_idx=pl.int_range(pl.len()).over(PAGE))
        .with_columns(
            block_start=pl.col("_idx").filter("in_block").min().over(PAGE),
            block_end=pl.col("_idx").filter("in_block").max().over(PAGE),
        )
        .collect()
    )
    frame = _mark_related_links(frame)
    frame = _mark_headline(frame, titles, model)
    frame = _mark_date(frame)
    # The article starts at its headline: what comes before it is not body, even where the
    # block reaches higher.
    anchor = pl.coalesce("headline_idx", "block_start")
    end = pl.col("block_end").fill_null(-1)
    # Pictures are looked for from just above the block to just below it (a gallery after
    # the last paragraph); they need strong evidence there (see _mark_images).
    pictures_from = pl.max_horizontal(anchor, pl.col("block_start") - IMAGE_LEAD)
    pictures_to = pl.col("block_end") + IMAGE_LEAD
    free = pl.col("rule").is_null() & ~pl.col("_is_headline") & ~pl.col("_is_date")
    if extracted:  # a web page's pictures come from its markup
        pictures_to = pl.when(~pl.col("_extracted")).then(pictures_to).otherwise(-1)
    frame = _mark_images(
        frame.with_columns(
            _free=free & pl.col("_idx").is_between(anchor, end),
            _picture_zone=free & pl.col("_idx").is_between(pictures_from, pictures_to),
        )
    )
    # Bylines and timestamps between the headline and the first sentence of prose, or just
    # under the headline when a standfirst comes first ("ALPINE glaciers lost ...", "By ...").
    under_headline = pl.col("_idx").is_between(anchor, anchor + DATE_SEARCH_AFTER) & (
        pl.col("f_sentence_end") == 0
    )
    header = pl.col("_free") & (pl.col("_idx").is_between(anchor, _prose_start()) | under_headline)
    short = pl.col("words") <= BYLINE_MAX_WORDS
    frame = frame.with_columns(
        _byline=header & short & (pl.col("f_byline") > 0) & ~pl.col("_alt") & ~pl.col("_caption")
    ).with_columns(
        _timestamp=header
        & short
        & ~pl.col("_byline")
        & ((pl.col("f_date") + pl.col("f_time")) > 0)
        & ~pl.col("_alt")
        & ~pl.col("_caption")
    )
    # The model's keep: in the block from a low score, anywhere from a high one; never
    # above the headline.
    body = (
        free
        & (pl.col("_idx") >= anchor)
        & pl.col("keep")
        & ~(pl.col("_picture_zone") & (pl.col("_alt") | pl.col("_caption") | pl.col("_lone_alt")))
        & ~pl.col("_credit")
        & ~pl.col("_byline")
        & ~pl.col("_timestamp")
    )
    kind = (
        pl.when(pl.col("rule").is_not_null() & ~pl.col("_late_rule"))
        .then(pl.lit("rule"))
        .when(pl.col("_is_date"))
        .then(pl.lit("date"))
        .when(pl.col("_is_headline"))
        .then(pl.lit("headline"))
        .when(pl.col("_picture_zone") & pl.col("_alt"))
        .then(pl.lit("alt"))
        .when(pl.col("_picture_zone") & pl.col("_caption"))
        .then(pl.lit("caption"))
        .when(pl.col("_credit"))
        .then(pl.lit("credit"))
        .when(body)
        .then(pl.lit("body"))
        .otherwise(pl.lit("removed"))
    )
    removed_rule = (
        pl.when(pl.col("_late_rule"))
        .then(pl.col("rule"))
        .when(pl.col("_byline"))
        .then(pl.lit("byline"))
        .when(pl.col("_timestamp"))
        .then(pl.lit("timestamp"))
        .when(pl.col("_picture_zone") & pl.col("_lone_alt"))
        .then(pl.lit("alt_text_without_caption"))
        .when(pl.col("_idx") < anchor.fill_null(pl.len().over(PAGE)))
        .then(pl.lit("before_headline"))
        .when(pl.col("_idx") > pl.col("block_end").fill_null(-1))
        .then(pl.lit("after_article"))
        .otherwise(pl.lit("low_score"))
    )
    frame = frame.with_columns(kind=kind).with_columns(
        removed_rule=pl.when(pl.col("kind") == "removed").then(removed_rule)
    )
    return frame.select(
        DOC,
        "line_no",
        "text",
        "repeats",
        "kind",
        "removed_rule",
        score="p_body",
        published_date=pl.col("_date"),
        after_alt=pl.col("_after_alt"),
        word_count=pl.col("words"),  # counted once, by the features; paragraphs reuse it
        title_matched=pl.col("_title_matched"),
        first_line=pl.col("_idx") == 0,
    )


def _mark_related_links(frame: pl.DataFrame) -> pl.DataFrame:
    """Rule ``related_links``: the titles listed under a heading that opens a list of other
    stories ("Related articles", "Don't miss", "Most read"), up to the first line that is
    not a title (a full stop, or too long). The block may run through such a box when it
    sits between two paragraphs; its titles look like short prose, but they are links.
    A title may end with "?" ("Why the lights were seen so far south?"). Only from the
    article's block on."""
    opener = pl.col("f_related_heading") > 0
    full_stop = pl.col("text").str.contains(rf"[.!。！…]{CLOSERS}$")
    title = (
        pl.col("words").is_between(1, RELATED_TITLE_MAX_WORDS)
        & (~full_stop | (pl.col("f_ellipsis") > 0))  # "... since the…": a title cut short
        & ~opener
    )
    # Number the runs of titles; a run counts when the line above its first is an opener.
    run_start = title & ~shift_in_page(title, 1).fill_null(False)
    work = frame.with_columns(
        _title=title,
        _opens=run_start & shift_in_page(opener, 1).fill_null(False),
        _run=run_start.cast(pl.Int32).cum_sum().over(PAGE),
    )
    opened = pl.col("_opens").any().over(PAGE, "_run")
    position = pl.int_range(pl.len()).over(PAGE, "_run")
    # Inside the article or after it: above it, a label such as "Up next:" may sit right
    # over the headline.
    listed = (
        pl.col("_title")
        & opened
        & (position < RELATED_LIST_MAX_LINES)
        & (pl.col("_idx") >= pl.col("block_start"))
    ).fill_null(False)  # a page with no block lists nothing
    # A rule found here, after scoring, is reported with the removed lines (``removed_rule``);
    # earlier rules were logged when they matched.
    return work.with_columns(
        rule=pl.when(pl.col("rule").is_null() & listed)
        .then(pl.lit("related_links"))
        .otherwise(pl.col("rule")),
        _late_rule=pl.col("rule").is_null() & listed,
    ).drop("_title", "_opens", "_run")


def _mark_headline(
    frame: pl.DataFrame, titles: pl.DataFrame | None, model: LineModel
) -> pl.DataFrame:
    """``_is_headline`` and ``headline_idx``: the scraper's title where a line matches it,
    else the ranker's choice near the block's start."""
    chosen = choose_headline(headline_candidates(frame), model.headline)
    titled = None
    if titles is not None and "extracted" in titles.columns:
        chosen = chosen.join(titles.filter("extracted"), on=DOC, how="anti")
    if titles is not None:
        titled = titles_with_cut(titles.select(DOC, "title").filter(pl.col("title").is_not_null()))
    if titled is not None and titled.height:
        matched = (
            frame.join(titled, on=DOC, how="inner")
            .filter(match_title())
            .unique(DOC, keep="first", maintain_order=True)
            .select(DOC, "_idx")
        )
        chosen = pl.concat([matched, chosen.join(matched, on=DOC, how="anti")])
    else:
        matched = frame.clear().select(DOC, "_idx")
    frame = frame.join(
        chosen.with_columns(_is_headline=pl.lit(True)),
        on=[DOC, "_idx"],
        how="left",
        maintain_order="left",
    ).with_columns(
        _is_headline=pl.col("_is_headline").fill_null(False),
        _title_matched=pl.col(DOC).is_in(matched[DOC].implode()),
    )
    return frame.with_columns(headline_idx=pl.col("_idx").filter("_is_headline").first().over(PAGE))


def _prose_start() -> pl.Expr:
    """The article's first sentence of prose (eight words or more), else the block's start:
    the header (headline, byline, date) lies above it."""
    sentence = pl.col("in_block") & (pl.col("f_sentence_end") > 0) & pl.col("rule").is_null()
    return pl.coalesce(
        pl.col("_idx").filter(sentence & (pl.col("words") >= 8)).min().over(PAGE),
        pl.col("block_start"),
    )


def _mark_date(frame: pl.DataFrame) -> pl.DataFrame:
    """``_is_date`` and ``_date``: the date-bearing short line nearest the headline (or the
    block's start), searched a few lines either side and down the whole header, from the
    headline to the first sentence of prose, where a byline block can run long (share rows,
    author boxes). Only those lines are parsed."""
    anchor = pl.coalesce("headline_idx", "block_start")
    near = (
        pl.col("_idx").is_between(anchor - DATE_SEARCH_BEFORE, anchor + DATE_SEARCH_AFTER)
        | pl.col("_idx").is_between(
            pl.col("block_start") - DATE_SEARCH_BEFORE, pl.col("block_start") + 2
        )
        | (pl.len().over(PAGE) <= DATE_SEARCH_AFTER)
    )
    in_header = pl.col("_idx").is_between(anchor, _prose_start())
    # Where the headline was missed, a short date line anywhere above the prose, last.
    date_line_above = (pl.col("_idx") < _prose_start()) & (
        pl.col("words") <= DATELINE_SENTENCE_WORDS
    )
    candidates = frame.with_columns(_far=~(near | in_header)).filter(
        (near | in_header | date_line_above)
        & (pl.col("words") <= DATE_LINE_MAX_WORDS)
        # a sentence that mentions a day (a caption, a lead) is not a date line
        & ~((pl.col("f_sentence_end") > 0) & (pl.col("words") > DATELINE_SENTENCE_WORDS))
        & pl.col("rule").is_null()
        & ~pl.col("_is_headline")
        & pl.col("text").str.contains(r"[0-9]")  # every date format has digits
    )
    found = (
        candidates.select(DOC, "_idx", "_far", _date=find_date(pl.col("text")))
        .filter(pl.col("_date").is_not_null())
        # A page states when it was published, then when it was updated, and its masthead
        # may print today's date: the earliest date near the headline is the publication.
        .sort(DOC, "_far", "_date", "_idx")
        .unique(DOC, keep="first")
        .select(DOC, "_idx", "_date")
    )
    return frame.join(found, on=[DOC, "_idx"], how="left", maintain_order="left").with_columns(
        _is_date=pl.col("_date").is_not_null()
    )


def _mark_images(frame: pl.DataFrame) -> pl.DataFrame:
    """``_alt``, ``_caption``, ``_credit`` and ``_lone_alt`` (a label that is no picture's;
    meaningful where ``_picture_zone``): image blocks near the article. Text alone says
    little about a picture, so only strong evidence counts: a line printed twice, a caption
    cue ("pictured", "(left)", a photo credit), or a label printed twice above the caption.
    Menus, share rows and list items are never image text."""
    terminal = pl.col("text").str.contains(TERMINAL_PUNCTUATION)
    cue = pl.col("text").str.contains(for_polars(CAPTION_CUE))
    long_line = (pl.col("words") > ALT_TEXT_MAX_WORDS) | (
        pl.col("text").str.len_chars() > ALT_TEXT_MAX_CHARS
    )
    short = ~long_line & ~terminal
    listed = (pl.col("f_bullet") > 0) | (pl.col("f_separators") > 0) | (pl.col("f_navigation") > 0)
    # Chrome words count on short lines only: a caption may say a photo was "shared".
    chrome_label = (
        (pl.col("f_share") > 0)
        | (pl.col("f_account") > 0)
        | (pl.col("f_comment") > 0)
        | (pl.col("f_date") > 0)
        | (pl.col("f_byline") > 0)
    )
    fragment = pl.col("f_starts_lower") > 0
    twice = pl.col("repeats") >= 2
    # A caption describes in sentence case; a line in title case printed twice is a teaser
    # ("How to Avoid Impulse Purchases in the Internet Shopping Age"), unless a cue says
    # otherwise. Looked for only on long lines printed twice or under a line printed twice:
    # two Unicode regexes over every line cost more than the rest of this step.
    long_words = pl.col("text").str.count_matches(r"\p{L}{4,}")
    title_case = (long_words >= TITLE_CASE_MIN_WORDS) & (
        pl.col("text").str.count_matches(r"\p{Lu}\p{L}{3,}") >= TITLE_CASE_SHARE * long_words
    )
    frame = update_rows(
        frame,
        long_line & (twice | shift_in_page(twice, 1)),
        lambda rows: rows.select(_title_case=title_case),
        columns=["text"],
    )
    title_case = pl.col("_title_case").fill_null(False)
    work = (
        frame.lazy()
        .with_columns(_terminal=terminal, _cue=cue, _short=short)
        .with_columns(
            _image_ok=pl.col("_picture_zone")
            & ~listed
            & ~fragment
            & ~(pl.col("_short") & chrome_label)
        )
    )
    strong_caption = (
        pl.col("_image_ok")
        & ~pl.col("_short")
        & (
            (twice & ~title_case & ~pl.col("_terminal"))
            | (twice & pl.col("_cue"))
            | (~pl.col("_terminal") & pl.col("_cue"))
        )
    )
    # Labels side by side ("Biden" / "Zelensky") share the caption that follows them.
    next_longer_is_caption = (
        pl.when(pl.col("_picture_zone") & ~pl.col("_short"))
        .then(strong_caption)
        .shift(-1)
        .backward_fill()
        .over(PAGE)
    ).fill_null(False)
    is_alt = pl.col("_image_ok") & pl.col("_short") & (twice | next_longer_is_caption)
    work = work.with_columns(_label=is_alt).with_columns(
        _after_twice_alt=shift_in_page((pl.col("_label") & twice), 1).fill_null(False),
    )
    is_caption = strong_caption | (
        pl.col("_image_ok")
        & ~pl.col("_short")
        & ~pl.col("_terminal")
        & ~title_case
        & pl.col("_after_twice_alt")
    )
    work = work.with_columns(_caption=is_caption)
    # A label with a caption after it (past other labels beside it) is a picture's alt
    # text. Without one, it must read as a description ("Geneva skyline": two words or
    # more, mostly in lower case, no digits, no chrome words): a short line printed twice
    # is more often a button, a byline or a teaser title ("Follow", "+", "193 claps",
    # "Jason Parham", "Dirty Truth About Hand Washing"; on the 159 development pages all
    # 35 label-only rows were such). Those stay out of the body (``_lone_alt``).
    caption_next = (
        pl.when(~pl.col("_label"))
        .then(pl.col("_caption"))
        .shift(-1)
        .backward_fill()
        .over(PAGE)
        .fill_null(False)
    )
    chrome_words = (
        (pl.col("f_navigation") + pl.col("f_related") + pl.col("f_credit") + pl.col("f_legal")) > 0
    ) | chrome_label
    description = (
        (pl.col("words") >= 2)
        & (pl.col("f_capital_share") <= 0.5)
        & ~pl.col("text").str.contains(r"[0-9]")
        & ~chrome_words
    )
    alt = pl.col("_label") & (caption_next | description)
    work = work.with_columns(_alt=alt, _lone_alt=pl.col("_label") & ~alt).with_columns(
        _after_alt=shift_in_page(pl.col("_alt"), 1).fill_null(False)
    )
    after_picture = shift_in_page((pl.col("_alt") | pl.col("_caption")), 1).fill_null(False)
    is_credit = (
        pl.col("_picture_zone")
        & after_picture
        & (pl.col("words") <= CREDIT_MAX_WORDS)
        & pl.col("text").str.contains(CREDIT_LINE)
    )
    return work.with_columns(_credit=is_credit & ~pl.col("_alt") & ~pl.col("_caption")).collect()


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
    """One row per picture: each alt label with the caption that follows it, and the
    credit line after them.

    A caption with two labels above it ("Biden" / "Zelensky") is two pictures that share
    it; a caption with no label is one picture without alt text.
    """
    starts_picture = ~pl.col("after_alt") & (pl.col("kind") != "credit")
    image_units = units.filter(pl.col("kind").is_in(["alt", "caption", "credit"])).with_columns(
        image_group=starts_picture.cum_sum().over(DOC)
    )
    groups = (
        image_units.filter(pl.col("kind") != "credit")
        .group_by(DOC, "image_group", maintain_order=True)
        .agg(pl.col("line_no").first())
    )
    credits = (
        image_units.filter(pl.col("kind") == "credit")
        .group_by(DOC, "image_group")
        .agg(credit=pl.col("text").first())
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
        .join(credits, on=[DOC, "image_group"], how="left", maintain_order="left")
        .select(
            DOC,
            position=pl.int_range(1, pl.len() + 1, dtype=pl.Int32).over(DOC),
            alt_text="alt_text",
            caption="caption",
            caption_repeats=pl.col("caption_repeats").cast(pl.Int32),
            credit="credit",
            line_no=pl.coalesce("alt_line", "line_no"),
            image_group="image_group",
        )
    )


def markup_images(documents: pl.DataFrame) -> pl.DataFrame:
    """Image rows from a web page's markup (``pictures``: alt text and ``<figcaption>``,
    in page order), shaped as :func:`build_images` shapes those found in text. A picture
    printed twice in a row (the same alt text and caption) is one, its copies counted.

    >>> pages = pl.DataFrame({"document_id": ["p"], "pictures": [[
    ...     {"alt_text": "Waves", "caption": "Waves on Tuesday"},
    ...     {"alt_text": "Waves", "caption": "Waves on Tuesday"},
    ...     {"alt_text": None, "caption": "The pier"}]]})
    >>> markup_images(pages).select("position", "alt_text", "caption", "caption_repeats").rows()
    [(1, 'Waves', 'Waves on Tuesday', 2), (2, None, 'The pier', 1)]
    """
    pictures = (
        documents.select(DOC, "pictures")
        .explode("pictures")
        .drop_nulls("pictures")
        .unnest("pictures")
    )
    same_as_before = (
        pl.col("alt_text").eq_missing(pl.col("alt_text").shift(1).over(DOC))
        & pl.col("caption").eq_missing(pl.col("caption").shift(1).over(DOC))
        & (pl.int_range(pl.len()).over(DOC) > 0)
    )
    return (
        pictures.with_columns(image_group=(~same_as_before).cum_sum().over(DOC).cast(pl.Int32))
        .group_by(DOC, "image_group", maintain_order=True)
        .agg(pl.col("alt_text").first(), pl.col("caption").first(), caption_repeats=pl.len())
        .select(
            DOC,
            position="image_group",
            alt_text="alt_text",
            caption="caption",
            caption_repeats=pl.when(pl.col("caption").is_not_null())
            .then(pl.col("caption_repeats"))
            .cast(pl.Int32),
            credit=pl.lit(None, pl.String),
            line_no=pl.lit(None, pl.Int32),
            image_group="image_group",
        )
    )
