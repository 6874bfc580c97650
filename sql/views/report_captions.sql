-- Report: pictures per site and run: with and without a caption, with alt text, and the
-- repeated caption copies that were collapsed into one picture.
create or replace view report_captions as
with pictures as (
    select
        d.run_id,
        r.started_at as run_started_at,
        coalesce(d.site, 'unknown') as site,
        i.caption,
        i.alt_text,
        coalesce(i.caption_repeats, 1) as caption_repeats
    from images as i
    join documents as d on d.article_id = i.article_id and d.status = 'loaded'
    join runs as r on r.run_id = d.run_id
),
final as (
    select
        run_id,
        run_started_at,
        site,
        count(*) as images,
        count(caption) as captioned,
        count(*) - count(caption) as without_caption,
        count(alt_text) as with_alt_text,
        count(*) filter (where caption_repeats > 1) as printed_repeatedly,
        coalesce(sum(caption_repeats - 1) filter (where caption is not null), 0) as copies_collapsed
    from pictures
    group by all
)
select * from final order by run_started_at, site;
