"""Fit the line model (``transforms/line_model.json``) on the extraction development set.

    python -m bench.train_line_model            # site-wise cross-validation, then fit and write
    python -m bench.train_line_model --cv-only  # figures only

Data: the pages of ``../shared/extraction-dev`` (see its README), both renderings. A line is
labelled body when at least half of its 4-token shingles are in the page's true body text;
lines weigh by the square root of their tokens, normalised per page, so every page counts
the same and long paragraphs more than labels. The ScrapingHub pages, whose truth was made
by hand, weigh double those whose truth is another extractor's output.

Cross-validation holds out whole sites (``sources.tsv`` hosts), so its figures estimate
pages from sites the model has not seen. Stage 2 is fitted on stage-1 scores predicted
out of fold, as it will see them on new pages. Needs scikit-learn (``pip install
'.[train]'``); the product applies the weights with Polars alone.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from bench import extraction_dev as dev
from presswash.transforms import headline, line_features, line_model, structure
from presswash.transforms.pipeline import PipelineConfig, clean_lines, decode_documents
from presswash.transforms.subset import page_number

MODEL_PATH = dev.REPO / "transforms" / "line_model.json"
BODY_SHARE = 0.5  # a line is body when this share of its shingles is in the truth
SOURCE_WEIGHT = {"scrapinghub": 2.0, "goose3": 1.0, "np4k": 1.0, "readability": 1.0}
FOLDS = 5
TRIM_MARGIN = 15  # lines kept around the article in a trimmed copy (up to)
TRIMMED_WEIGHT = 0.5  # a trimmed copy weighs half its page
C_STAGE1 = 0.3
C_STAGE2 = 0.3
C_HEADLINE = 0.3  # L2 penalty of the headline ranker
DECISION_TIE = 0.002  # body F1 differences this small are ties (the spread is about 0.01)


def unit_frame(folder: Path, raw: pl.DataFrame) -> pl.DataFrame:
    """Units of every page with their features, label and weight. Document ids are
    ``<renderer>[~variant]:<page id>``."""
    config = PipelineConfig()
    decoded = decode_documents(raw, config.decode_limits)
    units, _ = structure.collapse_repeats(clean_lines(decoded, config))
    features = line_features.line_features(units)
    prefix = features["document_id"].str.split(":").list.get(0)
    page = features["document_id"].str.split(":").list.get(1)
    labels, shares = [], []
    indexes: dict[str, dev.TruthIndex] = {}
    for page_id, text in zip(page.to_list(), features["text"].to_list(), strict=True):
        if page_id not in indexes:
            indexes[page_id] = dev.TruthIndex(dev.truth_text(folder, page_id))
        share = indexes[page_id].body_share(text)
        shares.append(share)
        labels.append(share >= BODY_SHARE)
    hosts = dev.hosts(folder)
    frame = features.with_columns(
        page=page,
        renderer=prefix.str.split("~").list.get(0),
        variant=prefix.str.split("~").list.get(1, null_on_oob=True).fill_null("page"),
        label=pl.Series(labels, dtype=pl.Boolean),
        body_share=pl.Series(shares, dtype=pl.Float64),
    ).with_columns(
        site=page.replace_strict(hosts, default=None).fill_null(page),
        source=page.map_elements(dev.source_of, return_dtype=pl.String),
    )
    root = pl.col("text").str.count_matches(r"\w+").cast(pl.Float64).sqrt()
    weight = root / root.sum().over("document_id").clip(1e-9)
    source_weight = pl.col("source").replace_strict(SOURCE_WEIGHT, return_dtype=pl.Float64)
    variant_weight = pl.when(pl.col("variant") == "page").then(1.0).otherwise(TRIMMED_WEIGHT)
    return frame.with_columns(weight=weight * source_weight * variant_weight)


def trimmed_pages(folder: Path, pages: pl.DataFrame, seed: int = 3) -> pl.DataFrame:
    """Each page cut to its article and a few lines around it, as a person copying the
    article from a browser hands it over: the model must not rely on a whole page."""
    rng = np.random.default_rng(seed)
    spans = (
        pages.filter("label")
        .group_by("document_id", maintain_order=True)
        .agg(first=pl.col("line_no").min(), last=pl.col("line_no").max())
    )
    rows = []
    for doc, first, last in spans.iter_rows():
        renderer, page_id = doc.split(":", 1)
        path = folder / "inputs" / renderer / f"{page_id}.txt"
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        start = max(0, first - 1 - int(rng.integers(0, TRIM_MARGIN)))
        end = min(len(lines), last + int(rng.integers(0, TRIM_MARGIN)))
        payload = "\n".join(lines[start:end]).encode("utf-8")
        rows.append((f"{renderer}~trimmed:{page_id}", str(path), payload))
    return dev.raw_documents(rows)


def _pick(rng: np.random.Generator, lines: list[str], most: int) -> list[str]:
    """Up to ``most - 1`` of ``lines``, at random."""
    if not lines:
        return []
    count = min(len(lines), int(rng.integers(0, most)))
    return [lines[i] for i in rng.choice(len(lines), size=count, replace=False)]


def copied_pages(folder: Path, pages: pl.DataFrame, seed: int = 5) -> pl.DataFrame:
    """Each page's article as a person copies it from a browser: maybe a section label or
    two, maybe a date line, the headline, the body paragraphs, maybe a few lines of chrome
    after them. Built from the page's own headline (``meta/``), truth and chrome lines, so
    the model also knows clean input like ``seeds/``."""
    rng = np.random.default_rng(seed)
    chrome = (
        pages.filter(
            ~pl.col("label") & pl.col("words").is_between(1, 6) & (pl.col("renderer") == "bs4")
        )
        .group_by("page", maintain_order=True)
        .agg(pl.col("text"))
    )
    chrome_of = dict(chrome.iter_rows())
    months = "January February March April May June July August September October November December"
    rows = []
    for page_id in pages.filter(pl.col("renderer") == "bs4")["page"].unique(maintain_order=True):
        meta = dev.meta(folder, page_id) or {}
        if not meta.get("headline"):
            continue
        lines = list(chrome_of.get(page_id, []))
        before, after = _pick(rng, lines, 3), _pick(rng, lines, 4)
        header = [*before]
        if meta.get("date") and rng.random() < 0.6:
            year, month, day = meta["date"].split("-")
            name = months.split()[int(month) - 1]
            header.append(
                f"{name} {int(day)}, {year}" if rng.random() < 0.5 else f"{int(day)} {name} {year}"
            )
        header.append(meta["headline"])
        body = [p for p in dev.truth_text(folder, page_id).split("\n") if p.strip()]
        text = "\n\n".join([*header, *body, *after]) + "\n"
        rows.append((f"bs4~copied:{page_id}", page_id, text.encode("utf-8")))
    return dev.raw_documents(rows)


def load_all(folder: Path) -> pl.DataFrame:
    ids = dev.page_ids(folder)
    pages = pl.concat(
        [unit_frame(folder, dev.raw_pages(folder, r, ids)) for r in dev.RENDERERS],
        how="vertical_relaxed",
    )
    trimmed = unit_frame(folder, trimmed_pages(folder, pages))
    copied = unit_frame(folder, copied_pages(folder, pages))
    # Page numbers restart in each frame: number the pages of the whole set again.
    return pl.concat([pages, trimmed, copied], how="vertical_relaxed").with_columns(page_number())


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, names: list[str], c: float):
    """A logistic regression on standardised features, returned on the raw features."""
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((x - mean) / scale, y, sample_weight=w * len(w) / w.sum())
    coef = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - (coef * mean).sum())
    return line_model.Logistic(intercept, {n: float(v) for n, v in zip(names, coef, strict=True)})


def predict(frame: pl.DataFrame, logistic: line_model.Logistic) -> np.ndarray:
    return frame.select(logistic.probability()).to_series().to_numpy()


def _matrix(frame: pl.DataFrame, names: list[str]) -> np.ndarray:
    return frame.select(names).to_numpy().astype(np.float64)


def fit_two_stage(train: pl.DataFrame, stage1_names: list[str], inner_folds: int = 4):
    """Stage 1 on all training lines; stage 2 on stage-1 scores predicted out of fold."""
    y = train["label"].to_numpy()
    w = train["weight"].to_numpy()
    stage1 = fit_logistic(_matrix(train, stage1_names), y, w, stage1_names, C_STAGE1)
    sites = train["site"].unique().sort().to_list()
    fold_of = {site: i % inner_folds for i, site in enumerate(sites)}
    fold = train["site"].replace_strict(fold_of, return_dtype=pl.Int32)
    p1 = np.zeros(train.height)
    for k in range(inner_folds):
        mask = (fold == k).to_numpy()
        inner = train.filter(~pl.Series(mask))
        model = fit_logistic(
            _matrix(inner, stage1_names),
            inner["label"].to_numpy(),
            inner["weight"].to_numpy(),
            stage1_names,
            C_STAGE1,
        )
        p1[mask] = predict(train.filter(pl.Series(mask)), model)
    stacked = line_model.window_features(train.with_columns(p1=pl.Series(p1)))
    stage2_names = stage1_names + [c for c in stacked.columns if c.startswith("s_")]
    stage2 = fit_logistic(_matrix(stacked, stage2_names), y, w, stage2_names, C_STAGE2)
    return stage1, stage2


def score_pages(frame: pl.DataFrame, folder: Path, keep: str = "keep") -> dict[str, dict]:
    """The benchmark's metric (``score.py``) on the kept lines of every page."""
    metric = dev.scorer(folder)
    texts = frame.group_by("document_id", "page", maintain_order=True).agg(
        pl.col("text").filter(pl.col(keep)).str.join("\n\n")
    )
    return {
        doc: _page_score(metric, folder, page, text)
        for doc, page, text in texts.select("document_id", "page", "text").iter_rows()
    }


