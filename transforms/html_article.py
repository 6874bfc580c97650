"""A saved web page (HTML) to its article: body blocks, headline, date, author, pictures.

trafilatura finds the article in the markup (main text, comments left out) and reads the
page's metadata (title, date through htmldate, author, site name, canonical URL); it is
the reference for this job, so presswash does not keep an extractor of its own. Two things
it leaves out are taken from the same page here: each picture's ``<figcaption>`` (for the
pictures trafilatura kept, that is, those inside the article) and the charset, which is
read as browsers do before anything else.

Pure: a page's bytes in, an :class:`HtmlArticle` (or the reason there is none) out.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import use_config

# trafilatura's timeout uses SIGALRM, which only the main thread may set; a batch can run
# in a worker thread.
_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")

# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">,
# looked for where browsers look: the first 1,024 bytes (a little more, for long heads).
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_CHARSET_WINDOW = 4096
_SPACES = re.compile(r"\s+")
# Less text than this (in characters, which count alike in scripts without spaces) is a
# login wall, an error page or an index's blurb, not an article.
MIN_ARTICLE_CHARS = 100


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


def declared_charset(raw: bytes) -> str | None:
    """The codec a page declares in its head, if Python knows it.

    >>> declared_charset(b'<html><head><meta charset="ISO-8859-1">')
    'iso8859-1'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">')
    'utf-8'
    >>> declared_charset(b'<meta charset="no-such-charset">') is None
    True
    """
    found = _DECLARED_CHARSET.search(raw[:_CHARSET_WINDOW])
    if not found:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _text_of(element: lxml.etree._Element) -> str:
    return _SPACES.sub(" ", "".join(element.itertext())).strip()


def _figure_captions(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """Picture source -> the caption of the ``<figure>`` it sits in."""
    captions: dict[str, str] = {}
    for figure in tree.iter("figure"):
        caption = next(figure.iter("figcaption"), None)
        text = _text_of(caption) if caption is not None else ""
        if not text:
            continue
        for image in figure.iter("img", "source"):
            for attribute in ("src", "data-src", "srcset"):
                source = (image.get(attribute) or "").split()
                if source:
                    captions.setdefault(source[0], text)
    return captions


def _blocks(body: lxml.etree._Element) -> list[str]:
    """The article's text blocks in order: paragraphs, headings, list items, table rows."""
    blocks: list[str] = []
    for element in body:
        if element.tag == "graphic":
            continue
        if element.tag == "list":
            blocks.extend(filter(None, (_text_of(item) for item in element.iter("item"))))
        elif element.tag == "table":
            for row in element.iter("row"):
                cells = [_text_of(cell) for cell in row.iter("cell")]
                line = "  ".join(cell for cell in cells if cell)
                if line:
                    blocks.append(line)
        else:
            text = _text_of(element)
            if text:
                blocks.append(text)
    return blocks


def _pictures(body: lxml.etree._Element, captions: dict[str, str]) -> list[Picture]:
    """The article's pictures with alt text or a caption (a bare image says nothing)."""
    pictures: list[Picture] = []
    for graphic in body.iter("graphic"):
        source = (graphic.get("src") or "").split()
        caption = captions.get(source[0]) if source else None
        alt = _SPACES.sub(" ", graphic.get("alt") or graphic.get("title") or "").strip()
        if alt or caption:
            pictures.append(Picture(alt or None, caption))
    return pictures


def extract_article(html: str, url: str | None = None) -> HtmlArticle | str:
    """The article in a page, or the reason there is none.

    >>> sentence = "<p>The storm cut power to thousands of homes along the coast on Tuesday.</p>"
    >>> page = ('<html><head><title>Storm hits coast | Planet</title></head><body>'
    ...     '<nav><a href="/">Home</a></nav><article><h1>Storm hits coast</h1>' + sentence * 3
    ...     + '<figure><img src="a.jpg" alt="Waves"><figcaption>Waves on Tuesday</figcaption>'
    ...     '</figure>' + sentence * 3 + '</article></body></html>')
    >>> article = extract_article(page)
    >>> article.title, article.pictures
    ('Storm hits coast', [Picture(alt_text='Waves', caption='Waves on Tuesday')])
    >>> extract_article("<html><body><form>Sign in</form></body></html>")
    'no article in the HTML page'
    """
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as error:
        return f"HTML that could not be parsed ({error})"
    captions = _figure_captions(tree)
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_images=True,
            include_tables=True,
            with_metadata=True,
            config=_CONFIG,
        )
    except (lxml.etree.LxmlError, ValueError, TypeError) as error:
        return f"HTML that could not be read ({type(error).__name__}: {error})"
    if document is None or document.body is None:
        return "no article in the HTML page"
    blocks = _blocks(document.body)
    if sum(len(block) for block in blocks) < MIN_ARTICLE_CHARS:
        return "no article in the HTML page"
    return HtmlArticle(
        text="\n\n".join(blocks),
        title=document.title or None,
        published=document.date or None,
        author=document.author or None,
        url=document.url or None,
        pictures=_pictures(document.body, captions),
    )
