"""Patterns are data: every rule the cleaners apply, named, in one place.

The name of a boilerplate rule is what lands in ``removed_lines.rule``, so users can
audit which rule removed what and tune the list. Each rule matches a *whole* line
(case-insensitive), which keeps a rule from eating a sentence that merely mentions
"comments" or "cookies".
"""

from __future__ import annotations

from typing import NamedTuple


def for_polars(pattern: str) -> str:
    """The pattern with ASCII word boundaries, which keep Rust's regex (Polars) on its fast
    engine: a Unicode ``\\b`` made the name and caption searches 10-20x slower. The words
    they bound start with ASCII letters.

    >>> for_polars(r"\\bpictured\\b")
    '(?-u:\\\\b)pictured(?-u:\\\\b)'
    """
    return pattern.replace(r"\b", r"(?-u:\b)")


class LineRule(NamedTuple):
    name: str
    family: str
    pattern: str  # Rust-regex syntax (Polars); anchored to the whole line
    example: str  # a line the rule removes; tests check every example
    max_chars: int = 200  # longer lines are prose, whatever they match


BOILERPLATE_RULES: tuple[LineRule, ...] = (
    # Comment prompts
    LineRule(
        "comment_prompt",
        "comments",
        r"(?:post|leave|add|write|submit) (?:a |your )?comments?|be the first to comment"
        r"|join the (?:conversation|discussion)|(?:view|show|load|see|read) (?:all )?\d* ?comments"
        r"|comments? \(\d+\)|\d+ comments?|comments?",
        "Post a Comment",
    ),
    # Search boxes
    LineRule(
        "search_box",
        "search",
        r"start typing and press enter to search|press enter to search"
        r"|(?:type|enter) (?:your |a )?(?:search(?: term| query)?|keywords?)(?: here)?(?:\.\.\.|…)?"
        r"|search(?: for| this site| the site)?(?:\.\.\.|…|:)?",
        "Start typing and press Enter to search",
    ),
    # Share buttons
    LineRule(
        "share_button",
        "share",
        r"share(?: this| the)?(?: article| story| post| page| video)?"
        r"(?: on (?:facebook|twitter|x|whatsapp|linkedin|email|reddit|pinterest))?:?"
        r"|(?:facebook|twitter|whatsapp|linkedin|pinterest|reddit|email|print|tweet|pin it"
        r"|copy link|flipboard|messenger)"
        r"|\d+ shares?|shares?",
        "Share this article",
    ),
    # Follow prompts
    LineRule(
        "follow_prompt",
        "follow",
        r"(?:follow|like) (?:us|@\w+)(?: on (?:facebook|twitter|x|instagram|tiktok|youtube|linkedin"
        r"|threads|bluesky|google news))?(?: for [^.]{0,60})?[.!]?",
        "Follow us on Twitter",
    ),
    # Newsletter sign-ups
    LineRule(
        "newsletter_signup",
        "newsletter",
        # "Register for the vote by Friday." is news: the object must be a mailing.
        r"(?:sign up|subscribe|register)(?: now| here| today)?(?: (?:to|for) (?:our|the|my)"
        r" (?:[\w'-]+ ){0,4}(?:newsletters?|e-?mails?|updates|alerts|digest|briefing|bulletin"
        r"|mailing list|account|edition)(?: [^.]{0,40})?)?[.!]?"
        r"|get (?:our|the) [^.]{0,40}newsletter[^.]{0,40}[.!]?"
        r"|[^.]{0,40}newsletter sign[- ]?up[.!]?",
        "Sign up for our newsletter",
    ),
    # Cookie notices
    LineRule(
        "cookie_notice",
        "cookies",
        # "We use cookies to track down smugglers, the agency said." is news: a banner talks
        # of the visit, the site, consent or ads.
        r"(?:we|this (?:web)?site|our (?:web)?site)(?: and our (?:\w+ )?partners)? uses? cookies"
        r"(?:[.!]?|[ ,](?:to|for|and|so|which|that)\b[^'\"’”]{0,200}"
        r"(?:experience|brows|website|site|analytic|personali[sz]|advertis|consent|privacy"
        r"|preferences|agree|accept|continu|improv|service|content|traffic)[^'\"’”]{0,200})"
        r"|(?:accept|reject|allow|deny|manage)(?: all)? cookies|(?:accept|reject|allow) all"
        r"|manage (?:preferences|options|settings|consent)|cookie (?:settings|policy|preferences"
        r"|consent)|we value your privacy|your privacy choices|privacy (?:settings|preferences)",
        "We use cookies to improve your experience. Accept all cookies",
        600,  # a banner is a paragraph of its own
    ),
    # Advertising markers
    LineRule(
        "advertisement",
        "advertising",
        r"advertisement|advert|ad|sponsored(?: content)?|promoted(?: content)?|paid content"
        r"|story continues below(?: advertisement)?|article continues below(?: advertisement)?"
        r"|continue reading below|scroll (?:down )?to continue(?: reading)?",
        "Advertisement",
    ),
    # Read-more and related-link blocks
    LineRule(
        "read_more",
        "related",
        r"(?:read more|read next|related(?: articles| stories| content| topics)?|more on this story"
        r"|recommended(?: for you)?|most read|most popular|you may also like|you might also like"
        r"|continue reading|trending now|top stories|see also)(?::[^\n]{0,150})?",
        "Read more: Putin warns the West",
    ),
    # Copyright footers
    LineRule(
        "copyright_footer",
        "copyright",
        # A notice has a year, or the © sign, or is a few words: "Copyright lawyers said
        # the ruling would be appealed." is news. The site's name may come first.
        r"(?:[^\n©]{0,40}\s)?(?:©|\(c\)|copyright)\s*\d{4}(?:\s*[-–]\s*\d{4})?[^\n]{0,120}"
        r"|(?:[^\n©]{0,40}\s)?©[^\n]{0,120}|copyright(?:\s+[^\s.!?]+){0,5}\.?"
        r"|all rights reserved\.?",
        "© 2021 Example News Ltd. All rights reserved.",
    ),
    # Site navigation
    LineRule(
        "site_navigation",
        "navigation",
        r"skip to (?:main )?content|back to top|menu|home|log ?in|sign in|my account"
        r"|toggle navigation|close|open menu|next article|previous article",
        "Skip to content",
    ),
)

