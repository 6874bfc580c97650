"""A page's headline checked against the other titles its markup states.

A page names its article several times: ``<h1>``, ``og:title``, JSON-LD ``headline``,
``<title>``. trafilatura picks one of them, and is nearly always right; when none of the
others supports its pick and two of them agree on another title, it took a section heading
or a promotion ("Take your next trip with ...") and the agreed title is the headline.

Pure: a parsed page in, a title out.
"""

from __future__ import annotations

import json
import re
import unicodedata

import lxml.etree

from presswash.transforms.headline import cut_site_name

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({**dict.fromkeys("‘’‚‛`´", "'"), **dict.fromkeys("“”„‟«»", '"')})
_DASHES = re.compile(r"[‐-―−]")
_END_PUNCTUATION = " .,:;!?-|•·…'\""
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")  # XHTML-safe script wrappers
SAME_TITLE_SHARE = 0.8  # a title inside another of at most 1/0.8 its length is the same


def title_key(title: str) -> str:
    """A title for comparison: NFKC, case folded, quotes and dashes unified, spaces
    collapsed, punctuation trimmed at the ends.

    >>> print(title_key("  Putin’s “red   line” — LIVE! "))
    putin's "red line" - live
    """
    text = unicodedata.normalize("NFKC", title).casefold().translate(_QUOTES)
    return _SPACES.sub(" ", _DASHES.sub("-", text)).strip(_END_PUNCTUATION)


def same_title(a: str | None, b: str | None) -> bool:
    """Equal titles, or one inside the other and nearly as long.

    >>> same_title("Storm hits coast", "Storm hits coast!"), same_title("Storm", "Storm hits")
    (True, False)
    """
    if not a or not b:
        return False
    a, b = sorted((title_key(a), title_key(b)), key=len)
    return bool(a) and a in b and len(a) >= SAME_TITLE_SHARE * len(b)


def _text(element: lxml.etree._Element) -> str:
    return _SPACES.sub(" ", "".join(element.itertext())).strip()


def _json_ld_headlines(tree: lxml.etree._Element) -> list[str]:
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            headline = value.get("headline")
            if isinstance(headline, str) and headline.strip():
                found.append(headline.strip())
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            walk(json.loads(_CDATA.sub("", script.text or "")))
        except ValueError:  # a page's broken JSON-LD is no evidence
            continue
    return found


def stated_titles(tree: lxml.etree._Element) -> dict[str, list[str]]:
    """The titles the markup states, by where it states them.

    >>> import lxml.html
    >>> page = lxml.html.fromstring(
    ...     "<html><head><title>Storm cuts power along the coast | Planet</title>"
    ...     "<script type='application/ld+json'>//<![CDATA[ "
    ...     '{"@graph": [{"headline": "Storm hits coast"}]} //]]></script></head>'
    ...     "<body><svg><title></title></svg><h1>Storm hits coast</h1></body></html>")
    >>> for source, titles in stated_titles(page).items():
    ...     print(source, titles)
    h1 ['Storm hits coast']
    og:title []
    json-ld ['Storm hits coast']
    title ['Storm cuts power along the coast']
    """
    # the page's <title>, not an <svg>'s (icons carry their own, often empty)
    title = [text for text in map(_text, tree.xpath("//head/title")) if text]
    return {
        "h1": [text for text in map(_text, tree.xpath("//h1")) if text],
        "og:title": [
            value.strip() for value in tree.xpath("//meta[@property='og:title']/@content")
        ],
        "json-ld": _json_ld_headlines(tree)[:1],
        "title": [cut_site_name(title[0])] if title else [],
    }


_WORD = re.compile(r"\w{4,}")
OFF_TOPIC_SHARE = 0.34  # a title with fewer of its words in the lead is not about the story
ON_TOPIC_SHARE = 0.7  # ... and one with this many is


def lead_share(title: str, lead: str) -> float:
    """The share of a title's words (four letters or more) found in the article's lead,
    lower-cased. A headline shares the story's vocabulary; a section name does not.

    >>> lead_share("Allergies Health Center", "babies who eat peanuts early avoid allergies")
    0.3333333333333333
    """
    words = _WORD.findall(title.lower())
    return sum(word in lead for word in words) / len(words) if words else 0.0


def on_topic_title(tree: lxml.etree._Element, title: str | None, lead: str) -> str | None:
    """``title``, unless few of its words are in the article's ``lead`` and another title the
    page states has most of them: then that one. Such a page's ``<h1>`` is a section name
    ("Allergies Health Center") and its ``<title>`` the headline.

    >>> page = lxml.etree.fromstring(
    ...     "<html><head><title>Babies who eat peanuts early may avoid allergy</title></head>"
    ...     "<body><h1>Allergies Health Center</h1></body></html>")
    >>> lead = "Babies who eat peanuts early avoid allergy."
    >>> on_topic_title(page, "Allergies Health Center", lead)
    'Babies who eat peanuts early may avoid allergy'
    """
    lead = lead.lower()
    if not title or lead_share(title, lead) >= OFF_TOPIC_SHARE:
        return title
    others = [
        value
        for values in stated_titles(tree).values()
        for value in values
        if not same_title(value, title) and len(value.split()) >= 3
    ]
    scored = [(lead_share(value, lead), value) for value in others]
    share, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return best if share >= ON_TOPIC_SHARE else title


def corroborated_title(tree: lxml.etree._Element, title: str | None) -> str | None:
    """``title``, unless no other title of the page supports it and two others agree on
    another one: then that one.

    >>> page = lxml.etree.fromstring(
    ...     "<html><head><title>Tarot's deck | Atlas</title>"
    ...     "<meta property='og:title' content='Tarot’s deck'/></head>"
    ...     "<body><h1>Tarot's deck</h1><h2>Take your next trip with us!</h2></body></html>")
    >>> corroborated_title(page, "Take your next trip with us!")
    "Tarot's deck"
    >>> corroborated_title(page, "Tarot’s Deck")
    'Tarot’s Deck'
    """
    stated = stated_titles(tree)
    if title and any(same_title(title, other) for values in stated.values() for other in values):
        return title
    for source, values in stated.items():
        for value in values:
            agreeing = {
                other_source
                for other_source, others in stated.items()
                if other_source != source and any(same_title(value, o) for o in others)
            }
            if agreeing:
                return value
    return title
