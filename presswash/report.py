"""``presswash report``: one self-contained HTML file of what the runs did.

Charts are Plotly figures; plotly.js is written into the file once, so the report opens
from disk with no network. Every chart has a table of its exact numbers beside it, and
each reads one ``report_*`` view (``presswash sql "select * from report_site_drift"``).
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import polars as pl
from plotly.offline import get_plotlyjs

from presswash.warehouse.report_data import ReportData, ReportScope, read_report_data

TABLE_ROWS = 40  # rows shown per table; the view has the rest
TOP_SITES = 12  # sites drawn in the per-site charts (by pages or lines)
TOP_SPEAKERS = 15
LAST_RUNS = 10  # runs drawn in the time-per-stage chart
STATUSES = ("loaded", "unchanged", "duplicate", "rejected")
CHART_CONFIG = {"displaylogo": False, "responsive": True}
DATE_X = {"quotes-per-day"}  # charts whose x axis is a calendar
LABEL_CHARS = 32  # a site's name on a chart axis (the tables give it whole)


@dataclass(frozen=True)
class ReportSummary:
    path: Path
    runs: int
    sites: int
    drifted_sites: int
    bytes: int


def write_report(
    db: str | os.PathLike[str],
    out: str | os.PathLike[str],
    scope: ReportScope,
    now: datetime | None = None,
) -> ReportSummary:
    data = read_report_data(db, scope)
    page = render_report(data, now or datetime.now())
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    drift = latest_drift(data)
    return ReportSummary(
        path=path,
        runs=data["report_runs"].height,
        sites=_site_profiles(data).height,
        drifted_sites=drift.filter(pl.col("drifted")).height if drift.height else 0,
        bytes=len(page.encode("utf-8")),
    )


def render_report(data: ReportData, now: datetime) -> str:
    sections = [
        _drift_section(data),
        _runs_section(data),
        _removed_section(data),
        _sites_section(data),
        _captions_section(data),
        _quotes_section(data),
        _stages_section(data),
    ]
    nav = " · ".join(f'<a href="#{key}">{html.escape(title)}</a>' for key, title, _ in sections)
    body = "\n".join(
        f'<section id="{key}"><h2>{html.escape(title)}</h2>{content}</section>'
        for key, title, content in sections
    )
    missing = ""
    if data.missing:
        missing = _note(
            "Not recorded in this warehouse (made before presswash recorded them): "
            + ", ".join(data.missing)
            + ". A new run records them from then on."
        )
    header = (
        f"<h1>presswash quality report</h1><p class='meta'>Warehouse "
        f"<code>{html.escape(data.db)}</code> · {html.escape(data.scope.describe())} · "
        f"made {now:%Y-%m-%d %H:%M}</p>{missing}<nav>{nav}</nav>"
    )
    return _PAGE.format(plotly=get_plotlyjs(), style=_STYLE, header=header, body=body)


# --- sections: (anchor, title, html) -------------------------------------------------------------
def _drift_section(data: ReportData) -> tuple[str, str, str]:
    drift = latest_drift(data)
    flagged = drift.filter(pl.col("drifted")) if drift.height else drift
    intro = (
        "Each site's latest run in the report against all its earlier runs: a flag when the "
        "median body words halve or double, the share of lines removed doubles or halves "
        "(by 0.10 or more), the headline or date found rate moves by 0.30 or more, or images "
        "per page double or halve. Needs 3 pages in the run and 5 before it. "
        "View <code>report_site_drift</code>."
    )
    if not drift.height:
        return "drift", "Drift", _note(intro) + "<p>No site has enough history to compare.</p>"
    if not flagged.height:
        text = f"<p class='ok'>No drift: {drift.height} site(s) compared, none moved sharply.</p>"
        return "drift", "Drift", _note(intro) + text
    rows = flagged.select(
        "site",
        "run_id",
        "pages",
        "history_pages",
        pl.col("flags").list.join("; ").alias("what moved"),
    )
    text = f"<p class='alert'>{flagged.height} site(s) drifted in their latest run.</p>"
    return "drift", "Drift", _note(intro) + text + _table(rows)


def _runs_section(data: ReportData) -> tuple[str, str, str]:
    runs = data["report_runs"]
    if not runs.height:
        return "runs", "Runs and rejects", "<p>No runs.</p>"
    labels = _run_labels(runs)
    chart = _figure(
        "runs",
        [go.Bar(name=status, x=labels, y=runs[status].to_list()) for status in STATUSES],
        "Documents by status in each run",
        barmode="stack",
    )
    table = _table(runs.select("run_id", "started_at", "status", *STATUSES, "seconds"))
    reasons = (
        data["report_reject_reasons"]
        .group_by("reason_kind")
        .agg(pl.col("documents").sum(), pl.col("example").first())
        .sort(["documents", "reason_kind"], descending=[True, False])
    )
    if reasons.height:
        reason_chart = _ranked_bars(
            "reject-reasons",
            reasons["reason_kind"],
            reasons["documents"],
            "Rejected documents by reason",
        )
        rejects = _pair(reason_chart, _table(reasons))
    else:
        rejects = "<p>No document was rejected.</p>"
    text = _note("Views <code>report_runs</code>, <code>report_reject_reasons</code>.")
    return "runs", "Runs and rejects", text + _pair(chart, table) + rejects


def _removed_section(data: ReportData) -> tuple[str, str, str]:
    removed = data["report_removed_lines"]
    if not removed.height:
        return "removed", "Lines removed", "<p>No lines were removed.</p>"
    by_rule = (
        removed.group_by("rule")
        .agg(pl.col("lines").sum(), pl.col("documents").sum())
        .sort(["lines", "rule"], descending=[True, False])
    )
    rule_chart = _ranked_bars(
        "removed-by-rule", by_rule["rule"], by_rule["lines"], "Lines removed by rule"
    )
    by_site_rule = removed.group_by("site", "rule").agg(pl.col("lines").sum())
    top_sites = (
        by_site_rule.group_by("site")
        .agg(pl.col("lines").sum())
        .sort(["lines", "site"], descending=[True, False])
        .head(TOP_SITES)["site"]
        .to_list()
    )
    traces = []
    for rule in by_rule["rule"].to_list():
        lines = dict(
            by_site_rule.filter(pl.col("rule") == rule).select("site", "lines").iter_rows()
        )
        traces.append(
            go.Bar(name=rule, x=_labels(top_sites), y=[lines.get(s, 0) for s in top_sites])
        )
    site_chart = _figure(
        "removed-by-site",
        traces,
        f"Lines removed by site and rule (top {TOP_SITES} sites)",
        "stack",
    )
    site_table = by_site_rule.sort(["site", "lines"], descending=[False, True])
    chrome = data["site_chrome_lines"]
    learned = (
        _table(chrome)
        if chrome.height
        else "<p>No site has learned chrome yet (lines on half of its pages, 5 or more).</p>"
    )
    text = _note(
        "Every removal is in <code>removed_lines</code> with its rule. Views "
        "<code>report_removed_lines</code>, <code>site_chrome_lines</code>."
    )
    return (
        "removed",
        "Lines removed",
        text
        + _pair(rule_chart, _table(by_rule))
        + _pair(site_chart, _table(site_table))
        + "<h3>Each site's learned chrome</h3>"
        + learned,
    )


def _sites_section(data: ReportData) -> tuple[str, str, str]:
    profiles = _site_profiles(data)
    if not profiles.height:
        return "sites", "Sites", "<p>No articles loaded.</p>"
    site_runs = data["report_site_runs"]
    top = profiles.head(TOP_SITES)["site"].to_list()
    words = [
        go.Scatter(
            name=_labels([site])[0],
            x=_run_labels(rows),
            y=rows["body_words_median"].to_list(),
            mode="lines+markers",
        )
        for site in top
        for rows in [site_runs.filter(pl.col("site") == site)]
    ]
    words_chart = _figure("site-body-words", words, "Median body words per run, by site")
    found = _figure(
        "site-found",
        [
            go.Bar(name=name, x=_labels(top), y=profiles.head(TOP_SITES)[column].to_list())
            for name, column in [("headline found", "headline_rate"), ("date found", "date_rate")]
        ],
        "Headline and date found, share of pages",
        barmode="group",
    )
    text = _note(
        "Over the runs in the report: median body words is the median of the runs' "
        "medians; the rates pool the pages. Share of lines removed = removed lines / "
        "(removed lines + body paragraphs). View <code>report_site_runs</code> (per run)."
    )
    return "sites", "Sites", text + _table(profiles) + _pair(words_chart, found)


def _captions_section(data: ReportData) -> tuple[str, str, str]:
    captions = data["report_captions"]
    if not captions.height:
        return "captions", "Pictures and captions", "<p>No pictures.</p>"
    sums = ["images", "captioned", "without_caption", "with_alt_text", "printed_repeatedly"]
    per_site = (
        captions.group_by("site")
        .agg(*(pl.col(c).sum() for c in [*sums, "copies_collapsed"]))
        .sort(["images", "site"], descending=[True, False])
    )
    top = per_site.head(TOP_SITES)
    chart = _figure(
        "captions",
        [
            go.Bar(name=name, x=_labels(top["site"]), y=top[column].to_list())
            for name, column in [
                ("with caption", "captioned"),
                ("without caption", "without_caption"),
            ]
        ],
        "Pictures with and without a caption, by site",
        barmode="stack",
    )
    collapsed = int(per_site["copies_collapsed"].sum())
    text = _note(
        f"<b>{collapsed}</b> repeated caption copies were collapsed into the picture they "
        "repeat. View <code>report_captions</code>."
    )
    return "captions", "Pictures and captions", text + _pair(chart, _table(per_site))


def _quotes_section(data: ReportData) -> tuple[str, str, str]:
    speakers = data["report_speakers"]
    if not speakers.height:
        return "quotes", "Quotes", "<p>No quotes.</p>"
    days = (
        data["report_quotes_per_day"]
        .group_by("day")
        .agg(pl.col("quotes").sum(), pl.col("attributed").sum())
        .sort("day")
    )
    day_chart = _figure(
        "quotes-per-day",
        [
            go.Bar(name=name, x=days["day"].to_list(), y=values.to_list())
            for name, values in [
                ("with a speaker", days["attributed"]),
                ("without a speaker", days["quotes"] - days["attributed"]),
            ]
        ],
        "Quotes per publication day",
        barmode="stack",
    )
    top = (
        speakers.filter(pl.col("speaker").is_not_null())
        .group_by("speaker")
        .agg(pl.col("quotes").sum(), pl.col("articles").sum())
        .sort(["quotes", "speaker"], descending=[True, False])
        .head(TOP_SPEAKERS)
    )
    speaker_chart = _ranked_bars(
        "top-speakers", top["speaker"], top["quotes"], f"Top {TOP_SPEAKERS} speakers"
    )
    by_kind = (
        speakers.group_by("kind")
        .agg(
            pl.col("quotes").sum(),
            pl.col("quotes").filter(pl.col("speaker").is_null()).sum().alias("without_speaker"),
        )
        .with_columns((pl.col("without_speaker") / pl.col("quotes")).round(3).alias("share"))
        .sort("kind")
    )
    total = int(by_kind["quotes"].sum())
    without = int(by_kind["without_speaker"].sum())
    text = _note(
        f"{total} quotes; <b>{without / total:.1%}</b> without a speaker. Articles without a "
        "publication date are left out of the daily chart. Views "
        "<code>report_quotes_per_day</code>, <code>report_speakers</code>."
    )
    return (
        "quotes",
        "Quotes",
        text + _pair(day_chart, _table(days)) + _pair(speaker_chart, _table(top)) + _table(by_kind),
    )


def _stages_section(data: ReportData) -> tuple[str, str, str]:
    stages = data["report_stage_seconds"]
    if not stages.height:
        return "stages", "Time per stage", "<p>No stage times recorded.</p>"
    last = stages.select("run_id", "run_started_at").unique().sort("run_started_at").tail(LAST_RUNS)
    stages = stages.join(last, on=["run_id", "run_started_at"]).filter(pl.col("stage") != "total")
    labels = _run_labels(last)
    by_run = dict(zip(last["run_id"].to_list(), labels, strict=True))
    traces = []
    for stage in sorted(set(stages["stage"].to_list())):
        rows = dict(stages.filter(pl.col("stage") == stage).select("run_id", "seconds").iter_rows())
        traces.append(go.Bar(name=stage, x=labels, y=[rows.get(run, 0.0) for run in by_run]))
    chart = _figure(
        "stages", traces, f"Seconds per stage, last {last.height} runs", barmode="stack"
    )
    table = (
        stages.pivot(on="stage", index="run_id", values="seconds")
        .join(last, on="run_id")
        .sort("run_started_at")
    )
    text = _note(
        "Transform stages are summed over the worker processes, so their sum can exceed the "
        "run's wall time. View <code>report_stage_seconds</code>."
    )
    return "stages", "Time per stage", text + _pair(chart, _table(table))


# --- figures pooled from the per-run views ------------------------------------------------
def latest_drift(data: ReportData) -> pl.DataFrame:
    """Each site's latest run of the report's scope, compared with its own history."""
    drift = data["report_site_drift"]
    if not drift.height:
        return drift
    return drift.sort("run_started_at").group_by("site", maintain_order=True).last().sort("site")


def _site_profiles(data: ReportData) -> pl.DataFrame:
    runs = data["report_site_runs"]
    if not runs.height:
        return runs
    return (
        runs.group_by("site")
        .agg(
            pl.col("run_id").n_unique().alias("runs"),
            pl.col("pages").sum(),
            pl.col("body_words_median").median(),
            (
                pl.col("removed_lines").sum()
                / (pl.col("removed_lines") + pl.col("body_paragraphs")).sum()
            )
            .round(3)
            .alias("removed_share"),
            (pl.col("images").sum() / pl.col("pages").sum()).round(2).alias("images_per_page"),
            (pl.col("with_headline").sum() / pl.col("pages").sum()).round(3).alias("headline_rate"),
            (pl.col("with_date").sum() / pl.col("pages").sum()).round(3).alias("date_rate"),
        )
        .sort(["pages", "site"], descending=[True, False])
    )


# --- HTML pieces ---------------------------------------------------------------------------------
def _run_labels(runs: pl.DataFrame) -> list[str]:
    return [
        f"{started:%m-%d %H:%M} {run_id[-6:]}"
        for run_id, started in runs.select("run_id", pl.col("^(run_)?started_at$")).iter_rows()
    ]


def _labels(sites: Any) -> list[str]:
    """Sites as chart labels: a long folder path keeps its end, where the names differ.

    >>> _labels(["example.com", "/srv/scrapes/2026/very-long-folder-name/gazette"])
    ['example.com', '…6/very-long-folder-name/gazette']
    """
    return [s if len(s) <= LABEL_CHARS else "…" + s[-(LABEL_CHARS - 1) :] for s in sites]


def _ranked_bars(chart_id: str, labels: pl.Series, values: pl.Series, title: str) -> str:
    """Horizontal bars, largest first from the top."""
    bars = go.Bar(x=values.to_list()[::-1], y=labels.to_list()[::-1], orientation="h")
    return _figure(chart_id, [bars], title)


def _figure(chart_id: str, traces: list[Any], title: str, barmode: str | None = None) -> str:
    """A chart's HTML: its div (id ``chart-<chart_id>``) and the call that draws it."""
    figure = go.Figure(traces)
    figure.update_layout(
        title=title,
        template="plotly_white",
        barmode=barmode,
        height=380,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"font": {"size": 11}},  # at the right: below, it met long axis labels
    )
    figure.update_yaxes(automargin=True)
    # runs and sites are names, not numbers or dates, even when they look like them
    named_x = all(getattr(t, "orientation", None) != "h" for t in traces)
    figure.update_xaxes(
        automargin=True, type="category" if named_x and chart_id not in DATE_X else None
    )
    return figure.to_html(
        full_html=False, include_plotlyjs=False, config=CHART_CONFIG, div_id=f"chart-{chart_id}"
    )


