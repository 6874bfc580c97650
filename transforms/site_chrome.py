"""A site's own chrome, learned from the corpus: lines that repeat across its pages.

A scraper hands over many pages of each site, and the site's menu, share row and footer
print the same lines on every one of them. A short line found on at least half of a site's
pages (and on at least ``MIN_DOCUMENTS`` different articles) is chrome, whatever its words:
it gets the rule ``site_repeated``. The evidence is this batch's pages plus what the
warehouse learned in earlier runs (``site_chrome`` table, passed in as ``known``).

The same article in several renderings (encodings, line ends) counts once: pages are told
apart by a fingerprint of their longest line.
"""

from __future__ import annotations

import polars as pl

from presswash.transforms.subset import update_rows

DOC = "document_id"
RULE = "site_repeated"
MAX_WORDS = 12  # chrome lines are short; long repeated prose is left to the line model
MIN_DOCUMENTS = 5  # different articles of the site that must show the line
MIN_SHARE = 0.5  # of the site's articles in the batch

# scheme://[www.]host... -> host
_HOST = r"^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\.)?([^/:?#]+)"


def site_of(documents: pl.DataFrame) -> pl.Expr:
    """A document's site: its URL's host (without ``www.``), else the JSON Lines file it
    came from, else the folder its file sits in.

    >>> frame = pl.DataFrame({"url": ["https://www.bbc.co.uk/news/1", None, None],
    ...     "source_path": ["a.jsonl", "feeds/x.jsonl", "scrapes/ap/1.txt"],
    ...     "line_no": [1, 2, None]})
    >>> frame.select(site_of(frame))["site"].to_list()
    ['bbc.co.uk', 'feeds/x.jsonl', 'scrapes/ap']
    """
    del documents  # the columns are read by name
    host = pl.col("url").str.extract(_HOST, 1).str.to_lowercase()
    folder = pl.col("source_path").str.replace(r"/[^/]*$", "")
    folder = pl.when(folder == pl.col("source_path")).then(pl.lit(".")).otherwise(folder)
    from_file = pl.when(pl.col("line_no").is_not_null()).then(pl.col("source_path"))
    return pl.coalesce(host, from_file, folder).alias("site")


def mark_site_repeated(
    lines: pl.DataFrame, sites: pl.DataFrame, known: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Give the rule ``site_repeated`` to short lines repeated across a site's pages, in
    this batch or as ``known`` (site, text) from earlier runs. ``sites`` maps
    document_id to site. Lines that already have a rule keep it.

    >>> nav = ["Home", "World", "Sport"]
    >>> docs = {f"d{i}": nav + [f"Story {i} is long enough to be a body paragraph."]
    ...         for i in range(6)}
    >>> lines = pl.DataFrame([{"document_id": d, "line_no": n, "text": t, "rule": None}
    ...     for d, texts in docs.items() for n, t in enumerate(texts)],
    ...     schema_overrides={"rule": pl.String})
    >>> sites = pl.DataFrame({"document_id": list(docs), "site": ["ap"] * 6})
    >>> marked = mark_site_repeated(lines, sites)
    >>> marked.filter(document_id="d0").select("text", "rule").rows()[:2]
    [('Home', 'site_repeated'), ('World', 'site_repeated')]
    >>> marked.filter(pl.col("rule").is_null())["text"].str.starts_with("Story").all()
    True
    """
    # Twelve words take at most a few hundred bytes: a cheap first cut of the batch's lines.
    maybe_short = pl.col("text").str.len_bytes().is_between(1, MAX_WORDS * 24)
    candidate = maybe_short & pl.col("rule").is_null()
    return update_rows(
        lines,
        candidate,
        lambda rows: _mark_rows(rows, lines, sites, known),
        columns=[DOC, "text", "rule"],
    )


def _mark_rows(
    rows: pl.DataFrame, lines: pl.DataFrame, sites: pl.DataFrame, known: pl.DataFrame | None
) -> pl.DataFrame:
    """``rule`` for the unruled lines ``rows`` of the batch ``lines``."""
    short = pl.col("text").str.count_matches(" ", literal=True) < MAX_WORDS
    printed = _fingerprints(lines.filter(pl.col("text") != "")).join(
        sites.select(DOC, "site"), on=DOC, how="inner"
    )
    pages = printed.group_by("site").agg(_pages=pl.col("_print").n_unique())
    with_site = rows.select(DOC, "text", _short=short).join(
        printed, on=DOC, how="left", maintain_order="left"
    )
    repeated = (
        with_site.filter(pl.col("_short") & pl.col("site").is_not_null())
        .group_by("site", "text")
        .agg(_seen=pl.col("_print").n_unique())
        .join(pages, on="site")
        .filter(
            (pl.col("_seen") >= MIN_DOCUMENTS) & (pl.col("_seen") >= MIN_SHARE * pl.col("_pages"))
        )
        .select("site", "text")
    )
    if known is not None and known.height:
        repeated = pl.concat([repeated, known.select("site", "text")]).unique()
    chrome = with_site.join(
        repeated.with_columns(_chrome=pl.lit(True)),
        on=["site", "text"],
        how="left",
        maintain_order="left",
    ).select(pl.col("_chrome").fill_null(False) & pl.col("_short"))
    return rows.select(
        rule=pl.when(chrome.to_series()).then(pl.lit(RULE)).otherwise(pl.col("rule"))
    )


def _fingerprints(lines: pl.DataFrame) -> pl.DataFrame:
    """(document_id, _print): the page's longest line, which renderings of one article
    share."""
    longest = pl.col("text").str.len_bytes().arg_max()
    return lines.group_by(DOC).agg(_print=pl.col("text").get(longest))
