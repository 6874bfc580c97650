"""Features of every line of a page, as Polars expressions, for the line-scoring model.

A unit is a line after repeats were collapsed (see ``structure.collapse_repeats``). Each
feature is a float column named ``f_<name>``; :data:`OWN_FEATURES` describe the line
itself, :data:`CONTEXT_FEATURES` its neighbours and its place in the page. The fitted
model (``line_model.py``) weighs them; the training script (``bench/train_line_model.py``)
builds its matrix with these same functions, so training and scoring cannot drift apart.
"""

from __future__ import annotations

import polars as pl

from presswash.transforms import chrome_vocabulary as vocab
from presswash.transforms.patterns import (
    CLOSERS,
    SENTENCE_END,
    TERMINAL_PUNCTUATION,
    for_polars,
)
from presswash.transforms.subset import page_number, shift_in_page, update_rows

DOC = "document_id"
PAGE = "_page"  # integer page key (subset.page_number): cheaper windows than DOC

# Scripts written without spaces between words: each character counts as a word.
_UNSPACED = r"[\p{Han}\p{Hiragana}\p{Katakana}]"
# Thai, Lao, Khmer and Burmese: no spaces between words, about four letters a word.
_UNSPACED_ALPHABETIC = r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"


def word_count(text: pl.Expr) -> pl.Expr:
    """Words of a line whose spaces were normalised (one space between words), counting a
    Chinese or Japanese character as one and four Thai (or Lao, Khmer, Burmese) letters as
    one: a count that means the same thing in every script.

    >>> frame = pl.DataFrame({"text": ["Putin says no", "北京时间周五", "", "ภาษาไทยง่ายมาก"]})
    >>> count_words(frame)["words"].to_list()
    [3, 6, 0, 4]
    """
    spaced = pl.when(text == "").then(0).otherwise(text.str.count_matches(" ", literal=True) + 1)
    return spaced.cast(pl.Int32)


def _scripted_word_count(text: pl.Expr) -> pl.Expr:
    unspaced = text.str.count_matches(_UNSPACED)
    alphabetic = text.str.count_matches(_UNSPACED_ALPHABETIC)
    others = (
        text.str.replace_all(_UNSPACED_ALPHABETIC, " ")
        .str.replace_all(_UNSPACED, " ")
        .str.count_matches(r"\S+")
    )
    return (others + unspaced + (alphabetic + 3) // 4).cast(pl.Int32)


def count_words(units: pl.DataFrame) -> pl.DataFrame:
    """Add ``words`` (see :func:`word_count`); lines in unspaced scripts are counted by
    their characters, the others by their spaces."""
    frame = units.with_columns(words=word_count(pl.col("text")))
    return update_rows(
        frame,
        pl.col("text").str.contains(f"{_UNSPACED}|{_UNSPACED_ALPHABETIC}"),
        lambda rows: rows.select(words=_scripted_word_count(pl.col("text"))),
        columns=["text"],
    )


def _share(numerator: pl.Expr, denominator: pl.Expr) -> pl.Expr:
    return (numerator.cast(pl.Float64) / denominator.cast(pl.Float64).clip(1)).fill_nan(0.0)


def _flag(expression: pl.Expr) -> pl.Expr:
    return expression.fill_null(False).cast(pl.Float64)


# Chrome vocabulary is looked for on lines up to this long: chrome is short, and a
# paragraph that mentions "comments" or "share" says nothing by it.
VOCABULARY_MAX_WORDS = 30


def _vocabulary_features(rows: pl.DataFrame) -> pl.DataFrame:
    text = pl.col("text")
    words = pl.col("words")
    features = {
        "navigation": text.str.contains(vocab.NAVIGATION_LINE),
        "share": text.str.contains(for_polars(vocab.SHARE_WORDS)),
        "comment": text.str.contains(for_polars(vocab.COMMENT_WORDS)),
        "related": text.str.contains(for_polars(vocab.RELATED_WORDS)),
        "account": text.str.contains(for_polars(vocab.ACCOUNT_WORDS)),
        "byline": text.str.contains(vocab.BYLINE) & (words <= 12),
        "credit": text.str.contains(for_polars(vocab.CREDIT_WORDS)),
        "date": text.str.contains(for_polars(vocab.DATE_WORDS)),
        "time": text.str.contains(for_polars(vocab.TIME_OF_DAY)),
        "url": text.str.contains(for_polars(vocab.URL_OR_HANDLE)),
        "comment_heading": text.str.contains(vocab.COMMENT_HEADING),
        "related_heading": text.str.contains(vocab.RELATED_HEADING),
    }
    return rows.select(**{f"f_{name}": _flag(expr) for name, expr in features.items()})


def own_features(units: pl.DataFrame) -> pl.DataFrame:
    """The line's own features (``f_*`` columns), plus ``words``."""
    text = pl.col("text")
    chars = text.str.len_chars()
    words = pl.col("words")
    frame = count_words(units).with_columns(page_number())
    features = {
        "log_words": words.cast(pl.Float64).log1p(),
        "log_chars": chars.cast(pl.Float64).log1p(),
        # A line's end (patterns.SENTENCE_MARKS: many scripts), after closing quotes,
        # brackets and reference marks.
        "terminal": _flag(text.str.contains(TERMINAL_PUNCTUATION)),
        "sentence_end": _flag(text.str.contains(SENTENCE_END)),
        "ends_colon": _flag(text.str.ends_with(":")),
        # A title cut short for a teaser ("21 tattoos that are wonderfully…") ends in an
        # ellipsis, which the sentence-end flags count as an end.
        "ellipsis": _flag(text.str.contains(rf"(?:…|\.\.\.){CLOSERS}$")),
        "starts_lower": _flag(text.str.contains(r"^\p{Ll}")),
        "starts_digit": _flag(text.str.contains(r"^[0-9]")),
        "capital_share": _share(text.str.count_matches(r"(?:^| )\p{Lu}"), words),
        "digit_share": _share(text.str.count_matches(r"[0-9]"), chars),
        "comma_rate": _share(text.str.count_matches(r"[,،、，]"), words),
        "separators": text.str.count_matches(r"(?:^| )[|·•»›/>](?: |$)")
        .clip(0, 5)
        .cast(pl.Float64),
        "quote_marks": _flag(text.str.contains(r"[\"“”„«»「」]")),
        "bullet": _flag(pl.col("bullet")),
        "repeated": _flag(pl.col("repeats") >= 2),
        "rule_hit": _flag(pl.col("rule").is_not_null()),
        "gap_before_0": _flag(pl.col("gap_before") == 0),
        "gap_after_0": _flag(pl.col("gap_after") == 0),
        "gap_before_2": _flag(pl.col("gap_before") >= 2),
        "gap_after_2": _flag(pl.col("gap_after") >= 2),
        # Cookie banners and legal notices are long: looked for on every line.
        "legal": _flag(text.str.contains(for_polars(vocab.LEGAL_WORDS))),
    }
    # Lazily: the optimiser shares the work of the string expressions (3x faster, measured).
    frame = (
        frame.lazy()
        .with_columns(**{f"f_{name}": expr for name, expr in features.items()})
        .collect()
    )
    vocabulary = update_rows(
        frame, words <= VOCABULARY_MAX_WORDS, _vocabulary_features, columns=["text", "words"]
    )
    return vocabulary.with_columns(pl.col(f"^f_({'|'.join(_VOCABULARY)})$").fill_null(0.0))


_VOCABULARY = [
    "navigation",
    "share",
    "comment",
    "related",
    "account",
    "byline",
    "credit",
    "date",
    "time",
    "url",
    "comment_heading",
    "related_heading",
]


# Own features whose neighbours' values are features too.
NEIGHBOUR_FEATURES = (
    "log_words",
    "terminal",
    "bullet",
    "separators",
    "navigation",
    "starts_lower",
    "rule_hit",
    "date",
)
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)


