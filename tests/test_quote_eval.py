"""Quote extraction quality (issue #3): the annotated evaluation set, the regression cases
in tests/data/quotes_regressions.json and the Python/Polars paths agreeing."""

from __future__ import annotations

import json

import polars as pl
import pytest

from bench.quote_eval import EVAL_SET, evaluate, jaccard, match_quotes, normalise_text
from presswash.transforms.patterns import for_polars
from presswash.transforms.quote_marks import find_spans
from presswash.transforms.quotes import Quote, extract_quotes, quotes_frame
from presswash.transforms.speakers import (
    CUE_SUBJECT_PATTERN,
    INVERTED_SUBJECT_PATTERN,
    MULTI_NAME_PATTERN,
    TITLED_NAME_PATTERN,
    find_name_evidence,
)
from tests.conftest import DATA

REGRESSIONS = json.loads((DATA / "quotes_regressions.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def report():
    return evaluate(EVAL_SET, throughput=False)


@pytest.fixture(scope="module")
def eval_items() -> list[dict]:
    with open(EVAL_SET, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_eval_set_figures_stay_at_what_was_reached(report):
    # Reached when written: precision 1.000, recall 1.000, speaker 0.977, kind 1.000
    # (baseline 0.995 / 0.995 / 0.594 / 0.803).
    assert report.overall.gold == 184
    assert report.precision >= 0.98
    assert report.recall >= 0.98
    assert report.speaker_accuracy >= 0.95
    assert report.kind_accuracy >= 0.98


def test_every_style_is_covered_and_good(report):
    assert set(report.per_style) == {
        "british-single",
        "curly",
        "mixed",
        "multi-paragraph",
        "nested",
        "wire-double",
    }
    for style, figures in report.per_style.items():
        assert figures.precision >= 0.97, style
        assert figures.recall >= 0.97, style
        assert figures.speaker_accuracy >= 0.9, style
        assert figures.kind_accuracy >= 0.95, style


def test_no_quote_is_an_apostrophe_fragment(eval_items):
    for item in eval_items:
        for quote in extract_quotes(None, item["paragraphs"], []):
            assert not quote.text.startswith(("s ", "re ", "t ", "ll ", "ve ", "n ")), quote.text
            assert quote.text.strip() not in {"s", "n", "t"}, item["id"]


@pytest.mark.parametrize("case", REGRESSIONS, ids=[case["label"] for case in REGRESSIONS])
def test_regression_case(case):
    captions = [tuple(caption) for caption in case.get("captions", [])]
    got = extract_quotes(case.get("headline"), case["body"], captions)
    rows = [
        {
            "source": quote.source,
            "paragraph_position": quote.paragraph_position,
            "end_paragraph_position": quote.end_paragraph_position,
            "text": quote.text,
            "speaker_canonical": quote.speaker_canonical,
            "speaker_kind": quote.speaker_kind,
            "kind": quote.kind,
        }
        for quote in got
    ]
    expected = [{"source": "body", **quote} for quote in case["expect"]]
    assert [
        {key: row[key] for key in quote} for row, quote in zip(rows, expected, strict=False)
    ] == expected
    assert len(rows) == len(expected)


def test_offsets_point_at_the_quote_in_its_paragraph():
    body = ['"Nobody is giving up," Vasquez said. "We have 12 games left."']
    for quote in extract_quotes(None, body, []):
        assert body[0][quote.start_char : quote.end_char] == quote.text


def test_curly_and_straight_marks_give_the_same_quotes():
    straight = ["'We're ready,' she said of the United States' plan. \"It's on,\" he added."]
    curly = ["‘We’re ready,’ she said of the United States’ plan. “It’s on,” he added."]
    assert [q.text.replace("’", "'") for q in extract_quotes(None, curly, [])] == [
        q.text for q in extract_quotes(None, straight, [])
    ]
    assert [s.family for s in find_spans(curly[0])] == ["single", "double"]


def test_python_name_evidence_matches_the_polars_patterns(eval_items):
    """find_name_evidence rewrites the patterns for Python's re; Polars runs the originals."""
    texts = ["\n".join(item["paragraphs"]) for item in eval_items]
    frame = pl.DataFrame({"text": texts}).select(
        multi=pl.col("text").str.extract_all(for_polars(MULTI_NAME_PATTERN)),
        titled=pl.col("text").str.extract_all(for_polars(TITLED_NAME_PATTERN)),
        subjects=pl.col("text").str.extract_all(for_polars(CUE_SUBJECT_PATTERN)),
        inverted=pl.col("text").str.extract_all(for_polars(INVERTED_SUBJECT_PATTERN)),
    )
    found_inverted = False
    for text, row in zip(texts, frame.iter_rows(), strict=True):
        assert tuple(find_name_evidence(text)) == row
        found_inverted = found_inverted or bool(row[-1])
    assert found_inverted  # the set has "said Jane Doe" to compare on


def test_quotes_frame_agrees_with_extract_quotes(eval_items):
    items = eval_items[:20]
    articles = pl.DataFrame(
        {
            "article_id": [item["id"] for item in items],
            "headline": [None] * len(items),
            "body": [item["paragraphs"] for item in items],
            "captions": [[] for _ in items],
        },
        schema={
            "article_id": pl.String,
            "headline": pl.String,
            "body": pl.List(pl.String),
            "captions": pl.List(pl.Struct({"position": pl.Int32, "caption": pl.String})),
        },
    )
    frame = quotes_frame(articles)
    expected = [
        (item["id"], q.paragraph_position, q.text, q.speaker_canonical, q.kind)
        for item in items
        for q in extract_quotes(None, item["paragraphs"], [])
    ]
    got = frame.select(
        "article_id", "paragraph_position", "quote_text", "speaker_canonical", "kind"
    ).rows()
    assert got == expected


def test_matching_is_one_to_one_and_tolerates_punctuation():
    assert normalise_text(" 'We will   keep it,' ") == "We will keep it"
    assert jaccard("a b c d e", "a b c d") == 0.8
    gold = [{"paragraph": 0, "text": "We will keep it,"}, {"paragraph": 0, "text": "hello"}]
    predicted = [
        Quote("body", 1, 1, 0, 0, "We will keep it"),
        Quote("body", 1, 1, 0, 0, "We will keep it"),
        Quote("body", 2, 2, 0, 0, "hello"),
    ]
    assert match_quotes(gold, predicted) == [(0, 0)]


def test_held_out_set_figures():
    """tests/data/quotes_holdout.jsonl was annotated after the rules were written, by someone
    who never saw the extractor; nothing was tuned on it. It keeps the figures honest."""
    held_out = evaluate(DATA / "quotes_holdout.jsonl", throughput=False)
    assert held_out.overall.precision >= 0.98
    assert held_out.overall.recall >= 0.98
    assert held_out.overall.speaker_accuracy >= 0.80
    assert held_out.overall.kind_accuracy >= 0.95


def test_real_news_set_figures():
    """tests/data/quotes_real: the real news bodies of the extraction dev set, annotated by
    reading them before presswash ran on them (issue 14). A floor under what is reached,
    so a change that loses real speakers fails here; the targets are higher (0.85 / 0.90)."""
    from bench.quote_eval import REAL_SET

    real = evaluate(REAL_SET, throughput=False).overall
    assert real.gold > 300
    assert real.precision >= 0.98
    assert real.recall >= 0.95
    assert real.speaker_recall >= 0.82
    assert real.speaker_precision >= 0.91
    assert real.speaker_kind_accuracy >= 0.88


def test_real_news_held_out_figures():
    """tests/data/quotes_real/holdout_annotations.txt: three more real articles annotated
    after the rules were tuned on the development set; never tuned on. A floor."""
    from bench.quote_eval import REAL_SET

    held_out = evaluate(REAL_SET.parent / "quotes_real_holdout.jsonl", throughput=False).overall
    assert held_out.gold > 60
    assert held_out.precision >= 0.95 and held_out.recall >= 0.95
    assert held_out.speaker_recall >= 0.80
    assert held_out.speaker_precision >= 0.90


def test_the_real_set_is_built_from_the_annotations():
    """The JSON Lines file is what bench/build_quotes_real.py makes of the annotations and
    the truth bodies: every annotated quote is in it, with the text between its marks."""
    from bench.build_quotes_real import ANNOTATIONS, parse_annotations
    from bench.quote_eval import REAL_SET, load_items

    annotated = parse_annotations(ANNOTATIONS.read_text(encoding="utf-8"))
    items = {item["id"][len("scrapinghub_") :][:12]: item for item in load_items(REAL_SET)}
    assert set(items) == set(annotated)
    for prefix, marked in annotated.items():
        quotes = items[prefix]["quotes"]
        assert [q["paragraph"] for q in quotes] == [a["paragraph"] for a in marked]
        for quote, annotation in zip(quotes, marked, strict=True):
            assert quote["text"].startswith(annotation["words"].strip())
            paragraph = items[prefix]["paragraphs"][quote["paragraph"]]
            assert quote["text"].split(" ")[0] in paragraph
