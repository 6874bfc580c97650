"""Page layout, read before any rule: indentation, list markers and blank-line gaps.

Scrapers' renderers leave the page's layout in the text. A layout-aware renderer (a
browser's copied text, inscriptis) indents nested blocks and prints list items as
``* Home`` / ``+ World``; a tag-by-tag renderer (BeautifulSoup's ``get_text("\\n")``) puts a
line break at every tag boundary, so the blank lines between two lines tell whether they
were one paragraph or two blocks. These columns feed the page-level line scoring; the list
marker itself is taken off the text (a menu item is "Home", not "* Home").
"""

from __future__ import annotations

import polars as pl

DOC = "document_id"

# List markers renderers print: inscriptis nests "*", "+", "o", "-"; browsers copy "•".
# "o" is a marker only on an indented line: unindented it may be a word.
LIST_MARKER = r"^(?:[*+•·▪◦‣►-]|o)[ \t]+"
_NOT_BLANK = pl.col("text").str.contains(r"\S")
_NO_GAP = 9  # gap value at the start and end of a document


def measure_layout(lines: pl.DataFrame) -> pl.DataFrame:
    """Add ``indent`` (leading spaces), ``bullet`` (a list marker was taken off) and
    ``gap_before`` / ``gap_after`` (blank lines to the previous / next line with text).

    >>> frame = pl.DataFrame({"document_id": ["d"] * 5, "line_no": [1, 2, 3, 4, 5],
    ...     "text": ["  * Home", "    + World", "", "", "Putin says"]})
    >>> for row in measure_layout(frame).select("text", "indent", "bullet", "gap_before").rows():
    ...     print(row)
    ('Home', 2, True, 9)
    ('World', 4, True, 0)
    ('', 0, False, 0)
    ('', 0, False, 0)
    ('Putin says', 0, False, 2)
    """
    stripped = pl.col("text").str.strip_chars_start(" \t")
    indent = (pl.col("text").str.len_chars() - stripped.str.len_chars()).cast(pl.Int16)
    marker = stripped.str.extract(f"({LIST_MARKER})", 1)
    is_bullet = marker.is_not_null() & (~marker.str.starts_with("o") | (indent > 0))
    # Line numbers of the nearest lines with text, found with whole-column fills: a fill
    # that crossed into another document is dropped (``over()`` cost several times more).
    line, page = pl.col("line_no"), pl.col("_layout_page")
    with_text = pl.col("_has_text")
    previous = pl.when(with_text).then(line).forward_fill().shift(1)
    previous_page = pl.when(with_text).then(page).forward_fill().shift(1)
    following = pl.when(with_text).then(line).backward_fill().shift(-1)
    following_page = pl.when(with_text).then(page).backward_fill().shift(-1)
    gap_before = pl.when(previous_page == page).then(line - previous - 1)
    gap_after = pl.when(following_page == page).then(following - line - 1)

    def gap(expression: pl.Expr) -> pl.Expr:
        filled = expression.clip(0, _NO_GAP).fill_null(_NO_GAP)
        return pl.when(with_text).then(filled).otherwise(0).cast(pl.Int8)

    return (
        lines.lazy()
        .with_columns(_has_text=_NOT_BLANK, _layout_page=pl.col(DOC).rle_id())
        .with_columns(
            indent=pl.when(with_text).then(indent).otherwise(0).cast(pl.Int16),
            bullet=is_bullet.fill_null(False),
            gap_before=gap(gap_before),
            gap_after=gap(gap_after),
        )
        .with_columns(
            text=pl.when(pl.col("bullet"))
            .then(stripped.str.replace(LIST_MARKER, ""))
            .otherwise(pl.col("text"))
        )
        .drop("_has_text", "_layout_page")
        .collect()
    )


