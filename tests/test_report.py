"""The quality report (issue 15), on a warehouse made by real flow runs: two runs over
three sites, one of which (the courier) changes its layout between the runs.

What each site's pages hold is known by construction (tests/site_pages.py): the gazette
and the courier print a date line under every headline and five body paragraphs; the
courier's second-run pages print no date and two paragraphs. The expected figures below
come from that, or from plain SQL on the base tables, never from the report's own views.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from presswash.report import _site_profiles
from presswash.warehouse.report_data import ReportScope, read_report_data
from tests.conftest import REPO, SEED
from tests.site_pages import FOOTER, NAVIGATION, SHARE_ROW, story, write_site

PRESSWASH = [sys.executable, "-m", "presswash.cli"]


def write_new_layout(folder: Path, pages: int, first: int) -> None:
    """The courier after its redesign: no date line, two short paragraphs."""
    rng = random.Random(first)
    for number in range(first, first + pages):
        headline, paragraphs = story(rng, number)
        lines = [*NAVIGATION, "", headline, "", *SHARE_ROW, "", paragraphs[0], "", paragraphs[1]]
        (folder / f"page-{number:03d}.txt").write_text(
            "\n".join([*lines, "", *FOOTER]) + "\n", encoding="utf-8"
        )


@pytest.fixture(scope="module")
def report_runs(prefect_server, tmp_path_factory):
    from presswash.flows.ingest import ingest_flow

    root = tmp_path_factory.mktemp("report")
    gazette, courier, seeds = root / "gazette", root / "courier", root / "seeds"
    write_site(gazette, 5, first=0, seed=3)
    write_site(courier, 5, first=100, seed=11)
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    db = root / "report.duckdb"
    sources = [str(gazette), str(courier), str(seeds)]
    first = ingest_flow(sources=sources, db=str(db))
    write_site(gazette, 3, first=5, seed=3)
    write_new_layout(courier, 3, first=200)
    (courier / "empty.txt").write_bytes(b"")
    second = ingest_flow(sources=sources, db=str(db))
    return {"db": db, "root": root, "first": first, "second": second, "sites": sources}


def _sql(db: Path, query: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def test_documents_by_status_per_run(report_runs):
    data = read_report_data(report_runs["db"], ReportScope())
    runs = data["report_runs"].select("run_id", "loaded", "unchanged", "rejected").rows()
    assert runs == [
        (report_runs["first"]["run_id"], 11, 0, 0),  # 5 + 5 pages and the seed
        (report_runs["second"]["run_id"], 6, 11, 1),  # 3 + 3 new pages, the empty file
    ]
    reasons = data["report_reject_reasons"]
    assert reasons.height == 1 and reasons["documents"].to_list() == [1]
    (reason,) = _sql(report_runs["db"], "select reason from documents where status = 'rejected'")
    assert reasons["example"].to_list() == [reason[0]]


def test_the_redesigned_site_is_flagged_and_the_steady_one_is_not(report_runs):
    data = read_report_data(report_runs["db"], ReportScope())
    drift = data["report_site_drift"]
    second = report_runs["second"]["run_id"]
    gazette, courier, _ = report_runs["sites"]
    rows = {row["site"]: row for row in drift.filter(drift["run_id"] == second).to_dicts()}
    assert set(rows) == {gazette, courier}  # the seed's folder has one page: no history
    assert rows[gazette]["drifted"] is False and rows[gazette]["flags"] == []
    flags = rows[courier]["flags"]
    assert rows[courier]["drifted"] is True
    assert any(flag.startswith("median body words") for flag in flags), flags
    assert "date found 1.0 -> 0.0" in flags, flags
    assert (rows[courier]["pages"], rows[courier]["history_pages"]) == (3, 5)


def test_site_profiles_per_run(report_runs):
    data = read_report_data(report_runs["db"], ReportScope())
    site_runs = data["report_site_runs"]
    _, courier, _ = report_runs["sites"]
    rows = site_runs.filter(site_runs["site"] == courier).sort("run_started_at")
    assert rows["pages"].to_list() == [5, 3]
    assert rows["date_rate"].to_list() == [1.0, 0.0]
    assert rows["headline_rate"].to_list() == [1.0, 1.0]
    # removed lines and paragraphs, counted on the base tables
    expected = _sql(
        report_runs["db"],
        """select d.run_id, (select count(*) from removed_lines r
                             where r.document_id in (select document_id from documents
                                                     where site = ? and run_id = d.run_id)),
                  sum(a.paragraph_count)
           from documents d join articles a using (article_id)
           where d.site = ? and d.status = 'loaded' group by d.run_id""",
        [courier, courier],
    )
    got = {r["run_id"]: (r["removed_lines"], r["body_paragraphs"]) for r in rows.to_dicts()}
    assert got == {run: (removed, paragraphs) for run, removed, paragraphs in expected}


def test_a_site_profile_pools_its_runs_into_fractional_rates(report_runs):
    # 5 of the courier's 8 pages carry a date. The views' sums are HUGEINTs: read as
    # Decimal(38, 0), a pooled rate divided in Polars came out 0.
    profiles = _site_profiles(read_report_data(report_runs["db"], ReportScope()))
    _, courier, _ = report_runs["sites"]
    (row,) = profiles.filter(profiles["site"] == courier).to_dicts()
    assert (row["runs"], row["pages"], row["date_rate"], row["headline_rate"]) == (2, 8, 0.625, 1.0)


def test_captions_quotes_and_stage_times(report_runs):
    db = report_runs["db"]
    data = read_report_data(db, ReportScope())
    captions = data["report_captions"]
    ((images, captioned, collapsed),) = _sql(
        db,
        "select count(*), count(caption), "
        "coalesce(sum(caption_repeats - 1) filter (where caption is not null), 0) from images",
    )
    assert captions["images"].sum() == images > 0
    assert captions["captioned"].sum() == captioned
    assert captions["copies_collapsed"].sum() == collapsed > 0  # the seed prints captions twice
    speakers = data["report_speakers"]
    ((quotes, unattributed),) = _sql(
        db, "select count(*), count(*) filter (where speaker_canonical is null) from quotes"
    )
    assert speakers["quotes"].sum() == quotes > 0
    assert speakers.filter(speakers["speaker"].is_null())["quotes"].sum() == unattributed
    stages = data["report_stage_seconds"]
    runs = {report_runs["first"]["run_id"], report_runs["second"]["run_id"]}
    assert set(stages["run_id"]) == runs
    assert {"read", "parse", "quotes", "load", "total"} <= set(stages["stage"])


def test_scope_by_run_and_by_date(report_runs):
    db, first = report_runs["db"], report_runs["first"]["run_id"]
    one = read_report_data(db, ReportScope(run_id=first))
    assert one["report_runs"]["run_id"].to_list() == [first]
    assert one["report_site_drift"].height == 0  # a first run has nothing to compare with
    assert set(one["report_stage_seconds"]["run_id"]) == {first}
    later = read_report_data(db, ReportScope(since=date(2999, 1, 1)))
    assert later["report_runs"].height == 0 and later["report_site_runs"].height == 0


@pytest.fixture(scope="module")
def report_file(report_runs) -> Path:
    out = report_runs["root"] / "out" / "report.html"
    done = subprocess.run(
        [*PRESSWASH, "report", "--db", str(report_runs["db"]), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert "2 runs, 3 sites, 1 drifted" in done.stdout
    return out


def test_the_report_file_is_self_contained(report_file, report_runs):
    page = report_file.read_text(encoding="utf-8")
    # nothing is fetched: no external script, style sheet, image or frame
    external = r"""<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?//"""
    assert not re.search(external, page)
    assert "Plotly.newPlot" in page and page.count("<script") >= 10
    _, courier, _ = report_runs["sites"]
    drift = page[page.index('id="drift"') : page.index('id="runs"')]
    assert courier in drift and "date found 1.0 -&gt; 0.0" in drift