# HTML tags scrapers leave in text (ad slots, tracking pixels, inline formatting).
MARKUP_TAG = (
    r"</?(?:a|abbr|article|aside|b|blockquote|br|button|center|dd|div|dl|dt|em|figcaption|figure"
    r"|font|footer|form|h[1-6]|header|hr|i|iframe|img|input|label|li|link|meta|nav|noscript|ol|p"
    r"|script|section|select|small|span|strong|style|sub|sup|table|tbody|td|th|tr|u|ul|video)"
    r"(?:\s[^<>]*)?/?>"
)
# Lines of code or template markup a renderer printed as text.
CODE_LINE = (
    r"document\.(?:getElementById|write|querySelector|createElement)|\bfunction\s*\("
    r"|^\s*(?:var|let|const)\s+\w+\s*=|^\s*[{}]\s*[;)]?\s*$|^['\"];?\s*\}|window\.\w+\s*="
    r"|\{\*[^}]*\*\}|\{\{[^}]*\}\}|\{%[^}]*%\}|\[/?[a-z_]+(?:\s+[a-z_]+=[^\]]*)?\][^\[]*\[/[a-z_]+\]"
)

# Marks that end a sentence, in many scripts: 。！？ (Chinese, Japanese), । (Devanagari),
# ။ (Burmese), ۔ (Urdu), ؟ (Arabic). One definition for every rule that reads line ends.
SENTENCE_MARKS = ".!?…。！？।။۔؟"
# Closing quotes and brackets that may follow a sentence's mark.
CLOSERS = r"[\"'’”»)\]」』]*"
# Reference marks after a sentence: a footnote ("evolved.[3]", "evolved.¹") or a source in
# brackets ("... is sacred. [M1 / MP]"), as wikis and long reads print them.
REFERENCE_MARKS = r"(?:\s?\[[^\[\]]{1,24}\]|[¹²³⁰⁴-⁹]+)*"
# Terminal punctuation: a line ending like this reads as prose; captions usually don't.
TERMINAL_PUNCTUATION = rf"[{SENTENCE_MARKS}:;]{CLOSERS}{REFERENCE_MARKS}$"
# A line that ends a sentence (a colon or semicolon does not).
SENTENCE_END = rf"[{SENTENCE_MARKS}]{CLOSERS}{REFERENCE_MARKS}$"

