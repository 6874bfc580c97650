"""Document text to clean lines: split, repair mojibake, normalise spaces, mark boilerplate.

Every function takes and returns a Polars frame; documents travel as one row per line
(``document_id``, ``line_no``, ``text``) so each step is one vectorized expression.
"""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy
import polars as pl
from ftfy import chardata
from ftfy.badness import BADNESS_RE, is_bad

from presswash.transforms.patterns import BOILERPLATE_RULES, CODE_LINE, MARKUP_TAG, LineRule
from presswash.transforms.subset import update_rows

# ftfy, minus straightening quotes: curly marks tell an opening quote from an apostrophe,
# and the text should read as published.
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)
_FTFY_CONFIG_NO_HTML = FTFY_CONFIG._replace(unescape_html=False)

# A line can only be changed by ftfy if it holds a character outside printable ASCII
# (plus tab, NBSP, curly quotes, dashes and ellipsis, none of which ftfy alters on their
# own and none of which can start a UTF-8 mojibake sequence) or an HTML entity. Lines
# without one skip ftfy; the output is identical to running ftfy on everything.
NEEDS_FTFY = (
    r"[^\t\x20-\x7e\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026]|"
    + chardata.HTML_ENTITY_RE.pattern
)

# Spaces that are not plain spaces; invisible characters scrapers leave behind.
ODD_SPACES = r"[\t\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
INVISIBLES = r"[\u00ad\u200b-\u200d\u2060\ufeff]"


def split_lines(docs: pl.DataFrame) -> pl.DataFrame:
    """One row per line, numbered from 1 as an editor would show them.

    >>> frame = pl.DataFrame({"document_id": ["d"], "text": ["a\\r\\nb\\rc\\n"]})
    >>> split_lines(frame)["text"].to_list()
    ['a', 'b', 'c', '']
    """
    return (
        docs.select(
            "document_id",
            pl.col("text").str.replace_all("\r\n?", "\n").str.split("\n").alias("text"),
        )
        .explode("text")
        .with_columns(line_no=pl.int_range(1, pl.len() + 1, dtype=pl.Int32).over("document_id"))
        .select("document_id", "line_no", "text")
    )


# Second, exact check for the lines the gate flagged: ftfy changes a line only if one of
# its fixers would. fix_encoding leaves text its own badness check calls clean; the other
# fixers only touch the characters in their tables; normalization only non-NFC text.
# Code points a fixer acts on: its tables, C1 controls, ESC, the line/paragraph separators.
_TRIGGER_CODES = sorted(
    set(chardata.LIGATURES)
    | set(chardata.WIDTH_MAP)
    | set(chardata.CONTROL_CHARS)
    | set(range(0x80, 0xA0))
    | {0x1B, 0x2028, 0x2029}
)
_FTFY_TRIGGERS = re.compile(
    "["
    + "".join(re.escape(chr(code)) for code in _TRIGGER_CODES)
    + "\ud800-\udfff]|"  # surrogates: Python strings only, never in Polars' UTF-8
    + chardata.HTML_ENTITY_RE.pattern
)


def needs_ftfy(line: str) -> bool:
    """True when ftfy could change this line.

    >>> needs_ftfy("café au lait"), needs_ftfy("cafÃ© au lait"), needs_ftfy("ﬁne")
    (False, True, True)
    """
    return bool(
        _FTFY_TRIGGERS.search(line) or is_bad(line) or not unicodedata.is_normalized("NFC", line)
    )


def rust_superset(pattern: str) -> str:
    r"""A Python ``re.VERBOSE`` pattern as a plain Rust-regex (Polars) pattern that matches
    wherever Python's does, and possibly a little more: ``\s`` and ``\w`` are widened to
    cover Python's Unicode classes, which are larger than Rust's in a few corners.

    Whitespace and ``#`` comments outside character classes are dropped as Python does;
    inside a class, whitespace is escaped (Rust's verbose mode would drop it) and so are
    ``[``, ``&`` and ``~``, which Rust reads as nested classes and set operations.

    >>> print(rust_superset("a b  # note\n[ x[]\\s"))
    ab[\x{20}x\[][\s\x{1c}-\x{1f}]
    """
    widened = {"s": r"\s\x{1c}-\x{1f}", "w": r"\w\p{L}\p{N}"}
    out: list[str] = []
    in_class = False
    class_start = False  # a ']' first in a class is a literal
    chars = iter(pattern)
    for char in chars:
        if char == "\\":
            escaped = next(chars)
            if escaped in widened:
                out.append(widened[escaped] if in_class else f"[{widened[escaped]}]")
            elif escaped in "WSbB":
                raise ValueError(f"no superset written for \\{escaped} yet")
            else:
                out.append(char + escaped)
            class_start = False
        elif in_class:
            if char == "]" and not class_start:
                in_class = False
                out.append(char)
            elif char.isspace():
                out.append(f"\\x{{{ord(char):x}}}")
            elif char in "[]&~":
                out.append("\\" + char)
            else:
                out.append(char)
            class_start = class_start and char == "^"
        elif char == "#":
            for skipped in chars:
                if skipped == "\n":
                    break
        elif char in " \t\n\r\v\f":
            continue
        elif char.isspace():
            out.append(f"\\x{{{ord(char):x}}}")
        else:
            in_class = class_start = char == "["
            out.append(char)
    return "".join(out)


