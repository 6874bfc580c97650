"""Seeded, deterministic generator of synthetic scraped news articles for benchmarks.

Every article is shaped like the real seed article (seeds/000_17a49b3e45f0c6ef.txt): a date line,
a headline, body paragraphs separated by blank lines, image blocks whose alt text and captions are
printed twice, quotations in single and double quotes with apostrophes inside, stray non-breaking
spaces and site chrome at the end. A fraction of articles carries mojibake paragraphs (UTF-8 bytes
shown as Windows-1252) that ftfy can repair.

    python -m bench.corpus --out /tmp/corpus --articles 10000 [--seed 7] [--mojibake-rate 0.03]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Formatter

FILES_PER_FOLDER = 1_000
NBSP = "\u00a0"

BOILERPLATE_LINES = (
    "Post a Comment",
    "Start typing and press Enter to search",
    "Share this article",
    "Follow us on Twitter",
    "Advertisement",
    "Sign up for our newsletter",
    "Read more:",
    "© 2021 Example News Ltd. All rights reserved.",
)

# strptime patterns matching every date line style below (tests parse the first line with them).
DATE_PARSE_FORMATS = (
    "%A %d %B %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%Y-%m-%d",
    "%A, %B %d, %Y",
    "%d %B %Y",
    "%a, %d %b %Y",
)

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
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
)

# Formatted by hand rather than strftime: no zero-padded days and no dependence on the locale.
_DATE_STYLES: tuple[Callable[[date], str], ...] = (
    lambda d: f"{_WEEKDAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{_WEEKDAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{_WEEKDAYS[d.weekday()][:3]}, {d.day:02d} {_MONTHS[d.month - 1][:3]} {d.year}",
)
_FIRST_DAY = date(2015, 1, 1).toordinal()
_LAST_DAY = date(2024, 12, 31).toordinal()

# --- Quote marks -----------------------------------------------------------------------------
# Templates write quotes as ‹single› and «double» so each article can pick straight or curly
# typography at the very end. At import the markers become private-use characters, which no
# mis-decoding can ever produce, so the final replacement never touches mojibake text.
_MARKER_CHARS = {"‹": "\ue000", "›": "\ue001", "«": "\ue002", "»": "\ue003"}
_TO_MARKERS = str.maketrans(_MARKER_CHARS)
_STRAIGHT_STYLE = (("\ue000", "'"), ("\ue001", "'"), ("\ue002", '"'), ("\ue003", '"'))
_CURLY_STYLE = (("'", "’"), ("\ue000", "‘"), ("\ue001", "’"), ("\ue002", "“"), ("\ue003", "”"))
_CURLY_SHARE = 0.3  # the seed uses straight quotes; a minority of sites print curly ones


def apply_quote_style(text: str, style: tuple[tuple[str, str], ...]) -> str:
    """Replace quote markers (and, for curly style, apostrophes) with real characters."""
    for marker, char in style:
        text = text.replace(marker, char)
    return text


# --- Mojibake --------------------------------------------------------------------------------
# Windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); browsers and ftfy's
# "sloppy" codec show them as the matching C1 control, so '”' (E2 80 9D) becomes 'â€\x9d'.
_SLOPPY_CP1252: dict[int, str] = {}
for _byte in range(0x80, 0xA0):
    try:
        _SLOPPY_CP1252[_byte] = bytes([_byte]).decode("cp1252")
    except UnicodeDecodeError:
        _SLOPPY_CP1252[_byte] = chr(_byte)


def to_mojibake(text: str) -> str:
    """Show UTF-8 text the way a Windows-1252 reader would: 'It’s' -> 'Itâ€™s'."""
    return text.encode("utf-8").decode("latin-1").translate(_SLOPPY_CP1252)


# --- Vocabulary shared by every beat ---------------------------------------------------------
# Word lists read better packed several to a line, so the formatter leaves them alone.
# fmt: off
FIRST_NAMES = (
    "James", "Oliver", "Harry", "Jack", "George", "Thomas", "William", "Daniel", "Michael",
    "David", "Richard", "Andrew", "Peter", "Mark", "Paul", "Simon", "Stephen", "Robert", "John",
    "Sarah", "Emma", "Olivia", "Sophie", "Charlotte", "Emily", "Hannah", "Rachel", "Laura",
    "Claire", "Helen", "Rebecca", "Victoria", "Catherine", "Anna", "Grace", "Lucy", "Amelia",
    "José", "Zoë", "Renée", "André", "Chloé", "Héctor", "Inès", "Søren", "Björn", "Raúl",
    "Noémie", "François", "Priya", "Rahul", "Aisha", "Mohammed", "Fatima", "Kwame", "Chen",
    "Mei", "Yuki", "Olga", "Dmitry", "Katarzyna", "Piotr", "Siobhan", "Declan", "Niamh", "Ewan",
    "Mairead", "Tomás", "Lars", "Ingrid", "Marco", "Giulia",
)
SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
    "Jackson", "Clarke", "Patel", "Khan", "Lewis", "Harrison", "Morgan", "Cooper", "Hughes",
    "Edwards", "Turner", "Hill", "Moore", "Ward", "Baker", "Price", "Bennett", "Griffiths",
    "O'Brien", "O'Connor", "D'Souza", "McCarthy", "MacLeod", "Müller", "García", "Lefèvre",
    "Núñez", "Kowalski", "Novak", "Nielsen", "Andersson", "Rossi", "Bianchi", "Dubois",
    "Moreau", "Fischer", "Schäfer", "Okafor", "Mensah", "Nakamura", "Ivanova", "Petrov",
    "Hernández", "Fernández", "Chowdhury", "Singh", "Ahmed", "Begum", "Murphy", "Kelly",
    "Gallagher", "Fitzgerald", "Whitaker", "Ashworth", "Pemberton", "Holloway", "Carrington",
)
PLACES = (
    "London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Edinburgh", "Cardiff", "Belfast",
    "Bristol", "Liverpool", "Newcastle", "Sheffield", "Nottingham", "Leicester", "Southampton",
    "Plymouth", "Aberdeen", "Swansea", "Norwich", "Exeter", "York", "Hull", "Derby",
    "Stoke-on-Trent", "Milton Keynes", "Brighton", "Oxford", "Cambridge", "Carlisle",
    "Inverness", "Dundee",
    "Rostov-on-Don", "Voronezh", "Kharkiv", "Odesa", "Warsaw", "Kraków", "Berlin", "Düsseldorf",
    "Munich", "Paris", "Lyon", "Saint-Étienne", "Marseille", "Madrid", "Barcelona", "Málaga",
    "Lisbon", "Porto", "Rome", "Milan", "Zürich", "Geneva", "Vienna", "Prague", "Budapest",
    "Malmö", "Copenhagen", "Oslo", "Reykjavík", "Dublin", "Cork", "New York", "Chicago",
    "Boston", "Toronto", "Montréal", "São Paulo", "Sydney", "Auckland", "Cape Town", "Lagos",
)
COUNTRIES = (
    ("Russia", "Russian"), ("Ukraine", "Ukrainian"), ("China", "Chinese"), ("France", "French"),
    ("Germany", "German"), ("Poland", "Polish"), ("Turkey", "Turkish"), ("Iran", "Iranian"),
    ("Japan", "Japanese"), ("Brazil", "Brazilian"), ("India", "Indian"), ("Israel", "Israeli"),
    ("Egypt", "Egyptian"), ("Mexico", "Mexican"), ("Canada", "Canadian"), ("Spain", "Spanish"),
    ("Italy", "Italian"), ("Sweden", "Swedish"), ("Belarus", "Belarusian"),
    ("Georgia", "Georgian"), ("Serbia", "Serbian"), ("Hungary", "Hungarian"),
)
OUTLETS = (
    "the BBC", "Sky News", "Reuters", "the Associated Press", "The Times", "CNN", "Le Monde",
    "Der Spiegel", "the Guardian", "Radio 4's Today programme", "ITV News", "the Financial Times",
    "Bloomberg", "Channel 4 News", "the Telegraph", "Politico",
)
CURRENCIES = ("£", "£", "£", "$", "$", "€")
SMALL_NUMBERS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
)
TIMES_AGO = (
    "earlier this week", "last month", "on Monday", "last year", "in the spring",
    "only days ago", "two years ago", "over the weekend", "last autumn", "earlier this month",
)

SHARED_FRAGS = (
    "not on the table", "deeply disappointing", "a step in the right direction",
    "completely unacceptable", "like none he's ever seen", "the wrong decision at the wrong time",
    "a matter of days", "shameful", "a red line", "nowhere near enough", "business as usual",
    "a kick in the teeth", "utterly baseless", "a national scandal", "long overdue",
    "the people's verdict", "an insult to the families' memory", "reckless", "a smokescreen",
    "frankly absurd", "deeply concerning", "the last thing anyone needs",
)
SHARED_QUOTES = (
    "We're obviously going to continue talking with our partners and finding a way forward",
    "It's not something we can simply ignore",
    "I don't think anyone in {place} will be surprised by this",
    "We've been saying this for months, and nobody's been listening",
    "This isn't about politics, it's about people's lives",
    "They've made their position clear and we'll make ours clear too",
    "There's no question that {org} has questions to answer",
    "We won't be taking any lessons from {second_s}",
    "I've never seen anything like it in {small} years",
    "The public's patience is running out",
    "What we're seeing is the result of decisions taken in {past_year}",
    "It's a matter for {org2}, not for us",
    "We can't keep pretending that everything's fine",
    "Nobody's pretending this will be easy",
    "That's the reality of where we are",
    "We'll look very carefully at what's been said",
    "I'm confident we'll get there, but it's going to take time",
    "Our members' concerns have been ignored for far too long",
    "The families' questions deserve answers, and they haven't had them",
    "It's the taxpayers' money, and they've every right to know how it's spent",
    "I won't apologise for standing up for {place}",
    "We're not going to be rushed into a decision that we'll regret",
)

# --- Sentence templates used by every beat ---------------------------------------------------
SHARED_QUOTE_SENTENCES = (
    "{lead_s} said: ‹{quote}.›",
    "‹{quote},› {lead_s} said.",
    "‹{quote},› said {second}, the {second_role}.",
    "Speaking in {place} on {day}, {lead_s} said: «{quote}.»",
    "«{quote},» {second_s} told {outlet}. «{quote2}.»",
    "{second_s} told reporters the decision was ‹{frag}›.",
    "A spokesman for {org} said: ‹{quote}.›",
    "‹{quote},› a senior official told reporters.",
    "{third}, the {third_role}, said {lead_s} had been ‹{frag}› and added: ‹{quote}.›",
    "{lead_s} insisted the situation was «{frag}», telling {outlet}: «{quote}.»",
    "‹{quote}. {quote2},› {lead_s} said in a post on social media.",
    "Asked about {event}, {second_s} replied: ‹{quote}.›",
    "The {lead_role} said the criticism was ‹{frag}›, but {second_s} said it was ‹{frag2}›.",
    "«{quote},» {lead_s} wrote in an article for {outlet}. «{quote2}.»",
    "{org} said in a statement: ‹{quote}.›",
    "A source close to {lead_s} said: «{quote}.»",
    "«{quote},» said {person}, who has lived in {place} for {small} years.",
    "‹We're not going to comment on {event},› a spokeswoman for {org2} said.",
    "{lead_s} added: ‹{quote}.›",
    "‹{quote},› {third_s} said, adding that {org} had been ‹{frag}›.",
)
SHARED_SENTENCES = (
    "It is not the first time {lead_s} has spoken out about {event}.",
    "{org} declined to comment when approached by {outlet} on {day}.",
    "The remarks were first reported by {outlet}.",
    "More than {num} people have signed a petition calling on {org} to act, "
    "according to figures seen by {outlet}.",
    "The announcement came {time_ago}, after {event} dominated headlines in {place}.",
    "It comes {small} weeks after {second}, the {second_role}, warned that {event} "
    "could drag on into next year.",
    "{lead_s} is due to give evidence to a parliamentary committee on {day}.",
    "A poll for {outlet} found {pct} of people believed {org} had handled {event} badly.",
    "The row has overshadowed a visit by {second_s} to {place}, which had been planned for months.",
    "Critics have accused {lead_s} of ‹{frag}› over the handling of {event}.",
    "{outlet} has contacted {org2} for comment.",
    "Residents in {place} told {outlet} they had been left ‹in the dark› about what happens next.",
    "Speaking on {day}, {third}, the {third_role}, said the situation was being "
    "‹kept under review›.",
    "{org2} is expected to publish a full report on {event} within {small} weeks.",
    "The latest figures, published {time_ago}, show the problem has grown by {pct} since "
    "{past_year}.",
    "{org} said it was ‹aware of the reports› and would respond in due course.",
    "The figures were disputed by {org2}, which said the true number was closer to {num}.",
    "{lead_s}, who has been {lead_role} since {past_year}, has faced growing criticism over "
    "{event}.",
    "Details of the plan were leaked to {outlet} {time_ago}.",
    "Opposition politicians in {place} have called for an urgent statement on {event}.",
    "According to documents seen by {outlet}, officials were warned about the risks as early as "
    "{past_year}.",
    "{second_s} is understood to have raised the issue privately with {lead_s} {time_ago}.",
    "A spokesman for the {lead_role} said no decision had yet been taken.",
    "{org2} will hold an emergency meeting in {place2} on {day} to discuss the situation.",
    "The decision affects an estimated {num} people in {place} alone.",
    "Campaigners staged a protest outside the offices of {org} in {place} on {day}.",
    "The cost of {event} has been put at {money}, according to estimates by {org2}.",
    "In {past_year}, a similar dispute ended only after {small} months of negotiations.",
    "{third}, the {third_role}, is expected to set out more details later this week.",
    "Local newspapers in {place} reported long queues and frustration on {day}.",
    "{lead_s} has not commented publicly on {event}.",
    "A petition calling for an independent review of {event} has passed {num} signatures.",
    "Officials said a decision was expected by the end of the month, although no date has been "
    "set.",
    "The issue is likely to dominate talks between {lead_s} and {second_s} when they next meet in "
    "{place2}.",
    "Figures obtained by {outlet} under freedom of information laws show {num} complaints were "
    "made in {past_year}.",
    "{org} has so far refused to publish the full report.",
    "It is understood that {small} senior figures at {org} have threatened to resign over "
    "{event}.",
    "The move was welcomed by {org2}, which had campaigned for change for {small} years.",
    "Some observers in {place2} believe the worst may already be over.",
    "The row is the latest in a series of setbacks for {lead_s}.",
    "{lead}, the {lead_role}, was unavailable for comment on {day}.",
    "The figures — the worst since {past_year} — were published by {org} on {day}.",
    "{second_s} — who has held the post of {second_role} since {past_year} — is under pressure "
    "to act.",
)
# Optional openings and endings that vary narrative sentences further.
SHARED_LEAD_INS = (
    "Meanwhile,", "Separately,", "However,", "On {day},", "Last night,", "In a further blow,",
    "At the same time,", "Earlier,",
)
SHARED_TAILS = (
    ", {outlet} reported", ", according to {org2}", ", officials said", ", it emerged on {day}",
    ", sources told {outlet}", " — a claim {org} denies", ", according to a report by {outlet}",
    ", it was revealed {time_ago}",
)
SHARED_PAIR_CAPTIONS = (
    "{lead_s} (left) and {second_s} (right) are pictured during talks in {place} on {day}",
    "{lead_s} (left) made the remark as {second_s} (right) prepared to meet officials from {org}",
    "{second_s} (right) has been urged to respond to ‹{frag}› claims made by {lead_s} (left)",
    "{lead_s} (left) shared a phone call with {second_s} (right), assuring ‹strong› support "
    "over {event}",
    "{lead_s} (left) is said to have clashed with {second_s} (right) over {event}",
)

# --- Beats: topic-specific vocabulary and templates ------------------------------------------
_RAW_BEATS: dict[str, dict[str, tuple[str, ...]]] = {
    "diplomacy": {
        "roles": (
            "foreign minister", "defence secretary", "prime minister", "president",
            "ambassador to the United Nations", "national security adviser", "opposition leader",
            "deputy foreign minister", "EU foreign policy chief", "Kremlin spokesman",
            "NATO secretary general", "senior senator",
        ),
        "orgs": (
            "NATO", "the United Nations", "the European Union", "the State Department",
            "the Foreign Office", "the Kremlin", "the White House", "the Pentagon", "the OSCE",
            "the G7", "the Ministry of Defence", "the European Commission",
        ),
        "events": (
            "the troop build-up", "the border dispute", "the ceasefire talks", "the sanctions row",
            "the gas pipeline dispute", "the military exercises", "the embassy expulsions",
            "the peace negotiations",
        ),
        "things": (
            "anti-aircraft missile batteries", "armoured personnel carriers", "artillery pieces",
            "tanks", "support vehicles", "troop transports", "fighter jets", "rocket launchers",
        ),
        "summit_city": (
            "Geneva", "Vienna", "Brussels", "Helsinki", "Istanbul", "Minsk", "Paris", "Berlin",
        ),
        "frags": (
            "looks like genocide", "Russophobia", "a first step towards war", "strong",
            "destabilizing", "a provocation", "the threat", "red line",
        ),
        "quotes": (
            "You and I know what is happening on the border",
            "We would probably be required to reinforce our presence in {country2}",
            "We are of course prepared to talk about this whole set of issues",
            "There very clearly were not any concessions being discussed",
            "{country}'s demands are simply not acceptable to {org}",
            "Our allies' security is not up for negotiation",
        ),
        "headlines": (
            "{lead_s} says {event} ‹{frag}› and condemns ‹{frag2}› as {country_adj} {thing} are "
            "moved to the frontlines amid fears of an invasion",
            "{country_adj} {thing} spotted near {place} as {lead_s} says talks on {event} are "
            "‹{frag}›",
            "{org} accuses {country} of ‹{frag}› after {num} troops are massed on the border with "
            "{country2}",
            "{second_s} and {lead_s} hold {small}-hour call on {event} as {org2} warns of ‹{frag}›",
            "{country2} demands more {thing} from {org} as {lead_s} condemns ‹{frag}›",
        ),
        "sentences": (
            "Diplomats in {summit_city} said a joint statement had been drafted but not agreed.",
            "{country} has denied any plan to attack, saying the troops are on ‹routine "
            "training›.",
            "The {second_role} warned that any incursion would be met with ‹massive "
            "consequences›.",
            "Border guards in {place} reported {num} crossings in a single week, {pct} more than "
            "usual.",
            "{org} foreign ministers are due to meet in {summit_city} on {day} to agree a "
            "response.",
            "A convoy of {thing} was spotted heading west from {place} on {day}, according to "
            "locals.",
            "{country2_adj} officials have asked {org2} to station more troops on their "
            "territory.",
            "{country_adj} state media has, in the past, used ‹threats› to {country_adj} citizens "
            "overseas as a pretext for intervention - including during the crisis of {past_year}.",
            "{lead_s} made the remark on {day} as {country_adj} {thing} were filmed being moved "
            "towards the border, further bolstering forces in the region.",
            "It came ahead of a demand on {day} that {org} rescind a {past_year} commitment to "
            "{country2} and its neighbours.",
            "Videos posted on social media and analysed by experts identified the vehicles as "
            "{thing} being sent to {place}.",
            "The United States and its allies have for weeks accused {country} of planning an "
            "incursion into {country2} with the apparent goal of seizing territory.",
            "{lead_s} earlier this week spoke with {second_s} via video link and warned of "
            "crippling sanctions if {country} took military action.",
            "{country} has deployed troops, estimated to number about {num}, along the border, "
            "according to {org}.",
            "Western officials say they fear {country} is preparing an even larger operation than "
            "in {past_year}.",
            "{second}, the {second_role}, is due to meet counterparts in {summit_city} on {day} "
            "for talks on {event}.",
            "{org} said that {country_adj} forces had moved {thing} to within {miles} of the "
            "frontier.",
            "At the same time, neither {country2} nor any of its allies want open conflict over "
            "{event}, and diplomats appear to be seeking a return to negotiations.",
            "The {lead_role} is closely coordinating with European capitals, reaching out to "
            "leaders in London, Paris and Berlin both before and after the call.",
            "Satellite images released on {day} appeared to show {num} troops camped near "
            "{place}, {miles} from the border.",
            "Talks in {summit_city} ended without agreement after {small} hours, with both sides "
            "accusing the other of bad faith.",
            "{country2}'s government has repeatedly asked {org} for more {thing}, arguing its "
            "forces are badly outgunned.",
            "{org2} has committed more than {money} to bolster {country2_adj} defences since "
            "{past_year}.",
            "Analysts say {event} has turned into a much broader struggle over the future of "
            "eastern Europe.",
            "Officials in {place} said {small} civilians had been injured in shelling overnight, "
            "the highest toll in weeks.",
            "{lead_s} is expected to address parliament on {day} to set out the government's "
            "response to {event}.",
            "{country_adj} diplomats have dismissed the claims as propaganda, insisting the "
            "exercises are routine.",
        ),
        "captions": (
            "{lead} (pictured) arrives for talks in {summit_city} on {day}",
            "Satellite images appear to show {country_adj} {thing} lined up near {place}",
            "{country_adj} {thing} are seen at a railway yard near {place}, close to the border, "
            "as {lead_s} continues to build up forces in the region",
            "A {country_adj} soldier fires his weapon during training exercises at a military "
            "base in {place}, on {day}",
            "{country_adj} troops disembark from an armoured personnel carrier during drills near "
            "{place}, on {day}",
            "{lead_s} (pictured) has been pushing for {country2} to be admitted to {org}, "
            "something {country} has declared a ‹red line›",
            "A camp containing {small} battalions of {country_adj} troops is pictured near "
            "{place}, {miles} from the border",
            "Smoke grenades are set off as {country_adj} troops take part in exercises close to "
            "{place}, on {day}",
            "More footage captured {country_adj} {thing} sitting close to the border with "
            "{country2}",
        ),
        "alts": (
            "{country_adj} {thing}", "{country_adj} troops near {place}", "{lead_s}",
            "Satellite image of {place}", "{country_adj} {thing2}",
        ),
    },
    "economy": {
        "roles": (
            "Chancellor", "chief executive", "governor of the Bank of England", "chief economist",
            "shadow chancellor", "finance director", "business secretary",
            "union general secretary", "retail analyst", "Treasury minister", "managing director",
            "chair of the Treasury committee",
        ),
        "orgs": (
            "the Bank of England", "the Federal Reserve", "the European Central Bank",
            "the International Monetary Fund", "the Treasury", "the Office for National Statistics",
            "the CBI", "the Institute for Fiscal Studies", "the Resolution Foundation",
            "the British Retail Consortium", "the Financial Conduct Authority",
            "the Competition and Markets Authority",
        ),
        "events": (
            "the interest rate rise", "the cost-of-living squeeze", "the takeover battle",
            "the energy price cap increase", "the supply chain crisis", "the pension shortfall",
            "the profit warning", "the strike over pay",
        ),
        "things": (
            "shoppers", "shipping containers", "delivery drivers", "petrol forecourts",
            "factory workers", "cargo ships", "warehouse staff", "commuters",
        ),
        "company": (
            "Northgate Group", "Albion Retail Group", "Meridian Energy", "Halcyon Food Group",
            "Castlebridge Bank", "Redfern & Co", "Sterling Freight", "Lumière Beauty",
            "Oakhurst Housing", "Brightwater Water", "Kestrel Air", "Pemberton's Bakery",
            "Café Rouge Group", "Wexford Motor Company", "Ashdown Telecom", "Greyfriars Insurance",
        ),
        "sector": (
            "retail", "energy", "housebuilding", "aviation", "banking", "hospitality",
            "logistics", "manufacturing",
        ),
        "frags": (
            "a perfect storm", "difficult trading conditions", "temporary", "transitory",
            "a once-in-a-generation shock", "unsustainable", "sticky",
        ),
        "quotes": (
            "Inflation is proving stickier than we'd hoped",
            "Our customers' bills will come down, but not before the spring",
            "We've taken the difficult decision to close {small} stores",
            "The Bank's job is to bring inflation back to target, and it will",
            "{company}'s shareholders deserve a proper say on this offer",
            "Workers' wages simply haven't kept pace with prices",
        ),
        "headlines": (
            "{company} shares plunge {pct} as boss {second_s} admits ‹{frag}› over {event}",
            "{lead_s} insists {event} is ‹{frag}› as {org} warns of {num} job losses",
            "Families face {money} hit from {event} as {org} says outlook is ‹{frag}›",
            "{company} to axe {num} jobs in {place} blaming ‹{frag}› and {event}",
            "Pound slides as {org} signals {event} with {lead_s} warning of ‹{frag}›",
        ),
        "sentences": (
            "The {lead_role} told MPs that help for families would be ‹targeted at those who need "
            "it most›.",
            "{company}'s chairman, {person}, is expected to step down at the annual meeting.",
            "Petrol prices in {place} rose to a record {small_price}p a litre on {day}.",
            "The pound fell {pct} against the euro after the figures were published.",
            "Landlords in {place} have raised rents by an average of {pct} in the past year.",
            "{org} expects unemployment to peak at {pct} next spring before falling back.",
            "Hospitality firms in {place2} said bookings had fallen by {pct} since {month}.",
            "Shares in {company} fell by {pct} in early trading on {day} after the firm warned "
            "that profits would be lower than expected.",
            "{org} said inflation had risen to {pct} in the year to last month, the highest level "
            "since {past_year}.",
            "The {sector} sector has been hit hardest, with {num} jobs at risk according to "
            "{org2}.",
            "{company} employs around {num} people across the UK and reported revenues of "
            "{money} last year.",
            "Analysts at {org2} had expected a smaller rise, and the pound slipped against the "
            "dollar after the announcement.",
            "The {lead_role} is under pressure to set out help for households facing {event}.",
            "{company}'s board is expected to meet on {day} to consider a revised offer worth "
            "{money}.",
            "Figures from {org} show that {num} businesses in the {sector} sector closed in the "
            "last year.",
            "Wholesale gas prices have risen by {pct} since the spring, pushing several smaller "
            "suppliers out of business.",
            "The firm's chief executive, {person}, earned {money} last year including bonuses, "
            "according to its annual report.",
            "Union officials said {num} workers at sites in {place} and {place2} would be "
            "balloted on strike action.",
            "Economists warned that {event} could knock {pct} off growth next year.",
            "Retail sales in {place} rose by {pct} in the run-up to Christmas, the best "
            "performance in {small} years.",
            "{company} said it would close {small} stores, including branches in {place} and "
            "{place2}.",
            "The watchdog's investigation into {company} is expected to conclude by the end of "
            "the year.",
            "Mortgage rates have already climbed, with the average two-year fixed deal now above "
            "{pct}.",
            "The government's support scheme, which cost {money}, ended in {month}.",
            "Consumer confidence fell for a {small_ordinal} month in a row, according to {org2}.",
        ),
        "captions": (
            "Shipping containers are seen stacked at the port near {place} on {day}",
            "{company}'s flagship store in {place} (pictured) is among those set to close",
            "Shoppers are seen on the high street in {place} on {day}, as retailers warn of a "
            "difficult winter",
            "{second} (pictured), chief executive of {company}, said the firm had been hit by "
            "‹{frag}›",
            "Cargo ships are pictured waiting to unload at the port near {place}, where delays "
            "have stretched to {small} days",
            "{lead_s} (pictured) leaves Downing Street on {day} ahead of a statement on {event}",
            "Workers are seen outside the {company} plant in {place}, which employs {num} people",
            "A petrol forecourt in {place} is pictured on {day} as prices hit a record high",
        ),
        "alts": (
            "{company} headquarters", "Shoppers in {place}", "{second_s}", "{lead_s}",
            "Port of {place}",
        ),
    },
    "football": {
        "roles": (
            "manager", "captain", "chairman", "head coach", "sporting director", "striker",
            "goalkeeper", "chief executive", "assistant manager", "club president", "midfielder",
            "defender",
        ),
        "orgs": (
            "the FA", "UEFA", "FIFA", "the Premier League", "the Professional Footballers' "
            "Association", "the players' union", "the EFL", "the Football Supporters' Association",
            "the club's board", "the league's disciplinary panel",
        ),
        "events": (
            "the transfer saga", "the takeover", "the relegation battle", "the stadium move",
            "the racism row", "the salary cap vote", "the touchline ban", "the contract dispute",
        ),
        "things": (
            "fans", "supporters", "stewards", "season-ticket holders", "youth players",
            "away fans",
        ),
        "league": (
            "the Premier League", "the Championship", "La Liga", "the Bundesliga", "Serie A",
            "Ligue 1", "the Eredivisie",
        ),
        "competition": (
            "the Champions League", "the FA Cup", "the Europa League", "the League Cup",
        ),
        "frags": (
            "a disgrace", "embarrassing", "a travesty", "unacceptable", "a difficult moment",
            "the worst I've seen", "a kick in the teeth for the fans",
        ),
        "quotes": (
            "The players' union has made its position very clear",
            "We're fighting for our lives and everybody in the dressing room knows it",
            "I'm not going to talk about another club's player",
            "The fans' reaction tells you everything you need to know",
            "It's a decision for the board, not for me",
            "We didn't deserve anything from the game",
        ),
        "headlines": (
            "{team} {lead_role} {lead_s} slams ‹{frag}› decision after {score} defeat by {team2}",
            "{lead_s} admits {team} are in ‹{frag}› as {event} drags on",
            "{org} charges {team} over ‹{frag}› scenes at {team2} as {second_s} faces "
            "{small}-match ban",
            "{team} fans stage protest over {event} as {lead_s} calls owners' plan ‹{frag}›",
        ),
        "sentences": (
            "{lead_s} was booed off the pitch by his own supporters after the final whistle.",
            "Tickets for the game against {team2} sold out in {small} minutes.",
            "{team_pos} academy has produced {small} first-team players in the past {small2} "
            "seasons.",
            "The referee, {person}, was escorted from the pitch by stewards.",
            "{team} were fined {money} last season for breaching financial rules.",
            "A minute's applause was held before kick-off in memory of a former player.",
            "{second_s}'s contract expires in the summer and talks over a new deal have stalled.",
            "{team} have won only {small} of their last fifteen matches in {league}, leaving "
            "them just above the relegation zone.",
            "{lead_s} was sent off in the {minute} minute of the {score} defeat by {team2} on "
            "{day}.",
            "The {lead_role}, who joined from {team2} for {money} in {past_year}, has scored "
            "{small} goals this season.",
            "{team_pos} owners have been under pressure from {thing} since {event} began in the "
            "summer.",
            "A crowd of {num} watched the match at the club's ground in {place}.",
            "{org} confirmed on {day} that it had opened an investigation into the incident.",
            "The club face a fine of up to {money} if found guilty of failing to control their "
            "players.",
            "{second_s} has made {small} appearances for {team} since arriving from {team2}.",
            "{team} host {team2} in {competition} on {day} evening.",
            "Season-ticket prices at {team} have risen by {pct} in the last {small} years.",
            "The {lead_role} is expected to hold talks with the board about the future.",
            "Supporters' groups have called for a meeting with {team_pos} owners over {event}.",
            "The players' union has written to {org} asking for clarity on the rules.",
            "{team2} went ahead in the {minute} minute through {person}, before {second_s} "
            "equalised.",
            "{team} are {small} points behind {team2} with a game in hand.",
        ),
        "captions": (
            "{team} {lead_role} {lead_s} (pictured) on the touchline during the defeat by {team2}",
            "Away fans are seen in the stands at {team2} before the {score} draw",
            "{lead_s} (pictured) was sent off in the {minute} minute against {team2} on {day}",
            "{team} fans are seen holding banners outside the ground in {place} before kick-off",
            "Stewards are pictured separating rival supporters during the {score} draw with "
            "{team2}",
            "{second_s} (centre) celebrates scoring against {team2} in {competition}",
            "{team_pos} ground in {place}, where crowds of {num} are expected for the derby",
        ),
        "alts": ("{lead_s}", "{team} fans", "{team} v {team2}", "{second_s} celebrates"),
    },
    "courts": {
        "roles": (
            "prosecutor", "defence barrister", "senior investigating officer", "judge",
            "Detective Chief Superintendent", "victim's mother", "coroner", "family's solicitor",
            "Chief Constable", "police spokesman",
        ),
        "orgs": (
            "the Crown Prosecution Service", "Scotland Yard", "the Metropolitan Police",
            "the Independent Office for Police Conduct", "the Court of Appeal",
            "the Supreme Court", "the National Crime Agency", "the Serious Fraud Office",
            "the Ministry of Justice", "the Old Bailey",
        ),
        "events": (
            "the trial", "the inquest", "the appeal hearing", "the fraud investigation",
            "the murder inquiry", "the sentencing hearing", "the public inquiry",
            "the extradition case",
        ),
        "things": (
            "police officers", "forensic officers", "jurors", "witnesses", "members of the public",
            "detectives",
        ),
        "charge": (
            "fraud", "manslaughter", "dangerous driving", "money laundering", "arson", "assault",
            "burglary", "perverting the course of justice",
        ),
        "frags": (
            "overwhelming", "a devoted father and friend", "cold and calculated",
            "the seriousness of the offence", "a tragic accident", "callous",
        ),
        "quotes": (
            "Our thoughts remain with the victim's family",
            "He showed no remorse for what he'd done",
            "The jury's verdict speaks for itself",
            "We'll be studying the coroner's findings very carefully",
            "I'd urge anyone with information to come forward",
        ),
        "headlines": (
            "{third_s} jailed for {small} years over ‹{frag}› {charge} that left victims' "
            "families devastated",
            "{org} under fire after {event} hears of ‹{frag}› failures in {place}",
            "Man, {age}, charged with {charge} after {small} people injured in {place}",
            "Jury told {third_s} was ‹{frag}› as {event} opens at {court}",
        ),
        "sentences": (
            "The trial, which is expected to last {small} weeks, continues.",
            "{third_s}'s barrister, {second}, told the court his client had ‹no memory› of the "
            "night.",
            "Jurors were shown CCTV footage of {third_s} leaving a shop in {place} at {clock}.",
            "The victim's family wept in the public gallery as the verdict was read out.",
            "Sentencing {third_s}, the judge said the offences had caused ‹immeasurable harm›.",
            "{org} said it would not be appealing against the sentence.",
            "The court was told {third_s} had {small} previous convictions for {charge}.",
            "{third}, {age}, of {place}, denies a charge of {charge} and the trial continues.",
            "The jury at {court} heard that {third_s} had been seen near the scene shortly after "
            "{clock}.",
            "Opening the case, {lead}, the {lead_role}, told jurors the evidence against "
            "{third_s} was ‹overwhelming›.",
            "{third_s} was arrested in {place} on {day} and later charged with {charge}.",
            "Police were called to an address in {place} at around {clock} and found the victim "
            "with serious injuries.",
            "The court heard that {third_s} had transferred {money} to an account in {place2} "
            "over {small} months.",
            "{org} said it had reviewed more than {num} hours of CCTV footage as part of "
            "{event}.",
            "The judge adjourned the case until {day} and remanded {third_s} in custody.",
            "{third_s} was jailed for {small} years at {court} after pleading guilty to "
            "{charge}.",
            "An inquest into the death, held in {place}, heard the victim had been ‹a devoted "
            "father and friend›.",
            "Detectives are appealing for anyone with dashcam footage from the area to come "
            "forward.",
            "The family's solicitor, {second}, said they would consider an appeal.",
            "The {lead_role} said the sentence reflected ‹the seriousness of the offence›.",
        ),
        "captions": (
            "{third_s} (right) is seen leaving {court} with his solicitor on {day}",
            "A police cordon is pictured in {place} after the incident on {day}",
            "{third_s} (pictured) arriving at {court} on {day}, where he denies {charge}",
            "Forensic officers are seen at the scene in {place} on {day}",
            "Police officers are pictured outside the property in {place}, where the victim was "
            "found",
            "{third_s} (left) and his brother (right) were both charged with {charge}",
            "Flowers are left at the scene in {place}, where residents paid tribute to the victim",
        ),
        "alts": ("{third_s}", "{court}", "Police at the scene in {place}", "CCTV image"),
    },
    "health": {
        "roles": (
            "chief medical officer", "health secretary", "consultant", "professor of epidemiology",
            "chief executive of the trust", "GP", "nursing director", "public health director",
            "health minister", "lead researcher",
        ),
        "orgs": (
            "the NHS", "the World Health Organization",
            "the Medicines and Healthcare products Regulatory Agency",
            "the British Medical Association", "the Royal College of Nursing",
            "the UK Health Security Agency", "NHS England",
            "the National Institute for Health and Care Excellence", "the Nuffield Trust",
            "the King's Fund",
        ),
        "events": (
            "the vaccine rollout", "the winter crisis", "the junior doctors' strike",
            "the waiting list backlog", "the measles outbreak", "the new screening programme",
            "the A&E crisis", "the drug trial",
        ),
        "things": (
            "nurses", "vaccine doses", "hospital beds", "ambulances", "patients", "paramedics",
            "care home residents",
        ),
        "disease": (
            "measles", "flu", "Covid-19", "norovirus", "whooping cough", "tuberculosis",
            "scarlet fever", "RSV",
        ),
        "frags": (
            "exhausted", "nowhere near enough", "deeply worried", "a game changer",
            "under enormous pressure", "the worst winter on record",
        ),
        "quotes": (
            "Staff are exhausted and patients' safety is at risk",
            "We're urging parents to check their children's vaccination records",
            "The trial's results are genuinely encouraging",
            "Doctors' pay has fallen in real terms for more than a decade",
            "It's vital that anyone with symptoms stays at home",
        ),
        "headlines": (
            "{disease} cases soar by {pct} in {place} as {lead_s} warns NHS is ‹{frag}›",
            "{num} patients wait more than {small} hours in A&E as {org} calls {event} ‹{frag}›",
            "Patients' groups say {event} is ‹{frag}› as {hospital} declares critical incident",
            "New treatment cuts {disease} deaths by {pct} in trial hailed as ‹{frag}›",
        ),
        "sentences": (
            "Hospitals in {place} are treating {num} patients with {disease}, up from {num2} a "
            "week earlier.",
            "The {lead_role} said the new vaccine would be offered to the over-{age}s first.",
            "Nurses' leaders said staff were leaving the profession ‹in their droves›.",
            "A&E departments in {place} and {place2} were told to expect their busiest weekend of "
            "the year.",
            "{org} has approved the drug for use in adults, a decision welcomed by patients' "
            "groups.",
            "GP surgeries in {place} have been asked to prioritise the most vulnerable patients.",
            "The scheme will cost {money} over {small} years, according to the {lead_role}.",
            "Figures published by {org} show {num} patients waited more than {small} hours in A&E "
            "last month.",
            "Cases of {disease} in {place} have risen by {pct} in the past week, according to "
            "{org2}.",
            "The {lead_role} urged parents to make sure their children's vaccinations were up to "
            "date.",
            "{hospital} declared a critical incident on {day} after running out of beds.",
            "The trial, involving {num} volunteers, found the treatment cut the risk of "
            "hospitalisation by {pct}.",
            "Ambulance response times for the most serious calls averaged {small} minutes, well "
            "above the target.",
            "Health leaders have warned that {event} could leave {num} operations cancelled this "
            "winter.",
            "{second}, a doctor at {hospital}, said staff were ‹exhausted›.",
            "The government has pledged {money} to cut waiting lists, but critics say it is "
            "‹nowhere near enough›.",
            "{org} said {num} doses had been administered in {place} since the programme began.",
            "Patients' groups said they were ‹deeply worried› by the figures.",
            "Researchers at {org2} will publish their full findings in the spring.",
            "The {lead_role} said the rise in {disease} cases was ‹concerning but not "
            "unexpected›.",
        ),
        "captions": (
            "Patients are seen waiting in a corridor at {hospital} in a picture shared on social "
            "media",
            "{lead_s} (pictured) said the {disease} outbreak was ‹under control› on {day}",
            "Ambulances are seen queueing outside {hospital} on {day}",
            "{lead_s} (pictured) visiting a vaccination centre in {place} earlier this week",
            "Nurses are pictured on a picket line outside {hospital} during {event}",
            "A patient receives a dose at a pop-up clinic in {place}, where {num} jabs were given",
            "{second} (left) with colleagues at {hospital}, where staff have warned of "
            "‹{frag}› conditions",
        ),
        "alts": ("{hospital}", "Ambulances in {place}", "{lead_s}", "Vaccination centre"),
    },
    "weather": {
        "roles": (
            "Met Office forecaster", "environment secretary", "council leader", "fire chief",
            "flood duty manager", "RNLI coxswain", "climate scientist",
            "emergency planning officer", "transport secretary", "mayor",
        ),
        "orgs": (
            "the Met Office", "the Environment Agency", "the RNLI", "the Red Cross",
            "National Highways", "Network Rail", "the Coastguard",
            "the Scottish Environment Protection Agency", "the local council",
            "the fire service",
        ),
        "events": (
            "the storm", "the flooding", "the heatwave", "the cold snap", "the drought",
            "the power cuts", "the landslide", "the wildfires",
        ),
        "things": (
            "flood barriers", "rescue teams", "sandbags", "fallen trees", "stranded drivers",
            "power lines", "gritters",
        ),
        "storm": (
            "Storm Arwen", "Storm Barra", "Storm Eunice", "Storm Ciarán", "Storm Dudley",
            "Storm Éowyn", "Storm Babet", "Storm Franklin",
        ),
        "river": (
            "the River Severn", "the River Ouse", "the River Trent", "the River Wye",
            "the River Calder", "the River Derwent", "the River Aire",
        ),
        "frags": (
            "danger to life", "unprecedented", "a once-in-a-century event", "the new normal",
            "absolutely terrifying", "treacherous",
        ),
        "quotes": (
            "There's a real danger to life and people mustn't take risks",
            "We've never seen the river this high in my lifetime",
            "Crews have been working around the clock since {day}",
            "The county's roads are treacherous and we'd urge people not to travel",
            "It's the third storm this winter and residents' patience is wearing thin",
        ),
        "headlines": (
            "{storm} batters {place} with {num} homes left without power as {org} warns of "
            "‹{frag}›",
            "{river} bursts its banks as {lead_s} says flooding is ‹{frag}›",
            "Hottest day of the year as temperatures hit {temp} in {place} and {org} issues "
            "‹{frag}› warning",
            "Drivers stranded for {small} hours on the road out of {place} in ‹{frag}› snow",
        ),
        "sentences": (
            "{river} was expected to peak at {clock} on {day}, with {num} homes at risk.",
            "The Met Office said {place} had seen a month's worth of rain in {small} hours.",
            "Power was restored to most homes by {day}, but {num} remain without electricity.",
            "Drivers were warned to avoid the road between {place} and {place2} after a landslip.",
            "The {lead_role} said the village had been ‹completely cut off› for {small} days.",
            "Insurers estimate the damage caused by {storm} at {money}.",
            "Volunteers handed out {num} sandbags to residents in {place} on {day}.",
            "{org} issued an amber warning for {place} and {place2}, with gusts of up to {mph} "
            "expected.",
            "{storm} brought down power lines across the region, leaving {num} homes without "
            "electricity.",
            "{river} reached its highest level since {past_year}, according to {org2}.",
            "Rescue teams evacuated {small} people from homes near {river} overnight.",
            "Temperatures reached {temp} in {place} on {day}, the hottest day of the year so far.",
            "Trains between {place} and {place2} were cancelled after fallen trees blocked the "
            "line.",
            "The {lead_role} said crews had worked through the night to clear {thing} from "
            "roads.",
            "{org} said {num} properties had been protected by flood defences built since "
            "{past_year}.",
            "Forecasters expect another {small} inches of rain before the weekend.",
            "Schools in {place} were closed on {day} as snow and ice made roads ‹treacherous›.",
            "The clean-up is expected to cost more than {money}, according to the {lead_role}.",
            "Residents described hearing a ‹deafening roar› as the water came through.",
        ),
        "captions": (
            "{river} is pictured after bursting its banks near {place} on {day}",
            "Gritters are seen on the road near {place} as temperatures plunged overnight",
            "Waves crash against the sea wall in {place} as {storm} hits the coast on {day}",
            "Residents are seen wading through flood water in {place} after {river} burst its "
            "banks",
            "Rescue teams are pictured helping stranded drivers on the road near {place}",
            "A fallen tree blocks a street in {place}, one of {num} reported across the region",
            "Firefighters (left) tackle a grass fire on the outskirts of {place} on {day}",
        ),
        "alts": ("{storm}", "Flooding in {place}", "{river}", "Rescue teams near {place}"),
    },
}

# fmt: on

# Football clubs and court / hospital names are built from the place list.
_CLUB_SUFFIXES = ("United", "City", "Rovers", "Athletic", "Wanderers", "Albion", "Town", "FC")
_CLUBS = tuple(f"{place} {suffix}" for place in PLACES[:40] for suffix in _CLUB_SUFFIXES)
_COURTS = (*(f"{place} Crown Court" for place in PLACES[:31]), "the Old Bailey")
_HOSPITALS = (
    *(f"{place} General Hospital" for place in PLACES[:31]),
    "St Thomas' Hospital",
    "the Royal Infirmary",
)


# --- Templates -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Template:
    """A format string plus the fields that must be drawn afresh on every use."""

    text: str
    dynamic: tuple[str, ...]


_ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{_ORDINAL_SUFFIXES.get(number % 10, 'th')}"


_ORDINALS = tuple(_ordinal(n) for n in range(100))


def _amount(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return f"{rng.randint(1, 9)}.{rng.randint(1, 9)}"
    return str(rng.randint(2, 950))


def _percent(rng: random.Random) -> str:
    value = rng.randint(2, 40)
    return f"{value} per cent" if rng.random() < 0.6 else f"{value}%"


def _clock(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}.{rng.choice(('00', '15', '30', '45'))}{rng.choice(('am', 'pm'))}"


# Fields drawn fresh on every use, so one article mentions many numbers, quotes and days.
# Each filler gets the ArticleWriter, defined below, for its rng and the article's cast.
_DYNAMIC: dict[str, Callable[[ArticleWriter], str]] = {
    "num": lambda w: f"{w.rng.randrange(2, 700) * 250:,}",
    "num2": lambda w: f"{w.rng.randrange(2, 700) * 250:,}",
    "small": lambda w: w.rng.choice(SMALL_NUMBERS),
    "small2": lambda w: w.rng.choice(SMALL_NUMBERS),
    "small_ordinal": lambda w: w.rng.choice(("second", "third", "fourth", "fifth")),
    "small_price": lambda w: str(w.rng.randint(140, 199)),
    "pct": lambda w: _percent(w.rng),
    "money": lambda w: f"{w.currency}{_amount(w.rng)} {w.rng.choice(('million', 'billion'))}",
    "past_year": lambda w: str(w.year - w.rng.randint(1, 15)),
    "day": lambda w: w.rng.choice(_WEEKDAYS),
    "month": lambda w: w.rng.choice(_MONTHS),
    "quote": lambda w: w.render(w.deal("quotes")),
    "quote2": lambda w: w.render(w.deal("quotes")),
    "frag": lambda w: w.rng.choice(w.beat.frags),
    "frag2": lambda w: w.rng.choice(w.beat.frags),
    "person": lambda w: f"{w.rng.choice(FIRST_NAMES)} {w.rng.choice(SURNAMES)}",
    "miles": lambda w: f"{w.rng.randint(3, 300)} miles",
    "time_ago": lambda w: w.rng.choice(TIMES_AGO),
    "score": lambda w: f"{w.rng.randint(0, 5)}-{w.rng.randint(0, 4)}",
    "minute": lambda w: _ORDINALS[w.rng.randint(2, 90)],
    "age": lambda w: str(w.rng.randint(18, 79)),
    "clock": lambda w: _clock(w.rng),
    "temp": lambda w: f"{w.rng.randint(26, 40)}C",
    "mph": lambda w: f"{w.rng.randint(50, 100)}mph",
}
# Fields fixed once per article (its cast of people, places and organisations).
_ARTICLE_FIELDS = frozenset(
    (
        "lead",
        "lead_s",
        "lead_role",
        "second",
        "second_s",
        "second_role",
        "third",
        "third_s",
        "third_role",
        "place",
        "place2",
        "country",
        "country_adj",
        "country2",
        "country2_adj",
        "org",
        "org2",
        "outlet",
        "event",
        "thing",
        "thing2",
        "team_pos",
    )
)
_RAW_BEATS["football"].update(team=_CLUBS, team2=_CLUBS)
_RAW_BEATS["courts"]["court"] = _COURTS
_RAW_BEATS["health"]["hospital"] = _HOSPITALS


def _compile(texts: Iterable[str], known: frozenset[str]) -> tuple[Template, ...]:
    """Turn template strings into Templates, failing loudly on a misspelt field."""
    templates = []
    for raw in texts:
        text = raw.translate(_TO_MARKERS)
        fields = {name for _, name, _, _ in Formatter().parse(text) if name}
        unknown = fields - known - _DYNAMIC.keys()
        if unknown:
            raise ValueError(f"unknown template fields {sorted(unknown)} in {raw!r}")
        templates.append(Template(text, tuple(sorted(fields & _DYNAMIC.keys()))))
    return tuple(templates)


@dataclass(frozen=True)
class Beat:
    """A news topic: its vocabulary and its sentence, headline and caption templates."""

    name: str
    roles: tuple[str, ...]
    orgs: tuple[str, ...]
    events: tuple[str, ...]
    things: tuple[str, ...]
    extras: dict[str, tuple[str, ...]]
    frags: tuple[str, ...]
    templates: dict[str, tuple[Template, ...]]


_VOCABULARY_KEYS = ("roles", "orgs", "events", "things", "frags")
_TEMPLATE_KEYS = ("quotes", "headlines", "sentences", "captions", "alts")


def _build_beat(name: str, raw: dict[str, tuple[str, ...]]) -> Beat:
    extras = {k: v for k, v in raw.items() if k not in (*_VOCABULARY_KEYS, *_TEMPLATE_KEYS)}
    known = _ARTICLE_FIELDS | extras.keys()
    sources = {key: raw[key] for key in _TEMPLATE_KEYS}
    sources["quotes"] += SHARED_QUOTES
    sources["quote_sentences"] = SHARED_QUOTE_SENTENCES
    sources["shared_sentences"] = SHARED_SENTENCES
    sources["pair_captions"] = SHARED_PAIR_CAPTIONS
    sources["lead_ins"] = SHARED_LEAD_INS
    sources["tails"] = SHARED_TAILS
    return Beat(
        name=name,
        roles=raw["roles"],
        orgs=raw["orgs"],
        events=raw["events"],
        things=raw["things"],
        extras=extras,
        frags=tuple(f.translate(_TO_MARKERS) for f in raw["frags"] + SHARED_FRAGS),
        templates={key: _compile(texts, known) for key, texts in sources.items()},
    )


BEATS = tuple(_build_beat(name, raw) for name, raw in _RAW_BEATS.items())


# --- One article -----------------------------------------------------------------------------
class ArticleWriter:
    """Writes one article: its beat, its cast of people and places, and its random stream."""

    def __init__(self, rng: random.Random, year: int) -> None:
        self.rng = rng
        self.year = year
        self.beat = rng.choice(BEATS)
        self.currency = rng.choice(CURRENCIES)
        self.cast = self._pick_cast()
        self._decks: dict[str, list[Template]] = {}

    def _pick_cast(self) -> dict[str, str]:
        """The people, places and organisations one article keeps coming back to."""
        rng, beat = self.rng, self.beat
        cast = {"outlet": rng.choice(OUTLETS), "event": rng.choice(beat.events)}
        cast["place"], cast["place2"] = rng.sample(PLACES, 2)
        cast["org"], cast["org2"] = rng.sample(beat.orgs, 2)
        cast["thing"], cast["thing2"] = rng.sample(beat.things, 2)
        (cast["country"], cast["country_adj"]), (cast["country2"], cast["country2_adj"]) = (
            rng.sample(COUNTRIES, 2)
        )
        people = zip(("lead", "second", "third"), rng.sample(SURNAMES, 3), strict=True)
        for (slot, surname), role in zip(people, rng.sample(beat.roles, 3), strict=True):
            cast[slot] = f"{rng.choice(FIRST_NAMES)} {surname}"
            cast[f"{slot}_s"] = surname
            cast[f"{slot}_role"] = role
        for field, choices in beat.extras.items():
            cast[field] = rng.choice(choices)
        if "team" in cast:
            if cast["team"] == cast["team2"]:  # a club does not play itself
                cast["team2"] = _CLUBS[(_CLUBS.index(cast["team2"]) + 9) % len(_CLUBS)]
            # "Bristol Rovers' owners" but "Bristol City's owners".
            cast["team_pos"] = cast["team"] + ("'" if cast["team"].endswith("s") else "'s")
        return cast

    def deal(self, kind: str) -> Template:
        """Next template of a kind, dealt like cards so an article rarely repeats a sentence."""
        deck = self._decks.get(kind)
        if not deck:
            deck = list(self.beat.templates[kind])
            self.rng.shuffle(deck)
            self._decks[kind] = deck
        return deck.pop()

    def render(self, template: Template) -> str:
        """Fill a template from the cast, drawing its dynamic fields first."""
        for field in template.dynamic:
            self.cast[field] = _DYNAMIC[field](self)
        return template.text.format_map(self.cast)

    def sentence(self, kind: str) -> str:
        text = self.render(self.deal(kind))
        # Templates may open with "{org}", which is often "the ...".
        return text[0].upper() + text[1:] if text[0].islower() else text

    def narrative_sentence(self) -> str:
        """A beat or general sentence, now and then with an opening or an attribution."""
        text = self.sentence("sentences" if self.rng.random() < 0.55 else "shared_sentences")
        roll = self.rng.random()
        if roll < 0.1 and text.startswith("The "):  # only "The" is safe to lower-case
            lead_in = self.render(self.rng.choice(self.beat.templates["lead_ins"]))
            text = f"{lead_in} t{text[1:]}"
        elif roll > 0.75 and text.endswith(".") and " said" not in text:
            tail = self.render(self.rng.choice(self.beat.templates["tails"]))
            text = f"{text[:-1]}{tail}."
        return text

    def paragraph(self, force_quote: bool = False) -> str:
        """One body paragraph: narrative sentences, or a quotation with its speaker."""
        if force_quote or self.rng.random() < 0.35:
            quote = self.sentence("quote_sentences")
            if self.rng.random() < 0.6:
                return quote
            return f"{quote} {self.narrative_sentence()}"
        count = self.rng.choice((1, 2, 2, 3, 3))
        return " ".join(self.narrative_sentence() for _ in range(count))

    def image_block(self, kind: str) -> str:
        """An image block as the scraper prints it: alt text and captions doubled."""
        caption = self.sentence("captions")
        # Some pages repeat the caption with a trailing non-breaking space.
        repeat = caption + NBSP if self.rng.random() < 0.25 else caption
        if kind == "caption_twice":
            block = f"{caption}\n\n{repeat}"
        elif kind == "alt_caption":
            alt = self.sentence("alts")
            block = f"{alt}\n{alt}\n\n{caption}"
        elif kind == "alt_caption_twice":
            alt = self.sentence("alts")
            block = f"{alt}\n{alt}\n\n{caption}\n\n{repeat}"
        else:  # "pair": two side-by-side pictures share one caption
            pair_caption = self.sentence("pair_captions")
            block = f"{self.cast['lead_s']}\n{self.cast['second_s']}\n\n{pair_caption}"
        # The seed has the odd extra blank line before a picture.
        return "\n" + block if self.rng.random() < 0.1 else block


def _with_nbsp(rng: random.Random, paragraph: str) -> str:
    """Add a non-breaking space the way the seed's HTML-to-text step left them."""
    kind = rng.randrange(4)
    if kind == 0:
        return paragraph + NBSP
    if kind == 1:
        return paragraph + f"{NBSP} {NBSP} {NBSP} "
    if kind == 2:
        return NBSP + paragraph
    space = paragraph.find(" ", rng.randrange(len(paragraph)))
    if space < 0:
        return paragraph + NBSP
    return f"{paragraph[:space]}{NBSP}{paragraph[space + 1 :]}"


