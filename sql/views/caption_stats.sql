-- Pictures per source: how many, how many captions were printed twice, alt text coverage.
create or replace view caption_stats as
with pictures as (
    select
        s.source,
        i.article_id,
        i.alt_text,
        i.caption,
        i.caption_repeats
    from images as i
    join article_sources as s using (article_id)
),
final as (
    select
        source,
        count(distinct article_id) as articles,
        count(*) as images,
        count(caption) as captioned,
        count(distinct caption) as distinct_captions,
        count(*) filter (where caption_repeats > 1) as printed_twice,
        count(alt_text) as with_alt_text,
        round(avg(length(caption)), 1) as avg_caption_chars
    from pictures
    group by source
)
select * from final order by images desc, source;
