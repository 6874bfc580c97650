"""The analyst views (sql/views/) on warehouses built by real flow runs: each returns real
rows that agree with the base tables. (tests/test_flow.py checks a few headline figures.)"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEED
from tests.helpers import query

SEED_DATE = date(2021, 12, 10)


@pytest.fixture(scope="module")
def warehouse_with_rejects(prefect_server, tmp_path_factory) -> Path:
    """The seed plus two inputs that cannot be articles: an empty file and a PNG."""
    from presswash.flows.ingest import ingest_flow

    inputs = tmp_path_factory.mktemp("with-rejects")
    shutil.copy(SEED, inputs / "seed.txt")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    db = inputs.parent / f"{inputs.name}.duckdb"
    assert ingest_flow(sources=[str(inputs)], db=str(db))["status"] == "completed"
    return db


def views(db: Path) -> list[str]:
    return [name for (name,) in query(db, "select view_name from duckdb_views() "
                                          "where not internal order by 1")]  # fmt: skip


@pytest.fixture(scope="module")
def warehouse_of_one_site(prefect_server, tmp_path_factory) -> Path:
    """Twelve pages of one site (enough for its chrome to be learned), then four more in a
    second run (enough to compare the site's runs: report_site_drift)."""
    from presswash.flows.ingest import ingest_flow
    from tests.site_pages import write_site

    folder = tmp_path_factory.mktemp("one-site") / "gazette"
    write_site(folder, 12)
    db = folder.parent / "site.duckdb"
    assert ingest_flow(sources=[str(folder)], db=str(db))["status"] == "completed"
    write_site(folder, 4, first=12)
    assert ingest_flow(sources=[str(folder)], db=str(db))["counts"]["loaded"] == 4
    return db


def test_every_view_has_rows(seed_warehouse, warehouse_with_rejects, warehouse_of_one_site):
    names = views(seed_warehouse)
    assert {"article_sources", "top_speakers", "rejected_documents"} <= set(names)
    # One seed article is one page of its site: there is no chrome to learn from it.
    needs = {
        "rejected_documents": warehouse_with_rejects,
        "report_reject_reasons": warehouse_with_rejects,
        "site_chrome_lines": warehouse_of_one_site,
        "report_site_drift": warehouse_of_one_site,
    }
    for name in names:
        db = needs.get(name, seed_warehouse)
        assert query(db, f"select count(*) from {name}")[0][0] > 0, name


def test_article_sources_names_the_input_folder(seed_warehouse, warehouse_with_rejects):
    article = query(seed_warehouse, "select article_id from articles")
    assert query(seed_warehouse, "select article_id, source from article_sources") == [
        (article[0][0], "seeds")
    ]
    # A URL, when the scraper gave one, wins over the folder (host without www.).
    from presswash.warehouse.sql_files import read_sql

    con = duckdb.connect()
    con.execute(
        "create table documents as select 'd1' as document_id, '/x/feeds/a.jsonl' as "
        "source_path union all select 'd2', '/x/feeds/b.jsonl'"
    )
    con.execute(
        "create table articles as select 'a1' as article_id, 'd1' as document_id, "
        "'https://www.example.com/news/1' as url union all select 'a2', 'd2', null"
    )
    con.execute(read_sql("views/00_article_sources.sql"))
    assert con.sql("select * from article_sources order by 1").fetchall() == [
        ("a1", "example.com"),
        ("a2", "feeds"),
    ]


def test_top_speakers_counts_and_shares(seed_warehouse):
    rows = query(seed_warehouse, "select speaker, quotes, articles, share_of_quotes "
                                 "from top_speakers")  # fmt: skip
    assert rows[0] == ("Vladimir Putin", 7, 1, round(7 / 24, 4))
    total = query(seed_warehouse, "select count(*) from quotes")[0][0]
    direct = dict(
        query(
            seed_warehouse,
            "select speaker_canonical, count(*) from quotes "
            "where speaker_canonical is not null group by 1",
        )
    )
    assert {speaker: quotes for speaker, quotes, _, _ in rows} == direct
    for speaker, quotes, articles, share in rows:
        assert articles == 1 and share == round(quotes / total, 4), speaker
    assert [r[1] for r in rows] == sorted((r[1] for r in rows), reverse=True)
    assert sum(r[1] for r in rows) <= total


def test_quotes_by_speaker_details(seed_warehouse):
    rows = query(
        seed_warehouse,
        "select speaker_canonical, quotes, full_quotes, articles, first_date, last_date, "
        "example_quote from quotes_by_speaker",
    )
    putin = rows[0]
    assert putin[:6] == ("Vladimir Putin", 7, 1, 1, SEED_DATE, SEED_DATE)
    longest = query(
        seed_warehouse,
        "select quote_text from quotes where speaker_canonical = 'Vladimir Putin' "
        "order by length(quote_text) desc limit 1",
    )
    assert putin[6] == longest[0][0]
    top = query(seed_warehouse, "select speaker, quotes from top_speakers")
    assert [(r[0], r[1]) for r in rows] == top


def test_articles_per_day_sums_the_articles(seed_warehouse):
    assert query(seed_warehouse, "select * from articles_per_day") == query(
        seed_warehouse,
        "select published_date, count(*), sum(word_count), sum(quote_count), "
        "sum(image_count) from articles group by 1",
    )
    assert query(seed_warehouse, "select published_date, articles, quotes, images "
                                 "from articles_per_day") == [(SEED_DATE, 1, 24, 14)]  # fmt: skip


def test_per_source_views_group_by_the_input_folder(seed_warehouse):
    assert query(seed_warehouse, "select source, articles, images from caption_stats") == [
        ("seeds", 1, 14)
    ]
    removed = query(seed_warehouse, "select source, rule, lines, documents, most_common_text "
                                    "from boilerplate_stats")  # fmt: skip
    assert ("seeds", "comment_prompt", 1, 1, "Post a Comment") in removed
    assert (
        sum(r[2] for r in removed)
        == query(seed_warehouse, "select count(*) from removed_lines")[0][0]
    )


def test_quotes_per_article_lists_the_speakers(seed_warehouse):
    ((headline, quotes, kinds, speakers),) = query(
        seed_warehouse,
        "select headline, quotes, full_quotes + partial_quotes + scare_quotes, speakers "
        "from quotes_per_article",
    )
    assert headline.startswith("Putin says conflict in eastern Ukraine")
    assert quotes == kinds == 24
    assert {"Vladimir Putin", "Volodymyr Zelensky", "Olaf Scholz"} <= set(speakers)
    assert speakers == sorted(speakers)


def test_rejected_documents_lists_each_reject_with_its_reason(warehouse_with_rejects):
    rows = query(
        warehouse_with_rejects,
        "select regexp_extract(source_uri, '[^/]+$'), reason, bytes from rejected_documents "
        "order by 1",
    )
    assert rows == [
        ("empty.txt", "empty file", 0),
        ("picture.txt", "binary file: a PNG image", 264),
    ]
    assert query(warehouse_with_rejects, "select count(*) from articles") == [(1,)]
