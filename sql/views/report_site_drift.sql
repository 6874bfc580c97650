-- Report: has a site's extraction changed? Each run of a site (with at least 3 pages)
-- against all its earlier runs pooled (at least 5 pages), with the figures that moved
-- sharply: median body words halved or doubled, the share of lines removed doubled or
-- halved (and moved by 0.10 or more), headline or date found rate moved by 0.30 or more,
-- images per page doubled or halved (and moved by 1 or more). `flags` lists them.
create or replace view report_site_drift as
with numbered as (
    select *, row_number() over (partition by site order by run_started_at, run_id) as nth
    from report_site_runs
),
history as (
    select
        l.site,
        l.run_id,
        count(*) as history_runs,
        sum(h.pages) as history_pages,
        median(h.body_words_median) as history_body_words_median,
        round(sum(h.removed_lines) / nullif(sum(h.removed_lines) + sum(h.body_paragraphs), 0), 3)
            as history_removed_share,
        round(sum(h.images) / sum(h.pages), 2) as history_images_per_page,
        round(sum(h.with_headline) / sum(h.pages), 3) as history_headline_rate,
        round(sum(h.with_date) / sum(h.pages), 3) as history_date_rate
    from numbered as l
    join numbered as h on h.site = l.site and h.nth < l.nth
    group by l.site, l.run_id
),
compared as (
    select
        l.site,
        l.run_id,
        l.run_started_at,
        l.pages,
        h.history_runs,
        h.history_pages,
        h.history_body_words_median,
        l.body_words_median,
        h.history_removed_share,
        l.removed_share,
        h.history_images_per_page,
        l.images_per_page,
        h.history_headline_rate,
        l.headline_rate,
        h.history_date_rate,
        l.date_rate,
        list_filter([
            case when doubled_or_halved(l.body_words_median, h.history_body_words_median, 0)
                then format('median body words {} -> {}', h.history_body_words_median, l.body_words_median)
            end,
            case when doubled_or_halved(l.removed_share, h.history_removed_share, 0.10)
                then format('share of lines removed {} -> {}', h.history_removed_share, l.removed_share)
            end,
            case when abs(l.headline_rate - h.history_headline_rate) >= 0.30
                then format('headline found {} -> {}', h.history_headline_rate, l.headline_rate)
            end,
            case when abs(l.date_rate - h.history_date_rate) >= 0.30
                then format('date found {} -> {}', h.history_date_rate, l.date_rate)
            end,
            case when doubled_or_halved(l.images_per_page, h.history_images_per_page, 1)
                then format('images per page {} -> {}', h.history_images_per_page, l.images_per_page)
            end
        ], lambda flag: flag is not null) as flags
    from numbered as l
    join history as h using (site, run_id)
    where l.pages >= 3 and h.history_pages >= 5
),
final as (
    select *, len(flags) > 0 as drifted from compared
)
select * from final order by run_started_at, site;
