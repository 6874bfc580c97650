-- Runs left 'running' by a process that was killed. Returns how many were closed.
with closed as (
    update runs
    set status = 'aborted',
        finished_at = now()::timestamp,
        message = 'the process ended before the run finished'
    where status = 'running'
    returning run_id
)
select count(*) from closed
