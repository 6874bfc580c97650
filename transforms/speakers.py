"""Who said it: attribution cues, subjects, pronouns and the fullest name of a person.

Rule-based and English-only by design: a compiled regex finds attribution cues
("said", "told reporters", "according to"), the noun phrase next to the cue is the
speaker, and pronouns resolve to the most recent person named before them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from presswash.transforms.patterns import (
    ATTRIBUTION_CUES,
    NOT_PERSON_WORDS,
    PRONOUNS,
    TITLES,
)


def trie_pattern(words: list[str]) -> str:
    """One regex alternation shaped as a trie: Python's ``re`` tries a flat list of 200
    words one by one at every position, a trie a letter at a time. Longest match first.

    >>> trie_pattern(["said", "says", "say", "told"])
    '(?:sa(?:y(?:s)?|id)|told)'
    >>> re.fullmatch(trie_pattern(["told", "told reporters"]), "told reporters") is not None
    True
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in node.items() if char]
        branches.sort(key=len, reverse=True)
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if optional else group

    return emit(trie)


CUE = re.compile(
    r"\b(?P<cue>" + trie_pattern(sorted(set(ATTRIBUTION_CUES))) + r")\b",
    re.IGNORECASE,
)
# A capitalised word; a trailing full stop only on short ones ("Mr.", "J."), so a name
# never runs across a sentence end. Plain syntax that both Python and Polars (Rust) read.
_TOKEN = r"[A-Z](?:[a-z]{0,2}\.|[\w’'-]*)"
_PARTICLE = r"(?:de|van|von|bin|al|da|del|der|la|le) "
_NAME = re.compile(_TOKEN + r"(?: (?:" + _PARTICLE + r")?" + _TOKEN + r")*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")
_BOUNDARY_WORDS = frozenset(
    [
        "that",
        "and",
        "but",
        "or",
        "as",
        "when",
        "while",
        "because",
        "if",
        "after",
        "before",
        "which",
        "what",
        "where",
        "so",
        "than",
        "though",
        "although",
        "since",
        "until",
        "whom",
        "whose",
        "with",
        "to",
        "in",
        "on",
        "at",
        "by",
        "from",
        "into",
        "about",
        "against",
        "during",
        "nor",
        "yet",
        "whether",
        "once",
        "unless",
    ]
)
_SKIP_BEFORE_CUE = frozenset(
    [
        "has",
        "have",
        "had",
        "was",
        "is",
        "were",
        "be",
        "been",
        "also",
        "then",
        "later",
        "again",
        "earlier",
        "previously",
        "repeatedly",
        "once",
        "today",
        "yesterday",
        "tonight",
        "recently",
        "just",
        "already",
        "still",
        "now",
        "even",
        "reportedly",
        "allegedly",
        "publicly",
        "privately",
        "angrily",
        "quietly",
        "firmly",
        "flatly",
        "bluntly",
        "insistently",
        "simply",
        "will",
        "would",
        "could",
        "may",
        "might",
        "did",
        "does",
        "do",
        "not",
        "never",
    ]
)
_TIME_PHRASE = re.compile(
    r"(?:\s+(?:this|last|next) (?:week|month|year|morning|afternoon|evening)"
    r"|\s+on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|\s+(?:on|in) \w+day)$",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r",\s*(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)\s*,?\s*$")
_DETERMINERS = frozenset({"the", "a", "an"})
_RELATIVE = frozenset({"who", "which", "that"})


class Speaker(NamedTuple):
    text: str  # as written
    start: int  # offset in the paragraph (for pronoun resolution order)
    cue: str


def strip_possessive(name: str) -> str:
    """Drop a possessive ending.

    >>> strip_possessive("Putin’s"), strip_possessive("the players'")
    ('Putin', 'the players')
    """
    return _POSSESSIVE.sub("", name)


def strip_titles(name: str) -> str:
    """Drop leading titles and determiners from a name.

    >>> strip_titles("President Vladimir Putin")
    'Vladimir Putin'
    >>> strip_titles("the White House")
    'White House'
    """
    tokens = name.split()
    while len(tokens) > 1 and (tokens[0].lower() in TITLES or tokens[0].lower() in _DETERMINERS):
        tokens.pop(0)
    return " ".join(tokens)


def is_pronoun(text: str) -> bool:
    return text.lower() in PRONOUNS


