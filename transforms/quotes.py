"""Direct quotations with their speakers, for a whole article at a time.

The article is read as one stream (headline, then body paragraphs, in order) so that a
pronoun can point back to the person named in an earlier paragraph and a quote can run
over several paragraphs; each caption is read on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, NamedTuple

import polars as pl

from presswash.transforms.patterns import (
    ABBREVIATIONS,
    NAMING_CUES,
    PARTICIPLE_CUES,
    PARTICIPLE_FRAME,
    SCARE_MARKER,
    TITLES,
    for_polars,
)
from presswash.transforms.quote_marks import Span, find_spans, has_quote_mark, opens_with_quote
from presswash.transforms.schemas import QUOTES
from presswash.transforms.speakers import (
    CUE,
    CUE_SUBJECT_PATTERN,
    INVERTED_SUBJECT_PATTERN,
    MULTI_NAME_PATTERN,
    TITLED_NAME_PATTERN,
    NameEvidence,
    NameIndex,
    Speaker,
    apposed_speaker,
    find_name_evidence,
    is_pronoun,
    is_verb_cue,
    name_core,
    noun_phrase_after,
    preceded_by_preposition,
    speaker_kind,
    subject_before,
    verb_cues,
)

# A sentence ends at a stop followed by a capital, a quote mark or a masked quote ("_"),
# but not at the stop of an abbreviation ("Dr. Amir Haddad", "U.S. District Judge").
_NOT_AN_ABBREVIATION = (
    "".join(
        rf"(?<!\b(?:{'|'.join(words)})\.)"  # a look-behind per length: Python's must be fixed
        for words in (
            [word for word in ABBREVIATIONS if len(word) == size]
            for size in sorted({len(word) for word in ABBREVIATIONS})
        )
    )
    + r"(?<!\b[A-Z]\.)"
)
_SENTENCE_END = re.compile(r"[.!?…]" + _NOT_AN_ABBREVIATION + r"[\"'’”)]*\s+(?=[A-Z\"'‘“(_])")
_SCARE_MARKER = re.compile(SCARE_MARKER)
_PARTICIPLE_FRAME = re.compile(PARTICIPLE_FRAME)
_WITH_SUBJECT = re.compile(
    r"\bwith\s+(?P<np>(?:(?:the|a|an|one)\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,5})$"
)
_AGE_DESCRIPTION = re.compile(r"(?i)^(?:the|a)\s+\d{1,3}-year-old(?:\s+[a-z]+)?$")
_RELATIVE_OPENERS = frozenset({"which", "who", "whom", "whose", "that", "where"})
_RELATIVE = frozenset({"who", "which", "that"})
_NEUTER_PRONOUNS = frozenset({"they", "it"})
_ARTICLES = frozenset({"the", "a", "an", "one"})
_CLAUSE_WORDS = frozenset({"and", "but", "or", "as", "when", "while", "because", "if", "that"})
_CLAUSE_WORDS |= {"which", "who", "after", "before", "since", "so", "then"}
_CLOSING_MARKS = "\"'’”»‘“ "
SCARE_MAX_WORDS = 4
PRONOUN_REACH = 3  # paragraphs a pronoun looks back for a person known to be one
FULL_MIN_WORDS_AFTER_CUE = 4


class Paragraph(NamedTuple):
    source: str  # headline, body or caption
    position: int  # 0 for the headline, paragraph or image position otherwise
    text: str


@dataclass(slots=True)  # slots: faster to make and read, and there is one per quote
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
    speaker_kind: str | None = None
    opens_sentence: bool = False
    cue_right_before: bool = False


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


def _sentence_starts(masked: str) -> list[int]:
    return [0, *(match.end() for match in _SENTENCE_END.finditer(masked))]


def _sentence_bounds(masked: str, start: int, end: int) -> tuple[int, int]:
    left, right = 0, len(masked)
    for match in _SENTENCE_END.finditer(masked):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.end()
            break
    return left, right


def _with_cue(speaker: Speaker, cue: re.Match[str]) -> Speaker:
    """``speaker`` as the subject of ``cue`` (plain construction: ``_replace`` is slow)."""
    return Speaker(speaker.text, speaker.start, cue["cue"])


def _inverts(cue: str) -> bool:
    """'"...," said Jane Doe' puts the speaker after the verb; '"...", telling Channel 4'
    and '"...," told reporters' never do: what follows them is the listener."""
    lowered = cue.lower()
    return lowered not in PARTICIPLE_CUES and not lowered.startswith(("told", "tell"))


def _speaker_after(masked: str, offset: int) -> Speaker | None:
    """``'...,' the official said`` / ``'...,' said Jane Doe`` right after the quote."""
    text = masked[offset:]
    lead = len(text) - len(text.lstrip(" ,"))
    if text.startswith("as ", lead):
        lead += 3  # "'...,' as one bank's chief told me"
    body = text[lead:]
    cue = CUE.match(body)
    if cue and _inverts(cue["cue"]) and is_verb_cue(body, cue):  # inverted: said X
        speaker = noun_phrase_after(body[cue.end() :], offset + lead + cue.end())
        return _with_cue(speaker, cue) if speaker else None
    for cue in verb_cues(body):
        head = body[: cue.start()]
        if head.strip().lower() in _NEUTER_PRONOUNS:
            # "'...,' it added": resolved to the organisation or group that spoke last.
            return Speaker(head.strip(), offset + lead, cue["cue"])
        if "," in head:
            # "'...,' a police spokeswoman, Sgt. Carla Dunn, said"; "'...,' Kurinji
            # Selvaraj, a research analyst at ..., told CBS News"
            speaker = apposed_speaker(head, offset + lead) or _named_before_aside(
                head, offset + lead
            )
            return _with_cue(speaker, cue) if speaker else None
        if len(head.split()) > 10:
            break
        speaker = subject_before(head, offset + lead)
        if speaker and speaker.start == offset + lead:
            return _with_cue(speaker, cue)
        if _described_name(head):
            # "'...,' JPL scientist and study co-author Michael Malaska said"
            return Speaker(head.strip(), offset + lead, cue["cue"])
        words = head.split()
        if words and words[0].lower() in _ARTICLES and not _CLAUSE_WORDS.intersection(words):
            # "'...,' a source close to the player told the Sun": all of it is the subject.
            return Speaker(head.strip(), offset + lead, cue["cue"])
        break
    return None


def _described_name(head: str) -> bool:
    """Words that are a description ending in a name, with no clause in them: the subject
    of the cue that follows.

    >>> _described_name("JPL scientist and study co-author Michael Malaska ")
    True
    >>> _described_name("the plan that Mayor Ines Varga ")
    False
    """
    words = head.split()
    if not words or any(w.lower() in _CLAUSE_WORDS - {"and"} for w in words):
        return False
    core = name_core(head.strip())
    return core is not None and " " in core and head.rstrip().endswith(core.split()[-1])


def _named_before_aside(head: str, offset: int) -> Speaker | None:
    """The name that opens the words between a quote and its cue when an aside follows it:
    ``Interior Minister Wolfgang Peschorn, who serves in ..., said``.

    >>> _named_before_aside("Kurinji Selvaraj, a research analyst at the think tank ", 0).text
    'Kurinji Selvaraj'
    >>> _named_before_aside("the minister, who ", 0) is None
    True
    """
    chunk = head[: head.index(",")].strip()
    words = chunk.split()
    if not 1 <= len(words) <= 8 or verb_cues(chunk):
        return None
    core = name_core(chunk)
    if core is None or not chunk.endswith(core.split()[-1]):
        return None
    return Speaker(chunk, offset + head.index(chunk), "")


def _speaker_later_in_sentence(masked: str, offset: int) -> Speaker | None:
    """``'...' concessions being discussed, the official said`` (a cue after a comma)."""
    text = masked[offset:]
    for cue in verb_cues(text):
        head = text[: cue.start()]
        if cue["cue"].lower() in NAMING_CUES:
            speaker = noun_phrase_after(text[cue.end() :], offset + cue.end())
            return _with_cue(speaker, cue) if speaker else None
        if "," not in head:
            continue
        clause = head[head.rfind(",") + 1 :]
        if clause.split()[:1] and clause.split()[0].lower() in _RELATIVE_OPENERS:
            continue  # ", which parents said led to...": the cue is about something else
        speaker = subject_before(clause, offset + head.rfind(",") + 1)
        if speaker:
            return _with_cue(speaker, cue)
        after = noun_phrase_after(text[cue.end() :], offset + cue.end())
        if after and not clause.strip():
            return _with_cue(after, cue)
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


def _participle_subject(masked: str, left: int, cue_start: int) -> Speaker | None:
    """``the pilot can be heard saying`` / ``with one fan writing``: the noun phrase the
    participle is attached to, when no comma separates them."""
    head = masked[left:cue_start].rstrip()
    frame = _PARTICIPLE_FRAME.search(head)
    if frame:
        return subject_before(head[: frame.start()], left)
    with_subject = _WITH_SUBJECT.search(head)
    if with_subject:
        return subject_before(with_subject["np"], left + with_subject.start("np"))
    return None


def _earlier_subject(masked: str, left: int, cues: list[re.Match[str]]) -> Speaker | None:
    """The subject of the last main-clause cue among ``cues`` (not a participle, not in a
    relative clause: "trolls who branded her look 'fake', insisting" is not the trolls')."""
    for earlier in reversed(cues):
        if earlier["cue"].lower() in PARTICIPLE_CUES:
            continue
        speaker = subject_before(masked[left : earlier.start()], left)
        if speaker and speaker.text not in _RELATIVE:
            return speaker
    return None


def _speaker_before(
    masked: str,
    cues: list[re.Match[str]],
    left: int,
    start: int,
    names: NameIndex,
    previous: Speaker | None,
) -> Speaker | None:
    """The cue closest before the quote in its sentence (``cues``, those between ``left``
    and ``start``), and who goes with it."""
    if not cues:
        return None
    cue = cues[-1]
    word = cue["cue"].lower()
    if word in NAMING_CUES:
        speaker = noun_phrase_after(masked[cue.end() : start], cue.end())
        return _with_cue(speaker, cue) if speaker else None
    if word not in PARTICIPLE_CUES:
        head = masked[left : cue.start()]
        speaker = subject_before(head, left)
        if speaker is None and head.rstrip().rsplit(" ", 1)[-1].lower() == "it":
            # "it pointed out that": resolved later to the organisation that spoke last
            return Speaker("it", left + len(head.rstrip()) - 2, cue["cue"])
        if speaker and speaker.text.lower() in _NEUTER_PRONOUNS:
            # "Scientists say they have found ..., in what they describe as": the
            # pronoun stands for the subject of the cue before it in the sentence.
            speaker = _earlier_subject(masked, left, cues[:-1]) or speaker
        if speaker:
            return _with_cue(speaker, cue)
    else:
        speaker = _participle_subject(masked, left, cue.start())
        if speaker:
            return _with_cue(speaker, cue)
    # A participle ("..., adding that") or a bare coordinated verb ("and condemns"): the
    # speaker is the subject of the clause before, named earlier in the sentence.
    speaker = _earlier_subject(masked, left, cues[:-1])
    if speaker:
        return _with_cue(speaker, cue)
    if previous is not None and previous.start >= left and previous.text not in _RELATIVE:
        return _with_cue(previous, cue)
    candidate = _subject_candidate(masked, left, cue.start(), names)
    return _with_cue(candidate, cue) if candidate else None


class _Mentions:
    """People named in each paragraph, found only when a pronoun needs them."""

    def __init__(self, masks: list[str], names: NameIndex) -> None:
        self.masks = masks
        self.names = names
        self.cache: dict[int, list[tuple[int, str, bool]]] = {}

    def _people(self, index: int) -> list[tuple[int, str, bool]]:
        """(offset, name, is the subject of its sentence) of the people in a paragraph:
        the first person of a sentence who is not the object of a preposition."""
        if index not in self.cache:
            masked = self.masks[index]
            starts = _sentence_starts(masked)
            people: list[tuple[int, str, bool]] = []
            sentence = -1
            for start, name in self.names.people_in(masked):
                current = bisect_right(starts, start) - 1
                subject = current != sentence and not preceded_by_preposition(masked, start)
                if people and people[-1][2] and _only_titles_between(masked, people[-1], start):
                    # "Castleford Rovers manager Danny Keogh": one phrase, its head last.
                    people[-1] = (*people[-1][:2], False)
                    subject = True
                if subject:
                    sentence = current
                people.append((start, name, subject))
            self.cache[index] = people
        return self.cache[index]

    def last_before(self, paragraph: int, offset: int) -> str | None:
        """The last person named before ``offset`` of ``paragraph``, looking back; the
        subject of a sentence beats a person named later in it ("Kev Doyle paid tribute,
        saying Malone was ... He added"). People with evidence that they are people (they
        speak, or carry a title) come first, within the last PRONOUN_REACH paragraphs:
        "he admitted" after "in South Carolina" is still the president."""
        evidenced = self._last_before(paragraph, offset, self.names.is_evidenced_person)
        return evidenced or self._last_before(paragraph, offset, None)

    def _last_before(self, paragraph: int, offset: int, keep: Any) -> str | None:
        lowest = paragraph - PRONOUN_REACH if keep is not None else -1
        for index in range(paragraph, max(lowest, -1), -1):
            before = [
                (name, subject)
                for start, name, subject in self._people(index)
                if (index < paragraph or start < offset) and (keep is None or keep(name))
            ]
            if before:
                subjects = [name for name, subject in before if subject]
                return subjects[-1] if subjects else before[-1][0]
        return None


def _only_titles_between(masked: str, earlier: tuple[int, str, bool], start: int) -> bool:
    gap = masked[earlier[0] + len(earlier[1]) : start].split()
    return bool(gap) and all(word.lower() in TITLES for word in gap)


def _antecedent(masked: str, start: int) -> str | None:
    """The noun phrase a relative pronoun refers to: "trolls who", "Zelensky, who"."""
    head = masked[:start].rstrip().rstrip(",").rstrip()
    found = subject_before(head, strict=False) if head else None
    return found.text if found else None


def _resolve(
    speaker: Speaker,
    mentions: _Mentions,
    where: tuple[int, int],
    names: NameIndex,
    last_speaker: _Attribution | None = None,
) -> tuple[str, str]:
    """(speaker as written, canonical) with pronouns, 'who' and 'the 74-year-old'
    resolved to a person. 'He' and 'she' go to the last speaker when that speaker was
    named earlier in the same paragraph (the subject of the last attribution beats a
    person only talked about), else to the last person named."""
    written = speaker.text
    lowered = written.lower()
    if (
        lowered in {"he", "she"}
        and last_speaker is not None
        and last_speaker.paragraph == where[0]
        and last_speaker.speaker.start < where[1]
        and not is_pronoun(last_speaker.written)
        and names.is_person(last_speaker.canonical)
    ):
        return written, last_speaker.canonical
    if lowered in {"who", "which", "that"}:
        antecedent = _antecedent(mentions.masks[where[0]], speaker.start)
        if antecedent is not None:
            core = name_core(antecedent)
            shown = core if core is not None and names.is_person(core) else antecedent
            return shown, names.canonical(antecedent)
        person = mentions.last_before(*where)
        return (person, names.canonical(person)) if person else (written, written)
    if lowered in {"he", "she"} or _AGE_DESCRIPTION.match(written):
        person = mentions.last_before(*where)
        if person is None:
            return written, names.canonical(written)
        return written, names.canonical(person)
    return written, names.canonical(written)


def _kind(quote: Quote, masked: str, spans_end: int) -> str:
    text = quote.text
    words: int | None = None  # counted only when a rule needs the number
    if quote.speaker is None:
        words = len(text.split())
        if words <= SCARE_MAX_WORDS:
            return "scare"
    last = text.rstrip(_CLOSING_MARKS)[-1:]
    if last not in ".,!?…:;—-":  # else the quote itself ends a clause
        after = masked[spans_end + 1 :].lstrip()
        if after and after[0] not in ",.;:!?)—-":
            return "partial"  # does not end a clause: cannot be a full quote
    first = text.lstrip("'\"‘“ ")[:1]
    starts_like_a_sentence = first.isupper() or first.isdigit()
    cue_right_before = quote.cue_right_before
    if starts_like_a_sentence and (quote.opens_sentence or cue_right_before):
        return "full"
    if cue_right_before:
        if words is None:
            words = len(text.split())
        if words >= FULL_MIN_WORDS_AFTER_CUE:
            return "full"
    return "partial"


def _cue_right_before(masked: str, cues: list[re.Match[str]], start: int) -> bool:
    """'X said: "...' / 'X said that "...': the quote is the object of the last cue before
    it in its sentence."""
    return bool(cues) and masked[cues[-1].end() : start].strip(" :,") in {"", "that"}


def _reported_speaker(masks: list[str], index: int, left: int) -> tuple[int, Speaker] | None:
    """(paragraph, speaker) of the last main-clause cue before ``left`` in paragraph
    ``index``, or else, when that paragraph has no cue at all, in the paragraph before."""
    for number, end in ((index, left), (index - 1, None)):
        if number < 0:
            return None
        masked = masks[number]
        cues = _main_cues(masked, end)
        if cues:
            speaker = _cue_subject(masked, cues[-1])
            return (number, speaker) if speaker else None
        if number == index and verb_cues(masked):
            return None  # the paragraph's cues come after the quote: not this quote's
    return None


def _main_cues(masked: str, end: int | None) -> list[re.Match[str]]:
    """The cues of main clauses (not participles) in ``masked[:end]``."""
    return [c for c in verb_cues(masked, 0, end) if c["cue"].lower() not in PARTICIPLE_CUES]


def _cue_subject(masked: str, cue: re.Match[str]) -> Speaker | None:
    """The subject of ``cue`` in its sentence, unless a relative pronoun."""
    start, _ = _sentence_bounds(masked, cue.start(), cue.end())
    speaker = subject_before(masked[start : cue.start()], start)
    if speaker is None or speaker.text.lower() in _RELATIVE:
        return None
    return _with_cue(speaker, cue)


class _Attribution(NamedTuple):
    paragraph: int
    speaker: Speaker
    written: str
    canonical: str


def _attribution(
    paragraph: int,
    start: int,
    speaker: Speaker,
    mentions: _Mentions,
    names: NameIndex,
    last_speaker: _Attribution | None = None,
) -> _Attribution:
    """``speaker`` (at ``start`` of ``paragraph``) with its pronoun or description resolved."""
    written, canonical = _resolve(speaker, mentions, (paragraph, start), names, last_speaker)
    return _Attribution(paragraph, speaker, written, canonical)


def _attribute(quote: Quote, found: _Attribution) -> None:
    quote.speaker, quote.speaker_canonical = found.written, found.canonical
    quote.cue = found.speaker.cue or None


def _neuter_antecedent(
    masks: list[str],
    index: int,
    left: int,
    last: _Attribution | None,
    mentions: _Mentions,
    names: NameIndex,
) -> _Attribution | None:
    """Who "it" or "they" is in paragraph ``index``: the last quote's speaker, else the
    subject of the last cue, in this paragraph or the one before, when not a person."""
    if last is None or last.paragraph < index - 1:
        for number, end in ((index, left), (index - 1, None)):
            cues = _main_cues(masks[number], end) if number >= 0 else []
            if cues:
                said = _cue_subject(masks[number], cues[-1])
                if said is None:
                    return None
                last = _attribution(number, said.start, said, mentions, names)
                break
        else:
            return None
    if is_pronoun(last.written) or names.is_person(last.canonical):
        return None
    return last


def _quotes_in_stream(paragraphs: list[Paragraph], names: NameIndex) -> list[Quote]:
    masks = []
    spans_per_paragraph = []
    for paragraph in paragraphs:
        spans = find_spans(paragraph.text) if has_quote_mark(paragraph.text) else []
        spans_per_paragraph.append(spans)
        masks.append(_mask(paragraph.text, spans))
    mentions = _Mentions(masks, names)
    quotes: list[Quote] = []
    previous: _Attribution | None = None  # the last attribution, in any paragraph
    carry: Quote | None = None  # a quote left open at the end of the previous paragraph
    for index, paragraph in enumerate(paragraphs):
        text, masked, spans = paragraph.text, masks[index], spans_per_paragraph[index]
        indent = len(text) - len(text.lstrip())
        if carry is not None and not (spans and spans[0].open_pos == indent):
            quotes.append(carry)
            carry = None
        in_paragraph: _Attribution | None = None  # the last attribution in this paragraph
        for number, span in enumerate(spans):
            inner = span.inner(text).strip()
            close = min(span.close_pos, len(text) - 1)
            after = min(span.close_pos + 1, len(text))
            left, right = _sentence_bounds(masked, span.open_pos, close)
            cues = verb_cues(masked, left, span.open_pos)
            if carry is not None and number == 0:
                # The next paragraph of a quote over several paragraphs.
                quote, carry = carry, None
                quote.text = f"{quote.text} {inner}"
                quote.end_paragraph_position = paragraph.position
                left, cues = span.open_pos, []
            else:
                opening = masked[left : span.open_pos]
                quote = Quote(
                    paragraph.source,
                    paragraph.position,
                    paragraph.position,
                    span.inner_start,
                    span.close_pos,
                    inner,
                    opens_sentence=not opening.strip(" :") or opening.rstrip().endswith(":"),
                    cue_right_before=_cue_right_before(masked, cues, span.open_pos),
                )
                if "called" in masked[max(0, span.open_pos - 8) : span.open_pos] and (
                    _SCARE_MARKER.search(masked, max(0, span.open_pos - 12), span.open_pos)
                ):
                    quote.kind = "scare"  # a so-called 'X' is the writer's distance
                    quotes.append(quote)
                    continue
            # '"Why?" he asked': a question or exclamation does not end the sentence.
            reach = len(masked) if inner.endswith(("?", "!")) else right
            speaker = (
                _speaker_after(masked[:reach], after)
                or _speaker_before(
                    masked, cues, left, span.open_pos, names, in_paragraph and in_paragraph.speaker
                )
                or _speaker_later_in_sentence(masked[:right], after)
            )
            if speaker is not None and speaker.text.lower() in _NEUTER_PRONOUNS:
                # "'...,' it added": the organisation, document or group that spoke last.
                speaker = None
                source = _neuter_antecedent(
                    masks, index, left, in_paragraph or previous, mentions, names
                )
                if source is not None:
                    _attribute(quote, source)
                    in_paragraph = previous = source._replace(paragraph=index)
            if speaker is not None:
                start = speaker.start if speaker.start >= 0 else span.open_pos
                found = _attribution(index, start, speaker, mentions, names, in_paragraph)
                _attribute(quote, found)
            elif quote.speaker is None and quote.opens_sentence:
                # A quote that opens a sentence with no cue of its own goes on with the
                # words of the last speaker: in this paragraph ('"...," Vasquez said.
                # "We have 12 games left."'), or in the paragraph before when this one is
                # only quotation.
                own_cues = verb_cues(masked, left, right)
                if in_paragraph is not None and not own_cues:
                    _attribute(quote, in_paragraph)
                elif (
                    previous is not None
                    and previous.paragraph == index - 1
                    and not verb_cues(masked)
                ):
                    _attribute(quote, previous)
                elif not own_cues:
                    # No quote before it to go on from: the subject of the last cue in
                    # the sentences before ("The tuft cell, Herbert said, is ... '...'"),
                    # or in the paragraph before when this one has none ("Erekat said it
                    # was ..." / "'They wanted us on our knees ...'").
                    reported = _reported_speaker(masks, index, left)
                    if reported is not None:
                        number, said = reported
                        _attribute(quote, _attribution(number, said.start, said, mentions, names))
            elif (
                quote.speaker is None
                and not cues
                and len(inner.split()) > SCARE_MAX_WORDS
                and not verb_cues(masked, span.close_pos, right)
            ):
                # Words quoted inside a sentence with no cue of its own ("It isn't clear,
                # Howitt says. Just because ..., 'that doesn't mean ...'"): the speaker of
                # the sentences before, in this paragraph.
                if in_paragraph is not None:
                    _attribute(quote, in_paragraph)
                else:
                    earlier = _main_cues(masked, left)
                    said = _cue_subject(masked, earlier[-1]) if earlier else None
                    if said is not None:
                        _attribute(quote, _attribution(index, said.start, said, mentions, names))
            if quote.speaker is not None and speaker is not None:
                in_paragraph = previous = found
            quote.kind = _kind(quote, masked, span.close_pos)
            next_index = index + 1
            if (
                not span.closed
                and number == len(spans) - 1
                and next_index < len(paragraphs)
                and opens_with_quote(paragraphs[next_index].text) == span.family
            ):
                carry = quote
                continue
            quotes.append(quote)
    if carry is not None:
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
    for quote in quotes:
        quote.speaker_kind = speaker_kind(quote.speaker_canonical, names)
    return quotes


QUOTE_MARKS = "[\"“”„«»'‘’]"
# (Quote attribute, quotes table column), in table order after article_id and position.
_QUOTE_COLUMNS = (
    ("source", "source"),
    ("paragraph_position", "paragraph_position"),
    ("end_paragraph_position", "end_paragraph_position"),
    ("start_char", "start_char"),
    ("end_char", "end_char"),
    ("text", "quote_text"),
    ("speaker", "speaker"),
    ("speaker_canonical", "speaker_canonical"),
    ("cue", "cue"),
    ("kind", "kind"),
    ("speaker_kind", "speaker_kind"),
)


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
            _inverted=pl.col("_text").str.extract_all(for_polars(INVERTED_SUBJECT_PATTERN)),
        )
        # A name found again adds nothing to the evidence (the first of each is kept, in
        # order): dropping repeats here spares Python most of the strings.
        .with_columns(
            pl.col("_multi", "_titled", "_subjects", "_inverted").list.unique(maintain_order=True)
        )
        .select(
            "article_id",
            "headline",
            "body",
            "captions",
            "_multi",
            "_titled",
            "_subjects",
            "_inverted",
        )
    )
    # The output is built column by column: one list per column is much cheaper than a
    # tuple per quote that Polars then has to take apart again.
    columns: dict[str, list[Any]] = {name: [] for name in QUOTES}
    inputs = [work.get_column(name).to_list() for name in work.columns]
    for article_id, headline, body, captions, *found in zip(*inputs, strict=True):
        evidence = NameEvidence(*found)
        pairs = [(c["position"], c["caption"]) for c in captions or []]
        quotes = extract_quotes(headline, body or [], pairs, evidence)
        columns["article_id"] += [article_id] * len(quotes)
        columns["position"] += range(1, len(quotes) + 1)
        for field, column in _QUOTE_COLUMNS:
            columns[column] += [getattr(quote, field) for quote in quotes]
    return pl.DataFrame(columns, schema=QUOTES)
