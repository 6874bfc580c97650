"""Golden tests: the first real input, line by line."""

from __future__ import annotations

import json
from datetime import date

import polars as pl

from tests.conftest import DATA

FIRST_PARAGRAPH = (
    "Vladimir Putin says fighting between Russian separatists and Ukrainian forces along the "
    "border 'looks like genocide', ramping up tensions amid fears he will invade."
)
LAST_PARAGRAPH = (
    "Among them, the new German chancellor, Olaf Scholz, warned of 'consequences' for the Nord "
    "Stream 2 pipeline, a controversial Russian project to deliver natural gas to Germany."
)
HEADLINE = (
    "Putin says conflict in eastern Ukraine 'looks like GENOCIDE' and condemns 'Russophobia' as "
    "anti-aircraft missile batteries are moved to the frontlines amid fears he will invade"
)


def test_one_document_loaded_as_one_article(seed_tables):
    documents = seed_tables["documents"]
    assert documents.select("status", "encoding", "reason", "repairs").rows() == [
        ("loaded", "utf-8", None, None)
    ]
    assert seed_tables["articles"].height == 1


def test_date_line_and_headline(seed_tables):
    article = seed_tables["articles"].row(0, named=True)
    assert article["date_line"] == "Friday 10 December 2021"
    assert article["published_date"] == date(2021, 12, 10)
    assert article["headline"] == HEADLINE


def test_body_has_44_paragraphs_in_order(seed_tables):
    paragraphs = seed_tables["paragraphs"]
    assert paragraphs["position"].to_list() == list(range(1, 45))
    assert paragraphs["text"][0] == FIRST_PARAGRAPH
    assert paragraphs["text"][-1] == LAST_PARAGRAPH
    article = seed_tables["articles"].row(0, named=True)
    assert article["paragraph_count"] == 44
    assert article["body_text"].split("\n\n") == paragraphs["text"].to_list()
    assert article["word_count"] == sum(len(p.split()) for p in paragraphs["text"])


def test_no_non_breaking_or_doubled_spaces_survive(seed_tables):
    texts = seed_tables["paragraphs"]["text"]
    assert not texts.str.contains("\u00a0").any()
    assert not texts.str.contains("  ").any()
    assert texts.str.strip_chars().to_list() == texts.to_list()
    assert "in Ukraine's Donbass region, on Russia's border" in texts[2]


def test_every_caption_and_alt_text_is_out_of_the_body(seed_tables):
    body = set(seed_tables["paragraphs"]["text"].to_list())
    images = seed_tables["images"]
    for text in (
        images["caption"].drop_nulls().to_list() + images["alt_text"].drop_nulls().to_list()
    ):
        assert text not in body
    assert not any("(pictured" in p or "(left)" in p for p in body)


def test_14_images_with_13_distinct_captions(seed_tables):
    images = seed_tables["images"]
    assert images.height == 14
    assert images["caption"].n_unique() == 13
    assert images["alt_text"].to_list() == [
        "Russian anti-aircraft missile batteries",
        "Russian artillery",
        None,
        None,
        None,
        None,
        "Biden",
        "Zelensky",
        None,
        None,
        None,
        None,
        None,
        None,
    ]
    # Side-by-side labels share one caption: two pictures.
    shared = images.filter(pl.col("alt_text").is_in(["Biden", "Zelensky"]))["caption"].unique()
    assert shared.to_list() == [
        "Putin made the remark as Biden (left) shared a phone call with Ukrainian president "
        "Zelensky (right), assuring him of 'strong' US support in the event of a Russian attack"
    ]
    # Captions printed twice (one copy with a trailing NBSP) are one picture each.
    assert images["caption_repeats"].to_list() == [1, 1, 2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 2, 2]
    assert images["caption"][4] == (
        "Washington has been warning for weeks that Russia appears to be gearing up to invade "
        "Ukraine with a force of up to 175,000 men"
    )


def test_boilerplate_and_repeats_are_logged_with_their_rule(seed_tables):
    removed = seed_tables["removed_lines"]
    assert removed.filter(pl.col("rule") != "repeated_line").select(
        "line_no", "text", "rule"
    ).rows() == [
        (149, "Post a Comment", "comment_prompt"),
        (151, "Start typing and press Enter to search", "search_box"),
    ]
    assert removed.filter(rule="repeated_line").height == 12
    body = " ".join(seed_tables["paragraphs"]["text"].to_list())
    assert "Post a Comment" not in body and "press Enter" not in body


def test_every_source_line_is_accounted_for(seed_tables, seed_text):
    """Each non-blank input line is the date, the headline, a paragraph, an image or a
    removed line: nothing is lost silently."""
    tables = seed_tables
    used = {1, 3} | set(tables["paragraphs"]["line_no"]) | set(tables["removed_lines"]["line_no"])
    images = tables["images"]
    used |= set(images["line_no"])
    caption_lines = {
        i + 1
        for i, line in enumerate(seed_text.splitlines())
        if line.strip() in set(images["caption"].drop_nulls())
    }
    used |= caption_lines
    non_blank = {i + 1 for i, line in enumerate(seed_text.splitlines()) if line.strip()}
    assert non_blank - used == set()


# Speakers the gold names by reading the article, which presswash does not resolve yet
# (issue 14): (paragraph, quote) -> what presswash gives instead. "The US president" is
# Biden only by what the article says around it; "the official" is the senior US official
# of the paragraph before. A row that comes right fails the test: take it off this list.
KNOWN_WRONG_SPEAKERS = {
    (41, "not on the table."): "US president",
    (36, "There very clearly were not"): "official",
    (36, "stood by our principles."): "official",
}


def test_quotes_match_the_hand_checked_gold(seed_tables):
    gold = json.loads((DATA / "seed_quotes.json").read_text(encoding="utf-8"))["quotes"]
    columns = [
        "source",
        "paragraph_position",
        "quote_text",
        "speaker",
        "speaker_canonical",
        "cue",
        "kind",
        "speaker_kind",
    ]
    got = seed_tables["quotes"].select(columns).to_dicts()
    assert len(got) == len(gold)
    for row, expected in zip(got, gold, strict=True):
        wrong = KNOWN_WRONG_SPEAKERS.get((row["paragraph_position"], row["quote_text"]))
        if wrong is not None:
            assert row["speaker_canonical"] == wrong != expected["speaker_canonical"]
            row = {**row, "speaker_canonical": expected["speaker_canonical"]}
        assert row == expected


def test_apostrophes_never_make_quotes(seed_tables):
    quotes = seed_tables["quotes"]["quote_text"].to_list()
    whole = (
        "reaffirmed the United States' unwavering commitment to Ukraine's sovereignty and "
        "territorial integrity."
    )
    assert whole in quotes
    assert not any(
        q.startswith(("s ", "re ", "t ")) or "Donbass region, on Russia" in q for q in quotes
    )


def test_quote_offsets_point_into_the_paragraph(seed_tables):
    paragraphs = dict(seed_tables["paragraphs"].select("position", "text").iter_rows())
    for quote in seed_tables["quotes"].filter(source="body").iter_rows(named=True):
        text = paragraphs[quote["paragraph_position"]]
        assert text[quote["start_char"] : quote["end_char"]] == quote["quote_text"]