# needs_ftfy as Polars expressions, true on every line it is true on (a superset): lines
# it leaves out skip the Python check, which cost 30 us a line on accented text.
_MAY_NEED_FTFY = (
    pl.col("text").str.contains(
        "["
        + "".join(f"\\x{{{code:x}}}" for code in _TRIGGER_CODES)
        + "]|"
        + chardata.HTML_ENTITY_RE.pattern
    )
    | pl.col("text").str.contains(rust_superset(BADNESS_RE.pattern))
    | (pl.col("text").str.normalize("NFC") != pl.col("text"))
)


def _fix_lines(texts: list[str], html_seen: list[bool]) -> list[str]:
    return [
        ftfy.fix_text(text, _FTFY_CONFIG_NO_HTML if seen else FTFY_CONFIG)
        if needs_ftfy(text)
        else text
        for text, seen in zip(texts, html_seen, strict=True)
    ]


def repair_mojibake(lines: pl.DataFrame) -> pl.DataFrame:
    """Run ftfy on the lines that need it (mojibake, HTML entities, odd code points).

    ftfy stops unescaping entities once a line with '<' has been seen in a document;
    ``html_seen`` carries that state so per-line repair matches whole-document repair.

    >>> frame = pl.DataFrame({"document_id": ["d", "d"], "line_no": [1, 2],
    ...                       "text": ["Ukraineâ€™s border", "plain"]})
    >>> repair_mojibake(frame)["text"].to_list()
    ['Ukraine’s border', 'plain']
    """
    flagged = (
        lines.with_row_index("_row")
        .with_columns(
            _html_seen=pl.col("text").str.contains("<", literal=True).cum_sum().over("document_id")
            > 0
        )
        .filter(pl.col("text").str.contains(NEEDS_FTFY))
        .filter(_MAY_NEED_FTFY)
    )
    if flagged.is_empty():
        return lines
    fixed = pl.Series(
        "_fixed", _fix_lines(flagged["text"].to_list(), flagged["_html_seen"].to_list())
    )
    patch = flagged.select("_row").with_columns(fixed)
    repaired = (
        lines.with_row_index("_row")
        .join(patch, on="_row", how="left")
        .with_columns(pl.coalesce("_fixed", "text").alias("text"))
        .drop("_row", "_fixed")
    )
    # ftfy turns U+2028, U+2029 and NEL into line breaks: keep them as separate lines.
    if repaired["text"].str.contains("\n", literal=True).any():
        repaired = repaired.with_columns(pl.col("text").str.split("\n")).explode("text")
    return repaired


def normalize_spaces(lines: pl.DataFrame) -> pl.DataFrame:
    """Odd spaces to plain spaces, invisible characters out, runs collapsed, lines trimmed.

    >>> frame = pl.DataFrame({"text": ["  Vladimir\\u00a0Putin\\u200b  says\\u00ad  "]})
    >>> normalize_spaces(frame)["text"].to_list()
    ['Vladimir Putin says']
    """
    return lines.with_columns(
        pl.col("text")
        .str.replace_all(INVISIBLES, "")
        .str.replace_all(ODD_SPACES, " ")
        .str.replace_all(" {2,}", " ")
        .str.strip_chars(" ")
    )


def _rule_expression(rules: tuple[LineRule, ...]) -> pl.Expr:
    """The name of the first rule whose pattern matches the whole line, else null."""
    expression = pl.lit(None, dtype=pl.String)
    for rule in reversed(rules):
        fits = pl.col("text").str.len_chars() <= rule.max_chars
        matches = fits & pl.col("text").str.contains(f"(?i)^(?:{rule.pattern})$")
        expression = pl.when(matches).then(pl.lit(rule.name)).otherwise(expression)
    return expression