# A line that continues the one before it: it starts in lower case or with punctuation
# that cannot open a sentence (a tag-by-tag renderer broke the sentence at a link).
CONTINUATION = r"^(?:\p{Ll}|[,.;:!?)\]%’”»])"
_ENDS_SENTENCE = r"[.!?…。！？।။۔؟:][\"'’”»)\]]*$"
_LINK_WORDS = 8  # a link's text between two pieces of a sentence is short
_BYLINE_WORD = r"(?i)^(?:by|von|par|por|di|door)$"


def join_fragments(lines: pl.DataFrame) -> pl.DataFrame:
    """Lines with text, where a line that continues the previous one (no blank line between,
    same indentation, the previous one not ending a sentence) is joined to it. The joined
    line keeps the first line's number. Blank lines are dropped: ``gap_*`` keeps them.

    >>> frame = pl.DataFrame({"document_id": ["d"] * 5, "line_no": [1, 2, 3, 4, 5],
    ...     "text": ["Biden won by the margin of", "seven points", ", the largest.", "", "Next."],
    ...     "rule": [None] * 5, "indent": [0] * 5, "bullet": [False] * 5,
    ...     "gap_before": [9, 0, 0, 0, 1], "gap_after": [0, 0, 1, 0, 9]})
    >>> join_fragments(frame).select("line_no", "text").rows()
    [(1, 'Biden won by the margin of seven points, the largest.'), (5, 'Next.')]
    """
    text = pl.col("text")
    kept = pl.col("rule").is_null()
    same_page = pl.col("_join_page") == pl.col("_join_page").shift(1)
    previous = pl.col("text").shift(1)
    attached = same_page & (pl.col("gap_before") == 0) & kept & kept.shift(1)
    continues = text.str.contains(CONTINUATION)
    # A link's text between two pieces of one sentence ("... margin of" / "seven points" /
    # ", according to ..."), or a name after a lone "By": one line with its neighbours.
    linked = (
        (text.str.count_matches(" ", literal=True) < _LINK_WORDS)
        & continues.shift(-1)
        & (pl.col("gap_before").shift(-1) == 0)
        & (pl.col("_join_page") == pl.col("_join_page").shift(-1))
    )
    after_byline_word = (
        same_page
        & kept
        & kept.shift(1)
        & (pl.col("gap_before") <= 2)
        & previous.str.contains(_BYLINE_WORD)
    )
    follows = (
        attached
        & (pl.col("indent") == pl.col("indent").shift(1))
        & ~previous.str.contains(_ENDS_SENTENCE)
        & (continues | linked.fill_null(False))
    ) | after_byline_word
    # Whole-column shifts, a page's first line never following: over() cost twice as much.
    starts = (
        lines.lazy()
        .filter(text != "")
        .with_columns(_join_page=pl.col(DOC).rle_id())
        .with_columns(_follows=follows.fill_null(False))
        .drop("_join_page")
        .collect()
    )
    if not starts["_follows"].any():
        return starts.drop("_follows")
    spaced = pl.when(text.str.contains(r"^[,.;:!?)\]%’”»]")).then(text).otherwise(" " + text)
    numbered = starts.with_row_index("_row").with_columns(
        _group=(~pl.col("_follows")).cum_sum(),
        _piece=pl.when("_follows").then(spaced).otherwise(text),
    )
    # Only the lines that take part in a join are grouped; the others stay as they are.
    joined_groups = numbered.filter("_follows")["_group"].unique().implode()
    joined = (
        numbered.filter(pl.col("_group").is_in(joined_groups))
        .group_by("_group")
        .agg(
            pl.col("_row").first(),
            _text=pl.col("_piece").str.join(""),
            _gap_after=pl.col("gap_after").last(),
        )
        .drop("_group")
    )
    return (
        numbered.filter(~pl.col("_follows"))
        .join(joined, on="_row", how="left", maintain_order="left")
        .with_columns(
            text=pl.coalesce("_text", "text"), gap_after=pl.coalesce("_gap_after", "gap_after")
        )
        .select(starts.drop("_follows").columns)
    )
