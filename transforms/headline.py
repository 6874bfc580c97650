"""The headline: the title line next to the article's start, never a menu item or masthead.

Candidates are the lines just before the article's block (and its first few lines). A small
fitted ranker (``line_model.json``, section ``headline``) weighs each candidate's features:
its distance to the block, its shape (words, end punctuation, capitals), the chrome
vocabulary, the body score, and whether the page's first line (a ``<title>``) or another
line repeats it. The best candidate wins. A scraper's own ``title`` (JSON Lines) picks the
line it matches, loosely ("Headline - Site Name", "Headline | Site").
"""

from __future__ import annotations

import re

import polars as pl

from presswash.transforms.line_model import Logistic
from presswash.transforms.subset import shift_in_page

DOC = "document_id"
PAGE = "_page"  # integer page key (subset.page_number): cheaper windows than DOC
LOOK_BEFORE = 40  # lines before the first sentence of prose that may hold the headline
DATELINE_WORDS = 8  # a line this short that states a date or time is a date line
MENU_SEPARATORS = 3  # "News | Sport | Jobs | ...": a line of this many separated parts
STANDFIRST_WORDS = 20  # a line longer than this is a standfirst or prose more than a headline
STANDFIRST_MIN_WORDS = 15  # a standfirst under a headline is this long or longer

# Separators between a headline and a site or section name in <title> lines.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||–|—|-|::|·|»|/)\s+")
_SITE_NAME_MAX_WORDS = 4
_QUOTE_OR_END = re.compile(r"[\"'‘’“”«»]|[.!?…]$")


def _looks_like_a_name(part: str) -> bool:
    """A site or section name: a few words, each capitalised (or a number or a domain),
    no quotation marks and no sentence end: "The Guardian", "World news", "eHow"."""
    words = part.split()
    if not words or len(words) > _SITE_NAME_MAX_WORDS or _QUOTE_OR_END.search(part):
        return False
    return (
        words[0][:1].isupper()
        or words[0][:1].isdigit()
        or "." in words[0]
        or (len(words) == 1 and any(c.isupper() for c in words[0]))
    )


def cut_site_name(title: str) -> str:
    """A title without the site or section names around it: the long part when every other
    part is a name, or the first part when all that follow are names.

    >>> cut_site_name("Putin warns the West | World news | The Guardian")
    'Putin warns the West'
    >>> cut_site_name("Opinion | Republicans Are Following Trump to Nowhere")
    'Republicans Are Following Trump to Nowhere'
    >>> cut_site_name("Classificação NASCAR | Autoracing | F1 | Indy | MotoGP")
    'Classificação NASCAR'
    >>> cut_site_name("Ukraine - the long war")
    'Ukraine - the long war'
    >>> cut_site_name("Third case of plague in China as panic begins – ‘The plague is coming’")
    'Third case of plague in China as panic begins – ‘The plague is coming’'
    """
    title = title.strip()
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    words = [len(part.split()) for part in parts]
    longest = max(range(len(parts)), key=words.__getitem__)
    others = parts[:longest] + parts[longest + 1 :]
    if words[longest] > _SITE_NAME_MAX_WORDS and all(map(_looks_like_a_name, others)):
        return parts[longest]
    if len(parts) >= 3 and all(map(_looks_like_a_name, parts[1:])) and words[0] >= 2:
        return parts[0]
    return title


_BYLINE_WORD = r"(?i)^(?:by|von|par|por|di|door|av|af)\s+"
# A byline's name ends at a separator, a date or time, or "updated"/"published".
_AFTER_NAME = r"(?i)\s*(?:[,|•·—–/(]|\s-\s|\d|\b(?:updated|published|posted|on)\b).*$"


def author_of(byline: pl.Expr) -> pl.Expr:
    """The name in a byline line.

    >>> frame = pl.DataFrame({"b": ["By Meg James Staff Writer", "By Jill Disis, CNN Business",
    ...     "Von Anna Weber | 12.03.2024", "By Chris Davies - Nov 19, 2019, 10:31 pm CST", None]})
    >>> frame.select(author_of(pl.col("b")))["b"].to_list()
    ['Meg James Staff Writer', 'Jill Disis', 'Anna Weber', 'Chris Davies', None]
    """
    name = byline.str.replace(_BYLINE_WORD, "").str.replace(_AFTER_NAME, "").str.strip_chars()
    return pl.when(name != "").then(name)


