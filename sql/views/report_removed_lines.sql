-- Report: lines the cleaner removed, by rule, per site and run (the run that loaded the
-- document last; removed_lines keeps only the latest processing of each document).
create or replace view report_removed_lines as
with removed as (
    select
        d.run_id,
        r.started_at as run_started_at,
        coalesce(d.site, 'unknown') as site,
        l.rule,
        l.document_id
    from removed_lines as l
    join documents as d using (document_id)
    join runs as r using (run_id)
),
final as (
    select
        run_id,
        run_started_at,
        site,
        rule,
        count(*) as lines,
        count(distinct document_id) as documents
    from removed
    group by all
)
select * from final order by run_started_at, site, lines desc, rule;
