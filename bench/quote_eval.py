"""Quote extraction against the hand-annotated evaluation set (issue #3).

Every item of ``tests/data/quotes_eval.jsonl`` is read as the body of an article with no
headline and no captions. A predicted quote matches a gold quote when both start in the
same paragraph and their texts are equal once whitespace is normalised and surrounding
punctuation is stripped, or else when their word sets overlap with a Jaccard index of at
least 0.8; matching is one-to-one.

    python -m bench.quote_eval [--verbose] [--path tests/data/quotes_eval.jsonl]

Columns: speaker = right speakers among matched quotes that have one; spk-rec = right
speakers among all quotes that have one (a missed quote or speaker counts against it);
spk-prec = right speakers among the speakers presswash named; spk-kind = speakers of the
right kind (person, organisation, document, group), where the set records kinds.
"""

from __future__ import annotations

import argparse
import json
import re
import string
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from presswash.transforms.quotes import Quote, extract_quotes

EVAL_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_eval.jsonl"
# Real news bodies annotated by hand (issue 14): bench/build_quotes_real.py
REAL_SET = EVAL_SET.parent / "quotes_real" / "quotes_real.jsonl"
JACCARD_MIN = 0.8
THROUGHPUT_MIN_PARAGRAPHS = 5_000
_STRIP = string.punctuation + string.whitespace + "‘’“”„«»…—–"
_WORD = re.compile(r"[\w’']+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass
class Figures:
    """Counts of one slice of the evaluation set, and the rates derived from them."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_total: int = 0  # matched quotes with a gold speaker
    speaker_correct: int = 0
    speaker_given: int = 0  # ... of which presswash named a speaker
    speaker_gold: int = 0  # all gold quotes with a speaker, matched or not
    speaker_kind_total: int = 0  # matched quotes with a gold speaker kind and a speaker given
    speaker_kind_correct: int = 0
    kind_correct: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.speaker_total if self.speaker_total else 1.0

    @property
    def speaker_recall(self) -> float:
        """Of all quotes with a speaker, the share found with the right one."""
        return self.speaker_correct / self.speaker_gold if self.speaker_gold else 1.0

    @property
    def speaker_precision(self) -> float:
        """Of the speakers presswash named (on quotes that have one), the share right."""
        return self.speaker_correct / self.speaker_given if self.speaker_given else 1.0

    @property
    def speaker_kind_accuracy(self) -> float:
        """Of the quotes with a speaker named on both sides, the share whose speaker is of
        the right kind (person, organisation, document, group)."""
        total = self.speaker_kind_total
        return self.speaker_kind_correct / total if total else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_correct / self.matched if self.matched else 1.0

    def add(self, other: Figures) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.speaker_total += other.speaker_total
        self.speaker_correct += other.speaker_correct
        self.speaker_given += other.speaker_given
        self.speaker_gold += other.speaker_gold
        self.speaker_kind_total += other.speaker_kind_total
        self.speaker_kind_correct += other.speaker_kind_correct
        self.kind_correct += other.kind_correct


@dataclass
class Problem:
    """One error, for reading with ``--verbose``."""

    item: str
    kind: str  # miss, false_positive, wrong_speaker or wrong_kind
    paragraph: int  # 0-based, as in the eval set
    text: str
    expected: str | None = None
    got: str | None = None


@dataclass
class EvalReport:
    overall: Figures
    per_style: dict[str, Figures]
    problems: list[Problem] = field(default_factory=list)
    paragraphs_per_second: float = 0.0

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def speaker_accuracy(self) -> float:
        return self.overall.speaker_accuracy

    @property
    def speaker_kind_accuracy(self) -> float:
        """Of the quotes with a speaker named on both sides, the share whose speaker is of
        the right kind (person, organisation, document, group)."""
        total = self.speaker_kind_total
        return self.speaker_kind_correct / total if total else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.overall.kind_accuracy


def normalise_text(text: str) -> str:
    """Whitespace collapsed and surrounding punctuation and quote marks stripped.

    >>> normalise_text(" 'We will   keep it,' ")
    'We will keep it'
    """
    return " ".join(text.split()).strip(_STRIP)


def jaccard(a: str, b: str) -> float:
    """Overlap of the two texts' lower-cased word sets.

    >>> jaccard("we will keep it", "We will keep it now")
    0.8
    """
    left, right = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    if not left and not right:
        return 1.0
    return len(left & right) / len(left | right)


def normalise_speaker(name: str | None) -> str | None:
    """Speaker names compared case-insensitively, ignoring a leading article.

    >>> normalise_speaker("The White House")
    'white house'
    """
    if name is None:
        return None
    return _LEADING_ARTICLE.sub("", " ".join(name.split())).lower()


def match_quotes(gold: list[dict], predicted: list[Quote]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: equal texts first, then the best
    word overlaps at or above :data:`JACCARD_MIN`, always within the same paragraph."""
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for g, quote in enumerate(gold):
        for p, guess in enumerate(predicted):
            if (
                p not in used_pred
                and guess.paragraph_position - 1 == quote["paragraph"]
                and normalise_text(guess.text) == normalise_text(quote["text"])
            ):
                pairs.append((g, p))
                used_gold.add(g)
                used_pred.add(p)
                break
    scored = sorted(
        (
            (jaccard(quote["text"], guess.text), g, p)
            for g, quote in enumerate(gold)
            if g not in used_gold
            for p, guess in enumerate(predicted)
            if p not in used_pred and guess.paragraph_position - 1 == quote["paragraph"]
        ),
        reverse=True,
    )
    for score, g, p in scored:
        if score < JACCARD_MIN:
            break
        if g in used_gold or p in used_pred:
            continue
        pairs.append((g, p))
        used_gold.add(g)
        used_pred.add(p)
    return sorted(pairs)


def score_item(item: dict, predicted: list[Quote]) -> tuple[Figures, list[Problem]]:
    """Figures and errors of one annotated article."""
    gold = item["quotes"]
    pairs = match_quotes(gold, predicted)
    figures = Figures(gold=len(gold), predicted=len(predicted), matched=len(pairs))
    figures.speaker_gold = sum(quote["speaker_canonical"] is not None for quote in gold)
    problems: list[Problem] = []
    for g, p in pairs:
        quote, guess = gold[g], predicted[p]
        if guess.kind == quote["kind"]:
            figures.kind_correct += 1
        else:
            problems.append(
                Problem(
                    item["id"],
                    "wrong_kind",
                    quote["paragraph"],
                    quote["text"],
                    quote["kind"],
                    guess.kind,
                )
            )
        if quote["speaker_canonical"] is None:
            continue
        figures.speaker_total += 1
        figures.speaker_given += guess.speaker_canonical is not None
        if quote.get("speaker_kind") and guess.speaker_canonical is not None:
            figures.speaker_kind_total += 1
            figures.speaker_kind_correct += guess.speaker_kind == quote["speaker_kind"]
        # the real-news set lists every name the article uses for the speaker
        names = quote.get("speaker_names") or [quote["speaker_canonical"]]
        if normalise_speaker(guess.speaker_canonical) in {normalise_speaker(n) for n in names}:
            figures.speaker_correct += 1
        else:
            problems.append(
                Problem(
                    item["id"],
                    "wrong_speaker",
                    quote["paragraph"],
                    quote["text"],
                    quote["speaker_canonical"],
                    f"{guess.speaker_canonical} (as written: {guess.speaker}, cue: {guess.cue})",
                )
            )
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    for g, quote in enumerate(gold):
        if g not in matched_gold:
            problems.append(Problem(item["id"], "miss", quote["paragraph"], quote["text"]))
    for p, guess in enumerate(predicted):
        if p not in matched_pred:
            problems.append(
                Problem(
                    item["id"],
                    "false_positive",
                    guess.paragraph_position - 1,
                    guess.text,
                    got=f"speaker {guess.speaker_canonical}, kind {guess.kind}",
                )
            )
    return figures, problems


def load_items(path: Path | str = EVAL_SET) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def measure_throughput(
    items: Iterable[dict], min_paragraphs: int = THROUGHPUT_MIN_PARAGRAPHS, rounds: int = 3
) -> float:
    """Paragraphs per second of :func:`extract_quotes` over the items, repeated to at least
    ``min_paragraphs`` paragraphs; the best of ``rounds`` timings."""
    bodies = [item["paragraphs"] for item in items]
    per_pass = sum(len(body) for body in bodies)
    if not per_pass:
        return 0.0
    repeats = -(-min_paragraphs // per_pass)
    workload = bodies * repeats
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for body in workload:
            extract_quotes(None, body, [])
        best = min(best, time.perf_counter() - started)
    return per_pass * repeats / best


def evaluate(path: Path | str = EVAL_SET, throughput: bool = True) -> EvalReport:
    """Precision, recall, speaker and kind accuracy, overall and per style."""
    items = load_items(path)
    overall = Figures()
    per_style: dict[str, Figures] = {}
    problems: list[Problem] = []
    for item in items:
        figures, found = score_item(item, extract_quotes(None, item["paragraphs"], []))
        overall.add(figures)
        per_style.setdefault(item["style"], Figures()).add(figures)
        problems.extend(found)
    report = EvalReport(overall, dict(sorted(per_style.items())), problems)
    if throughput:
        report.paragraphs_per_second = measure_throughput(items)
    return report


def format_report(report: EvalReport, verbose: bool = False) -> str:
    header = (
        f"{'style':<16} {'gold':>5} {'pred':>5} {'prec':>6} {'recall':>6}"
        f" {'speaker':>7} {'spk-rec':>7} {'spk-prec':>8} {'spk-kind':>8} {'kind':>6}"
    )
    lines = [header]
    rows = [*report.per_style.items(), ("overall", report.overall)]
    for name, figures in rows:
        lines.append(
            f"{name:<16} {figures.gold:>5} {figures.predicted:>5} {figures.precision:>6.3f}"
            f" {figures.recall:>6.3f} {figures.speaker_accuracy:>7.3f}"
            f" {figures.speaker_recall:>7.3f} {figures.speaker_precision:>8.3f}"
            f" {figures.speaker_kind_accuracy:>8.3f}"
            f" {figures.kind_accuracy:>6.3f}"
        )
    if report.paragraphs_per_second:
        lines.append(f"throughput: {report.paragraphs_per_second:,.0f} paragraphs/second")
    if verbose:
        for problem in report.problems:
            line = f"[{problem.kind}] {problem.item} p{problem.paragraph}: {problem.text!r}"
            if problem.expected is not None:
                line += f"\n    expected {problem.expected!r}, got {problem.got!r}"
            elif problem.got is not None:
                line += f" ({problem.got})"
            lines.append(line)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", default=str(EVAL_SET))
    parser.add_argument("--verbose", action="store_true", help="print every error")
    parser.add_argument("--no-throughput", action="store_true", help="skip the timing")
    args = parser.parse_args(argv)
    report = evaluate(args.path, throughput=not args.no_throughput)
    print(format_report(report, verbose=args.verbose))


if __name__ == "__main__":
    main()