def loose_key(text: pl.Expr) -> pl.Expr:
    """Headline text for comparison: NFKC, lower case, quotes and dashes unified, spaces
    collapsed, punctuation trimmed at the ends.

    >>> frame = pl.DataFrame({"t": ["  “Putin’s   warning” – live! "]})
    >>> print(frame.select(loose_key(pl.col("t")))["t"][0])
    "putin's warning" - live
    """
    return (
        text.str.normalize("NFKC")
        .str.to_lowercase()
        .str.replace_all(r"[‘’‚‛`´]", "'")
        .str.replace_all(r"[“”„‟«»]", '"')
        .str.replace_all(r"[‐-―−]", "-")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars(" .,:;!?-|•·…")
    )


LEAD_LINES = 10  # the article's first lines, whose words a headline's come back in


def lead_overlap(frame: pl.DataFrame, candidates: pl.DataFrame) -> pl.DataFrame:
    """``h_lead_overlap`` for each candidate: the share of its words (four letters or more)
    found in the article's first lines of prose. A headline shares the story's vocabulary; a menu,
    teaser or policy link does not. (A word found inside a longer one counts: "bank" in
    "banking".)"""
    lead = (
        frame.filter(
            pl.col("in_block")
            & pl.col("_idx").is_between(pl.col("_prose_start"), pl.col("_prose_start") + LEAD_LINES)
        )
        .group_by(DOC)
        .agg(_lead=pl.col("text").str.join(" ").str.to_lowercase())
    )
    found = (
        candidates.select(
            DOC, "_idx", _word=pl.col("text").str.to_lowercase().str.extract_all(r"\w{4,}")
        )
        .explode("_word")
        .drop_nulls("_word")
        .join(lead, on=DOC, how="left")
        .group_by(DOC, "_idx")
        .agg(
            h_lead_overlap=pl.col("_lead")
            .str.contains(pl.col("_word"), literal=True)
            .fill_null(False)
            .mean()
            .cast(pl.Float64)
        )
    )
    return candidates.join(found, on=[DOC, "_idx"], how="left", maintain_order="left").with_columns(
        pl.col("h_lead_overlap").fill_null(0.0)
    )


