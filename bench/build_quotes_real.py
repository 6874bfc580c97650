"""Build ``tests/data/quotes_real/*.jsonl`` from the hand annotations beside them and the
article bodies of ../shared/extraction-dev/truth/ (issue 14): ``quotes_real.jsonl`` (the
development set) and ``quotes_real_holdout.jsonl`` (annotated after the rules were tuned).

The annotations name each quote by its paragraph and first words; this script finds the
quote's marks around those words and takes its exact text, so the annotator need not copy
it. It never runs presswash: the gold comes from the annotations and the text only.

    python -m bench.build_quotes_real [--truth DIR]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from bench.extraction_dev import dev_folder

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_real"
ANNOTATIONS = FOLDER / "annotations.txt"
OUTPUT = FOLDER / "quotes_real.jsonl"
HOLDOUT_ANNOTATIONS = FOLDER / "holdout_annotations.txt"
HOLDOUT_OUTPUT = FOLDER / "quotes_real_holdout.jsonl"
SPEAKER_KINDS = FOLDER / "speaker_kinds.tsv"  # annotated speaker -> person, organisation, ...
# A page: a ScrapingHub id's first 12 hex digits, or a whole id such as np4k_cnn_002.
_PAGE = re.compile(r"# ([0-9a-f]{12}|[a-z0-9]+_[\w.-]+)")

DOUBLE_OPEN = '“"„”«'
SINGLE_OPEN = "‘'"
# A double quote closes at ” or " or ’’ (two apostrophes, as some wires type it); a single
# one at ’ or ‘ or ' not followed by a letter (we’re keeps its apostrophe).
DOUBLE_CLOSE = re.compile(r"”|\"|’’|''")
SINGLE_CLOSE = re.compile(r"[’‘'](?![A-Za-z])")
CLOSE_OF = {"„": re.compile(r"[“”\"]"), "«": re.compile(r"»"), "‘": SINGLE_CLOSE, "'": SINGLE_CLOSE}


class AnnotationError(ValueError):
    pass


def parse_annotations(text: str) -> dict[str, list[dict]]:
    """{page id prefix: [annotation, ...]} in file order."""
    pages: dict[str, list[dict]] = {}
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if _PAGE.fullmatch(line):
            current = pages.setdefault(line[2:], [])
            continue
        if not line or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split(" | ")]
        if current is None or len(fields) != 4:
            raise AnnotationError(f"line {number}: expected 'paragraph | words | speaker | kind'")
        paragraph, words, speaker, kind = fields
        names = None if speaker == "-" else speaker.split("|")
        current.append(
            {"paragraph": int(paragraph), "words": words, "speakers": names, "kind": kind}
        )
    return pages


def body_paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def quote_text(paragraphs: list[str], annotation: dict, occurrence: int) -> tuple[str, int]:
    """The quote's text (its paragraphs joined by a space, as presswash reports a quote
    that runs on) and the paragraph it ends in."""
    number = annotation["paragraph"]
    paragraph = paragraphs[number]
    starts = [
        m.start()
        for m in re.finditer(re.escape(annotation["words"]), paragraph)
        if _opening_before(paragraph, m.start())
    ]
    if len(starts) <= occurrence:
        raise AnnotationError(f"paragraph {number}: no quote opens with {annotation['words']!r}")
    start = starts[occurrence]
    closing = CLOSE_OF.get(_opening_before(paragraph, start), DOUBLE_CLOSE)
    pieces = []
    while True:
        end = closing.search(paragraph, start + 1)
        if end is not None:
            pieces.append(paragraph[start : end.start()])
            return " ".join(p.strip() for p in pieces), number
        pieces.append(paragraph[start:])
        number += 1  # no closing mark: the quote runs on if the next paragraph opens one
        if number >= len(paragraphs) or paragraphs[number][:1] not in DOUBLE_OPEN + SINGLE_OPEN:
            raise AnnotationError(f"paragraph {annotation['paragraph']}: quote never closes")
        paragraph, start = paragraphs[number], 1


def _opening_before(paragraph: str, index: int) -> str:
    """The opening mark right before ``index`` (spaces allowed between), or ''."""
    before = paragraph[:index].rstrip(" ")
    mark = before[-1:] if before else ""
    return mark if mark and mark in DOUBLE_OPEN + SINGLE_OPEN else ""


def truth_path(truth: Path, page: str) -> Path:
    whole = truth / f"{page}.txt"
    if whole.exists():
        return whole
    (path,) = truth.glob(f"scrapinghub_{page}*.txt")
    return path


def speaker_kinds() -> dict[str, str]:
    lines = SPEAKER_KINDS.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


def build(truth: Path, annotated: Path = ANNOTATIONS, style: str = "real-news") -> list[dict]:
    pages = parse_annotations(annotated.read_text(encoding="utf-8"))
    kinds = speaker_kinds()
    items = []
    for prefix, marked in pages.items():
        path = truth_path(truth, prefix)
        paragraphs = body_paragraphs(path.read_text(encoding="utf-8"))
        seen: dict[tuple[int, str], int] = {}
        quotes = []
        for annotation in marked:
            key = (annotation["paragraph"], annotation["words"])
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            try:
                text, _ = quote_text(paragraphs, annotation, occurrence)
            except AnnotationError as error:
                raise AnnotationError(f"{prefix}: {error}") from None
            names = annotation["speakers"]
            quotes.append(
                {
                    "paragraph": annotation["paragraph"],
                    "text": text,
                    "speaker_canonical": names[0] if names else None,
                    "speaker_names": names or [],
                    "speaker_kind": kinds[names[0]] if names else None,
                    "kind": annotation["kind"],
                }
            )
        items.append({"id": path.stem, "style": style, "paragraphs": paragraphs, "quotes": quotes})
    return items


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--truth", type=Path, default=None)
    args = parser.parse_args(argv)
    truth = args.truth or dev_folder() / "truth"
    for annotated, output, style in (
        (ANNOTATIONS, OUTPUT, "real-news"),
        (HOLDOUT_ANNOTATIONS, HOLDOUT_OUTPUT, "real-news-holdout"),
    ):
        items = build(truth, annotated, style)
        with open(output, "w", encoding="utf-8") as out:
            for item in items:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        quotes = sum(len(item["quotes"]) for item in items)
        print(f"{len(items)} articles, {quotes} quotes -> {output}")


if __name__ == "__main__":
    main()
