-- Where each article came from: the site (host of its URL) when the scraper gave one,
-- else the folder its file sits in. Other views group "per source" by this.
create or replace view article_sources as
with articles_with_path as (
    select
        a.article_id,
        a.url,
        d.source_path
    from articles as a
    join documents as d using (document_id)
),
final as (
    select
        article_id,
        coalesce(
            nullif(regexp_extract(url, '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\.)?([^/:?#]+)', 1), ''),
            nullif(regexp_extract(source_path, '([^/]+)/[^/]+$', 1), ''),
            'unknown'
        ) as source
    from articles_with_path
)
select * from final;