def headline_candidates(frame: pl.DataFrame) -> pl.DataFrame:
    """The units that may be the headline, with their features (``h_*``). ``frame`` holds
    every unit of the pages, in order, with ``_idx``, ``block_start`` and the line features.

    Besides the line's own shape, a headline is told by its rank among the page's
    heading-like lines: the nearest one above the article, the longest nearby, the one the
    page's first line (a ``<title>``) repeats.
    """
    # The headline comes before the article's first sentence of prose (a long one, or on a
    # page too short to have one, any; where no line ends a sentence, the block's start).
    sentence = pl.col("in_block") & (pl.col("f_sentence_end") > 0) & pl.col("rule").is_null()
    dated = (pl.col("f_byline") + pl.col("f_date") + pl.col("f_time")) > 0
    title_shape = (
        pl.col("words").is_between(2, 30)
        & (pl.col("f_sentence_end") == 0)
        & (pl.col("f_navigation") == 0)
        & (pl.col("f_byline") == 0)
        & (pl.col("f_date") == 0)
        & (pl.col("f_bullet") == 0)
    )
    frame = frame.with_columns(
        _prose_start=pl.coalesce(
            pl.col("_idx").filter(sentence & (pl.col("words") >= 8)).min().over(PAGE),
            pl.col("_idx").filter(sentence).min().over(PAGE),
            pl.col("block_start"),  # a script without full stops (Thai): the block's start
        ),
        _dated_below=pl.any_horizontal(shift_in_page(dated, -k) for k in (1, 2, 3)).fill_null(
            False
        ),
        _title_shape=title_shape,
        _next_words=shift_in_page(pl.col("words"), -1),
        _prev_words=shift_in_page(pl.col("words"), 1),
        # A section label ("Science | Long read") is not a headline's shape.
        _prev_title_shape=shift_in_page(title_shape & (pl.col("f_separators") == 0), 1),
    )
    candidates = frame.filter(candidate_mask())
    first_lines = frame.filter(pl.col("_idx") == 0).select(
        DOC, _first_line=pl.col("text").str.to_lowercase()
    )
    copies = (
        frame.select(DOC, "text")
        .join(candidates.select(DOC, "text").unique(), on=[DOC, "text"], how="semi")
        .group_by(DOC, "text")
        .agg(_copies=pl.len())
    )
    candidates = candidates.join(first_lines, on=DOC, how="left", maintain_order="left").join(
        copies, on=[DOC, "text"], how="left", maintain_order="left"
    )
    distance = pl.col("_prose_start") - pl.col("_idx")
    heading_like = pl.col("_title_shape") & (pl.col("_idx") < pl.col("_prose_start"))
    candidates = candidates.with_columns(_heading=heading_like.fill_null(False))
    heading = pl.col("_heading")
    # Heading-like lines between this one and the block (the nearest above it has 0).
    below = heading.cast(pl.Int32).reverse().cum_sum().reverse().over(PAGE) - heading.cast(pl.Int32)
    longest_heading = pl.col("f_log_words").filter(heading).max().over(PAGE)
    # Headlines sit at a shallower indentation than the teasers and sidebars around them.
    least_indent = pl.col("indent").filter(heading).min().over(PAGE)
    in_first_line = (
        (pl.col("_idx") > 0)
        & (pl.col("words") >= 2)
        & pl.col("_first_line").str.contains(pl.col("text").str.to_lowercase(), literal=True)
    ).fill_null(False)
    features = {
        "h_before": (distance > 0).cast(pl.Float64),
        "h_log_distance": distance.abs().cast(pl.Float64).log1p(),
        "h_adjacent": (distance == 1).cast(pl.Float64),
        # The first line is the page's <title> where it holds a later line (its <h1>);
        # otherwise it is whatever a copy began with, often a section label.
        "h_first_unconfirmed": ((pl.col("_idx") == 0) & ~in_first_line.any().over(PAGE)).cast(
            pl.Float64
        ),
        "h_in_first_line": in_first_line.cast(pl.Float64),
        # The first line holds a later line: it is the page's <title>, the later one its <h1>.
        "h_title_confirmed": ((pl.col("_idx") == 0) & in_first_line.any().over(PAGE)).cast(
            pl.Float64
        ),
        "h_prev_heading": shift_in_page(heading, 1).fill_null(False).cast(pl.Float64),
        "h_next_heading": shift_in_page(heading, -1).fill_null(False).cast(pl.Float64),
        "h_repeated": (pl.col("_copies") >= 2).cast(pl.Float64),
        "h_words_3_25": pl.col("words").is_between(3, 25).cast(pl.Float64),
        "h_p_body": pl.col("p_body"),
        "h_heading": heading.cast(pl.Float64),
        "h_nearest_heading": (heading & (below == 0)).cast(pl.Float64),
        "h_log_headings_below": pl.when(heading).then(below).otherwise(0).cast(pl.Float64).log1p(),
        "h_words_below_longest": pl.when(heading)
        .then(longest_heading - pl.col("f_log_words"))
        .otherwise(0.0)
        .fill_null(0.0),
        "h_least_indent": (heading & (pl.col("indent") == least_indent))
        .fill_null(False)
        .cast(pl.Float64),
        "h_indent_over_least": pl.when(heading)
        .then((pl.col("indent") - least_indent).clip(0, 16) / 4)
        .otherwise(0)
        .fill_null(0)
        .cast(pl.Float64),
        "h_dated_below": pl.col("_dated_below").cast(pl.Float64),
        # "Headline | Site" is a <title>, first on the page; elsewhere a line of separated
        # parts is a section label ("Opinion | ...") or, with many parts, a menu bar.
        "h_title_separators": ((pl.col("_idx") == 0) & (pl.col("f_separators") > 0)).cast(
            pl.Float64
        ),
        "h_few_separators": ((pl.col("_idx") > 0) & pl.col("f_separators").is_between(1, 2)).cast(
            pl.Float64
        ),
        # A headline sits over its standfirst, a longer sentence or two; the standfirst is
        # longer than a headline and sits under it.
        "h_standfirst_length": (pl.col("words") > STANDFIRST_WORDS).cast(pl.Float64),
        "h_over_standfirst": (
            (pl.col("_next_words") >= STANDFIRST_MIN_WORDS)
            & (pl.col("_next_words") >= 1.5 * pl.col("words"))
        )
        .fill_null(False)
        .cast(pl.Float64),
        "h_under_title": (
            pl.col("_prev_title_shape")
            & (pl.col("_prev_words") >= 4)
            & (pl.col("_prev_words") < pl.col("words"))
        )
        .fill_null(False)
        .cast(pl.Float64),
    }
    return lead_overlap(frame, candidates.with_columns(**features))


