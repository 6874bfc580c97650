"""How well presswash finds the article on real pages: ``make eval``.

Runs ``presswash run`` on both text renderings of the extraction development set
(``../shared/extraction-dev``, or ``$PRESSWASH_EXTRACTION_DEV``) and on its original HTML,
each into a fresh warehouse, and scores the warehouses with the set's own scorers
(``score.py`` for the body, ``score_meta.py`` for headline and date). Prints body P/R/F1 per
input and source beside the reference systems (trafilatura alone on the same HTML is
measured here), headline and date accuracy, and image rows per page.

    python -m bench.extraction_eval [--out bench/extraction_results.json] [--keep DIR]

The line model was fitted on these same pages, so its figures here are training figures:
the honest estimate for pages from other sites is the site-wise cross-validation that
``bench/train_line_model.py`` prints (and stores in ``transforms/line_model.json``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from bench import extraction_dev as dev

# Reference figures from the development set's README (F1, inscriptis / bs4; None: not
# measured). "presswash before" is the code before the line model (cf44555).
REFERENCES = {
    "scrapinghub": {
        "presswash before": (0.753, 0.733),
        "keep everything": (0.710, 0.695),
        "C4 line filter": (0.841, 0.741),
    },
    "all": {"presswash before": (0.746, 0.704)},
}


# What presswash reads: the two text renderings, then the pages' own HTML (.html.gz).
INPUTS = {
    **{renderer: Path("inputs") / renderer for renderer in dev.RENDERERS},
    "html": Path("html"),
}


def trafilatura_alone(folder: Path, work: Path) -> dict:
    """Body scores of trafilatura by itself on the same HTML (its defaults but comments,
    which presswash leaves out too): the reference for the HTML path."""
    import gzip

    import trafilatura

    from presswash.transforms.decode import decode_document

    predictions = work / "trafilatura"
    predictions.mkdir(exist_ok=True)
    for page in dev.page_ids(folder):
        html = decode_document(gzip.decompress((folder / "html" / f"{page}.html.gz").read_bytes()))
        text = trafilatura.extract(html.text or "", include_comments=False) or ""
        (predictions / f"{page}.txt").write_text(text, encoding="utf-8")
    scores = {"all": body_scores(folder, None, None, predictions)}
    for source in dev.SOURCES:
        scores[source] = body_scores(folder, None, folder / f"ids-{source}.txt", predictions)
    return scores


def body_texts(db: Path, out: Path) -> Path:
    """Each page's body from a warehouse as ``<page id>.txt`` (paragraphs joined by blank
    lines, as ``score.py --db`` joins them), for pages whose inputs ``score.py`` cannot name
    (it takes ``.txt`` and ``.gz`` off a file name, not ``.html.gz``)."""
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            """
            select d.source_uri, string_agg(p.text, chr(10) || chr(10) order by p.position)
            from documents d left join paragraphs p using (article_id)
            group by d.source_uri
            """
        ).fetchall()
    finally:
        con.close()
    for uri, body in rows:
        page = Path(uri).name.removesuffix(".gz").removesuffix(".html")
        (out / f"{page}.txt").write_text(body or "", encoding="utf-8")
    return out


def run_presswash(inputs: Path, db: Path) -> dict:
    """``presswash run`` on a folder, as a user runs it; returns its JSON summary."""
    command = [sys.executable, "-m", "presswash.cli", "run", str(inputs), "--db", str(db), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"presswash run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def body_scores(
    folder: Path, db: Path | None, ids: Path | None, predictions: Path | None = None
) -> dict:
    """``score.py``'s aggregate (its last output line is JSON) for a warehouse, or for a
    folder of predicted texts."""
    scored = ["--db", str(db)] if predictions is None else ["--pred-dir", str(predictions)]
    command = [sys.executable, str(folder / "score.py"), *scored, "--truth", str(folder / "truth")]
    if ids is not None:
        command += ["--ids", str(ids)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def meta_scores(folder: Path, db: Path) -> str:
    """``score_meta.py``'s summary line."""
    command = [
        sys.executable,
        str(folder / "score_meta.py"),
        "--db",
        str(db),
        "--meta",
        str(folder / "meta"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return next(line for line in reversed(done.stdout.splitlines()) if line.startswith("meta:"))


def image_figures(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        pages, rows, with_caption, with_images, most = con.execute(
            """
            with per_article as (
                select a.article_id, count(i.article_id) as images,
                       count(i.caption) as captions
                from articles a left join images i using (article_id)
                group by a.article_id
            )
            select count(*), sum(images), sum(captions), count(*) filter (images > 0),
                   max(images)
            from per_article
            """
        ).fetchone()
    finally:
        con.close()
    return {
        "articles": pages,
        "image_rows": int(rows or 0),
        "rows_per_page": round((rows or 0) / max(pages, 1), 2),
        "captioned_rows": int(with_caption or 0),
        "pages_with_images": with_images,
        "most_on_one_page": most,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=dev.REPO / "bench" / "extraction_results.json")
    parser.add_argument("--keep", type=Path, help="keep the warehouses in this folder")
    args = parser.parse_args(argv)
    folder = dev.dev_folder()
    work = args.keep or Path(tempfile.mkdtemp(prefix="presswash-eval-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"renderers": {}}
    for renderer, inputs in INPUTS.items():
        db = work / f"dev-{renderer}.duckdb"
        db.unlink(missing_ok=True)
        started = time.perf_counter()
        summary = run_presswash(folder / inputs, db)
        texts = body_texts(db, work / f"bodies-{renderer}") if renderer == "html" else None
        figures = {
            "seconds": round(time.perf_counter() - started, 1),
            "rejected": summary["counts"]["rejected"],
            "body": {"all": body_scores(folder, db, None, texts)},
            "meta": meta_scores(folder, db),
            "images": image_figures(db),
        }
        for source in dev.SOURCES:
            ids = folder / f"ids-{source}.txt"
            figures["body"][source] = body_scores(folder, db, ids, texts)
        results["renderers"][renderer] = figures
    model = json.loads((dev.REPO / "transforms" / "line_model.json").read_text())
    results["cross_validated_f1"] = model["info"].get("cross_validated_f1", {})
    results["trafilatura_alone"] = trafilatura_alone(folder, work)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    print_report(results)
    if not args.keep:
        shutil.rmtree(work)
    return 0


def print_report(results: dict) -> None:
    renderers = results["renderers"]
    print("\n## Body text (score.py: 4-token shingles; F1 of mean P and mean R)\n")
    names = " / ".join(INPUTS)
    print(f"| pages | system | F1 {names} | P | R |")
    print("|---|---|---|---|---|")
    for source in ("all", *dev.SOURCES):
        figures = [renderers[r]["body"][source] for r in INPUTS]
        pages = figures[0]["pages"]
        line = " / ".join(f"{f['F1']:.3f}" for f in figures)
        p = " / ".join(f"{f['P']:.3f}" for f in figures)
        r = " / ".join(f"{f['R']:.3f}" for f in figures)
        print(f"| {source} ({pages}) | **presswash** | **{line}** | {p} | {r} |")
        cv = results["cross_validated_f1"]
        if f"inscriptis/{source}" in cv:
            pair = " / ".join(f"{cv.get(f'{r}/{source}', float('nan')):.3f}" for r in dev.RENDERERS)
            print(f"| {source} | presswash, sites held out (cross-validation) | {pair} / - | | |")
        alone = results["trafilatura_alone"][source]
        print(
            f"| {source} | trafilatura alone on the HTML | - / - / {alone['F1']:.3f} "
            f"| {alone['P']:.3f} | {alone['R']:.3f} |"
        )
        for name, (a, b) in REFERENCES.get(source, {}).items():
            print(f"| {source} | {name} | {a:.3f} / {b:.3f} / - | | |")
    print("\n## Headline and date (score_meta.py)\n")
    for renderer in INPUTS:
        print(f"- {renderer}: {renderers[renderer]['meta']}")
    print("\n## Images\n")
    for renderer in INPUTS:
        print(f"- {renderer}: {renderers[renderer]['images']}")
    rejected = {r: renderers[r]["rejected"] for r in INPUTS}
    print(f"\nrejected pages: {rejected}")


if __name__ == "__main__":
    raise SystemExit(main())
