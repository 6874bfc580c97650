"""The cleaning pipeline, in order, in one place.

Raw documents (one row each, bytes not yet decoded) go in; the six warehouse tables come
out. Line-level cleaning steps are registered by name in :data:`LINE_STEPS` and can be
switched off through the immutable :class:`PipelineConfig`; structure and quotes follow.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

import polars as pl

from presswash.transforms import layout, line_model, lines, site_chrome, structure
from presswash.transforms.dates import parse_published, parse_timestamp
from presswash.transforms.decode import DecodeLimits, decode_document, repair_summary
from presswash.transforms.headline import author_of, cut_site_name
from presswash.transforms.html_article import HtmlArticle, extract_article
from presswash.transforms.line_features import line_features
from presswash.transforms.patterns import BOILERPLATE_RULES, LineRule
from presswash.transforms.quotes import quotes_frame
from presswash.transforms.schemas import (
    ARTICLES,
    DOCUMENTS,
    IMAGES,
    PARAGRAPHS,
    QUOTES,
    RAW_DOCUMENTS,
    REMOVED_LINES,
    empty,
)

DOC = "document_id"
# Removal reasons that say where a line was, not that it was chrome.
NOT_BOILERPLATE = [
    "repeated_line",
    "before_headline",
    "after_article",
    "low_score",
    "byline",
    "timestamp",
]


class PipelineConfig(NamedTuple):
    decode_limits: DecodeLimits = DecodeLimits()
    boilerplate_rules: tuple[LineRule, ...] = BOILERPLATE_RULES
    repair_mojibake: bool = True
    normalize_spaces: bool = True
    strip_markup: bool = True
    strip_boilerplate: bool = True
    extract_quotes: bool = True
    line_model: line_model.LineModel | None = None  # None: the fitted line_model.json
    learn_site_chrome: bool = True
    site_chrome: pl.DataFrame | None = None  # (site, text) chrome learned in earlier runs


LineStep = Callable[[pl.DataFrame, PipelineConfig], pl.DataFrame]

# Line-level steps, in the order they run; the name is the config switch.
LINE_STEPS: tuple[tuple[str, LineStep], ...] = (
    ("repair_mojibake", lambda frame, _: lines.repair_mojibake(frame)),
    ("normalize_spaces", lambda frame, _: lines.normalize_spaces(frame)),
    ("strip_markup", lambda frame, _: lines.strip_markup(frame)),
    ("strip_boilerplate", lambda frame, cfg: lines.mark_boilerplate(frame, cfg.boilerplate_rules)),
)


class PipelineResult(NamedTuple):
    tables: dict[str, pl.DataFrame]
    seconds: dict[str, float]  # time per stage: decode, repair, parse, quotes


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def document_id_for(source_uri: str) -> str:
    """Stable id of an input: the same path (and .jsonl line) is the same document.

    >>> document_id_for("seeds/a.txt") == document_id_for("seeds/a.txt")
    True
    """
    return _short_hash(source_uri)


PICTURES = pl.List(pl.Struct({"alt_text": pl.String, "caption": pl.String}))


def decode_documents(raw: pl.DataFrame, limits: DecodeLimits) -> pl.DataFrame:
    """Decode every document (one C call each on the UTF-8 fast path). A web page's
    article is found here (:mod:`html_article`): its text goes on as the document's text,
    marked ``extracted``, with what the markup says (title, date, author, URL, pictures)
    where the scraper did not say it."""
    texts, encodings, repairs, reasons, hashes = [], [], [], [], []
    forms = raw["format"].fill_null("text").to_list()
    urls = raw["url"].to_list()
    pages: dict[int, HtmlArticle] = {}
    for row, (payload, read_error) in enumerate(
        zip(raw["raw"].to_list(), raw["read_error"].to_list(), strict=True)
    ):
        hashes.append(hashlib.sha256(payload).hexdigest() if payload is not None else None)
        if read_error is not None or payload is None:
            texts.append(None), encodings.append(None), repairs.append(None)
            reasons.append(read_error or "no bytes were read")
            continue
        decoded = decode_document(payload, limits, page=forms[row].endswith("html"))
        text, reason = decoded.text, decoded.reject_reason
        if decoded.markup:
            forms[row] = "jsonl-html" if forms[row].startswith("jsonl") else "html"
            article = extract_article(text, urls[row])
            if isinstance(article, str):
                text, reason = None, article
            else:
                text, pages[row] = article.text, article
        texts.append(text)
        encodings.append(decoded.encoding)
        repairs.append(repair_summary(decoded.repairs))
        reasons.append(reason)

    def from_pages(field: str) -> pl.Series:
        values = [getattr(pages[row], field) if row in pages else None for row in range(raw.height)]
        return pl.Series(values, dtype=PICTURES if field == "pictures" else pl.String)

    return (
        raw.drop("raw")
        .with_columns(
            pl.Series("text", texts, pl.String),
            pl.Series("encoding", encodings, pl.String),
            pl.Series("repairs", repairs, pl.String),
            pl.Series("reason", reasons, pl.String),
            pl.Series("raw_sha256", hashes, pl.String),
            pl.Series("format", forms, pl.String),
            # What the scraper said wins over what the page says of itself.
            title=pl.coalesce("title", from_pages("title")),
            # trafilatura has already taken the site name off the title it read.
            title_from_page=pl.col("title").is_null() & from_pages("title").is_not_null(),
            published=pl.coalesce("published", from_pages("published")),
            url=pl.coalesce("url", from_pages("url")),
            author=from_pages("author"),
            pictures=from_pages("pictures"),
            extracted=pl.Series([row in pages for row in range(raw.height)], dtype=pl.Boolean),
        )
        .with_columns(site_chrome.site_of(raw))  # after the page's own URL is known
    )


def clean_lines(decoded: pl.DataFrame, config: PipelineConfig) -> pl.DataFrame:
    """Split the decoded documents into lines and run the registered line steps."""
    frame = lines.split_lines(decoded.filter(pl.col("text").is_not_null()))
    frame = layout.measure_layout(frame)  # before spaces are normalised: indents are evidence
    for name, step in LINE_STEPS:
        if getattr(config, name):
            frame = step(frame, config)
    if "rule" not in frame.columns:
        frame = frame.with_columns(rule=pl.lit(None, pl.String))
    if config.learn_site_chrome:
        # After the pattern rules: a line they name keeps their name.
        frame = site_chrome.mark_site_repeated(
            frame, decoded.select(DOC, "site"), config.site_chrome
        )
    return frame


def _article_frames(units: pl.DataFrame, decoded: pl.DataFrame) -> pl.DataFrame:
    """One row per document that has body text: headline, date, content hash, counts."""
    kept = units.filter(
        pl.col("kind").is_in(["date", "headline", "body", "alt", "caption", "credit"])
        | (pl.col("removed_rule") == "byline")
    )
    per_doc = kept.group_by(DOC, maintain_order=True).agg(
        date_line=pl.col("text").filter(pl.col("kind") == "date").first(),
        date_from_line=pl.col("published_date").filter(pl.col("kind") == "date").first(),
        headline_line=pl.col("text").filter(pl.col("kind") == "headline").first(),
        headline_is_title=pl.col("first_line").filter(pl.col("kind") == "headline").first(),
        title_matched=pl.col("title_matched").first(),
        byline=pl.col("text").filter(pl.col("removed_rule") == "byline").first(),
        content=pl.col("text").filter(pl.col("kind") != "removed").str.join("\n"),
        paragraph_count=(pl.col("kind") == "body").sum().cast(pl.Int32),
    )
    meta = decoded.select(
        DOC,
        "title",
        "title_from_page",
        "published",
        "url",
        "scraped_at",
        "source_uri",
        page_author="author",
    )
    frame = per_doc.join(meta, on=DOC, how="left").with_columns(
        # A scraper's title that no line matches is still its title, without the site name;
        # so is a page's first line, its <title>. A headline printed in the page is as printed.
        headline=pl.when(pl.col("title_from_page") & ~pl.col("title_matched"))
        .then("title")
        .when(pl.col("title").is_not_null() & ~pl.col("title_matched"))
        .then(pl.col("title").map_elements(cut_site_name, return_dtype=pl.String))
        .when(pl.col("headline_is_title"))
        .then(pl.col("headline_line").map_elements(cut_site_name, return_dtype=pl.String))
        .otherwise(pl.col("headline_line")),
        published_date=pl.coalesce(parse_published(pl.col("published")), "date_from_line"),
        author=pl.coalesce("page_author", author_of(pl.col("byline"))),
    )
    # The article's identity is its cleaned content: same article, any rendering, one id.
    identity = (frame["headline"].fill_null("") + "\n" + frame["content"]).to_list()
    return frame.with_columns(
        article_id=pl.Series([_short_hash(text) for text in identity], dtype=pl.String)
    )


def run_pipeline(
    raw: pl.DataFrame,
    run_id: str,
    config: PipelineConfig = PipelineConfig(),
    now: datetime | None = None,
) -> PipelineResult:
    """Raw documents to the warehouse tables for one batch."""
    now = now or datetime.now()
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    raw = raw.select(list(RAW_DOCUMENTS))
    decoded = decode_documents(raw, config.decode_limits)
    seconds["decode"] = time.perf_counter() - started

    started = time.perf_counter()
    line_frame = clean_lines(decoded, config)
    seconds["repair"] = time.perf_counter() - started

    started = time.perf_counter()
    units, copies = structure.collapse_repeats(line_frame)
    model = config.line_model or line_model.default_model()
    scored = line_model.keep_lines(line_model.score_lines(line_features(units), model), model)
    units = structure.classify_units(scored, decoded.select(DOC, "title", "extracted"), model)
    paragraphs = structure.build_paragraphs(units)
    images = pl.concat(
        [structure.build_images(units), structure.markup_images(decoded.filter("extracted"))],
        how="vertical_relaxed",
    )
    articles = _article_frames(units, decoded)
    # No body paragraph left after cleaning: nothing to call an article.
    articles = articles.filter(pl.col("paragraph_count") > 0)
    removed = pl.concat(
        [
            line_frame.filter(pl.col("rule").is_not_null()).select(
                DOC, "line_no", "text", "rule", score=pl.lit(None, pl.Float64)
            ),
            copies.select(DOC, "line_no", "text", "rule", score=pl.lit(None, pl.Float64)),
            # The score is for reading: three decimals. Its last bits differ between
            # processes (float sums), and a warehouse should not.
            units.filter(pl.col("kind") == "removed").select(
                DOC, "line_no", "text", rule="removed_rule", score=pl.col("score").round(3)
            ),
        ]
    ).sort(DOC, "line_no")
    seconds["parse"] = time.perf_counter() - started

    documents = _documents_table(decoded, articles, removed, run_id, now)
    loaded = documents.filter(pl.col("status") == "loaded").select(DOC, "article_id")
    articles = articles.join(loaded, on=[DOC, "article_id"], how="semi")
    ids = articles.select(DOC, "article_id")
    paragraphs = paragraphs.join(ids, on=DOC).select(list(PARAGRAPHS))
    images = images.join(ids, on=DOC)

    started = time.perf_counter()
    quotes = _quotes_table(articles, paragraphs, images) if config.extract_quotes else empty(QUOTES)
    seconds["quotes"] = time.perf_counter() - started

    bodies = paragraphs.group_by("article_id").agg(
        body_text=pl.col("text").str.join("\n\n"),
        word_count=pl.col("word_count").sum().cast(pl.Int32),
    )
    image_counts = images.group_by("article_id").agg(image_count=pl.len().cast(pl.Int32))
    quote_counts = quotes.group_by("article_id").agg(quote_count=pl.len().cast(pl.Int32))
    articles = (
        articles.join(bodies, on="article_id", how="left")
        .join(image_counts, on="article_id", how="left")
        .join(quote_counts, on="article_id", how="left")
        .with_columns(
            pl.col("image_count", "quote_count").fill_null(0),
            run_id=pl.lit(run_id),
            loaded_at=pl.lit(now, pl.Datetime("us")),
            scraped_at=parse_timestamp(pl.col("scraped_at")),
        )
        .select(list(ARTICLES))
    )
    tables = {
        "documents": documents.select(list(DOCUMENTS)),
        "articles": articles,
        "paragraphs": paragraphs,
        "images": images.select(list(IMAGES)),
        "quotes": quotes.select(list(QUOTES)),
        "removed_lines": removed.select(list(REMOVED_LINES)),
    }
    return PipelineResult(tables, seconds)


def _documents_table(
    decoded: pl.DataFrame, articles: pl.DataFrame, removed: pl.DataFrame, run_id: str, now: datetime
) -> pl.DataFrame:
    removed_counts = removed.group_by(DOC).agg(
        removed=pl.len(),
        boilerplate=pl.col("rule").is_in(NOT_BOILERPLATE).not_().sum(),
    )
    frame = (
        decoded.join(articles.select(DOC, "article_id"), on=DOC, how="left")
        .join(removed_counts, on=DOC, how="left")
        .with_columns(
            _first=pl.int_range(pl.len()).over("article_id") == 0,
        )
    )
    no_text = pl.col("reason").is_null() & pl.col("article_id").is_null()
    reason = (
        pl.when(no_text & (pl.col("boilerplate").fill_null(0) > 0))
        .then(
            pl.format("no article text: only boilerplate ({} lines removed)", pl.col("boilerplate"))
        )
        .when(no_text)
        .then(pl.lit("no article text: no body paragraph after the headline"))
        .otherwise(pl.col("reason"))
    )
    status = (
        pl.when(pl.col("article_id").is_null())
        .then(pl.lit("rejected"))
        .when(pl.col("_first"))
        .then(pl.lit("loaded"))
        .otherwise(pl.lit("duplicate"))
    )
    return frame.with_columns(
        reason=reason,
        status=status,
        run_id=pl.lit(run_id),
        ingested_at=pl.lit(now, pl.Datetime("us")),
    ).select(list(DOCUMENTS))


def _quotes_table(
    articles: pl.DataFrame, paragraphs: pl.DataFrame, images: pl.DataFrame
) -> pl.DataFrame:
    body = paragraphs.group_by("article_id", maintain_order=True).agg(body=pl.col("text"))
    captions = (
        images.filter(pl.col("caption").is_not_null())
        .unique(["article_id", "image_group"], keep="first", maintain_order=True)
        .group_by("article_id", maintain_order=True)
        .agg(captions=pl.struct(pl.col("position"), pl.col("caption")))
    )
    work = (
        articles.select("article_id", "headline")
        .join(body, on="article_id", how="left")
        .join(captions, on="article_id", how="left")
    )
    return quotes_frame(work)
