insert or replace into run_stages (run_id, stage, seconds) values ($1, $2, $3)