def _garble_some(rng: random.Random, paragraphs: list[str]) -> None:
    """Turn one to three paragraphs containing non-ASCII characters into mojibake, in place.

    Paragraphs with curly quotes or dashes come first: they give the familiar 'â€™' pattern.
    """
    styled = [apply_quote_style(p, _CURLY_STYLE) for p in paragraphs]
    typographic = [i for i, text in enumerate(styled) if any(c in text for c in "‘’“”—")]
    candidates = typographic or [i for i, text in enumerate(styled) if not text.isascii()]
    for index in rng.sample(candidates, min(len(candidates), rng.choice((1, 1, 1, 2, 3)))):
        paragraphs[index] = to_mojibake(styled[index])


_IMAGE_KINDS = ("caption_twice", "caption_twice", "alt_caption", "alt_caption_twice", "pair")
_DOUBLED_CAPTION_KINDS = frozenset(("caption_twice", "alt_caption_twice"))


def _with_images(writer: ArticleWriter, paragraphs: list[str]) -> list[str]:
    """Interleave 3-8 image blocks between paragraphs; every article gets a doubled caption."""
    rng = writer.rng
    count = rng.randint(3, 8)
    kinds = [rng.choice(_IMAGE_KINDS) for _ in range(count)]
    if not _DOUBLED_CAPTION_KINDS.intersection(kinds):
        kinds[rng.randrange(count)] = "caption_twice"
    # Drawn with replacement, so pictures sometimes come in runs as on the seed page.
    after = sorted(rng.randrange(2, len(paragraphs)) for _ in range(count))
    blocks: list[str] = []
    next_image = 0
    for position, paragraph in enumerate(paragraphs):
        blocks.append(paragraph)
        while next_image < count and after[next_image] == position:
            blocks.append(writer.image_block(kinds[next_image]))
            next_image += 1
    return blocks


