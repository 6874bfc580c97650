-- Report: quotes per publication day (articles without a date are left out), per run.
create or replace view report_quotes_per_day as
with dated as (
    select
        a.published_date as day,
        a.run_id,
        r.started_at as run_started_at,
        q.speaker_canonical
    from quotes as q
    join articles as a using (article_id)
    join runs as r on r.run_id = a.run_id
    where a.published_date is not null
),
final as (
    select
        day,
        run_id,
        run_started_at,
        count(*) as quotes,
        count(speaker_canonical) as attributed
    from dated
    group by all
)
select * from final order by day, run_started_at;
