"""Finding the article in whole pages: the cases in tests/data/pages (see its README), each
annotated by reading the page. The pipeline must return the body paragraphs exactly, the
headline, date and author, and keep every listed chrome line out of the body.

Text is compared after ftfy's width fix (NFKC of fullwidth forms: "，" is ","), which
presswash applies to every line, as the cleaning cases show."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest

from tests.conftest import DATA
from tests.helpers import pipeline_tables

PAGES = DATA / "pages"


def width(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


CASES = sorted(path.stem for path in PAGES.glob("*.json"))


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[dict, dict]]:
    """Every page through the pipeline, each in a folder of its own (one site per page)."""
    out = {}
    for name in CASES:
        expected = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
        page = (PAGES / f"{name}.txt").read_bytes()
        out[name] = (expected, pipeline_tables({f"{name}/page.txt": page}))
    return out


@pytest.mark.parametrize("name", CASES)
def test_body_is_the_article(results, name):
    expected, tables = results[name]
    assert tables["documents"]["status"].to_list() == ["loaded"]
    assert tables["paragraphs"]["text"].to_list() == [width(line) for line in expected["body"]]


@pytest.mark.parametrize("name", CASES)
def test_chrome_stays_out_of_the_body(results, name):
    expected, tables = results[name]
    body = set(tables["paragraphs"]["text"].to_list())
    assert [line for line in expected["not_body"] if line in body] == []


@pytest.mark.parametrize("name", CASES)
def test_headline_date_and_author(results, name):
    expected, tables = results[name]
    article = tables["articles"].row(0, named=True)
    assert article["headline"] == expected["headline"]
    day = expected["date"] and date.fromisoformat(expected["date"])
    assert article["published_date"] == day
    assert article["author"] == expected["author"]


@pytest.mark.parametrize("name", CASES)
def test_images_are_real_pictures(results, name):
    expected, tables = results[name]
    assert tables["images"]["caption"].to_list() == expected["images"]


@pytest.mark.parametrize("name", CASES)
def test_removals_name_their_rule(results, name):
    expected, tables = results[name]
    removed = dict(tables["removed_lines"].select("text", "rule").iter_rows())
    for line, rule in expected["removed_by"].items():
        assert removed.get(line) == rule, line


def test_every_line_is_accounted_for(results):
    """Each line with text is in the article (headline, date, body, picture) or in
    removed_lines: nothing is dropped silently."""
    for name, (_, tables) in results.items():
        text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
        article = tables["articles"].row(0, named=True)
        kept = set(tables["paragraphs"]["text"].to_list())
        kept |= set(tables["removed_lines"]["text"].to_list())
        kept |= {article["headline"], article["date_line"]} - {None}
        kept |= set(tables["images"]["caption"].drop_nulls().to_list())
        kept |= set(tables["images"]["alt_text"].drop_nulls().to_list())
        kept |= set(tables["images"]["credit"].drop_nulls().to_list())
        joined = " ".join(kept)
        for line in text.splitlines():
            words = " ".join(width(line).split()).lstrip("*+-o ").strip()
            if words and words not in kept:
                # A fragment joined to its sentence, or a list item without its marker.
                assert words in joined, (name, line)


def test_chinese_words_are_counted_by_character(results):
    _, tables = results["chinese_news"]
    first = tables["paragraphs"].row(0, named=True)
    assert first["word_count"] >= 40  # 46 characters of text, no spaces
