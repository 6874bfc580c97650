-- Inputs that come again with new content replace their old rows. An article no other
-- document holds goes with its children; one still held by a duplicate changes owner.
create or replace temp table stage_replaced as
select d.document_id, d.article_id
from documents as d
join stage_documents as s using (document_id)
where s.document_id not in (select document_id from stage_unchanged);
