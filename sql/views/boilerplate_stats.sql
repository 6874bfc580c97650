-- Removed lines per source and rule: what the cleaner drops, and an example of each.
create or replace view boilerplate_stats as
with removed as (
    select
        r.rule,
        r.text,
        r.document_id,
        coalesce(s.source, regexp_extract(d.source_path, '([^/]+)/[^/]+$', 1)) as source
    from removed_lines as r
    join documents as d using (document_id)
    left join article_sources as s on s.article_id = d.article_id
),
final as (
    select
        source,
        rule,
        count(*) as lines,
        count(distinct document_id) as documents,
        mode(text) as most_common_text
    from removed
    group by source, rule
)
select * from final order by source, lines desc, rule;