# Words that mark a photo caption even when it is printed only once.
CAPTION_CUE = (
    r"(?i)\bpictured\b|\((?:left|right|centre|center|top|bottom|above|below|inset|file photo)\)"
    r"|\((?:from )?(?:left|right)(?: to (?:left|right))?\)|\(l-r\)"
    r"|\b(?:is|are|was|were) (?:seen|shown|pictured)\b|\bfile photo\b|\bin this (?:photo|image)\b"
    r"|\(?\b(?:photo|image|picture|credit):"
    # A caption may end with its picture's credit: "(AP Photo/J. Scott Applewhite)".
    r"|\((?:AP|AFP|Reuters|Getty|EPA|PA)(?: Photo| Images)?(?:/[^)]{1,60})?\)\s*$"
    r"|\b(?:AP|AFP|EPA) Photo/|\bGetty Images\s*$|\bImage source\b"
)

# A line that only credits a picture: "Credit Harry Campbell", "Image source, PA Media",
# "Photo: Getty Images", "(AP Photo/J. Scott Applewhite)", "Reuters".
CREDIT_LINE = (
    r"(?i)^(?:(?:photo(?:graph)?|image|picture|credit|courtesy|source|foto)(?: source| credit)?"
    r"s?\b[:,]?\s*.{0,60}|\((?:AP|AFP|Reuters|Getty|EPA|PA)[^)]{0,60}\)"
    r"|(?:getty images|reuters|ap|afp|epa|pa media|shutterstock|alamy)(?:/.{1,40})?)$"
)

# A label short enough to be image alt text (and not a sentence).
ALT_TEXT_MAX_WORDS = 8
ALT_TEXT_MAX_CHARS = 80

# Lines before the headline shorter than this are not "substantial" enough to be it.
HEADLINE_MIN_WORDS = 3

# ---------------------------------------------------------------------------
# Dates. Named groups per format; the parser coalesces them in this order.
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
MONTH_NAMES = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_PREFIX = r"^(?:(?:published|updated|posted|last updated|first published)(?: on| at)?:?\s*)?"
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?\s*[,|]?\s*)?"
_TAIL = r"(?:\s*(?:,|\||at|-|–)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?)?"
_TAIL += r"(?:\s*\|\s*updated:?[^\n]{0,60})?\s*$"

DATE_FORMATS: dict[str, str] = {
    # Friday 10 December 2021 / 10 Dec. 2021 / Fri, 10 December 2021, 10:32
    "day_month_year": _PREFIX
    + _TIME
    + r"(?:"
    + WEEKDAY
    + r",?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})" + _TAIL,
    # Friday, December 10, 2021 / Dec. 10 2021
    "month_day_year": _PREFIX
    + _TIME
    + r"(?:"
    + WEEKDAY
    + r",?\s+)?"
    + _MONTH
    + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    + _TAIL,
    # 2021-12-10 / 2021-12-10T09:30:00Z / 2021/12/10
    "iso": _PREFIX + r"(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})"
    r"(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?" + _TAIL,
}
# How many leading content lines may hold the date line.
DATE_LINE_SEARCH_DEPTH = 3

# ---------------------------------------------------------------------------
# Quotations and attribution.

