"""Who said it: attribution cues, subjects, pronouns and the fullest name of a person.

Rule-based and English-only by design: a compiled regex finds attribution cues
("said", "told reporters", "according to"), the noun phrase next to the cue is the
speaker, and pronouns resolve to the most recent person named before them.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import NamedTuple

from presswash.transforms.patterns import (
    ABBREVIATIONS,
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


# Cues start with a letter, so "(?<!\w)" is the word boundary before one: Python's re scans
# for it faster than for "\b". "so-called" is never an attribution.
CUE = re.compile(
    r"(?<!\w)(?<!so-)(?<!so )(?P<cue>" + trie_pattern(sorted(set(ATTRIBUTION_CUES))) + r")\b",
    re.IGNORECASE,
)
# A cue word used as a noun or inside a name is no cue: "his repeated claims", "the
# statement", "the United States".
_NOUN_MARKERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those"}
)

_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
_NOUN_MODIFIERS = frozenset({"own", "new", "latest", "earlier", "previous", "recent", "many"})


def is_verb_cue(text: str, cue: re.Match[str]) -> bool:
    """Whether a CUE match attributes speech, judged by the words before it.

    >>> [is_verb_cue(t, CUE.search(t)) for t in ("Biden says", "the United States",
    ...     "contradicts his claim", "Scholz, who said", "the official said",
    ...     "His repeated claims", "their reporter said")]
    [True, False, False, True, True, False, True]
    """
    word = cue["cue"]
    before = text[max(0, cue.start() - 40) : cue.start()].split()
    if not before:
        return True
    last = before[-1]
    if word[0].isupper() and last[0].isupper() and last[-1].isalnum():
        return False  # inside a capitalised name ("United States"), not after a stop
    if (
        (last.endswith("ed") or last in _NOUN_MODIFIERS)
        and len(before) > 1
        and before[-2].lower() in _POSSESSIVE_DETERMINERS
    ):
        return False  # "his repeated claims", "their own statement"
    return last.lower() not in _NOUN_MARKERS


def verb_cues(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The cues in ``text[start:end]`` that attribute speech (see :func:`is_verb_cue`)."""
    found = CUE.finditer(text, start, len(text) if end is None else end)
    return [cue for cue in found if is_verb_cue(text, cue)]


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
        "something",
        "anything",
        "nothing",
        "everything",
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
# Words that take the cue as their infinitive ("used to say", "was quick to point out").
_BEFORE_INFINITIVE = frozenset(
    [
        "used",
        "going",
        "set",
        "quick",
        "keen",
        "eager",
        "able",
        "unable",
        "wanted",
        "wants",
        "tried",
        "tries",
        "went",
        "later",
    ]
)
_TIME_PHRASE = re.compile(
    r"(?:\s+(?:this|last|next) (?:week|month|year|morning|afternoon|evening)"
    r"|\s+on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|\s+(?:on|in) \w+day)$",
    re.IGNORECASE,
)
_TIME_WORDS = ("week", "month", "year", "morning", "afternoon", "evening", "day")
_NAME_RUN = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)"
# ", Olaf Scholz," after a description: the name is the speaker.
_APPOSITION = re.compile(r",\s*(?P<name>" + _NAME_RUN + r"+)\s*,?\s*$")
# "His daughter, Margaret,": a single name needs a common noun before it.
_SHORT_APPOSITION = re.compile(r"\b[a-z][\w’'-]*,\s*(?P<name>[A-Z][\w’'-]+)\s*,\s*$")
# Asides between a subject and its verb: ", who took over in 2022,", ", 72,", ", one of ...,",
# ", of the group River Action Now,".
_ASIDE = re.compile(r",\s*(?:(?:who|whose|which|whom|one of|of|from)\b[^,]*|\d{1,3})\s*,\s*$")
# ", a spokeswoman for the ministry," after the subject.
_DESCRIPTION_ASIDE = re.compile(r",\s*(?:a|an|the)\s[^,]*,\s*$")
# After an inverted quote: "a police spokeswoman, Sgt. Carla Dunn," / "Jane Doe, a spokeswoman,"
_APPOSED_AFTER = re.compile(
    r"^(?:(?:the|a|an|one)\s+)?(?=[^,]*\b[a-z])[A-Za-z][\w’' -]{0,60}?,\s*(?P<name>"
    + _NAME_RUN
    + r"*),\s*$"
)
_NAME_THEN_ASIDE = re.compile(
    r"^(?P<name>" + _NAME_RUN + r"*),\s*(?:the|a|an|\d{1,3})\b[^,]{0,80},\s*$"
)
_DETERMINERS = frozenset({"the", "a", "an"})
_DESCRIPTION_DETERMINERS = frozenset({"the", "a", "an", "one"})
_RELATIVE = frozenset({"who", "which", "that"})
_CUE_WORDS = frozenset(cue for cue in ATTRIBUTION_CUES if " " not in cue)
# Prepositions a description may carry ("a senior official in the prime minister's office").
_PHRASE_PREPOSITIONS = frozenset({"of", "for", "in", "at", "from", "on"})
# Lower-case words that may join the capitalised words of one name.
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "de", "van", "von", "bin", "al", "da"})
_CLAUSE_OPENERS = frozenset({"and", "but", "while", "as", "when", "where", "because", "though"})
_SUBJECT_MAX_WORDS = 12
# One set test each in the hot loop of _phrase_start: words a noun phrase cannot run back
# over, and words it stops right after (a determiner or a pronoun opens it).
_PHRASE_BOUNDARIES = _BOUNDARY_WORDS | _CUE_WORDS
_PHRASE_OPENERS = _DETERMINERS | PRONOUNS
_PHRASE_TOKEN = re.compile(r"[\w’'.-]+|[^\w\s]")


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


