-- The removed lines of the exported documents.
create or replace temp view export_removed_lines as
with final as (
    select r.*
    from removed_lines as r
    semi join export_documents using (document_id)
)
select * from final;
