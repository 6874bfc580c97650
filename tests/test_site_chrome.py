"""A site's chrome learned from its pages: 30 pages of one site share their navigation,
share row and footer; presswash removes those lines with the rule ``site_repeated``, keeps
them in the ``site_chrome`` table, and uses what it learned on the site's next pages."""

from __future__ import annotations

import random
from datetime import date

import polars as pl
import pytest

from presswash.transforms.pipeline import PipelineConfig
from presswash.transforms.site_chrome import MIN_DOCUMENTS
from tests.helpers import pipeline_tables, query
from tests.site_pages import CHROME, FOOTER, NAVIGATION, story, write_site

# Lines of the shared chrome that no pattern rule knows: only the site's pages tell.
ONLY_THE_SITE_TELLS = ("World", "Politics", "Business", *FOOTER)


@pytest.fixture(scope="module")
def site_runs(prefect_server, tmp_path_factory):
    """Two runs: 30 pages of the site, then 2 more pages of it (too few to learn from)."""
    from presswash.flows.ingest import ingest_flow

    root = tmp_path_factory.mktemp("site")
    folder = root / "harbour-gazette"
    write_site(folder, 30)
    db = root / "site.duckdb"
    first = ingest_flow(sources=[str(folder)], db=str(db))
    first_chrome = query(db, "select text, documents, first_run_id, last_run_id from site_chrome")
    write_site(folder, 2, first=30)
    second = ingest_flow(sources=[str(folder)], db=str(db))
    return db, first, second, first_chrome


def test_the_first_run_removes_the_shared_lines(site_runs):
    db, first, _, _ = site_runs
    assert first["counts"]["loaded"] == 30
    rules = dict(
        query(
            db,
            "select text, string_agg(distinct rule, ',') from removed_lines r"
            " join documents d using (document_id) where d.run_id = ? group by text",
            [first["run_id"]],
        )
    )
    for line in CHROME:
        assert line in rules, line
    for line in ONLY_THE_SITE_TELLS:
        assert rules[line] == "site_repeated", line
    body = query(db, "select text from paragraphs")
    assert not {text for (text,) in body} & set(CHROME)


def test_every_page_keeps_its_story(site_runs):
    db, _, _, _ = site_runs
    rng = random.Random(3)
    expected = {}
    for number in range(30):
        headline, paragraphs = story(rng, number)
        expected[headline] = paragraphs
    rows = query(
        db,
        "select a.headline, a.published_date, list(p.text order by p.position)"
        " from articles a join paragraphs p using (article_id)"
        " group by a.headline, a.published_date",
    )
    found = {headline: (day, texts) for headline, day, texts in rows}
    for number, (headline, paragraphs) in enumerate(expected.items()):
        assert found[headline] == (date(2024, 3, 1 + number % 28), paragraphs), headline


def test_the_table_and_the_view_list_the_chrome(site_runs):
    db, first, _, first_chrome = site_runs
    learned = {text: documents for text, documents, _, _ in first_chrome}
    for line in CHROME:
        assert learned[line] == 30, line
    assert {row[2] for row in first_chrome} == {first["run_id"]}
    view = query(db, "select site, text, documents, share_of_pages from site_chrome_lines")
    assert {text for _, text, _, _ in view} >= set(CHROME)
    assert all(site.endswith("harbour-gazette") for site, _, _, _ in view)
    # Headlines and dates differ from page to page: nothing of the stories is chrome.
    assert not [t for _, t, _, _ in view if "Gazette" not in t and t not in CHROME]


def test_the_next_run_uses_what_was_learned(site_runs):
    db, first, second, _ = site_runs
    assert second["counts"]["loaded"] == 2 < MIN_DOCUMENTS
    rules = dict(
        query(
            db,
            "select text, min(rule) from removed_lines r join documents d using (document_id)"
            " where d.run_id = ? group by text",
            [second["run_id"]],
        )
    )
    for line in ONLY_THE_SITE_TELLS:
        assert rules[line] == "site_repeated", line
    rows = query(db, "select documents, first_run_id, last_run_id from site_chrome where text = ?",
                 ["About the Gazette"])  # fmt: skip
    assert rows == [(32, first["run_id"], second["run_id"])]


def test_one_article_in_many_renderings_is_not_chrome():
    """The same article saved eight ways shares every line with itself: that is one page,
    not a site's chrome."""
    headline, paragraphs = story(random.Random(1), 1)
    text = "\n\n".join(["Harbour news", headline, *paragraphs]) + "\n"
    renderings = {f"copy-{n}.txt": text.encode("utf-8") for n in range(8)}
    renderings["crlf.txt"] = text.replace("\n", "\r\n").encode("utf-8")
    tables = pipeline_tables(renderings)
    assert tables["articles"].height == 1
    assert "site_repeated" not in tables["removed_lines"]["rule"].to_list()


def test_lines_on_few_pages_are_not_chrome():
    """A line on 3 of 12 pages (a teaser, a recurring name) is not the site's chrome."""
    pages = {}
    rng = random.Random(5)
    for number in range(12):
        headline, paragraphs = story(rng, number)
        extra = ["Read also: the ferry timetable"] if number < 3 else []
        lines = [*NAVIGATION, headline, *paragraphs, *extra]
        pages[f"site/p{number}.txt"] = "\n\n".join(lines).encode("utf-8")
    tables = pipeline_tables(pages)
    removed = tables["removed_lines"]
    repeated = set(removed.filter(pl.col("rule") == "site_repeated")["text"].to_list())
    assert "World" in repeated and "Politics" in repeated
    assert "Read also: the ferry timetable" not in repeated


def test_learning_can_be_switched_off():
    pages = {}
    rng = random.Random(5)
    for number in range(8):
        headline, paragraphs = story(rng, number)
        pages[f"site/p{number}.txt"] = "\n\n".join([*NAVIGATION, headline, *paragraphs]).encode()
    tables = pipeline_tables(pages, PipelineConfig(learn_site_chrome=False))
    assert "site_repeated" not in tables["removed_lines"]["rule"].to_list()