# A royal or papal title with a given name is the name people know: "Prince Andrew".
_ROYAL_TITLES = frozenset({"prince", "princess", "king", "queen", "pope", "duke", "duchess"})
# Words of an office or body, never of a person's name: "Director of Public Prosecution
# Eva-Marie Persson", "Head of Communications Jo Lee".
_ABSTRACT_NOUN = re.compile(r"(?i)\w{4,}(?:tion|sion|ment|ship|ism|ology|ics)s?$")


def strip_titles(name: str) -> str:
    """Drop leading determiners, and titles and roles up to the last one before the name.
    A phrase of titles only ("Prime Minister") keeps them.

    >>> strip_titles("President Vladimir Putin")
    'Vladimir Putin'
    >>> strip_titles("Chief Financial Officer Dana Whitaker")
    'Dana Whitaker'
    >>> strip_titles("the White House"), strip_titles("The Prime Minister")
    ('White House', 'Prime Minister')
    >>> strip_titles("The Home Office"), strip_titles("World Health Organization")
    ('Home Office', 'World Health Organization')
    >>> strip_titles("Public Prosecution Eva-Marie Persson"), strip_titles("Clement Attlee")
    ('Eva-Marie Persson', 'Clement Attlee')
    >>> strip_titles("Britain's Prince Andrew"), strip_titles("Prince William Windsor")
    ('Prince Andrew', 'William Windsor')

    """
    tokens = name.split()
    while len(tokens) > 1 and tokens[0].lower() in _DETERMINERS:
        tokens.pop(0)
    last_name_word = max(
        (i for i, token in enumerate(tokens) if token.lower() not in TITLES), default=-1
    )
    leading = 0
    while leading < last_name_word and tokens[leading].lower() in TITLES:
        leading += 1
    cut = leading
    for i in range(leading, last_name_word):
        if tokens[i].lower() in TITLES or _ABSTRACT_NOUN.search(tokens[i]):
            cut = i + 1
    rest = " ".join(tokens[cut:])
    if cut and cut == len(tokens) - 1 and tokens[cut - 1].lower() in _ROYAL_TITLES:
        rest = f"{tokens[cut - 1]} {rest}"  # "Prince Andrew", "Pope Francis": one name
    if name_tokens_are_person(rest) and (cut == leading or " " in rest):
        return rest
    return " ".join(tokens)  # title words inside a name: "Home Office", "World Health Organization"


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


@lru_cache(maxsize=65536)
def name_core(phrase: str) -> str | None:
    """The proper name a speaker phrase ends with, without the descriptions, titles and
    affiliation around it; None when the phrase is a description ("the prime minister").

    >>> name_core("Met Office chief meteorologist Paul Gundersen")
    'Paul Gundersen'
    >>> name_core("lead author Dr. Hana Okafor of the University of Leeds")
    'Hana Okafor'
    >>> name_core("The England and Wales Cricket Board"), name_core("the charity Mind")
    ('England and Wales Cricket Board', 'Mind')
    >>> name_core("a Channel 4 News")
    'Channel 4 News'
    >>> name_core("The United Nations High Commissioner for Human Rights")
    'United Nations High Commissioner for Human Rights'

    >>> name_core("Scotland’s first minister") is None
    True
    >>> name_core("A spokesperson for the Foreign Office") is None
    True
    >>> name_core("The Medicines and Healthcare products Regulatory Agency")
    'Medicines and Healthcare products Regulatory Agency'
    """
    tokens = phrase.split()
    if not tokens or not tokens[-1][:1].isupper():
        return None
    start = len(tokens) - 1
    while start > 0:
        before = tokens[start - 1]
        if before[:1].isupper():
            start -= 1
            continue
        k = start - 1
        while k >= 0 and (tokens[k] in _CONNECTORS or tokens[k][:1].isdigit()):
            k -= 1
        if k < start - 1 and k >= 0 and tokens[k][:1].isupper():
            start = k
            continue
        break
    lead = [t for t in tokens[:start] if t.lower() not in _DETERMINERS]
    if any(t in _PHRASE_PREPOSITIONS for t in lead):
        return None  # "a spokesperson for the Foreign Office" is not the Foreign Office
    run = tokens[start:]
    if lead and lead[0][:1].isupper() and not name_tokens_are_person(strip_titles(" ".join(run))):
        # "The Medicines and Healthcare products Regulatory Agency": one name.
        return " ".join(lead + run)
    for i, token in enumerate(run):
        if token in ("of", "for", "at") and i > 0:
            head = strip_titles(" ".join(run[:i]))
            if (
                " " in head
                and name_tokens_are_person(strip_possessive(head))
                and head.rsplit(" ", 1)[1].lower() not in TITLES  # "High Commissioner for"
            ):
                return head
            break
    return strip_titles(" ".join(run))


