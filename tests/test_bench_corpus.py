"""Tests for the benchmark corpus generator and the hand-written reference loop."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

import duckdb
import ftfy
import pytest

from bench.corpus import (
    BOILERPLATE_LINES,
    DATE_PARSE_FORMATS,
    NBSP,
    CorpusStats,
    generate_corpus,
    make_article,
    to_mojibake,
)
from bench.reference_loop import run_reference

MOJIBAKE_MARKERS = ("â€", "Ã", "Â")


def read_corpus(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.txt"))}


def non_blank_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def is_date_line(line: str) -> bool:
    for pattern in DATE_PARSE_FORMATS:
        try:
            datetime.strptime(line, pattern)
        except ValueError:
            continue
        return True
    return False


def has_doubled_caption(text: str) -> bool:
    """A caption block: the same long line twice with one blank line between."""
    lines = text.split("\n")
    return any(
        len(first) > 40 and second == "" and third.rstrip(NBSP) == first
        for first, second, third in zip(lines, lines[1:], lines[2:], strict=False)
    )


@pytest.fixture(scope="module")
def corpus_and_stats(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, str], CorpusStats]:
    root = tmp_path_factory.mktemp("corpus")
    stats = generate_corpus(root, articles=300, seed=7, mojibake_rate=0.1)
    texts = {name: data.decode("utf-8") for name, data in read_corpus(root).items()}
    return texts, stats


@pytest.fixture(scope="module")
def corpus(corpus_and_stats: tuple[dict[str, str], CorpusStats]) -> dict[str, str]:
    return corpus_and_stats[0]


def test_stats_match_the_files(corpus_and_stats: tuple[dict[str, str], CorpusStats]) -> None:
    texts, stats = corpus_and_stats
    assert stats.files == len(texts) == 300
    assert stats.bytes == sum(len(t.encode("utf-8")) for t in texts.values())


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "a", articles=30, seed=3)
    generate_corpus(tmp_path / "b", articles=30, seed=3)
    generate_corpus(tmp_path / "c", articles=30, seed=4)
    first, second, other = (read_corpus(tmp_path / name) for name in "abc")
    assert first == second
    assert list(first.values()) != list(other.values())


def test_files_are_grouped_in_folders(tmp_path: Path) -> None:
    generate_corpus(tmp_path, articles=1_001)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0000", "0001"]
    assert len(list((tmp_path / "0001").iterdir())) == 1


def test_articles_are_unique_and_seed_sized(corpus: dict[str, str]) -> None:
    texts = list(corpus.values())
    assert len(set(texts)) == len(texts)
    sizes = sorted(len(t.encode("utf-8")) for t in texts)
    assert 6_000 < sizes[len(sizes) // 2] < 11_000


def test_article_shape_matches_the_seed(corpus: dict[str, str]) -> None:
    for name, text in corpus.items():
        lines = non_blank_lines(text)
        assert is_date_line(lines[0]), (name, lines[0])
        assert lines[-1] in BOILERPLATE_LINES, name
        assert has_doubled_caption(text), name
    everything = "".join(corpus.values())
    assert NBSP in everything
    assert "'" in everything and '"' in everything
    assert "s' " in everything and "s’ " in everything  # plural possessives, both styles


def test_mojibake_fraction_and_ftfy_repairs_it(
    corpus_and_stats: tuple[dict[str, str], CorpusStats],
) -> None:
    texts, stats = corpus_and_stats
    garbled_articles = 0
    for text in texts.values():
        garbled = [line for line in text.splitlines() if "â€" in line]
        garbled_articles += bool(garbled)
        for line in garbled:
            fixed = ftfy.fix_text(line)
            assert not any(marker in fixed for marker in MOJIBAKE_MARKERS), fixed
    assert garbled_articles == stats.mojibake_articles
    assert 15 <= garbled_articles <= 50  # 10% of 300, with room for chance


def test_clean_articles_have_no_mojibake(tmp_path: Path) -> None:
    generate_corpus(tmp_path, articles=50, mojibake_rate=0.0)
    for data in read_corpus(tmp_path).values():
        assert "â€" not in data.decode("utf-8")


def test_to_mojibake_round_trips_through_ftfy() -> None:
    for seed in range(20):
        for paragraph in make_article(random.Random(seed)).split("\n\n"):
            if not paragraph.isascii():
                assert ftfy.fix_text(to_mojibake(paragraph)) == ftfy.fix_text(paragraph)


def test_reference_loop_loads_a_small_corpus(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "corpus", articles=20, mojibake_rate=0.2)
    paths = sorted((tmp_path / "corpus").rglob("*.txt"))
    db_path = tmp_path / "reference.duckdb"

    result = run_reference(paths, db_path)

    assert result["documents"] == 20
    assert result["bytes"] == sum(p.stat().st_size for p in paths)
    with duckdb.connect(str(db_path), read_only=True) as con:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        paragraphs = con.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        quotes = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
        counted = con.execute("SELECT sum(paragraph_count) FROM articles").fetchone()[0]
        date_lines = [row[0] for row in con.execute("SELECT date_line FROM articles").fetchall()]
        leftovers = con.execute(
            "SELECT count(*) FROM paragraphs WHERE text IN (SELECT unnest(?))",
            [list(BOILERPLATE_LINES)],
        ).fetchone()[0]
    assert articles == 20
    assert paragraphs > 0 and paragraphs == counted
    assert quotes > 0
    assert all(is_date_line(line) for line in date_lines)
    assert leftovers == 0