def test_a_missing_warehouse_is_a_message(tmp_path):
    done = subprocess.run(
        [*PRESSWASH, "report", "--db", str(tmp_path / "no.duckdb")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 1
    assert "no warehouse at" in done.stderr and "Traceback" not in done.stderr


def test_each_run_publishes_its_artifacts(report_runs):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    second = report_runs["second"]
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                flow_run_id=ArtifactFilterFlowRunId(any_=[second["flow_run_id"]])
            )
        )
    by_key = {artifact.key: artifact for artifact in artifacts}
    assert set(by_key) == {"presswash-run-summary", "presswash-run-notes"}
    note = by_key["presswash-run-notes"].data
    _, courier, _ = report_runs["sites"]
    assert "Sites that drifted (1)" in note and courier.replace("_", "\\_") in note
    assert "Rejected (1)" in note and "empty.txt" in note
    table = by_key["presswash-run-summary"].data
    assert '"item": "rejected", "value": 1' in table.replace("'", '"')


CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
BROWSER_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    # Chromium's own calls home (updates, sync, safe browsing) are not the page's
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def test_the_charts_draw_in_a_browser_with_no_network(report_file, report_runs):
    if not CHROMIUM.exists():
        if os.environ.get("PRESSWASH_REQUIRE_BROWSER"):
            pytest.fail(f"no chromium at {CHROMIUM}: `make test` installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed (`make test` installs it)")
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(report_file.as_uri())
            page.wait_for_function(
                "() => [...document.querySelectorAll('.plotly-graph-div')]"
                ".every(div => div.querySelector('svg.main-svg .point'))"
            )
            points = page.evaluate(
                "() => Object.fromEntries([...document.querySelectorAll('.plotly-graph-div')]"
                ".map(div => [div.id, div.querySelectorAll('svg.main-svg .point').length]))"
            )
            sites = page.evaluate(
                "() => [...document.querySelectorAll('#chart-site-found .xtick text')]"
                ".map(t => t.textContent)"
            )
        finally:
            browser.close()
    assert requests == [report_file.as_uri()]  # the page itself, nothing else
    db = report_runs["db"]
    ((stage_bars,),) = _sql(db, "select count(*) from run_stages where stage <> 'total'")
    ((site_runs,),) = _sql(
        db, "select count(distinct (site, run_id)) from documents where status = 'loaded'"
    )
    ((rules,),) = _sql(db, "select count(distinct rule) from removed_lines")
    assert points == {
        "chart-runs": 2 * 4,  # two runs, four statuses
        "chart-reject-reasons": 1,
        "chart-removed-by-rule": rules,
        "chart-removed-by-site": rules * 3,  # every rule's bar for each of the 3 sites
        "chart-site-body-words": site_runs,
        "chart-site-found": 2 * 3,  # headline and date rates of 3 sites
        "chart-captions": 2 * 1,  # only the seed has pictures
        "chart-quotes-per-day": 2 * 1,  # the seed's one publication day, two series
        "chart-top-speakers": min(15, _speakers(db)),
        "chart-stages": stage_bars,
    }
    # the axis names each site (a long folder path by its end)
    assert len(sites) == 3
    for site in report_runs["sites"]:
        assert sum(site.endswith(label.removeprefix("…")) for label in sites) == 1, site


def _speakers(db: Path) -> int:
    ((count,),) = _sql(
        db, "select count(distinct speaker_canonical) from quotes where speaker_canonical <> ''"
    )
    return count


def test_a_warehouse_from_before_the_report_reads_without_changing(report_runs, tmp_path):
    """Report views missing (a warehouse written before them) are made as temporary views
    on the read-only connection; what needs a table the warehouse lacks is said missing."""
    old = tmp_path / "old.duckdb"
    shutil.copy(report_runs["db"], old)
    con = duckdb.connect(str(old))
    try:
        views = [name for (name,) in con.sql(
            "select view_name from duckdb_views() where view_name like 'report_%'"
        ).fetchall()]  # fmt: skip
        for name in sorted(views, key=lambda n: n == "report_site_runs"):  # dependants first
            con.execute(f"drop view {name}")
        con.execute("drop macro doubled_or_halved")
        con.execute("drop table run_stages")
    finally:
        con.close()
    before = old.read_bytes()
    data = read_report_data(old, ReportScope())
    assert data.missing == ["report_stage_seconds"]
    assert data["report_runs"].height == 2
    assert data["report_site_drift"].filter(data["report_site_drift"]["drifted"]).height == 1
    assert old.read_bytes() == before
