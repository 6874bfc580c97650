"""Score every line of a page as article body or chrome, and find the article's block.

Two logistic regressions, applied as Polars expressions (no model library at run time):

1. **Stage 1** weighs a line's own features and its neighbours' (``line_features``).
2. **Stage 2** adds the stage-1 scores of the lines around it, averaged over windows of
   1, 3, 10 and 30 lines: a line inside a run of prose is prose, a line inside a menu is menu.

Then the article is the contiguous run of lines with the largest sum of
``(score - centre) x words`` (the maximum-sum block, as in Body Text Extraction), grown
over sentences of prose a few lines from it: lines in it are kept above a low score, lines
outside it only when very confident. The weights and
thresholds are data, fitted by ``bench/train_line_model.py`` on the pages it names, and
stored in ``line_model.json`` beside this module.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import polars as pl

DOC = "document_id"
PAGE = "_page"  # integer page key (subset.page_number): cheaper windows than DOC
WINDOWS = (1, 3, 10, 30)
PROSE_MIN_WORDS = 8
RESCUE_SHARE = 0.8  # of the page's best prose score, when that is under the centre
JOIN_GAP = 4  # lines of chrome a sentence of prose may sit from the block and still join it
JOIN_MIN_SCORE = 0.2  # the score such a sentence needs
ARTICLE_BEFORE_COMMENTS = 100  # words of the block above a comment heading that make it end there


class Logistic(NamedTuple):
    intercept: float
    weights: dict[str, float]  # feature column -> weight, on the raw (unscaled) feature

    def logit(self) -> pl.Expr:
        terms = [pl.col(name) * weight for name, weight in self.weights.items() if weight]
        return pl.sum_horizontal(terms) + self.intercept if terms else pl.lit(self.intercept)

    def probability(self) -> pl.Expr:
        return 1.0 / (1.0 + (-self.logit()).exp())


class LineModel(NamedTuple):
    stage1: Logistic
    stage2: Logistic
    centre: float  # block score of a line is (p - centre) x tokens
    keep_in_block: float  # lines inside the block are kept at or above this score
    keep_anywhere: float  # lines outside it only at or above this one
    headline: dict[str, Logistic]  # headline rankers by page style: "indented" or "flat"
    info: dict[str, Any]  # how and on what it was fitted

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineModel:
        return cls(
            stage1=Logistic(data["stage1"]["intercept"], data["stage1"]["weights"]),
            stage2=Logistic(data["stage2"]["intercept"], data["stage2"]["weights"]),
            centre=data["centre"],
            keep_in_block=data["keep_in_block"],
            keep_anywhere=data["keep_anywhere"],
            headline={
                style: Logistic(ranker["intercept"], ranker["weights"])
                for style, ranker in data["headline"].items()
            },
            info=data.get("info", {}),
        )


@cache
def default_model() -> LineModel:
    text = resources.files("presswash.transforms").joinpath("line_model.json").read_text()
    return LineModel.from_json(json.loads(text))


def window_features(frame: pl.DataFrame, score: str = "p1") -> pl.DataFrame:
    """Mean stage-1 score over centred windows of each size (``s_<score>_w<n>``), and the
    token-weighted mean over the widest window."""
    p = pl.col(score)
    columns = {
        f"s_w{size}": p.rolling_mean(2 * size + 1, min_samples=1, center=True).over(PAGE)
        for size in WINDOWS
    }
    # Prose around a line counts by its length: one long paragraph outweighs three labels.
    width = 2 * WINDOWS[-1] + 1
    weighted = (p * pl.col("words")).rolling_sum(width, min_samples=1, center=True).over(PAGE)
    weight = pl.col("words").rolling_sum(width, min_samples=1, center=True).over(PAGE)
    columns["s_weighted"] = (weighted / weight.clip(1)).fill_nan(0.0)
    columns["s_logit"] = (p.clip(1e-6, 1 - 1e-6) / (1 - p.clip(1e-6, 1 - 1e-6))).log()
    return frame.with_columns(**columns)


def score_lines(features: pl.DataFrame, model: LineModel) -> pl.DataFrame:
    """Add ``p1`` (stage 1) and ``p_body`` (stage 2) to a frame of line features."""
    scored = features.with_columns(p1=model.stage1.probability())
    return window_features(scored).with_columns(p_body=model.stage2.probability())


def best_block(frame: pl.DataFrame, score: str, centre: float) -> pl.DataFrame:
    """Mark ``in_block``: the maximum-sum contiguous run of ``(score - centre) x words``.

    >>> frame = pl.DataFrame({"_page": [0] * 6,
    ...     "p": [0.9, 0.1, 0.9, 0.8, 0.2, 0.95], "words": [2, 5, 40, 30, 50, 3]})
    >>> best_block(frame, "p", 0.5)["in_block"].to_list()
    [False, False, True, True, False, False]
    """
    # A page whose best prose scores under the centre (an unusual layout) still has an
    # article: its own best lines set the bar there.
    best_prose = pl.col(score).filter(pl.col("words") >= PROSE_MIN_WORDS).max().over(PAGE)
    page_centre = pl.min_horizontal(pl.lit(centre), RESCUE_SHARE * best_prose.fill_null(1.0))
    value = (pl.col(score) - page_centre) * pl.col("words").clip(1)
    work = frame.with_columns(_value=value).with_columns(
        _total=pl.col("_value").cum_sum().over(PAGE)
    )
    # Sum of the best run ending here = total here - the lowest total before its start.
    work = work.with_columns(
        _lowest_before=(pl.col("_total") - pl.col("_value")).cum_min().over(PAGE)
    ).with_columns(_gain=pl.col("_total") - pl.col("_lowest_before"))
    index = pl.int_range(pl.len()).over(PAGE)
    work = work.with_columns(_index=index)
    end = pl.col("_index").filter(pl.col("_gain") == pl.col("_gain").max()).first().over(PAGE)
    lowest_at_end = pl.col("_lowest_before").filter(pl.col("_index") == end).first().over(PAGE)
    # The run starts after the last total equal to that lowest one (or at the page's start).
    prior_total = pl.col("_total") - pl.col("_value")
    start = (
        pl.col("_index").filter((prior_total == lowest_at_end) & (pl.col("_index") <= end)).last()
    ).over(PAGE)
    has_block = pl.col("_gain").max().over(PAGE) > 0
    in_block = has_block & (pl.col("_index") >= start) & (pl.col("_index") <= end)
    work = work.with_columns(in_block=in_block)
    if "f_comment_heading" in work.columns:
        work = _end_at_heading(work)
    return work.drop("_value", "_total", "_lowest_before", "_gain", "_index")


def _end_at_heading(frame: pl.DataFrame) -> pl.DataFrame:
    """The article ends where a list of other stories opens, when the block holds more
    text before that heading than after it (a "Read more" link under the lead does not end
    the article), and where a comment section opens under ``ARTICLE_BEFORE_COMMENTS`` words
    of the block or more (a thread may hold more prose than the article)."""
    heading = pl.col("in_block") & ((pl.col("f_comment_heading") + pl.col("f_related_heading")) > 0)
    words_before = (pl.col("words") * pl.col("in_block")).cum_sum().over(PAGE) - pl.col("words")
    block_words = (pl.col("words") * pl.col("in_block")).sum().over(PAGE)
    # A comment section ends the article even under a longer thread, once the article is
    # ARTICLE_BEFORE_COMMENTS words long.
    comments = pl.col("in_block") & (pl.col("f_comment_heading") > 0)
    ends = (heading & (words_before > block_words - words_before)) | (
        comments & (words_before >= ARTICLE_BEFORE_COMMENTS)
    )
    first_end = pl.col("_index").filter(ends).min().over(PAGE)
    return frame.with_columns(
        in_block=pl.col("in_block") & (first_end.is_null() | (pl.col("_index") < first_end))
    )


def join_nearby_prose(frame: pl.DataFrame, score: str) -> pl.DataFrame:
    """``in_article``: the block grown over sentences of prose a few lines from it.

    Short paragraphs broken up by inline chrome (a "Related articles" box, a video
    player, a picture) score low as a run, and the maximum-sum block keeps one stretch of
    them. A sentence the model finds plausible within ``JOIN_GAP`` lines of the block, or
    of a sentence already joined, is article text too; the lines between (a box's links,
    a player's controls) are not. A comment section's heading stops the growth. The block
    itself (``in_block``), which places the headline and the date, does not move.

    >>> frame = pl.DataFrame({"_page": [0] * 9, "p": [0.3, 0.1, 0.9] + [0.1] * 5 + [0.3],
    ...     "words": [20, 2, 40] + [2] * 5 + [20], "f_sentence_end": [1, 0, 1] + [0] * 5 + [1],
    ...     "f_comment_heading": [0] * 9, "f_ellipsis": [0] * 9, "rule": [None] * 9,
    ...     "in_block": [False, False, True] + [False] * 6})
    >>> join_nearby_prose(frame, "p")["in_article"].to_list()  # the last is 5 lines away
    [True, False, True, False, False, False, False, False, False]
    """
    sentence = (
        (pl.col("words") >= PROSE_MIN_WORDS)
        & (pl.col("f_sentence_end") > 0)
        & (pl.col("f_ellipsis") == 0)  # a teaser's title cut short is no sentence
        & (pl.col(score) >= JOIN_MIN_SCORE)
        & pl.col("rule").is_null()
    )
    barrier = (pl.col("f_comment_heading") > 0) & ~pl.col("in_block")
    work = frame.with_columns(_index=pl.int_range(pl.len()).over(PAGE), _sentence=sentence)
    points = work.filter(pl.col("in_block") | pl.col("_sentence") | barrier).select(
        PAGE, "_index", "in_block", _barrier=barrier
    )
    # Chains of points no more than JOIN_GAP lines apart, cut at every barrier.
    gap = pl.col("_index") - pl.col("_index").shift(1).over(PAGE)
    starts = (
        (gap.fill_null(JOIN_GAP + 2) > JOIN_GAP + 1)
        | pl.col("_barrier")
        | pl.col("_barrier").shift(1).over(PAGE).fill_null(False)
    )
    chains = points.with_columns(_chain=starts.cum_sum().over(PAGE))
    grown = (
        chains.join(chains.filter("in_block").select(PAGE, "_chain").unique(), on=[PAGE, "_chain"])
        .group_by(PAGE)
        .agg(_from=pl.col("_index").min(), _to=pl.col("_index").max())
    )
    inside = pl.col("_index").is_between(pl.col("_from"), pl.col("_to")).fill_null(False)
    return (
        work.join(grown, on=PAGE, how="left", maintain_order="left")
        .with_columns(in_article=pl.col("in_block") | (pl.col("_sentence") & inside))
        .drop("_index", "_sentence", "_from", "_to")
    )


def find_article(frame: pl.DataFrame, score: str, centre: float) -> pl.DataFrame:
    """``in_block`` (the maximum-sum block) and ``in_article`` (it, grown over nearby prose)."""
    return join_nearby_prose(best_block(frame, score, centre), score)


def keep_decision(score: str, low: float, high: float) -> pl.Expr:
    """A line is article text: in the article from ``low``, anywhere from ``high``."""
    return (pl.col("in_article") & (pl.col(score) >= low)) | (pl.col(score) >= high)


def keep_lines(frame: pl.DataFrame, model: LineModel) -> pl.DataFrame:
    """Add ``in_block`` and ``keep`` (the line is article text by the model's decision)."""
    keep = keep_decision("p_body", model.keep_in_block, model.keep_anywhere)
    return find_article(frame, "p_body", model.centre).with_columns(keep=keep).drop("in_article")