@lru_cache(maxsize=65536)
def name_tokens_are_person(name: str) -> bool:
    """A capitalised sequence that can be a person: no place, people, organisation or
    calendar word in it, no digits, no all-caps acronym.

    >>> name_tokens_are_person("Vladimir Putin")
    True
    >>> name_tokens_are_person("Conflict Intelligence Team")
    False
    >>> name_tokens_are_person("NATO"), name_tokens_are_person("Rostov-on-Don")
    (False, False)
    """
    tokens = name.split()
    if not tokens:
        return False
    for token in tokens:
        bare = strip_possessive(token).rstrip(".")
        parts = bare.replace("-", " ").split()
        if not bare or any(ch.isdigit() for ch in bare) or (bare.isupper() and len(bare) > 1):
            return False
        if bare.lower() in NOT_PERSON_WORDS or any(p.lower() in NOT_PERSON_WORDS for p in parts):
            return False
    return True


def find_cues(masked: str) -> list[re.Match[str]]:
    return list(CUE.finditer(masked))


def _trim_before_cue(text: str) -> str:
    """Drop auxiliaries, adverbs and time phrases between a subject and its cue."""
    previous = None
    while previous != text:
        previous = text
        text = _TIME_PHRASE.sub("", text.rstrip())
        words = text.rsplit(None, 1)
        if (len(words) == 2 and words[1].lower() in _SKIP_BEFORE_CUE) or (
            len(words) == 2 and words[1].lower().endswith("ly") and words[1].islower()
        ):
            text = words[0]
    return text.rstrip()


def subject_before(text: str, offset: int = 0) -> Speaker | None:
    """The noun phrase right before a cue: the speaker of ``NP said``.

    >>> subject_before("Among them, the new German chancellor, Olaf Scholz,").text
    'Olaf Scholz'
    >>> subject_before("something that Putin has").text
    'Putin'
    >>> subject_before("The White House").text
    'The White House'
    >>> subject_before("He then pointed to the war, and") is None
    True
    """
    trimmed = _trim_before_cue(text)
    apposition = _APPOSITION.search(trimmed)
    if apposition:
        return Speaker(apposition["name"], offset + apposition.start("name"), "")
    tokens = list(re.finditer(r"[\w’'.-]+|[^\w\s]", trimmed))
    phrase: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group()
        if not (word[0].isalnum()) or word.lower() in _BOUNDARY_WORDS:
            break
        phrase.insert(0, token)
        if word.lower() in _DETERMINERS or is_pronoun(word) or len(phrase) >= 7:
            break
    if not phrase:
        return None
    # "said the official" style phrases are fine; a bare verb or adverb is not a speaker.
    start, end = phrase[0].start(), phrase[-1].end()
    candidate = trimmed[start:end]
    first = phrase[0].group()
    if not (
        first[0].isupper()
        or first.lower() in _DETERMINERS
        or is_pronoun(first)
        or first.lower() in _RELATIVE
    ):
        return None
    return Speaker(candidate, offset + start, "")


def noun_phrase_after(text: str, offset: int = 0) -> Speaker | None:
    """The noun phrase right after an inverted cue: ``said Jane Doe, a spokeswoman``.

    >>> noun_phrase_after(" Jane Doe, a spokeswoman for the ministry.").text
    'Jane Doe'
    >>> noun_phrase_after(" the minister on Tuesday.").text
    'the minister'
    """
    match = re.match(
        r"\s*(?P<np>(?:(?:the|a|an)\s+)?(?:[\w’'.-]+)(?:\s+(?!on\b|in\b|at\b|after\b|before\b"
        r"|during\b|as\b|when\b|while\b|that\b|to\b|and\b)[\w’'.-]+){0,5})",
        text,
    )
    if not match or not match["np"]:
        return None
    phrase = match["np"].rstrip(".")
    if not phrase.strip():
        return None
    first = phrase.split()[0]
    if not (first[0].isupper() or first.lower() in _DETERMINERS or is_pronoun(first)):
        return None
    return Speaker(phrase, offset + match.start("np"), "")


