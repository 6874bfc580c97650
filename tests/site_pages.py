"""Pages of one made-up site for the tests: each has its own story, and all share the
site's navigation, share row and footer, as a scraper would hand them over (copied text).

The stories are written from word lists with a seeded random generator, so no two pages
share a body sentence; what the pages share is exactly the chrome listed here.
"""

from __future__ import annotations

import random
from pathlib import Path

NAVIGATION = ("Home", "World", "Politics", "Business", "Sign in", "Subscribe")
SHARE_ROW = ("Share this story", "Copy link")
FOOTER = (
    "About the Gazette",
    "Contact the newsroom",
    "Terms and conditions",
    "The Harbour Gazette, 12 Quay Street",
)
CHROME = (*NAVIGATION, *SHARE_ROW, *FOOTER)

_PLACES = ("Harbour Town", "the old quarter", "the river port", "North Bay", "the hill villages")
_PEOPLE = ("Mayor Ines Varga", "Councillor Tom Reyes", "Dr Amara Sol", "Chief Lena Ortiz")
_SUBJECTS = (
    "a new ferry line",
    "the flood barrier",
    "school repairs",
    "a night market",
    "the harbour dredging",
    "bus fares",
    "a housing plan",
    "the library hours",
)
_VERBS = ("approved", "delayed", "questioned", "announced", "reviewed", "defended")


def story(rng: random.Random, number: int) -> tuple[str, list[str]]:
    """A headline and five body paragraphs, all full sentences."""
    subject = rng.choice(_SUBJECTS)
    place = rng.choice(_PLACES)
    headline = f"{rng.choice(_PEOPLE)} {rng.choice(_VERBS)} {subject} for {place} ({number})"
    paragraphs = []
    for sentence in range(5):
        who, verb = rng.choice(_PEOPLE), rng.choice(_VERBS)
        count = rng.randint(12, 980)
        paragraphs.append(
            f"On day {number}, {who} {verb} plans for {rng.choice(_SUBJECTS)} in "
            f"{rng.choice(_PLACES)}, which {count} residents had asked about in "
            f"meeting {number * 10 + sentence}, and the council will vote on it next month."
        )
    return headline, paragraphs


def write_site(folder: Path, pages: int, first: int = 0, seed: int = 3) -> list[Path]:
    """``pages`` pages of the site in ``folder``, numbered from ``first``."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + first)
    written = []
    for number in range(first, first + pages):
        headline, paragraphs = story(rng, number)
        lines = [
            *NAVIGATION,
            "",
            headline,
            f"March {1 + number % 28}, 2024",
            "",
            *SHARE_ROW,
            "",
            *[line for paragraph in paragraphs for line in (paragraph, "")],
            *FOOTER,
        ]
        path = folder / f"page-{number:03d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    return written