def make_article(rng: random.Random, mojibake: bool = False) -> str:
    """One synthetic article (7-10 KB); `mojibake` garbles one to three paragraphs."""
    published = date.fromordinal(rng.randint(_FIRST_DAY, _LAST_DAY))
    writer = ArticleWriter(rng, published.year)
    curly = rng.random() < _CURLY_SHARE
    date_line = rng.choice(_DATE_STYLES)(published)
    headline = writer.sentence("headlines")
    # The third paragraph is always a quotation: the seed quotes early, too.
    paragraph_count = rng.randint(25, 45)
    paragraphs = [writer.paragraph(force_quote=i == 2) for i in range(paragraph_count)]
    for index in rng.sample(range(paragraph_count), rng.randint(2, 6)):
        paragraphs[index] = _with_nbsp(rng, paragraphs[index])
    if mojibake:
        # Mojibake in the wild mostly hits curly quotes, so such pages use curly typography.
        curly = True
        _garble_some(rng, paragraphs)
    blocks = _with_images(writer, paragraphs)
    chrome = rng.sample(BOILERPLATE_LINES, rng.randint(1, 3))
    text = "\n\n".join([date_line, headline, *blocks, *chrome])
    if rng.random() < 0.5:  # the seed file has no final newline; many scrapes do
        text += "\n"
    return apply_quote_style(text, _CURLY_STYLE if curly else _STRAIGHT_STYLE)


