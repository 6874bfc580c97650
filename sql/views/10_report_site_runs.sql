-- Report: each site's profile in each run that loaded pages of it: pages, median body
-- words, share of lines removed (removed / (removed + body paragraphs)), images per page,
-- and how often a headline and a date were found. The sums beside the rates let a reader
-- pool several runs (the report does, for a site's history).
create or replace view report_site_runs as
with removed as (
    select document_id, count(*) as removed_lines
    from removed_lines
    group by document_id
),
pages as (
    select
        coalesce(d.site, 'unknown') as site,
        d.run_id,
        a.word_count,
        a.paragraph_count,
        a.image_count,
        (coalesce(a.headline, '') <> '')::integer as has_headline,
        (a.published_date is not null)::integer as has_date,
        coalesce(r.removed_lines, 0) as removed_lines
    from documents as d
    join articles as a using (article_id)
    left join removed as r on r.document_id = d.document_id
    where d.status = 'loaded'
),
final as (
    select
        p.site,
        p.run_id,
        runs.started_at as run_started_at,
        count(*) as pages,
        median(p.word_count) as body_words_median,
        sum(p.removed_lines) as removed_lines,
        sum(p.paragraph_count) as body_paragraphs,
        round(sum(p.removed_lines) / nullif(sum(p.removed_lines) + sum(p.paragraph_count), 0), 3)
            as removed_share,
        sum(p.image_count) as images,
        round(avg(p.image_count), 2) as images_per_page,
        sum(p.has_headline) as with_headline,
        round(avg(p.has_headline), 3) as headline_rate,
        sum(p.has_date) as with_date,
        round(avg(p.has_date), 3) as date_rate
    from pages as p
    join runs using (run_id)
    group by all
)
select * from final order by site, run_started_at, run_id;
