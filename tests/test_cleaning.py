"""One test per cleaning rule: text repair, whitespace, line ends, boilerplate."""

from __future__ import annotations

import json

import ftfy
import polars as pl
import pytest

from presswash.transforms.lines import (
    FTFY_CONFIG,
    mark_boilerplate,
    normalize_spaces,
    repair_mojibake,
    split_lines,
)
from presswash.transforms.patterns import BOILERPLATE_RULES
from tests.conftest import DATA
from tests.helpers import pipeline_tables

CASES = json.loads((DATA / "cleaning_cases.json").read_text(encoding="utf-8"))["cases"]


def clean(text: str) -> list[str]:
    frame = pl.DataFrame({"document_id": ["d"], "text": [text]})
    return normalize_spaces(repair_mojibake(split_lines(frame)))["text"].to_list()


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_cleaning_case(case):
    assert clean(case["original"]) == [case["fixed"]]


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n"])
def test_line_endings(ending):
    assert clean(ending.join(["Friday 10 December 2021", "", "Headline here"])) == [
        "Friday 10 December 2021",
        "",
        "Headline here",
    ]


def test_unicode_line_separators_split_lines():
    assert clean("first part\u2028second part") == ["first part", "second part"]


@pytest.mark.parametrize("rule", BOILERPLATE_RULES, ids=[r.name for r in BOILERPLATE_RULES])
def test_boilerplate_rule_removes_its_example(rule):
    frame = pl.DataFrame({"text": [rule.example, rule.example.upper()]})
    assert mark_boilerplate(frame)["rule"].to_list() == [rule.name, rule.name]


@pytest.mark.parametrize(
    "line",
    [
        "Comments from the minister were later withdrawn.",
        "Russia says it will search for a diplomatic solution.",
        "Share prices fell 3 per cent on Friday.",
        "The advertisement ran in three newspapers.",
        "Read more about the sanctions in our explainer, which was published on Friday.",
        "Home Secretary Priti Patel said the border would stay open.",
        "He signed up for the army in 2014.",
        "We use cookies,' the baker joked.",
        "Copyright lawyers said the ruling would be appealed within weeks.",
        "Register for the vote by Friday.",
        "We use cookies to track down smugglers, the agency said.",
    ],
)
def test_boilerplate_rules_keep_sentences(line):
    assert mark_boilerplate(pl.DataFrame({"text": [line]}))["rule"].to_list() == [None]


@pytest.mark.parametrize(
    "line,rule",
    [
        ("Leave a comment", "comment_prompt"),
        ("12 Comments", "comment_prompt"),
        ("Type your search here...", "search_box"),
        ("Share on Facebook", "share_button"),
        ("Twitter", "share_button"),
        ("Follow @dailynews on Instagram", "follow_prompt"),
        ("Subscribe to our daily newsletter!", "newsletter_signup"),
        ("This website uses cookies to give you the best experience.", "cookie_notice"),
        ("Story continues below advertisement", "advertisement"),
        ("Related Articles", "read_more"),
        ("Copyright 2021 Associated Newspapers Ltd", "copyright_footer"),
        ("All rights reserved.", "copyright_footer"),
        (
            "BBC © 2024 The BBC is not responsible for the content of external sites.",
            "copyright_footer",
        ),
        ("Copyright Associated Newspapers Ltd", "copyright_footer"),
        ("Register for our free daily briefing", "newsletter_signup"),
        ("We use cookies to give you the best browsing experience.", "cookie_notice"),
        ("Back to top", "site_navigation"),
    ],
)
def test_boilerplate_family_variants(line, rule):
    assert mark_boilerplate(pl.DataFrame({"text": [line]}))["rule"].to_list() == [rule]


def test_long_lines_are_never_boilerplate():
    line = "Share " + "very " * 60 + "long"
    assert mark_boilerplate(pl.DataFrame({"text": [line]}))["rule"].to_list() == [None]