_TRUTH_SHINGLES: dict[str, object] = {}


def _page_score(metric, folder: Path, page: str, predicted: str) -> dict:
    """score.py's per-page P and R, with the truth's shingles counted once."""
    if page not in _TRUTH_SHINGLES:
        _TRUTH_SHINGLES[page] = metric.shingles(dev.truth_text(folder, page))
    truth, pred = _TRUTH_SHINGLES[page], metric.shingles(predicted or "")
    tp = sum((truth & pred).values())
    fp = sum((pred - truth).values())
    fn = sum((truth - pred).values())
    total = tp + fp + fn
    tp, fp, fn = (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)
    return {"P": metric.precision(tp, fp, fn), "R": metric.recall(tp, fp, fn)}


def summarise(results: dict[str, dict], label: str) -> dict[str, float]:
    pages = list(results.values())
    p = sum(r["P"] for r in pages) / len(pages)
    r = sum(r["R"] for r in pages) / len(pages)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"label": label, "pages": len(pages), "P": p, "R": r, "F1": f}


def cross_validate(frame: pl.DataFrame, names: list[str], folds: int = FOLDS) -> pl.DataFrame:
    """Out-of-fold ``p1`` and ``p_body`` for every line, holding out whole sites."""
    sites = frame["site"].unique().sort().to_list()
    rng = np.random.default_rng(7)
    order = rng.permutation(len(sites))
    fold_of = {sites[i]: n % folds for n, i in enumerate(order)}
    fold = frame["site"].replace_strict(fold_of, return_dtype=pl.Int32)
    parts = []
    for k in range(folds):
        train = frame.filter(fold != k)
        test = frame.filter(fold == k)
        stage1, stage2 = fit_two_stage(train, names)
        scored = test.with_columns(p1=stage1.probability())
        scored = line_model.window_features(scored).with_columns(p_body=stage2.probability())
        parts.append(scored)
    return pl.concat(parts).sort("renderer", "document_id", "_order")


