"""Article structure beyond the seed: image blocks, repeats, headlines, dates."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from tests.helpers import pipeline_tables


def tables_for(text: str, **meta: str):
    return pipeline_tables(
        {"doc.txt": text.encode("utf-8")}, meta={"doc.txt": meta} if meta else None
    )


ARTICLE = """December 10, 2021

Markets rally as talks resume in Geneva

Stocks rose on Friday as negotiators returned to the table.

Traders said the mood had improved.
"""


def test_single_caption_with_a_cue_is_an_image():
    tables = tables_for(
        ARTICLE + "\nThe Geneva skyline is pictured at dusk on Friday\n\nPrices held steady.\n"
    )
    assert tables["images"]["caption"].to_list() == [
        "The Geneva skyline is pictured at dusk on Friday"
    ]
    assert tables["paragraphs"]["text"].to_list()[-1] == "Prices held steady."


def test_a_doubled_sentence_stays_body_once():
    tables = tables_for(ARTICLE + "\nPrices held steady.\n\nPrices held steady.\n")
    assert tables["paragraphs"]["text"].to_list().count("Prices held steady.") == 1
    assert tables["images"].height == 0
    assert tables["removed_lines"]["rule"].to_list() == ["repeated_line"]


def test_alt_label_without_caption_is_an_image_without_caption():
    tables = tables_for(ARTICLE + "\nGeneva skyline\nGeneva skyline\n\nPrices held steady.\n")
    assert tables["images"].select("alt_text", "caption").rows() == [("Geneva skyline", None)]
    assert "Geneva skyline" not in tables["paragraphs"]["text"].to_list()


@pytest.mark.parametrize("label", ["Follow", "193 claps", "Jason Parham", "Sponsored Links"])
def test_a_label_printed_twice_that_is_no_description_is_not_a_picture(label):
    """A button, a count, a byline or a teaser title printed twice, with no caption after
    it, is chrome: neither a picture nor body, and removed with its reason."""
    tables = tables_for(ARTICLE + f"\n{label}\n{label}\n\nPrices held steady.\n")
    assert tables["images"].height == 0
    assert label not in tables["paragraphs"]["text"].to_list()
    removed = tables["removed_lines"].filter(pl.col("text") == label)["rule"].to_list()
    assert sorted(removed) == ["alt_text_without_caption", "repeated_line"]


def test_a_teaser_title_printed_twice_is_not_a_caption():
    """Captions describe in sentence case; a title-case line printed twice is a teaser."""
    teaser = "How to Avoid Impulse Purchases in the Internet Shopping Age"
    tables = tables_for(ARTICLE + f"\n{teaser}\n{teaser}\n\nPrices held steady.\n")
    assert tables["images"].height == 0
    caption = "Traders watch the screens on the floor of the exchange in Geneva on Friday"
    tables = tables_for(ARTICLE + f"\n{caption}\n{caption}\n\nPrices held steady.\n")
    assert tables["images"]["caption"].to_list() == [caption]


def test_three_labels_share_one_caption():
    caption = "The three leaders (left to right) spoke by video link on Tuesday"
    block = f"\nBiden\nScholz\nMacron\n\n{caption}\n"
    tables = tables_for(ARTICLE + block + "\nPrices held steady.\n")
    images = tables["images"]
    assert images["alt_text"].to_list() == ["Biden", "Scholz", "Macron"]
    assert images["caption"].n_unique() == 1


def test_short_subheading_followed_by_prose_stays_in_the_body():
    tables = tables_for(ARTICLE + "\nWhat happens next\n\nTalks resume on Monday.\n")
    assert "What happens next" in tables["paragraphs"]["text"].to_list()


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Friday 10 December 2021", date(2021, 12, 10)),
        ("Friday, December 10, 2021", date(2021, 12, 10)),
        ("10 Dec 2021", date(2021, 12, 10)),
        ("Dec. 10, 2021", date(2021, 12, 10)),
        ("2021-12-10", date(2021, 12, 10)),
        (
            "Published: 10:32 EST, 10 December 2021 | Updated: 11:01 EST, 10 December 2021",
            date(2021, 12, 10),
        ),
        ("Posted on 3rd March 2022", date(2022, 3, 3)),
    ],
)
def test_date_line_formats(line, expected):
    tables = tables_for(ARTICLE.replace("December 10, 2021", line))
    assert tables["articles"]["published_date"].to_list() == [expected]
    assert tables["articles"]["date_line"].to_list() == [line]


def test_no_date_line_means_no_date_and_first_line_is_headline():
    tables = tables_for(ARTICLE.split("\n", 2)[2])
    article = tables["articles"].row(0, named=True)
    assert article["published_date"] is None
    assert article["headline"] == "Markets rally as talks resume in Geneva"


def test_scraper_metadata_wins():
    tables = tables_for(
        ARTICLE, title="Markets rally as talks resume in Geneva", published="2021-12-11"
    )
    article = tables["articles"].row(0, named=True)
    assert article["published_date"] == date(2021, 12, 11)
    assert tables["paragraphs"].height == 2


def test_lines_before_the_headline_are_logged():
    tables = tables_for("World\n" + ARTICLE)
    assert tables["removed_lines"].select("text", "rule").rows() == [("World", "before_headline")]


def test_only_boilerplate_is_rejected_with_reason():
    tables = tables_for("Post a Comment\nShare this article\nAdvertisement\n")
    document = tables["documents"].row(0, named=True)
    assert document["status"] == "rejected"
    assert document["reason"] == "no article text: only boilerplate (3 lines removed)"
    assert tables["removed_lines"].height == 3


def test_same_article_in_many_renderings_is_one_article():
    seed = ARTICLE.replace("Traders", "Traders’ desks")
    renderings = {
        "utf8.txt": seed.encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + seed.encode("utf-8"),
        "utf16.txt": seed.encode("utf-16"),
        "cp1252.txt": seed.encode("cp1252"),
        "crlf.txt": seed.replace("\n", "\r\n").encode("utf-8"),
        "mojibake.txt": seed.encode("utf-8").decode("cp1252").encode("utf-8"),
        "zero-width.txt": seed.replace("Stocks", "Sto\u200bcks")
        .replace("negotiators", "nego\u00adtiators")
        .encode(),
        "boilerplate.txt": (seed + "\nPost a Comment\n").encode("utf-8"),
    }
    tables = pipeline_tables(renderings)
    documents = tables["documents"]
    assert documents["article_id"].n_unique() == 1
    assert sorted(documents["status"].to_list()) == ["duplicate"] * 7 + ["loaded"]
    assert tables["articles"].height == 1


TEASER_PAGE = "\n\n".join(
    [
        "Harbour News",
        "Council approves new ferry terminal after two-year delay",
        "The city council approved plans for a new ferry terminal on Tuesday, ending a two-year"
        " delay caused by a dispute over the cost of dredging the harbour mouth.",
        "Councillors voted eleven to four in favour, after the port authority agreed to pay half"
        " of the dredging bill and to carry any overrun itself.",
        "Construction is expected to begin in the spring and to take about eighteen months,"
        " during which the old terminal will stay open to passengers.",
        "\n".join(
            [
                "More from Harbour News",
                "21 photos that show how the harbour has changed since the…",
                "Residents say the new bus timetable leaves whole streets without…",
                "Why the lighthouse keeper's cottage is finally up for…",
                "The fishmonger who has sold on the quay for fifty years and…",
                "Eight walks along the coast that are worth the early…",
            ]
        ),
    ]
)


def test_teasers_cut_short_with_an_ellipsis_are_not_body():
    """A list of other stories' titles, each cut with an ellipsis, is chrome: the
    ellipsis is not a sentence end."""
    paragraphs = tables_for(TEASER_PAGE)["paragraphs"]["text"].to_list()
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("The city council approved")
    assert not any(text.endswith("…") for text in paragraphs)


def test_the_prose_indent_is_the_same_on_every_run():
    """Two indentations as common among long lines: the shallower is the prose's, every
    time (a mode's ties come back in no fixed order)."""
    from bench.extraction_dev import raw_documents
    from presswash.transforms import structure
    from presswash.transforms.line_features import line_features
    from presswash.transforms.pipeline import PipelineConfig, clean_lines, decode_documents

    sentence = "The council met on Tuesday to vote on the plan for the new ferry terminal."
    lines = [indent + text for indent in ("    ", "  ") for text in (sentence, sentence[4:])]
    page = "\n".join(lines)
    config = PipelineConfig()
    decoded = decode_documents(
        raw_documents([("doc", "doc.txt", (page + "\n").encode())]), config.decode_limits
    )
    units, _ = structure.collapse_repeats(clean_lines(decoded, config))
    for _ in range(20):
        features = line_features(units)
        assert features["f_prose_indent"].to_list() == [0.0, 0.0, 1.0, 1.0]


def test_a_sentence_ends_before_its_reference_marks():
    """Footnotes and bracketed sources after a full stop do not hide the sentence's end
    (a paragraph of a long read scored as a caption, and its article lost, when they did)."""
    from presswash.transforms.patterns import SENTENCE_END, TERMINAL_PUNCTUATION

    lines = {
        "The species is peaceful, and holds that nature is sacred. [M1 / MP]": True,
        "The last pairs were lost to pesticides.[2]": True,
        "The last pairs were lost to pesticides.²": True,
        '"Now we hear them from the kitchen."': True,
        "Metroid Prime [1]": False,
        "Farmers count the cost of the dry spring [INSIGHT]": False,
        "Before we begin: [a]": False,
    }
    frame = pl.DataFrame({"text": list(lines)}).with_columns(
        end=pl.col("text").str.contains(SENTENCE_END),
        terminal=pl.col("text").str.contains(TERMINAL_PUNCTUATION),
    )
    assert frame["end"].to_list() == list(lines.values())
    assert frame["terminal"].to_list() == [*list(lines.values())[:-1], True]
