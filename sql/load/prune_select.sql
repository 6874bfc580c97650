-- Documents of inputs that no longer exist: their path lies under one of the run's
-- sources ($roots: folders or files; globs match by pattern) but was not found this run.
create or replace temp table stage_replaced as
with scope as (
    select d.document_id, d.article_id, d.source_path
    from documents as d
    where exists (
        select 1
        from prune_roots as r
        where (not r.is_glob and (d.source_path = r.root or starts_with(d.source_path, r.root || '/')))
           or (r.is_glob and d.source_path glob r.root)
    )
),
final as (
    select document_id, article_id
    from scope
    where source_path not in (select path from prune_seen)
)
select * from final;

delete from source_files
where path in (
    select d.source_path from documents as d
    where d.document_id in (select document_id from stage_replaced)
);
