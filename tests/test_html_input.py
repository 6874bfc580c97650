"""Saved web pages in: small pages written for these tests (tests/data/html), read through
the real flow into a DuckDB warehouse. The expected rows were written from reading the
pages: the article's paragraphs, its headline, date, author and URL from the markup, one
image row for its one captioned figure, nothing of the menus, related links, comments or
footer; and a reason for each page that has no article."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.helpers import query

PAGES = Path(__file__).parent / "data" / "html"

NEWS_PARAGRAPHS = [
    "A powerful storm swept along the coast on Tuesday night, cutting power to more than"
    " 12,000 homes and closing the harbour road for several hours.",
    '"It was terrifying," said Rosie Baker, who has run Rosie\'s bakery on the seafront for'
    ' twenty years. "The windows shook all night."',
    "Engineers from the power company worked through the night, and the company said most"
    " homes would be reconnected by Thursday afternoon.",
    "The council said schools in the area would reopen on Wednesday once the roads had been"
    " checked for fallen trees.",
]


@pytest.fixture(scope="module")
def html_run(prefect_server, tmp_path_factory):
    from presswash.flows.ingest import ingest_flow

    root = tmp_path_factory.mktemp("html")
    folder = root / "saved"
    shutil.copytree(PAGES, folder)
    news = (PAGES / "news.html").read_text(encoding="utf-8")
    (folder / "news-again.html.gz").write_bytes(gzip.compress(news.encode("utf-8")))
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    records = [
        {
            "url": "https://www.harbourgazette.example/news/2024/03/12/storm-power-cuts",
            "html": news,
        },
        {"url": "https://example.org/a", "text": "Not a page", "html": "<html><body>x</body>"},
    ]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    db = root / "html.duckdb"
    summary = ingest_flow(sources=[str(folder)], db=str(db))
    documents = {
        Path(uri).name: (status, reason, form, encoding, repairs, article_id)
        for uri, status, reason, form, encoding, repairs, article_id in query(
            db,
            "select source_uri, status, reason, format, encoding, repairs, article_id"
            " from documents",
        )
    }
    return db, summary, documents


def _article(db: Path, article_id: str) -> dict:
    columns = ("headline", "published_date", "author", "url", "image_count", "quote_count")
    row = query(db, f"select {', '.join(columns)} from articles where article_id = ?", [article_id])
    return dict(zip(columns, row[0], strict=True))


def _paragraphs(db: Path, article_id: str) -> list[str]:
    rows = query(
        db, "select text from paragraphs where article_id = ? order by position", [article_id]
    )
    return [text for (text,) in rows]


def test_a_news_page_gives_its_article_and_nothing_else(html_run):
    db, _, documents = html_run
    status, reason, form, encoding, _, article_id = documents["news.html"]
    # Copies of it follow (gzipped, in JSON Lines): one of them is loaded, the others are
    # its duplicates.
    assert status in ("loaded", "duplicate")
    assert (reason, form, encoding) == (None, "html", "utf-8")
    assert _article(db, article_id) == {
        "headline": "Storm cuts power to thousands on the coast",
        "published_date": date(2024, 3, 12),
        "author": "Meg James",
        "url": "https://www.harbourgazette.example/news/2024/03/12/storm-power-cuts",
        "image_count": 1,
        "quote_count": 2,
    }
    assert _paragraphs(db, article_id) == NEWS_PARAGRAPHS


def test_the_figure_is_one_image_row_and_chrome_images_are_none(html_run):
    db, _, documents = html_run
    article_id = documents["news.html"][-1]
    assert query(
        db,
        "select position, alt_text, caption, caption_repeats, line_no from images"
        " where article_id = ?",
        [article_id],
    ) == [
        (
            1,
            "Waves break over the harbour pier",
            "Waves broke over the harbour pier on Tuesday evening.",
            1,
            None,
        )
    ]


def test_entities_in_the_markup_are_decoded_before_quotes_are_read(html_run):
    db, _, documents = html_run
    article_id = documents["news.html"][-1]
    assert query(
        db,
        "select quote_text, speaker from quotes where article_id = ? order by position",
        [article_id],
    ) == [("It was terrifying,", "Rosie Baker"), ("The windows shook all night.", "Rosie Baker")]


def test_the_same_page_gzipped_or_in_json_lines_is_the_same_article(html_run):
    _, _, documents = html_run
    article_id = documents["news.html"][-1]
    again = documents["news-again.html.gz"]
    in_feed = documents["feed.jsonl#L1"]
    assert (again[2], again[-1]) == ("html", article_id)
    assert (in_feed[2], in_feed[-1]) == ("jsonl-html", article_id)
    statuses = sorted(d[0] for d in (documents["news.html"], again, in_feed))
    assert statuses == ["duplicate", "duplicate", "loaded"]


def test_a_wrong_charset_declaration_does_not_garble_the_text(html_run):
    db, _, documents = html_run
    status, _, form, encoding, repairs, article_id = documents["wrong-charset.html"]
    assert (status, form, encoding, repairs) == (
        "loaded",
        "html",
        "utf-8",
        "declared_iso8859-1_was_utf8",
    )
    assert _article(db, article_id)["headline"] == "Café owners fear a long winter"
    assert _paragraphs(db, article_id) == [
        "Zoë Martin, who owns the Café de la Gare, said the new energy prices would double her"
        " bills by January.",
        "“We’re open, but for how long?” she asked, standing behind a counter lined with"
        " crème brûlée.",
        "The chamber of commerce said that a third of the town’s cafés had already shortened"
        " their opening hours this autumn.",
    ]


def test_a_truncated_page_keeps_what_arrived(html_run):
    db, _, documents = html_run
    status, _, _, _, _, article_id = documents["truncated.html"]
    assert status == "loaded"
    assert _article(db, article_id)["headline"] == "Council approves the new harbour wall"
    assert _paragraphs(db, article_id) == [
        "The town council voted on Monday to build a new sea wall along the harbour, at a cost"
        " of four million pounds over three years.",
        "Councillors said the wall would protect the seafront shops that flooded twice last"
        " winter, and work is due to start in the spring.",
        "Residents who spoke at the meeting asked for the footpath along the old wall to stay"
        " open while the",
    ]


@pytest.mark.parametrize(
    "name,form,reason",
    [
        ("no-article.html", "html", "no article in the HTML page"),
        ("photo.html", "html", "binary file: a PNG image"),
        ("feed.jsonl#L2", "jsonl-html", "no article in the HTML page"),
    ],
)
def test_a_page_without_an_article_is_rejected_with_a_reason(html_run, name, form, reason):
    _, _, documents = html_run
    status, found, found_form, *_ = documents[name]
    assert (status, found, found_form) == ("rejected", reason, form)


def test_the_run_reports_every_page(html_run):
    _, summary, documents = html_run
    assert summary["status"] == "completed"
    assert len(documents) == 8
    assert summary["counts"]["rejected"] == 3


def test_what_the_scraper_says_wins_over_what_the_page_says():
    from tests.helpers import pipeline_tables

    page = (PAGES / "news.html").read_bytes()
    meta = {
        "saved/news.html": {
            "title": "Storm leaves 12,000 homes without power | Harbour Gazette",
            "url": "https://scraper.example/item/42",
            "published": "2024-03-13T08:00:00Z",
        }
    }
    tables = pipeline_tables({"saved/news.html": page}, meta=meta)
    article = tables["articles"].select("headline", "url", "published_date", "author").row(0)
    assert article == (
        "Storm leaves 12,000 homes without power",
        "https://scraper.example/item/42",
        date(2024, 3, 13),
        "Meg James",
    )
    assert tables["documents"].select("format", "site").row(0) == ("html", "scraper.example")


def test_a_section_name_in_the_h1_gives_way_to_the_title_about_the_story():
    """A page whose <h1> is its section's name and whose <title> is the headline (found on
    WebMD's pages): the headline is the title that shares the story's words."""
    from presswash.transforms.html_article import extract_article

    story = (
        "<p>Babies who eat peanut foods early in life are far less likely to develop a peanut"
        " allergy, a large trial of infants in London has found.</p>"
        "<p>The infants who avoided peanuts were five times as likely to be allergic by the age"
        " of five as those who ate them three times a week.</p>"
        "<p>Doctors had told parents for years to keep peanuts away from babies at risk.</p>"
    )
    page = (
        "<html><head><title>Babies Who Eat Peanuts Early May Avoid Allergy</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/allergies'>Allergies</a></nav>"
        f"<div class='main'><h1>Allergies Health Center</h1><article>{story}</article></div>"
        "</body></html>"
    )
    article = extract_article(page)
    assert article.title == "Babies Who Eat Peanuts Early May Avoid Allergy"
    # a title that is about the story stays, whatever the other titles say
    about_the_story = page.replace("Allergies Health Center", "Peanuts early, allergy later")
    assert extract_article(about_the_story).title == "Peanuts early, allergy later"