def test_gated_repair_equals_ftfy_on_everything():
    """Lines that skip ftfy must be exactly what ftfy would have returned: checked on a
    corpus mixing clean text, mojibake, entities after '<', and every character class
    the gate lets through."""
    import random

    from bench.corpus import make_article

    rng = random.Random(11)
    documents = [make_article(random.Random(n), mojibake=n % 3 == 0) for n in range(60)]
    alphabet = list("abc XYZ 09,.'\"-\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026\t&;#<>")
    # Characters that need ftfy, or look as if they might: accents, mojibake pieces,
    # other scripts, combining marks, ligatures, fullwidth forms, C1 and other controls.
    alphabet += list("éüñ£€©°ÃÂâ€™œ\x9d\x85ÐÑ\u0301\ufb01\uff21\u3000\x1b\u2028\ufffd")
    alphabet += ["Ã©", "â€™", "Ã\xa0", "&amp;", "&eacute;", "&#8217;", "РїСЂ", "√©", "Ôªø", "Ð¿"]
    documents += ["".join(rng.choice(alphabet) for _ in range(400)) for _ in range(300)]
    documents += ["a <b> tag\nthen &amp; later\n&eacute; too", "&amp; first\nthen <i>\n&amp; again"]
    frame = pl.DataFrame(
        {"document_id": [str(i) for i in range(len(documents))], "text": documents}
    )
    gated = repair_mojibake(split_lines(frame))
    expected = [
        ftfy.fix_text(text.replace("\r\n", "\n").replace("\r", "\n"), FTFY_CONFIG)
        for text in documents
    ]
    joined = gated.group_by("document_id", maintain_order=True).agg(pl.col("text").str.join("\n"))
    assert joined["text"].to_list() == expected


def test_vectorized_ftfy_check_flags_every_line_ftfy_could_change():
    """The Polars pre-check may flag more lines than ``needs_ftfy`` but never fewer: short
    random strings over every character ftfy's badness pattern names, plus the corners
    where Python's and Rust's \\s and \\w differ, hit each of its branches many times."""
    import random

    from ftfy.badness import BADNESS_RE

    from presswash.transforms.lines import _MAY_NEED_FTFY, needs_ftfy

    pieces = sorted(set(BADNESS_RE.pattern) - set("[]|()?*+\\#\n"))
    pieces += list("\x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000\u0301\u00b2_aZ.,!? ")
    rng = random.Random(5)
    lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(2, 6))) for _ in range(40_000)]
    lines += ["\x1c\u00c0\u20ac", "a\x1f\u00c3 ", "\u00c3\u00a1\u00b2"]  # Python-only \s, \w
    frame = pl.DataFrame({"text": lines})
    flagged = frame.select(_MAY_NEED_FTFY)["text"].to_list()
    needed = [needs_ftfy(line) for line in lines]
    pairs = zip(lines, needed, flagged, strict=True)
    missed = [line for line, need, flag in pairs if need and not flag]
    assert missed == []
    assert sum(needed) > 5_000  # the strings do exercise the pattern


def test_inline_tags_and_entities_in_plain_text_are_cleaned_before_quotes():
    text = (
        "Storm cuts power to thousands on the coast\n\n"
        "A powerful storm swept along the coast on Tuesday night, cutting power to"
        " more than 12,000 homes.\n\n"
        "<p>&quot;It was terrifying,&quot; said Rosie Baker, who runs <b>Rosie&#39;s</b>"
        " bakery on the seafront.</p>\n"
    )
    tables = pipeline_tables({"storm.txt": text.encode()})
    assert tables["paragraphs"]["text"].to_list()[-1] == (
        '"It was terrifying," said Rosie Baker, who runs Rosie\'s bakery on the seafront.'
    )
    assert tables["quotes"].select("quote_text", "speaker").rows() == [
        ("It was terrifying,", "Rosie Baker")
    ]
