-- Articles an export writes: all of them, or (with --since) those published or loaded on
-- or after the date in the session variable export_since.
create or replace temp view export_articles as
with since as (
    select getvariable('export_since') as since_date
),
final as (
    select a.*
    from articles as a, since as s
    where s.since_date is null
        or a.published_date >= s.since_date
        or a.loaded_at >= s.since_date
)
select * from final;
