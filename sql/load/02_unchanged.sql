-- Documents whose raw bytes are already stored with the same outcome change nothing.
-- $reprocess: true to reprocess everything (after a rule change).
create or replace temp table stage_unchanged as
with stored as (
    select document_id, raw_sha256, status from documents
),
final as (
    select s.document_id
    from stage_documents as s
    join stored as d using (document_id)
    where not $reprocess
      and d.raw_sha256 is not distinct from s.raw_sha256
      and s.raw_sha256 is not null
      and (d.status = 'rejected') = (s.status = 'rejected')
)
select * from final;
