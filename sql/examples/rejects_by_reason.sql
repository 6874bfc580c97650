-- Why inputs were rejected, most common reason first.
select reason, count(*) as documents, min(source_uri) as example
from documents
where status = 'rejected'
group by reason
order by documents desc, reason;