def tune_decision(frame: pl.DataFrame, folder: Path) -> tuple[dict[str, float], list[dict]]:
    """Pick centre and thresholds on out-of-fold scores (few parameters, many pages)."""
    trials = []
    for centre in (0.4, 0.5, 0.6):
        blocked = line_model.find_article(frame, "p_body", centre)
        for low in (0.1, 0.2, 0.3, 0.4, 0.5):
            for high in (0.8, 0.9, 0.95, 1.01):
                decided = blocked.with_columns(keep=line_model.keep_decision("p_body", low, high))
                figures = {}
                for renderer in dev.RENDERERS:
                    part = decided.filter(
                        (pl.col("renderer") == renderer) & (pl.col("variant") == "page")
                    )
                    figures[renderer] = summarise(score_pages(part, folder), renderer)["F1"]
                trials.append({"centre": centre, "low": low, "high": high, **figures})

    # Both renderings must do well: the weaker one decides. The grid is flat near its top
    # (thresholds from 0.1 to 0.4 within a thousandth, against a bootstrap spread of 0.01),
    # so among settings that close the one that keeps fewest weak lines in the block wins
    # (chrome in the body is the failure users see), then the sum of the two.
    def weaker(trial: dict) -> float:
        return min(trial["inscriptis"], trial["bs4"])

    top = max(map(weaker, trials))
    close = [trial for trial in trials if weaker(trial) >= top - DECISION_TIE]
    best = max(close, key=lambda t: (t["low"], t["inscriptis"] + t["bs4"]))
    return best, trials