# Evidence that a capitalised word names a person, gathered over a whole article: names
# of two or more words ("Vladimir Putin"), names after a title ("President Putin") and
# speakers of cues ("Biden said"). Polars runs these patterns over a whole batch at once.
MULTI_NAME_PATTERN = _TOKEN + r"(?: (?:" + _PARTICLE + r")?" + _TOKEN + r")+"
TITLED_NAME_PATTERN = r"\b(?i:" + trie_pattern(sorted(TITLES)) + r")\.? " + _NAME.pattern
CUE_SUBJECT_PATTERN = (
    r"\b" + _TOKEN + r"(?:\s+(?:has|had|have|also|then|later|again|earlier|previously"
    r"|reportedly|repeatedly|once)){0,2}\s+(?i:"
    + trie_pattern(sorted(set(ATTRIBUTION_CUES)))
    + r")\b"
)


def for_polars(pattern: str) -> str:
    """The pattern with ASCII word boundaries, which keep Rust's regex on its fast engine
    (a Unicode ``\\b`` made these searches 10-20x slower). Names here are ASCII-initial."""
    return pattern.replace(r"\b", r"(?-u:\b)")


class NameEvidence(NamedTuple):
    multi_word: list[str]  # "Vladimir Putin", "The White House"
    titled: list[str]  # "President Vladimir Putin"
    cue_subjects: list[str]  # "Biden said"


def find_name_evidence(text: str) -> NameEvidence:
    """The same evidence with Python's ``re``, for one article at a time."""
    return NameEvidence(
        re.findall(MULTI_NAME_PATTERN, text),
        re.findall(TITLED_NAME_PATTERN, text),
        re.findall(CUE_SUBJECT_PATTERN, text),
    )


class NameIndex:
    """The people an article names, for pronouns and canonical (fullest) names."""

    def __init__(self, evidence: NameEvidence) -> None:
        self.full_names: dict[str, str] = {}  # surname -> fullest name seen
        self.known: set[str] = set()  # single tokens known to name a person
        for found in evidence.multi_word:
            name = _bare_name(found)
            if " " in name and name_tokens_are_person(name):
                surname = name.rsplit(" ", 1)[1]
                self.known.add(surname)
                if len(name) > len(self.full_names.get(surname, "")):
                    self.full_names[surname] = name
        for found in evidence.titled:
            name = _bare_name(found)
            if name_tokens_are_person(name):
                self.known.add(name.split()[-1])
        for found in evidence.cue_subjects:
            name = _bare_name(found.split()[0])
            if not is_pronoun(name) and name_tokens_are_person(name):
                self.known.add(name)

    def is_person(self, name: str) -> bool:
        name = _bare_name(name)
        return name_tokens_are_person(name) and (" " in name or name in self.known)

    def canonical(self, name: str) -> str:
        """The fullest name for a person; descriptions lose a leading article.

        >>> index = NameIndex(find_name_evidence("President Vladimir Putin met Biden."))
        >>> index.canonical("Putin"), index.canonical("The US president")
        ('Vladimir Putin', 'US president')
        """
        bare = _bare_name(name)
        if bare[:1].isupper() and name_tokens_are_person(bare):
            return self.full_names.get(bare.split()[-1], bare)
        tokens = name.split()
        if tokens and tokens[0].lower() in _DETERMINERS:
            tokens = tokens[1:]
        return " ".join(tokens) or name

    def people_in(self, masked: str) -> list[tuple[int, str]]:
        """(offset, name) of every person mentioned in a paragraph, in order."""
        found = []
        for match in _NAME.finditer(masked):
            name = _bare_name(match.group())
            if self.is_person(name):
                found.append((match.start(), name))
                continue
            # "Russian President Vladimir Putin": the person may sit inside the sequence.
            tokens = name.split()
            for size in range(len(tokens) - 1, 0, -1):
                tail = " ".join(tokens[-size:])
                if self.is_person(tail):
                    found.append((match.start() + len(name) - len(tail), tail))
                    break
        return found


@lru_cache(maxsize=65536)
def _bare_name(name: str) -> str:
    return strip_titles(strip_possessive(name))


def preceded_by_preposition(masked: str, start: int) -> bool:
    """True when the name starting at ``start`` is the object of a preposition
    ("talking to President Vladimir Putin", "a call with Ukrainian president Zelensky")."""
    words = masked[:start].split()
    while words and (
        words[-1].lower() in TITLES or (words[-1][:1].isupper() and not words[-1].isupper())
    ):
        words.pop()
    return bool(words) and words[-1].lower().strip(",") in {
        "to",
        "with",
        "by",
        "of",
        "from",
        "for",
        "at",
        "on",
        "against",
        "about",
        "into",
        "than",
        "between",
        "toward",
        "towards",
        "near",
        "in",
        "over",
        "under",
    }