# Verbs and phrases that attribute speech, longest first so "told reporters" beats "told".
ATTRIBUTION_CUES: tuple[str, ...] = (
    "told reporters",
    "told journalists",
    "told the bbc",
    "told a news conference",
    "told a press conference",
    "said in a statement",
    "said on twitter",
    "wrote on twitter",
    "according to",
    "in the words of",
    "pointed out",
    "went on",
    "warned of",
    "spoke of",
    "added that",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "insisted",
    "insists",
    "explained",
    "explains",
    "noted",
    "notes",
    "stated",
    "states",
    "declared",
    "declares",
    "claimed",
    "claims",
    "argued",
    "argues",
    "announced",
    "announces",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "asked",
    "asks",
    "replied",
    "replies",
    "responded",
    "continued",
    "acknowledged",
    "admitted",
    "admits",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "described",
    "describes",
    "describe",
    "accused",
    "accuses",
    "argue",
    "warn",
    "insist",
    "claim",
    "admit",
    "suggest",
    "called",
    "calls",
    "urged",
    "urges",
    "vowed",
    "vows",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "ruled",
    "termed",
    "suggested",
    "suggests",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "predicted",
    "predicts",
    "recalled",
    "complained",
    "conceded",
    "cautioned",
    "condemned",
    "condemns",
    "denounced",
    "denounces",
    "branded",
    "brands",
    "dubbed",
    "labelled",
    "labeled",
    "hailed",
    "praised",
    "boasted",
    "joked",
    "quipped",
    "shouted",
    "shouts",
    "ordered",
    "recounted",
    "commented",
    "comments",
    "concluded",
    "written",
    "whispered",
    "screamed",
    "yelled",
    "agreed",
    "remarked",
    "observed",
    "revealed",
    "reported",
    "assured",
    "assures",
    "insisted",
    "maintained",
    "reiterated",
    "thundered",
    "fumed",
    "blasted",
    "slammed",
    "hit out",
    "lashed out",
    "saying",
    "adding",
    "warning",
    "telling",
    "insisting",
    "assuring",
    "noting",
    "calling",
    "describing",
    "arguing",
    "declaring",
    "claiming",
    "explaining",
    "stressing",
    "urging",
    "vowing",
    "promising",
    "pledging",
    "writing",
    "asking",
    "branding",
    "dubbing",
    "condemning",
    "denouncing",
    "accusing",
)

# Words before a quote mark that make it a scare quote, whoever wrote the sentence.
SCARE_MARKER = r"(?i)\bso[- ]called\s*$"

# Marks that open a word but elide letters or digits: decades ("the '60s"), "rock 'n' roll",
# "'em", "'til". They are apostrophes, never quote marks. Group ``pair`` ends at a second
# mark that belongs to the same elision.
ELISION = r"[’'](?<!\w[’'])(?:(?=\d\ds?\b|em\b|til\b|cause\b|tis\b|twas\b)|(?P<pair>n[’'](?!\w)))"

# Abbreviations written with a full stop inside a sentence ("Dr. Amir Haddad"): a stop after
# one of these, or after a single capital letter ("U.S.", "J. Smith"), does not end a sentence.
ABBREVIATIONS: tuple[str, ...] = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Sgt",
    "Gov",
    "Sen",
    "Rep",
    "Gen",
    "Col",
    "Capt",
    "Lt",
    "Det",
    "Insp",
    "Supt",
    "Cpl",
    "Maj",
    "Adm",
    "Cmdr",
    "Rev",
    "Fr",
    "Hon",
    "St",
    "Jr",
    "Sr",
    "Mt",
    "Ft",
)

# Cues that name the speaker after them ("according to the agency").
NAMING_CUES = frozenset({"according to", "in the words of"})
# Participles attach to the subject of the clause they follow ("..., adding that ...").
PARTICIPLE_CUES = frozenset(c for c in ATTRIBUTION_CUES if c.endswith("ing"))

# A participle right after one of these verbs belongs to the noun phrase before the verb:
# "the pilot can be heard saying", "the minister was quoted as saying", "the board issued a
# statement saying".
PARTICIPLE_FRAME = (
    r"(?i)\s+(?:(?:can|could|was|were|is|are|be|been|being|has|have|had)\s+)*"
    r"(?:heard|seen|filmed|recorded|overheard|quoted as|caught on camera"
    # "the commission issued a statement warning": the statement's author speaks
    r"|(?:issued|released|published|put out|sent|posted)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?"
    r"(?:statement|report|letter|release|note|tweet|message|post))\s*$"
)

