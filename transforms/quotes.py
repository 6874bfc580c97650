"""Direct quotations with their speakers, for a whole article at a time.

The article is read as one stream (headline, then body paragraphs, in order) so that a
pronoun can point back to the person named in an earlier paragraph and a quote can run
over several paragraphs; each caption is read on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import polars as pl
from presswash.transforms.patterns import PARTICIPLE_CUES
from presswash.transforms.quote_marks import Span, find_spans, opens_with_quote
from presswash.transforms.schemas import QUOTES
from presswash.transforms.speakers import (
    CUE,
    CUE_SUBJECT_PATTERN,
    MULTI_NAME_PATTERN,
    TITLED_NAME_PATTERN,
    NameEvidence,
    NameIndex,
    Speaker,
    find_name_evidence,
    for_polars,
    noun_phrase_after,
    preceded_by_preposition,
    subject_before,
)

_QUOTE_CHARS = re.compile("[\"“”„«»'‘’]")
_SENTENCE_END = re.compile(r"[.!?…][\"'’”)]*\s+(?=[A-Z\"'‘“(])")
_RIGHT_CUE_FIRST = re.compile(r"^[\s,]*(?P<rest>.*)$", re.DOTALL)
SCARE_MAX_WORDS = 4
FULL_MIN_WORDS_AFTER_CUE = 4


class Paragraph(NamedTuple):
    source: str  # headline, body or caption
    position: int  # 0 for the headline, paragraph or image position otherwise
    text: str


@dataclass
class Quote:
    source: str
    paragraph_position: int
    end_paragraph_position: int
    start_char: int
    end_char: int
    text: str
    speaker: str | None = None
    speaker_canonical: str | None = None
    cue: str | None = None
    kind: str = "partial"
    opens_sentence: bool = False


def _mask(text: str, spans: list[Span]) -> str:
    """Quoted text blanked out (same length), keeping a final stop so sentences still end."""
    if not spans:
        return text
    pieces = []
    position = 0
    for span in spans:
        end = min(span.close_pos, len(text) - 1)
        inner = span.inner(text).rstrip()
        stop = "." if inner and inner[-1] in ".!?" and span.closed else "_"
        pieces += [text[position : span.open_pos], "_" * (end - span.open_pos), stop]
        position = end + 1
    pieces.append(text[position:])
    return "".join(pieces)


def _sentence_bounds(masked: str, start: int, end: int) -> tuple[int, int]:
    left, right = 0, len(masked)
    for match in _SENTENCE_END.finditer(masked):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.end()
            break
    return left, right


def _speaker_after(masked: str, offset: int) -> Speaker | None:
    """``'...,' the official said`` / ``'...,' said Jane Doe`` right after the quote."""
    text = masked[offset:]
    lead = len(text) - len(text.lstrip(" ,"))
    body = text[lead:]
    cue = CUE.match(body)
    if cue:  # inverted: said X
        speaker = noun_phrase_after(body[cue.end() :], offset + lead + cue.end())
        return speaker._replace(cue=cue["cue"]) if speaker else None
    for cue in CUE.finditer(body):
        if "," in body[: cue.start()] or len(body[: cue.start()].split()) > 7:
            break
        speaker = subject_before(body[: cue.start()], offset + lead)
        if speaker and speaker.start == offset + lead:
            return speaker._replace(cue=cue["cue"])
        break
    return None


def _speaker_later_in_sentence(masked: str, offset: int) -> Speaker | None:
    """``'...' concessions being discussed, the official said`` (a cue after a comma)."""
    text = masked[offset:]
    for cue in CUE.finditer(text):
        head = text[: cue.start()]
        if cue["cue"].lower() == "according to":
            speaker = noun_phrase_after(text[cue.end() :], offset + cue.end())
            return speaker._replace(cue=cue["cue"]) if speaker else None
        if "," not in head:
            continue
        clause = head[head.rfind(",") + 1 :]
        speaker = subject_before(clause, offset + head.rfind(",") + 1)
        if speaker:
            return speaker._replace(cue=cue["cue"])
        after = noun_phrase_after(text[cue.end() :], offset + cue.end())
        if after and not clause.strip():
            return after._replace(cue=cue["cue"])
    return None


def _subject_candidate(masked: str, start: int, end: int, names: NameIndex) -> Speaker | None:
    """The clause subject a participle ('..., saying') hangs on: the nearest pronoun or
    person before it that is not the object of a preposition."""
    best: Speaker | None = None
    for match in re.finditer(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b", masked[start:end]):
        best = Speaker(match.group(), start + match.start(), "")
    for offset, name in names.people_in(masked[start:end]):
        position = start + offset
        if preceded_by_preposition(masked, position):
            continue
        if best is None or position > best.start:
            best = Speaker(name, position, "")
    return best


def _speaker_before(
    masked: str, left: int, start: int, names: NameIndex, previous: Speaker | None
) -> Speaker | None:
    """The cue closest before the quote in its sentence, and who goes with it."""
    cues = list(CUE.finditer(masked, left, start))
    if not cues:
        return None
    cue = cues[-1]
    word = cue["cue"].lower()
    if word == "according to":
        speaker = noun_phrase_after(masked[cue.end() : start], cue.end())
        return speaker._replace(cue=cue["cue"]) if speaker else None
    if word not in PARTICIPLE_CUES:
        speaker = subject_before(masked[left : cue.start()], left)
        if speaker:
            return speaker._replace(cue=cue["cue"])
    # A participle ("..., adding that") or a bare coordinated verb ("and condemns"): the
    # speaker is the subject of the clause before, named earlier in the sentence.
    for earlier in reversed(cues[:-1]):
        if earlier["cue"].lower() in PARTICIPLE_CUES:
            continue
        speaker = subject_before(masked[left : earlier.start()], left)
        if speaker:
            return speaker._replace(cue=cue["cue"])
    if previous is not None and previous.start >= left:
        return previous._replace(cue=cue["cue"])
    candidate = _subject_candidate(masked, left, cue.start(), names)
    return candidate._replace(cue=cue["cue"]) if candidate else None


class _Mentions:
    """People named in each paragraph, found only when a pronoun needs them."""

    def __init__(self, masks: list[str], names: NameIndex) -> None:
        self.masks = masks
        self.names = names
        self.cache: dict[int, list[tuple[int, str]]] = {}

    def last_before(self, paragraph: int, offset: int) -> str | None:
        """The last person named before ``offset`` of ``paragraph``, looking back."""
        for index in range(paragraph, -1, -1):
            if index not in self.cache:
                self.cache[index] = self.names.people_in(self.masks[index])
            before = [
                name for start, name in self.cache[index] if index < paragraph or start < offset
            ]
            if before:
                return before[-1]
        return None


def _resolve(
    speaker: Speaker, mentions: _Mentions, where: tuple[int, int], names: NameIndex
) -> tuple[str, str]:
    """(speaker as written, canonical) with pronouns and 'who' resolved to a person."""
    written = speaker.text
    lowered = written.lower()
    if lowered in {"who", "which", "that", "he", "she"}:
        person = mentions.last_before(*where)
        if person is None:
            return written, written
        if lowered in {"he", "she"}:
            return written, names.canonical(person)
        return person, names.canonical(person)
    return written, names.canonical(written)


def _kind(quote: Quote, masked: str, spans_end: int, cue_right_before: bool) -> str:
    words = len(quote.text.split())
    if quote.speaker is None and words <= SCARE_MAX_WORDS:
        return "scare"
    first = quote.text.lstrip("'\"‘“ ")[:1]
    after = masked[spans_end + 1 :].lstrip()
    ends_clause = quote.text.rstrip()[-1:] in ".,!?…:;—-" or not after or after[0] in ",.;:!?)—-"
    starts_like_a_sentence = first.isupper() or first.isdigit()
    if starts_like_a_sentence and (quote.opens_sentence or cue_right_before) and ends_clause:
        return "full"
    if cue_right_before and words >= FULL_MIN_WORDS_AFTER_CUE and ends_clause:
        return "full"
    return "partial"


def _cue_right_before(masked: str, left: int, start: int) -> bool:
    head = masked[max(left, start - 40) : start].rstrip(" :,")
    cues = list(CUE.finditer(head))
    return bool(cues) and head[cues[-1].end() :].strip() in {"", "that"}


def _quotes_in_stream(paragraphs: list[Paragraph], names: NameIndex) -> list[Quote]:
    masks = []
    spans_per_paragraph = []
    for paragraph in paragraphs:
        spans = find_spans(paragraph.text) if _QUOTE_CHARS.search(paragraph.text) else []
        spans_per_paragraph.append(spans)
        masks.append(_mask(paragraph.text, spans))
    mentions = _Mentions(masks, names)
    quotes: list[Quote] = []
    previous_speaker: tuple[int, Speaker] | None = None
    carry: Quote | None = None  # a quote left open at the end of the previous paragraph
    for index, paragraph in enumerate(paragraphs):
        text, masked, spans = paragraph.text, masks[index], spans_per_paragraph[index]
        sentence_speaker: Speaker | None = None
        for number, span in enumerate(spans):
            inner = span.inner(text).strip()
            if (
                carry is not None
                and number == 0
                and span.open_pos == len(text) - len(text.lstrip())
            ):
                carry.text = f"{carry.text} {inner}"
                carry.end_paragraph_position = paragraph.position
                quote = carry
                carry = None
            else:
                if carry is not None:
                    quotes.append(carry)
                    carry = None
                left, _ = _sentence_bounds(masked, span.open_pos, span.close_pos)
                quote = Quote(
                    paragraph.source,
                    paragraph.position,
                    paragraph.position,
                    span.open_pos + 1,
                    span.close_pos,
                    inner,
                    opens_sentence=not masked[left : span.open_pos].strip(" :")
                    or masked[left : span.open_pos].rstrip().endswith(":"),
                )
            next_index = index + 1
            if (
                not span.closed
                and number == len(spans) - 1
                and next_index < len(paragraphs)
                and opens_with_quote(paragraphs[next_index].text) == span.family
            ):
                carry = quote
                continue
            left, right = _sentence_bounds(
                masked, span.open_pos, min(span.close_pos, len(text) - 1)
            )
            if quote.paragraph_position != paragraph.position:
                # Multi-paragraph quote: the opening sentence is in an earlier paragraph.
                left = span.open_pos
            speaker = (
                _speaker_after(masked[:right], min(span.close_pos + 1, len(text)))
                or _speaker_before(masked, left, span.open_pos, names, sentence_speaker)
                or _speaker_later_in_sentence(masked[:right], min(span.close_pos + 1, len(text)))
            )
            if (
                speaker is None
                and quote.opens_sentence
                and previous_speaker is not None
                and previous_speaker[0] == index - 1
                and not CUE.search(masked)
            ):
                # A paragraph that is only a quote continues the last speaker's words.
                speaker = previous_speaker[1]
            if speaker is not None:
                where = (index, speaker.start) if speaker.start >= 0 else (index, span.open_pos)
                quote.speaker, quote.speaker_canonical = _resolve(speaker, mentions, where, names)
                quote.cue = speaker.cue or None
                sentence_speaker = speaker
                previous_speaker = (index, speaker)
            quote.kind = _kind(
                quote, masked, span.close_pos, _cue_right_before(masked, left, span.open_pos)
            )
            quotes.append(quote)
        if carry is not None and index == len(paragraphs) - 1:
            quotes.append(carry)
    return quotes


def extract_quotes(
    headline: str | None,
    body: list[str],
    captions: list[tuple[int, str]],
    evidence: NameEvidence | None = None,
) -> list[Quote]:
    """Every quotation of one article: headline and body as one stream, then captions.

    ``evidence`` (names found over the whole article) is computed here when not given;
    :func:`quotes_frame` computes it for a whole batch with Polars instead.

    >>> quotes = extract_quotes(
    ...     "Putin says it 'looks like genocide'",
    ...     ["Vladimir Putin spoke on Thursday.",
    ...      "'We would probably be required to reinforce our presence,' he said this week."],
    ...     [])
    >>> for q in quotes:
    ...     print(q.source, "|", q.text, "|", q.speaker, "|", q.speaker_canonical, "|", q.kind)
    headline | looks like genocide | Putin | Vladimir Putin | partial
    body | We would probably be required to reinforce our presence, | he | Vladimir Putin | full
    """
    if evidence is None:
        texts = [headline or "", *body, *(caption for _, caption in captions)]
        evidence = find_name_evidence("\n".join(texts))
    names = NameIndex(evidence)
    stream = ([Paragraph("headline", 0, headline)] if headline else []) + [
        Paragraph("body", position, text) for position, text in enumerate(body, start=1)
    ]
    quotes = _quotes_in_stream(stream, names)
    for position, caption in captions:
        quotes.extend(_quotes_in_stream([Paragraph("caption", position, caption)], names))
    return quotes


QUOTE_MARKS = "[\"“”„«»'‘’]"


def quotes_frame(articles: pl.DataFrame) -> pl.DataFrame:
    """Quotes of many articles as rows of the ``quotes`` table.

    ``articles`` has ``article_id``, ``headline``, ``body`` (list of paragraphs) and
    ``captions`` (list of {position, caption}). Articles without a quote mark are skipped,
    and the whole-text name searches run in Polars over the batch; only the per-quote
    reading is Python.
    """
    caption_texts = pl.col("captions").list.eval(pl.element().struct.field("caption"))
    everything = pl.concat_list(
        pl.col("headline").fill_null(""), pl.col("body").fill_null([]), caption_texts.fill_null([])
    ).list.join("\n")
    work = (
        articles.with_columns(_text=everything)
        .filter(pl.col("_text").str.contains(QUOTE_MARKS))
        .with_columns(
            _multi=pl.col("_text").str.extract_all(for_polars(MULTI_NAME_PATTERN)),
            _titled=pl.col("_text").str.extract_all(for_polars(TITLED_NAME_PATTERN)),
            _subjects=pl.col("_text").str.extract_all(for_polars(CUE_SUBJECT_PATTERN)),
        )
        .select("article_id", "headline", "body", "captions", "_multi", "_titled", "_subjects")
    )
    rows = []
    for article_id, headline, body, captions, multi, titled, subjects in work.iter_rows():
        evidence = NameEvidence(multi, titled, subjects)
        pairs = [(c["position"], c["caption"]) for c in captions or []]
        for number, quote in enumerate(extract_quotes(headline, body or [], pairs, evidence), 1):
            rows.append(
                (
                    article_id,
                    number,
                    quote.source,
                    quote.paragraph_position,
                    quote.end_paragraph_position,
                    quote.start_char,
                    quote.end_char,
                    quote.text,
                    quote.speaker,
                    quote.speaker_canonical,
                    quote.cue,
                    quote.kind,
                )
            )
    return pl.DataFrame(rows, schema=QUOTES, orient="row")
