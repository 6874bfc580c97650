-- What this batch did, by outcome.
select
    count(*) filter (where u.document_id is not null) as unchanged,
    count(*) filter (where u.document_id is null and d.status = 'loaded') as loaded,
    count(*) filter (where u.document_id is null and d.status = 'duplicate') as duplicate,
    count(*) filter (where u.document_id is null and d.status = 'rejected') as rejected
from stage_documents as s
left join stage_unchanged as u using (document_id)
left join documents as d on d.document_id = s.document_id;
