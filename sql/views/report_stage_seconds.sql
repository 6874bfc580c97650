-- Report: seconds each stage of a run took (transform stages summed over the workers).
create or replace view report_stage_seconds as
with final as (
    select
        s.run_id,
        r.started_at as run_started_at,
        s.stage,
        round(s.seconds, 3) as seconds
    from run_stages as s
    join runs as r using (run_id)
)
select * from final order by run_started_at, stage;
