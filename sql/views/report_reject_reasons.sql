-- Report: why documents were rejected, per run and site. The reason's kind drops what
-- varies between documents (a JSON Lines line number, details in brackets, sizes), so
-- "line 7: invalid JSON (Expecting value)" and "line 9: invalid JSON (...)" count together.
create or replace view report_reject_reasons as
with rejected as (
    select
        d.run_id,
        r.started_at as run_started_at,
        coalesce(d.site, 'unknown') as site,
        d.reason,
        trim(regexp_replace(
            regexp_replace(regexp_replace(d.reason, '^line [0-9]+: ', ''), '\s*\(.*$', ''),
            '[0-9][0-9,.]*', 'N', 'g'
        )) as reason_kind
    from documents as d
    join runs as r using (run_id)
    where d.status = 'rejected'
),
final as (
    select
        run_id,
        run_started_at,
        site,
        reason_kind,
        count(*) as documents,
        min(reason) as example
    from rejected
    group by all
)
select * from final order by run_started_at, documents desc, reason_kind;