def mark_boilerplate(
    lines: pl.DataFrame, rules: tuple[LineRule, ...] = BOILERPLATE_RULES
) -> pl.DataFrame:
    """Name the boilerplate rule that removes each line (null for kept lines).

    >>> frame = pl.DataFrame({"text": ["Post a Comment", "Putin says", "Advertisement"]})
    >>> mark_boilerplate(frame)["rule"].to_list()
    ['comment_prompt', None, 'advertisement']
    """
    earlier = lines["rule"] if "rule" in lines.columns else None
    frame = lines.with_columns(rule=pl.lit(None, pl.String))
    # Each line is tried only against the rules that allow its length: most rules stop at
    # 200 characters, and most paragraphs are longer.
    length = pl.col("text").str.len_chars()
    lower = 0
    for limit in sorted({rule.max_chars for rule in rules}):
        allowed = tuple(rule for rule in rules if rule.max_chars >= limit)
        frame = update_rows(
            frame,
            length.is_between(max(lower + 1, 1), limit),
            lambda rows, allowed=allowed: rows.select(rule=_rule_expression(allowed)),
            columns=["text"],
        )
        lower = limit
    if earlier is not None:  # an earlier step's decision stands
        frame = frame.with_columns(rule=pl.coalesce(earlier, pl.col("rule")))
    return frame


# A line is stray markup when, without its tags, less than this share of it is text.
_MARKUP_TEXT_SHARE = 0.5
_MARKUP_MIN_WORDS = 3
# Inline tags go without a trace ("<b>Rosie</b>'s"); others leave a space.
_INLINE_TAG = r"(?i)</?(?:a|abbr|b|em|font|i|small|span|strong|sub|sup|u)(?:\s[^<>]*)?>"


def strip_markup(lines: pl.DataFrame) -> pl.DataFrame:
    """Lines that are mostly HTML tags or code (an ad slot's ``<a href><img></a>``, a
    script's ``document.getElementById(``, a template's ``{* #form *}``) get the rule
    ``stray_markup``; tags inside a line of text are taken out of it.

    >>> frame = pl.DataFrame({"text": ["<a href='ad'><img src='x'></a>", "Putin <b>says</b> no",
    ...     "'; } else{ caption = document.getElementById(", "x < y and z > w"]})
    >>> for row in strip_markup(frame).select("text", "rule").rows():
    ...     print(row)
    ("<a href='ad'><img src='x'></a>", 'stray_markup')
    ('Putin says no', None)
    ("'; } else{ caption = document.getElementById(", 'stray_markup')
    ('x < y and z > w', None)
    """
    if "rule" not in lines.columns:
        lines = lines.with_columns(rule=pl.lit(None, pl.String))
    # Markup and code need one of these characters; most lines have none of them.
    suspect = pl.col("text").str.contains(r"[<{}\[=]|document\.|function")
    return update_rows(lines, suspect, _strip_markup_rows, columns=["text", "rule"])


_ENTITY = r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"


def _strip_markup_rows(lines: pl.DataFrame) -> pl.DataFrame:
    tag = f"(?i){MARKUP_TAG}"
    has_tag = pl.col("text").str.contains(tag)
    bare = (
        pl.col("text")
        .str.replace_all(_INLINE_TAG, "")
        .str.replace_all(tag, " ")
        .str.replace_all(" {2,}", " ")
        .str.strip_chars()
    )
    mostly_markup = has_tag & (
        (bare.str.len_chars() < _MARKUP_TEXT_SHARE * pl.col("text").str.len_chars())
        | (bare.str.count_matches(r"\S+") < _MARKUP_MIN_WORDS)
    )
    code = pl.col("text").str.contains(f"(?i){CODE_LINE}")
    stray = (mostly_markup | code) & pl.col("rule").is_null()
    # ftfy decodes entities only in text without tags; once the tags are gone, here.
    unescaped = pl.when(bare.str.contains(_ENTITY)).then(
        bare.map_elements(html.unescape, return_dtype=pl.String)
    )
    return lines.select(
        rule=pl.when(stray).then(pl.lit("stray_markup")).otherwise(pl.col("rule")),
        text=pl.when(has_tag & ~stray).then(pl.coalesce(unescaped, bare)).otherwise(pl.col("text")),
    )