_AFTER_PARTICIPLE = frozenset({"in", "at", "by", "on", "from", "for", "to"})


def strip_description(phrase: str) -> str:
    """A description without its leading article, nor a participle's phrase after it:
    "One mother" -> "mother".

    >>> strip_description("A Welsh government spokesperson")
    'Welsh government spokesperson'
    >>> strip_description("The authors of the study published in the journal Nature")
    'authors of the study'
    """
    tokens = phrase.split()
    if len(tokens) > 1 and tokens[0].lower() in _DESCRIPTION_DETERMINERS:
        tokens = tokens[1:]
    for i in range(1, len(tokens) - 1):
        if tokens[i].endswith("ed") and tokens[i].islower() and tokens[i + 1] in _AFTER_PARTICIPLE:
            tokens = tokens[:i]  # "published in ...", "based at ...", "quoted by ..."
            break
    return " ".join(tokens) or phrase


def _trim_before_cue(text: str) -> str:
    """Drop auxiliaries, adverbs, time phrases and asides between a subject and its cue."""
    # Stripped before the loop too: text before a cue ends with a space, and taking it off
    # inside the loop would cost one more round just to see nothing else change.
    text = text.rstrip()
    previous = None
    while previous != text:
        previous = text
        text = text.rstrip()
        if text[-12:].lower().endswith(_TIME_WORDS):
            time_phrase = _TIME_PHRASE.search(text, max(0, len(text) - 40))
            if time_phrase:
                text = text[: time_phrase.start()]
        if text.endswith(","):
            text = _ASIDE.sub("", text)
            aside = _DESCRIPTION_ASIDE.search(text)
            if aside and text[: aside.start()].rstrip()[-1:].isalnum():
                text = text[: aside.start()]
        words = text.rsplit(None, 1)
        if len(words) == 2:
            last = words[1]
            lowered = last.lower()
            if lowered in _SKIP_BEFORE_CUE or (lowered.endswith("ly") and last.islower()):
                text = words[0]
            elif last == "to":
                # "My grandfather used to say", "the minister was quick to say": the verb
                # or adjective before the infinitive goes with it
                head = words[0].rsplit(None, 1)
                if len(head) == 2 and head[1] in _BEFORE_INFINITIVE:
                    text = head[0]
    return text.rstrip()


def _phrase_start(tokens: list[str], end: int, limit: int) -> int:
    """Index of the first token of the noun phrase ending at token ``end`` (exclusive)."""
    start = end
    while start > 0 and end - start < limit:
        word = tokens[start - 1]
        lowered = word.lower()
        if lowered == "and" and _joins_names(tokens, start - 1):
            start -= 1  # "The England and Wales Cricket Board"
            continue
        if not word[0].isalnum() or lowered in _PHRASE_BOUNDARIES:
            break
        start -= 1
        if lowered in _PHRASE_OPENERS:
            break
    return start


def apposed_speaker(head: str, offset: int = 0) -> Speaker | None:
    """The name in the words between a quote and its cue when they hold an aside:
    ``'...,' a police spokeswoman, Sgt. Carla Dunn, said`` or ``Jane Doe, a lawyer, said``.

    >>> apposed_speaker("a passenger, Laura Benning, ").text
    'Laura Benning'
    >>> apposed_speaker("Jane Doe, a spokeswoman for the ministry, ").text
    'Jane Doe'
    """
    match = _APPOSED_AFTER.match(head) or _NAME_THEN_ASIDE.match(head)
    if not match:
        return None
    return Speaker(match["name"], offset + match.start("name"), "")


def _joins_names(tokens: list[str], index: int) -> bool:
    return (
        0 < index < len(tokens) - 1
        and tokens[index - 1][0].isupper()
        and tokens[index + 1][0].isupper()
    )


def _opens_clause(tokens: list[str], index: int, openers: frozenset[str] = _CLAUSE_OPENERS) -> bool:
    if index == 0:
        return True
    word = tokens[index - 1]
    return not word[0].isalnum() or word.lower() in openers


_NOT_PLURALS = frozenset(
    {"always", "perhaps", "sometimes", "afterwards", "nevertheless", "towards", "besides"}
    | {"news", "series", "whereas", "thus", "does", "goes", "this", "these", "those"}
)


def _is_bare_plural(word: str) -> bool:
    """'forecasters say', 'analysts warned': a plural common noun can be the speaker.

    >>> _is_bare_plural("analysts"), _is_bare_plural("trolls"), _is_bare_plural("always")
    (True, True, False)
    """
    return (
        len(word) > 3
        and word.isalpha()
        and word.islower()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous"))
        and word not in _NOT_PLURALS
        and word not in _SKIP_BEFORE_CUE
    )