def report(frame: pl.DataFrame, folder: Path, keep: str, label: str) -> list[dict]:
    rows = []
    for (renderer, variant), part in frame.group_by("renderer", "variant", maintain_order=True):
        results = score_pages(part, folder, keep)
        sources = ("all", *dev.SOURCES) if variant == "page" else ("all",)
        for source in sources:
            chosen = {
                doc: r
                for doc, r in results.items()
                if source == "all" or dev.source_of(doc.split(":", 1)[1]) == source
            }
            if chosen:
                rows.append(
                    {
                        **summarise(chosen, label),
                        "renderer": renderer,
                        "variant": variant,
                        "source": source,
                    }
                )
    return rows


def headline_candidates(decided: pl.DataFrame, folder: Path) -> pl.DataFrame:
    """Headline candidates of every page, with their features and label (from ``meta/``)."""
    meta_score = dev.meta_scorer(folder)
    frame = decided.with_columns(_idx=pl.int_range(pl.len()).over("document_id")).with_columns(
        block_start=pl.col("_idx").filter("in_block").min().over("document_id")
    )
    candidates = headline.headline_candidates(frame)
    truths = {page: (dev.meta(folder, page) or {}) for page in candidates["page"].unique()}
    # As the pipeline does: only the page's first line (its <title>) loses its site name.
    labels = [
        meta_score.headline_match(
            headline.cut_site_name(text) if index == 0 else text, truths[page].get("headline")
        )
        for page, text, index in candidates.select("page", "text", "_idx").iter_rows()
    ]
    has_truth = [bool(truths[page].get("headline")) for page in candidates["page"]]
    return candidates.with_columns(
        h_label=pl.Series(labels, dtype=pl.Boolean), h_truth=pl.Series(has_truth)
    ).filter("h_truth")


HEADLINE_FEATURES = [*headline.HEADLINE_OWN_FEATURES, *headline.HEADLINE_CONTEXT_FEATURES]


def fit_headline(candidates: pl.DataFrame) -> line_model.Logistic:
    """A conditional logit: per page, a softmax over its candidates; the loss is minus the
    log of the probability given to the right ones. It learns to rank within a page,
    which is the decision made (the best candidate wins), unlike a per-line classifier."""
    from scipy.optimize import minimize

    usable = candidates.filter(pl.col("h_label").any().over("document_id"))
    x = _matrix(usable, HEADLINE_FEATURES)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    y = usable["h_label"].to_numpy().astype(bool)
    group = usable["document_id"].rank("dense").to_numpy().astype(int) - 1
    groups = group.max() + 1

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = z @ w
        top = np.full(groups, -np.inf)
        np.maximum.at(top, group, s)
        e = np.exp(s - top[group])
        total = np.bincount(group, e, groups)
        right = np.bincount(group, e * y, groups)
        value = -np.log(right).sum() + np.log(total).sum() + C_HEADLINE * (w @ w)
        p_all = e / total[group]
        p_right = np.where(y, e / right[group], 0.0)
        grad = z.T @ (p_all - p_right) + 2 * C_HEADLINE * w
        return value, grad

    result = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B")
    coef = result.x / scale
    weights = {n: float(v) for n, v in zip(HEADLINE_FEATURES, coef, strict=True)}
    return line_model.Logistic(float(-(coef * mean).sum()), weights)


HEADLINE_STYLES = {
    "indented": pl.col("f_indented_page") > 0,
    "flat": pl.col("f_indented_page") == 0,
}


def fit_headline_rankers(candidates: pl.DataFrame) -> dict[str, line_model.Logistic]:
    """One ranker per page style (layout-aware or tag-by-tag rendering)."""
    return {style: fit_headline(candidates.filter(rows)) for style, rows in HEADLINE_STYLES.items()}


