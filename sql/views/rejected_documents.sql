-- Inputs that did not load, with the reason, newest first.
create or replace view rejected_documents as
with rejected as (
    select source_uri, reason, bytes, encoding, run_id, ingested_at
    from documents
    where status = 'rejected'
),
final as (
    select * from rejected
)
select * from final order by ingested_at desc, source_uri;