def _pair(chart: str, table: str) -> str:
    return (
        f"<div class='pair'><div class='chart'>{chart}</div>"
        f"<div class='numbers'>{table}</div></div>"
    )


def _note(text: str) -> str:
    return f"<p class='note'>{text}</p>"


def _table(frame: pl.DataFrame) -> str:
    if not frame.height:
        return "<p>No rows.</p>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns)
    rows = []
    for row in frame.head(TABLE_ROWS).iter_rows():
        cells = "".join(_cell(value) for value in row)
        rows.append(f"<tr>{cells}</tr>")
    more = ""
    if frame.height > TABLE_ROWS:
        more = f"<p class='note'>{frame.height - TABLE_ROWS} more rows in the view.</p>"
    return f"<div class='scroll'><table><tr>{head}</tr>{''.join(rows)}</table></div>{more}"


def _cell(value: Any) -> str:
    if value is None:
        return "<td class='null'>—</td>"
    if isinstance(value, bool):
        return f"<td>{'yes' if value else 'no'}</td>"
    if isinstance(value, int | float):
        text = f"{value:,}" if isinstance(value, int) else _decimal(value)
        return f"<td class='num'>{text}</td>"
    if isinstance(value, datetime):
        return f"<td>{value:%Y-%m-%d %H:%M:%S}</td>"
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return f"<td>{html.escape(str(value))}</td>"


def _decimal(value: float) -> str:
    """1,160 for large figures, 0.125 for shares."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1280px; padding: 0 16px;
       color: #222; }
h1 { margin-bottom: 0; } h2 { border-bottom: 1px solid #ddd; padding-top: 12px; }
nav { position: sticky; top: 0; background: #fff; padding: 6px 0; border-bottom: 1px solid #eee; }
.meta, .note { color: #555; } .alert { color: #a00; font-weight: bold; } .ok { color: #060; }
.pair { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; margin: 12px 0; }
.chart { flex: 3 1 560px; min-width: 0; } .numbers { flex: 2 1 360px; min-width: 0; }
.scroll { max-height: 380px; overflow: auto; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border-bottom: 1px solid #eee; padding: 2px 8px; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #f7f7f7; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } td.null { color: #aaa; }
"""

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>presswash quality report</title>
<style>{style}</style>
<script>{plotly}</script>
</head><body>
{header}
{body}
</body></html>
"""