HEADLINE_OWN_FEATURES = (
    "f_log_words",
    "f_log_chars",
    "f_terminal",
    "f_sentence_end",
    "f_ends_colon",
    "f_starts_lower",
    "f_capital_share",
    "f_digit_share",
    "f_quote_marks",
    "f_bullet",
    "f_rule_hit",
    "f_navigation",
    "f_share",
    "f_comment",
    "f_related",
    "f_legal",
    "f_account",
    "f_byline",
    "f_credit",
    "f_date",
    "f_time",
    "f_url",
    "f_gap_before_2",
    "f_gap_after_2",
)


HEADLINE_CONTEXT_FEATURES = (
    "h_before",
    "h_log_distance",
    "h_adjacent",
    "h_first_unconfirmed",
    "h_in_first_line",
    "h_repeated",
    "h_words_3_25",
    "h_p_body",
    "h_heading",
    "h_nearest_heading",
    "h_log_headings_below",
    "h_words_below_longest",
    "h_least_indent",
    "h_indent_over_least",
    "h_dated_below",
    "h_title_confirmed",
    "h_prev_heading",
    "h_next_heading",
    "h_lead_overlap",
    "h_title_separators",
    "h_few_separators",
    "h_standfirst_length",
    "h_over_standfirst",
    "h_under_title",
)


def candidate_mask() -> pl.Expr:
    """Units that may be the headline: the lines just above the article's first sentence
    of prose, with words, not a rule hit."""
    near_block = pl.col("_idx").is_between(
        pl.col("_prose_start") - LOOK_BEFORE, pl.col("_prose_start") - 1
    )
    # The first line too: tag-by-tag renderings start with the page's <title>.
    # A date line, a timestamp, a byline or a menu bar is never the headline (the page's
    # <title>, first, may hold separators).
    dateline = ((pl.col("f_date") + pl.col("f_time")) > 0) & (pl.col("words") <= DATELINE_WORDS)
    menu_bar = (pl.col("f_separators") >= MENU_SEPARATORS) & (pl.col("_idx") > 0)
    return (
        (near_block | (pl.col("_idx") == 0))
        & (pl.col("words") >= 1)
        & pl.col("rule").is_null()
        & pl.col("block_start").is_not_null()
        & ~dateline
        & ~menu_bar
        & (pl.col("f_byline") == 0)
    )


def choose_headline(candidates: pl.DataFrame, rankers: dict[str, Logistic]) -> pl.DataFrame:
    """(document_id, _idx) of each page's headline: its best candidate by the ranker of the
    page's style. Layout-aware renderings (indented) and tag-by-tag ones (flat) put a
    headline in different places."""
    logit = (
        pl.when(pl.col("f_indented_page") > 0)
        .then(rankers["indented"].logit())
        .otherwise(rankers["flat"].logit())
    )
    best = (
        candidates.with_columns(_score=logit)
        .filter(pl.col("_score") == pl.col("_score").max().over(PAGE))
        .unique(DOC, keep="first", maintain_order=True)
        .select(DOC, "_idx")
    )
    # A <title> chosen where the page also prints its <h1>: the <h1> is the headline.
    h1 = (
        candidates.filter((pl.col("h_in_first_line") > 0) & (pl.col("words") >= 3))
        .sort(DOC, "words", "_idx", descending=[False, True, False])
        .unique(DOC, keep="first")
        .select(DOC, _h1="_idx")
    )
    return best.join(h1, on=DOC, how="left").select(
        DOC, _idx=pl.when(pl.col("_idx") == 0).then(pl.coalesce("_h1", "_idx")).otherwise("_idx")
    )


def match_title() -> pl.Expr:
    """True on units that are the document's scraper ``title``, loosely: the same words, or
    the title is the line plus a site or section name."""
    line = loose_key(pl.col("text"))
    return (line != "") & (
        (line == loose_key(pl.col("title"))) | (line == loose_key(pl.col("title_cut")))
    )


def titles_with_cut(titles: pl.DataFrame) -> pl.DataFrame:
    """(document_id, title) plus ``title_cut``: the title without site names."""
    return titles.with_columns(
        title_cut=pl.col("title").map_elements(cut_site_name, return_dtype=pl.String)
    )