def subject_before(text: str, offset: int = 0, strict: bool = True) -> Speaker | None:
    """The noun phrase right before a cue: the speaker of ``NP said``. With ``strict``
    off, any noun phrase will do (the antecedent of "who": "trolls who branded").

    >>> subject_before("Among them, the new German chancellor, Olaf Scholz,").text
    'Olaf Scholz'
    >>> subject_before("something that Putin has").text
    'Putin'
    >>> subject_before("The White House").text
    'The White House'
    >>> subject_before("He then pointed to the war, and") is None
    True
    >>> subject_before("Headteacher Sarah Mbeki, who took over in 2022,").text
    'Headteacher Sarah Mbeki'
    >>> subject_before("But residents' group Save Our Fields").text
    "residents' group Save Our Fields"
    >>> subject_before("A senior official in the prime minister's office").text
    "A senior official in the prime minister's office"
    >>> subject_before("The authors of the study published in the journal Nature").text
    'The authors of the study published in the journal Nature'
    >>> subject_before("His daughter, Margaret, 79,").text
    'Margaret'
    >>> subject_before("an amber warning is in place, where forecasters").text
    'forecasters'
    >>> subject_before("My grandfather used to").text
    'My grandfather'
    """
    trimmed = _trim_before_cue(text)
    apposition = "," in trimmed and (
        _APPOSITION.search(trimmed) or _SHORT_APPOSITION.search(trimmed)
    )
    if apposition:
        return Speaker(apposition["name"], offset + apposition.start("name"), "")
    tokens = _PHRASE_TOKEN.findall(trimmed)  # strings: match objects cost more to make
    end = len(tokens)
    if end and tokens[-1] in _RELATIVE:
        token = tokens[-1]  # "the charity Mind, which said": resolved to its antecedent
        return Speaker(token, offset + len(trimmed) - len(token), "")
    start = _phrase_start(tokens, end, 7)
    if start == end:
        return None
    first = tokens[start]
    if first.lower() == "who" and end - start > 1:
        # "A woman who lives nearby said": the relative clause belongs to the subject.
        head = _phrase_start(tokens, start, 5)
        if head < start:
            start = head
        else:
            end = start + 1  # "..., who later said": the relative pronoun alone
    elif start > 1 and tokens[start - 1] in _PHRASE_PREPOSITIONS:
        # "A senior official in the prime minister's office", "The authors of the study
        # published in the journal Nature": a description with its prepositional phrases
        # (and a participle before one), when it opens the clause.
        head, head_end = start, start
        while head > 1 and tokens[head - 1] in _PHRASE_PREPOSITIONS:
            cut = head - 1
            if cut > 1 and tokens[cut - 1].endswith("ed") and tokens[cut - 1].islower():
                cut -= 1
            before = _phrase_start(tokens, cut, 5)
            if before >= cut:
                break
            head, head_end = before, cut
        head_words = tokens[head:head_end]
        if (
            head < start
            and _opens_clause(tokens, head)
            and end - head <= _SUBJECT_MAX_WORDS
            and (head_words[-1].islower() or len(head_words) == 1)
        ):
            start = head
    phrase = tokens[start:end]
    first = phrase[0]
    lowered = first.lower()
    if len(phrase) == 1 and lowered in _DETERMINERS:
        return None
    if lowered in PRONOUNS and lowered != "who" and all(w.islower() for w in phrase[1:]):
        end = start + 1  # "He instead told": a pronoun takes no modifiers
    if strict and not (
        first[0].isupper()
        or lowered in _DETERMINERS
        or is_pronoun(first)
        or lowered in _RELATIVE
        or (phrase[-1][0].isupper() and any(w[0].isupper() for w in phrase))
        or (
            len(phrase) == 1
            and _is_bare_plural(first)
            and _opens_clause(tokens, start, _BOUNDARY_WORDS)
        )
        or (lowered == "one" and len(phrase) > 1)
    ):
        return None
    begin, finish = _phrase_bounds(trimmed, tokens, start, end)
    return Speaker(trimmed[begin:finish], offset + begin, "")


def _phrase_bounds(text: str, tokens: list[str], start: int, end: int) -> tuple[int, int]:
    """Where ``tokens[start:end]`` (of ``_PHRASE_TOKEN.findall(text)``) starts and ends in
    ``text``. The tokens take in every character but whitespace and ``text`` ends with the
    last of them, so count back from the end: the subject is near it."""
    position = finish = len(text)  # the end of the token at ``index``
    for index in range(len(tokens) - 1, start - 1, -1):
        if index == end - 1:
            finish = position
        position -= len(tokens[index])
        if index > start:
            position = len(text[:position].rstrip())
    return position, finish


_AFTER_STOP = frozenset(
    {"on", "in", "at", "after", "before", "during", "as", "when", "while", "that", "to"}
    | {"and", "who", "which", "told", "said", "says", "was", "is", "had", "has", "would"}
)
_ROLE_NOUNS = TITLES | {"official", "officials", "source", "sources"}
_LEADING_PREPOSITIONS = frozenset(
    {"on", "in", "at", "after", "before", "during", "to", "from", "with", "by", "for", "of"}
)
_SENTENCE_STOP = re.compile(r"[,;:!?()\"“”‘’]|\.(?=\s|$)")


