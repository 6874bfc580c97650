-- Documents of inputs that no longer exist: $prune_paths, the files under the run's sources
-- (by the same rule discovery uses) that the run did not find.
create or replace temp table stage_replaced as
select d.document_id, d.article_id
from documents as d
where d.source_path in (select path from prune_paths);

delete from source_files
where path in (select path from prune_paths);
