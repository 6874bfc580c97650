-- Input documents an export writes: all, or those ingested on or after export_since.
create or replace temp view export_documents as
with since as (
    select getvariable('export_since') as since_date
),
final as (
    select d.*
    from documents as d, since as s
    where s.since_date is null or d.ingested_at >= s.since_date
)
select * from final;
