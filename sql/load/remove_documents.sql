-- Remove the documents listed in stage_replaced (document_id, article_id): their rows go;
-- an article no other document holds goes with its children; one still held by a
-- duplicate changes owner. Used when inputs are replaced and when missing ones are pruned.
delete from documents where document_id in (select document_id from stage_replaced);
delete from removed_lines where document_id in (select document_id from stage_replaced);

create or replace temp table stage_orphans as
select distinct r.article_id
from stage_replaced as r
where r.article_id is not null
  and not exists (select 1 from documents as d where d.article_id = r.article_id);

delete from quotes where article_id in (select article_id from stage_orphans);
delete from images where article_id in (select article_id from stage_orphans);
delete from paragraphs where article_id in (select article_id from stage_orphans);
delete from articles where article_id in (select article_id from stage_orphans);

-- Hand an article whose owning document was replaced to the first duplicate holding it.
create or replace temp table stage_new_owners as
select a.article_id, min(d.document_id) as document_id
from articles as a
join documents as d on d.article_id = a.article_id
where a.document_id in (select document_id from stage_replaced)
group by a.article_id;

update articles
set document_id = o.document_id,
    source_uri = (select source_uri from documents where document_id = o.document_id)
from stage_new_owners as o
where articles.article_id = o.article_id;

update documents set status = 'loaded'
where document_id in (select document_id from stage_new_owners);