# --- A corpus --------------------------------------------------------------------------------
@dataclass
class CorpusStats:
    """What generate_corpus wrote: file count, total bytes, articles given mojibake."""

    files: int = 0
    bytes: int = 0
    mojibake_articles: int = 0


def article_rng(seed: int, index: int) -> random.Random:
    """Each article has its own generator, so any article can be rebuilt on its own."""
    return random.Random(f"presswash-corpus:{seed}:{index}")


def generate_corpus(
    out_dir: Path, articles: int, seed: int = 7, mojibake_rate: float = 0.03
) -> CorpusStats:
    """Write `articles` files into out_dir/0000/, out_dir/0001/, ... (1,000 per folder)."""
    stats = CorpusStats()
    folder = out_dir
    for index in range(articles):
        if index % FILES_PER_FOLDER == 0:
            folder = out_dir / f"{index // FILES_PER_FOLDER:04d}"
            folder.mkdir(parents=True, exist_ok=True)
        rng = article_rng(seed, index)
        garbled = rng.random() < mojibake_rate
        data = make_article(rng, mojibake=garbled).encode("utf-8")
        # Named like the seed files: a sequence number and a hash-looking suffix.
        (folder / f"{index:06d}_{rng.getrandbits(64):016x}.txt").write_bytes(data)
        stats.files += 1
        stats.bytes += len(data)
        stats.mojibake_articles += garbled
    return stats


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Generate a synthetic scraped-news corpus.")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--articles", type=int, required=True, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mojibake-rate", type=float, default=0.03)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    stats = generate_corpus(args.out, args.articles, args.seed, args.mojibake_rate)
    seconds = time.perf_counter() - started
    print(
        f"wrote {stats.files:,} files, {stats.bytes / 1e6:.1f} MB "
        f"({stats.mojibake_articles:,} with mojibake) to {args.out} in {seconds:.1f} s"
    )


if __name__ == "__main__":
    main()
