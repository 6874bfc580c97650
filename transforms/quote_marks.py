"""Find quoted spans in a paragraph without mistaking apostrophes for quote marks.

A mark can open a quote when it starts a word (space or start of text before it,
a non-space after it) and close one when it ends a word. Marks inside a word
(``we're``, ``Ukraine's``) are apostrophes, and so are marks that elide the start of a
word (``the '60s``, ``rock 'n' roll``). A mark after ``s`` followed by a space is
either a closing mark or a plural possessive (``the United States' commitment``): it
closes the quote only when no later, unambiguous closing mark of the same kind does.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from presswash.transforms.patterns import ELISION

DOUBLE, SINGLE = "double", "single"
_FAMILY = {
    '"': DOUBLE,
    "“": DOUBLE,
    "”": DOUBLE,
    "„": DOUBLE,
    "«": DOUBLE,
    "»": DOUBLE,
    "'": SINGLE,
    "‘": SINGLE,
    "’": SINGLE,
}
_OPEN_ONLY = frozenset("“„«‘")
_CLOSE_ONLY = frozenset("”»")
_MARKS = re.compile("[\"“”„«»'‘’]")
_ELISION = re.compile(ELISION, re.IGNORECASE)
_OPEN_BEFORE = frozenset(" \t\n([{—–-/") | frozenset(_FAMILY)
_CLOSE_AFTER = frozenset(" \t\n,.;:!?)]}—–-/…") | frozenset(_FAMILY)


class Mark(NamedTuple):
    pos: int
    family: str
    can_open: bool
    can_close: bool
    possessive_like: bool  # "s'" before a word: closing mark or plural possessive
    width: int = 1  # 2 for a doubled single mark


class Span(NamedTuple):
    open_pos: int  # index of the opening mark
    close_pos: int  # index of the closing mark, or len(text) when unclosed
    family: str
    closed: bool
    open_width: int = 1  # characters of the opening mark (2: a doubled single mark)

    @property
    def inner_start(self) -> int:
        return self.open_pos + self.open_width

    def inner(self, text: str) -> str:
        return text[self.open_pos + self.open_width : self.close_pos]


def has_quote_mark(text: str) -> bool:
    """Whether ``text`` holds any quote mark (a substring test per mark beats a regex).

    >>> has_quote_mark("He said no."), has_quote_mark("We’re here")
    (False, True)
    >>> all(has_quote_mark(mark) for mark in _FAMILY)  # the list below spells out _FAMILY
    True
    """
    return (  # the marks of _FAMILY, spelt out: a loop over them costs more than the tests
        "'" in text
        or "’" in text
        or '"' in text
        or "“" in text
        or "”" in text
        or "‘" in text
        or "„" in text
        or "«" in text
        or "»" in text
    )


# Two single marks typed for one double mark (``‘‘so’’``, ``''so''``): read as that mark.
_DOUBLED = {"‘": "“", "’": "”", "'": '"'}


def _classify(text: str, pos: int, length: int, width: int = 1) -> Mark | None:
    """The mark at ``pos`` (``width`` characters: 2 for a doubled single mark), or None when
    it can neither open nor close a quote (such a mark changes nothing in :func:`find_spans`,
    so it is left out)."""
    char = text[pos] if width == 1 else _DOUBLED[text[pos]]
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + width] if pos + width < length else " "
    if before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word
    opens = (before in _OPEN_BEFORE) and not after.isspace()
    closes = (not before.isspace()) and (after in _CLOSE_AFTER)
    if char in _OPEN_ONLY:
        opens, closes = not after.isspace() or opens, False
    elif char in _CLOSE_ONLY:
        opens, closes = False, True
    elif char == "’":
        opens = False  # a right single mark never opens
    if opens and closes:
        # Glued to quote marks on both sides ("'word'" nested): decide by neighbours.
        opens = before in _FAMILY
        closes = not opens
    if not (opens or closes):
        return None
    family = _FAMILY[char]
    if width == 2:
        return Mark(pos, family, opens, closes, False, width)
    possessive = (
        closes
        and family == SINGLE
        and before in "sS"
        and after == " "
        and pos + 2 < length
        and text[pos + 2].isalpha()
    )
    return Mark(pos, family, opens, closes, possessive)


def _later_clean_close(marks: list[Mark], start: int, family: str) -> bool:
    """True when a later, unambiguous closing mark of ``family`` comes before any opener."""
    for mark in marks[start + 1 :]:
        if mark.family != family:
            continue
        if mark.can_close and not mark.possessive_like:
            return True
        if mark.can_open and not mark.can_close:
            return False
    return False


def _elision_end(text: str, pos: int) -> int:
    """When the mark at ``pos`` stands for left-out letters, not for quotation: the position
    of the last mark of the elision (``pos``, or the second mark of "'n'"); else -1.

    >>> text = "hits of the '70s and rock 'n' roll, 'no'"
    >>> [_elision_end(text, pos) for pos in (12, 26, 28, 36)]
    [12, 28, -1, -1]
    """
    elision = _ELISION.match(text, pos)
    if elision is None:
        return -1
    return elision.end() - 1 if elision["pair"] else pos


def find_spans(text: str) -> list[Span]:
    """Top-level quoted spans of one paragraph, in order.

    >>> text = "The White House said Biden 'reaffirmed the United States' commitment.'"
    >>> [s.inner(text) for s in find_spans(text)]
    ["reaffirmed the United States' commitment."]
    >>> text = "used 'threats' to Russians as pretext - we're told it's Ukraine's"
    >>> [s.inner(text) for s in find_spans(text)]
    ['threats']
    >>> text = '"He told me \\'no way\\'," she said.'
    >>> [s.inner(text) for s in find_spans(text)]
    ["He told me 'no way',"]
    >>> text = "The rocker, a star of the '70s, said: 'Rock 'n' roll gave me everything.'"
    >>> [s.inner(text) for s in find_spans(text)]
    ["Rock 'n' roll gave me everything."]
    >>> text = "“It was an attempt,’’ Moy said. ‘‘We will appeal,'' she said, 'no'."
    >>> [s.inner(text) for s in find_spans(text)]
    ['It was an attempt,', 'We will appeal,', 'no']
    """
    length = len(text)
    marks: list[Mark] = []
    pair_end = -1  # the second mark of an elided "'n'", skipped with the first
    for match in _MARKS.finditer(text):
        pos = match.start()
        if pos <= pair_end:
            continue
        if pos + 1 < length and text[pos + 1] == text[pos] and text[pos] in _DOUBLED:
            pair_end = pos + 1
            mark = _classify(text, pos, length, width=2)
            if mark is not None:
                marks.append(mark)
            continue
        if 0 < pos < length - 1 and text[pos - 1].isalnum() and text[pos + 1].isalnum():
            continue  # an apostrophe inside a word ("we're"): no quote mark, no elision
        if text[pos] in "'’":
            # An elision can only start at a mark (it starts with one), so testing each
            # apostrophe is the same as scanning the paragraph for elisions, and cheaper.
            elided_to = _elision_end(text, pos)
            if elided_to >= 0:
                pair_end = elided_to
                continue
        mark = _classify(text, pos, length)
        if mark is not None:
            marks.append(mark)
    stack: list[Mark] = []
    spans: list[Span] = []
    for index, mark in enumerate(marks):
        if mark.can_close and stack and stack[-1].family == mark.family:
            if mark.possessive_like and _later_clean_close(marks, index, mark.family):
                continue
            opener = stack.pop()
            if not stack:
                spans.append(Span(opener.pos, mark.pos, mark.family, True, opener.width))
        elif mark.can_open and not (stack and mark.can_close and stack[-1].family == mark.family):
            stack.append(mark)
    if stack:
        # An unclosed quote runs to the end of the paragraph when it starts a sentence
        # (newswriting leaves a multi-paragraph quote open); otherwise it was an apostrophe.
        opener = stack[0]
        head = text[: opener.pos].rstrip()
        if not head or head[-1] in ".!?:,;" or opener.family == DOUBLE:
            spans.append(Span(opener.pos, len(text), opener.family, False, opener.width))
    return spans


def opens_with_quote(text: str) -> str | None:
    """The family of the quote mark a paragraph starts with, if it starts with one.

    >>> opens_with_quote("'We will continue.'")
    'single'
    >>> opens_with_quote("He said") is None, opens_with_quote("‘‘We will.’’")
    (True, 'double')
    """
    stripped = text.lstrip()
    if stripped[:1] in _DOUBLED and stripped[1:2] == stripped[:1]:
        return DOUBLE
    if stripped and stripped[0] in _FAMILY and stripped[0] not in _CLOSE_ONLY:
        return _FAMILY[stripped[0]]
    return None