def headline_accuracy(candidates: pl.DataFrame, folder: Path, folds: int = FOLDS) -> pl.DataFrame:
    """Site-wise cross-validated share of pages whose chosen headline is right, chosen as
    the pipeline chooses (headline.choose_headline: the best candidate, or the <h1> a
    chosen <title> holds)."""
    picked = []
    for rows in HEADLINE_STYLES.values():
        part = candidates.filter(rows)
        sites = part["site"].unique().sort().to_list()
        fold_of = {site: i % folds for i, site in enumerate(sites)}
        fold = part["site"].replace_strict(fold_of, return_dtype=pl.Int32)
        for k in range(folds):
            ranker = fit_headline(part.filter(fold != k))
            test = part.filter(fold == k)
            chosen = headline.choose_headline(test, dict.fromkeys(HEADLINE_STYLES, ranker))
            picked.append(test.join(chosen, on=["document_id", "_idx"], how="semi"))
    chosen = pl.concat(picked)
    in_text = [
        ((dev.meta(folder, page) or {}).get("headline_in_text") or {}).get(renderer, False)
        for page, renderer in chosen.select("page", "renderer").iter_rows()
    ]
    return (
        chosen.with_columns(in_text=pl.Series(in_text))
        .group_by("renderer", "variant")
        .agg(
            pages=pl.len(),
            right=pl.col("h_label").mean(),
            right_in_text=pl.col("h_label").filter("in_text").mean(),
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv-only", action="store_true", help="report, do not write the model")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    folder = dev.dev_folder()
    started = time.perf_counter()
    frame = load_all(folder).with_row_index("_order")
    names = line_features.feature_names(frame)
    print(f"{frame.height:,} lines, {len(names)} features, {time.perf_counter() - started:.1f} s")

    oof = cross_validate(frame, names)
    best, _ = tune_decision(oof, folder)
    print(f"decision: {best}")
    decided = line_model.find_article(oof, "p_body", best["centre"]).with_columns(
        keep=line_model.keep_decision("p_body", best["low"], best["high"]),
        keep_p=pl.col("p_body") >= 0.5,
        keep_p1=pl.col("p1") >= 0.5,
    )
    rows = []
    for keep, label in (("keep_p1", "stage 1"), ("keep_p", "stage 2"), ("keep", "+ block")):
        rows += report(decided, folder, keep, label)
    table = pl.DataFrame(rows)
    with pl.Config(tbl_rows=100, float_precision=3):
        print(table.filter(pl.col("source").is_in(["all", "scrapinghub"])))
    candidates = headline_candidates(decided, folder)
    with pl.Config(float_precision=3):
        print("headline (cross-validated):", headline_accuracy(candidates, folder))
    if args.cv_only:
        return 0

    stage1, stage2 = fit_two_stage(frame, names)
    rankers = fit_headline_rankers(candidates)
    cv = {
        f"{row['renderer']}/{row['source']}": round(row["F1"], 4)
        for row in rows
        if row["label"] == "+ block" and row["variant"] == "page"
    }
    model = {
        "info": {
            "fitted": date.today().isoformat(),
            "script": "bench/train_line_model.py",
            "data": "shared/extraction-dev: 159 pages, inscriptis and bs4 renderings",
            "lines": frame.height,
            "cross_validated_f1": cv,
            "folds": f"{FOLDS}, by site",
        },
        "centre": best["centre"],
        "keep_in_block": best["low"],
        "keep_anywhere": best["high"],
        "stage1": {"intercept": stage1.intercept, "weights": _rounded(stage1.weights)},
        "stage2": {"intercept": stage2.intercept, "weights": _rounded(stage2.weights)},
        "headline": {
            style: {"intercept": ranker.intercept, "weights": _rounded(ranker.weights)}
            for style, ranker in rankers.items()
        },
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n")
    print(f"wrote {args.out} in {time.perf_counter() - started:.0f} s")
    return 0


def _rounded(weights: dict[str, float]) -> dict[str, float]:
    return {
        name: float(f"{value:.6g}") for name, value in weights.items() if not math.isclose(value, 0)
    }


if __name__ == "__main__":
    raise SystemExit(main())
