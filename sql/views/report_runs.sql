-- Report: documents by status in each run, oldest first (one bar per run).
create or replace view report_runs as
with final as (
    select
        run_id,
        started_at,
        finished_at,
        status,
        coalesce(documents_seen, 0) as seen,
        coalesce(documents_loaded, 0) as loaded,
        coalesce(documents_unchanged, 0) as unchanged,
        coalesce(documents_duplicate, 0) as duplicate,
        coalesce(documents_rejected, 0) as rejected,
        round(date_diff('millisecond', started_at, finished_at) / 1000, 1) as seconds
    from runs
)
select * from final order by started_at, run_id;