# Titles stripped from canonical names ("President Vladimir Putin" -> "Vladimir Putin").
TITLES = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "chancellor",
        "secretary",
        "senator",
        "sen",
        "sen.",
        "rep",
        "rep.",
        "representative",
        "governor",
        "gov",
        "gov.",
        "mayor",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "dr",
        "dr.",
        "sir",
        "dame",
        "lord",
        "lady",
        "judge",
        "justice",
        "general",
        "gen",
        "gen.",
        "colonel",
        "col",
        "col.",
        "captain",
        "capt",
        "capt.",
        "chief",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "rev",
        "rev.",
        "reverend",
        "professor",
        "prof",
        "prof.",
        "officer",
        "detective",
        "sergeant",
        "sgt",
        "sgt.",
        "commissioner",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "leader",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "ceo",
        "coach",
        "manager",
        "foreign",
        "defence",
        "defense",
        "finance",
        "health",
        "interior",
        "home",
        "justice",
        "deputy",
        "first",
        "lady",
        "speaker",
        "inspector",
        "superintendent",
        "constable",
        "det",
        "det.",
        "lieutenant",
        "lt",
        "lt.",
        "major",
        "admiral",
        "marshal",
        "sheriff",
        "attorney",
        "mp",
        "mep",
        "congressman",
        "congresswoman",
        "councillor",
        "councilor",
        # Roles printed before a name like a title ("Striker Joao Mendes", "Analyst Rohan Mehta")
        "executive",
        "officer",
        "assistant",
        "analyst",
        "economist",
        "strategist",
        "researcher",
        "scientist",
        "author",
        "editor",
        "founder",
        "co-founder",
        "owner",
        "campaigner",
        "activist",
        "headteacher",
        "headmaster",
        "headmistress",
        "principal",
        "teacher",
        "councilman",
        "councilwoman",
        "insp",
        "insp.",
        "supt",
        "supt.",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "winger",
        "boss",
        "adviser",
        "advisor",
        "aide",
        "lawyer",
        "solicitor",
        "barrister",
        "attorney",
        "prosecutor",
        "doctor",
        "nurse",
        "surgeon",
        "consultant",
        "presenter",
        "broadcaster",
        "actor",
        "actress",
        "singer",
        "rapper",
        "comedian",
        "star",
    ]
)

PRONOUNS = frozenset({"he", "she", "they", "i", "we", "who"})

