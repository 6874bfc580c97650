insert into runs (run_id, flow_run_id, started_at, status, sources)
values ($1, $2, $3, 'running', $4)