def noun_phrase_after(text: str, offset: int = 0) -> Speaker | None:
    """The noun phrase right after an inverted cue: ``said Jane Doe, a spokeswoman``.

    >>> noun_phrase_after(" Jane Doe, a spokeswoman for the ministry.").text
    'Jane Doe'
    >>> noun_phrase_after(" the minister on Tuesday.").text
    'the minister'
    >>> noun_phrase_after(" lead author Dr. Hana Okafor of the University of Leeds.").text
    'lead author Dr. Hana Okafor of the University of Leeds'
    >>> noun_phrase_after(" Dr. Amir Haddad, the state epidemiologist.").text
    'Dr. Amir Haddad'
    >>> noun_phrase_after(" a WeWork spokesperson when contacted.").text
    'a WeWork spokesperson'
    """
    lead = len(text) - len(text.lstrip())
    words: list[str] = []
    for match in re.finditer(r"\S+", text[lead:]):
        raw = match.group()
        word = raw
        stop = _SENTENCE_STOP.search(raw)
        abbreviation = raw.endswith(".") and (
            raw[:-1] in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)+", raw)
        )
        if stop and not abbreviation:
            word = raw[: stop.start()]
        lowered = word.lower()
        if words and lowered in _AFTER_STOP:
            break
        # A name ends at a lower-case word, but "a WeWork spokesperson" goes on: there the
        # name only qualifies the role.
        if (
            words
            and words[-1][:1].isupper()
            and word[:1].islower()
            and lowered not in _CONNECTORS
            and not (words[0].lower() in _DETERMINERS and lowered in _ROLE_NOUNS)
        ):
            break
        if word:
            words.append(word)
        if (stop and not abbreviation) or len(words) >= 10:
            break
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    if not words:
        return None
    phrase = " ".join(words)
    first = words[0]
    if first.lower() in _LEADING_PREPOSITIONS:
        return None  # "said on Tuesday": a time or place, not who said it
    if not (
        first[0].isupper()
        or first.lower() in _DESCRIPTION_DETERMINERS
        or is_pronoun(first)
        or any(w[0].isupper() for w in words[1:4])
    ):
        return None
    return Speaker(phrase, offset + lead, "")


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

# "..., says Richard Locksley, an immunologist": a name after an inverted cue speaks too.
_INVERTING_CUES = trie_pattern(
    [
        *("said", "says", "added", "adds", "wrote", "writes", "explained", "explains"),
        *("noted", "notes", "recalled", "recalls", "asked", "asks", "continued", "continues"),
    ]
)
INVERTED_SUBJECT_PATTERN = r"\b(?:" + _INVERTING_CUES + ") " + MULTI_NAME_PATTERN


class NameEvidence(NamedTuple):
    multi_word: list[str]  # "Vladimir Putin", "The White House"
    titled: list[str]  # "President Vladimir Putin"
    cue_subjects: list[str]  # "Biden said"
    inverted_subjects: tuple[str, ...] | list[str] = ()  # "says Richard Locksley"


# The same patterns for Python's ``re``, which scans fast for a first character class but
# not past a leading ``\b``: the word boundary becomes a look-behind after the first letter.
_PY_MULTI_NAME = re.compile(MULTI_NAME_PATTERN)
_PY_TITLED_NAME = re.compile(TITLED_NAME_PATTERN.replace(r"\b(?i:", r"(?<!\w)(?i:", 1))
# The case-blind title trie above is tried at every position of a text, which makes it the
# dearest of these searches. _titled_names starts from the capitals instead (a name starts
# with one) and looks for a title just before each, in lower case.
_PY_CAPITAL_AFTER_SPACE = re.compile(r" (?=[A-Z])")
_PY_TITLE_BEFORE = re.compile(r"(?<!\w)" + trie_pattern(sorted(TITLES)) + r"\.?$")
_TITLE_REACH = max(map(len, TITLES)) + 2  # a title, its full stop, the boundary before it
_PY_NAME = re.compile(_NAME.pattern)
_PY_CUE_SUBJECT = re.compile(r"[A-Z](?<!\w[A-Z])" + CUE_SUBJECT_PATTERN[len(r"\b[A-Z]") :])
# A cue right before a name found by _PY_MULTI_NAME: the same matches as
# INVERTED_SUBJECT_PATTERN, without a second scan of the text.
_PY_INVERTING_CUE_BEFORE = re.compile(r"(?<!\w)(?:" + _INVERTING_CUES + r") $")
_LONGEST_INVERTING_CUE = 10  # "continued "