# Capitalised words that are never a person's name: places, peoples, organisations,
# calendar words and sentence openers. Keeps "Ukraine" or "NATO" from answering "he said".
NOT_PERSON_WORDS = frozenset(
    w.lower()
    for w in [
        "The",
        "A",
        "An",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "If",
        "When",
        "While",
        "As",
        "After",
        "Before",
        "Since",
        "Though",
        "Although",
        "However",
        "Meanwhile",
        "Still",
        "Then",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "Our",
        "Their",
        "His",
        "Her",
        "Among",
        "Beyond",
        "At",
        "In",
        "On",
        "Of",
        "For",
        "With",
        "From",
        "By",
        "To",
        "Into",
        "Over",
        "Under",
        "Between",
        "Despite",
        "During",
        "Until",
        "According",
        "Asked",
        "Speaking",
        "Sentencing",
        "Responding",
        "Commenting",
        "Following",
        "Addressing",
        "Opening",
        "Writing",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Afghanistan",
        "Albania",
        "Algeria",
        "Argentina",
        "Armenia",
        "Australia",
        "Austria",
        "Azerbaijan",
        "Bahrain",
        "Bangladesh",
        "Belarus",
        "Belgium",
        "Bolivia",
        "Bosnia",
        "Brazil",
        "Britain",
        "Bulgaria",
        "Cambodia",
        "Cameroon",
        "Canada",
        "Chile",
        "China",
        "Colombia",
        "Congo",
        "Croatia",
        "Cuba",
        "Cyprus",
        "Czech",
        "Denmark",
        "Ecuador",
        "Egypt",
        "England",
        "Estonia",
        "Ethiopia",
        "Europe",
        "Finland",
        "France",
        "Georgia",
        "Germany",
        "Ghana",
        "Greece",
        "Hungary",
        "Iceland",
        "India",
        "Indonesia",
        "Iran",
        "Iraq",
        "Ireland",
        "Israel",
        "Italy",
        "Japan",
        "Jordan",
        "Kazakhstan",
        "Kenya",
        "Korea",
        "Kosovo",
        "Kuwait",
        "Latvia",
        "Lebanon",
        "Libya",
        "Lithuania",
        "Luxembourg",
        "Malaysia",
        "Mali",
        "Mexico",
        "Moldova",
        "Mongolia",
        "Montenegro",
        "Morocco",
        "Nepal",
        "Netherlands",
        "Nigeria",
        "Norway",
        "Pakistan",
        "Palestine",
        "Peru",
        "Philippines",
        "Poland",
        "Portugal",
        "Qatar",
        "Romania",
        "Russia",
        "Rwanda",
        "Scotland",
        "Serbia",
        "Singapore",
        "Slovakia",
        "Slovenia",
        "Somalia",
        "Spain",
        "Sudan",
        "Sweden",
        "Switzerland",
        "Syria",
        "Taiwan",
        "Thailand",
        "Tunisia",
        "Turkey",
        "Uganda",
        "Ukraine",
        "Uruguay",
        "Venezuela",
        "Vietnam",
        "Wales",
        "Yemen",
        "Zambia",
        "Zimbabwe",
        "America",
        "Africa",
        "Asia",
        "Crimea",
        "Donbass",
        "Donbas",
        "Donetsk",
        "Luhansk",
        "Gaza",
        "Kashmir",
        "Tibet",
        "Siberia",
        "Balkans",
        "Caucasus",
        "Arctic",
        "Antarctica",
        "American",
        "Americans",
        "British",
        "Russian",
        "Russians",
        "Ukrainian",
        "Ukrainians",
        "European",
        "Europeans",
        "German",
        "Germans",
        "French",
        "Chinese",
        "Japanese",
        "Indian",
        "Israeli",
        "Israelis",
        "Palestinian",
        "Palestinians",
        "Iranian",
        "Syrian",
        "Turkish",
        "Polish",
        "Italian",
        "Spanish",
        "Canadian",
        "Australian",
        "Mexican",
        "Brazilian",
        "African",
        "Asian",
        "Western",
        "Eastern",
        "Northern",
        "Southern",
        "Soviet",
        "Arab",
        "Muslim",
        "Christian",
        "Jewish",
        "English",
        "Scottish",
        "Welsh",
        "Irish",
        "Dutch",
        "Swedish",
        "Norwegian",
        "Danish",
        "Finnish",
        "Greek",
        "Belarusian",
        "Georgian",
        "Korean",
        "Washington",
        "Moscow",
        "Kiev",
        "Kyiv",
        "London",
        "Paris",
        "Berlin",
        "Brussels",
        "Beijing",
        "Tokyo",
        "Delhi",
        "Rome",
        "Madrid",
        "Warsaw",
        "Vienna",
        "Geneva",
        "Minsk",
        "Tehran",
        "Baghdad",
        "Damascus",
        "Jerusalem",
        "Cairo",
        "Ankara",
        "Istanbul",
        "Sydney",
        "Toronto",
        "Ottawa",
        "Sochi",
        "Odessa",
        "Kharkiv",
        "Mariupol",
        "Brussels",
        "Strasbourg",
        "Manchester",
        "Liverpool",
        "Birmingham",
        "Edinburgh",
        "Glasgow",
        "Dublin",
        "Belfast",
        "York",
        "Chicago",
        "Boston",
        "Texas",
        "California",
        "Florida",
        "Ohio",
        "Virginia",
        "Los",
        "Angeles",
        "Francisco",
        "NATO",
        "EU",
        "UN",
        "US",
        "USA",
        "UK",
        "BBC",
        "CNN",
        "AP",
        "Reuters",
        "AFP",
        "Kremlin",
        "Pentagon",
        "Congress",
        "Parliament",
        "Senate",
        "House",
        "White",
        "Downing",
        "Street",
        "Government",
        "Ministry",
        "Department",
        "Commission",
        "Council",
        "Union",
        "Court",
        "Police",
        "Army",
        "Navy",
        "Force",
        "Party",
        "Bank",
        "Company",
        "Group",
        "Board",
        "Association",
        "Authority",
        "Alliance",
        "Society",
        "Trust",
        "Federation",
        "Organisation",
        "Organization",
        "Committee",
        "Corporation",
        "Administration",
        "State",
        "Team",
        "Club",
        "League",
        "Office",
        "Agency",
        "Service",
        "Foundation",
        "Institute",
        "University",
        "College",
        "School",
        "Hospital",
        "Church",
        "Times",
        "Post",
        "News",
        "Guardian",
        "Telegraph",
        "Journal",
        "TikTok",
        "Twitter",
        "Facebook",
        "Instagram",
        "YouTube",
        "Google",
        "Apple",
        "Microsoft",
        "Amazon",
        "Christmas",
        "Easter",
        "God",
    ]
)
