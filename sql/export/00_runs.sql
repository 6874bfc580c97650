-- Runs an export writes: all, or those started on or after export_since.
create or replace temp view export_runs as
with since as (
    select getvariable('export_since') as since_date
),
final as (
    select r.*
    from runs as r, since as s
    where s.since_date is null or r.started_at >= s.since_date
)
select * from final;