def find_name_evidence(text: str) -> NameEvidence:
    """The same evidence with Python's ``re``, for one article at a time.

    >>> evidence = find_name_evidence("Chief Executive Sam Adeyemi said. Adeyemi wrote.")
    >>> evidence.titled, evidence.cue_subjects
    (['Chief Executive Sam Adeyemi'], ['Adeyemi said', 'Adeyemi wrote'])
    >>> find_name_evidence("It works, says Richard Locksley, an immunologist.").inverted_subjects
    ['says Richard Locksley']
    """
    multi_word: list[str] = []
    inverted: list[str] = []
    for match in _PY_MULTI_NAME.finditer(text):
        name, start = match.group(), match.start()
        multi_word.append(name)
        if start > 4 and text[start - 1] == " ":
            cue = _PY_INVERTING_CUE_BEFORE.search(
                text, max(0, start - _LONGEST_INVERTING_CUE - 1), start
            )
            if cue:
                inverted.append(cue.group() + name)
    return NameEvidence(multi_word, _titled_names(text), _PY_CUE_SUBJECT.findall(text), inverted)


def _titled_names(text: str) -> list[str]:
    """``_PY_TITLED_NAME.findall(text)``, faster.

    >>> _titled_names("Ex-President Lee met mr. Abe, and expresident Kim the President of Peru.")
    ['President Lee', 'mr. Abe']
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ")
        return _PY_TITLED_NAME.findall(text)
    found: list[str] = []
    done = 0
    for space in _PY_CAPITAL_AFTER_SPACE.finditer(text):
        at = space.start()
        if at <= done:
            continue
        # The search starts past the previous name; its look-behind still sees before that.
        title = _PY_TITLE_BEFORE.search(lowered, max(done, at - _TITLE_REACH), at)
        if title is None:
            continue
        name = _PY_NAME.match(text, at + 1)
        if name:
            found.append(text[title.start() : name.end()])
            done = name.end()
    return found


class NameIndex:
    """The people an article names, for pronouns and canonical (fullest) names."""

    def __init__(self, evidence: NameEvidence) -> None:
        self.evidence = evidence
        self.full_names: dict[str, str] = {}  # surname -> fullest name seen
        self.known: set[str] = set()  # single tokens known to name a person
        # Surnames with evidence beyond their spelling that they name someone: they speak
        # ("Giuffre said") or carry a title ("President Obama"). A place or a hotel has
        # neither, whatever words it is made of.
        self.evidenced: set[str] = set()
        self.titled_names: set[str] = set()  # "Andrew" of "Prince Andrew"
        # surname -> the first words of the full names it ends: two ("Jennifer Williams",
        # "John Williams") mean a bare "Williams" could be either, so it joins neither.
        self.given_names: dict[str, set[str]] = {}
        # canonical() answers, for this article only: its speakers come back quote after quote.
        self._canonical: dict[str, str] = {}
        for found in evidence.multi_word:
            name = _bare_name(found)
            if " " in name and not name_tokens_are_person(name):
                name = _person_tail(name) or name
            if " " in name and name_tokens_are_person(name) and not _all_titles(name):
                surname = name.rsplit(" ", 1)[1]
                self.known.add(surname)
                self.given_names.setdefault(surname, set()).add(name.split(" ", 1)[0])
                if len(name) > len(self.full_names.get(surname, "")):
                    self.full_names[surname] = name
        for found in evidence.titled:
            name = _bare_name(found)
            if name_tokens_are_person(name) and not _all_titles(name):
                surname = name.split()[-1]
                self.known.add(surname)
                self.evidenced.add(surname)
                self.titled_names.add(surname)
        for found in evidence.cue_subjects:
            name = _bare_name(found.split()[0])
            if not is_pronoun(name) and name_tokens_are_person(name):
                self.known.add(name)
                self.evidenced.add(name)
        for found in evidence.inverted_subjects:
            name = strip_titles(_bare_name(found.split(" ", 1)[1]))
            if " " in name and name_tokens_are_person(name):
                self.known.add(name.rsplit(" ", 1)[1])
                self.evidenced.add(name.rsplit(" ", 1)[1])
        for found in evidence.multi_word:
            # "Virginia Giuffre" where the article has "Giuffre said": the speaker's first
            # name, though it is also a place (Virginia, Georgia, Jordan).
            tokens = _bare_name(found).split()
            if (
                len(tokens) == 2
                and tokens[1] in self.known
                and tokens[0].isalpha()
                and tokens[0][0].isupper()
                and tokens[0].lower() not in TITLES
                and tokens[0].lower() not in _CUE_WORDS  # "Says Giuffre"
                and len(" ".join(tokens)) > len(self.full_names.get(tokens[1], ""))
            ):
                self.full_names[tokens[1]] = " ".join(tokens)

    @cached_property
    def first_names(self) -> dict[str, set[str]]:
        """ "Wang" -> {"Wang Lei"}: later references by a first name (or a family name
        written first)."""
        found: dict[str, set[str]] = {}
        for name in self.full_names.values():
            found.setdefault(name.split(" ", 1)[0], set()).add(name)
        return found

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """ "FAA" -> "Federal Aviation Administration", for names that are not people."""
        found: dict[str, str] = {}
        for written in self.evidence.multi_word:
            name = _bare_name(written)
            if " " not in name or name_tokens_are_person(name):
                continue
            initials = "".join(w[0] for w in name.split() if w.lower() not in _CONNECTORS)
            if len(initials) > 1 and initials.isupper():
                found.setdefault(initials, name)
        return found

    @cached_property
    def roles(self) -> dict[str, set[str]]:
        """ "prime minister" -> {"Anna Lindqvist"}: who holds a title written before a name."""
        found: dict[str, set[str]] = {}
        for written in self.evidence.titled:
            name = _bare_name(written)
            if name_tokens_are_person(name) and not _all_titles(name):
                words = written.split()
                title_words = words[: len(words) - len(name.split())]
                role = " ".join(word.lower().rstrip(".") for word in title_words)
                found.setdefault(role, set()).add(self.full_names.get(name.split()[-1], name))
        return found

    def is_person(self, name: str) -> bool:
        name = _bare_name(name)
        return name_tokens_are_person(name) and (" " in name or name in self.known)

    def is_evidenced_person(self, name: str) -> bool:
        """A person who speaks or carries a title somewhere in the article."""
        name = _bare_name(name)
        surname = name.rsplit(" ", 1)[-1]
        # a lone capitalised word that speaks ("Surgeons said") must also end a full name
        return (
            self.is_person(name)
            and surname in self.evidenced
            and (" " in name or surname in self.full_names or surname in self.titled_names)
        )

    def canonical(self, name: str) -> str:
        """The fullest name for a person, the full name of an acronym, the person holding
        a title ("the prime minister"); other descriptions lose a leading article.

        >>> index = NameIndex(find_name_evidence(
        ...     "President Vladimir Putin met Biden. Prime Minister Anna Lindqvist spoke. "
        ...     "The Federal Aviation Administration and Wang Lei"))
        >>> index.canonical("Putin"), index.canonical("The US president")
        ('Vladimir Putin', 'US president')
        >>> index.canonical("the prime minister"), index.canonical("The FAA")
        ('Anna Lindqvist', 'Federal Aviation Administration')
        >>> index.canonical("Wang"), index.canonical("Analyst Rohan Mehta of Crestline")
        ('Wang Lei', 'Rohan Mehta')
        >>> two = NameIndex(find_name_evidence("Jennifer Williams and John Williams spoke."))
        >>> two.canonical("Williams"), two.canonical("John Williams")
        ('Williams', 'John Williams')
        """
        if name not in self._canonical:
            self._canonical[name] = self._find_canonical(name)
        return self._canonical[name]

    def _find_canonical(self, name: str) -> str:
        core = name_core(strip_possessive(name))
        if core is None or _all_titles(core):
            # "the Prime Minister" -> "Prime Minister"; "one neo-bank CEO" -> "neo-bank CEO"
            description = strip_description(core if core is not None and " " in core else name)
            holders = self.roles.get(description.lower())
            if holders and len(holders) == 1:
                return next(iter(holders))
            return description
        if core.isupper():
            return self.acronyms.get(core, core)
        if not name_tokens_are_person(core) and core.count(" ") >= 2:
            # "Britain Liu Xiaming" (of "China's ambassador to Britain Liu Xiaming")
            core = _person_tail(core) or core
        if name_tokens_are_person(core):
            surname = core.rsplit(" ", 1)[-1]
            if " " not in core and _different_people(self.given_names.get(surname, set())):
                return core  # two people share the surname: no evidence which one
            fullest = self.full_names.get(surname)
            if fullest is not None and (
                " " not in core
                or not _different_people({core.split(" ", 1)[0], fullest.split(" ", 1)[0]})
            ):
                return fullest  # "John Williams" never becomes "Jennifer Williams"
            holders = self.first_names.get(core)
            if holders and len(holders) == 1:
                return next(iter(holders))
        return core

    def people_in(self, masked: str) -> list[tuple[int, str]]:
        """(offset, name) of every person mentioned in a paragraph, in order."""
        found = []
        for match in _NAME.finditer(masked):
            written = match.group()
            name = _bare_name(written)
            if self.is_person(name):
                found.append((match.start() + max(written.find(name), 0), name))
                continue
            # "Russian President Vladimir Putin": the person may sit inside the sequence.
            tokens = name.split()
            for size in range(len(tokens) - 1, 0, -1):
                tail = " ".join(tokens[-size:])
                if self.is_person(tail):
                    found.append((match.start() + len(name) - len(tail), tail))
                    break
        return found


def _different_people(given_names: set[str]) -> bool:
    """Whether first words of full names with one surname name different people: "Jennifer"
    and "John" do; "Josh" and "Joshua", or "Robert" and "R.", may be one person.

    >>> _different_people({"Jennifer", "John"}), _different_people({"Josh", "Joshua"})
    (True, False)
    """
    names = sorted(given_names, key=len)
    for i, short in enumerate(names):
        stem = short.rstrip(".")
        for long in names[i + 1 :]:
            if not long.startswith(stem):
                return True
    return False


@lru_cache(maxsize=65536)
def _all_titles(name: str) -> bool:
    return all(token.lower() in TITLES for token in name.split())


# Closed-class words that start a sentence with a capital and so run into the name after
# them: "Because Dempsey said", "But Vaughan cautioned", "The Howitt lab".
_FUNCTION_WORDS = (
    _BOUNDARY_WORDS
    | _DETERMINERS
    | PRONOUNS
    | {"his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "it"}
    | {"both", "all", "each", "every", "some", "many", "most", "several", "neither", "either"}
)


@lru_cache(maxsize=65536)
def _bare_name(name: str) -> str:
    """A name without its possessive, titles and a sentence's opening function word.

    >>> _bare_name("Because Dempsey"), _bare_name("President Vladimir Putin’s")
    ('Dempsey', 'Vladimir Putin')
    """
    tokens = name.split()
    while len(tokens) > 1 and tokens[0].lower() in _FUNCTION_WORDS:
        tokens.pop(0)
    return strip_titles(strip_possessive(" ".join(tokens)))


def _person_tail(name: str) -> str | None:
    """The longest run of two or more words at the end of a capitalised sequence that can
    name a person: "State Mike Pompeo" (of "Secretary of State Mike Pompeo") -> "Mike
    Pompeo", "Britain Liu Xiaming" -> "Liu Xiaming".

    >>> _person_tail("State Mike Pompeo"), _person_tail("Conflict Intelligence Team")
    ('Mike Pompeo', None)
    >>> _person_tail("Institute for Fiscal Studies") is None
    True
    """
    tokens = name.split()
    if not all(token[:1].isupper() for token in tokens):
        return None  # "Institute for Fiscal Studies" is one name
    for size in range(len(tokens) - 1, 1, -1):
        joined = " ".join(tokens[-size:])
        if name_tokens_are_person(joined) and not _all_titles(joined):
            return joined
    return None


def preceded_by_preposition(masked: str, start: int) -> bool:
    """True when the name starting at ``start`` is the object of a preposition
    ("talking to President Vladimir Putin", "a call with Ukrainian president Zelensky",
    "his squad for the Six Nations")."""
    words = masked[:start].split()
    while words and (
        words[-1].lower() in TITLES
        or words[-1].lower() in _DETERMINERS
        or (words[-1][:1].isupper() and not words[-1].isupper())
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


# What a source is when it is not a person's name. Closed classes: the nouns of documents
# and media that "say" things, and the nouns of a body of people.
_DOCUMENT_NOUNS = frozenset(
    [
        "statement",
        "report",
        "letter",
        "study",
        "review",
        "survey",
        "poll",
        "paper",
        "memo",
        "filing",
        "document",
        "complaint",
        "ruling",
        "judgment",
        "lawsuit",
        "indictment",
        "release",
        "email",
        "tweet",
        "post",
        "note",
        "transcript",
        "analysis",
        "article",
        "editorial",
        "book",
        "website",
        "blog",
        "video",
        "broadcast",
        "proposal",
        "plan",
        "order",
        "decision",
        "law",
        "bill",
        "resolution",
        "guidance",
        "guidelines",
        "notice",
        "message",
        "announcement",
    ]
)
_GROUP_NOUNS = frozenset(
    [
        "crowd",
        "audience",
        "panel",
        "committee",
        "team",
        "family",
        "jury",
        "staff",
        "group",
        "people",
        "police",
        "public",
    ]
)


def speaker_kind(canonical: str | None, names: NameIndex) -> str | None:
    """What the speaker is: person, organisation, document, group or pronoun (unresolved).

    >>> index = NameIndex(find_name_evidence("Olaf Scholz said. The FAA said. Protesters said."))
    >>> [speaker_kind(c, index) for c in ["Olaf Scholz", "FAA", "report", "Protesters",
    ...     "senior official", "they", "authors of the study"]]
    ['person', 'organisation', 'document', 'group', 'person', 'pronoun', 'group']
    """
    if canonical is None:
        return None
    if is_pronoun(canonical) or canonical.lower() == "it":
        return "pronoun"
    if (
        " " not in canonical
        and _is_bare_plural(canonical.lower())
        and canonical not in names.full_names  # "Williams" of "Jennifer Williams"
        and canonical not in names.titled_names
    ):
        return "group"  # "Protesters said": capitalised only by the sentence
    core = name_core(strip_possessive(canonical))
    if core is not None and not _all_titles(core):
        if core.isupper() and len(core) > 1:
            return "organisation"  # an acronym: CBP, UK, NATO
        return "person" if names.is_person(core) else "organisation"
    head = _head_noun(canonical)
    if head in _DOCUMENT_NOUNS:
        return "document"
    if head in _GROUP_NOUNS or _is_bare_plural(head):
        return "group"
    return "person"  # one person described: "a spokesperson", "the judge"


def _head_noun(description: str) -> str:
    """The noun a description is about: its last word before a preposition.

    >>> _head_noun("spokesperson for the British Foreign Office"), _head_noun("Protesters")
    ('spokesperson', 'protesters')
    """
    words = description.lower().split()
    for i, word in enumerate(words):
        if i and word in _PHRASE_PREPOSITIONS | {"by", "with", "to", "who", "which", "that"}:
            return words[i - 1]
    return words[-1] if words else ""
