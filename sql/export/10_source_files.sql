-- Ledger entries written by the exported runs.
create or replace temp view export_source_files as
with final as (
    select f.*
    from source_files as f
    semi join export_runs using (run_id)
)
select * from final;