def context_features(frame: pl.DataFrame) -> pl.DataFrame:
    """Features of the line's place in the page: position, indentation against the page's
    prose, sections opened by comment or related-stories headings, the neighbours."""
    index = pl.int_range(pl.len()).over(PAGE)
    count = pl.len().over(PAGE)
    long_line = pl.col("words") >= 12
    # The indentation of the page's prose: the most common one among long lines (on a tie,
    # the shallowest: mode() returns tied values in no fixed order, and first() of them made
    # the features, and so the article, change from one run to the next).
    prose_indent = pl.col("indent").filter(long_line).mode().min().over(PAGE).fill_null(-1)
    indented_page = (pl.col("indent") > 0).mean().over(PAGE) > 0.3
    after = {
        "after_comment_heading": "f_comment_heading",
        "after_related_heading": "f_related_heading",
    }
    doc_words = pl.col("words").sum().over(PAGE).cast(pl.Float64)
    context = {
        "position": _share(index, count - 1),
        # The same words elsewhere on the page: a teaser, a menu printed twice, a title.
        "copies_elsewhere": (pl.len().over(PAGE, "text") - 1).clip(0, 3).cast(pl.Float64),
        "log_index": index.cast(pl.Float64).log1p(),
        "log_from_end": (count - 1 - index).cast(pl.Float64).log1p(),
        "log_doc_units": count.cast(pl.Float64).log1p(),
        "doc_terminal_share": pl.col("f_terminal").mean().over(PAGE),
        "word_share": _share(pl.col("words"), doc_words) * 10,
        "words_vs_longest": _share(pl.col("words"), pl.col("words").max().over(PAGE)),
        "indented_page": _flag(indented_page),
        "prose_indent": _flag(indented_page & (pl.col("indent") == prose_indent)),
        "indent_step": (
            pl.when(indented_page).then((pl.col("indent") - prose_indent).abs()).otherwise(0)
        )
        .clip(0, 12)
        .cast(pl.Float64)
        / 4,
        **{
            name: pl.col(heading).shift(1).fill_null(0).cum_max().over(PAGE)
            for name, heading in after.items()
        },
    }
    frame = frame.with_columns(**{f"f_{name}": expr for name, expr in context.items()})
    neighbours = {
        f"f_{name}_{'prev' if offset < 0 else 'next'}{abs(offset)}": shift_in_page(
            pl.col(f"f_{name}"), -offset
        ).fill_null(0.0)
        for name in NEIGHBOUR_FEATURES
        for offset in NEIGHBOUR_OFFSETS
    }
    return frame.with_columns(**neighbours)


def line_features(units: pl.DataFrame) -> pl.DataFrame:
    """Every ``f_*`` feature of every unit; units must be in page order."""
    return context_features(own_features(units))


def feature_names(frame: pl.DataFrame) -> list[str]:
    return [name for name in frame.columns if name.startswith("f_")]
