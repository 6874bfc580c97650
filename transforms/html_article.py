"""A saved web page (HTML) to its article: body blocks, headline, date, author, pictures.

trafilatura finds the article in the markup (main text, comments left out) and reads the
page's metadata (title, date through htmldate, author, site name, canonical URL); it is
the reference for this job, so presswash does not keep an extractor of its own. What it
leaves out is read from the same page here: the pictures inside the article, with their
``<figcaption>``. (The page's charset is ``decode``'s business.)

Pure: a page's text in, an :class:`HtmlArticle` (or the reason there is none) out.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import lxml.etree
import trafilatura
from trafilatura.settings import use_config

from presswash.transforms.html_title import corroborated_title, on_topic_title

# trafilatura's timeout uses SIGALRM, which only the main thread may set; a batch can run
# in a worker thread.
_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")

_SPACES = re.compile(r"\s+")
# Less text than this (in characters, which count alike in scripts without spaces) is a
# login wall, an error page or an index's blurb, not an article.
MIN_ARTICLE_CHARS = 100
LEAD_BLOCKS = 5  # the article's first blocks, whose words a headline shares
_ANCHOR_CHARS = 24  # the first characters of a block, to find it in the page
_FILE_NAME = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|avif)\b", re.I)


class Picture(NamedTuple):
    alt_text: str | None
    caption: str | None


class HtmlArticle(NamedTuple):
    text: str  # the article's blocks, one per line, a blank line between
    title: str | None
    published: str | None  # YYYY-MM-DD
    author: str | None
    url: str | None  # canonical or og:url
    pictures: list[Picture]


def _text_of(element: lxml.etree._Element) -> str:
    return _SPACES.sub(" ", "".join(element.itertext())).strip()


class _PageImage(NamedTuple):
    order: int  # place in the page's element order
    element: lxml.etree._Element
    alt_text: str | None
    caption: str | None  # its <figure>'s <figcaption>


def _descriptive(alt: str) -> bool:
    """Alt text that describes a picture: words, not a file name or a one-word label
    ("Logo", "WIRED", "fbb180x1002x.jpg").

    >>> [_descriptive(alt) for alt in ("Waves break over the pier", "IMG_2231.JPG", "Logo")]
    [True, False, False]
    """
    return len(alt.split()) >= 2 and not _FILE_NAME.search(alt)


def _page_outline(
    tree: lxml.etree._Element,
) -> tuple[list[tuple[int, str, lxml.etree._Element]], list[_PageImage]]:
    """The page in element order: the text each element holds, and each picture worth a
    row (a figure's caption, or descriptive alt text; not an image inside a link, which is
    a teaser, a logo or a button). Read before trafilatura, which prunes the tree."""
    texts: list[tuple[int, str, lxml.etree._Element]] = []
    images: list[_PageImage] = []
    caption_of: dict[lxml.etree._Element, str] = {}
    for figure in tree.iter("figure"):
        caption = next(figure.iter("figcaption"), None)
        text = _text_of(caption) if caption is not None else ""
        for image in figure.iter("img"):
            if text:
                caption_of[image] = text
    for order, element in enumerate(tree.iter()):
        if element.tag == "img":
            alt = _SPACES.sub(" ", element.get("alt") or "").strip() or None
            caption = caption_of.get(element)
            linked = next(element.iterancestors("a"), None) is not None
            if caption or (alt and _descriptive(alt) and not linked):
                images.append(_PageImage(order, element, alt, caption))
        elif isinstance(element.tag, str):
            for text in (element.text, element.tail):
                text = _SPACES.sub(" ", text or "").strip()
                if len(text) >= _ANCHOR_CHARS:
                    texts.append((order, text, element))
    return texts, images


def _place_of(
    texts: list[tuple[int, str, lxml.etree._Element]], block: str, last: bool
) -> tuple[int, lxml.etree._Element] | None:
    """Where a block of the article starts in the page (its first characters): the first
    or the last place found."""
    anchor = block[:_ANCHOR_CHARS]
    found = (
        (order, element)
        for order, text, element in (reversed(texts) if last else texts)
        if anchor in text
    )
    return next(found, None)


def _pictures(
    texts: list[tuple[int, str, lxml.etree._Element]],
    images: list[_PageImage],
    blocks: list[str],
    title: str | None,
) -> list[Picture]:
    """The pictures inside the article: in the element that holds its first and last
    blocks, from its headline (or first block) to its last block. trafilatura's own image
    output is not used: asking for it changes what it takes as the article."""
    start = (_place_of(texts, title, last=False) if title else None) or _place_of(
        texts, blocks[0], last=False
    )
    end = _place_of(texts, blocks[-1], last=True)
    if start is None or end is None:
        return []
    first_block = _place_of(texts, blocks[0], last=False) or start
    container = set(first_block[1].iterancestors()) & set(end[1].iterancestors())
    pictures = [
        Picture(image.alt_text, image.caption)
        for image in images
        if start[0] <= image.order <= end[0] and container & set(image.element.iterancestors())
    ]
    # A caption that only repeats the alt text is the alt text.
    return [p._replace(caption=None) if p.caption == p.alt_text else p for p in pictures]


def _blocks(body: lxml.etree._Element) -> list[str]:
    """The article's text blocks in order: paragraphs, headings, list items, table rows,
    and text trafilatura left between them (an element's tail)."""

    def loose(text: str | None) -> list[str]:
        text = _SPACES.sub(" ", text or "").strip()
        return [text] if text else []

    blocks = loose(body.text)
    for element in body:
        if element.tag == "list":
            blocks.extend(filter(None, (_text_of(item) for item in element.iter("item"))))
        elif element.tag == "table":
            for row in element.iter("row"):
                cells = [_text_of(cell) for cell in row.iter("cell")]
                line = "  ".join(cell for cell in cells if cell)
                if line:
                    blocks.append(line)
        elif element.tag != "graphic":
            blocks.extend(loose(_text_of(element)))
        blocks.extend(loose(element.tail))
    return blocks


_SEPARATOR = r"\s*(?:\||-|–|—|·|::|»|/)\s*"
_SEPARATOR_AT_END = re.compile(_SEPARATOR + "$")
_SEPARATOR_AT_START = re.compile("^" + _SEPARATOR)


def without_site_name(title: str | None, site: str | None) -> str | None:
    """A page title without the site's name after (or before) a separator, when the page
    names its site (``og:site_name``) and the title carries it.

    >>> without_site_name("Spiced Honey Pear Jam Recipe | The Anti-June Cleaver",
    ...                   "The Anti-June Cleaver")
    'Spiced Honey Pear Jam Recipe'
    >>> without_site_name("Medium - Samantha and The Great Big Lie", "Medium")
    'Samantha and The Great Big Lie'
    >>> without_site_name("The Guardian view on energy", "The Guardian")
    'The Guardian view on energy'
    """
    if not title or not site or title.strip() == site.strip():
        return title or None
    title, site = title.strip(), site.strip()
    if title.endswith(site) and _SEPARATOR_AT_END.search(title[: -len(site)]):
        return _SEPARATOR_AT_END.sub("", title[: -len(site)]) or title
    if title.startswith(site) and _SEPARATOR_AT_START.search(title[len(site) :]):
        return _SEPARATOR_AT_START.sub("", title[len(site) :]) or title
    return title


def extract_article(html: str, url: str | None = None) -> HtmlArticle | str:
    """The article in a page, or the reason there is none.

    >>> paragraphs = "".join(f"<p>The storm cut power to {n} homes along the coast.</p>"
    ...     for n in (100, 200, 300))
    >>> page = ('<html><head><title>Storm hits coast | Planet</title></head><body>'
    ...     '<nav><a href="/">Home</a></nav><article><h1>Storm hits coast</h1>' + paragraphs
    ...     + '<figure><img src="a.jpg" alt="Waves"><figcaption>Waves on Tuesday</figcaption>'
    ...     '</figure>' + paragraphs.replace("storm", "wind") + '</article></body></html>')
    >>> article = extract_article(page)
    >>> article.title, article.pictures
    ('Storm hits coast', [Picture(alt_text='Waves', caption='Waves on Tuesday')])
    >>> extract_article("<html><body><form>Sign in</form></body></html>")
    'no article in the HTML page'
    """
    # Whatever a malformed page makes lxml or trafilatura raise is a reason for that page,
    # not the end of its batch.
    try:
        # trafilatura's own parser: lxml's default one loses text after some inline elements.
        tree = trafilatura.load_html(html)
        if tree is None:
            return "HTML that could not be parsed"
        texts, images = _page_outline(tree)
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            config=_CONFIG,
        )
    except Exception as error:  # see above
        return f"HTML that could not be read ({type(error).__name__}: {error})"
    if document is None or document.body is None:
        return "no article in the HTML page"
    blocks = _blocks(document.body)
    if sum(len(block) for block in blocks) < MIN_ARTICLE_CHARS:
        return "no article in the HTML page"
    return HtmlArticle(
        text="\n\n".join(blocks),
        title=on_topic_title(
            tree,
            corroborated_title(tree, without_site_name(document.title, document.sitename)),
            " ".join(blocks[:LEAD_BLOCKS]),
        ),
        published=document.date or None,
        author=document.author or None,
        url=document.url or None,
        pictures=_pictures(texts, images, blocks, document.title),
    )
